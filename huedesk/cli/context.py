"""What every subcommand gets: the parsed arguments, the database, and the signed-in workspace.

Nothing here imports the database, account or workspace code at module level:
every ``huedesk`` command builds a context, and ``huedesk --version`` must not pay
for SQLAlchemy (the imports below sit in the methods that need them).
"""

from __future__ import annotations

import argparse
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from huedesk.accounts import Principal
    from huedesk.db.engine import Database
    from huedesk.db.location import Location
    from huedesk.workspace import Door, Workspace


# How long opening the database may take before the command says why it waits.
OPENING_NOTICE_AFTER_S = 2.0


@dataclass
class CommandContext:
    """Arguments of one invocation, with the database opened and the user signed in on
    first use. Commands work through ``workspace()``, the same door as the window."""

    args: argparse.Namespace
    out: TextIO = field(default_factory=lambda: sys.stdout)
    _db: Database | None = None
    _workspace: Workspace | None = None

    @property
    def db_path(self) -> Location:
        """The database ``--db`` or ``$HUEDESK_DB`` names (a file, or a server's URL)."""
        from huedesk.db.location import resolve_location

        return resolve_location(getattr(self.args, "db", None))

    @property
    def db_file(self) -> Path:
        """The database file, for commands that work on the file itself (backup, restore);
        refused with one line for a server database."""
        from huedesk.db.backend import refuse_server

        return refuse_server(self.db_path)

    @property
    def lang(self) -> str:
        return getattr(self.args, "lang", None) or "vi"

    @property
    def actor(self) -> str:
        """Who is acting: the signed-in account (see ``huedesk.cli.signin``), or the OS
        account name while the database has no accounts."""
        return self.workspace().user_name

    def principal(self) -> Principal:
        """The signed-in user with their role (asks for the password once per invocation)."""
        return self.workspace().principal

    def workspace(self) -> Workspace:
        """The signed-in user's workspace (signs in on first use)."""
        if self._workspace is None:
            from huedesk.cli.signin import sign_in

            self._workspace = sign_in(self.door(), getattr(self.args, "user", None))
        return self._workspace

    def door(self) -> Door:
        """The open database before anyone signs in (``user init`` creates the first account)."""
        from huedesk.workspace import Door

        return Door(self.db())

    def db(self) -> Database:
        """The open, migrated database (opened once per invocation)."""
        if self._db is None:
            from huedesk.store import open_store

            # An upgrade on the way in (a migration, a server's search index rebuilt once
            # after an update) can take minutes: say so, on the side, instead of silence.
            notice = threading.Timer(OPENING_NOTICE_AFTER_S, self._say_opening_is_slow)
            notice.daemon = True
            notice.start()
            try:
                self._db = open_store(self.db_path)
            finally:
                notice.cancel()
            if self._db.read_only is not None:  # said once, on the side: stdout stays the data
                why = self._db.read_only
                print(
                    f"huedesk: {'read-only' if self.lang == 'en' else 'chỉ đọc'}: "
                    f"{why.en if self.lang == 'en' else why.vi}.",
                    file=sys.stderr,
                )
        return self._db

    def _say_opening_is_slow(self) -> None:
        print(
            "huedesk: opening the database; the first opening after an update can take a few "
            "minutes (ending the command now writes nothing half-way)"
            if self.lang == "en"
            else "huedesk: đang mở cơ sở dữ liệu; lần mở đầu tiên sau khi cập nhật có thể mất "
            "vài phút (dừng lệnh lúc này thì không có gì bị ghi dở)",
            file=sys.stderr,
            flush=True,
        )

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None

    def print(self, *parts: object) -> None:
        print(*parts, file=self.out)

"""What every subcommand gets: the parsed arguments and a way to open the database.

Nothing here imports the database or account code at module level: every
``huedesk`` command builds a context, and ``huedesk --version`` must not pay for
SQLAlchemy (the imports below sit in the methods that need them).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from huedesk.paths import resolve_db_path

if TYPE_CHECKING:
    from huedesk.accounts import Principal
    from huedesk.db.engine import Database


@dataclass
class CommandContext:
    """Arguments of one invocation, with the database opened on first use."""

    args: argparse.Namespace
    out: TextIO = field(default_factory=lambda: sys.stdout)
    _db: Database | None = None
    _principal: Principal | None = None

    @property
    def db_path(self) -> Path:
        return resolve_db_path(getattr(self.args, "db", None))

    @property
    def lang(self) -> str:
        return getattr(self.args, "lang", None) or "vi"

    @property
    def actor(self) -> str:
        """Who is acting: the signed-in account (see ``huedesk.cli.signin``), or the OS
        account name while the database has no accounts."""
        return self.principal().name

    def principal(self) -> Principal:
        """The signed-in user with their role (asks for the password once per invocation)."""
        if self._principal is None:
            from huedesk.cli.signin import sign_in

            self._principal = sign_in(self.db(), getattr(self.args, "user", None))
        return self._principal

    def db(self) -> Database:
        """The open, migrated database (opened once per invocation)."""
        if self._db is None:
            from huedesk.store import open_store

            self._db = open_store(self.db_path)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None

    def print(self, *parts: object) -> None:
        print(*parts, file=self.out)

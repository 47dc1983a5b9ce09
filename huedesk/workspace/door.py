"""The open database before anyone has signed in: the only way in is through here.

``Door.open(path)`` opens the file (checked, migrated, seeded: ``huedesk.store``);
``sign_in`` checks a password and hands out the ``Workspace`` of that user; on a
database without accounts, ``create_administrator`` makes the first one, and
``enter`` lets a caller in as the local administrator (first run, scripts on a
fresh file). Nothing else in HueDesk hands out a workspace to the window or the
command line.
"""

from __future__ import annotations

from pathlib import Path

from huedesk.accounts import AccountService, Principal, Role
from huedesk.db.engine import Database
from huedesk.db.location import Location
from huedesk.errors import PermissionDenied
from huedesk.store import open_store
from huedesk.workspace.workspace import Workspace


class Door:
    """One database file, open, with nobody signed in yet."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._accounts = AccountService(db)

    @classmethod
    def open(cls, location: Location, *, back_up_later: bool = False) -> Door:
        """Open (creating if needed) the database at ``location``, a file or a server's URL
        (``DamagedDatabaseError``, ``AppLockHeld`` and other ``HueDeskError``s say why it
        cannot be opened).

        The daily backup is taken on the way in, unless ``back_up_later``: the window
        opens at once and calls ``Workspace.back_up_if_due`` in the background.
        """
        return cls(open_store(location, auto_backup=not back_up_later))

    @staticmethod
    def rescue(path: Path, good_backup: Path) -> Path | None:
        """Put ``good_backup`` in place of a damaged database (at start-up, before any
        sign-in: a damaged file has no accounts to check; the rescue is logged)."""
        from huedesk import maintenance  # on first use: a rescue is rare, and it loads backups

        return maintenance.rescue(Path(path), Path(good_backup)).kept

    @property
    def path(self) -> Path:
        return self._db.path

    @property
    def first_run(self) -> bool:
        """True while the database has no account (the first one is an administrator)."""
        return not self._accounts.has_accounts()

    def sign_in(self, name: str, password: str) -> Workspace:
        """The workspace of the account ``name``, if ``password`` is right and it is active."""
        return Workspace(self._db, self._accounts.authenticate(name, password))

    def create_administrator(
        self, name: str, password: str, display_name: str | None = None
    ) -> Workspace:
        """Create the first account (an administrator) and sign it in."""
        return Workspace(self._db, self._accounts.create_first_admin(name, password, display_name))

    def enter(self, name: str) -> Workspace:
        """Come in as the local administrator ``name``: only while there are no accounts."""
        if not self.first_run:
            raise PermissionDenied(
                "Cơ sở dữ liệu này có tài khoản; hãy đăng nhập.",
                "This database has accounts; sign in.",
            )
        return Workspace(self._db, Principal(name, Role.ADMIN))

    def close(self) -> None:
        """Close the database (for a door nobody went through)."""
        self._db.dispose()

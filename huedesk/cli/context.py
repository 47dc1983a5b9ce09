"""What every subcommand gets: the parsed arguments and a way to open the database."""

from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from huedesk.db.engine import Database
from huedesk.paths import resolve_db_path
from huedesk.store import open_store


@dataclass
class CommandContext:
    """Arguments of one invocation, with the database opened on first use."""

    args: argparse.Namespace
    out: TextIO = field(default_factory=lambda: sys.stdout)
    _db: Database | None = None

    @property
    def db_path(self) -> Path:
        return resolve_db_path(getattr(self.args, "db", None))

    @property
    def lang(self) -> str:
        return getattr(self.args, "lang", None) or "vi"

    @property
    def actor(self) -> str:
        """Who is acting, for the audit log (the OS account until HueDesk accounts exist)."""
        return getattr(self.args, "user", None) or getpass.getuser()

    def db(self) -> Database:
        """The open, migrated database (opened once per invocation)."""
        if self._db is None:
            self._db = open_store(self.db_path)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None

    def print(self, *parts: object) -> None:
        print(*parts, file=self.out)

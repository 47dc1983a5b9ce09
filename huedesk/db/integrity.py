"""Checking a database file without writing to it: SQLite's own checks and HueDesk's schema.

Opening a damaged file with a normal connection and carrying on would let SQLite
write into it (migrations, seeding) and make it worse. These checks use a
read-only connection, so a damaged or foreign file is refused untouched.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from huedesk.errors import DatabaseError

SQLITE_MAGIC = b"SQLite format 3\x00"


class DamagedDatabaseError(DatabaseError):
    """The file is damaged or not a HueDesk database; ``backup`` is the newest good backup.

    The UI catches this to offer "Restore the newest good backup"; the command line
    prints the message, which names the backup and the exact ``huedesk restore`` command.
    """

    def __init__(self, vi: str, en: str, *, path: Path, backup: Path | None = None) -> None:
        super().__init__(vi, en)
        self.path = path
        self.backup = backup


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (WAL readers still share its ``-shm``)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def has_sqlite_header(path: Path) -> bool:
    """Whether the file starts with SQLite's magic string (an empty file does not)."""
    with path.open("rb") as fh:
        return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def check_errors(path: Path, *, full: bool = False) -> list[str]:
    """What ``PRAGMA quick_check`` (or ``integrity_check`` when ``full``) finds; empty when sound.

    A file SQLite cannot even read counts as one problem, described by SQLite's message.
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise  # not damage: the caller reports who holds the file
        return [str(exc)]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [r[0] for r in rows if r[0] != "ok"]


def is_foreign(path: Path) -> bool:
    """An SQLite file with tables but without HueDesk's schema marker (someone else's database)."""
    conn = connect_readonly(path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()
    return bool(names) and "alembic_version" not in names


def schema_revision(path: Path) -> str | None:
    """The Alembic revision recorded in the file, ``None`` when it has none (not HueDesk's)."""
    conn = connect_readonly(path)
    try:
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if not found:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        conn.close()
    return row[0] if row else None

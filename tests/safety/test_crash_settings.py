"""Write transactions begin at once (BEGIN IMMEDIATE); a restored file goes back to WAL.

WAL with synchronous=FULL on every connection is checked in ``tests/db/test_storage.py``.
"""

from __future__ import annotations

import contextlib
import sqlite3

import pytest
from sqlalchemy import text

from huedesk import backup
from huedesk.db.engine import Database
from huedesk.store import open_store
from tests.backends import sqlite_only

pytestmark = sqlite_only("SQLite's BEGIN IMMEDIATE and WAL mode of a restored file")


def test_a_write_unit_holds_the_write_lock_from_its_first_statement(db: Database) -> None:
    with db.write() as s:
        s.execute(text("SELECT count(*) FROM country")).scalar()  # nothing written yet
        with contextlib.closing(sqlite3.connect(db.path, timeout=0)) as other:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            # readers are never blocked by a writer (WAL)
            assert other.execute("SELECT count(*) FROM country").fetchone()[0] > 0


def test_a_restored_file_is_back_in_wal_mode_when_opened(db: Database) -> None:
    taken = backup.backup_now(db.path)
    with contextlib.closing(sqlite3.connect(taken)) as conn:
        assert (
            conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        )  # one self-contained file
    backup.restore(db.path, taken)
    reopened = open_store(db.path)
    try:
        with reopened.read() as s:
            assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        reopened.dispose()

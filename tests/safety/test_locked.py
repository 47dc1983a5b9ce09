"""A database another program holds (an open ``BEGIN EXCLUSIVE``) gives a clear message."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from huedesk import backup
from huedesk.db.engine import Database
from tests.backends import sqlite_only
from tests.safety.support import Ran, other_process, run_cli

pytestmark = sqlite_only("another program holding the database file (BEGIN EXCLUSIVE)")

HOLD = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
conn.execute("UPDATE country SET name_en = name_en")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


@pytest.fixture
def locker(db: Database) -> Iterator[subprocess.Popen[str]]:
    """Another program with a write transaction open on the database."""
    db.dispose()
    with other_process(HOLD, str(db.path), ready="locked") as proc:
        yield proc


def _one_clear_line(done: Ran, path: Path) -> str:
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert str(path) in done.stderr
    return done.stderr


def test_writing_command_names_the_program_holding_the_database(
    db: Database, locker: subprocess.Popen[str]
) -> None:
    done = run_cli("--db", str(db.path), "add", "person", "full_name=Võ Văn Em", "--lang", "en")
    line = _one_clear_line(done, db.path)
    assert "is locked by another program; close it and try again" in line
    if sys.platform == "linux":
        assert f"(pid {locker.pid})" in line


def test_restore_names_the_program_holding_the_database(
    db: Database, locker: subprocess.Popen[str]
) -> None:
    taken = backup.backup_now(db.path)  # backups still work: readers are not blocked
    done = run_cli("--db", str(db.path), "restore", str(taken), "--yes", "--lang", "en")
    line = _one_clear_line(done, db.path)
    assert "is open in another program; close it and restore again" in line
    if sys.platform == "linux":
        assert f"(pid {locker.pid})" in line
    assert not db.path.with_name(db.path.name + ".restoring").exists()

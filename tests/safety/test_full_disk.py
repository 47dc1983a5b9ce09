"""A full disk: a clear error, nothing half-written, the database unharmed.

Where the tests run as root on Linux they mount a tiny tmpfs, a real full disk;
everywhere, ``PRAGMA max_page_count`` gives SQLite's own "database or disk is full".
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from huedesk import backup
from huedesk.db.engine import Database
from huedesk.db.migrate import integrity_errors
from huedesk.errors import DatabaseError
from huedesk.records import RecordService
from huedesk.records.service import create_in
from huedesk.store import open_store
from tests.backends import sqlite_only
from tests.safety.support import column_in

pytestmark = sqlite_only(
    "a full disk under the database file (a tiny tmpfs, SQLite's max_page_count)"
)

NOTE = "Ghi chú dài về chương trình làm việc của đoàn. " * 200  # ~10 kB


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB file system of its own (root on Linux only)."""
    if sys.platform != "linux" or shutil.which("mount") is None:
        pytest.skip("needs Linux mount")
    where = tmp_path / "small"
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(where)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root?)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def ids_in(path: Path) -> set[int]:
    return set(column_in(path, "SELECT id FROM person"))


def _fill_until_full(svc: RecordService) -> tuple[set[int], DatabaseError]:
    committed: set[int] = set()
    for i in range(2000):
        try:
            committed.add(svc.create("person", {"full_name": f"Người {i}", "notes": NOTE})["id"])
        except DatabaseError as exc:
            return committed, exc
    raise AssertionError("the disk never filled up")


def test_full_disk_gives_a_clear_error_and_keeps_every_commit(small_disk: Path) -> None:
    path = small_disk / "huedesk.sqlite3"
    db = open_store(path)
    try:
        committed, exc = _fill_until_full(RecordService(db, "kiemthu"))
        assert committed
        assert "is full; nothing was written" in exc.en and str(path) in exc.en
        # a whole import batch that does not fit is not written at all
        with pytest.raises(DatabaseError, match="full"), db.write() as s:
            for i in range(50):
                create_in(s, "kiemthu", "person", {"full_name": f"Lô {i}", "notes": NOTE})
    finally:
        db.dispose()
    assert integrity_errors(path) == []
    assert ids_in(path) == committed
    again = open_store(path)  # the daily backup fails for lack of space, opening does not
    again.dispose()
    assert ids_in(path) == committed


def test_backup_to_a_full_disk_leaves_no_file_and_the_original_unharmed(
    filled: RecordService, db: Database, small_disk: Path
) -> None:
    with db.write() as s:
        for i in range(400):
            create_in(s, "kiemthu", "person", {"full_name": f"Người {i}", "notes": NOTE})
    db.dispose()
    assert db.path.stat().st_size > 3 * 1024 * 1024
    dest = small_disk / "backup.sqlite3"
    with pytest.raises(DatabaseError, match="full") as exc:
        backup.backup_to(db.path, dest)
    assert "the original is unharmed" in exc.value.en
    assert list(small_disk.iterdir()) == []
    assert integrity_errors(db.path) == []


def test_sqlite_full_error_without_a_small_disk(db: Database) -> None:
    """The same guarantee, simulated: SQLite may not grow the file past a few pages."""
    svc = RecordService(db, "kiemthu")
    first = svc.create("person", {"full_name": "Người đầu tiên"})["id"]
    with db.read() as s:
        pages = s.execute(text("PRAGMA page_count")).scalar_one()

    def limit(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 3}")

    event.listen(db.engine, "connect", limit)
    db.dispose()
    try:
        committed, exc = _fill_until_full(svc)
    finally:
        event.remove(db.engine, "connect", limit)
        db.dispose()
    assert "is full" in exc.en
    assert integrity_errors(db.path) == []  # through the backend: it knows hd_sort_key
    assert ids_in(db.path) == committed | {first}

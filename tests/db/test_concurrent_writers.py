"""Two writers at once: no reference number handed out twice, no fork in the audit chain.

Reference numbers and the audit chain both read a value and write its successor;
``huedesk.db.locks`` makes a writer hold the counter and the chain head until its
transaction ends. On SQLite the write transaction's ``BEGIN IMMEDIATE`` is that
lock; the processes below really run at the same time and queue on it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from huedesk.db import locks
from huedesk.db.backend.sqlite import SQLITE
from huedesk.db.engine import Database
from huedesk.records import RecordService
from huedesk.store import open_store
from tests.backends import sqlite_only
from tests.db.writers import assert_numbered_and_chained, run_writers

PER_WRITER = 30


def test_two_writer_processes_number_refs_and_chain_audit_entries_without_a_gap(
    db_path: Path,
) -> None:
    open_store(db_path).dispose()
    run_writers(str(db_path), db_path.with_name("go"), 2, PER_WRITER)
    db = open_store(db_path, auto_backup=False)
    try:
        assert_numbered_and_chained(db, 2 * PER_WRITER)
    finally:
        db.dispose()


@sqlite_only("spies on the SQLite backend's locks (tests/db/test_postgresql.py has the server's)")
def test_numbering_and_chaining_hold_their_locks(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    held: list[str] = []
    real = SQLITE.hold

    def spy(session: object, key: str) -> None:
        held.append(key)
        real(session, key)  # type: ignore[arg-type]

    monkeypatch.setattr(SQLITE, "hold", spy)
    RecordService(db, actor="kiemthu").create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn Đại sứ Hàn Quốc",
            "country_code": "KR",
            "start_date": "12/03/2025",
            "status": "planned",
        },
    )
    assert held[:2] == [locks.counter_key("ĐV", 2025), locks.AUDIT_CHAIN]


def test_a_lock_outside_a_write_unit_of_work_is_a_programming_error(db: Database) -> None:
    with db.read() as s, pytest.raises(RuntimeError, match="outside a write unit"):
        locks.lock_counter(s, "ĐV", 2025)
    with db.write() as s:
        locks.lock_counter(s, "ĐV", 2025)
        locks.lock_audit_chain(s)

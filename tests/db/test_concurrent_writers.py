"""Two writers at once: no reference number handed out twice, no fork in the audit chain.

Reference numbers and the audit chain both read a value and write its successor;
``huedesk.db.locks`` makes a writer hold the counter and the chain head until its
transaction ends. On SQLite the write transaction's ``BEGIN IMMEDIATE`` is that
lock; the processes below really run at the same time and queue on it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from huedesk import audit
from huedesk.db import locks
from huedesk.db.backend.sqlite import SQLITE
from huedesk.db.engine import Database
from huedesk.db.models import AuditEntry, Delegation, RefCounter
from huedesk.records import RecordService
from huedesk.store import open_store

PER_WRITER = 30

_WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from sqlalchemy import func, select
    from huedesk.db.models import Delegation
    from huedesk.records import RecordService
    from huedesk.store import open_store

    db_path, go, name, n = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    db = open_store(db_path, auto_backup=False)
    svc = RecordService(db, actor="kiemthu")
    while not go.exists():
        time.sleep(0.005)
    for i in range(n):
        svc.create("delegation", {
            "direction": "in", "title": f"Đoàn {name} {i}", "country_code": "KR",
            "start_date": "12/03/2025", "status": "planned",
        })
        # Neither finishes before the other has begun: wait for the other's first record.
        deadline = time.monotonic() + 120
        while i == 0 and time.monotonic() < deadline:
            with db.read() as s:
                if s.scalar(select(func.count()).select_from(Delegation)) >= 2:
                    break
            time.sleep(0.005)
    db.dispose()
    """
)


def test_two_writer_processes_number_refs_and_chain_audit_entries_without_a_gap(
    db_path: Path,
) -> None:
    open_store(db_path).dispose()
    go = db_path.with_name("go")
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(db_path), str(go), name, str(PER_WRITER)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("A", "B")
    ]
    time.sleep(0.5)  # both have opened the database and wait for the start
    go.touch()
    for w in writers:
        _, err = w.communicate(timeout=300)
        assert w.returncode == 0, err
    db = open_store(db_path, auto_backup=False)
    try:
        with db.read() as s:
            refs = list(s.scalars(select(Delegation.ref)))
            counter = s.scalar(select(RefCounter.last).where(RefCounter.prefix == "ĐV"))
            entries = s.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.kind == "delegation")
            )
            breaks = list(audit.verify_chain(s))
    finally:
        db.dispose()
    assert len(refs) == 2 * PER_WRITER
    assert sorted(refs) == [f"ĐV-2025-{n:04d}" for n in range(1, 2 * PER_WRITER + 1)]
    assert counter == 2 * PER_WRITER
    assert entries == 2 * PER_WRITER
    assert breaks == []


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

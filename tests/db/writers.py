"""Writer processes creating delegations at once, and what they must leave behind.

Shared by the two-writer test on SQLite and the eight-writer test on PostgreSQL.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sqlalchemy import func, select

from huedesk import audit
from huedesk.db.engine import Database
from huedesk.db.models import AuditEntry, Delegation, RefCounter

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from sqlalchemy import func, select
    from huedesk.db.location import parse_location
    from huedesk.db.models import Delegation
    from huedesk.records import RecordService
    from huedesk.store import open_store

    location, go, name, n = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    db = open_store(parse_location(location), auto_backup=False)
    svc = RecordService(db, actor="kiemthu")
    while not go.exists():
        time.sleep(0.005)
    for i in range(n):
        svc.create("delegation", {
            "direction": "in", "title": f"Đoàn {name} {i}", "country_code": "KR",
            "start_date": "12/03/2025", "status": "planned",
        })
        # None finishes before another has begun: wait for a second first record.
        deadline = time.monotonic() + 120
        while i == 0 and time.monotonic() < deadline:
            with db.read() as s:
                if s.scalar(select(func.count()).select_from(Delegation)) >= 2:
                    break
            time.sleep(0.005)
    db.dispose()
    """
)


def run_writers(location: str, go: Path, writers: int, each: int) -> None:
    """Start ``writers`` processes on ``location``, release them at once, wait for all."""
    started = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, location, str(go), f"W{n}", str(each)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(writers)
    ]
    time.sleep(0.5)  # they have opened the database and wait for the start
    go.touch()
    for w in started:
        _, err = w.communicate(timeout=300)
        assert w.returncode == 0, err


def assert_numbered_and_chained(db: Database, total: int) -> None:
    """``total`` delegations numbered ĐV-2025-0001 … without gap or duplicate, the counter
    at ``total``, one audit entry each and an unbroken chain."""
    with db.read() as s:
        refs = list(s.scalars(select(Delegation.ref)))
        counter = s.scalar(select(RefCounter.last).where(RefCounter.prefix == "ĐV"))
        entries = s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.kind == "delegation")
        )
        breaks = list(audit.verify_chain(s))
    assert sorted(refs) == [f"ĐV-2025-{n:04d}" for n in range(1, total + 1)]
    assert counter == total
    assert entries == total
    assert breaks == []

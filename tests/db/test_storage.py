"""Connection settings and database-level constraints."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from huedesk.db.engine import Database
from tests.backends import sqlite_only


@sqlite_only("SQLite's connection settings (PRAGMAs)")
def test_connections_use_wal_foreign_keys_and_full_sync(db: Database) -> None:
    with db.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


def _insert_delegation(db: Database, start: str, end: str, country: str = "JP") -> None:
    with db.write() as s:
        s.execute(
            text(
                "INSERT INTO delegation (uuid, ref, direction, title, country_code, start_date, "
                "end_date, status, created_at, updated_at) VALUES (:u, :r, 'in', 'Đoàn', :c, :s, :e, "
                "'planned', '2025-01-01 00:00:00', '2025-01-01 00:00:00')"
            ),
            {
                "u": f"u-{start}-{end}-{country}",
                "r": f"ĐV-{start}-{country}",
                "c": country,
                "s": start,
                "e": end,
            },
        )


def test_check_constraint_refuses_end_before_start(db: Database) -> None:
    with pytest.raises(IntegrityError, match="dates_ordered"):
        _insert_delegation(db, "2025-03-10", "2025-03-01")


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError, match=r"(?i)foreign key"):
        _insert_delegation(db, "2025-03-10", "2025-03-11", country="ZZ")


def test_enum_check_refuses_unknown_status(db: Database) -> None:
    with pytest.raises(IntegrityError, match=r"(?i)check"), db.write() as s:
        s.execute(
            text(
                "INSERT INTO event (uuid, ref, title, event_type, start_date, status, created_at, "
                "updated_at) VALUES ('e1', 'SK-2025-0001', 'Festival Huế', 'festival', '2025-06-01', "
                "'bogus', '2025-01-01 00:00:00', '2025-01-01 00:00:00')"
            )
        )


def test_negative_amount_refused_by_database(db: Database) -> None:
    with pytest.raises(IntegrityError, match="not_negative"), db.write() as s:
        s.execute(
            text(
                "INSERT INTO organisation (uuid, ref, name, org_type, created_at, updated_at) "
                "VALUES ('o1', 'TC-2025-0001', 'JICA', 'donor', '2025-01-01', '2025-01-01')"
            )
        )
        s.execute(
            text(
                "INSERT INTO aid_project (uuid, ref, title, donor_id, sector, committed_amount, "
                "currency, status, created_at, updated_at) VALUES ('a1', 'VT-2025-0001', 'Y tế', 1, "
                "'health', -1, 'VND', 'approved', '2025-01-01', '2025-01-01')"
            )
        )


def test_a_failed_unit_of_work_writes_nothing(db: Database) -> None:
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(
            text(
                "INSERT INTO organisation (uuid, ref, name, org_type, created_at, updated_at) "
                "VALUES ('o2', 'TC-2025-0002', 'KOICA', 'donor', '2025-01-01', '2025-01-01')"
            )
        )
        s.execute(
            text(
                "INSERT INTO organisation (uuid, ref, name, org_type, created_at, updated_at) "
                "VALUES ('o2', 'TC-2025-0003', 'KOICA', 'donor', '2025-01-01', '2025-01-01')"
            )
        )
    with db.read() as s:  # a unit of work of its own sees only what was committed
        assert s.scalar(text("SELECT count(*) FROM organisation")) == 0


def test_quick_check_is_skipped_only_for_a_file_left_as_a_clean_close_left_it(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huedesk.db.backend.sqlite import files as integrity
    from huedesk.store import open_store

    open_store(db_path).dispose()
    assert integrity.clean_marker(db_path).exists()
    calls: list[object] = []
    real = integrity.problems
    # Only checks of the database itself count (the daily backup taken at open is read back).
    monkeypatch.setattr(
        integrity,
        "problems",
        lambda p, **kw: (p == db_path and calls.append(p)) or real(p, **kw),
    )
    open_store(db_path).dispose()
    assert calls == [], "unchanged since the clean close: no quick check"
    # A change behind HueDesk's back (same size, new time) brings the check back.
    with db_path.open("r+b") as fh:
        fh.seek(100)
        byte = fh.read(1)
        fh.seek(100)
        fh.write(byte)
    open_store(db_path).dispose()
    assert calls == [db_path]
    # A session that never closed cleanly leaves no marker: the next open checks.
    db = open_store(db_path)
    assert not integrity.clean_marker(db_path).exists()
    db.dispose()

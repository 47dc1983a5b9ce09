"""Migration 0007: end dates and status history filled from the audit log, regions seeded."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from sqlalchemy import select

from huedesk.db.backend.sqlite.connection import register_functions
from huedesk.db.engine import make_engine
from huedesk.db.migrate import upgrade
from huedesk.db.models import Region, RegionMember, StatusChange
from huedesk.records import RecordService
from huedesk.records.status_history import entries_for, status_on
from huedesk.store import open_store

# timestamps as HueDesk's own writes store them (updated_at is the version column a save
# compares with, as stored)
STAMP = "'2024-01-01 00:00:00.000000', '2024-01-01 00:00:00.000000'"


def _audit(conn: sqlite3.Connection, n: int, at: str, action: str, kind: str, uuid: str,
           changes: dict[str, list[object]]) -> None:  # fmt: skip
    conn.execute(
        "INSERT INTO audit_entry (at, actor, action, kind, record_uuid, record_ref, changes, "
        "prev_hash, entry_hash) VALUES (?, 'kiemthu', ?, ?, ?, NULL, ?, ?, ?)",
        (at, action, kind, uuid, json.dumps(changes), f"{n - 1:064d}", f"{n:064d}"),
    )


def _database_before_0007(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    upgrade(engine, "0006")
    engine.dispose()
    conn = sqlite3.connect(path)
    register_functions(conn)  # migration 0006's sort-key indexes name hd_sort_key
    with conn:
        conn.execute(
            "INSERT INTO country (id, uuid, code, name_vi, name_en, created_at, updated_at) "
            f"VALUES (1, 'c-jp', 'JP', 'Nhật Bản', 'Japan', {STAMP}), "
            f"(2, 'c-la', 'LA', 'Lào', 'Laos', {STAMP})"
        )
        orgs = [
            (1, "Tỉnh Gifu", "Gifu Prefecture", "JP"),
            (2, "Tỉnh Salavan", "Salavan Province", "LA"),
            (3, "Tỉnh Át-ta-pư", None, "LA"),
            (4, "Thủ đô Viêng Chăn", "Vientiane Capital", "LA"),
        ]
        for oid, name, name_en, country in orgs:
            conn.execute(
                "INSERT INTO organisation (id, uuid, ref, name, name_en, org_type, country_code, "
                f"created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'partner_locality', ?, {STAMP})",
                (oid, f"o-{oid}", f"TC-2024-000{oid}", name, name_en, country),
            )
        # ended in 2026 (the log saw it), no end day entered
        conn.execute(
            "INSERT INTO partnership (id, uuid, ref, partner_id, country_code, level, "
            "relation_type, since, status, created_at, updated_at) VALUES (1, 'p-1', "
            "'HT-2018-0001', 1, 'JP', 'province', 'friendship', '2018-10-04', 'ended', "
            "'2024-01-01 00:00:00', '2026-02-10 02:00:00')"
        )
        _audit(conn, 1, "2024-01-01 00:00:00", "create", "partnership", "p-1",
               {"status": [None, "established"], "since": [None, "2018-10-04"]})  # fmt: skip
        _audit(conn, 2, "2026-02-10 02:00:00", "update", "partnership", "p-1",
               {"status": ["established", "ended"]})  # fmt: skip
        # entered by a bulk load: nothing in the log
        conn.execute(
            "INSERT INTO agreement (id, uuid, ref, title, agreement_type, country_code, "
            "signing_level, signed_on, effective_from, status, created_at, updated_at) VALUES "
            "(1, 'a-1', 'TT-2023-0001', 'Biên bản ghi nhớ với tỉnh Salavan', 'mou', 'LA', "
            "'city_committee', '2023-03-01', '2023-04-01', 'in_force', "
            "'2024-05-01 00:00:00', '2024-05-01 00:00:00')"
        )
        # a log that knows a status the row no longer has (a change it did not see)
        conn.execute(
            "INSERT INTO fdi_project (id, uuid, ref, name, country_code, sector, "
            "registered_capital, currency, licence_date, status, created_at, updated_at) VALUES "
            "(1, 'f-1', 'FDI-2024-0001', 'Nhà máy Chân Mây', 'JP', 'manufacturing', 100, 'USD', "
            "'2024-06-01', 'terminated', '2024-06-02 00:00:00.000000', '2025-07-01 00:00:00.000000')"
        )
        _audit(conn, 3, "2024-06-02 00:00:00", "create", "fdi_project", "f-1",
               {"status": [None, "licensed"]})  # fmt: skip
    conn.close()


def test_upgrade_fills_history_end_days_and_the_southern_lao_region(db_path: Path) -> None:
    _database_before_0007(db_path)
    db = open_store(db_path)
    try:
        svc = RecordService(db, "kiemthu")
        p = svc.get_by_ref("partnership", "HT-2018-0001")
        assert p["ended_on"] == dt.date(2026, 2, 10), "the day the log saw it end"
        assert svc.get_by_ref("fdi_project", "FDI-2024-0001")["terminated_on"] is None
        with db.read() as s:
            history = {
                uuid: [(e.status, e.effective_on, e.source) for e in entries]
                for uuid, entries in entries_for(s, ["p-1", "a-1", "f-1"]).items()
            }
            known = entries_for(s, ["p-1", "a-1", "f-1"])
            region = s.scalars(select(Region)).one()
            members = set(s.scalars(select(RegionMember.organisation_id)))
            total = len(s.scalars(select(StatusChange)).all())
        assert history["p-1"] == [
            ("established", dt.date(2018, 10, 4), "audit"),
            ("ended", dt.date(2026, 2, 10), "audit"),
        ]
        assert history["a-1"] == [
            ("signed", dt.date(2023, 3, 1), "implied"),
            ("in_force", dt.date(2023, 4, 1), "initial"),
        ]
        assert history["f-1"] == [
            ("licensed", dt.date(2024, 6, 1), "audit"),
            ("terminated", dt.date(2025, 7, 1), "initial"),
        ]
        assert total == 6
        assert status_on(known["p-1"], dt.date(2025, 12, 31)) == "established"
        assert status_on(known["f-1"], dt.date(2024, 12, 31)) == "licensed"
        assert (region.name, region.name_en) == ("Các tỉnh Nam Lào", "Southern Lao provinces")
        assert members == {2, 3}, "Salavan and Attapeu, not Vientiane nor Gifu"
        # from now on the services keep the history
        svc.update("fdi_project", svc.find_id("fdi_project", ref="FDI-2024-0001"),
                   {"terminated_on": "01/07/2025"})  # fmt: skip
        with db.read() as s:
            assert entries_for(s, ["f-1"])["f-1"][-1].date_field == "terminated_on"
    finally:
        db.dispose()

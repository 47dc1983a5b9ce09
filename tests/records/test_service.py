"""The record API: references, audit entries, deletes, listing, conflicts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from huedesk import audit
from huedesk.db.engine import Database
from huedesk.db.models import AuditEntry
from huedesk.errors import HueDeskError, NotFoundError
from huedesk.records import ListQuery, RecordService
from huedesk.records.service import ConflictError
from tests.backends import outside, sqlite_only


def _delegation(svc: RecordService, **extra: object) -> dict:
    values = {
        "direction": "in",
        "title": "Đoàn Đại sứ Hàn Quốc",
        "country_code": "KR",
        "start_date": "12/03/2025",
        "status": "planned",
        **extra,
    }
    return svc.create("delegation", values)


def _audit(db: Database) -> list[AuditEntry]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_reference_numbers_run_per_prefix_and_year(svc: RecordService) -> None:
    a = _delegation(svc)
    b = _delegation(svc, direction="out")
    c = _delegation(svc, start_date="02/01/2026")
    d = _delegation(svc)
    assert [a["ref"], b["ref"], c["ref"], d["ref"]] == [
        "ĐV-2025-0001",
        "ĐR-2025-0001",
        "ĐV-2026-0001",
        "ĐV-2025-0002",
    ]
    assert svc.get_by_ref("delegation", "ĐR-2025-0001")["id"] == b["id"]
    with pytest.raises(NotFoundError):
        svc.get_by_ref("delegation", "ĐV-2030-0001")


def test_require_refuses_what_get_refuses(svc: RecordService) -> None:
    """``require`` (what a brief asks before printing) says "not found" exactly as ``get``."""
    d = _delegation(svc)
    svc.require("delegation", d["id"])
    for missing in (d["id"] + 1000, 0, -1, 10**30):  # 10**30 overflows SQLite's integer
        with pytest.raises(NotFoundError) as by_get:
            svc.get("delegation", missing)
        with pytest.raises(NotFoundError) as by_require:
            svc.require("delegation", missing)
        assert str(by_require.value) == str(by_get.value)
    svc.delete("delegation", d["id"])
    with pytest.raises(NotFoundError, match=f"id {d['id']}"):
        svc.require("delegation", d["id"])


def test_every_change_is_audited_with_old_and_new_values(svc: RecordService, db: Database) -> None:
    d = _delegation(svc)
    svc.update(
        "delegation",
        d["id"],
        {"title": "Đoàn Đại sứ Hàn Quốc tại Việt Nam", "purpose": "Chào xã giao"},
    )
    svc.update("delegation", d["id"], {"title": "Đoàn Đại sứ Hàn Quốc tại Việt Nam"})  # no change
    svc.delete("delegation", d["id"])
    entries = [e for e in _audit(db) if e.kind == "delegation"]
    assert [e.action.value for e in entries] == ["create", "update", "delete"]
    assert all(e.actor == "kiemthu" and e.record_ref == "ĐV-2025-0001" for e in entries)
    changes = json.loads(entries[1].changes)
    assert changes == {
        "title": ["Đoàn Đại sứ Hàn Quốc", "Đoàn Đại sứ Hàn Quốc tại Việt Nam"],
        "purpose": [None, "Chào xã giao"],
    }
    assert json.loads(entries[0].changes)["start_date"] == [None, "2025-03-12"]
    with db.read() as s:
        assert list(audit.verify_chain(s)) == []


def test_delete_takes_children_and_reports_them(svc: RecordService, db: Database) -> None:
    d = _delegation(svc)
    person = svc.create("person", {"full_name": "Kim Min-jun", "nationality": "KR"})
    svc.create(
        "delegation_member", {"delegation_id": d["id"], "person_id": person["id"], "is_head": True}
    )
    for hour in (8, 10):
        svc.create(
            "programme_item",
            {
                "delegation_id": d["id"],
                "starts_at": f"12/03/2025 {hour}:00",
                "activity": "Hội kiến Chủ tịch UBND thành phố",
            },
        )
    impact = svc.delete_impact("delegation", d["id"])
    assert impact.children == {"delegation_member": 1, "programme_item": 2}
    assert impact.describe("vi") == "Xóa cùng: 1 thành viên đoàn, 2 chương trình làm việc."
    svc.delete("delegation", d["id"])
    assert svc.list("programme_item").total == 0
    deleted = [e.kind for e in _audit(db) if e.action.value == "delete"]
    assert sorted(deleted) == [
        "delegation",
        "delegation_member",
        "programme_item",
        "programme_item",
    ]
    assert svc.get("person", person["id"])["full_name"] == "Kim Min-jun"


def test_delete_is_refused_while_records_depend_on_it(svc: RecordService) -> None:
    donor = svc.create("organisation", {"name": "KOICA", "org_type": "donor", "country_code": "KR"})
    svc.create(
        "aid_project",
        {
            "title": "Trường mầm non",
            "donor_id": donor["id"],
            "sector": "education",
            "committed_amount": 1_000_000_000,
            "currency": "VND",
            "status": "approved",
        },
    )
    with pytest.raises(HueDeskError, match="1 aid project still refer to it"):
        svc.delete("organisation", donor["id"])
    assert svc.get("organisation", donor["id"])["name"] == "KOICA"


def test_list_sorts_in_vietnamese_order_filters_and_pages(svc: RecordService) -> None:
    for title in ("Đoàn Gifu", "Đoàn Attapeu", "Dự án Zeta", "Ăn mừng", "Đoàn Ba Lan"):
        _delegation(svc, title=title)
    _delegation(svc, title="Đoàn Champasak", start_date="01/02/2024", status="approved")
    page = svc.list("delegation", ListQuery(sort="title", limit=3))
    assert [r["title"] for r in page.rows] == ["Ăn mừng", "Dự án Zeta", "Đoàn Attapeu"]
    assert page.total == 6
    page2 = svc.list("delegation", ListQuery(sort="title", offset=3, limit=3))
    assert [r["title"] for r in page2.rows] == ["Đoàn Ba Lan", "Đoàn Champasak", "Đoàn Gifu"]
    assert svc.list("delegation", ListQuery(year=2024)).total == 1
    assert svc.list("delegation", ListQuery(filters={"status": "approved"})).total == 1
    assert svc.list("delegation", ListQuery(text="doan gifu")).rows[0]["title"] == "Đoàn Gifu"
    assert (
        svc.list("delegation", ListQuery(sort="title", descending=True)).rows[0]["title"]
        == "Đoàn Gifu"
    )


def test_stale_edit_is_refused(svc: RecordService) -> None:
    d = _delegation(svc)
    svc.update("delegation", d["id"], {"purpose": "Lần sửa thứ nhất"})
    with pytest.raises(ConflictError, match="changed elsewhere"):
        svc.update(
            "delegation", d["id"], {"purpose": "Lần sửa cũ"}, expected_updated_at=d["updated_at"]
        )


@sqlite_only("only a file holds timestamps as text another program may have written")
@pytest.mark.parametrize(
    "written", ["2025-03-01 08:00:00", "2025-03-01 08:00:00.5", "2025-03-01T08:00:00.000000"]
)
def test_a_version_written_in_another_text_form_still_saves(
    svc: RecordService, db_location: Path, written: str
) -> None:
    """``updated_at`` as another tool (or an older HueDesk) wrote it: the save's version
    check (``WHERE updated_at = :as_read``) must still find the row, once, and no more."""
    d = _delegation(svc)
    other = _delegation(svc, title="Đoàn khác")
    outside(db_location, f"UPDATE delegation SET updated_at = '{written}' WHERE id = {d['id']}")
    opened = svc.get("delegation", d["id"])
    assert opened["updated_at"].replace(tzinfo=None) == dt.datetime.fromisoformat(written)
    saved = svc.update(
        "delegation", d["id"], {"purpose": "Sửa được"}, expected_updated_at=opened["updated_at"]
    )
    assert saved["purpose"] == "Sửa được" and saved["updated_at"] > opened["updated_at"]
    with pytest.raises(ConflictError):  # the check still works after it
        svc.update(
            "delegation", d["id"], {"purpose": "Cũ"}, expected_updated_at=opened["updated_at"]
        )
    svc.delete("delegation", other["id"])
    outside(db_location, f"UPDATE delegation SET updated_at = '{written}' WHERE id = {d['id']}")
    svc.delete("delegation", d["id"])  # a delete checks the version too
    with pytest.raises(NotFoundError):
        svc.get("delegation", d["id"])


def test_children_helper_and_labels(svc: RecordService) -> None:
    d = _delegation(svc)
    person = svc.create("person", {"full_name": "Park Seo-yeon", "nationality": "KR"})
    svc.create(
        "delegation_member", {"delegation_id": d["id"], "person_id": person["id"], "precedence": 1}
    )
    rows = svc.children("delegation", d["id"], "delegation_member")
    assert rows[0]["person_id__label"] == "Park Seo-yeon"
    with pytest.raises(HueDeskError):
        svc.children("delegation", d["id"], "case_action")

"""Records the search tests look for: partners, people, a delegation with members, a case."""

from __future__ import annotations

from typing import Any

import pytest

from huedesk.records import RecordService
from huedesk.records.service import create_in


def _restore(svc: RecordService, kind: str, values: dict[str, Any]) -> dict[str, Any]:
    """Create a record with a given reference number (as an archive import does)."""
    with svc.db.write() as session:
        return create_in(session, svc.actor, kind, values, restoring=True)


def _delegation(
    svc: RecordService, title: str, country: str, partner_id: int, start: str, **more: Any
) -> dict[str, Any]:
    values = {"direction": "in", "title": title, "country_code": country, "status": "planned"}
    return svc.create(
        "delegation", {**values, "partner_id": partner_id, "start_date": start, **more}
    )


@pytest.fixture
def sample(svc: RecordService) -> dict[str, dict[str, Any]]:
    """A small realistic set of records, by short name."""
    r: dict[str, dict[str, Any]] = {}
    r["salavan"] = svc.create(
        "organisation",
        {"name": "Tỉnh Salavan", "org_type": "partner_locality", "country_code": "LA"},
    )
    r["gifu"] = svc.create(
        "organisation", {"name": "Tỉnh Gifu", "org_type": "partner_locality", "country_code": "JP"}
    )
    r["kim"] = svc.create(
        "person", {"full_name": "Kim Min-jun", "nationality": "KR", "passport_no": "M12345678"}
    )
    r["hue_person"] = svc.create("person", {"full_name": "Trần Thị Huệ", "nationality": "VN"})
    r["ambassador"] = _delegation(
        svc,
        "Đoàn Đại sứ Nhật Bản thăm và làm việc tại Huế",
        "JP",
        r["gifu"]["id"],
        "2025-03-02",
        purpose="Trao đổi hợp tác văn hóa, du lịch",
    )
    r["member"] = svc.create(
        "delegation_member",
        {"delegation_id": r["ambassador"]["id"], "person_id": r["kim"]["id"], "title": "Tham tán"},
    )
    r["lao"] = _delegation(
        svc, "Đoàn tỉnh Salavan (Lào) thăm Huế", "LA", r["salavan"]["id"], "2025-05-10"
    )
    r["case"] = _restore(
        svc,
        "consular_case",
        {
            "ref": "LS-2025-0007",
            "case_type": "lost_documents",
            "title": "Công dân Hàn Quốc mất hộ chiếu",
            "country_code": "KR",
            "opened_on": "2025-04-01",
            "status": "open",
            "information_source": "self_report",
        },
    )
    r["case70"] = _restore(
        svc,
        "consular_case",
        {
            "ref": "LS-2025-0070",
            "case_type": "accident",
            "title": "Công dân Huế bị tai nạn giao thông, liên quan LS-2025-0007",
            "country_code": "JP",
            "opened_on": "2025-06-01",
            "status": "open",
            "information_source": "family",
        },
    )
    return r

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
    r["ambassador"] = svc.create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn Đại sứ Nhật Bản thăm và làm việc tại Huế",
            "country_code": "JP",
            "partner_id": r["gifu"]["id"],
            "purpose": "Trao đổi hợp tác văn hóa, du lịch",
            "start_date": "2025-03-02",
            "status": "planned",
        },
    )
    r["member"] = svc.create(
        "delegation_member",
        {"delegation_id": r["ambassador"]["id"], "person_id": r["kim"]["id"], "title": "Tham tán"},
    )
    r["lao"] = svc.create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn tỉnh Salavan (Lào) thăm Huế",
            "country_code": "LA",
            "partner_id": r["salavan"]["id"],
            "start_date": "2025-05-10",
            "status": "planned",
        },
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

"""Merge, undo and sheet import as each role, with accounts present."""

from __future__ import annotations

from pathlib import Path

import pytest

from huedesk.accounts import Principal
from huedesk.db.engine import Database
from huedesk.errors import PermissionDenied
from huedesk.workspace import Workspace


def _people(ws: Workspace) -> tuple[int, int]:
    keep = ws.records.create("person", {"full_name": "Trần Thị Bình"})["id"]
    other = ws.records.create("person", {"full_name": "Tran Thi Binh", "position": "Giám đốc"})[
        "id"
    ]
    return keep, other


def test_viewer_may_neither_merge_nor_undo(db: Database, accounts: dict[str, Principal]) -> None:
    admin = Workspace(db, accounts["quantri"])
    keep, other = _people(admin)
    viewer = Workspace(db, accounts["xem"])
    with pytest.raises(PermissionDenied):
        viewer.operations.merge("person", keep, other)
    done = admin.operations.merge("person", keep, other)
    with pytest.raises(PermissionDenied):
        viewer.operations.undo(done.operation_id)
    assert [o.action for o in viewer.operations.recent()] == ["merge"]


def test_officer_merges_people_but_not_their_personal_data_or_cases(
    db: Database, accounts: dict[str, Principal]
) -> None:
    consular = Workspace(db, accounts["lanhsu"])
    officer = Workspace(db, accounts["canbo"])
    keep, other = _people(officer)
    consular.records.update("person", other, {"passport_no": "B7654321"})
    done = officer.operations.merge("person", keep, other)
    assert done.filled == ("position",)
    assert "passport_no" in done.dropped and "7654321" not in str(done.dropped)
    assert consular.records.get("person", keep)["passport_no"] is None
    # The officer's undo brings the passport number back exactly (kept for undo).
    officer.operations.undo(done.operation_id)
    names = {r["full_name"]: r["id"] for r in consular.records.list("person").rows}
    assert consular.records.get("person", names["Tran Thi Binh"])["passport_no"] == "B7654321"

    # A person named in a consular case is merged only by those who may see cases.
    keep2, other2 = _people(officer)
    case = consular.records.create(
        "consular_case",
        {
            "case_type": "citizen_protection",
            "title": "Công dân gặp nạn",
            "country_code": "LA",
            "opened_on": "01/03/2025",
            "status": "open",
            "information_source": "family",
        },
    )
    consular.records.create(
        "case_person", {"case_id": case["id"], "person_id": other2, "role": "subject"}
    )
    with pytest.raises(PermissionDenied):
        officer.operations.merge("person", keep2, other2)
    assert consular.operations.merge("person", keep2, other2).moved == {"case_person": 1}


def test_viewer_may_check_a_sheet_but_not_import_it(
    db: Database, accounts: dict[str, Principal], tmp_path: Path
) -> None:
    sheet = tmp_path / "nguoi.csv"
    sheet.write_text("Họ và tên;Chức vụ\nLê Văn Cường;Chuyên viên\n", encoding="utf-8")
    viewer = Workspace(db, accounts["xem"])
    plan = viewer.sheets.preview(sheet, "person")
    assert plan.counts()["ready"] == 1
    with pytest.raises(PermissionDenied):
        viewer.sheets.import_(plan)
    officer = Workspace(db, accounts["canbo"])
    outcome = officer.sheets.import_(officer.sheets.preview(sheet, "person"))
    assert outcome.added == 1 and outcome.operation_id is not None
    with pytest.raises(PermissionDenied):
        viewer.operations.undo(outcome.operation_id)
    officer.operations.undo(outcome.operation_id)
    assert officer.records.list("person").total == 0

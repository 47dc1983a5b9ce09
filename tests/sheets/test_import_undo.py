"""An import undone as a whole; Cancel writes nothing; the import is in the audit log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from huedesk.errors import HueDeskError
from huedesk.records import ListQuery
from huedesk.sheets.write import ImportCancelled
from huedesk.workspace import Workspace


def _sheet(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "to-chuc.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_undo_takes_back_added_records_and_changed_values(ws: Workspace, tmp_path: Path) -> None:
    stored = ws.records.create(
        "organisation", {"name": "Tỉnh Gifu", "org_type": "partner_locality", "country_code": "JP"}
    )
    sheet = _sheet(
        tmp_path,
        "Số hiệu;Tên;Loại;Quốc gia;Trang web\n"
        f"{stored['ref']};Tỉnh Gifu;Địa phương đối tác;JP;https://gifu.jp\n"
        ";Tỉnh Nara;Địa phương đối tác;JP;\n"
        ";Thành phố Kanazawa;Địa phương đối tác;JP;\n",
    )
    outcome = ws.sheets.import_(ws.sheets.preview(sheet, "organisation"))
    assert (outcome.added, outcome.updated) == (2, 1)
    audit = ws.audit.page(kind="organisation")
    assert any("import" in row.changes for row in audit)
    undone = ws.operations.undo(outcome.operation_id or 0)
    assert (undone.removed, undone.restored) == (2, 1)
    rows = ws.records.list("organisation", ListQuery(limit=None)).rows
    assert [(r["name"], r["website"]) for r in rows] == [("Tỉnh Gifu", None)]


def test_undo_is_refused_whole_when_an_imported_record_is_used_since(
    ws: Workspace, tmp_path: Path
) -> None:
    sheet = _sheet(tmp_path, "Tên;Loại;Quốc gia\nTỉnh Nara;Địa phương đối tác;JP\nOsaka;Khác;JP\n")
    outcome = ws.sheets.import_(ws.sheets.preview(sheet, "organisation"))
    nara = ws.records.locate("organisation", "Tỉnh Nara")
    ws.records.create(
        "partnership",
        {
            "partner_id": nara,
            "country_code": "JP",
            "level": "province",
            "relation_type": "friendship",
            "status": "established",
        },
    )
    with pytest.raises(HueDeskError):
        ws.operations.undo(outcome.operation_id or 0)
    assert ws.records.list("organisation").total == 2  # nothing undone
    assert not ws.operations.recent()[0].undone


def test_cancel_while_importing_writes_nothing(ws: Workspace, tmp_path: Path) -> None:
    lines = "".join(f"Tổ chức số {i};Khác;JP\n" for i in range(120))
    sheet = _sheet(tmp_path, "Tên;Loại;Quốc gia\n" + lines)
    plan = ws.sheets.preview(sheet, "organisation")
    seen: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelled):
        ws.sheets.import_(
            plan, progress=lambda d, t: seen.append((d, t)), should_cancel=lambda: True
        )
    assert ws.records.list("organisation").total == 0
    assert ws.operations.recent() == []
    outcome = ws.sheets.import_(plan, progress=lambda d, t: seen.append((d, t)))
    assert outcome.added == 120 and seen[-1] == (120, 120)


def test_an_english_sheet_is_written_as_read(ws: Workspace, tmp_path: Path) -> None:
    """Through the bulk writer, an English sheet's 1,250.50 USD is one thousand two hundred and
    fifty dollars and 31/12/2024 the last day of the year; each record gets its own number."""
    ws.records.create("organisation", {"name": "KOICA", "org_type": "donor", "country_code": "KR"})
    sheet = tmp_path / "projects.csv"
    sheet.write_text(
        "Title,Donor,Sector,Committed amount,Currency,Status,Start date\n"
        'Clean water,KOICA,Health,"1,250.50",USD,Approved,05/03/2024\n'
        'School meals,KOICA,Education,"25,450",USD,Approved,31/12/2024\n',
        encoding="utf-8",
    )
    plan = ws.sheets.preview(sheet, "aid_project", lang="en")
    assert plan.counts()["ready"] == 2, [p.en for r in plan.rows for p in r.problems]
    assert ws.sheets.import_(plan, lang="en").added == 2
    rows = {r["title"]: r for r in ws.records.list("aid_project", ListQuery(limit=None)).rows}
    assert rows["Clean water"]["committed_amount"] == 125_050  # cents
    assert rows["School meals"]["committed_amount"] == 2_545_000
    assert str(rows["School meals"]["start_date"]) == "2024-12-31"
    assert rows["Clean water"]["ref"] != rows["School meals"]["ref"]


@pytest.mark.parametrize(
    "rule",
    [
        {"field": "full_name", "scale": "nhiều"},
        {"field": "full_name", "scale": 400},
        {"field": "full_name", "scale": True},
        {"field": "full_name", "role": "drop"},
        {"field": "full_name", "currency": 5},
        {"field": "passport"},
    ],
)
def test_a_hostile_mapping_file_is_refused_in_one_line(
    ws: Workspace, tmp_path: Path, rule: dict[str, object]
) -> None:
    sheet = tmp_path / "nguoi.csv"
    sheet.write_text("Họ và tên\nLê Văn Cường\n", encoding="utf-8")
    mapping = tmp_path / "ghep.json"
    mapping.write_text(
        json.dumps({"kind": "person", "columns": {"Họ và tên": rule}}), encoding="utf-8"
    )
    with pytest.raises(HueDeskError, match=r"ghep\.json") as caught:
        ws.sheets.preview(sheet, "person", mapping_file=mapping)
    assert "\n" not in caught.value.en

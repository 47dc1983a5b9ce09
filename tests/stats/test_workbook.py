"""The figures spreadsheet: every figure of the known year, the records behind it, safe text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from huedesk.accounts.roles import Principal, Role
from huedesk.cli import main as cli
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError
from huedesk.records import RecordService
from huedesk.stats import Statistics
from huedesk.stats.workbook import write_workbook
from tests.stats import known
from tests.stats.known import EXPECTED_2025, on

UNITS = {"new_capital": 100, "capital_in_force": 100}  # USD cents in the figures, dollars in sheets


@pytest.fixture
def data(db: Database) -> known.Known:
    return known.build(db)


def _rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path)
    return [tuple(r) for r in book[sheet].iter_rows(values_only=True)]


def test_summary_sheet_holds_every_figure_and_the_year_before(
    db: Database, data: known.Known, tmp_path: Path
) -> None:
    with on(dt.date(2026, 1, 5)):
        figures = Statistics(db, "kiemthu").year(2025)
    out = write_workbook(figures, tmp_path / "so-lieu.xlsx")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:3] == ["Tổng hợp", "Đoàn vào, đoàn ra", "Quan hệ đối tác"]
    assert "Viện trợ – hồ sơ" in book.sheetnames
    summary = _rows(out, "Tổng hợp")
    assert summary[0] == ("Kỳ báo cáo", "Năm 2025", None, None, None, None, None, None)
    found = {(r[0], r[1]): (r[3], r[4]) for r in summary[4:]}
    for area in figures.areas:
        for f in area.figures:
            scale = UNITS.get(f.key, 1)
            value, previous = EXPECTED_2025[area.key][f.key]
            assert found[(area.label.vi, f.label.vi)] == (value / scale, previous / scale)
    aid = next(r for r in summary if r[1] == "Giải ngân (đồng)")
    assert aid[5] == 8_050_000_000 and aid[7] == "300.000 USD; 1.000.000.000 đồng"


def test_area_sheet_and_records_behind(db: Database, data: known.Known, tmp_path: Path) -> None:
    with on(dt.date(2026, 1, 5)):
        figures = Statistics(db, "kiemthu").year(2025)
    out = write_workbook(figures, tmp_path / "so-lieu.xlsx", lang="en")
    visits = _rows(out, "Delegations")
    assert visits[2] == ("Inbound", 2, 1, 1, "count")
    region = visits.index(("By region", None, None, None, None))
    assert visits[region + 2][:5] == ("Southern Lao provinces", 0, 0, 2, 0)
    records = _rows(out, "Delegations – records")
    head = records[0]
    assert head[:6] == ("Reference", "Title", "Date", "Inbound", "Outbound", "All delegations")
    by_ref = {r[0]: dict(zip(head, r, strict=True)) for r in records[1:]}
    assert set(by_ref) == {"ĐV-2025-0001", "ĐV-2025-0003", "ĐR-2025-0001", "ĐR-2025-0002"}
    salavan = by_ref["ĐR-2025-0001"]
    assert (salavan["Outbound"], salavan["Inbound"], salavan["By region"]) == (
        1,
        None,
        "Southern Lao provinces",
    )
    assert salavan["Date"] == dt.datetime(2025, 6, 16)
    aid = {r[0]: r for r in _rows(out, "Aid – records")[1:]}
    assert aid["VT-2025-0001"][3:6] == (1, Decimal("12500000000"), Decimal("7550000000")) or aid[
        "VT-2025-0001"
    ][3:6] == (1, 12_500_000_000, 7_550_000_000)


def test_text_is_never_a_formula_and_counts_only_for_officers(
    db: Database, data: known.Known, tmp_path: Path
) -> None:
    svc = RecordService(db, "kiemthu")
    with on(dt.date(2025, 7, 1)):
        svc.create(
            "event",
            {
                "title": '=HYPERLINK("http://example.invalid","bấm")',
                "event_type": "exhibition",
                "start_date": dt.date(2025, 7, 1),
                "status": "held",
            },
        )
    with on(dt.date(2026, 1, 5)):
        figures = Statistics(db, Principal("lan", Role.OFFICER)).year(2025)
    out = write_workbook(figures, tmp_path / "o.xlsx")
    book = openpyxl.load_workbook(out)
    events = book["Sự kiện quốc tế – hồ sơ"]
    cells = [c for row in events.iter_rows() for c in row if str(c.value).startswith("=")]
    assert cells and all(c.data_type == "s" for c in cells)
    assert "Lãnh sự – hồ sơ" not in book.sheetnames, "no cases behind figures for an officer"
    consular = _rows(out, "Lãnh sự")
    assert consular[1][0].startswith("Chỉ có số liệu tổng hợp")
    with pytest.raises(HueDeskError, match="xlsx"):
        write_workbook(figures, tmp_path / "o.csv")
    with pytest.raises(HueDeskError, match="no folder"):
        write_workbook(figures, tmp_path / "missing" / "o.xlsx")


def test_report_command(
    db_arg: str,
    db: Database,
    data: known.Known,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db.dispose()
    with on(dt.date(2026, 1, 5)):
        assert cli.main(["--db", db_arg, "report", "2025"]) == 0
        printed = capsys.readouterr().out
        assert "Năm 2025 (tính đến 31/12/2025)" in printed
        assert "8.550.000.000 đồng" in printed and "39.270.000 USD" in printed
        out = tmp_path / "r.xlsx"
        assert cli.main(["--db", db_arg, "report", "2025", "-o", str(out), "--lang", "en"]) == 0
        assert openpyxl.load_workbook(out).sheetnames[0] == "Summary"
        assert (
            cli.main(["--db", db_arg, "report", "--from", "01/03/2025", "--to", "30/06/2025"]) == 0
        )
        assert "01/03/2025 – 30/06/2025" in capsys.readouterr().out
        assert cli.main(["--db", db_arg, "report"]) == 2
        assert cli.main(["--db", db_arg, "report", "2025", "--from", "01/01/2025"]) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and err.count("huedesk:") == 2
        with pytest.raises(SystemExit):
            cli.main(["--db", db_arg, "report", "20x5"])


def test_an_empty_year_and_a_closed_year_after_later_changes(
    db: Database, data: known.Known, tmp_path: Path
) -> None:
    with on(dt.date(2026, 1, 5)):
        empty = write_workbook(Statistics(db, "kiemthu").year(1990), tmp_path / "1990.xlsx")
        before = write_workbook(Statistics(db, "kiemthu").year(2025), tmp_path / "a.xlsx")
    summary = _rows(empty, "Tổng hợp")
    assert summary[0][:2] == ("Kỳ báo cáo", "Năm 1990")
    assert all(r[3] == 0 and r[4] == 0 for r in summary[4:] if r[1]), "every figure is zero"
    assert not [n for n in openpyxl.load_workbook(empty).sheetnames if "hồ sơ" in n], (
        "no record behind a figure: no records sheet"
    )
    known.change_after_the_year(db, data)
    with on(dt.date(2026, 6, 1)):
        after = write_workbook(Statistics(db, "kiemthu").year(2025), tmp_path / "b.xlsx")
    book_a, book_b = openpyxl.load_workbook(before), openpyxl.load_workbook(after)
    assert book_a.sheetnames == book_b.sheetnames
    for name in book_a.sheetnames:
        assert _rows(before, name) == _rows(after, name), name

"""Yearly review: counts per section, the same aid figures as the aid statement, empty years."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from huedesk.briefs import render_year_review
from huedesk.briefs.gather_aid import gather_aid
from huedesk.briefs.gather_year import gather_year
from huedesk.cli import main as cli
from huedesk.db.engine import Database
from huedesk.records import RecordService
from tests.briefs import samples
from tests.briefs.conftest import pdf_text


def test_year_review_counts_and_prints(
    db: Database,
    svc: RecordService,
    visit: samples.Visit,
    case: samples.Case,
    aid: samples.Aid,
    tmp_path: Path,
) -> None:
    svc.create(
        "fdi_project",
        {
            "name": "Nhà máy sản xuất linh kiện điện tử Chân Mây",
            "country_code": "JP",
            "sector": "manufacturing",
            "registered_capital": "39270000",
            "currency": "USD",
            "licence_date": dt.date(2025, 8, 1),
            "status": "licensed",
        },
    )
    svc.create(
        "event",
        {
            "title": "Festival Huế 2025",
            "event_type": "festival",
            "start_date": dt.date(2025, 6, 6),
            "end_date": dt.date(2025, 6, 11),
            "venue": "Đại Nội Huế",
            "foreign_participants": 1250,
            "status": "held",
        },
    )
    with db.read() as s:
        review = gather_year(s, 2025)
        aid_2025 = gather_aid(s, year=2025)
    assert [(v.country.vi, v.inbound, v.outbound) for v in review.visits] == [("Nhật Bản", 1, 0)]
    assert review.aid_disbursed_vnd == aid_2025.disbursed_period_vnd == 4_634_640_000
    assert review.aid_committed_vnd == 6_350_000_000
    assert [(c.case_type.value, c.opened, c.settled) for c in review.cases] == [
        ("labour_dispute", 1, 0)
    ]
    text = pdf_text(render_year_review(db, 2025, tmp_path / "y.pdf"))
    for expected in (
        "BÁO CÁO Tổng kết công tác đối ngoại năm 2025",
        "Trong năm đã đón 1 đoàn vào và tổ chức 0 đoàn ra, với 1 quốc gia",
        "Nhật Bản",
        "Cấp phép mới 1 dự án FDI, tổng vốn đăng ký 39.270.000 USD.",
        "tổng giá trị cam kết 6.350.000.000 đồng; giải ngân trong năm 4.634.640.000 đồng.",
        "Tranh chấp lao động",
        "Festival Huế 2025",
        "1.250 đại biểu nước ngoài",
        "Hồ sơ: Năm 2025",
    ):
        assert expected in text, expected
    en = pdf_text(render_year_review(db, 2025, tmp_path / "ye.pdf", lang="en"))
    assert "REPORT Review of foreign affairs work in 2025" in en and "Japan" in en


def test_empty_year_and_cli(db_path: Path, db: Database, tmp_path: Path) -> None:
    text = pdf_text(render_year_review(db, 1990, tmp_path / "e.pdf"))
    assert "Đã ký kết 0 thỏa thuận quốc tế." in text and "None" not in text
    out = tmp_path / "cli.pdf"
    assert cli.main(["--db", str(db_path), "brief", "year", "2025", "-o", str(out)]) == 0
    assert "Tổng kết công tác đối ngoại năm 2025" in pdf_text(out)

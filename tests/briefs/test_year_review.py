"""Yearly review from the brief samples: aid as the aid statement counts it, empty years, the CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from huedesk import clock
from huedesk.accounts.roles import Principal, Role
from huedesk.briefs import render_year_review
from huedesk.briefs.gather_aid import gather_aid
from huedesk.briefs.gather_year import gather_year
from huedesk.cli import main as cli
from huedesk.db.engine import Database
from huedesk.records import RecordService
from tests.briefs import samples
from tests.briefs.conftest import pdf_text

ADMIN = Principal("kiemthu", Role.ADMIN)


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
    # Printed after the year ended (a running year counts only up to today).
    with clock.use(clock.fixed(dt.datetime(2026, 1, 12, 2, 0, tzinfo=dt.UTC))):
        with db.read() as s:
            review = gather_year(s, ADMIN, 2025)
            aid_2025 = gather_aid(s, year=2025)
        aid_figures = review.figures.area("aid")
        assert (
            aid_figures.figure("disbursed").value == aid_2025.disbursed_period_vnd == 4_634_640_000
        )
        assert aid_figures.figure("mobilised").value == 6_350_000_000
        assert [v.ref for v in review.appendix.inbound] == [visit.ref]
        text = pdf_text(render_year_review(db, 2025, tmp_path / "y.pdf"))
        for expected in (
            "BÁO CÁO",
            "Tổng kết công tác đối ngoại năm 2025 và phương hướng, nhiệm vụ năm 2026",
            "đã đón 1 đoàn khách quốc tế",
            "Nhật Bản",
            "Cấp mới 1 dự án đầu tư trực tiếp nước ngoài với tổng vốn đăng ký 39,27 triệu USD",
            "tổng giá trị cam kết 6,35 tỷ đồng",
            "giải ngân trong năm 4,63 tỷ đồng",
            "Tranh chấp lao động",
            "PHỤ LỤC",
            visit.ref,
        ):
            assert expected in text, expected
        en = pdf_text(render_year_review(db, 2025, tmp_path / "ye.pdf", lang="en"))
        assert "Review of foreign affairs work in 2025 and tasks for 2026" in en and "Japan" in en


def test_empty_year_and_cli(
    db_path: Path, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = pdf_text(render_year_review(db, 1990, tmp_path / "e.pdf"))
    assert "Trong năm ký kết 0 thỏa thuận quốc tế (bằng năm 1989)" in text
    assert "None" not in text and "PHỤ LỤC" not in text
    out = tmp_path / "cli.pdf"
    assert cli.main(["--db", str(db_path), "brief", "year", "2025", "-o", str(out)]) == 0
    assert "năm 2025" in pdf_text(out)

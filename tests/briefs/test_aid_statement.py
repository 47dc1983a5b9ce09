"""Aid statement: commitments against disbursements per project, donor and year."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from huedesk.briefs import render_aid_statement, render_brief
from huedesk.briefs.gather_aid import find_donor_id, gather_aid
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError, NotFoundError
from huedesk.records import RecordService
from tests.briefs import samples
from tests.briefs.conftest import pdf_text
from tests.briefs.layout import drawn
from tests.briefs.test_delegation_brief import assert_fonts_embedded


def test_project_statement_amounts(db: Database, aid: samples.Aid, tmp_path: Path) -> None:
    out = render_brief(db, "aid_project", aid.project_id, tmp_path / "a.pdf")
    text = pdf_text(out)
    for expected in (
        "BÁO CÁO Tình hình cam kết và giải ngân viện trợ: Xây dựng trạm y tế phường Thuận Hóa",
        "Quỹ Hy vọng & Tương lai",
        # committed = disbursed − exchange-rate difference + not yet disbursed
        "Cam kết 250.000 USD 6.350.000.000",
        "Đã giải ngân 180.000 USD 4.634.640.000",
        "Chênh lệch tỷ giá +62.640.000",
        "Chưa giải ngân 70.000 USD 1.778.000.000",
        "72,0 %",
        "Tổng giá trị cam kết 6.350.000.000 đồng; đã giải ngân 4.634.640.000 đồng; "
        "chưa giải ngân 1.778.000.000 đồng. Chênh lệch tỷ giá +62.640.000 đồng (không phải số "
        "tiền còn phải giải ngân).",
        "05/09/2025 Giải ngân Đợt 2 80.000 USD 26.120,5 2.089.640.000 GBC 0877",
        "Tổng giải ngân 4.634.640.000",
    ):
        assert expected in text, expected
    assert "Còn lại" not in text and "-" + "62.640.000" not in text
    assert_fonts_embedded(out)
    en = pdf_text(render_brief(db, "aid_project", aid.project_id, tmp_path / "e.pdf", lang="en"))
    assert "5 Sep 2025 Disbursement Tranche 2 USD 80,000 26,120.5 2,089,640,000 GBC 0877" in en
    assert "Đợt" not in en


def test_totals_are_exact_integers(db: Database, aid: samples.Aid) -> None:
    with db.read() as s:
        st = gather_aid(s, project_id=aid.project_id)
    p = st.projects[0]
    assert (p.committed_amount, p.disbursed_amount, p.outstanding_amount) == (
        25_000_000,
        18_000_000,
        7_000_000,
    )  # US cents
    assert p.committed_vnd == 6_350_000_000 and p.disbursed_vnd == 4_634_640_000
    # what is left is valued at the commitment's rate; the rest of the gap is the rate's
    assert p.outstanding_vnd == 1_778_000_000 and p.fx_vnd == 62_640_000
    assert p.committed_vnd == p.disbursed_vnd - p.fx_vnd + p.outstanding_vnd
    assert not p.committed_estimated


def test_fully_disbursed_project_owes_nothing_and_shows_the_rate_difference(
    db: Database, svc: RecordService, aid: samples.Aid, tmp_path: Path
) -> None:
    """The old statement printed "còn lại -10.115.612 đồng" here: money owed that is not."""
    svc.create(
        "aid_transaction",
        {
            "project_id": aid.project_id,
            "tx_type": "disbursement",
            "value_date": dt.date(2025, 11, 20),
            "amount": "70000",
            "currency": "USD",
            "rate_to_vnd": Decimal("25100"),
            "tranche": "Đợt 3",
        },
    )
    with db.read() as s:
        p = gather_aid(s, project_id=aid.project_id).projects[0]
    assert p.outstanding_amount == 0 and p.outstanding_vnd == 0
    assert p.fx_vnd == p.disbursed_vnd - p.committed_vnd == 41_640_000
    text = pdf_text(render_brief(db, "aid_project", aid.project_id, tmp_path / "a.pdf"))
    assert "Chưa giải ngân 0 USD 0" in text and "Chênh lệch tỷ giá +41.640.000" in text


def test_donor_and_year_statements(
    db: Database, svc: RecordService, aid: samples.Aid, tmp_path: Path
) -> None:
    svc.create(
        "aid_project",
        {
            "title": "Hỗ trợ khắc phục hậu quả lũ lụt tại phường Phú Xuân",
            "donor_id": aid.donor_id,
            "sector": "disaster_relief",
            "approved_on": dt.date(2024, 11, 5),
            "committed_amount": "53000000000",
            "currency": "VND",
            "status": "completed",
        },
    )
    donor = pdf_text(render_aid_statement(db, tmp_path / "d.pdf", donor_id=aid.donor_id))
    assert "Tình hình cam kết và giải ngân viện trợ của Quỹ Hy vọng & Tương lai" in donor
    assert "Cam kết: 250.000 USD" in donor and " 53.000.000.000 " in donor
    assert "Hỗ trợ khắc phục hậu quả lũ lụt tại phường Phú Xuân" in donor
    assert "Tổng giá trị cam kết 59.350.000.000 đồng" in donor

    year = pdf_text(render_aid_statement(db, tmp_path / "y.pdf", year=2025))
    assert "Tình hình cam kết và giải ngân viện trợ năm 2025" in year
    assert "1. Theo nhà tài trợ" in year and "2. Theo lĩnh vực" in year
    assert (
        "1 Quỹ Hy vọng & Tương lai 1 6.350.000.000 4.634.640.000 +62.640.000 1.778.000.000" in year
    )
    assert "1 Y tế 1 6.350.000.000" in year
    assert "Xây dựng trạm y tế phường Thuận Hóa" not in year  # projects are in the detail
    assert "phường Phú Xuân" not in year  # approved in 2024, no 2025 transactions
    assert "Giải ngân trong năm 2025: 4.634.640.000 đồng." in year
    assert "Chi tiết 3 giao dịch trong năm có trong phụ lục khi in kèm chi tiết." in year

    detail = pdf_text(render_aid_statement(db, tmp_path / "yd.pdf", year=2025, detail=True))
    assert "PHỤ LỤC CHI TIẾT GIAO DỊCH VIỆN TRỢ NĂM 2025" in detail
    assert "Xây dựng trạm y tế phường Thuận Hóa" in detail and "GBC 0877" in detail

    assert "I. DỰ ÁN, KHOẢN VIỆN TRỢ" in detail and "II. CHI TIẾT CÁC ĐỢT" in detail

    en = pdf_text(render_aid_statement(db, tmp_path / "ye.pdf", year=2025, lang="en"))
    assert "REPORT Aid commitments and disbursements in 2025" in en
    assert "Disbursed in 2025: VND 4,634,640,000." in en and "By donor" in en
    en_detail = render_aid_statement(db, tmp_path / "yde.pdf", year=2025, detail=True, lang="en")
    assert "I. PROJECTS" in pdf_text(en_detail) and "II. TRANCHES" in pdf_text(en_detail)
    # The appendix line keeps its date on one line ("of 5 / March 2025" was possible).
    lines = [" ".join(d.text.split()) for d in drawn(en_detail) if d.font == "Tinos-Italic"]
    assert any("5 Mar 2025" in t for t in lines if "Attached" in t or "Affairs)" in t), lines


def test_foreign_commitment_without_rate_and_empty_year(
    db: Database, svc: RecordService, aid: samples.Aid, tmp_path: Path
) -> None:
    p = svc.create(
        "aid_project",
        {
            "title": "Học bổng cho sinh viên Huế",
            "donor_id": aid.donor_id,
            "sector": "education",
            "committed_amount": "40000",
            "currency": "EUR",
            "status": "proposed",
        },
    )
    text = pdf_text(render_brief(db, "aid_project", p["id"], tmp_path / "p.pdf"))
    assert "40.000 EUR" in text and "chưa có tỷ giá" in text
    assert "(Chưa có thông tin)" in text and "None" not in text
    empty = pdf_text(render_aid_statement(db, tmp_path / "e.pdf", year=1999))
    assert "Năm 1999" in empty and "(Chưa có thông tin)" in empty


def test_scope_and_lookup_errors(db: Database, aid: samples.Aid, tmp_path: Path) -> None:
    with pytest.raises(HueDeskError):
        render_aid_statement(db, tmp_path / "x.pdf", donor_id=aid.donor_id, year=2025)
    with pytest.raises(NotFoundError):
        render_aid_statement(db, tmp_path / "x.pdf", project_id=9999)
    with pytest.raises(NotFoundError):
        render_aid_statement(db, tmp_path / "x.pdf", donor_id=9999)
    assert not (tmp_path / "x.pdf").exists()
    with db.read() as s:
        assert find_donor_id(s, "Quỹ Hy vọng & Tương lai") == aid.donor_id
        assert find_donor_id(s, "quy hy vong") == aid.donor_id
        with pytest.raises(NotFoundError):
            find_donor_id(s, "KOICA")

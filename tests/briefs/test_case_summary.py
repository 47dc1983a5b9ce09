"""Consular case summary: facts, people, chronology, confidentiality marking, redaction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from huedesk.briefs import render_brief
from huedesk.briefs.case_data import WITHHELD
from huedesk.briefs.gather_case import gather_case
from huedesk.db.engine import Database
from huedesk.records import RecordService
from tests.briefs import samples
from tests.briefs.conftest import pdf_pages, pdf_text
from tests.briefs.test_delegation_brief import assert_fonts_embedded


def test_case_summary_prints_people_and_chronology(
    db: Database, case: samples.Case, tmp_path: Path
) -> None:
    out = render_brief(db, "consular_case", case.case_id, tmp_path / "c.pdf")
    text = pdf_text(out)
    for expected in (
        "BÁO CÁO Tóm tắt vụ việc lãnh sự: Lao động Nguyễn Thị Hương bị nợ lương tại tỉnh Aichi",
        "- Cục Lãnh sự - Bộ Ngoại giao (để báo cáo);",
        "- Lưu: VT, LS.",
        "Lao động Nguyễn Thị Hương bị nợ lương tại tỉnh Aichi",
        "Tranh chấp lao động",
        "Thành phố Toyota, tỉnh Aichi, Nhật Bản",
        "Nguyễn Thị Hương Đương sự Nữ",
        "Trần Thị Lài Thân nhân",
        case.passport,
        "21/07/1996",
        "0905 123 456",
        "huong.nt@example.vn",
        "Phường Thuận Hóa, thành phố Huế",
        "02/04/2025 09:30",
        "Gửi công hàm đề nghị Tổng Lãnh sự quán Việt Nam tại Osaka xác minh",
        "Gia đình: Bà Trần Thị Lài (mẹ) đến trình báo tại Sở",
        "15/05/2025",
        "MẬT",
        "MẬT — Tài liệu có thông tin cá nhân",
    ):
        assert expected in text, expected
    assert_fonts_embedded(out)


def test_redaction_hides_passport_birth_date_and_contacts(
    db: Database, case: samples.Case, tmp_path: Path
) -> None:
    with db.read() as s:
        data = gather_case(s, case.case_id, redact=True)
    subject = data.people[0]
    assert subject.passport_no is WITHHELD and subject.date_of_birth is WITHHELD
    assert subject.phone is WITHHELD and subject.email is WITHHELD
    out = render_brief(db, "consular_case", case.case_id, tmp_path / "r.pdf", redact=True)
    text = pdf_text(out)
    for hidden in (
        case.passport,
        "21/07/1996",
        "0905 123 456",
        "huong.nt@example.vn",
        "0234 3822 111",
    ):
        assert hidden not in text, hidden
    assert "Nguyễn Thị Hương" in text and "[đã ẩn]" in text
    assert "Bản này đã che số hộ chiếu" in text
    assert "MẬT" in text
    en = pdf_text(
        render_brief(db, "consular_case", case.case_id, tmp_path / "re.pdf", lang="en", redact=True)
    )
    assert case.passport not in en and "[withheld]" in en and "CONFIDENTIAL" in en


def test_case_with_nothing_optional_and_overdue_deadline(
    db: Database, svc: RecordService, tmp_path: Path
) -> None:
    bare = svc.create(
        "consular_case",
        {
            "case_type": "lost_documents",
            "title": "Du khách Pháp mất hộ chiếu tại Huế",
            "country_code": "FR",
            "opened_on": dt.date(2025, 1, 6),
            "deadline": dt.date(2025, 1, 20),
            "status": "open",
            "information_source": "police",
        },
    )
    text = pdf_text(render_brief(db, "consular_case", bare["id"], tmp_path / "b.pdf"))
    assert "Du khách Pháp mất hộ chiếu tại Huế" in text
    assert "Pháp" in text and "Mất giấy tờ" in text
    assert "20/01/2025 (Quá hạn" in text
    assert "(Chưa có thông tin)" in text and "None" not in text
    en = pdf_text(render_brief(db, "consular_case", bare["id"], tmp_path / "be.pdf", lang="en"))
    assert "REPORT Consular case: " in en and "France" in en and "days overdue" in en


def test_an_action_longer_than_a_page_breaks_across_pages(
    db: Database, svc: RecordService, case: samples.Case, tmp_path: Path
) -> None:
    sentence = "Sở Ngoại vụ phối hợp với Công an thành phố xác minh thông tin, liên hệ nước sở tại."
    svc.create(
        "case_action",
        {
            "case_id": case.case_id,
            "taken_at": dt.datetime(2025, 4, 5, 8, 0),
            "action": " ".join([sentence] * 150),
            "officer": "Lê Văn Minh",
        },
    )
    pages = pdf_pages(render_brief(db, "consular_case", case.case_id, tmp_path / "long.pdf"))
    assert len(pages) >= 4
    assert sum(p.count(sentence) for p in pages) >= 140  # nothing clipped (allowing for wraps)

"""The yearly review of the known database: every figure in its words, the appendix, both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest

from huedesk.accounts.roles import Principal, Role
from huedesk.briefs import render_year_review
from huedesk.db.engine import Database
from huedesk.stats.review_texts import ReviewTexts
from tests.briefs.conftest import pdf_text
from tests.stats import known
from tests.stats.known import on

VI = (
    "Tổng kết công tác đối ngoại năm 2025 và phương hướng, nhiệm vụ năm 2026",
    "số liệu tính đến ngày 31/12/2025, so sánh với cùng kỳ năm 2024",
    "thành phố duy trì quan hệ hợp tác với 3 cặp tỉnh, thành phố (năm 2024: 2, tăng 50%); "
    "ngoài ra có 1 quan hệ hợp tác cấp huyện. Trong năm thiết lập mới 1 quan hệ "
    "(Tỉnh Champasak).",
    "đã đón 2 đoàn khách quốc tế đến làm việc (năm 2024: 1, tăng 100%) và cử 2 đoàn đi công "
    "tác nước ngoài (năm 2024 không có), với 3 quốc gia",
    "Các tỉnh Nam Lào: 2 đoàn ra.",
    "Trong năm ký kết 2 thỏa thuận quốc tế (năm 2024 không có); đến ngày 31/12/2025 có 3 "
    "thỏa thuận đang có hiệu lực.",
    "Cấp mới 1 dự án đầu tư trực tiếp nước ngoài với tổng vốn đăng ký 39,27 triệu USD "
    "(năm 2024: 12,00 triệu USD, tăng 227,3%). Đến ngày 31/12/2025, trên địa bàn có 2 dự án "
    "FDI còn hiệu lực với tổng vốn đăng ký 51,27 triệu USD.",
    "Phê duyệt 1 dự án, khoản viện trợ với tổng giá trị cam kết 12,50 tỷ đồng (năm 2024: "
    "3,00 tỷ đồng, tăng 316,7%); giải ngân trong năm 8,55 tỷ đồng (năm 2024: 500,00 triệu "
    "đồng, tăng 1.610%)",
    "Tiếp nhận 2 vụ việc lãnh sự, bảo hộ công dân (năm 2024: 1, tăng 100%); giải quyết xong 2 "
    "vụ việc; đến ngày 31/12/2025 còn 1 vụ việc đang xử lý.",
    "Tổ chức, phối hợp tổ chức 1 sự kiện quốc tế (bằng năm 2024) với 1.250 đại biểu nước "
    "ngoài tham dự.",
    "Biểu đồ 1. Đoàn vào, đoàn ra theo quốc gia",
    "Biểu đồ 4. Viện trợ cam kết và giải ngân theo nhà tài trợ (tỷ đồng)",
    "II. ĐÁNH GIÁ CHUNG Năm 2025, công tác đối ngoại của thành phố đạt nhiều kết quả.",
    "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026 Tổ chức thành công Festival Huế 2026.",
    "PHỤ LỤC DANH MỤC HỒ SƠ LÀM CĂN CỨ SỐ LIỆU NĂM 2025",
)
APPENDIX = (
    "ĐV-2025-0001",
    "ĐV-2025-0003",
    "ĐR-2025-0001",
    "ĐR-2025-0002",
    "HT-2010-0001",
    "TT-2025-0001",
    "FDI-2025-0002",
    "VT-2024-0001",
    "VT-2025-0001",
    "SK-2025-0001",
)


@pytest.fixture
def data(db: Database) -> known.Known:
    built = known.build(db)
    texts = ReviewTexts(db, "kiemthu")
    texts.set(2025, "assessment", "Năm 2025, công tác đối ngoại của thành phố đạt nhiều kết quả.")
    texts.set(2025, "tasks", "Tổ chức thành công Festival Huế 2026.")
    return built


def _render(db: Database, path: Path, lang: str = "vi", actor: object = None) -> str:
    with on(dt.date(2026, 1, 5)):
        return pdf_text(render_year_review(db, 2025, path, lang=lang, actor=actor))  # type: ignore[arg-type]


def test_every_figure_in_words_and_the_appendix(
    db: Database, data: known.Known, tmp_path: Path
) -> None:
    text = _render(db, tmp_path / "vi.pdf")
    for expected in (*VI, *APPENDIX):
        assert expected in text, expected
    assert "ĐV-2025-0002" not in text, "the cancelled visit is not listed"
    assert "LS-" not in text, "no case is listed in a review"
    body = text.split("PHỤ LỤC")[0]
    assert "ĐV-2025-0001" not in body, "records are listed in the appendix, not the body"
    reader = pypdf.PdfReader(tmp_path / "vi.pdf")
    assert all(not page.images for page in reader.pages), "charts are vector drawings"


def test_the_same_review_printed_after_records_changed(
    db: Database, data: known.Known, tmp_path: Path
) -> None:
    before = _render(db, tmp_path / "a.pdf")
    known.change_after_the_year(db, data)
    after = _render(db, tmp_path / "b.pdf")
    assert after == before


def test_english_and_the_officer_version(db: Database, data: known.Known, tmp_path: Path) -> None:
    en = _render(db, tmp_path / "en.pdf", "en")
    for expected in (
        "Review of foreign affairs work in 2025 and tasks for 2026",
        "On 31 Dec 2025 the city kept 3 province- and city-level partnerships (2024: 2, up 50%)",
        "the city received 2 foreign delegations (2024: 1, up 100%) and sent 2 abroad "
        "(none in 2024)",
        "Southern Lao provinces: 2 outbound delegations.",
        "and 1 at county level. 1 new partnership during the year (Tỉnh Champasak).",
        "USD 39.27 million of registered capital (2024: USD 12.00 million, up 227.3%)",
        "(The English text has not been written; the Vietnamese text follows.)",
        "APPENDIX",
    ):
        assert expected in en, expected
    officer = _render(db, tmp_path / "o.pdf", actor=Principal("lan", Role.OFFICER))
    assert "Tiếp nhận 2 vụ việc lãnh sự" in officer
    assert "Số liệu tổng hợp; chi tiết vụ việc thuộc phạm vi cán bộ lãnh sự." in officer


def test_an_empty_year_prints_zeros_and_asks_for_the_texts(db: Database, tmp_path: Path) -> None:
    with on(dt.date(2026, 1, 5)):
        text = pdf_text(render_year_review(db, 2025, tmp_path / "e.pdf"))
    assert "đã đón 0 đoàn khách quốc tế đến làm việc (bằng năm 2024)" in text
    assert "Trong năm không có quan hệ nào được thiết lập mới hoặc chấm dứt." in text
    assert " 0 quan hệ" not in text, "no clause says none of something"
    assert "huedesk review-text 2025 assessment" in text
    assert "PHỤ LỤC" not in text, "nothing to list: no appendix"


def test_a_running_year_with_an_ended_partnership(
    db: Database, data: known.Known, tmp_path: Path
) -> None:
    known.change_after_the_year(db, data)
    with on(dt.date(2026, 6, 1)):
        vi = pdf_text(render_year_review(db, 2026, tmp_path / "vi.pdf"))
        en = pdf_text(render_year_review(db, 2026, tmp_path / "en.pdf", lang="en"))
    assert "Trong năm chấm dứt 1 quan hệ." in vi
    assert "1 partnership ended during the year." in en

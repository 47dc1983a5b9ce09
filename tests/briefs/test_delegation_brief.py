"""Delegation brief: a summary page, members, programme by day, gifts, history only when asked."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from huedesk.briefs import render_aid_statement, render_brief
from huedesk.briefs.delegation import talking_points
from huedesk.briefs.gather_delegation import gather_delegation
from huedesk.briefs.glossary import typed_in_vietnamese
from huedesk.db.engine import Database
from huedesk.records import RecordService
from tests.briefs import samples
from tests.briefs.conftest import pdf_pages, pdf_text


def test_page_one_is_a_summary_to_read_standing_up(
    db: Database, visit: samples.Visit, tmp_path: Path
) -> None:
    pages = pdf_pages(render_brief(db, "delegation", visit.delegation_id, tmp_path / "d.pdf"))
    first = pages[0]
    for expected in (
        "BÁO CÁO",
        "Thông tin phục vụ Lãnh đạo thành phố tiếp Đoàn tỉnh Gifu (Nhật Bản)",
        "Số: /BC-SNV",
        "Huế, ngày 05 tháng 3 năm 2025",  # Decree 30: March takes no zero
        "I. TÓM TẮT",
        # who, with the form of address
        "Furuta Hajime — Thống đốc tỉnh Gifu Cách xưng hô",  # the organisation once
        "Cách xưng hô: Ngài Thống đốc",
        "2 thành viên",
        # when and why
        "từ 12/03/2025 đến 15/03/2025 (4 ngày)",
        "đào tạo nhân lực điều dưỡng",
        "Lãnh đạo thành phố tiếp Phó Chủ tịch UBND thành phố Nguyễn Thanh Bình",
        # the partner in three lines
        "Tỉnh Gifu (Gifu Prefecture) — Địa phương đối tác, Nhật Bản",
        "Hữu nghị từ 04/10/2018 (đã thiết lập)",
        "1 lần trao đổi đoàn trước đây (0 đoàn vào, 1 đoàn ra)",
        # state of relations
        "Biên bản ghi nhớ hợp tác giữa UBND tỉnh Thừa Thiên Huế và tỉnh Gifu (ký 04/10/2018; "
        "hết hạn 03/10/2028)",
        "06/2024, Đoàn ra: Thống nhất đào tạo 120 điều dưỡng viên của Huế tại Gifu",
        "Gửi danh sách điều dưỡng viên đợt 2 cho tỉnh Gifu — Trần Thị Minh Thư, hạn 01/03/2025 "
        "(quá hạn 4 ngày)",
        # talking points as typed
        "Đề xuất mở đường bay thuê chuyến Nagoya – Phú Bài",
    ):
        assert expected in first, expected
    assert len(pages) <= 5


def test_members_programme_gifts_and_closing(
    db: Database, visit: samples.Visit, tmp_path: Path
) -> None:
    text = pdf_text(render_brief(db, "delegation", visit.delegation_id, tmp_path / "d.pdf"))
    for expected in (
        "II. THÀNH PHẦN ĐOÀN",
        "1 Furuta Hajime Thống đốc tỉnh Gifu Trưởng đoàn Ngài Thống đốc Tiếng Nhật "
        "Không ăn hải sản có vỏ",
        "2 Nguyễn Thị Hương Phiên dịch Việt Nam Phiên dịch Bà",
        "III. CHƯƠNG TRÌNH LÀM VIỆC",
        "Thứ Tư, ngày 12/03/2025",
        "Đại Nội Huế",
        "IV. QUÀ TẶNG DỰ KIẾN",
        "Bộ ấm chén gốm Phước Tích",
        "Phó Chủ tịch UBND thành phố Nguyễn Thanh Bình",  # the giver, never "…"
        "Quà đã tặng đối tác các lần trước: Tranh sơn mài Kinh thành Huế (2024).",
        "Nơi nhận:",
        "- Lưu: VT, HTQT.",
        "GIÁM ĐỐC",
        f"Hồ sơ: {visit.ref}",
    ):
        assert expected in text, expected
    assert "…" not in text
    assert "PHỤ LỤC" not in text  # the history is printed only when asked for
    assert "MẬT" not in text  # no personal data in a delegation brief


def test_full_brief_adds_the_history_as_an_appendix(
    db: Database, visit: samples.Visit, tmp_path: Path
) -> None:
    pages = pdf_pages(
        render_brief(db, "delegation", visit.delegation_id, tmp_path / "d.pdf", full=True)
    )
    appendix = next(i for i, p in enumerate(pages) if "PHỤ LỤC" in p)
    assert "GIÁM ĐỐC" in " ".join(pages[:appendix])  # the appendix follows the signature
    rest = " ".join(pages[appendix:])
    for expected in (
        "QUÁ TRÌNH HỢP TÁC VỚI TỈNH GIFU",
        "(Kèm theo Báo cáo số /BC-SNV ngày 05 tháng 3 năm 2025 của Sở Ngoại vụ)",
        "Đoàn công tác của thành phố Huế thăm tỉnh Gifu",
        "Tranh sơn mài Kinh thành Huế",
        "Đang hiệu lực",
    ):
        assert expected in rest, expected


def test_outbound_brief_speaks_of_the_trip(
    db: Database, svc: RecordService, visit: samples.Visit, tmp_path: Path
) -> None:
    trip = svc.create(
        "delegation",
        {
            "direction": "out",
            "title": "Đoàn công tác của thành phố Huế thăm tỉnh Gifu",
            "partner_id": visit.partner_id,
            "country_code": "JP",
            "start_date": dt.date(2025, 6, 2),
            "end_date": dt.date(2025, 6, 6),
            "status": "approved",
            "hosts": "Ngài Furuta Hajime, Thống đốc tỉnh Gifu",
            "approval_decision": "812/QĐ-UBND ngày 12/05/2025",
            "budget_vnd": 450_000_000,
        },
    )
    text = pdf_text(render_brief(db, "delegation", trip["id"], tmp_path / "out.pdf"))
    for expected in (
        "Thông tin phục vụ Đoàn công tác của thành phố đi tỉnh Gifu (Nhật Bản)",
        "Phía bạn tiếp Ngài Furuta Hajime, Thống đốc tỉnh Gifu",
        "450.000.000 đồng; 812/QĐ-UBND ngày 12/05/2025",
        "II. THÀNH PHẦN ĐOÀN CÔNG TÁC",
    ):
        assert expected in text, expected
    assert "Lãnh đạo thành phố tiếp" not in text


def test_programme_of_60_items_over_5_days_repeats_day_headings_and_shows_the_real_dates(
    db: Database, svc: RecordService, tmp_path: Path
) -> None:
    visit = samples.gifu_visit(svc, programme_items=0)
    samples.add_programme(svc, visit.delegation_id, 60, per_day=12)
    pages = pdf_pages(render_brief(db, "delegation", visit.delegation_id, tmp_path / "d.pdf"))
    text = " ".join(pages)
    # the record says 12-15 March; the programme runs to the 16th
    assert "từ 12/03/2025 đến 16/03/2025 (5 ngày)" in pages[0]
    for i in (1, 31, 60):
        assert f"(mục {i})" in text
    header = "Thời gian Nội dung Địa điểm Thành phần phía Huế Đơn vị chủ trì"
    continued = [p for p in pages if header in p and "(tiếp theo)" in p]
    assert continued, "a day split by a page break names its day again on the next page"
    for page in pages:
        if "(mục" in page:
            assert header in page
            start = page.index(header) + len(header)
            # under the repeated header comes a day heading: the day's own or its continuation
            assert page[start:].lstrip().startswith(("Thứ", "Chủ nhật")), page[start : start + 60]
    assert len(pages) <= 7


def test_partner_with_200_earlier_visits_keeps_the_brief_short(
    db: Database, svc: RecordService, tmp_path: Path
) -> None:
    visit = samples.gifu_visit(svc, programme_items=10)
    samples.add_history(svc, visit.partner_id, 200)
    short = pdf_pages(render_brief(db, "delegation", visit.delegation_id, tmp_path / "s.pdf"))
    assert 3 <= len(short) <= 5
    assert "201 lần trao đổi đoàn trước đây" in short[0]
    assert "Thống nhất nội dung hợp tác số 200" in short[0]  # the latest exchange
    assert "Toàn bộ quá trình hợp tác (201 đoàn, 1 thỏa thuận) có trong bản đầy đủ." in " ".join(
        short
    )
    full = pdf_pages(
        render_brief(db, "delegation", visit.delegation_id, tmp_path / "f.pdf", full=True)
    )
    assert len(full) > len(short) + 4
    assert "Đoàn tỉnh Gifu thăm và làm việc tại Huế lần 1 " in " ".join(full)


def test_talking_points_are_three_to_five(db: Database, svc: RecordService) -> None:
    bare = svc.create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn Đại sứ quán Phần Lan chào xã giao",
            "country_code": "FI",
            "start_date": dt.date(2025, 4, 2),
            "status": "planned",
            "purpose": "Chào xã giao Lãnh đạo thành phố.",
        },
    )
    with db.read() as s:
        data = gather_delegation(s, bare["id"])
    points = talking_points(data, "vi", dt.date(2025, 3, 5))
    assert 3 <= len(points) <= 5
    assert points[0] == "Trao đổi về mục đích chuyến thăm: Chào xã giao Lãnh đạo thành phố"


def test_page_numbers_and_total(db: Database, svc: RecordService, tmp_path: Path) -> None:
    visit = samples.gifu_visit(svc, programme_items=0)
    samples.add_programme(svc, visit.delegation_id, 30)
    pages = pdf_pages(render_brief(db, "delegation", visit.delegation_id, tmp_path / "d.pdf"))
    n = len(pages)
    assert n >= 3
    for i, page in enumerate(pages, 1):
        assert f"Trang {i}/{n}" in page
        # The margins are drawn last: the top page number (from page 2) precedes the footer.
        if i >= 2:
            assert f" {i} Hồ sơ: {visit.ref} Trang" in page
    assert f" 1 Hồ sơ: {visit.ref}" not in pages[0]


def test_record_with_nothing_optional_prints_cleanly(
    db: Database, svc: RecordService, tmp_path: Path
) -> None:
    bare = svc.create(
        "delegation",
        {
            "direction": "out",
            "title": "Đoàn công tác tại Lào",
            "country_code": "LA",
            "start_date": dt.date(2025, 5, 2),
            "status": "planned",
        },
    )
    text = pdf_text(render_brief(db, "delegation", bare["id"], tmp_path / "bare.pdf"))
    assert "Thông tin phục vụ Đoàn công tác của thành phố đi Lào" in text
    assert "Đoàn công tác tại Lào" in text
    assert "ngày 02/05/2025 (1 ngày)" in text
    assert "(Chưa có thông tin)" in text and "Chưa có đoàn trao đổi trước đây" in text
    assert "None" not in text


def test_markup_characters_print_literally(
    db: Database, svc: RecordService, tmp_path: Path
) -> None:
    org = svc.create(
        "organisation",
        {"name": "Quỹ <Hy vọng> & Tương lai", "org_type": "ngo", "country_code": "KR"},
    )
    d = svc.create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn <b>Quỹ</b> & đối tác",
            "partner_id": org["id"],
            "country_code": "KR",
            "start_date": dt.date(2025, 7, 1),
            "status": "planned",
            "purpose": "Giải thích a < b && c > d\nDòng thứ hai",
        },
    )
    text = pdf_text(render_brief(db, "delegation", d["id"], tmp_path / "x.pdf"))
    assert "Đoàn <b>Quỹ</b> & đối tác" in text
    assert "Quỹ <Hy vọng> & Tương lai" in text
    assert "a < b && c > d" in text
    assert "&amp;" not in text and "&lt;" not in text


def test_english_version_is_in_english(db: Database, visit: samples.Visit, tmp_path: Path) -> None:
    text = pdf_text(
        render_brief(db, "delegation", visit.delegation_id, tmp_path / "en.pdf", lang="en")
    )
    for expected in (
        "SOCIALIST REPUBLIC OF VIET NAM",
        "Independence - Freedom - Happiness",
        "HUẾ CITY PEOPLE'S COMMITTEE",
        "DEPARTMENT OF FOREIGN AFFAIRS",
        "REPORT",
        "Briefing for the City leaders receiving the delegation of Gifu Prefecture (Japan)",
        "Huế, 5 Mar 2025",
        "Delegation of Gifu Prefecture (Japan)",
        "Furuta Hajime — Governor, Gifu Prefecture",  # typed "Thống đốc tỉnh Gifu"
        "Form of address: H.E. the Governor",
        "12–15 Mar 2025 (4 days)",
        "Received by",
        "Friendship since 4 Oct 2018 (established)",
        "Jun 2024, outbound",
        "Head of delegation",
        "Interpreter",
        "Japanese",
        "No shellfish",
        "WORKING PROGRAMME",
        "Wednesday, 12 Mar 2025",
        "Leaders of the Department of Foreign Affairs, the Department of Tourism",
        "GIFTS PLANNED",
        "Recipients:",
        "File: Records Office, HTQT.",
        "DIRECTOR",
        "Page 1/",
    ):
        assert expected in text, expected
    for vietnamese in ("Trang", "Trưởng đoàn", "Tiếng Nhật", "Ngài", "Số:", "ngày", "Nơi nhận"):
        assert vietnamese not in text, vietnamese
    for vietnamese in ("Sở Ngoại vụ", "Lãnh đạo"):  # typed from the vocabulary
        assert vietnamese not in text, vietnamese


def test_fonts_are_embedded_subsets(db: Database, visit: samples.Visit, tmp_path: Path) -> None:
    out = render_brief(db, "delegation", visit.delegation_id, tmp_path / "d.pdf")
    assert_fonts_embedded(out)


def assert_fonts_embedded(path: Path) -> None:
    """Every font of every page is an embedded TrueType subset of Tinos."""
    seen: set[str] = set()
    for page in pypdf.PdfReader(path).pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            seen.add(str(font["/BaseFont"]))
    assert seen and all("+Tinos" in name for name in seen), seen


@pytest.mark.skipif(
    shutil.which("pdffonts") is None, reason="poppler-utils (pdffonts) not installed"
)
def test_pdffonts_lists_every_font_embedded(
    db: Database, visit: samples.Visit, tmp_path: Path
) -> None:
    out = render_brief(db, "delegation", visit.delegation_id, tmp_path / "d.pdf")
    lines = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert lines
    for line in lines:
        name, *_rest, emb, sub, _uni, _obj, _gen = line.split()
        assert "+Tinos" in name and emb == "yes" and sub == "yes", line


def test_english_brief_says_once_that_vietnamese_text_is_printed_as_typed(
    db: Database, visit: samples.Visit, tmp_path: Path
) -> None:
    note = "Text recorded only in Vietnamese (such as purposes"
    en = pdf_text(
        render_brief(db, "delegation", visit.delegation_id, tmp_path / "e.pdf", lang="en")
    )
    assert en.count(note) == 1
    assert en.index(note) < en.index("I. SUMMARY")  # under the title, before any of it
    # the purpose is printed as typed, not half translated or made up
    assert "Trao đổi kết quả hợp tác giai đoạn 2018–2024" in en
    vi = pdf_text(render_brief(db, "delegation", visit.delegation_id, tmp_path / "v.pdf"))
    assert "Text recorded" not in vi
    # nothing typed in Vietnamese (a year without aid): no note
    empty = pdf_text(render_aid_statement(db, tmp_path / "y.pdf", year=1999, lang="en"))
    assert "Text recorded" not in empty


def test_what_counts_as_typed_in_vietnamese() -> None:
    for typed in ("Trao đổi kết quả hợp tác", "Thành phố Toyota, tỉnh Aichi", "(ghi chú)"):
        assert typed_in_vietnamese(typed), typed
    for own in ("Nguyễn Thị Minh Thư", "Phường Thuận Hóa", "Huế, 5 Mar 2025", "VND 1,000 đồng"):
        assert not typed_in_vietnamese(own), own

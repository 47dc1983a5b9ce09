"""Delegation brief: content, history with the partner, long programmes, empty records."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from huedesk.briefs import render_brief
from huedesk.db.engine import Database
from huedesk.records import RecordService
from tests.briefs import samples
from tests.briefs.conftest import pdf_pages, pdf_text


def test_names_places_and_history_print_exactly(
    db: Database, visit: samples.Visit, tmp_path: Path
) -> None:
    out = render_brief(db, "delegation", visit.delegation_id, tmp_path / "d.pdf")
    text = pdf_text(out)
    for expected in (
        "UBND THÀNH PHỐ HUẾ",
        "SỞ NGOẠI VỤ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "TÀI LIỆU PHỤC VỤ ĐÓN TIẾP ĐOÀN",
        "Đoàn đại biểu tỉnh Gifu (Nhật Bản) thăm và làm việc tại thành phố Huế",
        "Nguyễn Thị Hương",
        "Furuta Hajime (trưởng đoàn)",
        "Ngài Thống đốc",
        "Không ăn hải sản có vỏ",
        "Phường Thuận Hóa",
        "Đại Nội Huế",
        "từ 12/03/2025 đến 15/03/2025",
        "Thứ Tư, ngày 12/03/2025",
        # history with the partner: the earlier visit, its gift, the MOU and the partnership
        "Đoàn công tác của thành phố Huế thăm tỉnh Gifu",
        "Tranh sơn mài Kinh thành Huế",
        "Biên bản ghi nhớ hợp tác giữa UBND tỉnh Thừa Thiên Huế và tỉnh Gifu",
        "Đang hiệu lực",
        "Hữu nghị",
        "Đề xuất mở đường bay thuê chuyến Nagoya – Phú Bài.",
        f"Hồ sơ: {visit.ref}",
    ):
        assert expected in text, expected
    assert "MẬT" not in text  # no personal data in a delegation brief
    assert out.name == "d.pdf" and not list(tmp_path.glob("*.part"))


def test_page_numbers_and_total(db: Database, svc: RecordService, tmp_path: Path) -> None:
    visit = samples.gifu_visit(svc, programme_items=0)
    samples.add_programme(svc, visit.delegation_id, 30)
    out = render_brief(db, "delegation", visit.delegation_id, tmp_path / "d.pdf")
    pages = pdf_pages(out)
    n = len(pages)
    assert n >= 3
    for i, page in enumerate(pages, 1):
        assert f"Trang {i}/{n}" in page
        # The margins are drawn last: the top page number (from page 2) precedes the footer.
        if i >= 2:
            assert f" {i} Hồ sơ: {visit.ref} Trang" in page
    assert f" 1 Hồ sơ: {visit.ref}" not in pages[0]


def test_200_programme_items_run_over_pages_with_header_repeated(
    db: Database, svc: RecordService, tmp_path: Path
) -> None:
    visit = samples.gifu_visit(svc, programme_items=0)
    samples.add_programme(svc, visit.delegation_id, 200)
    out = render_brief(db, "delegation", visit.delegation_id, tmp_path / "d.pdf")
    pages = pdf_pages(out)
    assert len(pages) >= 10
    text = " ".join(pages)
    for i in (1, 57, 200):
        assert f"(mục {i})" in text
    first = next(i for i, p in enumerate(pages) if "(mục 1)" in p)
    last = next(i for i, p in enumerate(pages) if "(mục 200)" in p)
    for page in pages[first : last + 1]:
        assert "Thời gian Địa điểm Nội dung Thành phần phía Huế Đơn vị chủ trì" in page


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
    out = render_brief(db, "delegation", bare["id"], tmp_path / "bare.pdf")
    text = pdf_text(out)
    assert "TÀI LIỆU PHỤC VỤ ĐOÀN CÔNG TÁC" in text
    assert "Đoàn công tác tại Lào" in text
    assert "ngày 02/05/2025" in text
    assert "Lào" in text and "(Chưa có thông tin)" in text
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


def test_english_version_has_the_same_data(
    db: Database, visit: samples.Visit, tmp_path: Path
) -> None:
    text = pdf_text(
        render_brief(db, "delegation", visit.delegation_id, tmp_path / "en.pdf", lang="en")
    )
    for expected in (
        "SOCIALIST REPUBLIC OF VIET NAM",
        "Independence - Freedom - Happiness",
        "DEPARTMENT OF FOREIGN AFFAIRS",
        "BRIEFING BOOK: INBOUND DELEGATION",
        "Đoàn đại biểu tỉnh Gifu (Nhật Bản) thăm và làm việc tại thành phố Huế",
        "Gifu Prefecture",
        "Japan",
        "Nguyễn Thị Hương",
        "Working programme".upper(),
        "Wednesday, 12/03/2025",
        "from 12/03/2025 to 15/03/2025",
        "Page 1/",
    ):
        assert expected in text, expected
    assert "Trang" not in text


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

"""The layout of every brief, read back from the PDF: whole words, tables, and the Decree 30 frame.

Each brief kind is printed in both languages with typical and extreme data (60
programme items over 5 days, a partner with 200 earlier visits, a year of 500
aid transactions). From the drawn strings and rules with their positions:

* no word or number is split across lines (every token printed is a whole word
  of the data or the wording, or a well-formed number or date);
* no table starts with a lone row at a page's foot or leaves one alone on the
  next page, and a programme's day is named again after a page break;
* the frame's elements sit where the decree puts them, at its sizes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from huedesk import clock
from huedesk.briefs import render_aid_statement, render_brief, render_year_review
from huedesk.briefs.frame import MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH
from huedesk.db.engine import Database
from huedesk.records import RecordService
from huedesk.store import open_store
from tests.briefs import samples
from tests.briefs.conftest import PRINTED_AT
from tests.briefs.layout import Drawn, broken_words, drawn, rules, vocabulary

# The number and symbol line and the drafting units after "Lưu: VT,".
FRAME_WORDS = {"/BC-SNV", "BC-SNV", "VT", "HTQT", "LS"}
TEXT_CENTRE = MARGIN_LEFT + (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / 2


@dataclass
class Printed:
    """The sample database, and each brief printed from it (by name and language)."""

    db_path: Path
    pdfs: dict[tuple[str, str], Path]
    words: set[str]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Printed]:
    folder = tmp_path_factory.mktemp("layout")
    path = folder / "samples.sqlite3"
    with clock.use(clock.fixed(PRINTED_AT)):
        db = open_store(path)
        svc = RecordService(db, "mau")
        made = samples.printing_set(svc)
        typical, long, busy, case, aid = made.typical, made.long, made.busy, made.case, made.aid
        jobs: dict[str, Callable[[Database, Path, str], Path]] = {
            "delegation": lambda d, p, lang: render_brief(
                d, "delegation", typical.delegation_id, p, lang=lang
            ),
            "delegation-60-items": lambda d, p, lang: render_brief(
                d, "delegation", long.delegation_id, p, lang=lang
            ),
            "delegation-200-visits-full": lambda d, p, lang: render_brief(
                d, "delegation", busy.delegation_id, p, lang=lang, full=True
            ),
            "case": lambda d, p, lang: render_brief(d, "consular_case", case.case_id, p, lang=lang),
            "aid-project": lambda d, p, lang: render_brief(
                d, "aid_project", aid.project_id, p, lang=lang
            ),
            "aid-year-500-detail": lambda d, p, lang: render_aid_statement(
                d, p, year=2025, lang=lang, detail=True
            ),
            "year-review": lambda d, p, lang: render_year_review(d, 2025, p, lang=lang),
        }
        pdfs = {
            (name, lang): job(db, folder / f"{name}-{lang}.pdf", lang)
            for name, job in jobs.items()
            for lang in ("vi", "en")
        }
        db.dispose()
    yield Printed(path, pdfs, vocabulary(path))


BRIEFS = [
    "delegation",
    "delegation-60-items",
    "delegation-200-visits-full",
    "case",
    "aid-project",
    "aid-year-500-detail",
    "year-review",
]
EVERY = [(name, lang) for name in BRIEFS for lang in ("vi", "en")]


@pytest.mark.parametrize(("name", "lang"), EVERY)
def test_no_word_or_number_is_split_across_lines(printed: Printed, name: str, lang: str) -> None:
    items = drawn(printed.pdfs[(name, lang)])
    assert len(items) > 40
    bad = broken_words(items, printed.words | FRAME_WORDS, lang)
    assert bad == [], bad[:20]


@pytest.mark.parametrize("name", BRIEFS)
def test_english_briefs_name_the_month(printed: Printed, name: str) -> None:
    """ "02/04/2025" reads as 4 February to many English readers: English briefs print
    "2 Apr 2025" in tables and text alike; Vietnamese ones keep dd/mm/yyyy."""
    numeric = re.compile(r"\b(\d{1,2}/)?\d{1,2}/\d{4}\b")
    # Text typed in Vietnamese ("Ngày 02/04/2025 gia đình bà …") is printed as typed.
    typed = re.compile(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", re.IGNORECASE)
    lines = [d.text for d in drawn(printed.pdfs[(name, "en")])]
    english = " ".join(t for t in lines if not typed.search(t.replace("Huế", "")))
    assert numeric.findall(english) == []
    assert re.search(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d", english)
    vietnamese = " ".join(d.text for d in drawn(printed.pdfs[(name, "vi")]))
    assert numeric.search(vietnamese)


def test_the_word_check_catches_a_split_word_and_a_split_number(printed: Printed) -> None:
    split = [
        Drawn(1, "Disbursemen", 0, 0, "Tinos", 11),
        Drawn(1, "Switzerla", 0, 0, "Tinos", 11),
        Drawn(1, "1.365.251.653.99", 0, 0, "Tinos", 11),
        Drawn(1, ".653.995", 0, 0, "Tinos", 11),
    ]
    assert len(broken_words(split, printed.words | {"Disbursement"}, "vi")) == 4


@pytest.mark.parametrize(("name", "lang"), EVERY)
def test_frame_elements_sit_where_the_decree_puts_them(
    printed: Printed, name: str, lang: str
) -> None:
    pdf = printed.pdfs[(name, lang)]
    items = drawn(pdf)
    first = [d for d in items if d.page == 1]
    head = sorted((d for d in first if d.y > PAGE_HEIGHT - 80 * 2.8346), key=lambda d: -d.y)
    parent = _one(head, "UBND THÀNH PHỐ HUẾ", "HUẾ CITY PEOPLE'S COMMITTEE")
    nation = _one(head, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM")
    motto = _one(head, "Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness")
    number = next(d for d in head if d.text.startswith(("Số:", "No.:")))
    agency_lines = [
        d for d in head if d.font == "Tinos-Bold" and d.centre < TEXT_CENTRE and d.y > number.y
    ]
    agency = agency_lines[0]
    date = next(d for d in head if d.text.startswith("Huế,"))
    doc_type = _one(head, "BÁO CÁO", "REPORT")
    # Sizes (Decree 30/2020, Appendix I): 12-13 pt names, 13-14 pt motto, type and date.
    assert (parent.font, parent.size) == ("Tinos", 12.5)
    assert agency.size == 12.5 and nation.size == 12.5 and nation.font == "Tinos-Bold"
    assert motto.font == "Tinos-Bold" and 13 <= motto.size <= 14
    assert number.font == "Tinos" and number.size == 13
    assert date.font == "Tinos-Italic" and 13 <= date.size <= 14
    assert doc_type.font == "Tinos-Bold" and 13 <= doc_type.size <= 14
    # The agency at the left, the national title at the right, each block centred on itself,
    # the number under the agency, the date under the motto, the type in the middle.
    left, right = parent.centre, nation.centre
    assert left < TEXT_CENTRE < right
    for item in [*agency_lines, number]:
        assert abs(item.centre - left) < 1.0, item
    for item in (motto, date):
        assert abs(item.centre - right) < 1.0, item
    assert abs(doc_type.centre - TEXT_CENTRE) < 1.0
    assert parent.y > agency.y > number.y and nation.y > motto.y > date.y
    assert abs(number.y - date.y) < 0.5 and abs(parent.y - nation.y) < 0.5
    assert date.y > doc_type.y
    # The date line follows the decree's padding: days below 10 and months 1-2 take a zero.
    if lang == "vi":
        assert date.text == "Huế, ngày 05 tháng 3 năm 2025"
    # Rules: under the agency a third to a half of its line, under the motto as long as it.
    page_rules = [r for r in rules(pdf) if r.page == 1]
    under_agency = _rule_under(page_rules, agency_lines[-1])
    widest = max(d.width for d in agency_lines)
    assert widest / 3 <= under_agency.length <= widest / 2
    assert abs(under_agency.centre - left) < 1.0
    under_motto = _rule_under(page_rules, motto)
    assert abs(under_motto.length - motto.width) < 1.0
    subject = [d for d in head if d.font == "Tinos-Bold" and d.y < doc_type.y and d.size == 14]
    assert subject, "the subject follows the type"
    under_subject = _rule_under(page_rules, subject[-1])
    widest = max(d.width for d in subject)
    assert widest / 3 <= under_subject.length <= widest / 2
    # Page numbers: centred in the top margin from page 2, none on page 1.
    pages = max(d.page for d in items)
    for page in range(1, pages + 1):
        top = [d for d in items if d.page == page and d.y > PAGE_HEIGHT - MARGIN_TOP]
        if page == 1:
            assert top == []
        else:
            (mark,) = top
            assert mark.text == str(page) and 13 <= mark.size <= 14
            assert abs(mark.centre - TEXT_CENTRE) < 1.0


@pytest.mark.parametrize(("name", "lang"), EVERY)
def test_signature_and_recipients(printed: Printed, name: str, lang: str) -> None:
    items = drawn(printed.pdfs[(name, lang)])
    head = "KT. GIÁM ĐỐC" if lang == "vi" else "FOR THE DIRECTOR"
    title = next(d for d in items if d.text == head)
    page = [d for d in items if d.page == title.page]
    signer = next(
        d for d in page if d.text == ("PHÓ GIÁM ĐỐC" if lang == "vi" else "DEPUTY DIRECTOR")
    )
    name_line = next(d for d in page if d.text == "Nguyễn Văn Phương")
    for item in (title, signer, name_line):
        assert item.font == "Tinos-Bold" and 13 <= item.size <= 14
        assert item.centre > TEXT_CENTRE
        assert abs(item.centre - title.centre) < 1.0
    assert title.y > signer.y > name_line.y + 40  # room to sign and stamp
    heading = next(d for d in page if d.text == ("Nơi nhận:" if lang == "vi" else "Recipients:"))
    assert heading.font == "Tinos-BoldItalic" and heading.size == 12
    assert abs(heading.x - MARGIN_LEFT) < 0.5 and abs(heading.y - title.y) < 2
    lines = sorted(
        (d for d in page if d.size == 11 and d.y < heading.y and d.x < TEXT_CENTRE),
        key=lambda d: -d.y,
    )
    entries: list[str] = []  # one per recipient: "- …;" and the last "- Lưu: VT, … ."
    for line in lines:
        if line.text.startswith("- "):
            entries.append(line.text)
        else:  # a long recipient wraps, its second line hanging under the first
            assert line.x > heading.x and entries
            entries[-1] += " " + line.text
    assert len(entries) >= 2
    assert all(e.endswith(";") for e in entries[:-1]) and entries[-1].endswith(".")
    # The signature is never alone on its page: text or table rows come before it.
    body = [d for d in page if d.y > heading.y + 5 and d.y < PAGE_HEIGHT - MARGIN_TOP]
    assert body, "the signature block sits with the text before it"


TABLES = {
    # brief: (header's first cell, a row's first cell)
    "delegation-60-items": ("Thời gian", "Time", r"^\d\d:\d\d – \d\d:\d\d$"),
    "delegation-200-visits-full": (
        "Thời gian",
        "Dates",
        r"^(\d\d/\d\d/\d{4}|\d{1,2} [A-Z][a-z]{2} \d{4}) –$",
    ),
    "aid-year-500-detail": ("Dự án", "Project", r"^VT-2025-\d{4}$"),
}


@pytest.mark.parametrize(("name", "lang"), [(n, lang) for n in TABLES for lang in ("vi", "en")])
def test_long_tables_never_leave_a_lone_row(printed: Printed, name: str, lang: str) -> None:
    vi, en, pattern = TABLES[name]
    header = vi if lang == "vi" else en
    row = re.compile(pattern)
    items = drawn(printed.pdfs[(name, lang)])
    counts: list[int] = []
    for page in range(1, max(d.page for d in items) + 1):
        on_page = [d for d in items if d.page == page]
        tops = [d for d in on_page if d.text == header and d.font == "Tinos-Bold"]
        if not tops:
            continue
        top = max(t.y for t in tops)
        rows = [d for d in on_page if d.y < top and row.match(d.text) and d.x < MARGIN_LEFT + 60]
        if rows:
            counts.append(len(rows))
    assert len(counts) >= 3, counts  # the table runs over several pages
    assert all(n >= 2 for n in counts), str(counts)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_day_split_by_a_page_break_is_named_again(printed: Printed, lang: str) -> None:
    items = drawn(printed.pdfs[("delegation-60-items", lang)])
    header = "Thời gian" if lang == "vi" else "Time"
    continued = "(tiếp theo)" if lang == "vi" else "(continued)"
    day = re.compile(r"^(Thứ|Chủ nhật|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")
    for page in range(2, max(d.page for d in items) + 1):
        on_page = sorted((d for d in items if d.page == page), key=lambda d: -d.y)
        tops = [i for i, d in enumerate(on_page) if d.text == header and d.font == "Tinos-Bold"]
        if not tops:
            continue
        below = [d for d in on_page[tops[0] :] if d.y < on_page[tops[0]].y - 5]
        first_row = min(below, key=lambda d: abs(d.x - MARGIN_LEFT - 3), default=None)
        under = [d for d in below if d.x < MARGIN_LEFT + 10]
        assert under and day.match(under[0].text), (page, [d.text for d in under[:3]], first_row)
    names = [d.text for d in items if continued in d.text]
    assert names, "at least one day runs over a page break"


def _one(items: list[Drawn], vi: str, en: str) -> Drawn:
    return next(d for d in items if d.text in (vi, en))


def _rule_under(page_rules: list, item: Drawn):  # type: ignore[no-untyped-def,type-arg]
    """The rule just below ``item``'s baseline (within 12 points), centred under it."""
    near = [r for r in page_rules if 0 < item.y - r.y < 12 and abs(r.centre - item.centre) < 2]
    assert near, f"no rule under {item.text!r}"
    return max(near, key=lambda r: r.y)


def test_brief_dates_are_fixed() -> None:
    assert PRINTED_AT.date() == dt.date(2025, 3, 5)

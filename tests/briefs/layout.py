"""Read a PDF back as drawn text and rules with their positions, to check a brief's layout.

``drawn(path)`` gives every string the PDF shows (pypdf's text visitor: one item
per line a table cell or paragraph draws), with its page, position, font and
size; ``rules(path)`` every horizontal line. Positions are in points from the
page's bottom left, as the PDF has them.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pypdf
from pypdf.generic import ContentStream
from reportlab.pdfbase.pdfmetrics import stringWidth

from huedesk import clock
from huedesk.accounts.roles import Principal, Role
from huedesk.briefs import glossary
from huedesk.briefs.fonts import register_fonts
from huedesk.briefs.texts import DOC_TYPES, TEXTS
from huedesk.briefs.year_words import WORDS as YEAR_WORDS
from huedesk.db.enums import LABELS, LabelledEnum
from huedesk.records.kinds import KINDS
from huedesk.reference_data import COUNTRIES
from huedesk.stats import Area, Names, count_in, year_period
from huedesk.store import open_store


@dataclass(frozen=True)
class Drawn:
    """A string as shown on a page."""

    page: int  # from 1
    text: str
    x: float
    y: float
    font: str  # the font's base name without the subset tag: Tinos, Tinos-Bold …
    size: float

    @property
    def width(self) -> float:
        register_fonts()
        return stringWidth(self.text, self.font, self.size)

    @property
    def centre(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class Rule:
    page: int
    x0: float
    x1: float
    y: float

    @property
    def length(self) -> float:
        return self.x1 - self.x0

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def drawn(path: Path) -> list[Drawn]:
    out: list[Drawn] = []
    for number, page in enumerate(pypdf.PdfReader(path).pages, 1):
        page.extract_text(visitor_text=partial(_visit, out, number))
    return out


def _visit(
    out: list[Drawn],
    page: int,
    text: str,
    cm: list[float],
    tm: list[float],
    font: object,
    size: float,
) -> None:
    text = text.rstrip("\n")
    if not text.strip() or font is None:
        return
    name = str(font["/BaseFont"]).split("+", 1)[-1]  # type: ignore[index]
    x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
    y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
    out.append(Drawn(page, text, round(x, 2), round(y, 2), name, size * tm[0]))


def rules(path: Path) -> list[Rule]:
    """Horizontal lines (``m … l S`` with equal y), in page coordinates."""
    reader = pypdf.PdfReader(path)
    found: list[Rule] = []
    for number, page in enumerate(reader.pages, 1):
        ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
        stack: list[list[float]] = []
        start: tuple[float, float] | None = None
        for args, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"q":
                stack.append(ctm)
            elif op == b"Q":
                ctm = stack.pop() if stack else [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
            elif op == b"cm":
                a, b, c, d, e, f = (float(v) for v in args)
                m = ctm
                ctm = [
                    a * m[0] + b * m[2],
                    a * m[1] + b * m[3],
                    c * m[0] + d * m[2],
                    c * m[1] + d * m[3],
                    e * m[0] + f * m[2] + m[4],
                    e * m[1] + f * m[3] + m[5],
                ]
            elif op == b"m":
                start = _apply(ctm, float(args[0]), float(args[1]))
            elif op == b"l" and start is not None:
                end = _apply(ctm, float(args[0]), float(args[1]))
                if abs(end[1] - start[1]) < 0.01 and abs(end[0] - start[0]) > 1:
                    x0, x1 = sorted((start[0], end[0]))
                    found.append(Rule(number, x0, x1, start[1]))
                start = end
    return found


def _apply(m: list[float], x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


# -- every word is whole ------------------------------------------------------------------

_EDGES = " ,.;:()[]“”\"'‘’«»*"
_NUMBER = {
    "vi": re.compile(r"^[+−-]?\d{1,3}(\.\d{3})*(,\d+)?%?$"),
    "en": re.compile(r"^[+−-]?\d{1,3}(,\d{3})*(\.\d+)?%?$"),
}
_SHAPES = [
    re.compile(r"^\d{1,2}/\d{1,2}(/\d{4})?$"),  # 12/03/2025, 12/03
    re.compile(r"^\d{1,2}/\d{4}$"),  # 06/2024
    re.compile(r"^\d{1,2}:\d{2}$"),  # 08:30
    re.compile(r"^\d{1,2}–\d{1,2}$"),  # 12–15 (March)
    re.compile(r"^\d{1,4}$"),  # 2025, 7, 0877
    re.compile(r"^[–—→%+−=-]$"),
    re.compile(r"^[IVX]{1,4}$"),  # section numbers
]


def _words(text: str) -> Iterable[str]:
    for raw in text.split():
        word = raw.strip(_EDGES)
        if word:
            yield word


EXTRA_WORDS = {
    *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
    *("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    *("Thứ", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Chủ", "nhật"),
    *("H.E.", "H.E", "the", "Mr", "Ms", "Mr/Ms", "Professor", "Dr"),
    *("VND", "USD", "EUR", "JPY", "KRW", "đồng"),
}


def _labels(area: Area) -> Iterator[Names]:
    yield area.label
    for figure in area.figures:
        yield figure.label
    for part in area.breakdowns:
        yield part.label
        for row in part.rows:
            yield row.label
            for figure in row.figures:
                yield figure.label


def vocabulary(db_path: Path) -> set[str]:
    """Every word the brief could print whole: the database's text and the briefs' wording."""
    words: set[str] = set()

    def add(text: object) -> None:
        if isinstance(text, str):
            words.update(_words(re.sub(r"\{[a-z_]+\}", " ", text)))

    with clock.use(clock.fixed(dt.datetime(2026, 1, 5, tzinfo=dt.UTC))):
        db = open_store(db_path)
        try:  # the labels of every figure and split the yearly review prints (issue #14)
            with db.read() as s:
                figures = count_in(s, Principal("layout", Role.ADMIN), year_period(2025))
        finally:
            db.dispose()
    for area in figures.areas:
        for names in _labels(area):
            add(names.vi)
            add(names.en)
    conn = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            if table.startswith("search_"):
                continue
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    add(value)
    finally:
        conn.close()
    for pair in TEXTS.values():
        for text in pair:
            add(text)
    for pair in YEAR_WORDS.values():  # the yearly review's wording (issue #14)
        for text in pair:
            add(text)
            add(text.upper())  # its part headings
    for pair in DOC_TYPES.values():
        for text in pair:
            add(text)
    for table in LABELS.values():
        for pair in table.values():
            for text in pair:
                add(text)
    for enum_cls in LabelledEnum.__subclasses__():
        for member in enum_cls:
            for lang in ("vi", "en"):
                add(member.label(lang))
                add(member.label(lang).upper())
    for spec in KINDS.values():
        for field in spec.fields.values():
            add(field.label("vi"))
            add(field.label("en"))
        add(spec.label_vi)
        add(spec.label_en)
    for _code, vi, en in COUNTRIES:
        add(vi)
        add(en)
    tables = (
        glossary.OFFICES,
        glossary.ROLES,
        glossary.DIETS,
        glossary.LANGUAGES,
        glossary.AGENCIES,
    )
    for table in tables:
        for key, value in table.items():
            add(key)
            add(value)
            add(key.capitalize())
            add(value.capitalize())
    words |= EXTRA_WORDS
    words |= {w.upper() for w in list(words)}
    return words


# A number cut at a thousands separator: "1.365.251." / ".653.995" ("1,365,251," in English).
_CUT_NUMBER = {
    "vi": re.compile(r"^[.,]\d|\d\.\d{3}\.$"),
    "en": re.compile(r"^[.,]\d|\d,\d{3},$"),
}


def broken_words(items: Iterable[Drawn], known: set[str], lang: str) -> list[tuple[int, str]]:
    """Tokens printed that are no whole word, number or date: pieces of something split."""
    bad: list[tuple[int, str]] = []
    for item in items:
        for raw in item.text.split():
            if _CUT_NUMBER[lang].search(raw.strip("()[];:")):
                bad.append((item.page, raw))
        for word in _words(item.text):
            if word in known or word.upper() in known:
                continue
            if _NUMBER[lang].match(word) or any(s.match(word) for s in _SHAPES):
                continue
            bad.append((item.page, word))
    return bad

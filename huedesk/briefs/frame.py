"""The document frame every brief shares, laid out as Decree 30/2020/NĐ-CP (Appendix I) says.

* A4; margins top 20, bottom 20, left 30, right 20 mm; Tinos (Times New Roman's metrics).
* Top left the parent agency (12.5 pt) and the issuing agency (12.5 pt bold), with a
  rule a third to a half as long as the agency's line under it; top right the
  national title (12.5 pt bold) and the motto (13.5 pt bold) with a rule as long as
  the motto. Both columns are as wide as their longest line needs.
* Under the agency the number and symbol line, ``Số: 07/BC-SNV`` (13 pt; numbers below
  10 get a leading zero; left blank for the records office unless HueDesk numbers
  briefs); under the motto the place and date line (13.5 pt italic), with the
  decree's padding: days below 10 and months 1 and 2 get a leading zero.
* The document type (``BÁO CÁO``, ``TỜ TRÌNH``, 14 pt bold) and the summary of its
  content (14 pt bold) centred, with a rule a third to a half of the summary's line. A
  công văn has no type name: its summary follows "V/v" under the number (12.5 pt), and
  its symbol is the agency's and the drafting unit's (``Số: 07/SNV-HTQT``). A công văn
  and a tờ trình then name whom they are sent to: "Kính gửi: …" (14 pt), and end with
  the sentence that sends or submits them and "Như trên" first among the recipients.
* At the end, ``Nơi nhận:`` (12 pt bold italic) and its lines (11 pt) at the left,
  the signature block at the right: the authority line (``KT. GIÁM ĐỐC``), the
  signer's title, room to sign and stamp, and the signer's name (13.5 pt bold).
  It stays on the page of the text before it.
* From page 2 the page number is centred in the top margin (13 pt). A small footer
  carries the record reference and "Trang x/y" (the total is known only at the end,
  so the canvas keeps each page's state and draws margins when the file is saved).
* A brief with personal data carries "MẬT" under the number and a note in every footer.

Everything printed here comes from the document settings (``huedesk.document_settings``).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from huedesk.briefs import glossary
from huedesk.briefs.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts
from huedesk.briefs.grid import Grid
from huedesk.briefs.markup import esc, plain
from huedesk.briefs.styles import styles
from huedesk.briefs.texts import date_line, tr, written_date
from huedesk.document_settings import DocSettings

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 20 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 160 mm
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

# Sizes from Decree 30/2020, Appendix I (each within the decree's range).
AGENCY_SIZE = 12.5
NATION_SIZE = 12.5
MOTTO_SIZE = 13.5
NUMBER_SIZE = 13.0
DATE_SIZE = 13.5
TYPE_SIZE = 14.0
SUBJECT_SIZE = 14.0
RECIPIENTS_HEAD_SIZE = 12.0
RECIPIENTS_SIZE = 11.0
SIGNER_SIZE = 13.5
PAGE_NUMBER_SIZE = 13.0
# The rule under the issuing agency and under the subject: 40 % of its line
# (the decree asks for a third to a half).
RULE_SHARE = 0.4
COLUMN_GAP = 4 * mm
RULE_GAP = 6.5  # points from a line's baseline to the rule under it (clears the marks below ạ, ụ)
SIGNING_ROOM = 24 * mm  # for the signature and the seal
RED = colors.HexColor("#b00000")
VV_SIZE = 12.5  # a công văn's "V/v" summary (the decree: 12-13 pt)
TO_SIZE = 14.0  # "Kính gửi:" (the decree: 14 pt)

ADDRESSED = ("CV", "TTr")  # the kinds that name whom they are sent to


@dataclass(frozen=True)
class BriefHeader:
    """What the frame prints around a brief's own content.

    ``doc_code`` is the decree's abbreviation of the document type (``BC``
    báo cáo, ``TTr`` tờ trình, ``CV`` công văn); ``number`` is the register's number,
    or None to leave it blank. ``recipients`` are the lines under "Nơi nhận:" without
    the leading dash; ``addressee`` is whom a công văn or tờ trình is sent to (the
    parent agency when empty).
    """

    doc_code: str
    subject: str
    record_ref: str
    lang: str
    issued_on: dt.date
    settings: DocSettings
    recipients: Sequence[str] = ()
    number: int | None = None
    personal_data: bool = False
    unit_code: str = "HTQT"  # the drafting unit, after "Lưu: VT," on the last recipients line
    addressee: str = ""

    @property
    def type_name(self) -> str:
        return tr(f"type_{self.doc_code}", self.lang)

    @property
    def symbol(self) -> str:
        """``BC-SNV``: the type's abbreviation and the agency's; a công văn's ``SNV-HTQT``."""
        if self.doc_code == "CV":
            return f"{self.settings.agency_code}-{self.unit_code}"
        return f"{self.doc_code}-{self.settings.agency_code}"

    @property
    def to(self) -> str:
        """Whom a công văn or tờ trình is sent to ("Kính gửi"), or empty for a báo cáo."""
        if self.doc_code not in ADDRESSED:
            return ""
        return self.addressee or self.settings.parent_name(self.lang)

    def closing_sentence(self) -> str:
        """The sentence a công văn or tờ trình ends with; empty for a báo cáo."""
        if self.doc_code not in ADDRESSED:
            return ""
        agency = self.settings.agency_name(self.lang)
        return tr(f"closing_{self.doc_code}", self.lang, agency=agency, to=self.to)

    def recipient_lines(self) -> list[str]:
        """The recipients: "Như trên" (the addressee) first for a công văn or tờ trình."""
        if self.doc_code not in ADDRESSED:
            return list(self.recipients)
        # The addressee is "as above": not named a second time.
        return [
            tr("as_above", self.lang),
            *(r for r in self.recipients if not r.startswith(self.to)),
        ]

    def number_text(self) -> str:
        """``07/BC-SNV`` (a number below 10 gets its zero), or the blank for the records office."""
        if self.number is None:
            return f"{' ' * 12}/{self.symbol}"
        return f"{self.number:02d}/{self.symbol}"

    @property
    def title(self) -> str:
        return f"{self.type_name} — {self.subject}"


@dataclass
class _Text:
    """A line of text to draw: where, how and what."""

    text: str
    font: str
    size: float
    x: float  # centre
    baseline: float  # from the top of the block, downwards


@dataclass
class _Rule:
    x0: float
    x1: float
    y: float  # from the top, downwards


def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def balanced_lines(text: str, font: str, size: float, room: float) -> list[str]:
    """``text`` on as few lines as fit ``room``, the lines as even as possible.

    Agency names and a document's subject break where the lines come out
    about equal ("DEPARTMENT OF / FOREIGN AFFAIRS"), as clerks set them.
    """
    words = [w for w in text.split(" ") if w]  # a no-break space (U+00A0) holds words together
    if not words:
        return []
    if _width(text, font, size) <= room:
        return [text]
    for count in range(2, len(words) + 1):
        best: list[str] | None = None
        best_width = room + 1
        for cut in _cuts(len(words), count):
            lines = [
                " ".join(words[a:b]) for a, b in zip((0, *cut), (*cut, len(words)), strict=True)
            ]
            widest = max(_width(line, font, size) for line in lines)
            if widest <= room and widest < best_width:
                best, best_width = lines, widest
        if best is not None:
            return best
    return words


def _greedy(text: str, font: str, size: float, room: float, hang: float) -> list[str]:
    """``text`` broken at spaces to fit ``room``; lines after the first are ``hang`` narrower."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        width = room - (hang if lines else 0.0)
        if current and _width(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _cuts(n: int, parts: int) -> list[tuple[int, ...]]:
    """Every way to cut ``n`` words into ``parts`` non-empty runs (few: names are short)."""
    if parts == 1:
        return [()]
    out: list[tuple[int, ...]] = []

    def go(start: int, left: int, acc: tuple[int, ...]) -> None:
        if left == 1:
            out.append(acc)
            return
        for cut in range(start + 1, n - left + 2):
            go(cut, left - 1, (*acc, cut))

    go(0, parts, ())
    return out[:5000]


class DocumentHead(Flowable):
    """The top of page 1: agency, national title and motto, number, date, type and subject."""

    def __init__(self, header: BriefHeader) -> None:
        super().__init__()
        self.header = header
        self.texts: list[_Text] = []
        self.rules: list[_Rule] = []
        self.stamp_at: float | None = None
        self._layout()

    def _layout(self) -> None:
        h, s = self.header, self.header.settings
        lang = h.lang
        nation = tr("nation", lang)
        motto = tr("motto", lang)
        date = date_line(h.issued_on, lang, s.place)
        right = max(
            _width(nation, BOLD, NATION_SIZE),
            _width(motto, BOLD, MOTTO_SIZE),
            _width(date, ITALIC, DATE_SIZE),
        )
        right = min(right + 2 * mm, TEXT_WIDTH * 0.62)
        left = TEXT_WIDTH - right - COLUMN_GAP
        lx, rx = left / 2, TEXT_WIDTH - right / 2
        step = AGENCY_SIZE * 1.22
        y = AGENCY_SIZE
        parent = balanced_lines(s.parent_name(lang).upper(), REGULAR, AGENCY_SIZE, left)
        agency = balanced_lines(s.agency_name(lang).upper(), BOLD, AGENCY_SIZE, left)
        for line in parent:
            self.texts.append(_Text(line, REGULAR, AGENCY_SIZE, lx, y))
            y += step
        for line in agency:
            self.texts.append(_Text(line, BOLD, AGENCY_SIZE, lx, y))
            y += step
        agency_line = max(_width(line, BOLD, AGENCY_SIZE) for line in agency)
        rule = agency_line * RULE_SHARE
        left_rule_y = y - step + RULE_GAP
        self.rules.append(_Rule(lx - rule / 2, lx + rule / 2, left_rule_y))
        ry = NATION_SIZE
        self.texts.append(_Text(nation, BOLD, NATION_SIZE, rx, ry))
        ry += MOTTO_SIZE * 1.22
        self.texts.append(_Text(motto, BOLD, MOTTO_SIZE, rx, ry))
        motto_w = _width(motto, BOLD, MOTTO_SIZE)
        right_rule_y = ry + RULE_GAP
        self.rules.append(_Rule(rx - motto_w / 2, rx + motto_w / 2, right_rule_y))
        line_y = max(left_rule_y, right_rule_y) + 8 + NUMBER_SIZE
        number = f"{tr('number', lang)}: {h.number_text()}"
        self.texts.append(_Text(number, REGULAR, NUMBER_SIZE, lx, line_y))
        self.texts.append(_Text(date, ITALIC, DATE_SIZE, rx, line_y))
        y = line_y
        if h.doc_code == "CV":  # the summary under the number: "V/v …"
            summary = f"{tr('regarding', lang)} {h.subject}"
            for line in balanced_lines(summary, REGULAR, VV_SIZE, left):
                y += VV_SIZE * 1.25
                self.texts.append(_Text(line, REGULAR, VV_SIZE, lx, y))
        if h.personal_data:
            self.stamp_at = y + 6
            y += 6 + 19
        if h.doc_code != "CV":
            y = self._type_and_subject(y)
        if h.to:
            y += 6
            to = f"{tr('to', lang)} {h.to}"
            for line in balanced_lines(to, REGULAR, TO_SIZE, TEXT_WIDTH * 0.9):
                y += TO_SIZE * 1.35
                self.texts.append(_Text(line, REGULAR, TO_SIZE, TEXT_WIDTH / 2, y))
            y += 4
        self.height = y + 14
        self.left_width = left

    def _type_and_subject(self, y: float) -> float:
        """The type's name and the summary under it, centred, with the rule under them."""
        h = self.header
        y += 14 + TYPE_SIZE
        self.texts.append(_Text(h.type_name, BOLD, TYPE_SIZE, TEXT_WIDTH / 2, y))
        subject = balanced_lines(h.subject, BOLD, SUBJECT_SIZE, TEXT_WIDTH * 0.86)
        for line in subject:
            y += SUBJECT_SIZE * 1.25
            self.texts.append(_Text(line, BOLD, SUBJECT_SIZE, TEXT_WIDTH / 2, y))
        widest = max((_width(line, BOLD, SUBJECT_SIZE) for line in subject), default=0.0)
        rule = widest * RULE_SHARE
        y += RULE_GAP + 2
        if rule:
            self.rules.append(_Rule(TEXT_WIDTH / 2 - rule / 2, TEXT_WIDTH / 2 + rule / 2, y))
        return y

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return TEXT_WIDTH, self.height

    def draw(self) -> None:
        c = self.canv
        top = self.height
        c.setFillColor(colors.black)
        for t in self.texts:
            c.setFont(t.font, t.size)
            c.drawCentredString(t.x, top - t.baseline, plain(t.text))
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.6)
        for r in self.rules:
            c.line(r.x0, top - r.y, r.x1, top - r.y)
        if self.stamp_at is not None:
            text = plain(tr("secret", self.header.lang))
            w = _width(text, BOLD, 12) + 10
            x = self.left_width / 2 - w / 2
            c.setStrokeColor(RED)
            c.setFillColor(RED)
            c.setLineWidth(1)
            c.rect(x, top - self.stamp_at - 19, w, 19)
            c.setFont(BOLD, 12)
            c.drawCentredString(x + w / 2, top - self.stamp_at - 14, text)


class Closing(Flowable):
    """ "Nơi nhận" at the bottom left and the signature block at the right, as the decree lays out."""

    def __init__(self, header: BriefHeader) -> None:
        super().__init__()
        lang, s = header.lang, header.settings
        self.split_at = TEXT_WIDTH * 0.45
        room = self.split_at - 3 * mm
        # (text, font, size, indent): each recipient on its own line, wrapped lines hanging.
        self.recipients: list[tuple[str, str, float, float]] = [
            (tr("recipients", lang), BOLD_ITALIC, RECIPIENTS_HEAD_SIZE, 0.0)
        ]
        lines = [*header.recipient_lines(), tr("file_copy", lang, unit=header.unit_code)]
        hang = _width("- ", REGULAR, RECIPIENTS_SIZE)
        for i, line in enumerate(lines):
            end = "." if i == len(lines) - 1 else ";"
            parts = _greedy(f"- {line}{end}", REGULAR, RECIPIENTS_SIZE, room, hang)
            for j, part in enumerate(parts):
                self.recipients.append((part, REGULAR, RECIPIENTS_SIZE, hang if j else 0.0))
        self.titles = s.signature_titles(lang)
        self.name = s.signer_name
        self.spaceBefore = 10
        rec_h = RECIPIENTS_HEAD_SIZE * 1.3 + (len(self.recipients) - 1) * RECIPIENTS_SIZE * 1.2
        sig_h = len(self.titles) * SIGNER_SIZE * 1.25 + SIGNING_ROOM + SIGNER_SIZE * 1.3
        self.height = max(rec_h, sig_h) + 4

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return TEXT_WIDTH, self.height

    def draw(self) -> None:
        c = self.canv
        top = self.height
        y = top
        c.setFillColor(colors.black)
        for i, (text, font, size, indent) in enumerate(self.recipients):
            y -= size * (1.3 if i == 0 else 1.2)
            c.setFont(font, size)
            c.drawString(indent, y, plain(text))
        cx = self.split_at + (TEXT_WIDTH - self.split_at) / 2
        y = top
        c.setFont(BOLD, SIGNER_SIZE)
        for title in self.titles:
            y -= SIGNER_SIZE * 1.25
            c.drawCentredString(cx, y, plain(title))
        if self.name:
            c.drawCentredString(cx, y - SIGNING_ROOM - SIGNER_SIZE * 0.3, plain(self.name))


class AppendixHead(Flowable):
    """``PHỤ LỤC`` and its title, and the line tying it to the document it belongs to."""

    def __init__(self, header: BriefHeader, title: str, number: str = "") -> None:
        super().__init__()
        self.title, self.number = title, number
        self.bind(header)

    def bind(self, header: BriefHeader) -> None:
        """Name the document this appendix is attached to (its kind is chosen at printing)."""
        title, number, lang = self.title, self.number, header.lang
        self.lines: list[tuple[str, str, float]] = [
            (f"{tr('appendix', lang)} {number}".strip(), BOLD, TYPE_SIZE)
        ]
        for line in balanced_lines(title.upper(), BOLD, 13, TEXT_WIDTH * 0.9):
            self.lines.append((line, BOLD, 13))
        attached = tr(
            "appendix_of",
            lang,
            type=header.type_name.capitalize() if lang == "vi" else header.type_name.title(),
            number=header.number_text(),
            date=written_date(header.issued_on, lang).replace(" ", "\u00a0"),  # on one line
            agency=header.settings.agency_name(lang),
        )
        for line in balanced_lines(attached, ITALIC, 13, TEXT_WIDTH * 0.95):
            self.lines.append((line, ITALIC, 13))
        self.height = sum(size * 1.3 for _t, _f, size in self.lines) + 14

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return TEXT_WIDTH, self.height

    def draw(self) -> None:
        y = self.height
        for text, font, size in self.lines:
            y -= size * 1.3
            self.canv.setFont(font, size)
            self.canv.drawCentredString(TEXT_WIDTH / 2, y, plain(text))


def keep_with_closing(story: list[Flowable], closing: Flowable) -> list[Flowable]:
    """The story with the closing block kept on the page of the text before it.

    A table carries it as its ``tail`` (so at least its last two rows come along),
    with the short flowables between them (a note under the table); without a table
    just before, short flowables (a paragraph or two) are kept together with it.
    """
    if not story:
        return [closing]
    tail: list[Flowable] = []
    room = 0.0
    while story and not isinstance(story[-1], Grid | CondPageBreak) and room < FRAME_HEIGHT / 4:
        f = story.pop()
        _w, h = f.wrap(TEXT_WIDTH, FRAME_HEIGHT)
        room += h
        tail.insert(0, f)
    last = story[-1] if story else None
    if isinstance(last, Grid) and not last.tail and room < FRAME_HEIGHT / 4:
        last.tail = [Spacer(1, 6), *tail, closing]
        return story
    return [*story, KeepTogether([*tail, closing])]


def _texts(flow: Sequence[Flowable]) -> Iterator[str]:
    """The text of paragraphs and table cells in ``flow`` (captions and tails included)."""
    for f in flow:
        if isinstance(f, Paragraph):
            yield f.text
        elif isinstance(f, Grid):
            yield from _texts([*f.caption, *f.tail])
            for line in f.lines:
                for cell in line.cells:
                    yield " ".join(text for text, _bold, _hang in cell)
        elif isinstance(f, KeepTogether):
            yield from _texts(f._content)


class _NumberedCanvas(Canvas):
    """A canvas that holds pages back until the end, to print "Trang x/y" on each.

    Page states are small dictionaries of drawing operations already done, so
    keeping them costs little; this avoids building the whole document twice.
    """

    def __init__(self, *args: Any, header: BriefHeader, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header = header
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_margins(total)
            super().showPage()
        super().save()

    def _draw_margins(self, total: int) -> None:
        header = self._header
        lang = header.lang
        page = self.getPageNumber()
        self.saveState()
        self.setFillColor(colors.black)
        if page >= 2:
            self.setFont(REGULAR, PAGE_NUMBER_SIZE)
            self.drawCentredString(
                MARGIN_LEFT + TEXT_WIDTH / 2, PAGE_HEIGHT - MARGIN_TOP / 2 - 4, str(page)
            )
        y = MARGIN_BOTTOM / 2 - 3
        self.setStrokeColor(colors.HexColor("#808080"))
        self.setLineWidth(0.4)
        self.line(MARGIN_LEFT, y + 11, PAGE_WIDTH - MARGIN_RIGHT, y + 11)
        self.setFont(REGULAR, 8.5)
        self.setFillColor(colors.HexColor("#404040"))
        self.drawString(MARGIN_LEFT, y, plain(f"{tr('record', lang)}: {header.record_ref}"))
        self.drawRightString(
            PAGE_WIDTH - MARGIN_RIGHT, y, plain(f"{tr('page', lang)} {page}/{total}")
        )
        if header.personal_data:
            self.setFont(ITALIC, 8.5)
            self.setFillColor(RED)
            self.drawCentredString(
                MARGIN_LEFT + TEXT_WIDTH / 2, y - 10, plain(tr("secret_note", lang))
            )
        self.restoreState()


def build_pdf(
    out: Path,
    header: BriefHeader,
    story: list[Flowable],
    appendix: Sequence[Flowable] = (),
) -> Path:
    """Lay out ``story`` inside the frame, then ``appendix`` on new pages; write ``out`` atomically.

    The PDF is built into a temporary file beside ``out`` and renamed over it
    only when complete, so a failed build never leaves half a document (or
    destroys the previous one).
    """
    register_fonts()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        doc = BaseDocTemplate(
            str(tmp),
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=plain(header.title),
            author=plain(header.settings.agency_name(header.lang)),
            subject=plain(header.record_ref),
            creator="HueDesk",
            initialFontName=REGULAR,
            lang="en-GB" if header.lang == "en" else "vi-VN",
        )
        frame = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            TEXT_WIDTH,
            FRAME_HEIGHT,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        doc.addPageTemplates([PageTemplate(id="brief", frames=[frame])])
        story = list(story)
        if header.lang == "en" and any(
            glossary.typed_in_vietnamese(t) for t in _texts([*story, *appendix])
        ):  # said once, under the title: nothing is half translated or made up
            story.insert(0, Paragraph(esc(tr("typed_vi_note", "en")), styles().note))
        if header.closing_sentence():
            story.append(Paragraph(esc(header.closing_sentence()), styles().body))
        body = keep_with_closing(story, Closing(header))
        flow: list[Flowable] = [DocumentHead(header), *body]
        if appendix:
            for f in appendix:
                if isinstance(f, AppendixHead):
                    f.bind(header)
            flow += [PageBreak(), *appendix]
        doc.build(flow, canvasmaker=partial(_NumberedCanvas, header=header))
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out

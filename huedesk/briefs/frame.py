"""The document frame every brief shares, after Decree 30/2020/NĐ-CP.

A4 with the decree's margins (top 20, bottom 20, left 30, right 20 mm); the
issuing agency top left and the national title top right, each with its rule;
the number and the place/date line; the title. From page 2 the page number is
centred in the top margin. A small footer carries the record reference and
"Trang x/y"; the total is known only at the end, so the canvas keeps each
page's state and draws the footers when the document is saved. A brief with
personal data carries "MẬT" under the number and a marking in every footer.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
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
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from huedesk.briefs.fonts import BOLD, ITALIC, REGULAR, register_fonts
from huedesk.briefs.markup import esc, plain
from huedesk.briefs.styles import styles
from huedesk.briefs.texts import date_line, tr

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 20 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 160 mm

# Left column of the heading; the national title needs 92 mm in Vietnamese, the
# English agency name 71 mm, so the split moves with the language.
AGENCY_COL = {"vi": 66 * mm, "en": 74 * mm}
NBSP = "\u00a0"


@dataclass(frozen=True)
class BriefHeader:
    """What the frame prints around a brief's own content.

    ``doc_code`` is the document-type abbreviation of the number line
    (``BC`` báo cáo, ``TL`` tài liệu); the number itself is left blank for the
    records office to fill in when the document is registered, as drafts are.
    """

    title: str
    subtitle: str
    record_ref: str
    doc_code: str
    lang: str
    issued_on: dt.date
    personal_data: bool = False


def _frame_block(header: BriefHeader) -> list[Flowable]:
    """Agency / national title, number / date line, title and subtitle."""
    st = styles()
    lang = header.lang
    motto = tr("motto", lang)
    motto_width = stringWidth(motto, BOLD, st.motto.fontSize)
    agency = tr("agency", lang)
    agency_rule = 24 * mm
    agency_style, agency_bold = st.agency, st.agency_bold
    if lang == "en":  # the English names are longer; keep each on one line
        agency_style, agency_bold = st.agency_en, st.agency_bold_en
    left: list[Flowable] = [
        Paragraph(esc(tr("agency_parent", lang)), agency_style),
        Paragraph(esc(agency), agency_bold),
        _Rule(agency_rule),
    ]
    right: list[Flowable] = [
        Paragraph(esc(tr("nation", lang)), st.agency_bold),
        Paragraph(esc(motto), st.motto),
        _Rule(motto_width),
    ]
    number = f"{tr('number', lang)}:{NBSP * 10}/{header.doc_code}-SNV"
    number_cell: list[Flowable] = [Paragraph(esc(number), st.number)]
    if header.personal_data:
        number_cell.append(Spacer(1, 4))
        number_cell.append(_SecretStamp(tr("secret", lang)))
    table = Table(
        [
            [left, right],
            [number_cell, Paragraph(esc(date_line(header.issued_on, lang)), st.date_line)],
        ],
        colWidths=[AGENCY_COL[lang], TEXT_WIDTH - AGENCY_COL[lang]],
        hAlign="CENTER",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else Table pulls in Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 8),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 0),
            ]
        )
    )
    flow: list[Flowable] = [table, Paragraph(esc(header.title), st.title)]
    if header.subtitle:
        flow.append(Paragraph(esc(header.subtitle), st.subtitle))
    title_rule = min(TEXT_WIDTH * 0.35, 60 * mm)
    flow += [_Rule(title_rule, gap=6), Spacer(1, 12)]
    return flow


def _closing_block(lang: str) -> Flowable:
    """ "Nơi nhận" at the bottom left and the signer's title at the right, as the decree lays out.

    The signature space stays empty: the brief is printed, signed and stamped by hand.
    """
    st = styles()
    left = [
        Paragraph(esc(tr("recipients", lang)), st.recipients_head),
        Paragraph(esc(tr("recipient_lines", lang)), st.recipients),
    ]
    right = [Paragraph(esc(tr("signer", lang)), st.signer)]
    table = Table(
        [[left, right]],
        colWidths=[AGENCY_COL[lang] + 10 * mm, TEXT_WIDTH - AGENCY_COL[lang] - 10 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 22 * mm),  # room to sign and stamp
            ]
        )
    )
    return KeepTogether([Spacer(1, 10), table])


class _Rule(Flowable):
    """A thin rule centred in the space it is given, ``gap`` points below the text above.

    Decree 30 puts such rules under the agency name, the motto and the title.
    (``HRFlowable`` is left-aligned inside table cells and sits on the descenders.)
    """

    def __init__(self, width: float, gap: float = 4.5, thickness: float = 0.6) -> None:
        super().__init__()
        self.rule_width = width
        self.gap = gap
        self.thickness = thickness

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        return avail_width, self.gap + self.thickness

    def draw(self) -> None:
        x = (self._avail - self.rule_width) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.setStrokeColor(colors.black)
        self.canv.line(x, self.thickness / 2, x + self.rule_width, self.thickness / 2)


class _SecretStamp(Flowable):
    """The boxed "MẬT" marking under the number line."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = plain(text)
        self.font_size = 12
        self.width = stringWidth(self.text, BOLD, self.font_size) + 10
        self.height = self.font_size + 7

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        c = self.canv
        x = (self._avail - self.width) / 2
        c.setStrokeColor(colors.HexColor("#b00000"))
        c.setFillColor(colors.HexColor("#b00000"))
        c.setLineWidth(1)
        c.rect(x, 0, self.width, self.height)
        c.setFont(BOLD, self.font_size)
        c.drawCentredString(x + self.width / 2, 5, self.text)


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
            self.setFont(REGULAR, 13)
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
            self.setFillColor(colors.HexColor("#b00000"))
            self.drawCentredString(
                MARGIN_LEFT + TEXT_WIDTH / 2, y - 10, plain(tr("secret_note", lang))
            )
        self.restoreState()


def build_pdf(out: Path, header: BriefHeader, story: list[Flowable]) -> Path:
    """Lay out ``story`` inside the frame and write it to ``out`` atomically.

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
            title=plain(f"{header.title} — {header.subtitle}" if header.subtitle else header.title),
            author=plain(tr("author", header.lang)),
            subject=plain(header.record_ref),
            creator="HueDesk",
            initialFontName=REGULAR,
            lang="en-GB" if header.lang == "en" else "vi-VN",
        )
        frame = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            TEXT_WIDTH,
            PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        doc.addPageTemplates([PageTemplate(id="brief", frames=[frame])])
        doc.build(
            [*_frame_block(header), *story, _closing_block(header.lang)],
            canvasmaker=partial(_NumberedCanvas, header=header),
        )
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out

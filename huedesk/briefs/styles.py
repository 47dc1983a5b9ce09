"""Paragraph styles of the briefs: Tinos at the sizes Decree 30/2020 sets for state documents.

Body text is 13 pt with a first-line indent and 6 pt between paragraphs; tables
use 11 pt so a six-column programme still fits the 160 mm text width.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from huedesk.briefs.fonts import BOLD, BOLD_ITALIC, ITALIC, register_fonts

BODY_SIZE = 13
TABLE_SIZE = 11


@dataclass(frozen=True)
class Styles:
    """The named styles one brief uses."""

    body: ParagraphStyle
    body_plain: ParagraphStyle
    bullet: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    empty: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_bold_right: ParagraphStyle
    key: ParagraphStyle
    value: ParagraphStyle
    agency: ParagraphStyle
    agency_bold: ParagraphStyle
    agency_en: ParagraphStyle
    agency_bold_en: ParagraphStyle
    motto: ParagraphStyle
    number: ParagraphStyle
    date_line: ParagraphStyle
    secret: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    note: ParagraphStyle
    recipients_head: ParagraphStyle
    recipients: ParagraphStyle
    signer: ParagraphStyle


@cache
def styles() -> Styles:
    """The styles (built once, after the fonts are registered)."""
    family = register_fonts()

    def ps(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": family,
            "bulletFontName": family,
            "fontSize": BODY_SIZE,
            "leading": 17,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]

    # Table cells lead at 1.2 × size: ReportLab measures string cells that way.
    cell = {"fontSize": TABLE_SIZE, "leading": TABLE_SIZE * 1.2, "alignment": TA_LEFT}
    return Styles(
        body=ps("body", alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=6),
        body_plain=ps("body_plain", alignment=TA_JUSTIFY, spaceAfter=4),
        bullet=ps(
            "bullet", alignment=TA_JUSTIFY, leftIndent=10 * mm, bulletIndent=4 * mm, spaceAfter=3
        ),
        heading=ps("heading", fontName=BOLD, spaceBefore=10, spaceAfter=6),
        subheading=ps("subheading", fontName=BOLD, spaceBefore=6, spaceAfter=4, leftIndent=0),
        empty=ps("empty", fontName=ITALIC, leftIndent=10 * mm, spaceAfter=4),
        cell=ps("cell", **cell),
        cell_right=ps("cell_right", **{**cell, "alignment": TA_RIGHT}),
        cell_center=ps("cell_center", **{**cell, "alignment": TA_CENTER}),
        cell_head=ps("cell_head", **{**cell, "fontName": BOLD, "alignment": TA_CENTER}),
        cell_bold=ps("cell_bold", **{**cell, "fontName": BOLD}),
        cell_bold_right=ps("cell_bold_right", **{**cell, "fontName": BOLD, "alignment": TA_RIGHT}),
        key=ps("key", fontSize=12, leading=15.5, fontName=BOLD),
        value=ps("value", fontSize=12, leading=15.5),
        agency=ps("agency", fontSize=12.5, leading=15, alignment=TA_CENTER),
        agency_bold=ps(
            "agency_bold", fontSize=12.5, leading=15, alignment=TA_CENTER, fontName=BOLD
        ),
        agency_en=ps("agency_en", fontSize=11, leading=14, alignment=TA_CENTER),
        agency_bold_en=ps(
            "agency_bold_en", fontSize=11, leading=14, alignment=TA_CENTER, fontName=BOLD
        ),
        motto=ps("motto", fontSize=13.5, leading=16, alignment=TA_CENTER, fontName=BOLD),
        number=ps("number", fontSize=13, leading=16, alignment=TA_CENTER),
        date_line=ps("date_line", fontSize=13.5, leading=16, alignment=TA_CENTER, fontName=ITALIC),
        secret=ps("secret", fontSize=11, leading=13, alignment=TA_CENTER, fontName=BOLD),
        title=ps(
            "title", fontSize=14, leading=18, alignment=TA_CENTER, fontName=BOLD, spaceBefore=14
        ),
        subtitle=ps("subtitle", fontSize=13.5, leading=17, alignment=TA_CENTER, fontName=BOLD),
        note=ps("note", fontSize=11, leading=13.5, fontName=ITALIC, spaceBefore=4),
        recipients_head=ps("recipients_head", fontSize=12, leading=14, fontName=BOLD_ITALIC),
        recipients=ps("recipients", fontSize=11, leading=13),
        signer=ps("signer", fontSize=13, leading=16, fontName=BOLD, alignment=TA_CENTER),
    )

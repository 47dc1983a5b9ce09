"""Paragraph styles of the briefs: Tinos at the sizes Decree 30/2020 sets for state documents.

Body text is 13 pt with a first-line indent of 10 mm and 6 pt between
paragraphs (the decree: 13–14 pt, indent 1–1.27 cm, at least 6 pt apart).
Tables (``grid``) and the document frame (``frame``) draw their own text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from huedesk.briefs.fonts import BOLD, ITALIC, register_fonts

BODY_SIZE = 13


@dataclass(frozen=True)
class Styles:
    """The named styles the briefs use."""

    body: ParagraphStyle
    body_plain: ParagraphStyle
    bullet: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    empty: ParagraphStyle
    note: ParagraphStyle


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

    return Styles(
        body=ps("body", alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=6),
        body_plain=ps("body_plain", alignment=TA_JUSTIFY, spaceAfter=4, spaceBefore=4),
        bullet=ps(
            "bullet", alignment=TA_JUSTIFY, leftIndent=10 * mm, bulletIndent=4 * mm, spaceAfter=3
        ),
        heading=ps("heading", fontName=BOLD, spaceBefore=10, spaceAfter=6),
        subheading=ps("subheading", fontName=BOLD, spaceBefore=6, spaceAfter=4),
        empty=ps("empty", fontName=ITALIC, leftIndent=10 * mm, spaceAfter=4),
        note=ps("note", fontSize=11, leading=13.5, fontName=ITALIC, spaceBefore=4, spaceAfter=4),
    )

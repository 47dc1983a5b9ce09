"""The Tinos font family, registered with ReportLab once per process.

ReportLab's built-in Type 1 fonts have no Vietnamese letters, so every brief is
set in Tinos (metric-compatible with Times New Roman, the face Decree 30/2020
asks for) from ``huedesk/resources/fonts/`` (package data). TrueType fonts registered this way are
always embedded as subsets of the glyphs a document uses. Parsing the four
files takes a noticeable fraction of a second, so it happens on first use only.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from huedesk.paths import resource

FAMILY = "Tinos"
REGULAR = "Tinos"
BOLD = "Tinos-Bold"
ITALIC = "Tinos-Italic"
BOLD_ITALIC = "Tinos-BoldItalic"

_FILES = {
    REGULAR: "Tinos-Regular.ttf",
    BOLD: "Tinos-Bold.ttf",
    ITALIC: "Tinos-Italic.ttf",
    BOLD_ITALIC: "Tinos-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the family (first call only) and return its name for paragraph styles.

    ``addMapping`` ties the four faces together so ``<b>``/``<i>`` markup inside a
    paragraph picks the right file instead of falling back to Times-Roman.
    """
    global _registered
    with _lock:
        if not _registered:
            for name, filename in _FILES.items():
                with resource("fonts", filename).open("rb") as file:
                    pdfmetrics.registerFont(TTFont(name, file))
            addMapping(FAMILY, 0, 0, REGULAR)
            addMapping(FAMILY, 1, 0, BOLD)
            addMapping(FAMILY, 0, 1, ITALIC)
            addMapping(FAMILY, 1, 1, BOLD_ITALIC)
            _registered = True
    return FAMILY

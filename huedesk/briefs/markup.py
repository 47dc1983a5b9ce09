"""The one door through which text enters Platypus paragraph markup.

Platypus paragraphs are a small XML dialect: a donor called ``Quỹ <Hy vọng> & Co``
would lose its words or break the build if passed raw. ``esc`` NFC-normalises
(ReportLab subsets draw combining tone marks apart from their letters; the
precomposed forms are right) and escapes; line breaks typed by users become
``<br/>``. Every piece of user or label text reaches a ``Paragraph`` through it;
layout code only wraps the result in tags it writes itself.
"""

from __future__ import annotations

from html import escape  # not xml.sax.saxutils: it imports urllib.request and http.client

from huedesk.text import nfc


def esc(value: object) -> str:
    """``value`` as safe paragraph markup: NFC, ``< > &`` escaped, newlines as ``<br/>``."""
    if value is None:
        return ""
    text = nfc(str(value)).replace("\r\n", "\n").replace("\r", "\n").strip()
    lines = [escape(line.strip(), quote=False) for line in text.split("\n")]
    return "<br/>".join(lines)


def plain(value: object) -> str:
    """``value`` NFC-normalised for drawing straight on the canvas (no markup involved)."""
    return "" if value is None else nfc(str(value))

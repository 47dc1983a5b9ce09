"""Snippets: the part of a record that matched, in its original Vietnamese, words marked.

The index's own snippets would mark the folded copy ("doan dai su hue"); the
user must see what was written ("Đoàn Đại sứ … Huế"). So the words of the
original text are folded one by one and compared with the query's words, and
the window of the text with the most different matched words is shown.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from functools import lru_cache

from huedesk.search.parsing import WORD_RE, ParsedQuery, normalise
from huedesk.text import fold

WINDOW = 24  # words shown around the matches
LEAD = 6  # words shown before the first match in the window
ELLIPSIS = "…"


def _letter_classes() -> dict[str, str]:
    """For each folded letter, a regex class of every Latin letter that folds to it (a → [aàáạ…])."""
    classes: dict[str, set[str]] = {}
    for code in (*range(0x30, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        ch = chr(code)
        folded = fold(ch)
        if len(folded) == 1 and folded.isalnum():
            classes.setdefault(folded, {folded}).add(ch)
    return {k: "[" + "".join(sorted(v)) + "]" for k, v in classes.items()}


_CLASSES = _letter_classes()


@lru_cache(maxsize=256)
def _candidates(query: ParsedQuery) -> re.Pattern[str]:
    """A regex finding, in original text, the words that may fold to one the query asked for.

    Scanning with one compiled regex is far cheaper than folding every word of
    every hit in Python; each candidate is then checked with the exact rule.
    """
    alternatives = []
    for chunk in query.chunks:
        for i, token in enumerate(chunk.folded):
            body = "".join(_CLASSES.get(c, re.escape(c)) for c in token)
            prefix = chunk.prefix and i == len(chunk.folded) - 1
            alternatives.append(body + (r"[^\W_]*" if prefix else ""))
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])", re.IGNORECASE)


def _marks(query: ParsedQuery, text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of every word of ``text`` the query asked for."""
    found = []
    for m in _candidates(query).finditer(text):
        folded = normalise(m.group())
        if folded and query.highlights(folded):
            found.append((m.start(), m.end(), folded))
    return found


def _window(text: str, marks: list[tuple[int, int, str]]) -> tuple[int, int]:
    """Character span of the ``WINDOW`` words holding the most different matched words.

    Each match is tried as the window's ``LEAD``-th word; the first window with the most
    different words wins. One pass: windows only move forwards, so the words inside are
    counted as they enter and leave (a long record that names the word on every line
    costs no more than its length).
    """
    spans = [(m.start(), m.end()) for m in WORD_RE.finditer(text)]
    if len(spans) <= WINDOW:
        return 0, len(text)
    index = {start: i for i, (start, _end) in enumerate(spans)}
    positions = [(index[s], word) for s, _e, word in marks]  # in text order
    inside: Counter[str] = Counter()
    best, best_score, enter, leave = 0, -1, 0, 0
    for i, _word in positions:
        first = max(0, i - LEAD)
        last = min(len(spans), first + WINDOW)
        while enter < len(positions) and positions[enter][0] < last:
            inside[positions[enter][1]] += 1
            enter += 1
        while positions[leave][0] < first:
            inside[positions[leave][1]] -= 1
            if not inside[positions[leave][1]]:
                del inside[positions[leave][1]]
            leave += 1
        if len(inside) > best_score:
            best, best_score = first, len(inside)
    last = min(len(spans), best + WINDOW)
    start = spans[best][0]
    end = spans[last - 1][1] if last < len(spans) else len(text)
    return start, end


def _render(text: str, marks: list[tuple[int, int, str]], start: int, end: int) -> str:
    out = [ELLIPSIS] if start > 0 else []
    pos = start
    for s, e, _w in marks:
        if s < start or e > end:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f"<b>{html.escape(text[s:e])}</b>")
        pos = e
    out.append(html.escape(text[pos:end]))
    if end < len(text):
        out.append(ELLIPSIS)
    return "".join(out).strip()


def snippet_html(query: ParsedQuery, ref: str, title: str, body: str) -> str:
    """HTML for a hit: matched words in ``<b>…</b>``, everything else escaped.

    The body is preferred (the title is shown beside the snippet anyway) unless
    the title or the reference holds more of the query's different words.
    """
    best_text, best_marks = body, _marks(query, body)
    for text in (title, ref):
        marks = _marks(query, text)
        if len({w for *_, w in marks}) > len({w for *_, w in best_marks}):
            best_text, best_marks = text, marks
    start, end = _window(best_text, best_marks)
    return _render(best_text, best_marks, start, end)


def plain(snippet: str) -> str:
    """The text of a snippet without its markup (for the command line)."""
    return html.unescape(snippet.replace("<b>", "").replace("</b>", ""))

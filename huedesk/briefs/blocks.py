"""Building blocks of brief layouts: numbered headings, field lists, tables, running text.

Every string goes through ``markup.esc`` (paragraphs) or ``markup.plain`` (table
cells) on its way to the page, so layout modules pass plain text and never
write markup for user data themselves. Tables are ``grid.Grid``: widths from
their content, no word ever broken, headers repeated, no lone rows. A heading
right above a table travels as the table's caption, so it is never left at a
page's foot without the table's first rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reportlab.platypus import Flowable, Paragraph

from huedesk.briefs.data import TaskLine
from huedesk.briefs.frame import TEXT_WIDTH
from huedesk.briefs.grid import Col, Grid, Row, Span, Total, grid
from huedesk.briefs.markup import esc
from huedesk.briefs.styles import styles
from huedesk.briefs.texts import brief_date, field_label, tr

__all__ = [
    "Col",
    "Row",
    "Sections",
    "Span",
    "Total",
    "attach_headings",
    "field_list",
    "nothing",
    "running_text",
    "table",
    "task_table",
]

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_BULLETS = ("-", "–", "—", "•", "+", "*")
TABLE_SIZE = 11.0
MONEY_SIZE = 10.0
FIELD_SIZE = 12.0


class Heading(Paragraph):
    """A section heading: kept with what follows (a table takes it as its caption)."""


class Sections:
    """Numbers headings as official documents do: ``I.``, ``II.`` … and ``1.``, ``2.`` under each."""

    def __init__(self) -> None:
        self._major = 0
        self._minor = 0

    def major(self, text: str) -> list[Flowable]:
        self._major += 1
        self._minor = 0
        label = f"{_ROMAN[self._major - 1]}. {esc(text.upper())}"
        return [_heading(label, major=True)]

    def minor(self, text: str) -> list[Flowable]:
        self._minor += 1
        return [_heading(f"{self._minor}. {esc(text)}", major=False)]


def _heading(markup: str, *, major: bool) -> Heading:
    st = styles()
    h = Heading(markup, st.heading if major else st.subheading)
    h.keepWithNext = True
    return h


# At most this many short paragraphs between a heading and its table travel with them.
LEAD_PARAGRAPHS = 2


def attach_headings(story: list[Flowable]) -> list[Flowable]:
    """A heading above a table (and a sentence or two between them) becomes the table's caption.

    The caption is drawn with the table's first part, so a heading never ends a
    page without at least two rows of its table. Headings not followed by a table
    stay ``keepWithNext`` with the paragraph after them.
    """
    out: list[Flowable] = []
    pending: list[Flowable] = []  # headings, then the paragraphs after them

    def flush() -> None:
        out.extend(pending)
        pending.clear()

    for item in story:
        leads = sum(1 for p in pending if not isinstance(p, Heading))
        if isinstance(item, Heading):
            if leads:  # text came between: that group had no table
                flush()
            pending.append(item)
        elif isinstance(item, Grid) and pending:
            item.caption = [*pending, *item.caption]
            pending.clear()
            out.append(item)
        elif pending and isinstance(item, Paragraph) and leads < LEAD_PARAGRAPHS:
            pending.append(item)
        else:
            flush()
            out.append(item)
    flush()
    return out


def nothing(lang: str) -> Paragraph:
    """The line printed where a section has no data yet."""
    return Paragraph(esc(tr("none", lang)), styles().empty)


def bullets(lines: Iterable[str]) -> list[Flowable]:
    st = styles()
    return [Paragraph(esc(line), st.bullet, bulletText="–") for line in lines]


def running_text(text: str | None, lang: str, *, indent: bool = True) -> list[Flowable]:
    """User text as body paragraphs; lines starting with ``-``/``•``/``+`` become bullets."""
    if not text or not text.strip():
        return [nothing(lang)]
    st = styles()
    out: list[Flowable] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        if line[0] in _BULLETS and len(line) > 1:
            out.append(Paragraph(esc(line[1:].strip()), st.bullet, bulletText="–"))
        else:
            out.append(Paragraph(esc(line), st.body if indent else st.body_plain))
    return out


def field_list(rows: Iterable[tuple[str, object]], *, size: float = FIELD_SIZE) -> list[Flowable]:
    """Label/value pairs as a borderless two-column table; pairs with no value are left out.

    A value may hold several lines (``\\n``); lines starting with ``– `` hang as bullets.
    """
    data: list[Row] = [[label, str(value)] for label, value in rows if value not in (None, "")]
    if not data:
        return []
    cols = [Col("", bold=True, grow=False), Col("")]
    return [grid(cols, data, TEXT_WIDTH, size=size, header=False, ruled=False)]


def table(
    cols: Sequence[Col],
    rows: Sequence[Row],
    lang: str,
    *,
    size: float = TABLE_SIZE,
) -> Grid:
    """A ruled table with a repeated header (and day or group headings marked as continued)."""
    return grid(cols, rows, TEXT_WIDTH, size=size, continued=tr("continued", lang))


def task_table(tasks: Sequence[TaskLine], lang: str) -> Grid:
    """Follow-up tasks: what, by when, who, status."""
    rows: list[Row] = [
        [t.title, brief_date(t.due_date, lang), t.assignee or "", t.status.label(lang)]
        for t in tasks
    ]
    labels = [
        field_label("follow_up_task", f, lang) for f in ("title", "due_date", "assignee", "status")
    ]
    cols = [Col(labels[0]), Col(labels[1], "C", wrap=False), Col(labels[2]), Col(labels[3])]
    return table(cols, rows, lang)

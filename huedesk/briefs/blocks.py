"""Building blocks of brief layouts: numbered headings, field lists, tables, running text.

Every string goes through ``markup.esc`` here, so layout modules pass plain
text and never write markup for user data themselves. Tables are made of
``Paragraph`` cells (long text wraps inside its column) and repeat their header
row on each page they run onto.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from huedesk.briefs.data import TaskLine
from huedesk.briefs.fonts import BOLD, REGULAR
from huedesk.briefs.frame import TEXT_WIDTH
from huedesk.briefs.markup import esc, plain
from huedesk.briefs.styles import styles
from huedesk.briefs.texts import field_label, tr
from huedesk.formatting import format_date

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_BULLETS = ("-", "–", "—", "•", "+", "*")
KEY_WIDTH = 52 * mm
SMALL_SIZE = 9.5
CELL_PAD = 3
SHORT_TABLE_ROWS = 12
PAGE_ROOM = 250 * mm  # the text frame's height on A4 with the decree's margins
MAX_ROW_LINES = 8  # longer cells continue in following rows (see _continuations)
KEEP_WITH_HEADING = 24 * mm
HEAD_FILL = colors.HexColor("#e8e8e8")
SPAN_FILL = colors.HexColor("#f3f3f3")
GRID = colors.HexColor("#555555")


@cache
def _cell_styles(small: bool) -> dict[str, ParagraphStyle]:
    """Cell styles by alignment letter (``"R"``, ``"bold R"``, ``"head"``), normal or small."""
    st = styles()
    base = {"L": st.cell, "R": st.cell_right, "C": st.cell_center}
    bold = {"L": st.cell_bold, "R": st.cell_bold_right, "C": st.cell_bold}
    out: dict[str, ParagraphStyle] = {"head": st.cell_head}
    out.update(base)
    out.update({f"bold {k}": v for k, v in bold.items()})
    if small:
        out = {
            k: ParagraphStyle(
                f"{v.name}_small", parent=v, fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.2
            )
            for k, v in out.items()
        }
    if "bold C" in out:
        out["bold C"] = ParagraphStyle(
            f"{out['bold C'].name}_c", parent=out["bold C"], alignment=TA_CENTER
        )
    return out


class Sections:
    """Numbers headings as official documents do: ``I.``, ``II.`` … and ``1.``, ``2.`` under each.

    Headings are not ``keepWithNext``: Platypus would then move a heading and its
    whole (splittable) table to the next page, leaving half a page blank. A
    conditional page break keeps a heading with at least a few lines instead.
    """

    def __init__(self) -> None:
        self._major = 0
        self._minor = 0

    def major(self, text: str) -> list[Flowable]:
        """A section heading, moved to the next page if it would end up alone at the bottom."""
        self._major += 1
        self._minor = 0
        label = f"{_ROMAN[self._major - 1]}. {esc(text.upper())}"
        return [_HeadingBreak(KEEP_WITH_HEADING), Paragraph(label, styles().heading)]

    def minor(self, text: str) -> list[Flowable]:
        self._minor += 1
        label = f"{self._minor}. {esc(text)}"
        return [_HeadingBreak(KEEP_WITH_HEADING), Paragraph(label, styles().subheading)]


class _HeadingBreak(CondPageBreak):
    """The page break before a heading; ``keep_headings`` sizes it to what follows."""


def keep_headings(story: list[Flowable]) -> list[Flowable]:
    """Size each heading's conditional break so a short table moves with its heading.

    A table's rows never break inside, so a heading with 24 mm left below it can
    still end a page alone when the table's first row is tall. For a short table
    (measured here, cheaply) the break asks for room for the whole table, up to a
    third of a page; longer tables keep the default and split under their heading.
    """
    for i, item in enumerate(story[:-2]):
        following = story[i + 2]
        if not isinstance(item, _HeadingBreak) or not isinstance(following, Table):
            continue
        if len(following._cellvalues) > SHORT_TABLE_ROWS:  # type: ignore[attr-defined]
            continue
        heading = story[i + 1]
        _w, h_head = heading.wrap(TEXT_WIDTH, PAGE_ROOM)
        _w, h_table = following.wrap(TEXT_WIDTH, PAGE_ROOM)
        item.height = min(h_head + h_table + 12, PAGE_ROOM / 3)
    return story


def nothing(lang: str) -> Paragraph:
    """The line printed where a section has no data yet."""
    return Paragraph(esc(tr("none", lang)), styles().empty)


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


def field_list(rows: Iterable[tuple[str, object]]) -> list[Flowable]:
    """Label/value pairs as a borderless two-column table; pairs with no value are left out."""
    st = styles()
    data = [
        [Paragraph(esc(label), st.key), Paragraph(esc(value), st.value)]
        for label, value in rows
        if value not in (None, "")
    ]
    if not data:
        return []
    table = Table(data, colWidths=[KEY_WIDTH, TEXT_WIDTH - KEY_WIDTH], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("LEFTPADDING", (1, 0), (1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return [table]


@dataclass(frozen=True)
class Span:
    """A row spanning the whole table: a day heading in a programme, a group title."""

    text: str


@dataclass(frozen=True)
class Total:
    """A bold totals row; ``cells`` line up with the table's columns."""

    cells: Sequence[str]


Row = Sequence[str] | Span | Total


def data_table(
    headers: Sequence[str],
    rows: Sequence[Row],
    widths_mm: Sequence[float],
    align: str = "",
    *,
    small: bool = False,
) -> Table:
    """A ruled table with a repeated header row.

    ``widths_mm`` are relative and scaled to the text width; ``align`` gives one
    letter per column (``L``, ``R``, ``C``; left by default). ``small`` sets the
    cells at 9.5 pt, for money tables whose 15-digit amounts must not wrap.
    """
    scale = TEXT_WIDTH / sum(widths_mm)
    widths = [w * scale for w in widths_mm]
    align = align.ljust(len(headers), "L")[: len(headers)]
    cs = _cell_styles(small)
    size = cs["L"].fontSize
    data: list[list[object]] = [[Paragraph(esc(h), cs["head"]) for h in headers]]
    commands: list[tuple[object, ...]] = [
        # Plain-string cells are drawn in the table's own font: Tinos at the cell size.
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), cs["L"].leading),
        # Rules: verticals everywhere, a rule above each row except the continuation
        # lines of a very long row, and a closing rule at the bottom of every page.
        ("LINEBEFORE", (0, 0), (-1, -1), 0.5, GRID),
        ("LINEAFTER", (-1, 0), (-1, -1), 0.5, GRID),
        ("LINEABOVE", (0, 0), (-1, 0), 0.5, GRID),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    names = {"L": "LEFT", "R": "RIGHT", "C": "CENTER"}
    commands += [("ALIGN", (c, 1), (c, -1), names[a]) for c, a in enumerate(align)]
    for row in rows:
        i = len(data)
        commands.append(("LINEABOVE", (0, i), (-1, i), 0.5, GRID))
        if isinstance(row, Span):
            data.append([Paragraph(esc(row.text), cs["bold L"])] + [""] * (len(headers) - 1))
            commands.append(("SPAN", (0, i), (-1, i)))
            commands.append(("BACKGROUND", (0, i), (-1, i), SPAN_FILL))
            commands.append(("NOSPLIT", (0, i), (-1, i + 1)))  # a day heading keeps a row
            continue
        bold = isinstance(row, Total)
        texts = row.cells if isinstance(row, Total) else row
        prefix = "bold " if bold else ""
        cells = [_cell(c, cs[prefix + a], w) for c, a, w in zip(texts, align, widths, strict=True)]
        parts = _continuations(cells)
        data += parts
        last = i + len(parts) - 1
        if last > i:  # continuation lines follow on without a gap
            commands.append(("BOTTOMPADDING", (0, i), (-1, last - 1), 0))
            commands.append(("TOPPADDING", (0, i + 1), (-1, last), 0))
        if bold:
            commands.append(("FONTNAME", (0, i), (-1, last), BOLD))
            commands.append(("BACKGROUND", (0, i), (-1, last), SPAN_FILL))
    table = _RuledTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


class _RuledTable(Table):
    """A table whose part on each page ends with a rule, wherever the page breaks.

    Rules are drawn above rows (continuation lines of a long row have none), so
    the part of a table before a page break needs its own closing rule.
    ReportLab's ``"splitlast"`` row index only survives the first split, so
    the rule is added to each part here; the parts are of this class too.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        for part in parts[:-1]:
            part.setStyle(TableStyle([("LINEBELOW", (0, -1), (-1, -1), 0.5, GRID)]))  # type: ignore[attr-defined]
        return parts


def _continuations(cells: list[str | Paragraph]) -> list[list[str | Paragraph]]:
    """One row, or several when a cell runs past ``MAX_ROW_LINES`` lines.

    Platypus cannot break a table row across pages cleanly, and a row taller than
    a page (a case action is free text) would fail the build. So a long cell
    continues in the same column of following rows, drawn without a rule between
    them, which reads as one row and breaks between pages like any other.
    """
    split = [c.split("\n") if isinstance(c, str) else [c] for c in cells]
    chunks = max(len(lines) for lines in split)
    if chunks <= MAX_ROW_LINES:
        return [cells]
    out: list[list[str | Paragraph]] = []
    for start in range(0, chunks, MAX_ROW_LINES):
        out.append(
            [
                "\n".join(lines[start : start + MAX_ROW_LINES])
                if isinstance(cell, str)
                else (cell if start == 0 else "")
                for cell, lines in zip(cells, split, strict=True)
            ]
        )
    return out


def _cell(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A cell's content: the text broken into lines that fit, or a Paragraph if a word does not.

    Table cells hold plain text, so breaking it with ``simpleSplit`` and letting
    the table draw the lines gives the same result as a ``Paragraph`` at a
    fraction of the cost (no markup parser, no line breaker objects; a table
    re-measures every cell each time it splits across a page). Strings are drawn
    without markup, so they are NFC-normalised, not escaped. A word wider than
    the column (a long URL or reference) needs Paragraph's long-word splitting.
    """
    value = plain(text)
    room = width - 2 * CELL_PAD - 0.5
    lines = simpleSplit(value, style.fontName, style.fontSize, room)
    if any(stringWidth(line, style.fontName, style.fontSize) > room for line in lines):
        return Paragraph(esc(text), style)
    return "\n".join(lines)


def task_table(tasks: tuple[TaskLine, ...], lang: str) -> Flowable:
    """Follow-up tasks: what, by when, who, status."""
    rows: list[Row] = [
        [t.title, format_date(t.due_date), t.assignee or "", t.status.label(lang)] for t in tasks
    ]
    headers = [
        field_label("follow_up_task", f, lang) for f in ("title", "due_date", "assignee", "status")
    ]
    return data_table(headers, rows, [74, 22, 36, 28], "LCLL")

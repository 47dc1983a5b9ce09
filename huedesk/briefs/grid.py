"""Ruled tables that never break a word or a number, and break between pages the way a clerk would.

ReportLab's ``Table`` takes column widths from the caller and breaks a word
wider than its column anywhere ("Disbursemen/t", a total wrapped inside its
digits); it starts a table with one row at a page's foot, and it cannot repeat a
programme's day heading after a page break. ``Grid`` is a small table flowable
that does what official tables need:

* **widths from content**: each column is at least as wide as its longest word
  (text columns) or its longest line (number, date and money columns, which
  never wrap); the room left is shared out in proportion to what each column
  would need to set its text on one line. If even the narrowest layout is too
  wide, the type gets smaller (down to 8 pt) before any word would break;
* **no orphans, no widows**: a table (with the heading above it, its
  ``caption``) starts on a page only with at least two rows under its header,
  and never leaves a single row (or a totals row) alone on the next page;
* **repeated headings**: the header row is repeated on every page, and so is
  the group heading in force (a programme's day), marked as continued;
* a ``tail`` (the signature block) is kept on the page of the last rows.

Cells hold plain text (``\\n`` separates lines a cell must keep apart) and are
drawn as strings: no markup parser, so it is also several times faster than a
``Table`` of ``Paragraph`` cells. Text reaches the canvas NFC-normalised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from huedesk.briefs.fonts import BOLD, REGULAR
from huedesk.briefs.markup import plain

GRID = colors.HexColor("#555555")
HEAD_FILL = colors.HexColor("#e8e8e8")
HEADER_STRETCH = 1.5  # how much wider than its text a column grows to keep its header whole
SPAN_FILL = colors.HexColor("#f1f1f1")
PAD_X = 3.0
PAD_TOP = 2.0
PAD_BOTTOM = 3.0
MIN_SIZE = 8.0
RULE = 0.5
# A row longer than this many lines continues in the next row (a page holds about 55).
MAX_ROW_LINES = 30
# A table of at most this many rows is never split: it moves whole to the next page.
SHORT_TABLE = 6


@dataclass(frozen=True)
class Col:
    """A column: its header, alignment (``L``/``R``/``C``), and whether its text may wrap.

    ``wrap=False`` is for numbers, dates, times and amounts: they are set on
    one line (or on the lines the cell gives with ``\\n``), never broken.
    ``bold_first`` sets each cell's first line in bold (a member's name).
    """

    header: str
    align: str = "L"
    wrap: bool = True
    bold_first: bool = False
    bold: bool = False
    grow: bool = True  # takes a share of room to spare (a field list's labels do not)


@dataclass(frozen=True)
class Span:
    """A row across the whole table: a day heading in a programme, a group title."""

    text: str


@dataclass(frozen=True)
class Total:
    """A bold, shaded totals row; ``cells`` line up with the columns."""

    cells: Sequence[str]


Row = Sequence[str] | Span | Total


# A line drawn in a cell: its text, whether it is bold, and its indent (a bullet's hang).
Piece = tuple[str, bool, float]
BULLET = "– "


@dataclass
class _Line:
    """A laid-out row: each cell's lines, its kind and height."""

    cells: list[list[Piece]]
    kind: str  # "head" | "body" | "span" | "total" | "more" (continuation of a long row)
    height: float
    text: str = ""  # a span's text (to repeat it as continued)


@cache
def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def _words(text: str) -> list[str]:
    return [w for w in text.split(" ") if w]


def _wrap(text: str, font: str, size: float, room: float) -> list[str]:
    """Greedy line breaking at spaces; a word wider than ``room`` stands on its own line."""
    lines: list[str] = []
    space = _width(" ", font, size)
    for para in text.split("\n"):
        words = _words(para)
        if not words:
            lines.append("")
            continue
        current, used = words[0], _width(words[0], font, size)
        for word in words[1:]:
            w = _width(word, font, size)
            if used + space + w <= room:
                current += " " + word
                used += space + w
            else:
                lines.append(current)
                current, used = word, w
        lines.append(current)
    return lines


@dataclass
class _Layout:
    """Column widths, font size and laid-out rows, shared by the parts of a split table."""

    cols: Sequence[Col]
    size: float
    widths: list[float]
    header: _Line | None
    lines: list[_Line]
    ruled: bool
    continued: str
    leading: float = field(init=False)

    def __post_init__(self) -> None:
        self.leading = self.size * 1.2


def _fonts(col: Col, first: bool, bold_row: bool) -> str:
    return BOLD if bold_row or col.bold or (col.bold_first and first) else REGULAR


def _tokens(col: Col, text: str, size: float, bold_row: bool) -> tuple[float, float]:
    """(narrowest, natural) width of a cell's text in ``col``."""
    narrow = natural = 0.0
    for i, line in enumerate(text.split("\n")):
        font = _fonts(col, i == 0, bold_row)
        whole = _width(line, font, size)
        natural = max(natural, whole)
        if col.wrap:
            for word in _words(line):
                narrow = max(narrow, _width(word, font, size))
        else:
            narrow = max(narrow, whole)
    return narrow, natural


def _measure(
    cols: Sequence[Col], rows: Sequence[Row], size: float, header: bool
) -> tuple[list[float], list[float]]:
    n = len(cols)
    narrow, natural = [0.0] * n, [0.0] * n
    for row in rows:
        if isinstance(row, Span):
            continue
        bold = isinstance(row, Total)
        texts = row.cells if isinstance(row, Total) else row
        for c, text in enumerate(texts):
            lo, hi = _tokens(cols[c], plain(text), size, bold)
            narrow[c] = max(narrow[c], lo)
            natural[c] = max(natural[c], hi)
    if header:
        for c, col in enumerate(cols):
            words = _words(plain(col.header))
            lo = max((_width(w, BOLD, size) for w in words), default=0.0)
            hi = max((_width(t, BOLD, size) for t in plain(col.header).split("\n")), default=0.0)
            narrow[c] = max(narrow[c], lo)
            # A header a little wider than its column's text ("Ngày đồng ý" over a date) is
            # set on one line rather than leave one syllable on a line of its own.
            natural[c] = max(natural[c], hi if hi <= HEADER_STRETCH * natural[c] else lo)
    extra = 2 * PAD_X + 0.5
    return [w + extra for w in narrow], [w + extra for w in natural]


def _share(
    narrow: list[float], natural: list[float], cols: Sequence[Col], room: float
) -> list[float]:
    """Widths that add up to ``room``, never below a column's narrowest.

    Columns whose text fits on one line within a fair share of the room get
    their natural width (a short office name is not wrapped into three lines);
    the room left goes to the others, at least their narrowest, the rest in
    proportion to what each would need to set its text on one line.
    """
    n = len(cols)
    widths = [0.0] * n
    left = list(range(n))
    remaining = room
    while left:
        fair = remaining / len(left)
        small = [c for c in left if natural[c] <= fair]
        if not small:
            break
        for c in small:
            widths[c] = natural[c]
            remaining -= natural[c]
        left = [c for c in left if c not in small]
    if not left:  # everything fits on one line: spread the rest over the columns
        weights = [natural[c] if cols[c].grow else 0.0 for c in range(n)]
        if not any(weights):
            weights = list(natural)
        total = sum(weights)
        return [w + remaining * k / total for w, k in zip(widths, weights, strict=True)]
    if remaining < sum(narrow[c] for c in left):  # no room to be generous: share from scratch
        want = [max(0.0, hi - lo) for lo, hi in zip(narrow, natural, strict=True)]
        spare, total = room - sum(narrow), sum(want) or 1.0
        return [lo + spare * k / total for lo, k in zip(narrow, want, strict=True)]
    spare = remaining - sum(narrow[c] for c in left)
    total = sum(natural[c] - narrow[c] for c in left) or 1.0
    for c in left:
        widths[c] = narrow[c] + spare * (natural[c] - narrow[c]) / total
    return widths


def layout(
    cols: Sequence[Col],
    rows: Sequence[Row],
    room: float,
    *,
    size: float = 11.0,
    header: bool = True,
    ruled: bool = True,
    continued: str = "",
) -> _Layout:
    """Choose the font size and column widths for ``rows`` and break every cell into lines."""
    while True:
        narrow, natural = _measure(cols, rows, size, header)
        if sum(narrow) <= room or size <= MIN_SIZE:
            break
        size = max(MIN_SIZE, size - 0.5)
    widths = _share(narrow, natural, cols, room) if sum(narrow) <= room else narrow
    if sum(widths) > room:  # only a pathological word (a 60-character URL) gets here
        widths = [w * room / sum(widths) for w in widths]
    lead = size * 1.2
    pad = PAD_TOP + PAD_BOTTOM

    def cell_lines(col: Col, text: str, width: float, bold: bool) -> list[Piece]:
        room_c = width - 2 * PAD_X
        out: list[Piece] = []
        for i, line in enumerate(plain(text).split("\n")):
            font = _fonts(col, i == 0, bold)
            is_bold = font == BOLD
            if not (col.wrap or _width(line, font, size) > room_c):
                out.append((line, is_bold, 0.0))
                continue
            hang = _width(BULLET, font, size) if line.startswith(BULLET) else 0.0
            if hang:
                body = _wrap(line[len(BULLET) :], font, size, room_c - hang)
                out.append((BULLET + body[0], is_bold, 0.0))
                out += [(part, is_bold, hang) for part in body[1:]]
            else:
                out += [(part, is_bold, 0.0) for part in _wrap(line, font, size, room_c)]
        return out

    head = None
    if header:
        head_cells = [
            [(t, True, 0.0) for t in _wrap(plain(c.header), BOLD, size, w - 2 * PAD_X)]
            for c, w in zip(cols, widths, strict=True)
        ]
        head = _Line(head_cells, "head", max(len(c) for c in head_cells) * lead + pad)
    lines: list[_Line] = []
    for row in rows:
        if isinstance(row, Span):
            lines.append(_span(plain(row.text), size, sum(widths)))
            continue
        bold = isinstance(row, Total)
        texts = row.cells if isinstance(row, Total) else row
        cells = [cell_lines(c, t, w, bold) for c, t, w in zip(cols, texts, widths, strict=True)]
        kind = "total" if bold else "body"
        tallest = max(len(c) for c in cells)
        for start in range(0, tallest, MAX_ROW_LINES):
            chunk = [c[start : start + MAX_ROW_LINES] for c in cells]
            n = max(1, max(len(c) for c in chunk))
            lines.append(_Line(chunk, kind if start == 0 else "more", n * lead + pad))
    return _Layout(cols, size, widths, head, lines, ruled, continued)


def _span(text: str, size: float, width: float) -> _Line:
    wrapped = _wrap(text, BOLD, size, width - 2 * PAD_X)
    pieces = [(t, True, 0.0) for t in wrapped]
    return _Line([pieces], "span", len(wrapped) * size * 1.2 + PAD_TOP + PAD_BOTTOM, text)


class Grid(Flowable):
    """A laid-out table, or one page's part of it (see the module docstring).

    ``caption`` flowables (a section heading) are drawn above the first part
    only; ``tail`` flowables (the signature block) below the last part only.
    ``repeat`` is a group heading repeated at the top of a continuation part.
    """

    def __init__(
        self,
        lay: _Layout,
        lines: list[_Line] | None = None,
        *,
        caption: Sequence[Flowable] = (),
        tail: Sequence[Flowable] = (),
        repeat: _Line | None = None,
        first: bool = True,
    ) -> None:
        super().__init__()
        self.lay = lay
        self.lines = lay.lines if lines is None else lines
        self.caption = list(caption)
        self.tail = list(tail)
        self.repeat = repeat
        self.first = first
        self.spaceAfter = 6
        self._avail = 0.0

    # -- measuring ---------------------------------------------------------------------

    def _extra(self, items: list[Flowable], width: float) -> float:
        total = 0.0
        for f in items:
            _w, h = f.wrap(width, 10_000)
            total += h + f.getSpaceBefore() + f.getSpaceAfter()
        return total

    def _top(self, width: float) -> float:
        """Height above the rows: caption, header row, repeated group heading."""
        h = self._extra(self.caption, width) if self.caption else 0.0
        if self.lay.header is not None:
            h += self.lay.header.height
        if self.repeat is not None:
            h += self.repeat.height
        return h

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._avail = availWidth
        self._tail_h = self._extra(self.tail, availWidth) if self.tail else 0.0
        self._top_h = self._top(availWidth)
        self.height = self._top_h + sum(line.height for line in self.lines) + self._tail_h
        self.width = availWidth
        return availWidth, self.height

    # -- splitting ---------------------------------------------------------------------

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        lines = self.lines
        room = availHeight - self._top_h
        fit, used = 0, 0.0
        for line in lines:
            if used + line.height > room:
                break
            used += line.height
            fit += 1
        body = [i for i, line in enumerate(lines) if line.kind in ("body", "total")]
        rows = [i for i, line in enumerate(lines) if line.kind == "body"]  # totals aside
        if fit == len(lines) or sum(1 for i in rows if i >= fit) == 1:
            # The rows fit but the tail does not, or one row (with the totals, if any)
            # would go over alone: the last two rows go over with it, if two stay here.
            if len(rows) >= 4:
                fit = min(fit, rows[-2])
            elif fit == len(lines):
                fit = 0
        # A day heading never ends a page, a long row's continuation never starts one.
        while 0 < fit < len(lines) and (lines[fit - 1].kind == "span" or lines[fit].kind == "more"):
            fit -= 1
        before = sum(1 for i in body if i < fit)
        at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
        short = self.first and len(body) <= SHORT_TABLE
        if (fit == 0 or before < min(2, len(body)) or short) and not at_top:
            return []  # not two rows here (or a short table): it starts on the next page
        if fit == 0:
            fit = 1  # a row taller than a page: nothing better to do than to place it
        repeat = None
        group = next((line for line in reversed(lines[:fit]) if line.kind == "span"), None)
        if fit < len(lines) and lines[fit].kind != "span":
            if group is not None:
                text = f"{group.text} {self.lay.continued}".strip()
                repeat = _span(text, self.lay.size, sum(self.lay.widths))
                repeat.text = group.text
            else:
                repeat = self.repeat
        head = Grid(self.lay, lines[:fit], caption=self.caption, repeat=self.repeat)
        rest = Grid(self.lay, lines[fit:], tail=self.tail, repeat=repeat, first=False)
        return [head, rest]

    # -- drawing -----------------------------------------------------------------------

    def draw(self) -> None:
        c = self.canv
        lay = self.lay
        width = sum(lay.widths)
        top = y = self._stack(self.caption, self.height)
        rows: list[_Line] = []
        if lay.header is not None:
            rows.append(lay.header)
        if self.repeat is not None:
            rows.append(self.repeat)
        rows += self.lines
        c.saveState()
        c.setLineWidth(RULE)
        c.setStrokeColor(GRID)
        for line in rows:
            if line.kind in ("head", "span", "total"):
                c.setFillColor(HEAD_FILL if line.kind == "head" else SPAN_FILL)
                c.rect(0, y - line.height, width, line.height, stroke=0, fill=1)
            y -= line.height
        bottom = y
        c.setFillColor(colors.black)
        y = top
        for line in rows:
            if lay.ruled and line.kind != "more":
                c.line(0, y, width, y)
            self._draw_row(line, y)
            y -= line.height
        if lay.ruled:
            c.line(0, bottom, width, bottom)
            x = 0.0
            c.line(x, top, x, bottom)
            for w in lay.widths:
                x += w
                self._verticals(x, top, rows)
        c.restoreState()
        self._stack(self.tail, bottom)

    def _stack(self, items: list[Flowable], y: float) -> float:
        """Draw ``items`` one under the other from ``y`` down; returns where they end."""
        for f in items:
            y -= f.getSpaceBefore()
            _w, h = f.wrap(self._avail, 10_000)
            y -= h
            f.drawOn(self.canv, 0, y)
            y -= f.getSpaceAfter()
        return y

    def _verticals(self, x: float, top: float, rows: list[_Line]) -> None:
        """A column rule, interrupted where a span row crosses it (except at the table's edge)."""
        c = self.canv
        edge = abs(x - sum(self.lay.widths)) < 0.01
        y, start = top, top
        for line in rows:
            if line.kind == "span" and not edge:
                if start > y:
                    c.line(x, start, x, y)
                start = y - line.height
            y -= line.height
        if start > y:
            c.line(x, start, x, y)

    def _draw_row(self, line: _Line, y: float) -> None:
        c = self.canv
        lay = self.lay
        size, lead = lay.size, lay.leading
        base = y - PAD_TOP - size * 0.93
        if line.kind == "span":
            c.setFont(BOLD, size)
            for i, (text, _bold, _hang) in enumerate(line.cells[0]):
                c.drawString(PAD_X, base - i * lead, text)
            return
        x = 0.0
        bold_row = line.kind in ("head", "total")
        for col, width, cell in zip(lay.cols, lay.widths, line.cells, strict=True):
            align = "C" if line.kind == "head" else col.align
            for i, (text, bold, hang) in enumerate(cell):
                c.setFont(BOLD if bold or bold_row else REGULAR, size)
                yy = base - i * lead
                if align == "R":
                    c.drawRightString(x + width - PAD_X, yy, text)
                elif align == "C":
                    c.drawCentredString(x + width / 2, yy, text)
                else:
                    c.drawString(x + PAD_X + hang, yy, text)
            x += width


def grid(
    cols: Sequence[Col],
    rows: Sequence[Row],
    room: float,
    *,
    size: float = 11.0,
    caption: Sequence[Flowable] = (),
    continued: str = "",
    header: bool = True,
    ruled: bool = True,
) -> Grid:
    """A table of ``rows`` under ``cols``, ``room`` points wide (see ``Grid``)."""
    lay = layout(cols, rows, room, size=size, header=header, ruled=ruled, continued=continued)
    return Grid(lay, caption=caption)

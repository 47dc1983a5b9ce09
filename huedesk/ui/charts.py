"""Bar charts drawn with QPainter: the start page's delegations, aid and FDI charts.

Why not QtCharts: it is deprecated from Qt 6.10 and ships in the large
PySide6-Addons wheel, and its successor (Qt Graphs) needs Qt Quick. A chart
here is grouped bars with labels, which a hundred lines of ``QPainter`` draw
exactly as wanted: labels in the window's font, values written at the bars,
every bar a target that says what it is (tooltip) and opens the records
behind it (``picked``), by mouse or keyboard (arrows move, Enter opens).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

SHADES = (QColor("#2f6690"), QColor("#9ec5e8"))
HOVER = QColor("#f2a541")
GRID = QColor("#e3e3e3")
TEXT = QColor("#222222")
MUTED = QColor("#666666")


@dataclass(frozen=True)
class ChartSeries:
    """One series: its name in the legend and one value per category."""

    name: str
    values: Sequence[float]


@dataclass(frozen=True)
class ChartData:
    """What a chart shows: categories (a country, a donor, a month) and up to two series."""

    title: str
    categories: Sequence[str]
    series: Sequence[ChartSeries]
    fmt: Callable[[float], str] = lambda v: f"{v:g}"
    empty: str = ""

    @property
    def top(self) -> float:
        return max((v for s in self.series for v in s.values), default=0.0)


class BarChart(QWidget):
    """Grouped bars, horizontal (``across=False``: a category per row) or vertical columns.

    ``picked(category, series)`` is emitted when a bar is clicked or chosen with Enter.
    """

    picked = Signal(int, int)

    def __init__(self, across: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.across = across
        self.data = ChartData("", [], [])
        self._bars: list[tuple[QRectF, int, int]] = []
        self._hover: tuple[int, int] | None = None
        self._focus: tuple[int, int] | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(260, 170))

    def set_data(self, data: ChartData) -> None:
        self.data = data
        self._hover = self._focus = None
        self.setAccessibleName(data.title)
        self.update()

    def bar_at(self, point: QPointF) -> tuple[int, int] | None:
        """(category, series) of the bar under ``point``, if any."""
        for rect, cat, ser in self._bars:
            if rect.adjusted(-1, -2, 1, 2).contains(point):
                return cat, ser
        return None

    def bar_rect(self, category: int, series: int) -> QRectF | None:
        """Where a bar is drawn (for tests and tooltips)."""
        return next((r for r, c, s in self._bars if (c, s) == (category, series)), None)

    # --- painting -----------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._bars = []
        font = QFont(self.font())
        title_font = QFont(font)
        title_font.setBold(True)
        p.setFont(title_font)
        fm = QFontMetrics(title_font)
        p.setPen(TEXT)
        area = QRectF(self.rect()).adjusted(6, 4, -6, -4)
        p.drawText(QPointF(area.left(), area.top() + fm.ascent()), self.data.title)
        p.setFont(font)
        fm = QFontMetrics(font)
        top = area.top() + fm.height() + 6
        if len(self.data.series) > 1:
            self._legend(p, fm, area.left(), top)
            top += fm.height() + 4
        body = QRectF(area.left(), top, area.width(), area.bottom() - top)
        if not self.data.categories or self.data.top <= 0:
            p.setPen(MUTED)
            p.drawText(body, Qt.AlignmentFlag.AlignCenter, self.data.empty)
            return
        if self.across:
            self._columns(p, fm, body)
        else:
            self._rows(p, fm, body)
        if self.hasFocus() and self._focus is not None:
            rect = self.bar_rect(*self._focus)
            if rect is not None:
                p.setPen(QPen(TEXT, 1, Qt.PenStyle.DashLine))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(rect.adjusted(-2, -2, 2, 2))

    def _legend(self, p: QPainter, fm: QFontMetrics, x: float, y: float) -> None:
        for i, s in enumerate(self.data.series):
            p.fillRect(QRectF(x, y + 3, 10, 10), SHADES[i % 2])
            p.setPen(TEXT)
            p.drawText(QPointF(x + 14, y + fm.ascent()), s.name)
            x += 24 + fm.horizontalAdvance(s.name)

    def _shade(self, cat: int, ser: int) -> QColor:
        return HOVER if self._hover == (cat, ser) else SHADES[ser % 2]

    def _rows(self, p: QPainter, fm: QFontMetrics, body: QRectF) -> None:
        """A row per category: its name at the left, a bar per series, the value after it."""
        data = self.data
        label_w = min(
            body.width() * 0.38, max(fm.horizontalAdvance(c) for c in data.categories) + 8
        )
        value_w = max(fm.horizontalAdvance(data.fmt(data.top)) + 8, 30)
        plot = QRectF(
            body.left() + label_w, body.top(), body.width() - label_w - value_w, body.height()
        )
        n, k = len(data.categories), len(data.series)
        slot = plot.height() / n
        bar_h = max(3.0, min(16.0, (slot - 4) / k))
        for cat, name in enumerate(data.categories):
            y = plot.top() + cat * slot + (slot - bar_h * k) / 2
            p.setPen(TEXT)
            shown = fm.elidedText(name, Qt.TextElideMode.ElideRight, int(label_w - 8))
            p.drawText(
                QRectF(body.left(), y, label_w - 8, bar_h * k),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            for ser, s in enumerate(data.series):
                value = s.values[cat]
                w = plot.width() * value / data.top
                rect = QRectF(
                    plot.left(), y + ser * bar_h, max(w, 1.0 if value else 0.0), bar_h - 1
                )
                p.fillRect(rect, self._shade(cat, ser))
                self._bars.append((rect, cat, ser))
                if value:
                    p.setPen(MUTED)
                    p.drawText(
                        QRectF(rect.right() + 3, rect.top() - 2, value_w, bar_h + 2),
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                        data.fmt(value),
                    )
        p.setPen(GRID)
        p.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))

    def _columns(self, p: QPainter, fm: QFontMetrics, body: QRectF) -> None:
        """A column group per category (the months), names under them, values on top."""
        data = self.data
        plot = QRectF(body.left() + 4, body.top() + fm.height(), body.width() - 8,
                      body.height() - 2 * fm.height() - 4)  # fmt: skip
        n, k = len(data.categories), len(data.series)
        slot = plot.width() / n
        bar_w = max(3.0, min(22.0, (slot - 4) / k))
        p.setPen(GRID)
        p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() - 1.5))
        for cat, name in enumerate(data.categories):
            x = plot.left() + cat * slot + (slot - bar_w * k) / 2
            p.setPen(TEXT)
            p.setFont(self.font())
            p.drawText(
                QRectF(plot.left() + cat * slot, plot.bottom() + 2, slot, fm.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                name,
            )
            p.setFont(small)
            for ser, s in enumerate(data.series):
                value = s.values[cat]
                h = plot.height() * value / data.top
                rect = QRectF(x + ser * bar_w, plot.bottom() - h, bar_w - 1, h)
                p.fillRect(rect, self._shade(cat, ser))
                self._bars.append((rect, cat, ser))
                if value:
                    p.setPen(MUTED)
                    p.drawText(
                        QRectF(rect.left() - 8, rect.top() - fm.height(), bar_w + 16, fm.height()),
                        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                        data.fmt(value),
                    )
        p.setFont(self.font())

    # --- interaction ----------------------------------------------------------------------------
    def _describe(self, cat: int, ser: int) -> str:
        s = self.data.series[ser]
        return f"{self.data.categories[cat]} — {s.name}: {self.data.fmt(s.values[cat])}"

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self.bar_at(event.position())
        if found != self._hover:
            self._hover = found
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if found else Qt.CursorShape.ArrowCursor
            )
            self.update()
        if found is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self._describe(*found), self)

    def leaveEvent(self, _event: object) -> None:
        self._hover = None
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        found = self.bar_at(event.position())
        if found is not None:
            self._focus = found
            self.picked.emit(*found)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bars = [(c, s) for _r, c, s in self._bars if self.data.series[s].values[c]]
        if not bars:
            super().keyPressEvent(event)
            return
        key = event.key()
        at = bars.index(self._focus) if self._focus in bars else -1
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self._focus = bars[min(at + 1, len(bars) - 1)]
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self._focus = bars[max(at - 1, 0)]
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._focus:
            self.picked.emit(*self._focus)
            return
        else:
            super().keyPressEvent(event)
            return
        self.setAccessibleDescription(self._describe(*self._focus))
        self.update()

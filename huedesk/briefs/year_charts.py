"""Vector charts for the yearly review, drawn with ReportLab's own graphics.

Each chart is a ``Drawing`` (a flowable): bars in two shades of grey with
outlines, so they read the same printed in black and white, every bar labelled
with its value, names in Tinos like the text. A chart shows the largest rows
only (``LIMIT``); the tables and the appendix carry the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from huedesk.briefs.fonts import REGULAR, register_fonts
from huedesk.briefs.frame import TEXT_WIDTH
from huedesk.money import group_digits

LIMIT = 10
DARK = colors.HexColor("#4d4d4d")
LIGHT = colors.HexColor("#bdbdbd")
LINE = colors.HexColor("#222222")
LABEL_SIZE = 8.5
ROW = 5.5 * mm


@dataclass(frozen=True)
class Series:
    """A named row of values, one per category."""

    name: str
    values: Sequence[float]


def _legend(series: Sequence[Series], x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = REGULAR, LABEL_SIZE
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 7
    legend.deltax = 42 * mm
    legend.autoXPadding = 12
    legend.colorNamePairs = [
        (shade, s.name) for shade, s in zip((DARK, LIGHT), series, strict=False)
    ]
    legend.strokeColor = LINE
    legend.strokeWidth = 0.4
    return legend


def _shorten(text: str, limit: int = 34) -> str:
    """A label that fits beside its bar: whole words up to ``limit`` characters, then ``…``."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return f"{cut.rstrip(' ,;:-–(')} …"


def _styled(
    chart: HorizontalBarChart | VerticalBarChart,
    categories: Sequence[str],
    series: Sequence[Series],
    lang: str,
    places: int,
) -> None:
    """Axes, grid, bar labels and shades every chart of the review shares."""
    chart.data = [list(s.values) for s in series]
    chart.categoryAxis.categoryNames = list(categories)
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.strokeColor = LINE
    axis = chart.valueAxis
    axis.valueMin = 0
    axis.labels.fontName = REGULAR
    axis.labels.fontSize = LABEL_SIZE - 1
    axis.labelTextFormat = lambda v: group_digits(v, lang, 0 if v >= 10 or not v else places)
    axis.strokeColor = LINE
    axis.visibleGrid = True
    axis.gridStrokeColor = colors.HexColor("#dddddd")
    axis.gridStrokeWidth = 0.3
    if max((v for s in series for v in s.values), default=0) <= 0:
        axis.valueMax = 1
    chart.barLabelFormat = lambda v: group_digits(v, lang, places) if v else ""
    chart.barLabels.fontName = REGULAR
    for i, shade in enumerate((DARK, LIGHT)[: len(series)]):
        chart.bars[i].fillColor = shade
        chart.bars[i].strokeColor = LINE
        chart.bars[i].strokeWidth = 0.4


def _drawing(
    chart: object, title: str, series: Sequence[Series], height: float, x: float
) -> Drawing:
    drawing = Drawing(TEXT_WIDTH, height)
    drawing.add(chart)
    drawing.add(String(0, height - 5 * mm, title, fontName=REGULAR, fontSize=10))
    if len(series) > 1:
        drawing.add(_legend(series, x, height - 10 * mm))
    return drawing


def bars(
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    lang: str,
    *,
    places: int = 0,
) -> Drawing:
    """Horizontal bars, one group per category (a country, a donor), largest first."""
    register_fonts()
    n = max(1, len(categories))
    height = n * ROW * (1 + 0.6 * (len(series) - 1)) + 24 * mm
    chart = HorizontalBarChart()
    chart.x, chart.y = 52 * mm, 12 * mm
    chart.width, chart.height = TEXT_WIDTH - 70 * mm, height - 26 * mm
    reverse = [Series(s.name, list(reversed(s.values))) for s in series]  # the largest on top
    _styled(chart, [_shorten(c) for c in reversed(categories)], reverse, lang, places)
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.barLabels.fontSize = LABEL_SIZE - 0.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    chart.barSpacing = 0.5
    chart.groupSpacing = 4
    return _drawing(chart, title, series, height, 52 * mm)


def columns(title: str, categories: Sequence[str], series: Sequence[Series], lang: str) -> Drawing:
    """Vertical columns over a short, ordered axis (the twelve months)."""
    register_fonts()
    height = 62 * mm
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 12 * mm
    chart.width, chart.height = TEXT_WIDTH - 20 * mm, height - 28 * mm
    _styled(chart, categories, series, lang, 0)
    chart.barLabels.fontSize = LABEL_SIZE - 1
    chart.barLabels.boxAnchor = "s"
    chart.barLabels.dy = 1
    chart.groupSpacing = 6
    return _drawing(chart, title, series, height, 14 * mm)

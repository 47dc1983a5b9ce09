"""The start page: the year's key figures against last year, four charts, what needs attention.

Everything shown comes from the workspace as plain values: ``ws.stats.dashboard``
(the statistics service, the same figures as the yearly review and the
spreadsheet) and ``ws.start_page.attention`` (the lists at the right, the
``AttentionPage``). A figure card or a bar opens the records behind it in a
list window. The figures are counted again when the page is shown after a
change, not on every change while it is hidden.

The attention lists are small indexed queries and are read at once; the figures
read every record dated in two years (seconds on 200,000 records), so they are
counted off the UI thread: the window is usable at once, the cards say "đang
tính số liệu…" until the figures arrive (or keep the last figures, marked as
being counted again), and an answer for a year no longer chosen is dropped.
Counting stops when the page is hidden (another page chosen) and starts again
when it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from huedesk import clock
from huedesk.errors import HueDeskError
from huedesk.formatting import format_date
from huedesk.money import format_short, group_digits
from huedesk.ui.attention_page import AttentionPage, Opener
from huedesk.ui.charts import BarChart, ChartData, ChartSeries
from huedesk.ui.context import AppContext
from huedesk.ui.i18n import tr
from huedesk.ui.ops import Op, Progress, run_op

if TYPE_CHECKING:  # the statistics code loads with the first count, after the window shows
    from huedesk.workspace import Area, Figure, Figures, Row

YEARS_BACK = 10
# (area, figure, label id): the cards, in reading order
CARDS = (
    ("delegations", "inbound", "card_inbound"),
    ("delegations", "outbound", "card_outbound"),
    ("partnerships", "pairs", "card_pairs"),
    ("agreements", "signed", "card_signed"),
    ("fdi", "new_capital", "card_fdi"),
    ("aid", "disbursed", "card_aid"),
    ("consular", "opened", "card_cases"),
    ("events", "held", "card_events"),
)
TOP = 8
CHART_TITLES = {
    "delegations.by_country": "chart_visits",
    "delegations.by_month": "chart_months",
    "aid.by_donor": "chart_aid",
    "fdi.by_sector": "chart_fdi",
}


def shown(f: Figure, value: int, lang: str) -> str:
    """A figure's value in the words of the page (counts grouped, sums in tỷ/triệu)."""
    return group_digits(value, lang) if f.unit == "count" else format_short(value, f.unit, lang)


def against(f: Figure, year: int, lang: str) -> str:
    """The same figure a year earlier and the change: ``năm 2024: 151 (▼ 2,6%)``."""
    if f.value == f.previous:
        return tr("dash_same", year=year)
    if not f.previous:
        return tr("dash_none_before", year=year)
    pct = f.change_percent or 0.0
    arrow = "▲" if f.change > 0 else "▼"
    number = _num(abs(pct), lang, 1)
    return f"{tr('dash_versus', year=year, before=shown(f, f.previous, lang))} ({arrow}\u00a0{number}%)"


def _num(value: float, lang: str, places: int = 0) -> str:
    """A chart's or a percentage's number, grouped the language's way."""
    return group_digits(Decimal(str(round(value, places))), lang, places)


class FigureCard(QFrame):
    """One key figure: label, value, the year before; a click lists the records behind it."""

    def __init__(self, on_open: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_open = on_open
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("figureCard")
        self.setStyleSheet(
            "#figureCard { background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; }"
            "#figureCard:focus { border: 2px solid #2f6690; }"
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.label = QLabel()
        self.label.setStyleSheet("color: #444; font-size: 9pt;")
        self.label.setWordWrap(True)
        self.setMinimumWidth(150)
        self.value = QLabel()
        self.value.setStyleSheet("font-weight: bold; color: #1f3b57;")
        self.sub = QLabel()
        self.sub.setStyleSheet("color: #555; font-size: 8.5pt;")
        self.sub.setWordWrap(True)
        self.change = QLabel()
        self.change.setStyleSheet("color: #555; font-size: 8.5pt;")
        self.change.setWordWrap(True)  # "năm 2024: 331,10 triệu USD (▲ 139,8%)" in a narrow card
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        for w in (self.label, self.value, self.sub, self.change):
            layout.addWidget(w)
        self.clickable = False

    def _fit_value(self) -> None:
        """The value in 15 pt, smaller (down to 10 pt) when a narrow card would cut it
        ("VND 675.03 billion" in a quarter of the page at 1366x768)."""
        room = self.contentsRect().width() - 20
        font = QFont(self.value.font())
        for size in range(15, 9, -1):
            font.setPointSize(size)
            if QFontMetrics(font).horizontalAdvance(self.value.text()) <= room:
                break
        self.value.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_value()

    def show_figure(self, label: str, value: str, sub: str, change: str, tip: str) -> None:
        self.label.setText(label)
        self.value.setText(value)
        self._fit_value()
        self.sub.setText(sub)
        self.sub.setVisible(bool(sub))
        self.change.setText(change)
        self.setToolTip(tip)
        self.setAccessibleName(f"{label}: {value}")
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if self.clickable else Qt.CursorShape.ArrowCursor
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.clickable:
            self.on_open()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.clickable:
                self.on_open()
            return
        super().keyPressEvent(event)


class DashboardPage(QWidget):
    """Key figures, charts and the attention lists of the chosen year."""

    def __init__(self, ctx: AppContext, opener: Opener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.opener = opener
        self.figures: Figures | None = None
        self.windows: list[QWidget] = []
        self._chart_rows: dict[str, Sequence[Row | None]] = {}
        self._chart_measures: dict[str, list[str]] = {}
        self._stale = True
        self._counting: Op | None = None  # the figures being counted off the UI thread
        self._waiting = False  # … or about to be (``_start_counting``)
        self._generation = 0  # answers of an older request are dropped
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.as_of = QLabel()
        self.as_of.setStyleSheet("color: #555;")
        self.year = QComboBox()
        this_year = clock.today().year
        for y in range(this_year, this_year - YEARS_BACK, -1):
            self.year.addItem(str(y), y)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.review_btn = QPushButton(tr("dash_review"))
        self.review_btn.clicked.connect(self.open_review)
        self.sheet_btn = QPushButton(tr("dash_sheet"))
        self.sheet_btn.clicked.connect(lambda: self.export_sheet())
        self.regions_btn = QPushButton(tr("dash_regions"))
        self.regions_btn.clicked.connect(self.open_regions)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.as_of)
        head.addStretch(1)
        head.addWidget(QLabel(tr("dash_year")))
        head.addWidget(self.year)
        for b in (self.review_btn, self.sheet_btn, self.regions_btn):
            head.addWidget(b)
        self.cards: list[FigureCard] = []
        grid = QGridLayout()
        grid.setSpacing(8)
        for i, (area, key, _label) in enumerate(CARDS):
            card = FigureCard(partial(self._open_card, area, key))
            grid.addWidget(card, i // 4, i % 4)
            self.cards.append(card)
        self.visits_chart = BarChart()
        self.months_chart = BarChart(across=True)
        self.aid_chart = BarChart()
        self.fdi_chart = BarChart()
        self.charts = {
            "delegations.by_country": self.visits_chart,
            "delegations.by_month": self.months_chart,
            "aid.by_donor": self.aid_chart,
            "fdi.by_sector": self.fdi_chart,
        }
        charts = QGridLayout()
        charts.setSpacing(10)
        for i, (name, chart) in enumerate(self.charts.items()):
            chart.setMinimumHeight(210)
            chart.picked.connect(lambda cat, ser, n=name: self.open_bar(n, cat, ser))
            charts.addWidget(chart, i // 2, i % 2)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 6, 0)
        column.addLayout(grid)
        column.addLayout(charts, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.attention = AttentionPage(ctx, opener)
        self.attention.title.setStyleSheet("font-size: 11pt; font-weight: bold;")
        for heading, tree in self.attention.sections:  # a narrow column: the essentials only
            heading.setStyleSheet("font-size: 10pt; font-weight: bold; margin-top: 4px;")
            heading.setWordWrap(True)
            tree.setColumnHidden(2, True)  # the days left say when
            tree.setColumnHidden(4, True)
            header = tree.header()  # the reference and the days as wide as they are, the
            for col in (0, 3):  # title gets the rest (it was squeezed to ~90 px at 1366x768)
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.splitter = QSplitter()
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.attention)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([740, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.splitter, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        ctx.changed.connect(self._on_changed)
        self.refresh()

    # --- what the old start page offered, for its callers ---------------------------------------
    @property
    def sections(self) -> list[tuple[QLabel, Any]]:
        return self.attention.sections

    # --- counting ---------------------------------------------------------------------------------
    @property
    def chosen_year(self) -> int:
        return int(self.year.currentData())

    def _on_changed(self, _kind: str) -> None:
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """Another page is chosen, or the window closes: stop counting figures nobody
        looks at, and drop a refresh asked for but not begun (it would read the database
        for a hidden page, or after a closed window's database was closed); all is counted
        again when the page is shown."""
        super().hideEvent(event)
        if self.is_counting() or self._timer.isActive():
            self._timer.stop()
            self._stop_counting()
            self._stale = True

    def is_counting(self) -> bool:
        """True while the figures are being counted (the cards show the placeholder or the
        last figures, marked as being counted again)."""
        return self._counting is not None or self._waiting

    def refresh(self) -> None:
        """Read the attention lists and count the chosen year's figures again.

        The lists are read at once; the figures are counted on a pool thread and shown
        when they arrive (``is_counting`` meanwhile). The count starts once the events
        already queued are done (the window's first paint at start-up): counting holds
        the interpreter in turns with the UI thread, and the statistics code is loaded
        by the count itself, on its thread.
        """
        self._timer.stop()
        self._stale = False
        try:
            self.attention.refresh()  # the lists at the right are counted with the figures
        except HueDeskError as exc:
            self.ctx.show_error(self, exc)
            return
        year = self.chosen_year
        self._stop_counting()
        self._generation += 1
        generation = self._generation
        if self.figures is None or self.figures.period.start.year != year:
            self._placeholder(year)
        else:
            self.as_of.setText(tr("dash_recounting"))
        self._waiting = True
        QTimer.singleShot(0, self, lambda: self._start_counting(generation, year))

    def _start_counting(self, generation: int, year: int) -> None:
        if not self._waiting or generation != self._generation:
            return  # stopped, or a newer count was asked for, before this one started
        self._waiting = False
        ws = self.ctx.ws
        self._counting = run_op(
            lambda progress: ws.stats.dashboard(year, stopper=progress.stopper),
            lambda figures: self._arrived(generation, figures),
            lambda exc: self._arrived(generation, exc),
        )

    def _stop_counting(self) -> None:
        self._waiting = False
        op, self._counting = self._counting, None
        if op is not None:
            op.abandon()  # its statement is interrupted; its answer is dropped

    def _arrived(self, generation: int, result: Figures | BaseException) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # the page is gone, or a newer count was asked for
        self._counting = None
        if isinstance(result, HueDeskError):
            self.as_of.setText(tr("dash_failed", error=result.message(self.ctx.lang)))
            self.ctx.show_error(self, result)
            return
        if isinstance(result, BaseException):
            raise result
        self.figures = result
        self._show(result)

    def _placeholder(self, year: int) -> None:
        """The page of ``year`` before its figures arrive: no number is shown that is not
        ``year``'s, and nothing opens records yet."""
        self.figures = None
        self.title.setText(tr("dash_title", year=year))
        self.as_of.setText(tr("dash_counting"))
        for card, (_area, _key, label) in zip(self.cards, CARDS, strict=True):
            card.clickable = False
            card.show_figure(tr(label), "…", "", tr("dash_counting"), "")
        for name, chart in self.charts.items():
            chart.set_data(ChartData(tr(CHART_TITLES[name]), [], [], empty=tr("dash_counting")))
        self._chart_rows = {}

    def _show(self, figures: Figures) -> None:
        lang = self.ctx.lang
        period = figures.period
        year = period.start.year
        before = figures.previous.start.year
        self.title.setText(tr("dash_title", year=year))
        self.as_of.setText(tr("dash_as_of", date=format_date(period.as_of, lang)))
        for card, (area_key, key, label) in zip(self.cards, CARDS, strict=True):
            if not figures.has(area_key):
                card.hide()
                continue
            area = figures.area(area_key)
            f = area.figure(key)
            card.clickable = bool(f.records)
            tip = tr("dash_counts_only") if area.restriction == "counts_only" else ""
            if card.clickable:
                tip = tr("dash_click")
            card.show_figure(
                tr(label),
                shown(f, f.value, lang),
                self._sub(area, key),
                against(f, before, lang),
                tip,
            )
            card.show()
        self._charts(figures)

    def _sub(self, area: Area, key: str) -> str:
        lang = self.ctx.lang
        if key == "new_capital":
            return tr("card_fdi_sub", n=group_digits(area.figure("new_projects").value, lang))
        if key == "disbursed":
            mobilised = area.figure("mobilised")
            return tr("card_aid_sub", amount=shown(mobilised, mobilised.value, lang))
        return ""

    def _charts(self, figures: Figures) -> None:
        lang = self.ctx.lang
        empty = tr("dash_no_data")

        def rows(name: str) -> Sequence[Row]:
            area, key = name.split(".")
            return figures.area(area).breakdown(key).rows

        visits = [
            r for r in rows("delegations.by_country") if r.figures[0].value or r.figures[1].value
        ]
        self.visits_chart.set_data(
            ChartData(
                tr(CHART_TITLES["delegations.by_country"]),
                [r.label.get(lang) for r in visits[:TOP]],
                [
                    ChartSeries(tr("series_in"), [r.figures[0].value for r in visits[:TOP]]),
                    ChartSeries(tr("series_out"), [r.figures[1].value for r in visits[:TOP]]),
                ],
                lambda v: _num(v, lang),
                empty,
            )
        )
        months = {r.key: r for r in rows("delegations.by_month")}
        keys = [f"{m:02d}" for m in range(1, 13)]
        self.months_chart.set_data(
            ChartData(
                tr(CHART_TITLES["delegations.by_month"]),
                [str(m) for m in range(1, 13)],
                [
                    ChartSeries(
                        tr("series_in"),
                        [months[k].figures[0].value if k in months else 0 for k in keys],
                    ),
                    ChartSeries(
                        tr("series_out"),
                        [months[k].figures[1].value if k in months else 0 for k in keys],
                    ),
                ],
                lambda v: _num(v, lang),
                empty,
            )
        )
        donors = [r for r in rows("aid.by_donor") if r.figures[0].value or r.figures[1].value][:6]
        self.aid_chart.set_data(
            ChartData(
                tr(CHART_TITLES["aid.by_donor"]),
                [r.label.get(lang) for r in donors],
                [
                    ChartSeries(tr("series_committed"), [r.figures[0].value / 1e9 for r in donors]),
                    ChartSeries(tr("series_disbursed"), [r.figures[1].value / 1e9 for r in donors]),
                ],
                lambda v: _num(v, lang, 2),
                empty,
            )
        )
        sectors = [r for r in rows("fdi.by_sector") if r.figure("new_capital").value][:TOP]
        self.fdi_chart.set_data(
            ChartData(
                tr(CHART_TITLES["fdi.by_sector"]),
                [r.label.get(lang) for r in sectors],
                [
                    ChartSeries(
                        tr("series_capital"),
                        [r.figure("new_capital").value / 1e8 for r in sectors],  # cents → USD m
                    )
                ],
                lambda v: _num(v, lang, 2),
                empty,
            )
        )
        self._chart_rows = {
            "delegations.by_country": visits[:TOP],
            "delegations.by_month": [months.get(k) for k in keys],
            "aid.by_donor": donors,
            "fdi.by_sector": sectors,
        }
        self._chart_measures = {
            "delegations.by_country": ["inbound", "outbound"],
            "delegations.by_month": ["inbound", "outbound"],
            "aid.by_donor": ["mobilised", "disbursed"],
            "fdi.by_sector": ["new_capital"],
        }

    # --- opening the records behind ------------------------------------------------------------
    def _open_card(self, area_key: str, key: str) -> None:
        self.open_figure(area_key, key)

    def open_figure(self, area_key: str, key: str) -> QWidget | None:
        if self.figures is None:
            return None
        f = self.figures.area(area_key).figure(key)
        return self._open_records(f, f.label.get(self.ctx.lang))

    def open_bar(self, chart: str, category: int, series: int) -> QWidget | None:
        rows = self._chart_rows.get(chart)  # none while the figures are being counted
        row = rows[category] if rows and 0 <= category < len(rows) else None
        if row is None:
            return None
        f = row.figure(self._chart_measures[chart][series])
        return self._open_records(
            f, f"{f.label.get(self.ctx.lang)} — {row.label.get(self.ctx.lang)}"
        )

    def _open_records(self, f: Figure, what: str) -> QWidget | None:
        if not f.records or self.figures is None:
            return None
        from huedesk.ui.figure_records import FigureRecordsWindow  # built on first use

        window = FigureRecordsWindow(
            self.ctx, f, what, self.figures.period.label(self.ctx.lang), self.opener, parent=self
        )
        self.windows = [w for w in self.windows if w.isVisible()] + [window]
        window.show()
        return window

    # --- the year's documents --------------------------------------------------------------------
    def open_review(self) -> QDialog:
        from huedesk.ui.review_dialog import ReviewDialog  # built on first use

        dialog = ReviewDialog(self.ctx, self.chosen_year, self)
        dialog.show()
        return dialog

    def open_regions(self) -> QDialog:
        from huedesk.ui.regions_dialog import RegionsDialog  # built on first use

        dialog = RegionsDialog(self.ctx, self)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.show()
        return dialog

    def export_sheet(self, path: Path | None = None) -> None:
        """Ask where (unless told), then write the year's spreadsheet in the background."""
        year = self.chosen_year
        if path is None:
            settings = QSettings()
            folder = str(settings.value("dashboard/sheet_folder", str(Path.home())))
            chosen, _f = QFileDialog.getSaveFileName(
                self,
                tr("figures_sheet_title", year=year),
                str(Path(folder) / f"so-lieu-{year}.xlsx"),
                tr("figures_sheet_filter"),
            )
            if not chosen:
                return
            path = Path(chosen)
            settings.setValue("dashboard/sheet_folder", str(path.parent))
        stats, lang, period = (
            self.ctx.ws.stats,
            self.ctx.lang,
            self.figures.period if self.figures else None,
        )

        def work(progress: Progress) -> Path:
            progress.report(0, 0, tr("figures_sheet_building"))
            if period is None:
                raise HueDeskError("Chưa có số liệu.", "No figures yet.")
            return stats.spreadsheet(period, path, lang, stopper=progress.stopper)

        run_op(
            work,
            self._sheet_done,
            self._sheet_failed,
            parent=self,
            title=tr("figures_sheet_building"),
        )

    def _sheet_done(self, path: Path) -> None:
        self.ctx.message.emit(tr("figures_sheet_done", path=path))

    def _sheet_failed(self, exc: BaseException) -> None:
        if isinstance(exc, HueDeskError):
            QMessageBox.warning(self, tr("error_title"), exc.message(self.ctx.lang))
            return
        raise exc

"""A list of one record kind with its filters (status, year, country, text) and counts.

The view (``FilterBar`` and the table) holds layout; ``ListPage`` turns filter
choices into a ``ListQuery`` and hands it to the table model, which asks the
database. Opening, creating and deleting go through the main window's
controller callbacks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from huedesk.money import group_digits
from huedesk.records.fields import FieldSpec
from huedesk.records.kinds import kind_spec
from huedesk.ui.context import AppContext
from huedesk.ui.i18n import tr
from huedesk.ui.table_model import ASYNC_ROWS, RecordTableModel
from huedesk.ui.views import record_table
from huedesk.workspace import ListQuery

SEARCH_DELAY_MS = 300
ROW_HEIGHT = 26

Opener = Callable[[str, int | None, dict[str, Any] | None], object]


def default_width(spec: FieldSpec, title_field: str) -> int:
    """A first column width that fits typical content (users may resize; widths are kept)."""
    if spec.name == title_field:
        return 330
    if spec.name == "ref":
        return 125
    if spec.is_money:
        return 190
    if spec.type.__name__ in ("date",):
        return 100
    if spec.type.__name__ == "datetime":
        return 130
    if spec.is_country:
        return 160
    if spec.references:
        return 240
    if spec.choices is not None:
        return 150
    if spec.type is bool:
        return 80
    if spec.type is int:
        return 110
    return 180


class FilterBar(QWidget):
    """Status, year, country and text filters (only those the kind has)."""

    def __init__(self, ctx: AppContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        spec = kind_spec(kind)
        lang = ctx.lang
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status: QComboBox | None = None
        self.year: QComboBox | None = None
        self.country: QComboBox | None = None
        status_spec = spec.fields.get("status")
        if status_spec is not None and status_spec.choices is not None:
            self.status = QComboBox()
            self.status.addItem(tr("all"), None)
            for m in status_spec.choices:
                self.status.addItem(m.label(lang), m.value)
            layout.addWidget(QLabel(tr("filter_status")))
            layout.addWidget(self.status)
        if spec.ref_date_field:
            years = ctx.ws.records.year_range(kind)
            self.year = QComboBox()
            self.year.addItem(tr("all"), None)
            if years:
                for y in range(years[1], years[0] - 1, -1):
                    self.year.addItem(str(y), y)
            layout.addWidget(QLabel(tr("filter_year")))
            layout.addWidget(self.year)
        if "country_code" in spec.fields:
            self.country = QComboBox()
            self.country.addItem(tr("all"), None)
            for code, name in ctx.ws.lookups.countries(lang):
                self.country.addItem(name, code)
            self.country.setMaximumWidth(220)
            layout.addWidget(QLabel(tr("filter_country")))
            layout.addWidget(self.country)
        layout.addWidget(QLabel(tr("filter_text")))
        self.text = QLineEdit()
        self.text.setPlaceholderText(tr("filter_text_hint"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(240)
        layout.addWidget(self.text, 1)
        self.clear_btn = QPushButton(tr("clear_filters"))
        layout.addWidget(self.clear_btn)
        self.clear_btn.clicked.connect(self.clear)

    def combos(self) -> list[QComboBox]:
        return [c for c in (self.status, self.year, self.country) if c is not None]

    def clear(self) -> None:
        for c in self.combos():
            c.setCurrentIndex(0)
        self.text.clear()

    def query_parts(self) -> tuple[dict[str, Any], int | None, str | None]:
        filters: dict[str, Any] = {}
        if self.status is not None and self.status.currentData() is not None:
            filters["status"] = self.status.currentData()
        if self.country is not None and self.country.currentData() is not None:
            filters["country_code"] = self.country.currentData()
        year = self.year.currentData() if self.year is not None else None
        text = self.text.text().strip() or None
        return filters, year, text


class ListPage(QWidget):
    """Filters, count and the table of one record kind (optionally a fixed subset)."""

    def __init__(
        self,
        ctx: AppContext,
        kind: str,
        opener: Opener,
        key: str,
        base_filters: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.key = key
        self.spec = kind_spec(kind)
        self.opener = opener
        self.base_filters = dict(base_filters or {})
        self.filters = FilterBar(ctx, kind, self)
        self.count = QLabel()
        self.count.setStyleSheet("color: #444;")
        columns = tuple(c for c in self.spec.list_columns if c not in self.base_filters)
        self.model = RecordTableModel(ctx.ws, kind, ctx.lang, columns=columns, parent=self)
        self.model.base_filters = dict(self.base_filters)
        self.table = record_table(self.model, self.open_selected, single=False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        # newest first by the kind's own date (start date, opening date …), sorted by SQLite
        newest = self.spec.ref_date_field if self.spec.ref_date_field in columns else None
        if newest:
            header.setSortIndicator(self.model.column_of(newest), Qt.SortOrder.DescendingOrder)
        else:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        # the column chooser: a right click on the header (kept with the widths, per list)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self.column_menu().popup(header.mapToGlobal(pos))
        )
        self.table.activated.connect(lambda _i: self.open_selected())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._status_line())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.filters.text.textChanged.connect(lambda _t: self._timer.start())
        for combo in self.filters.combos():
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self._reselect: int | None = None
        self.model.queried.connect(self._queried)
        self.model.loading.connect(self._loading)
        self.model.failed.connect(lambda exc: self.ctx.show_error(self, exc))
        # How many records the list holds decides whether it is queried in the background.
        # Not counted before the first rows (a count of 60,000 people is a scan of an
        # index): the first query reads a page at once and, when the page is full, the
        # rest in the background; its answer gives the count.
        self._base_total: int | None = None
        self.apply_filters()
        self.table.setSortingEnabled(True)  # after the first query: sorts only on a header click
        self._restore_columns()
        ctx.changed.connect(self._on_changed)

    def _status_line(self) -> QHBoxLayout:
        """The count, and while a long list is being read a busy bar with Cancel."""
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no steps to count: a query is one statement
        self.busy.setMaximumWidth(160)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy_label = QLabel(tr("list_loading"))
        self.cancel_btn = QPushButton(tr("cancel"))
        self.cancel_btn.clicked.connect(self.cancel_loading)
        row = QHBoxLayout()
        row.addWidget(self.count)
        row.addStretch(1)
        for w in (self.busy_label, self.busy, self.cancel_btn):
            row.addWidget(w)
            w.hide()
        return row

    # --- querying ------------------------------------------------------------------------
    def current_query(self) -> ListQuery:
        filters, year, text = self.filters.query_parts()
        header = self.table.horizontalHeader()
        section = header.sortIndicatorSection()
        columns = self.model.columns
        return ListQuery(
            filters={**self.base_filters, **filters},
            year=year,
            text=text,
            sort=columns[section].name if 0 <= section < len(columns) else None,
            descending=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
            limit=None,
        )

    def _count_all(self) -> int:
        return self.ctx.ws.records.list(
            self.kind, ListQuery(filters=self.base_filters, limit=0)
        ).total

    def apply_filters(self) -> None:
        self._timer.stop()
        query = self.current_query()
        known = self._base_total
        self.model.set_query(query, background=known is None or known >= ASYNC_ROWS)

    def _queried(self) -> None:
        """New ids are shown: count them, and select again what was selected."""
        query = self.model.query
        if query.filters == self.base_filters and query.year is None and not query.text:
            self._base_total = self.model.total
        elif self._base_total is None:  # filtered before the whole list was read
            self._base_total = self._count_all()
        self._show_count()
        if self._reselect is not None:
            row = self.model.row_of(self._reselect)
            self._reselect = None
            if row >= 0:
                self.table.selectRow(row)

    def _loading(self, busy: bool) -> None:
        for w in (self.busy_label, self.busy, self.cancel_btn):
            w.setVisible(busy)

    def cancel_loading(self) -> None:
        """Cancel: keep the list as it was, with its sort arrow where it was."""
        self.model.cancel_loading()
        query = self.model.query
        header = self.table.horizontalHeader()
        column = self.model.column_of(query.sort) if query.sort in self._columns() else -1
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        header.blockSignals(True)  # only the arrow: the model already holds that order
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    def _columns(self) -> set[str]:
        return {c.name for c in self.model.columns}

    def _show_count(self) -> None:
        lang = self.ctx.lang
        shown = group_digits(self.model.total, lang)
        base = self._base_total
        if base is None or self.model.total == base:
            self.count.setText(tr("count_one", total=shown))
        else:
            self.count.setText(tr("count", shown=shown, total=group_digits(base, lang)))

    def refresh(self) -> None:
        selected = self.selected_ids()
        self._reselect = selected[0] if selected else None
        self._base_total = self._count_all()
        self.apply_filters()

    def _on_changed(self, kind: str) -> None:
        if kind == self.kind or kind in {c.name for c in self.spec.children}:
            self.refresh()

    # --- selection and actions -------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        sel = self.table.selectionModel()
        return [self.model.record_id(i.row()) for i in sel.selectedRows()] if sel else []

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.opener(self.kind, ids[0], None)

    def new_record(self) -> None:
        self.opener(self.kind, None, dict(self.base_filters))

    def describe_row(self, record_id: int) -> str:
        row = self.model.row_dict(self.model.row_of(record_id))
        name = row.get("ref") or row.get(self.spec.title_field) or record_id
        return f"{self.spec.label(self.ctx.lang).lower()} {name}"

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.ctx.delete_record(self, self.kind, ids[0], self.describe_row(ids[0]))

    def focus_search(self) -> None:
        self.filters.text.setFocus()
        self.filters.text.selectAll()

    # --- the column chooser ---------------------------------------------------------------
    def column_menu(self) -> QMenu:
        """A menu of the list's columns, each ticked when shown; the last one cannot go."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        menu.setTitle(tr("columns_menu"))
        shown = [c for c in range(self.model.columnCount()) if not header.isSectionHidden(c)]
        for col, spec in enumerate(self.model.columns):
            action = menu.addAction(spec.label(self.ctx.lang))
            action.setCheckable(True)
            action.setChecked(col in shown)
            action.setEnabled(not (col in shown and len(shown) == 1))
            action.toggled.connect(lambda on, c=col: self.show_column(c, on))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return menu

    def show_column(self, column: int, shown: bool) -> None:
        """Show or hide one column (remembered with the list's widths)."""
        header = self.table.horizontalHeader()
        header.setSectionHidden(column, not shown)
        if shown and header.sectionSize(column) < 30:
            header.resizeSection(
                column, default_width(self.model.columns[column], self.spec.title_field)
            )

    # --- remembered column widths --------------------------------------------------------
    def _restore_columns(self) -> None:
        state = QSettings().value(f"columns/{self.key}")
        if isinstance(state, QByteArray) and self.table.horizontalHeader().restoreState(state):
            return
        head = self.table.horizontalHeader().fontMetrics()
        cells = self.table.fontMetrics()
        for col, spec in enumerate(self.model.columns):
            width = max(
                default_width(spec, self.spec.title_field),
                head.horizontalAdvance(spec.label(self.ctx.lang)) + 30,  # room for the sort arrow
            )
            if spec.choices is not None:  # the longest label, within reason
                longest = max(cells.horizontalAdvance(m.label(self.ctx.lang)) for m in spec.choices)
                width = max(width, min(longest + 16, 260))
            self.table.setColumnWidth(col, width)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(f"columns/{self.key}", self.table.horizontalHeader().saveState())

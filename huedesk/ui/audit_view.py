"""A read-only view of the audit log: newest first, loaded a page at a time, filterable.

``AuditTableModel`` asks the workspace's audit log (``ws.audit``: only the
entries the user may read) for pages of plain ``AuditRow`` objects as the view scrolls (``canFetchMore``/``fetchMore``),
so a log of a million entries opens as fast as one of ten. Nothing here can
change an entry: the model has no ``setData`` and the view no edit triggers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from huedesk.formatting import format_datetime
from huedesk.workspace import AuditRow, Workspace

COL_TIME, COL_ACTOR, COL_ACTION, COL_KIND, COL_REF, COL_CHANGES = range(6)
_HEADERS = {
    COL_TIME: ("Thời gian", "Time"),
    COL_ACTOR: ("Người thực hiện", "User"),
    COL_ACTION: ("Thao tác", "Action"),
    COL_KIND: ("Loại hồ sơ", "Record"),
    COL_REF: ("Số hiệu", "Reference"),
    COL_CHANGES: ("Thay đổi", "Changes"),
}
PAGE = 200

_Index = QModelIndex | QPersistentModelIndex


class AuditTableModel(QAbstractTableModel):
    """Audit entries as table rows, fetched in pages of ``PAGE`` as the view needs them.

    ``_rows`` holds the entries loaded so far, ``_total`` how many match the
    filter, ``_record_ref`` the current filter (``None``: every entry),
    ``_resetting`` is true while a reload is announced to views.
    """

    def __init__(self, ws: Workspace, lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._log = ws.audit
        self._lang = lang
        self._record_ref: str | None = None
        self._rows: list[AuditRow] = []
        self._total = 0
        self._resetting = False
        self.reload()

    # Loading -----------------------------------------------------------------
    def set_record_filter(self, record_ref: str | None) -> None:
        """Show only entries of one record (reference or UUID); empty shows all."""
        self._record_ref = (record_ref or "").strip() or None
        self.reload()

    def reload(self) -> None:
        """Drop what was loaded and load the first page again (after new changes)."""
        # Views ask for more rows while they handle the reset; answering would insert
        # rows in the middle of it (and load every page at once), so they wait.
        self._resetting = True
        try:
            self.beginResetModel()
            self._total = self._log.count(self._record_ref)
            self._rows = self._log.page(self._record_ref, limit=PAGE)
            self.endResetModel()
        finally:
            self._resetting = False

    @property
    def total(self) -> int:
        return self._total

    @property
    def record_filter(self) -> str | None:
        return self._record_ref

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._resetting and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._resetting:
            return
        more = self._log.page(self._record_ref, offset=len(self._rows), limit=PAGE)
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def entry(self, row: int) -> AuditRow:
        return self._rows[row]

    # Qt model ----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            vi, en = _HEADERS.get(section, ("", ""))
            return en if self._lang == "en" else vi
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_CHANGES:
            return entry.describe(self._lang).replace("; ", "\n")
        return None

    def _text(self, entry: AuditRow, col: int) -> str | None:
        lang = self._lang
        if col == COL_TIME:
            return format_datetime(entry.at.astimezone(), lang)
        if col == COL_ACTOR:
            return entry.actor
        if col == COL_ACTION:
            return entry.action.label(lang)
        if col == COL_KIND:
            return entry.kind_label(lang)
        if col == COL_REF:
            return entry.record_ref or ""
        if col == COL_CHANGES:
            return entry.describe(lang)
        return None


class AuditView(QWidget):
    """The audit log screen: a record filter above a read-only table, with a count."""

    def __init__(self, ws: Workspace, lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.model = AuditTableModel(ws, lang, self)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("audit_filter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(
            "Lọc theo số hiệu hồ sơ (vd. ĐV-2025-0012)"
            if lang != "en"
            else "Filter by record reference (e.g. ĐV-2025-0012)"
        )
        self.filter_edit.returnPressed.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(self._cleared)

        self.count_label = QLabel()
        self.count_label.setObjectName("audit_count")

        self.table = QTableView()
        self.table.setObjectName("audit_table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((COL_TIME, 130), (COL_ACTOR, 110), (COL_ACTION, 70), (COL_KIND, 150)):
            self.table.setColumnWidth(col, width)
        self.table.setColumnWidth(COL_REF, 110)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self._update_count()

    def show_record(self, record_ref: str) -> None:
        """Open the view on one record's history (from a record's context menu)."""
        self.filter_edit.setText(record_ref)
        self._apply_filter()

    def refresh(self) -> None:
        """Reload after changes elsewhere (the main window calls this when records change)."""
        self.model.reload()

    def _apply_filter(self) -> None:
        self.model.set_record_filter(self.filter_edit.text())

    def _cleared(self, text: str) -> None:
        if not text and self.model.record_filter is not None:
            self.model.set_record_filter(None)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count_label.setText(
            f"{shown}/{total} mục" if self._lang != "en" else f"{shown}/{total} entries"
        )

"""Choosing another record (a partner, a person, a donor) by typing part of its name.

The picker is the record list itself in a small dialog: the same table model,
so it searches the database as you type and opens at once on any number of
records.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from huedesk.money import group_digits
from huedesk.records.kinds import kind_spec
from huedesk.ui import geometry
from huedesk.ui.i18n import tr
from huedesk.ui.table_model import RecordTableModel
from huedesk.ui.views import ok_cancel, record_table
from huedesk.workspace import ListQuery, Workspace

SEARCH_DELAY_MS = 250


class RecordPicker(QDialog):
    """A searchable list of one kind; ``chosen()`` gives (id, name) after OK."""

    def __init__(self, parent: QWidget | None, ws: Workspace, kind: str, lang: str) -> None:
        super().__init__(parent)
        spec = kind_spec(kind)
        self.setWindowTitle(tr("pick_title", kind=spec.label(lang).lower()))
        geometry.fit(self, 760, 480)
        self.model = RecordTableModel(ws, kind, lang, parent=self)
        self.model.set_query(ListQuery())
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("filter_text_hint"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.table = record_table(self.model, self.accept)
        for col, f in enumerate(self.model.columns):
            if f.name == spec.title_field:
                self.table.setColumnWidth(col, 300)
        ok_cancel(self, self.search, self.table, self.count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self._title_field = spec.title_field
        self._show_count()
        self.search.setFocus()

    def apply_search(self) -> None:
        text = self.search.text().strip() or None
        self.model.set_query(ListQuery(text=text))
        if self.model.total:
            self.table.selectRow(0)
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(tr("count_one", total=group_digits(self.model.total, self.model.lang)))

    def chosen(self) -> tuple[int, str] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.model.row_dict(rows[0].row())
        label = row.get(f"{self._title_field}__label") or row.get(self._title_field)
        return int(row["id"]), str(label)


def pick_record(
    parent: QWidget | None, ws: Workspace, kind: str, lang: str
) -> tuple[int, str] | None:
    """Ask the user to choose one record of ``kind``; ``None`` if they cancel."""
    dialog = RecordPicker(parent, ws, kind, lang)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.chosen()
        return None
    finally:
        dialog.deleteLater()

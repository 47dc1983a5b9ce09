"""Child rows of a record (members, programme, gifts, case people, actions, transactions).

Lines are added, edited and removed in the record's window and written together
with the record when it is saved (``ChildTable.edits`` goes into
``ws.records.save``, one unit of work), so a new delegation can be entered with
its members and programme in one go and nothing is half saved. Each line is
checked by the services as soon as it is entered (``ws.records.check``, a dry
run of the same validation) so problems show next to the field at once.

Attributes (``ChildTable``):
    _items: the lines shown: stored row id (None for new), the form input, the
        input it started with, and a display row (typed values and labels).
    _removed: ids of stored lines to delete on save.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QWidget,
)

from huedesk.errors import HueDeskError, ValidationError
from huedesk.records.display import display_value
from huedesk.records.kinds import kind_spec
from huedesk.ui import geometry
from huedesk.ui.edit_text import is_numeric
from huedesk.ui.form import RecordForm
from huedesk.ui.i18n import tr
from huedesk.ui.views import ok_cancel, record_table, table_with_buttons
from huedesk.workspace import ChildEdits, Workspace

Index = QModelIndex | QPersistentModelIndex


@dataclass
class ChildItem:
    """One line of a child table."""

    record_id: int | None
    values: dict[str, Any]
    initial: dict[str, Any]
    display: dict[str, Any] = field(default_factory=dict)

    @property
    def changes(self) -> dict[str, Any]:
        return {k: v for k, v in self.values.items() if v != self.initial.get(k)}


class ChildModel(QAbstractTableModel):
    """The lines of a child table, formatted like the record lists."""

    def __init__(self, kind: str, lang: str, items: list[ChildItem]) -> None:
        super().__init__()
        self.spec = kind_spec(kind)
        self.lang = lang
        self.items = items
        self.columns = [self.spec.fields[n] for n in self.spec.list_columns]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        spec = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_value(spec, self.items[index.row()].display, self.lang)
        if role == Qt.ItemDataRole.TextAlignmentRole and is_numeric(spec):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].label(self.lang)
        return None

    def reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()


class ChildDialog(QDialog):
    """The form of one child line; OK only once the services accept its values."""

    def __init__(
        self, parent: QWidget, ws: Workspace, kind: str, lang: str, item: ChildItem | None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.spec = kind_spec(kind)
        assert self.spec.parent is not None
        self.fk = self.spec.parent[1]
        self.item = item
        self.setWindowTitle(self.spec.label(lang))
        self.form = RecordForm(ws, kind, lang, hidden=(self.fk,), parent=self)
        if item is not None:
            self.form.load(item.display)
        # a long line (a transaction with notes) scrolls instead of losing its last fields
        ok_cancel(self, geometry.scrolling(self.form))
        geometry.fit(self, 780, self.form.sizeHint().height() + 80)
        self.form.focus_first()  # the cursor starts in the line's first field
        self.cleaned: dict[str, Any] = {}

    def accept(self) -> None:
        values = self.form.values()
        existing = dict(self.item.display) if self.item and self.item.record_id else {}
        existing.setdefault(self.fk, 0)  # the parent may not be saved yet
        try:
            self.cleaned = self.ws.records.check(self.spec.name, values, existing)
        except ValidationError as exc:
            self.form.show_problems(exc.problems)
            return
        except HueDeskError as exc:  # not allowed: say so at once, not at the save
            QMessageBox.warning(self, self.windowTitle(), exc.message(self.form.lang))
            return
        super().accept()


class ChildTable(QWidget):
    """A child kind's lines inside a record window, with Add / Edit / Remove."""

    def __init__(self, ws: Workspace, kind: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.kind = kind
        self.lang = lang
        self.spec = kind_spec(kind)
        assert self.spec.parent is not None
        self.fk = self.spec.parent[1]
        self._items: list[ChildItem] = []
        self._removed: list[int] = []
        self.model = ChildModel(kind, lang, self._items)
        self.table = record_table(self.model, self.edit_selected)
        self.add_btn, self.edit_btn, self.remove_btn = table_with_buttons(
            self,
            self.table,
            [
                (tr("add"), self.add),
                (tr("edit"), self.edit_selected),
                (tr("remove"), self.remove_selected),
            ],
        )
        self._on_change = lambda: None

    def on_change(self, fn: Any) -> None:
        self._on_change = fn

    def set_read_only(self) -> None:
        """Lines can be looked at, not added, changed or removed (a viewer's window)."""
        for button in (self.add_btn, self.remove_btn):
            button.setEnabled(False)
        self.edit_btn.setText(tr("open"))

    # --- loading and state ---------------------------------------------------------------
    def load(self, rows: list[dict[str, Any]]) -> None:
        """Show the stored lines (rows from ``ws.records.children``, with reference labels)."""
        form = RecordForm(self.ws, self.kind, self.lang, hidden=(self.fk,), country_list=[])
        self._items.clear()
        self._removed.clear()
        for row in rows:
            form.load(row)
            values = form.values()
            self._items.append(ChildItem(row["id"], values, dict(values), dict(row)))
        form.deleteLater()
        self.model.reset()
        self._fit_columns()

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            self.table.setColumnWidth(col, min(max(self.table.columnWidth(col) + 16, 90), 320))

    def is_dirty(self) -> bool:
        return bool(self._removed) or any(
            item.record_id is None or item.changes for item in self._items
        )

    @property
    def items(self) -> list[ChildItem]:
        return list(self._items)

    # --- user actions -----------------------------------------------------------------
    def _selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def add(self) -> ChildDialog | None:
        dialog = ChildDialog(self, self.ws, self.kind, self.lang, None)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.add_values(dialog.form.values(), dialog.cleaned, dialog.form.display_labels())
        return dialog

    def add_values(
        self, values: dict[str, Any], cleaned: dict[str, Any], labels: dict[str, Any]
    ) -> None:
        """Stage a new line (already checked by the services)."""
        self._items.append(ChildItem(None, values, {}, {**cleaned, **labels}))
        self.model.reset()
        self._fit_columns()
        self._on_change()

    def edit_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        item = self._items[row]
        dialog = ChildDialog(self, self.ws, self.kind, self.lang, item)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        item.values = dialog.form.values()
        item.display = {**item.display, **dialog.cleaned, **dialog.form.display_labels()}
        self.model.reset()
        self._on_change()

    def remove_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            tr("delete_title"),
            tr("delete_child_text", what=self.spec.label(self.lang).lower()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        item = self._items.pop(row)
        if item.record_id is not None:
            self._removed.append(item.record_id)
        self.model.reset()
        self._on_change()

    # --- saving -----------------------------------------------------------------------
    def edits(self) -> ChildEdits:
        """The staged lines, for the record's save (one unit of work in the services)."""
        return ChildEdits(
            self.kind,
            created=tuple(item.values for item in self._items if item.record_id is None),
            updated={
                item.record_id: item.changes
                for item in self._items
                if item.record_id is not None and item.changes
            },
            deleted=tuple(self._removed),
        )

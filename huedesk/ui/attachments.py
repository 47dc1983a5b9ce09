"""The attachments tab of a record window: list, add a file, open it, remove it.

Storing and removing files is the workspace's job (``ws.attachments``); this tab
lists the record's attachment rows with the generic table model and calls that
capability. Attachments are written at once, not with the record's Save: the
file copy and its row belong together.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QWidget,
)

from huedesk.errors import HueDeskError
from huedesk.ui.i18n import tr
from huedesk.ui.open_file import open_file
from huedesk.ui.table_model import RecordTableModel
from huedesk.ui.views import record_table, table_with_buttons
from huedesk.workspace import ListQuery, Workspace


class AttachmentsPanel(QWidget):
    """The attachments tab of a record window."""

    def __init__(self, ws: Workspace, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.lang = lang
        self.owner: tuple[str, int, str] | None = None  # kind, id, uuid
        self.model = RecordTableModel(ws, "attachment", lang, parent=self)
        self.table = record_table(self.model, self.open_selected)
        self.table.setColumnWidth(0, 260)
        self.add_btn, self.open_btn, self.remove_btn = table_with_buttons(
            self,
            self.table,
            [
                (tr("add"), self.add),
                (tr("open_file"), self.open_selected),
                (tr("remove"), self.remove_selected),
            ],
        )
        self._writable = ws.principal.can_write
        self.set_owner(None)

    def set_owner(self, owner: tuple[str, int, str] | None) -> None:
        """Show the attachments of (kind, id, uuid); ``None`` while the record is not saved."""
        self.owner = owner
        self.open_btn.setEnabled(owner is not None)
        for b in (self.add_btn, self.remove_btn):
            b.setEnabled(owner is not None and self._writable)
        uuid = owner[2] if owner else ""
        self.model.set_query(ListQuery(filters={"owner_uuid": uuid}))

    def add_path(self, path: Path) -> None:
        assert self.owner is not None
        self.ws.attachments.add(self.owner[0], self.owner[1], path)
        self.model.refresh()

    def add(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, tr("add"))
        try:
            for name in names:
                self.add_path(Path(name))
        except HueDeskError as exc:
            QMessageBox.warning(self, tr("error_title"), exc.message(self.lang))

    def _selected_row(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_dict(rows[0].row()) if rows else None

    def open_selected(self) -> None:
        row = self._selected_row()
        if row is not None:
            path = self.ws.attachments.path(int(row["id"]))
            open_file(self, path)

    def remove_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        answer = QMessageBox.question(
            self, tr("delete_title"), tr("delete_child_text", what=row["filename"])
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ws.attachments.remove(int(row["id"]))
            self.model.refresh()

"""The attachments tab of a record window: list, add a file, open it, remove it.

Storing and removing files is ``huedesk.attachments``' job; this tab lists the
record's attachment rows with the generic table model and calls that service.
Attachments are written at once, not with the record's Save: the file copy and
its row belong together.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from huedesk import attachments
from huedesk.db.engine import Database
from huedesk.records import ListQuery
from huedesk.ui.i18n import tr
from huedesk.ui.table_model import RecordTableModel


class AttachmentsPanel(QWidget):
    """The attachments tab of a record window."""

    def __init__(self, db: Database, actor: str, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.owner: tuple[str, int, str] | None = None  # kind, id, uuid
        self.model = RecordTableModel(db, "attachment", lang, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.add_btn = QPushButton(tr("add"))
        self.open_btn = QPushButton(tr("open_file"))
        self.remove_btn = QPushButton(tr("remove"))
        self.add_btn.clicked.connect(self.add)
        self.open_btn.clicked.connect(self.open_selected)
        self.remove_btn.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for b in (self.add_btn, self.open_btn, self.remove_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.set_owner(None)

    def set_owner(self, owner: tuple[str, int, str] | None) -> None:
        """Show the attachments of (kind, id, uuid); ``None`` while the record is not saved."""
        self.owner = owner
        for b in (self.add_btn, self.open_btn, self.remove_btn):
            b.setEnabled(owner is not None)
        uuid = owner[2] if owner else ""
        self.model.set_query(ListQuery(filters={"owner_uuid": uuid}))

    def add_path(self, path: Path) -> None:
        assert self.owner is not None
        attachments.attach(self.db, self.actor, self.owner[0], self.owner[1], path)
        self.model.refresh()

    def add(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, tr("add"))
        for name in names:
            self.add_path(Path(name))

    def _selected_row(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_dict(rows[0].row()) if rows else None

    def open_selected(self) -> None:
        row = self._selected_row()
        if row is not None:
            path = attachments.file_path(self.db, row)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        answer = QMessageBox.question(
            self, tr("delete_title"), tr("delete_child_text", what=row["filename"])
        )
        if answer == QMessageBox.StandardButton.Yes:
            attachments.detach(self.db, self.actor, int(row["id"]))
            self.model.refresh()

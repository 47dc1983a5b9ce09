"""The attachments of a record: list, add a file, open it, remove it.

A file is copied into the database's attachments folder under its SHA-256
(so the same scan attached twice is stored once and ``huedesk check`` can prove
it unchanged) and recorded as an ``attachment`` row owned by the record's uuid.
Attachments are written at once, not with the record's Save: the file copy and
its row belong together.
"""

from __future__ import annotations

import hashlib
import mimetypes
import shutil
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

from huedesk.db.engine import Database
from huedesk.paths import attachments_dir
from huedesk.records import ListQuery, RecordService
from huedesk.ui.i18n import tr
from huedesk.ui.table_model import RecordTableModel


def attach_file(
    svc: RecordService, owner_kind: str, owner_uuid: str, source: Path
) -> dict[str, Any]:
    """Copy ``source`` into the attachments folder and record it for the owner."""
    digest = hashlib.sha256()
    with source.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    stored_name = f"{sha[:2]}/{sha}{source.suffix.lower()}"
    target = attachments_dir(svc.db.path) / stored_name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".part")
        shutil.copyfile(source, tmp)
        tmp.replace(target)
    return svc.create(
        "attachment",
        {
            "owner_kind": owner_kind,
            "owner_uuid": owner_uuid,
            "filename": source.name,
            "stored_name": stored_name,
            "media_type": mimetypes.guess_type(source.name)[0],
            "size": source.stat().st_size,
            "sha256": sha,
        },
    )


class AttachmentsPanel(QWidget):
    """The attachments tab of a record window."""

    def __init__(self, svc: RecordService, db: Database, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.svc = svc
        self.db = db
        self.owner: tuple[str, str] | None = None
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

    def set_owner(self, owner: tuple[str, str] | None) -> None:
        """Show the attachments of (kind, uuid); ``None`` while the record is not saved."""
        self.owner = owner
        for b in (self.add_btn, self.open_btn, self.remove_btn):
            b.setEnabled(owner is not None)
        uuid = owner[1] if owner else ""
        self.model.set_query(ListQuery(filters={"owner_uuid": uuid}))

    def add_path(self, path: Path) -> None:
        assert self.owner is not None
        attach_file(self.svc, self.owner[0], self.owner[1], path)
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
            path = attachments_dir(self.db.path) / row["stored_name"]
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        answer = QMessageBox.question(
            self, tr("delete_title"), tr("delete_child_text", what=row["filename"])
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.svc.delete("attachment", int(row["id"]))
            self.model.refresh()

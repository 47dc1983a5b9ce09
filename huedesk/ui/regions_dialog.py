"""Regions of partner localities: name them and tick their localities.

The figures are split by these groups ("the southern Lao provinces"); the
workspace keeps them (``ws.stats.regions``) and audits each change. Roles that
may not write see them without the buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from huedesk.errors import HueDeskError
from huedesk.text import fold, sort_key
from huedesk.ui.context import AppContext
from huedesk.ui.i18n import tr
from huedesk.workspace import ListQuery

LOCALITY = "partner_locality"


class RegionsDialog(QDialog):
    """The list of regions at the left; the chosen one's names and localities at the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("regions_title"))
        self.regions = QListWidget()
        self.regions.currentRowChanged.connect(lambda _r: self._show_current())
        self.name = QLineEdit()
        self.name_en = QLineEdit()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("regions_filter"))
        self.filter.textChanged.connect(self._filter)
        self.members = QListWidget()
        rows = ctx.ws.records.list(
            "organisation", ListQuery(filters={"org_type": LOCALITY}, limit=None)
        ).rows
        for row in sorted(rows, key=lambda r: sort_key(str(r["name"]))):
            item = QListWidgetItem(f"{row['name']} ({row['ref']})")
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.members.addItem(item)
        self.new_btn = QPushButton(tr("regions_new"))
        self.new_btn.clicked.connect(self.new_region)
        self.delete_btn = QPushButton(tr("regions_delete"))
        self.delete_btn.clicked.connect(lambda: self.delete_region())
        self.save_btn = QPushButton(tr("save").replace("&", ""))
        self.save_btn.clicked.connect(lambda: self.save())
        for b in (self.new_btn, self.delete_btn, self.save_btn):
            b.setEnabled(ctx.can_write)
        for w in (self.name, self.name_en):
            w.setReadOnly(not ctx.can_write)
        hint = QLabel(tr("regions_hint"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form = QFormLayout()
        form.addRow(tr("regions_name"), self.name)
        form.addRow(tr("regions_name_en"), self.name_en)
        form.addRow(tr("regions_members"), self.filter)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.members, 1)
        left = QVBoxLayout()
        left.addWidget(self.regions, 1)
        left.addWidget(self.new_btn)
        left.addWidget(self.delete_btn)
        panes = QHBoxLayout()
        panes.addLayout(left, 1)
        panes.addLayout(right, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_btn, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(panes, 1)
        layout.addWidget(buttons)
        self.resize(820, 520)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.known = self.ctx.ws.stats.regions.list()
        self.regions.blockSignals(True)
        self.regions.clear()
        for region in self.known:
            item = QListWidgetItem(f"{region.label(self.ctx.lang)} ({len(region.members)})")
            item.setData(Qt.ItemDataRole.UserRole, region.id)
            self.regions.addItem(item)
        self.regions.blockSignals(False)
        ids = [r.id for r in self.known]
        self.regions.setCurrentRow(ids.index(select) if select in ids else (0 if ids else -1))
        self._show_current()

    def current_id(self) -> int | None:
        item = self.regions.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _show_current(self) -> None:
        region = next((r for r in self.known if r.id == self.current_id()), None)
        self.name.setText(region.name if region else "")
        self.name_en.setText((region.name_en or "") if region else "")
        chosen = {m.id for m in region.members} if region else set()
        for i in range(self.members.count()):
            item = self.members.item(i)
            ticked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.delete_btn.setEnabled(self.ctx.can_write and region is not None)

    def _filter(self, text: str) -> None:
        key = fold(text.strip())
        for i in range(self.members.count()):
            item = self.members.item(i)
            item.setHidden(bool(key) and key not in fold(item.text()))

    def ticked(self) -> list[int]:
        return [
            int(self.members.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.members.count())
            if self.members.item(i).checkState() == Qt.CheckState.Checked
        ]

    def new_region(self) -> None:
        self.regions.setCurrentRow(-1)
        self.name.setText(tr("regions_unnamed"))
        self.name_en.clear()
        for i in range(self.members.count()):
            self.members.item(i).setCheckState(Qt.CheckState.Unchecked)
        self.name.setFocus()
        self.name.selectAll()

    def save(self) -> bool:
        try:
            saved = self.ctx.ws.stats.regions.save(
                self.name.text(),
                self.ticked(),
                name_en=self.name_en.text() or None,
                region_id=self.current_id(),
            )
        except HueDeskError as exc:
            self.ctx.show_error(self, exc)
            return False
        self.reload(select=saved)
        return True

    def delete_region(self, confirm: bool = True) -> bool:
        region_id = self.current_id()
        if region_id is None:
            return False
        if confirm:
            answer = QMessageBox.question(
                self, tr("regions_delete"), tr("regions_confirm_delete", name=self.name.text())
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            self.ctx.ws.stats.regions.delete(region_id)
        except HueDeskError as exc:
            self.ctx.show_error(self, exc)
            return False
        self.reload()
        return True

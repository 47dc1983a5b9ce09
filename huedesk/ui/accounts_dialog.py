"""File → Accounts…: the administrator's list of accounts, with add, role, password, disable.

Everything goes through the workspace's ``accounts`` (``huedesk.accounts``), the
same calls as ``huedesk user …`` at a terminal, so the rules are the CLI's: only
administrators list or change accounts (anyone else is refused by the service,
and the window does not offer the menu entry), the last active administrator
keeps that role and cannot be disabled, passwords have a minimum length, names
are checked. Refusals are shown in one line inside the dialog; the list is read
again after each change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from huedesk.errors import HueDeskError
from huedesk.formatting import format_datetime
from huedesk.ui import geometry
from huedesk.ui.i18n import tr
from huedesk.workspace import AccountInfo, Role, Workspace

COL_NAME, COL_DISPLAY, COL_ROLE, COL_ACTIVE, COL_LOGIN = range(5)
_ERROR_STYLE = "color: #b00000;"


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(_ERROR_STYLE)
    label.hide()
    return label


def _roles(lang: str, current: Role | None = None) -> QComboBox:
    box = QComboBox()
    for role in Role:
        box.addItem(role.label(lang), role.value)
    if current is not None:
        box.setCurrentIndex(box.findData(current.value))
    return box


class AccountsDialog(QDialog):
    """The accounts of the open database (administrators; the service refuses others)."""

    def __init__(self, ws: Workspace, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.lang = lang
        self.accounts: list[AccountInfo] = ws.accounts.list()  # refused unless administrator
        self.setWindowTitle(tr("acc_title"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [tr(k) for k in ("acc_name", "acc_display", "acc_role", "acc_state", "acc_login")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in (COL_NAME, COL_ROLE, COL_ACTIVE, COL_LOGIN):  # as wide as header and cells
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DISPLAY, QHeaderView.ResizeMode.Stretch)
        self.add_btn = QPushButton(tr("acc_add"))
        self.role_btn = QPushButton(tr("acc_change_role"))
        self.password_btn = QPushButton(tr("acc_reset_password"))
        self.active_btn = QPushButton(tr("acc_disable"))
        self.add_btn.clicked.connect(self.add_account)
        self.role_btn.clicked.connect(self.change_role)
        self.password_btn.clicked.connect(self.reset_password)
        self.active_btn.clicked.connect(self.toggle_active)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.change_role())
        self.error = _error_label()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        side = QVBoxLayout()
        for b in (self.add_btn, self.role_btn, self.password_btn, self.active_btn):
            side.addWidget(b)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(side)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        intro = QLabel(tr("acc_intro"))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        layout.addWidget(close)
        self._fill()
        geometry.fit(self, 900, 520)

    # --- the list ---------------------------------------------------------------------------
    def _fill(self, select: str | None = None) -> None:
        self.table.setRowCount(len(self.accounts))
        for r, acc in enumerate(self.accounts):
            texts = (
                acc.name,
                acc.display_name or "",
                acc.role.label(self.lang),
                tr("acc_active") if acc.active else tr("acc_disabled"),
                format_datetime(acc.last_login_at, self.lang) if acc.last_login_at else "",
            )
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if not acc.active:
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(r, c, item)
            if acc.name == select:
                self.table.selectRow(r)
        self._selection_changed()

    def selected(self) -> AccountInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        acc = self.selected()
        for b in (self.role_btn, self.password_btn, self.active_btn):
            b.setEnabled(acc is not None)
        self.active_btn.setText(tr("acc_enable" if acc and not acc.active else "acc_disable"))

    def _show(self, error: str = "", note: str = "") -> None:
        self.error.setText(error)
        self.error.setVisible(bool(error))
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def _reload(self, select: str | None, note: str = "") -> bool:
        """Read the list again after a change (refused if this user is no longer an
        administrator: the change may have been their own role)."""
        try:
            self.accounts = self.ws.accounts.list()
        except HueDeskError as exc:
            self._show(error=exc.message(self.lang))
            return False
        self._fill(select)
        self._show(note=note)
        return True

    # --- actions ----------------------------------------------------------------------------
    def add_account(self) -> AccountForm:
        form = AccountForm(self.lang, self, new=True)
        form.submit = lambda v: self.ws.accounts.add(
            v["name"], v["password"], v["role"], v["display_name"] or None
        )
        form.accepted.connect(lambda: self._reload(form.values()["name"]))
        form.open()
        return form

    def change_role(self) -> AccountForm | None:
        acc = self.selected()
        if acc is None:
            return None
        form = AccountForm(self.lang, self, account=acc, fields=("role",))
        form.submit = lambda v: self.ws.accounts.set_role(acc.name, v["role"])
        form.accepted.connect(lambda: self._reload(acc.name))
        form.open()
        return form

    def reset_password(self) -> AccountForm | None:
        acc = self.selected()
        if acc is None:
            return None
        form = AccountForm(self.lang, self, account=acc, fields=("password",))
        form.submit = lambda v: self.ws.accounts.set_password(acc.name, v["password"])
        form.accepted.connect(
            lambda: self._reload(acc.name, tr("acc_password_done", name=acc.name))
        )
        form.open()
        return form

    def toggle_active(self) -> bool:
        """Disable the selected account (asking first) or enable it again."""
        acc = self.selected()
        if acc is None:
            return False
        if acc.active:
            answer = QMessageBox.question(
                self,
                tr("acc_title"),
                tr("acc_disable_ask", name=acc.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            self.ws.accounts.set_active(acc.name, not acc.active)
        except HueDeskError as exc:
            self._show(error=exc.message(self.lang))
            return False
        return self._reload(acc.name)


class AccountForm(QDialog):
    """One account's fields (all for a new one; the role or a new password otherwise).

    ``submit(values)`` makes the change through the service; a refusal stays in the
    form, under its fields, and the form stays open.
    """

    def __init__(
        self,
        lang: str,
        parent: QWidget | None = None,
        *,
        new: bool = False,
        account: AccountInfo | None = None,
        fields: tuple[str, ...] = ("name", "display_name", "role", "password"),
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.submit: Callable[[dict[str, Any]], object] = lambda _v: None
        self.setWindowTitle(
            tr("acc_add_title")
            if new
            else tr("acc_edit_title", name=account.name if account else "")
        )
        self.name_edit = QLineEdit()
        self.display_edit = QLineEdit()
        self.role_box = _roles(lang, account.role if account else Role.OFFICER)
        self.password_edit = QLineEdit()
        self.repeat_edit = QLineEdit()
        for e in (self.password_edit, self.repeat_edit):
            e.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields = fields
        form = QFormLayout()
        if "name" in fields:
            form.addRow(tr("acc_name") + ":", self.name_edit)
        if "display_name" in fields:
            form.addRow(tr("acc_display") + ":", self.display_edit)
        if "role" in fields:
            form.addRow(tr("acc_role") + ":", self.role_box)
        if "password" in fields:
            form.addRow(tr("acc_password") + ":", self.password_edit)
            form.addRow(tr("acc_repeat") + ":", self.repeat_edit)
        self.error = _error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        geometry.fit(self, 460, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name_edit.text().strip(),
            "display_name": self.display_edit.text().strip(),
            "role": str(self.role_box.currentData()),
            "password": self.password_edit.text(),
        }

    def try_accept(self) -> None:
        values = self.values()
        if "password" in self.fields and values["password"] != self.repeat_edit.text():
            self._refuse(tr("acc_repeat_differs"))
            return
        try:
            self.submit(values)
        except HueDeskError as exc:
            self._refuse(exc.message(self.lang))
            return
        self.accept()

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.repeat_edit.clear()

"""The sign-in dialog, which on first run creates the administrator account instead.

Standalone: the application opens it on the ``Door`` before anything else and
takes ``dialog.workspace`` (the signed-in user's ``Workspace``) for every screen.
Checking a password takes about 0.1 s (argon2id), short enough to stay on the
GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from huedesk.errors import HueDeskError
from huedesk.ui.i18n import CATALOGUE
from huedesk.workspace import Door, Workspace


class LoginDialog(QDialog):
    """Asks for name and password; ``workspace`` is the signed-in user's after ``accept``.

    ``_first_run`` is true when the database has no account yet: the form then
    also asks for a full name and the password twice, and creates an administrator.
    """

    def __init__(
        self,
        door: Door,
        lang: str = "vi",
        parent: QWidget | None = None,
        *,
        user_name: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._door = door
        self._lang = lang
        self._first_run = door.first_run
        self.workspace: Workspace | None = None

        self.setWindowTitle(self._t("title_first" if self._first_run else "title_login"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        if self._first_run:
            intro = QLabel(self._t("intro_first"))
            intro.setWordWrap(True)
            layout.addWidget(intro)

        form = QFormLayout()
        self.name_edit = self._line("name_edit")
        form.addRow(self._t("name"), self.name_edit)
        self.display_edit = self._line("display_edit")
        if self._first_run:
            form.addRow(self._t("display"), self.display_edit)
        self.password_edit = self._line("password_edit", secret=True)
        form.addRow(self._t("password"), self.password_edit)
        self.repeat_edit = self._line("repeat_edit", secret=True)
        if self._first_run:
            form.addRow(self._t("repeat"), self.repeat_edit)
        layout.addLayout(form)

        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self._t("ok_first" if self._first_run else "ok_login"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("Cancel" if lang == "en" else "Hủy")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if user_name and not self._first_run:
            self.name_edit.setText(user_name)
            self.password_edit.setFocus()
        else:
            self.name_edit.setFocus()

    @property
    def first_run(self) -> bool:
        return self._first_run

    def _t(self, key: str) -> str:
        vi, en = CATALOGUE[f"login_{key}"]
        return en if self._lang == "en" else vi

    def _line(self, name: str, *, secret: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def _submit(self) -> None:
        name = self.name_edit.text()
        password = self.password_edit.text()
        try:
            if self._first_run:
                if password != self.repeat_edit.text():
                    self._show_error(self._t("mismatch"))
                    return
                self.workspace = self._door.create_administrator(
                    name, password, self.display_edit.text() or None
                )
            else:
                self.workspace = self._door.sign_in(name, password)
        except HueDeskError as exc:
            self._show_error(exc.message(self._lang))
            return
        finally:
            self.repeat_edit.clear()
        self.password_edit.clear()
        self.accept()

"""File → User accounts: administrators manage accounts in the window, with the CLI's rules.

Run as each role with accounts present: administrators list, add, change roles, reset
passwords and disable; everyone else finds no menu entry and is refused by the service
if they get to the screen anyway.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from huedesk.accounts import AccountService
from huedesk.errors import PermissionDenied
from huedesk.ui.accounts_dialog import COL_ACTIVE, COL_ROLE, AccountForm, AccountsDialog
from huedesk.ui.main_window import MainWindow
from tests.ui.conftest import STAFF_PASSWORD

NEW_PASSWORD = "mat-khau-moi-456"


def _menu_actions(window: MainWindow) -> list[Any]:
    found = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None:
            found.extend(menu.actions())
    return found


def _select(dialog: AccountsDialog, name: str) -> None:
    row = [a.name for a in dialog.accounts].index(name)
    dialog.table.selectRow(row)


def _row(dialog: AccountsDialog, name: str) -> list[str]:
    r = [a.name for a in dialog.accounts].index(name)
    return [dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]


def _fill(form: AccountForm, **values: str) -> None:
    for key, text in values.items():
        if key == "role":
            form.role_box.setCurrentIndex(form.role_box.findData(text))
        else:
            getattr(form, f"{key}_edit").setText(text)


@pytest.fixture
def admin_dialog(desk_as: Any) -> AccountsDialog:
    window = desk_as("admin").window
    assert window.act_accounts in _menu_actions(window)
    dialog = window.show_accounts()
    assert isinstance(dialog, AccountsDialog)
    return dialog


def test_administrator_sees_every_account_with_role_and_state(
    admin_dialog: AccountsDialog,
) -> None:
    assert [a.name for a in admin_dialog.accounts] == ["canbo", "lanhsu", "quantri", "xem"]
    assert _row(admin_dialog, "xem")[COL_ROLE] == "Người xem"
    assert _row(admin_dialog, "quantri")[COL_ACTIVE] == "Đang dùng"
    assert _row(admin_dialog, "quantri")[1] == "Nguyễn Quản Trị"
    assert not admin_dialog.role_btn.isEnabled()  # nothing selected yet


def test_add_an_account_who_can_then_sign_in(admin_dialog: AccountsDialog, db: Any) -> None:
    form = admin_dialog.add_account()
    _fill(form, name="tranthi", display="Trần Thị Hoa", role="consular_officer")
    _fill(form, password=NEW_PASSWORD, repeat="something else")
    form.try_accept()
    assert form.isVisible() and "không giống nhau" in form.error.text()
    _fill(form, password="ngan", repeat="ngan")
    form.try_accept()  # the service's rule, as at the terminal
    assert form.isVisible() and "ít nhất 8 ký tự" in form.error.text()
    _fill(form, password=NEW_PASSWORD, repeat=NEW_PASSWORD)
    form.try_accept()

    assert not form.isVisible()
    assert _row(admin_dialog, "tranthi")[1:4] == ["Trần Thị Hoa", "Cán bộ lãnh sự", "Đang dùng"]
    who = AccountService(db).authenticate("tranthi", NEW_PASSWORD)
    assert who.role.value == "consular_officer"


def test_a_name_taken_or_malformed_is_refused_in_the_form(admin_dialog: AccountsDialog) -> None:
    form = admin_dialog.add_account()
    _fill(form, name="canbo", password=NEW_PASSWORD, repeat=NEW_PASSWORD)
    form.try_accept()
    assert form.isVisible() and "Đã có tài khoản 'canbo'" in form.error.text()
    _fill(form, name="tên có dấu cách", password=NEW_PASSWORD, repeat=NEW_PASSWORD)
    form.try_accept()
    assert form.isVisible() and "không có dấu cách" in form.error.text()
    assert len(admin_dialog.accounts) == 4


def test_change_role_and_keep_the_last_administrator(admin_dialog: AccountsDialog) -> None:
    _select(admin_dialog, "canbo")
    form = admin_dialog.change_role()
    assert form is not None
    _fill(form, role="viewer")
    form.try_accept()
    assert _row(admin_dialog, "canbo")[COL_ROLE] == "Người xem"

    _select(admin_dialog, "quantri")
    form = admin_dialog.change_role()
    assert form is not None
    _fill(form, role="officer")
    form.try_accept()
    assert form.isVisible()
    assert "quản trị viên cuối cùng" in form.error.text()
    assert _row(admin_dialog, "quantri")[COL_ROLE] == "Quản trị viên"


def test_reset_a_password(admin_dialog: AccountsDialog, db: Any) -> None:
    _select(admin_dialog, "lanhsu")
    form = admin_dialog.reset_password()
    assert form is not None
    _fill(form, password=NEW_PASSWORD, repeat=NEW_PASSWORD)
    form.try_accept()
    assert "lanhsu" in admin_dialog.note.text()
    accounts = AccountService(db)
    assert accounts.authenticate("lanhsu", NEW_PASSWORD).name == "lanhsu"
    with pytest.raises(PermissionDenied):
        accounts.authenticate("lanhsu", STAFF_PASSWORD)


def test_disable_after_asking_and_enable_again(
    admin_dialog: AccountsDialog, db: Any, answer: Any
) -> None:
    _select(admin_dialog, "xem")
    answer.queue = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    assert not admin_dialog.toggle_active()  # "No": nothing changes
    assert _row(admin_dialog, "xem")[COL_ACTIVE] == "Đang dùng"
    assert admin_dialog.toggle_active()
    assert _row(admin_dialog, "xem")[COL_ACTIVE] == "Đã khóa"
    assert admin_dialog.active_btn.text().replace("&", "") == "Mở khóa tài khoản"
    with pytest.raises(PermissionDenied, match="khóa"):
        AccountService(db).authenticate("xem", STAFF_PASSWORD)
    assert admin_dialog.toggle_active()  # enabling is not asked about
    assert AccountService(db).authenticate("xem", STAFF_PASSWORD).name == "xem"


def test_the_last_administrator_cannot_be_disabled(
    admin_dialog: AccountsDialog, answer: Any
) -> None:
    _select(admin_dialog, "quantri")
    answer.queue = [QMessageBox.StandardButton.Yes]
    assert not admin_dialog.toggle_active()
    assert "quản trị viên cuối cùng" in admin_dialog.error.text()
    assert _row(admin_dialog, "quantri")[COL_ACTIVE] == "Đang dùng"


def test_in_english(desk_as: Any) -> None:
    dialog = desk_as("admin", "en").window.show_accounts()
    assert isinstance(dialog, AccountsDialog)
    assert _row(dialog, "lanhsu")[COL_ROLE:] == ["Consular officer", "Active", ""]
    assert dialog.windowTitle() == "User accounts"


@pytest.mark.parametrize("role", ["officer", "consular_officer", "viewer"])
def test_other_roles_are_not_offered_accounts_and_are_refused(
    role: str, desk_as: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = desk_as(role).window
    assert window.act_accounts not in _menu_actions(window)
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text: told.append(text))
    )
    assert window.show_accounts() is None  # reached anyway (a shortcut, a script)
    assert told == ["Chỉ quản trị viên được quản lý tài khoản."]
    with pytest.raises(PermissionDenied):
        window.ctx.ws.accounts.add("moi", NEW_PASSWORD, "admin")
    with pytest.raises(PermissionDenied):
        window.ctx.ws.accounts.set_role("xem", "admin")

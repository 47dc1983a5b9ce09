"""Starting the window through the real entry point once accounts exist.

A desktop shortcut starts ``huedesk`` with no terminal: the window must sign its user
in with its own dialog, never ask for the operating-system user's password at a
terminal (or refuse because there is none).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from huedesk.accounts import AccountService
from huedesk.cli.main import main
from huedesk.db.location import Location
from huedesk.store import open_store
from huedesk.ui.login_dialog import LoginDialog
from huedesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def with_accounts(db_location: Location, db_arg: str) -> str:
    """The test's database with two accounts, as ``--db`` takes it (a file or a server)."""
    db = open_store(db_location)
    try:
        accounts = AccountService(db)
        accounts.create_first_admin("quantri", "mat-khau-dai-1", "Quản trị")
        accounts.add("quantri", "nhanvien", "mat-khau-dai-2", "officer")
    finally:
        db.dispose()
    return db_arg


# Stands in for the user at the dialog and reports what was shown; everything else is real.
DRIVER = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QDialog
    from huedesk.ui.login_dialog import LoginDialog

    def exec_(self):
        print("SIGN-IN", "first" if self.first_run else "login", repr(self.name_edit.text()))
        return QDialog.DialogCode.Rejected

    LoginDialog.exec = exec_
    from huedesk.cli.main import main
    sys.exit(main(sys.argv[1:]))
    """
)


def test_no_terminal_launch_shows_the_sign_in_dialog(with_accounts: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUEDESK_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, "--db", with_accounts],
        stdin=subprocess.DEVNULL,  # as from a desktop shortcut: no terminal to ask at
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        start_new_session=True,  # no controlling terminal either
        timeout=120,
    )
    assert "SIGN-IN login ''" in done.stdout, done.stderr
    assert done.returncode == 1  # the user cancelled the dialog
    assert "mật khẩu" not in done.stderr.lower() and "password" not in done.stderr.lower()


def test_launch_with_user_fills_in_the_name_and_opens_the_window(
    with_accounts: str, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HUEDESK_PASSWORD", raising=False)
    monkeypatch.setattr("getpass.getpass", _no_terminal)
    shown: list[LoginDialog] = []
    windows: list[MainWindow] = []

    def sign_in(dialog: LoginDialog) -> int:
        shown.append(dialog)
        dialog.password_edit.setText("mat-khau-dai-2")
        dialog.ok_button.click()
        return int(dialog.result())

    def run_window(_app: QApplication) -> int:
        windows.extend(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()  # not those earlier tests closed
        )
        for w in windows:
            w.close()
        return 0

    monkeypatch.setattr(LoginDialog, "exec", sign_in)
    monkeypatch.setattr(QApplication, "exec", run_window)

    assert main(["--db", with_accounts, "--user", "nhanvien"]) == 0

    assert len(shown) == 1 and not shown[0].first_run
    assert shown[0].name_edit.text() == "nhanvien"
    assert shown[0].result() == QDialog.DialogCode.Accepted
    assert [w.ctx.principal.name for w in windows] == ["nhanvien"]
    assert windows[0].ctx.principal.role.value == "officer"


def _no_terminal(*_a: object, **_k: object) -> str:
    raise AssertionError("the window asked for a password at a terminal")


def test_the_next_launch_fills_in_the_name_last_signed_in_with(
    with_accounts: str, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An official signs in every morning: the name is remembered (never the password)."""
    monkeypatch.delenv("HUEDESK_PASSWORD", raising=False)
    monkeypatch.setattr("getpass.getpass", _no_terminal)
    shown: list[tuple[str, bool]] = []

    def sign_in(dialog: LoginDialog) -> int:
        shown.append((dialog.name_edit.text(), dialog.password_edit.text() == ""))
        if not dialog.name_edit.text():
            dialog.name_edit.setText("nhanvien")
        dialog.password_edit.setText("mat-khau-dai-2")
        dialog.ok_button.click()
        return int(dialog.result())

    def run_window(_app: QApplication) -> int:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                w.close()
        return 0

    monkeypatch.setattr(LoginDialog, "exec", sign_in)
    monkeypatch.setattr(QApplication, "exec", run_window)
    assert main(["--db", with_accounts]) == 0
    assert main(["--db", with_accounts]) == 0
    assert shown == [("", True), ("nhanvien", True)]

"""The sign-in dialog and the audit view, driven as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from huedesk import audit
from huedesk.accounts import AccountService, Principal, Role
from huedesk.db.engine import Database
from huedesk.db.enums import AuditAction
from huedesk.db.location import ServerURL
from huedesk.records import RecordService
from huedesk.ui.audit_view import COL_ACTOR, COL_CHANGES, COL_REF, PAGE, AuditView
from huedesk.ui.login_dialog import LoginDialog
from huedesk.workspace import Door, Workspace
from tests.access.conftest import PASSWORD


def test_first_run_creates_the_administrator(qtbot: QtBot, db: Database) -> None:
    dialog = LoginDialog(Door(db), lang="en")
    qtbot.addWidget(dialog)
    assert dialog.first_run and dialog.windowTitle() == "Create the administrator account"
    qtbot.keyClicks(dialog.name_edit, "quantri")
    dialog.display_edit.setText("Nguyễn Văn Quản")  # keyClicks types ASCII only
    qtbot.keyClicks(dialog.password_edit, "mat-khau-dau-tien")
    qtbot.keyClicks(dialog.repeat_edit, "mat-khau-khac")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "The two passwords differ."
    assert dialog.result() == 0 and not AccountService(db).has_accounts()
    qtbot.keyClicks(dialog.password_edit, "mat-khau-dau-tien")
    qtbot.keyClicks(dialog.repeat_edit, "mat-khau-dau-tien")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.workspace is not None
    assert dialog.workspace.principal == Principal("quantri", Role.ADMIN)
    assert dialog.password_edit.text() == ""  # the password does not linger in the widget


def test_sign_in(qtbot: QtBot, db: Database, accounts: dict[str, Principal]) -> None:
    dialog = LoginDialog(Door(db))
    qtbot.addWidget(dialog)
    dialog.show()  # Return reaches the default button of a shown dialog
    assert not dialog.first_run and not dialog.display_edit.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.name_edit, "lanhsu")
    qtbot.keyClicks(dialog.password_edit, "sai-mat-khau")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.error_label.text() == "Sai tên đăng nhập hoặc mật khẩu."
    assert dialog.workspace is None
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.workspace is not None
    assert dialog.workspace.principal == Principal("lanhsu", Role.CONSULAR_OFFICER)


def _many_entries(db: Database, n: int) -> None:
    with db.write() as s:
        for i in range(n):
            audit.record(
                s,
                actor="nhap-lieu",
                action=AuditAction.UPDATE,
                kind="event",
                record_uuid=None,
                record_ref=f"SK-2025-{i % 7:04d}",
                changes={"title": (f"Cũ {i}", f"Mới {i}")},
            )


def test_audit_view_loads_lazily_and_filters(
    qtbot: QtBot, qtmodeltester, db: Database, accounts: dict[str, Principal]
) -> None:
    _many_entries(db, 2 * PAGE + 50)
    view = AuditView(Workspace(db, "xem"), lang="en")
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    model = view.model
    assert model.total == 2 * PAGE + 50  # account entries are for administrators
    assert model.rowCount() == PAGE
    assert view.count_label.text() == f"{PAGE}/{model.total} entries"
    newest = model.index(0, COL_CHANGES).data()
    assert newest == f"Title: Cũ {2 * PAGE + 49} → Mới {2 * PAGE + 49}"
    assert model.index(0, COL_ACTOR).data() == "nhap-lieu"
    qtmodeltester.check(model)  # also fetches the remaining pages
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, COL_CHANGES), "sửa", Qt.ItemDataRole.EditRole)

    qtbot.keyClicks(view.filter_edit, "SK-2025-0003")
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Return)
    assert model.total == len([i for i in range(2 * PAGE + 50) if i % 7 == 3])
    assert {model.index(r, COL_REF).data() for r in range(model.rowCount())} == {"SK-2025-0003"}
    view.filter_edit.clear()
    assert model.record_filter is None and model.rowCount() == PAGE


def test_audit_view_hides_consular_entries_from_officers(
    qtbot: QtBot, db: Database, accounts: dict[str, Principal]
) -> None:
    svc = RecordService(db, "lanhsu")
    case = svc.create(
        "consular_case",
        {
            "case_type": "lost_documents",
            "title": "Mất hộ chiếu",
            "country_code": "JP",
            "opened_on": "01/03/2025",
            "status": "open",
            "information_source": "family",
        },
    )
    officer = AuditView(Workspace(db, "canbo"))
    consular = AuditView(Workspace(db, "lanhsu"))
    qtbot.addWidget(officer)
    qtbot.addWidget(consular)
    officer.show_record(case["ref"])
    consular.show_record(case["ref"])
    assert (officer.model.total, consular.model.total) == (0, 1)


def test_only_an_administrator_backs_up_and_restores_in_the_window(
    qtbot: QtBot, db: Database, accounts: dict[str, Principal]
) -> None:
    from huedesk.ui.context import AppContext
    from huedesk.ui.main_window import MainWindow  # the window is built only here

    for name, who in accounts.items():
        window = MainWindow(AppContext(Workspace(db, who), "en"))
        qtbot.addWidget(window)
        admin = who.role is Role.ADMIN
        assert window.act_backup.isEnabled() is admin, name
        # a server database is restored by its administrator with pg_restore, not here
        on_file = not isinstance(db.location, ServerURL)
        assert window.act_restore.isEnabled() is (admin and on_file), name
        window.close()

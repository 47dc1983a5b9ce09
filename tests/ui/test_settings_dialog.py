"""The document settings dialog: edit, check, save; read-only for anyone but an administrator."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from huedesk import document_settings
from huedesk.accounts.service import AccountService
from huedesk.db.engine import Database
from huedesk.db.enums import SignAuthority
from huedesk.ui.app import Desk
from huedesk.ui.settings_dialog import DocumentSettingsDialog
from huedesk.workspace import Door
from tests.ui.conftest import type_text


def _save(dialog: DocumentSettingsDialog, qtbot: Any) -> None:
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
        Qt.MouseButton.LeftButton,
    )


def test_administrator_sets_the_signer_and_the_brief_settings_are_kept(
    desk: Desk, qtbot: Any, db: Database
) -> None:
    dialog = desk.window.edit_document_settings()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.edits["agency"].text() == "Sở Ngoại vụ"
    dialog.authority.setCurrentIndex(dialog.authority.findData(SignAuthority.KT.value))
    dialog.edits["signer_title"].clear()
    type_text(qtbot, dialog.edits["signer_title"], "Phó Giám đốc")
    type_text(qtbot, dialog.edits["signer_name"], "Nguyễn Văn Phương")
    assert "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" in dialog.preview.text()
    assert "Nguyễn Văn Phương" in dialog.preview.text()
    _save(dialog, qtbot)
    assert dialog.saved and not dialog.isVisible()
    kept = document_settings.read(db)
    assert kept.authority is SignAuthority.KT
    assert kept.signer_name == "Nguyễn Văn Phương"
    assert kept.signature_titles("vi") == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]


def test_a_bad_value_is_marked_and_nothing_is_saved(desk: Desk, qtbot: Any, db: Database) -> None:
    dialog = desk.window.edit_document_settings()
    dialog.edits["agency"].clear()
    dialog.edits["agency_code"].setText("S N V")
    _save(dialog, qtbot)
    assert dialog.isVisible() and not dialog.saved
    assert dialog.edits["agency"].styleSheet() and dialog.edits["agency_code"].styleSheet()
    assert "Cơ quan ban hành: không được để trống" in dialog.problem.text()
    assert document_settings.read(db) == document_settings.DEFAULTS
    dialog.reject()


def test_an_officer_sees_the_settings_read_only(qtbot: Any, qapp: Any, db: Database) -> None:
    accounts = AccountService(db)
    admin = accounts.create_first_admin("quantri", "mat-khau-dai-1")
    accounts.add(admin, "canbo", "mat-khau-dai-2", "officer")
    desk = Desk(Door(db).sign_in("canbo", "mat-khau-dai-2"), "vi")
    qtbot.addWidget(desk.window)
    dialog = desk.window.edit_document_settings()
    assert dialog.edits["signer_name"].isReadOnly()
    assert not dialog.save_button.isEnabled()
    dialog.reject()
    desk.window.close()

"""The import wizard and the duplicates view as each role, with accounts present."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from huedesk.accounts import Principal
from huedesk.db.engine import Database
from huedesk.ui import ops
from huedesk.ui.context import AppContext
from huedesk.ui.duplicates_view import DuplicatesView
from huedesk.ui.operations_view import OperationsView
from huedesk.ui.sheet_wizard import REPORT_STEP, SheetImportWizard
from huedesk.workspace import Workspace


@pytest.mark.parametrize(
    ("user", "may_import"), [("quantri", True), ("canbo", True), ("lanhsu", True), ("xem", False)]
)
def test_who_may_import_and_merge(
    qtbot: QtBot,
    db: Database,
    accounts: dict[str, Principal],
    tmp_path: Path,
    user: str,
    may_import: bool,
) -> None:
    admin = Workspace(db, accounts["quantri"])
    admin.records.create("person", {"full_name": "Lê Văn Cường"})
    admin.records.create("person", {"full_name": "LE VAN CUONG"})
    ctx = AppContext(Workspace(db, accounts[user]), "vi")
    sheet = tmp_path / "nguoi.csv"
    sheet.write_text("Họ và tên;Chức vụ\nPhạm Minh;Chuyên viên\n", encoding="utf-8")
    wizard = SheetImportWizard(ctx)
    qtbot.addWidget(wizard)
    kinds = [wizard.kind_box.itemData(i) for i in range(wizard.kind_box.count())]
    assert ("consular_case" in kinds) == accounts[user].can_see_sensitive
    wizard.kind_box.setCurrentIndex(kinds.index("person"))
    wizard.path_edit.setText(str(sheet))
    wizard.next()
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=60000)
    wizard.next()
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=60000)
    assert wizard.stack.currentIndex() == REPORT_STEP  # everyone may check a sheet
    assert wizard.next_btn.isEnabled() == may_import
    view = DuplicatesView(ctx)
    qtbot.addWidget(view)
    view.find_pairs()
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=60000)
    view.table.selectRow(0)
    assert view.keep_left.isEnabled() == may_import


@pytest.mark.parametrize("user", ["quantri", "lanhsu", "canbo", "xem"])
def test_the_operations_view_masks_undo_data_for_each_role(
    qtbot: QtBot, db: Database, accounts: dict[str, Principal], user: str
) -> None:
    consular = Workspace(db, accounts["lanhsu"])
    keep = consular.records.create("person", {"full_name": "Trần Thị Bình"})["id"]
    other = consular.records.create(
        "person", {"full_name": "Tran Thi Binh", "passport_no": "K9988776"}
    )["id"]
    consular.operations.merge("person", keep, other)
    gone = consular.records.create("person", {"full_name": "Lê Văn Cường"})["id"]
    twin = consular.records.create("person", {"full_name": "LE VAN CUONG"})["id"]
    consular.operations.merge("person", gone, twin)
    consular.records.delete("person", gone)  # its merge can no longer be undone
    ctx = AppContext(Workspace(db, accounts[user]), "en")
    view = OperationsView(ctx)
    qtbot.addWidget(view)
    assert view.table.rowCount() == 2
    assert "cannot be undone: a record was deleted" in view.table.item(0, 2).text()
    view.table.selectRow(0)
    assert not view.undo_btn.isEnabled()
    assert "removed with a deleted record" in view.detail.toPlainText()
    view.table.selectRow(1)
    assert view.undo_btn.isEnabled() == (user != "xem")
    text = view.detail.toPlainText()
    assert "Tran Thi Binh" in text
    assert ("K9988776" in text) == accounts[user].can_see_sensitive
    assert accounts[user].can_see_sensitive or "•••••776" in text

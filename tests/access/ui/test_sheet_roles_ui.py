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

"""The import wizard, the duplicates view and the question before saving a likely duplicate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from huedesk.records import RecordService
from huedesk.ui import ops
from huedesk.ui.context import AppContext
from huedesk.ui.duplicates_view import DuplicatesView
from huedesk.ui.editor import RecordEditor
from huedesk.ui.sheet_wizard import COLUMNS_STEP, DONE_STEP, REPORT_STEP, SheetImportWizard
from tests.ui.conftest import Answers, type_text

PEOPLE = (
    "Danh sách khách nước ngoài\n"
    "Họ và tên;Quốc tịch;Ngày sinh;Ghi chú nội bộ\n"
    "Kim Min-jun;KR;05/03/1980;khách VIP\n"
    "Nguyễn Thị Hương;VN;31/02/1990;\n"
    ";;;\n"
    "Tanaka Hiroshi;JP;;\n"
)


def _wait(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=60000)


def _wizard(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> SheetImportWizard:
    sheet = tmp_path / "khach.csv"
    sheet.write_text(PEOPLE, encoding="utf-8")
    wizard = SheetImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.kind_box.setCurrentIndex(wizard.kind_box.findData("person"))
    wizard.path_edit.setText(str(sheet))
    return wizard


def test_wizard_file_columns_report_import_undo(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, person: dict[str, Any]
) -> None:
    wizard = _wizard(qtbot, ctx, tmp_path)
    wizard.next()
    _wait(qtbot)
    assert wizard.stack.currentIndex() == COLUMNS_STEP
    headers = [wizard.columns.item(i, 0).text() for i in range(wizard.columns.rowCount())]
    assert headers == ["Họ và tên", "Quốc tịch", "Ngày sinh", "Ghi chú nội bộ"]
    boxes = [wizard.columns.cellWidget(i, 1) for i in range(4)]
    assert all(isinstance(b, QComboBox) for b in boxes)
    assert [b.currentData() for b in boxes[:3]] == ["full_name", "nationality", "date_of_birth"]
    boxes[3].setCurrentIndex(0)  # leave the internal notes out
    wizard.next()
    _wait(qtbot)
    assert wizard.stack.currentIndex() == REPORT_STEP
    assert "Sẵn sàng: 1" in wizard.summary.text() and "lỗi (không nhập): 1" in wizard.summary.text()
    problems = [wizard.problems.item(i, 3).text() for i in range(wizard.problems.rowCount())]
    assert any("Tanaka Hiroshi" in p for p in problems)  # flagged as the stored person
    assert wizard.next_btn.text() == "Nhập 2 dòng" and wizard.next_btn.isEnabled()
    wizard.next()
    _wait(qtbot)
    assert wizard.stack.currentIndex() == DONE_STEP
    assert "thêm 2" in wizard.done_text.text() and "(có lỗi): 4" in wizard.done_text.text()
    svc = RecordService(ctx.ws.db, "kiemthu")
    names = sorted(r["full_name"] for r in svc.list("person").rows)
    assert names == ["Kim Min-jun", "Tanaka Hiroshi", "Tanaka Hiroshi"]
    assert all(r.get("notes") is None for r in svc.list("person").rows)
    wizard.undo_import()
    assert [r["full_name"] for r in svc.list("person").rows] == ["Tanaka Hiroshi"]
    assert not wizard.undo_btn.isEnabled()


def test_wizard_cancel_while_checking_stays_on_the_file_step(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: Any
) -> None:
    wizard = _wizard(qtbot, ctx, tmp_path)
    real = ops.Progress.cancelled
    monkeypatch.setattr(ops.Progress, "cancelled", lambda self: True)
    lines = "".join(f"Người số {i};VN;;\n" for i in range(1200))
    Path(wizard.path_edit.text()).write_text("Họ và tên;Quốc tịch;Ngày sinh;x\n" + lines)
    wizard.next()
    _wait(qtbot)
    monkeypatch.setattr(ops.Progress, "cancelled", real)
    assert wizard.stack.currentIndex() == 0 and wizard.plan is None


def test_a_hostile_file_is_one_message(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: Any
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    wizard = SheetImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.path_edit.setText(str(bad))
    wizard.next()
    _wait(qtbot)
    assert wizard.stack.currentIndex() == 0
    assert len(shown) == 1 and "hong.xlsx" in shown[0]


def test_editor_asks_before_saving_a_likely_duplicate(
    qtbot: QtBot, ctx: AppContext, answer: Answers, person: dict[str, Any]
) -> None:
    editor = RecordEditor(ctx, "person")
    qtbot.addWidget(editor)
    type_text(qtbot, editor.form.editors["full_name"].widget, "HIROSHI TANAKA")
    answer.queue.append(QMessageBox.StandardButton.Cancel)
    assert editor.save() is False
    assert "Tanaka Hiroshi" in answer.asked[0] and "thứ tự" in answer.asked[0]
    answer.queue.append(QMessageBox.StandardButton.Save)
    assert editor.save() is True
    assert ctx.ws.records.list("person").total == 2
    editor.discard_changes()


def test_duplicates_view_merges_and_undoes(
    qtbot: QtBot, ctx: AppContext, answer: Answers, person: dict[str, Any]
) -> None:
    ctx.ws.records.create("person", {"full_name": "TANAKA HIROSHI", "position": "Thị trưởng"})
    view = DuplicatesView(ctx)
    qtbot.addWidget(view)
    view.find_pairs()
    _wait(qtbot)
    assert view.table.rowCount() == 1 and view.table.item(0, 0).text() == "95"
    view.table.selectRow(0)
    assert view.keep_left.isEnabled()
    answer.queue.append(QMessageBox.StandardButton.Yes)
    view.merge(keep_left=True)
    assert view.table.rowCount() == 0 and view.undo_btn.isEnabled()
    kept = ctx.ws.records.get("person", person["id"])
    assert kept["position"] == "Thị trưởng" and kept["aliases"] is None  # case alone: no alias
    view.undo()
    _wait(qtbot)
    assert ctx.ws.records.list("person").total == 2 and view.table.rowCount() == 1


def test_menus_open_the_wizard_and_the_view(qtbot: QtBot, window: Any) -> None:
    wizard = window.import_sheet()
    assert isinstance(wizard, SheetImportWizard) and wizard.isVisible()
    wizard.close()
    view = window.show_duplicates()
    assert isinstance(view, DuplicatesView) and view.isVisible()
    view.close()


def test_operations_view_undoes_an_import_done_on_the_command_line(
    qtbot: QtBot, ctx: AppContext, answer: Answers, tmp_path: Path, window: Any
) -> None:
    sheet = tmp_path / "khach.csv"
    sheet.write_text(PEOPLE, encoding="utf-8")
    done = ctx.ws.sheets.import_(ctx.ws.sheets.preview(sheet, "person"))
    view = window.show_operations()
    assert view.table.rowCount() == 1
    assert view.table.item(0, 4).text() == "khach.csv: thêm 2, sửa 0"
    assert ctx.ws.operations.recent()[0].summary_text("en") == "khach.csv: 2 added, 0 updated"
    assert not view.undo_btn.isEnabled()
    view.table.selectRow(0)
    answer.queue.append(QMessageBox.StandardButton.Yes)
    view.undo_selected()
    assert "khach.csv" in answer.asked[0]
    assert "đã hoàn tác" in view.table.item(0, 2).text()
    assert ctx.ws.records.list("person").total == 0 and done.added == 2
    view.close()


def test_a_saved_mapping_is_used_again(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, ctx, tmp_path)
    wizard.next()
    _wait(qtbot)
    box = wizard.columns.cellWidget(3, 1)
    assert isinstance(box, QComboBox)
    box.setCurrentIndex(0)  # leave the internal notes out, then save that choice
    assert wizard.plan is not None
    saved = tmp_path / "ghep-cot.json"
    wizard.plan.mapping.columns = wizard.edited_columns()
    wizard.plan.mapping.save(saved)
    again = _wizard(qtbot, ctx, tmp_path)
    again.mapping_edit.setText(str(saved))
    again.next()
    _wait(qtbot)
    boxes = [again.columns.cellWidget(i, 1) for i in range(4)]
    assert [b.currentData() for b in boxes if isinstance(b, QComboBox)] == [
        "full_name",
        "nationality",
        "date_of_birth",
        None,
    ]

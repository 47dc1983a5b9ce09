"""Driving the real window: create a delegation with members and programme, edit, undo,
see a validation error next to its field, filter, sort, delete with confirmation."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from huedesk.records import RecordService
from huedesk.ui import ops
from huedesk.ui.children import ChildDialog
from huedesk.ui.editor import RecordEditor
from huedesk.ui.list_page import ListPage
from huedesk.ui.main_window import MainWindow
from huedesk.ui.widgets import ChoiceEditor, CountryEditor, ReferenceEditor
from tests.ui.conftest import Answers, make_delegations, type_text

YES = QMessageBox.StandardButton.Yes


def type_into(qtbot: Any, editor: RecordEditor | ChildDialog, field: str, text: str) -> None:
    widget = editor.form.editors[field].widget
    widget.clear()
    type_text(qtbot, widget, text)


def fill_child(monkeypatch: pytest.MonkeyPatch, qtbot: Any, fill: Any) -> None:
    """Answer the next child dialog: ``fill(dialog)`` types into it, then OK is pressed."""

    def exec_(self: ChildDialog) -> int:
        fill(self)
        self.accept()
        return self.result()

    monkeypatch.setattr(ChildDialog, "exec", exec_)


def new_delegation(window: MainWindow, qtbot: Any) -> RecordEditor:
    window.show_page("delegation_in")
    window.act_new.trigger()
    editor = next(e for e in window.findChildren(RecordEditor) if e.record_id is None)
    return editor


def test_create_delegation_with_members_and_programme(
    window: MainWindow,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    svc: RecordService,
    partner: dict,
    person: dict,
) -> None:
    editor = new_delegation(window, qtbot)
    assert isinstance(editor.form.editors["direction"], ChoiceEditor)
    assert editor.form.editors["direction"].value() == "in"  # from the page it was opened on
    type_into(qtbot, editor, "title", "Đoàn lãnh đạo tỉnh Gifu")
    country = editor.form.editors["country_code"]
    assert isinstance(country, CountryEditor)
    country.combo.setCurrentIndex(country.combo.findData("JP"))
    ref = editor.form.editors["partner_id"]
    assert isinstance(ref, ReferenceEditor)
    ref.set_choice(partner["id"], partner["name"])
    type_into(qtbot, editor, "start_date", "15/04/2026")
    type_into(qtbot, editor, "end_date", "17/04/2026")
    assert editor.is_dirty()

    def member(dialog: ChildDialog) -> None:
        picked = dialog.form.editors["person_id"]
        assert isinstance(picked, ReferenceEditor)
        picked.set_choice(person["id"], person["full_name"])
        type_into(qtbot, dialog, "title", "Phó Thống đốc")
        dialog.form.editors["is_head"].widget.setChecked(True)

    fill_child(monkeypatch, qtbot, member)
    editor.children_tables["delegation_member"].add_btn.click()

    def programme(dialog: ChildDialog) -> None:
        type_into(qtbot, dialog, "starts_at", "15/04/2026 08:30")
        type_into(qtbot, dialog, "activity", "Hội kiến Chủ tịch UBND thành phố")
        type_into(qtbot, dialog, "place", "Trụ sở UBND")

    fill_child(monkeypatch, qtbot, programme)
    editor.children_tables["programme_item"].add_btn.click()
    members = editor.children_tables["delegation_member"].model
    assert members.data(members.index(0, 1)) == "Tanaka Hiroshi"

    window.act_save.trigger()  # File → Save (Ctrl+S) saves the record window in front
    assert editor.record_id is not None, editor.form.banner.text()
    saved = svc.get("delegation", editor.record_id)
    assert saved["ref"].startswith("ĐV-2026-")
    assert saved["partner_id"] == partner["id"]
    assert [
        m["person_id"] for m in svc.children("delegation", saved["id"], "delegation_member")
    ] == [person["id"]]
    items = svc.children("delegation", saved["id"], "programme_item")
    assert items[0]["activity"] == "Hội kiến Chủ tịch UBND thành phố"
    assert items[0]["starts_at"].hour == 8
    assert not editor.is_dirty()
    page = window.current_list()
    assert isinstance(page, ListPage) and page.model.total == 1
    assert page.count.text() == "1 hồ sơ"


def test_validation_error_is_shown_next_to_the_field(
    window: MainWindow, qtbot: Any, svc: RecordService
) -> None:
    editor = new_delegation(window, qtbot)
    type_into(qtbot, editor, "title", "Đoàn Hàn Quốc")
    editor.form.editors["country_code"].combo.setCurrentIndex(1)
    type_into(qtbot, editor, "start_date", "31/02/2026")
    assert editor.save() is False
    assert "không phải ngày hợp lệ" in editor.form.problem_text("start_date")
    assert editor.form.problem_text("title") == ""
    assert not editor.form.banner.isHidden()
    type_into(qtbot, editor, "start_date", "10/03/2026")
    type_into(qtbot, editor, "end_date", "01/03/2026")
    assert editor.save() is False
    assert editor.form.problem_text("end_date") or editor.form.problem_text("start_date")
    type_into(qtbot, editor, "end_date", "")
    assert editor.save() is True
    assert editor.form.problem_text("start_date") == ""
    assert svc.list("delegation").total == 1


def test_edit_then_undo(window: MainWindow, qtbot: Any, svc: RecordService, partner: dict) -> None:
    (first,) = make_delegations(svc, 1, partner["id"])
    window.show_page("delegation_in")
    page = window.current_list()
    assert page is not None
    page.table.selectRow(0)
    window.act_open.trigger()
    editor = window.editors[("delegation", first["id"])]
    type_into(qtbot, editor, "title", "Đoàn đã đổi tên")
    status = editor.form.editors["status"]
    assert isinstance(status, ChoiceEditor)
    offered = [status.combo.itemData(i) for i in range(status.combo.count())]
    assert offered == ["planned", "approved", "cancelled"]  # the workflow's next steps
    assert editor.save()
    assert svc.get("delegation", first["id"])["title"] == "Đoàn đã đổi tên"
    assert page.model.data(page.model.index(0, page.model.column_of("title"))) == "Đoàn đã đổi tên"
    window.act_undo.trigger()
    assert svc.get("delegation", first["id"])["title"] == first["title"]
    assert editor.form.editors["title"].value() == first["title"]
    window.act_redo.trigger()
    assert svc.get("delegation", first["id"])["title"] == "Đoàn đã đổi tên"


def test_filter_and_sort_the_list(
    window: MainWindow, qtbot: Any, svc: RecordService, partner: dict
) -> None:
    make_delegations(svc, 30, partner["id"])
    svc.create(
        "delegation",
        {
            "direction": "out",
            "title": "Đoàn ra Nhật Bản",
            "country_code": "JP",
            "start_date": "01/05/2025",
            "status": "planned",
        },
    )
    page = window.show_page("delegation_in")
    assert isinstance(page, ListPage)
    assert page.model.total == 30
    assert "direction" not in [c.name for c in page.model.columns]
    bar = page.filters
    assert bar.status is not None and bar.year is not None and bar.country is not None
    bar.status.setCurrentIndex(bar.status.findData("approved"))
    assert page.model.total == 10
    assert page.count.text() == "10 / 30 hồ sơ"
    bar.country.setCurrentIndex(bar.country.findData("KR"))
    assert page.model.total == 10  # every approved one is Korean (i % 3 == 1)
    bar.year.setCurrentIndex(bar.year.findData(2025))
    assert page.model.total == 5
    bar.clear()
    window.act_find.trigger()
    qtbot.keyClicks(bar.text, "doan c")
    qtbot.waitUntil(lambda: page.model.total < 30, timeout=2000)
    assert all("Đoàn C" in page.model.row_dict(r)["title"] for r in range(page.model.total))
    bar.clear()
    page.apply_filters()
    col = page.model.column_of("title")
    page.table.horizontalHeader().setSortIndicator(col, Qt.SortOrder.DescendingOrder)
    titles = [page.model.row_dict(r)["title"] for r in range(page.model.total)]
    assert page.model.query.sort == "title" and titles[0].startswith("Đoàn Z")


def test_delete_asks_says_what_goes_and_can_be_undone(
    window: MainWindow,
    qtbot: Any,
    svc: RecordService,
    partner: dict,
    person: dict,
    answer: Answers,
) -> None:
    (d,) = make_delegations(svc, 1, partner["id"])
    svc.create("delegation_member", {"delegation_id": d["id"], "person_id": person["id"]})
    page = window.show_page("delegation_in")
    assert isinstance(page, ListPage)
    page.table.selectRow(0)
    answer.queue.append(QMessageBox.StandardButton.No)
    window.act_delete.trigger()
    assert "1 thành viên đoàn" in answer.asked[-1]
    assert svc.list("delegation").total == 1
    answer.queue.append(YES)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert svc.list("delegation").total == 0
    assert page.model.total == 0
    window.act_undo.trigger()
    restored = svc.get_by_ref("delegation", d["ref"])
    assert restored["uuid"] == d["uuid"]
    assert len(svc.children("delegation", restored["id"], "delegation_member")) == 1
    assert page.model.total == 1


def test_unsaved_changes_are_never_lost_silently(
    window: MainWindow, qtbot: Any, svc: RecordService, answer: Answers
) -> None:
    editor = new_delegation(window, qtbot)
    type_into(qtbot, editor, "title", "Đoàn chưa lưu")
    answer.queue.append(QMessageBox.StandardButton.Cancel)
    editor.close()
    assert editor.isVisible()
    answer.queue.append(QMessageBox.StandardButton.Cancel)
    # the start page's figures, counted in the background, are in (closing would first
    # wait for them to stop: tests/ui/test_start_page_later.py)
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=60_000)
    window.close()
    assert window.isVisible()  # the main window waits for the record window
    answer.queue.append(QMessageBox.StandardButton.Discard)
    assert editor.close()
    assert svc.list("delegation").total == 0


def test_child_dialog_shows_problems_before_accepting(
    window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = new_delegation(window, qtbot)
    seen: list[str] = []

    def empty_then_cancel(dialog: ChildDialog) -> None:
        QDialog.accept  # noqa: B018 - the real accept() runs the check
        dialog.accept()
        seen.append(dialog.form.problem_text("activity"))
        dialog.reject()

    monkeypatch.setattr(
        ChildDialog, "exec", lambda self: (empty_then_cancel(self), self.result())[1]
    )
    editor.children_tables["programme_item"].add_btn.click()
    assert seen == ["bắt buộc phải nhập"]
    assert editor.children_tables["programme_item"].model.rowCount() == 0


def test_ctrl_s_saves_the_record_window(window: MainWindow, qtbot: Any, svc: RecordService) -> None:
    editor = new_delegation(window, qtbot)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    type_into(qtbot, editor, "title", "Đoàn lưu bằng bàn phím")
    editor.form.editors["country_code"].widget.setCurrentIndex(1)
    type_into(qtbot, editor, "start_date", "10/03/2026")
    title = editor.form.editors["title"].widget
    qtbot.keyClick(title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.record_id is not None
    assert svc.get("delegation", editor.record_id)["title"] == "Đoàn lưu bằng bàn phím"


def test_a_language_switch_keeps_what_can_be_undone(
    desk: Any, svc: RecordService, answer: Answers
) -> None:
    """Delete, switch to English, undo: the record comes back and the new window's list shows it."""
    (d,) = make_delegations(svc, 1)
    page = desk.window.show_page("delegation_in")
    page.table.selectRow(0)
    answer.queue.append(YES)
    desk.window.act_delete.trigger()
    assert svc.list("delegation").total == 0
    desk.window.lang_actions["en"].trigger()
    window = desk.window
    assert window.ctx.lang == "en" and window.act_undo.isEnabled()
    new_page = window.show_page("delegation_in")
    assert new_page.model.total == 0
    window.act_undo.trigger()
    assert svc.get_by_ref("delegation", d["ref"])["uuid"] == d["uuid"]
    assert new_page.model.total == 1  # the new window heard of it
    window.lang_actions["vi"].trigger()

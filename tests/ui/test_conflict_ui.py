"""Two people edit the same record: the second save offers to reload the record and apply
that person's changes again on the newest version, marking the fields both changed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from huedesk.records import RecordService
from huedesk.ui.context import AppContext
from huedesk.ui.editor import RecordEditor
from huedesk.ui.widgets import ReferenceEditor
from tests.ui.conftest import Answers, type_text

YES, CANCEL = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel


@pytest.fixture
def delegation(svc: RecordService, partner: dict[str, Any]) -> dict[str, Any]:
    return svc.create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn tỉnh Gifu thăm Huế",
            "country_code": "JP",
            "partner_id": partner["id"],
            "start_date": "15/04/2026",
            "status": "planned",
            "notes": "Ghi chú ban đầu",
        },
    )


@pytest.fixture
def opened(qtbot: Any, ctx: AppContext, delegation: dict[str, Any]) -> RecordEditor:
    editor = RecordEditor(ctx, "delegation", delegation["id"])
    qtbot.addWidget(editor)
    editor.show()
    return editor


def _type(qtbot: Any, editor: RecordEditor, field: str, text: str) -> None:
    widget = editor.form.editors[field].widget
    widget.clear()
    type_text(qtbot, widget, text)


@pytest.fixture
def crossed(
    qtbot: Any, opened: RecordEditor, svc: RecordService, delegation: dict[str, Any]
) -> int:
    """I retitle the delegation in the window while someone else saves a note on it."""
    _type(qtbot, opened, "title", "Tên của tôi")
    svc.update("delegation", delegation["id"], {"notes": "Sửa ở máy khác"})
    return int(delegation["id"])


def test_changes_elsewhere_to_other_fields_are_kept_and_mine_saved(
    qtbot: Any, opened: RecordEditor, svc: RecordService, crossed: int, answer: Answers
) -> None:
    _type(qtbot, opened, "budget_vnd", "12.500.000")  # typed money goes back as typed
    svc.update("delegation", crossed, {"purpose": "Du lịch"})

    answer.queue.append(YES)
    assert opened.save()
    assert len(answer.asked) == 1 and "đã được sửa ở nơi khác" in answer.asked[0]
    stored = svc.get("delegation", crossed)
    assert stored["title"] == "Tên của tôi" and stored["budget_vnd"] == 12_500_000
    assert (stored["notes"], stored["purpose"]) == ("Sửa ở máy khác", "Du lịch")  # theirs stay
    assert not opened.is_dirty() and opened.row["updated_at"] == stored["updated_at"]
    assert opened.form.editors["notes"].value() == "Sửa ở máy khác"


def test_the_same_field_changed_on_both_sides_is_shown_not_saved(
    qtbot: Any, opened: RecordEditor, svc: RecordService, delegation: dict, answer: Answers
) -> None:
    other = svc.create("organisation", {"name": "Tỉnh Nara", "org_type": "partner_locality"})
    _type(qtbot, opened, "title", "Tên của tôi")
    _type(qtbot, opened, "notes", "Ghi chú giống nhau")
    picker = opened.form.editors["partner_id"]
    assert isinstance(picker, ReferenceEditor)
    picker.set_choice(other["id"], other["name"])
    svc.update(
        "delegation",
        delegation["id"],
        {"title": "Tên của người khác", "notes": "Ghi chú giống nhau", "status": "approved"},
    )

    answer.queue.append(YES)
    assert not opened.save()
    stored = svc.get("delegation", delegation["id"])
    assert stored["title"] == "Tên của người khác"  # nothing of mine written yet
    form = opened.form
    assert form.editors["title"].value() == "Tên của tôi"  # mine re-applied on the fresh row
    assert picker.value() == other["id"] and picker.shown() == "Tỉnh Nara"
    assert form.editors["status"].value() == "approved"  # theirs, where I changed nothing
    assert set(form.changes()) == {"title", "partner_id"}  # the same notes are no conflict
    assert form.banner.isVisible() and "Đã tải lại" in form.banner.text()
    title_problem = form._errors["title"]
    assert title_problem.isVisible() and "«Tên của người khác»" in title_problem.text()
    assert not form._errors["notes"].isVisible() and not form._errors["partner_id"].isVisible()

    assert opened.save()  # looked at: the second save goes through without a question
    assert len(answer.asked) == 1
    stored = svc.get("delegation", delegation["id"])
    assert (stored["title"], stored["partner_id"], stored["status"]) == (
        "Tên của tôi",
        other["id"],
        "approved",
    )


def test_declining_keeps_the_input_and_writes_nothing(
    opened: RecordEditor, svc: RecordService, crossed: int, answer: Answers
) -> None:
    answer.queue.append(CANCEL)
    assert not opened.save()
    assert svc.get("delegation", crossed)["title"] == "Đoàn tỉnh Gifu thăm Huế"
    assert opened.is_dirty() and opened.form.editors["title"].value() == "Tên của tôi"
    opened.discard_changes()  # pytest-qt closes the window before fixtures end


def test_a_record_deleted_elsewhere_is_said_in_one_line(
    qtbot: Any,
    opened: RecordEditor,
    svc: RecordService,
    delegation: dict[str, Any],
    answer: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: warnings.append(text))
    )
    _type(qtbot, opened, "title", "Tên của tôi")
    svc.delete("delegation", delegation["id"])
    answer.queue.append(YES)  # the save finds it gone (a conflict or not found)
    assert not opened.save()
    assert len(warnings) == 1 and "\n" not in warnings[0]
    assert opened.is_dirty()
    opened.discard_changes()

"""A viewer's record window is for reading: nothing in it looks or acts editable."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from huedesk.records import RecordService
from huedesk.ui.app import Desk
from huedesk.ui.widgets import ChoiceEditor, ReferenceEditor, TextEditor


@pytest.mark.parametrize("role", ["admin", "officer", "viewer"])
def test_record_window_fields_are_read_only_for_a_viewer_only(
    desk_as: Callable[..., Desk], admin_svc: RecordService, role: str
) -> None:
    donor = admin_svc.create("organisation", {"name": "Tổ chức Plan", "org_type": "ngo"})
    project = admin_svc.create(
        "aid_project",
        {
            "title": "Nhà tránh lũ xã Phú Lộc",
            "donor_id": donor["id"],
            "sector": "disaster_relief",
            "committed_amount": "1000",
            "currency": "USD",
            "status": "in_progress",
        },
    )
    desk = desk_as(role)
    editor = desk.window.open_record("aid_project", project["id"])
    assert editor is not None
    viewer = role == "viewer"
    editors = editor.form.editors
    title = editors["title"]
    assert isinstance(title, TextEditor) and title.edit.isReadOnly() is viewer
    donor_field = editors["donor_id"]
    assert isinstance(donor_field, ReferenceEditor)
    assert donor_field.pick.isHidden() is viewer and donor_field.clear_btn.isHidden() is viewer
    status = editors["status"]
    assert isinstance(status, ChoiceEditor) and status.combo.isEnabled() is not viewer
    notes = [w for w in editor.form.findChildren(QPlainTextEdit)]
    assert notes and all(n.isReadOnly() is viewer for n in notes)
    if viewer:  # every field: read-only text, or a disabled choice
        for w in editor.form.findChildren(QLineEdit):
            assert w.isReadOnly() or not w.isEnabled() or isinstance(w.parent(), QComboBox)
        assert not any(c.isEnabled() for c in editor.form.findChildren(QComboBox))
    assert editor.save_btn.isEnabled() is not viewer
    assert desk.window.act_save.isEnabled() is not viewer

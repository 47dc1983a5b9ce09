"""The window on a database it may only read: a banner says so, edits are not offered
and are refused in one line (issue #12, item 6)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from huedesk.ui.app import Desk
from huedesk.workspace import Door
from tests.safety.read_only import PASSWORD, made_database, read_only, signed_in_as_admin


@pytest.fixture
def made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    signed_in_as_admin(monkeypatch)
    return made_database(tmp_path / "ro" / "huedesk.sqlite3")


def test_the_window_opens_read_only_with_a_banner_and_refuses_edits(
    made: Path, qtbot: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    with read_only(made.parent, "immutable"):
        door = Door.open(made)
        ws = door.sign_in("admin", PASSWORD)
        desk = Desk(ws, "vi")
        try:
            qtbot.addWidget(desk.window)
            desk.window.show()
            said = desk.warn_about_storage()
            assert said is not None and "chỉ mở để xem" in said
            assert desk.window.warning_bar.isVisible()
            assert "CHỈ ĐỌC" in desk.window.path_label.text()
            assert not desk.window.act_new.isEnabled()
            assert not desk.window.act_import.isEnabled()
            assert desk.window.act_export.isEnabled()  # reading out is still allowed
            assert not ws.demo.allowed()  # no demo data into it
            person = ws.records.list("person").rows[0]["id"]
            editor = desk.window.open_record("person", person)
            assert editor is not None and editor.save() is False
            assert len(shown) == 1 and "\n" not in shown[0] and "chỉ mở để xem" in shown[0]
            editor.close()
        finally:
            desk.window.close()
            ws.close()

"""Fixtures for the Qt tests: an application context, a main window, a few records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from huedesk.records import RecordService
from huedesk.ui import ops
from huedesk.ui.app import Desk, configure_settings
from huedesk.ui.context import AppContext
from huedesk.ui.editor import RecordEditor
from huedesk.ui.i18n import set_language
from huedesk.ui.main_window import MainWindow
from huedesk.workspace import Workspace


@pytest.fixture
def ctx(qapp: Any, ws: Workspace) -> Iterator[AppContext]:
    configure_settings()
    set_language("vi")
    context = AppContext(ws, "vi")
    yield context
    set_language("vi")


@pytest.fixture
def desk(qtbot: Any, qapp: Any, ws: Workspace) -> Iterator[Desk]:
    configure_settings()
    d = Desk(ws, "vi")
    qtbot.addWidget(d.window)
    d.window.show()
    yield d
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=5000)
    for editor in d.window.findChildren(RecordEditor):
        editor.discard_changes()  # whatever a test left unsaved goes without a blocking question
    d.window.close()
    set_language("vi")


@pytest.fixture
def window(desk: Desk) -> MainWindow:
    return desk.window


class Answers:
    """Stands in for the user at ``QMessageBox.question``: queued answers, recorded questions."""

    def __init__(self) -> None:
        self.queue: list[QMessageBox.StandardButton] = []
        self.asked: list[str] = []

    def __call__(self, _parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        self.asked.append(text)
        return self.queue.pop(0)


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch) -> Answers:
    answers = Answers()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(answers))
    return answers


@pytest.fixture
def partner(svc: RecordService) -> dict[str, Any]:
    return svc.create(
        "organisation", {"name": "Tỉnh Gifu", "org_type": "partner_locality", "country_code": "JP"}
    )


@pytest.fixture
def person(svc: RecordService) -> dict[str, Any]:
    return svc.create("person", {"full_name": "Tanaka Hiroshi", "nationality": "JP"})


def make_delegations(svc: RecordService, n: int, partner_id: int | None = None) -> list[dict]:
    """``n`` inbound delegations with varied titles, dates and statuses."""
    statuses = ["planned", "approved", "completed"]
    out = []
    for i in range(n):
        out.append(
            svc.create(
                "delegation",
                {
                    "direction": "in",
                    "title": f"Đoàn {chr(65 + i % 26)} số {i:03d}",
                    "country_code": ["JP", "KR", "FR"][i % 3],
                    "partner_id": partner_id,
                    "start_date": dt.date(2024 + i % 2, 1 + i % 12, 1 + i % 27),
                    "status": statuses[i % 3],
                },
            )
        )
    return out


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Type ``text`` as key presses; QTest only knows ASCII, so other letters are sent as
    key events carrying their text (what an input method delivers for "ệ", "Đ" …)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                QApplication.sendEvent(widget, event)


# One account per role, for the tests where roles matter (password hashing made cheap).
STAFF = {
    "quantri": "admin",
    "canbo": "officer",
    "lanhsu": "consular_officer",
    "xem": "viewer",
}
STAFF_PASSWORD = "mat-khau-123"


@pytest.fixture
def staff(db: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Accounts for every role on the test database; returns role value -> account name."""
    from argon2 import PasswordHasher

    from huedesk.accounts import AccountService
    from huedesk.accounts import passwords as passwords_mod

    monkeypatch.setattr(
        passwords_mod, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )
    accounts = AccountService(db)
    admin = accounts.create_first_admin("quantri", STAFF_PASSWORD, "Nguyễn Quản Trị")
    for name, role in STAFF.items():
        if name != "quantri":
            accounts.add(admin, name, STAFF_PASSWORD, role)
    return {role: name for name, role in STAFF.items()}


@pytest.fixture
def desk_as(qtbot: Any, qapp: Any, db: Any, staff: dict[str, str]) -> Iterator[Any]:
    """``desk_as(role)``: the main window of the account with that role (accounts present)."""
    made: list[Desk] = []

    def build(role: str, lang: str = "vi") -> Desk:
        configure_settings()
        d = Desk(Workspace(db, staff[role]), lang)
        # not given to qtbot: it would close the window before this fixture discards what a
        # test left unsaved, and the question "save before closing?" would wait for ever
        d.window.show()
        made.append(d)
        return d

    yield build
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=5000)
    for d in made:
        for editor in d.window.findChildren(RecordEditor):
            editor.discard_changes()
        d.window.close()
    set_language("vi")


@pytest.fixture
def admin_svc(db: Any, staff: dict[str, str]) -> RecordService:
    """The record service of the administrator account (for test data once accounts exist)."""
    return RecordService(db, staff["admin"])

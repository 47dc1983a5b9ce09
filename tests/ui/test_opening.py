"""The window's opening of the database: off the GUI thread, with a notice when it is slow.

An upgrade after an update (migrations, a rebuilt search index) can take minutes on a
large server database before any window exists (``huedesk.ui.opening``).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from huedesk.db.location import ServerURL
from huedesk.errors import HueDeskError
from huedesk.ui import backup_ui, opening
from huedesk.workspace import Door


def _notices() -> list[QProgressDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def test_a_slow_opening_shows_why_while_the_gui_thread_keeps_running(
    qapp: Any, db_location: Path | ServerURL, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(opening, "NOTICE_AFTER_MS", 50)
    real_open = Door.open
    upgrading = threading.Event()
    opened_on: list[threading.Thread] = []

    def slow_open(location: Any, **kw: Any) -> Door:
        opened_on.append(threading.current_thread())
        assert upgrading.wait(30), "the GUI thread never let the opening finish"
        return real_open(location, **kw)

    monkeypatch.setattr(Door, "open", staticmethod(slow_open))
    seen: list[str] = []
    ticks: list[int] = []

    def look() -> None:  # runs on the GUI thread while the opening is still under way
        ticks.append(1)
        notices = _notices()
        if notices and not seen:
            seen.append(notices[0].labelText())
            upgrading.set()
        elif len(ticks) < 1500:  # 30 s at most, as long as the opening waits for it
            QTimer.singleShot(20, look)
        else:
            upgrading.set()

    QTimer.singleShot(0, look)
    door = backup_ui.open_or_rescue(db_location, "vi")
    try:
        assert door is not None
        assert opened_on and opened_on[0] is not threading.main_thread()
        assert seen, "no notice was shown during a slow opening"
        assert "cập nhật HueDesk" in seen[0] and "không có gì bị ghi dở" in seen[0]
        assert len(ticks) >= 2  # the GUI thread ran its timers while the database opened
        assert not _notices()  # gone once the database is open
        ws = door.enter("kiemthu")  # the door is a working one, opened on the right database
        assert ws.db.location == db_location
    finally:
        if door is not None:
            door.close()


def test_a_quick_opening_shows_nothing(
    qapp: Any, db_location: Path | ServerURL, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[bool] = []
    monkeypatch.setattr(QProgressDialog, "show", lambda self: shown.append(True))
    monkeypatch.setattr(opening, "NOTICE_AFTER_MS", 10_000)
    door = backup_ui.open_or_rescue(db_location, "vi")
    assert door is not None
    door.close()
    assert shown == []


def test_an_error_in_the_opening_is_met_on_the_gui_thread_as_before(
    qapp: Any, db_location: Path | ServerURL, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(location: Any, **kw: Any) -> Door:
        raise HueDeskError("Ổ đĩa đầy.", "The disk is full.")

    fatal: list[tuple[str, threading.Thread]] = []
    monkeypatch.setattr(Door, "open", staticmethod(refused))
    monkeypatch.setattr(
        backup_ui,
        "show_fatal",
        lambda exc, lang: fatal.append((exc.en, threading.current_thread())),
    )
    assert backup_ui.open_or_rescue(db_location, "vi") is None
    assert fatal == [("The disk is full.", threading.main_thread())]

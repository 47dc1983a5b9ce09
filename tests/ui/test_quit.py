"""Quitting while work runs: the program stops the work, closes every window and exits cleanly.

Issue #13 item 11: after print, export and a language switch, quitting once ended in
a refcount crash in Qt's bindings, and a test run hung at exit. Work on the pool
thread outlived the window (its signals were deleted under it, its database
closed), and a dialog left open kept the event loop running after the main window
had closed. ``test_real_program_quits_cleanly_with_work_running`` drives the real
entry point under ``python -X dev -X faulthandler`` and demands a clean exit.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from huedesk.accounts import AccountService
from huedesk.paths import backups_dir
from huedesk.records import RecordService
from huedesk.store import open_store
from huedesk.ui import ops
from huedesk.ui.app import Desk
from huedesk.ui.audit_view import AuditView
from huedesk.ui.printing import BriefDialog

ROOT = Path(__file__).resolve().parents[2]

# The end of every driver: the real sign-in dialog answered, ``session`` run in the window,
# the real entry point.
SIGN_IN_AND_RUN = textwrap.dedent(
    """
    def sign_in(self):
        self.name_edit.setText("quantri")
        self.password_edit.setText("mat-khau-dai-1")
        self.ok_button.click()
        QTimer.singleShot(200, session)
        return int(self.result())

    LoginDialog.exec = sign_in
    from huedesk.cli.main import run

    sys.argv[0] = "huedesk"
    run()
    """
)

# Stands in for the user; everything else (sign-in, window, backup, quitting) is real.
DRIVER = (
    textwrap.dedent(
        """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    from huedesk.ui import ops
    from huedesk.ui.login_dialog import LoginDialog
    from huedesk.ui.main_window import MainWindow

    def answer(_parent, _title, text, *_a, **_k):
        print("ASKED", text.splitlines()[1], flush=True)
        return QMessageBox.StandardButton.Yes

    QMessageBox.question = staticmethod(answer)

    def session():
        w = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        w.show_page("delegation_in")
        w.show_audit()  # a window of its own, left open
        w._switch_language("en")  # the window is rebuilt; the old one goes
        w = next(
            w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()
        )
        w.show_audit()
        w._switch_language("vi")
        w = next(
            w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()
        )
        w.show_audit()
        w.backup_now()  # background work, still running when the user quits
        print("RUNNING", len(ops.titles()), flush=True)  # work the user started
        w.act_quit.trigger()
    """
    )
    + SIGN_IN_AND_RUN
)


# A long day in the window, squeezed: a brief built and previewed (QtPdf), work the user
# cancels (its Cancelled crosses from the pool thread), then the Qt calls of a long
# session (each void call and each emit used to cost None or True a reference for good,
# ui/singletons.py), then quitting. Before the fix this ended in "bool_dealloc", exit 134.
LONG_DAY = (
    textwrap.dedent(
        """
    import os, sys, threading, time, traceback
    from PySide6.QtCore import QObject, QTimer, Signal
    from PySide6.QtWidgets import QApplication
    from huedesk.ui import ops
    from huedesk.ui.login_dialog import LoginDialog
    from huedesk.ui.main_window import MainWindow
    from huedesk.ui.printing import BriefDialog, PreviewDialog

    def wait_until(condition):
        deadline = time.monotonic() + 120
        while not condition():
            assert time.monotonic() < deadline, "waited two minutes"
            QApplication.processEvents()
            time.sleep(0.01)

    class Ticker(QObject):
        tick = Signal(object)

    RECORD = int(sys.argv.pop())

    def session():
        try:
            day()
        except BaseException:  # a broken driver fails at once, not at the time-out
            traceback.print_exc()
            os._exit(3)

    def day():
        w = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        w.show_page("delegation_in")
        editor = w.open_record("delegation", RECORD)
        editor.print_brief()
        brief = editor.findChild(BriefDialog)
        brief.build()
        wait_until(lambda: brief.pdf is not None and brief.findChild(PreviewDialog))
        print("PREVIEW", brief.findChild(PreviewDialog).pages, flush=True)
        started, told = threading.Event(), []

        def work(progress):
            started.set()
            while not progress.cancelled():
                progress.report(1, 0, "…")
                time.sleep(0.01)
            progress.check()

        op = ops.run_op(work, told.append, told.append, parent=w, title="Việc dài")
        wait_until(started.is_set)
        op.progress.cancel()  # the user presses Cancel
        wait_until(lambda: told)
        print("CANCELLED", type(told[0]).__name__, flush=True)
        ticker, seen = Ticker(), []
        ticker.tick.connect(seen.append)
        for i in range(20_000):
            ticker.tick.emit(i % 2 == 0)
            w.statusBar().showMessage(str(i))
            QApplication.processEvents()
        print("TICKS", len(seen), flush=True)
        w.act_quit.trigger()
    """
    )
    + SIGN_IN_AND_RUN
)


@pytest.fixture
def database(db_path: Path) -> Path:
    db = open_store(db_path)
    try:
        AccountService(db).create_first_admin("quantri", "mat-khau-dai-1")
        svc = RecordService(db, "quantri")
        for i in range(30):
            svc.create("delegation", _delegation(f"Đoàn {i}"))
    finally:
        db.dispose()
    return db_path


def test_real_program_quits_cleanly_with_work_running(database: Path) -> None:
    done = _real_program(DRIVER, "--db", str(database))
    assert "RUNNING 1" in done.stdout, done.stdout + done.stderr
    assert "ASKED • Đang sao lưu…" in done.stdout  # the user was asked before stopping it
    assert done.returncode == 0, done.stderr
    said = _said(done.stderr)
    assert said == [], "\n".join(said)  # no traceback, no "Signal source has been deleted"
    # The backup the user started was finished, whole, before the program ended.
    backups = [p for p in backups_dir(database).iterdir() if "manual" in p.name]
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as con:
        assert con.execute("PRAGMA quick_check").fetchone() == ("ok",)


def test_a_long_day_with_a_preview_and_cancelled_work_ends_cleanly(database: Path) -> None:
    """Issue #13 item 11, the crash itself: preview, Cancel, a day's Qt calls, quit."""
    db = open_store(database)
    try:
        first = RecordService(db, "quantri").list("delegation").rows[0]["id"]
    finally:
        db.dispose()
    done = _real_program(LONG_DAY, "--db", str(database), str(first))
    assert "PREVIEW 1" in done.stdout or "PREVIEW 2" in done.stdout, done.stdout + done.stderr
    assert "CANCELLED Cancelled" in done.stdout, done.stdout + done.stderr
    assert "TICKS 20000" in done.stdout, done.stdout + done.stderr
    assert done.returncode == 0, done.stderr  # was 134: Fatal Python error: bool_dealloc
    assert _said(done.stderr) == []


def _real_program(driver: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The real entry point, driven by ``driver``, under ``-X dev -X faulthandler``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUEDESK_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-X", "dev", "-X", "faulthandler", "-c", driver, *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,  # a hang at exit fails here
    )


def _said(stderr: str) -> list[str]:
    """What the program wrote to stderr, without the offscreen platform's own remarks."""
    noise = ("This plugin does not support",)
    return [line for line in stderr.splitlines() if not line.startswith(noise)]


def _slow_work(started: threading.Event) -> Any:
    def work(progress: ops.Progress) -> str:
        started.set()
        while not progress.cancelled():  # honours Cancel, like an export between kinds
            threading.Event().wait(0.01)
        progress.check()  # raises Cancelled
        return "finished"

    return work


def test_closing_asks_stops_the_work_and_closes_its_dialogs(
    qtbot: Any, qapp: Any, ws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = Desk(ws, "vi")
    window = desk.window
    window.show()
    audit = AuditView(ws, "vi")  # stands for any window of its own left open
    audit.setParent(window, audit.windowFlags())
    audit.show()
    delivered: list[object] = []
    started = threading.Event()
    ops.run_op(_slow_work(started), delivered.append, delivered.append, parent=window, title="X")
    qtbot.waitUntil(started.is_set)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No),
    )

    assert not window.close()  # "No": the work goes on, the window stays
    assert ops.titles() == ["X"] and window.isVisible() and len(asked) == 1  # its work goes on

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    with qtbot.waitSignal(window.closed):
        window.close()  # "Yes": stopped, and the window closes once the work has
    assert ops.running() == 0
    assert delivered == []  # a stopped operation's callbacks belong to a closing window
    assert not audit.isVisible()  # windows left open close with the main window
    desk.close()


def test_background_loading_is_stopped_without_asking(
    qtbot: Any, qapp: Any, ws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = Desk(ws, "vi")
    desk.window.show()
    started = threading.Event()
    ops.run_op(_slow_work(started), print, print)  # no title: nothing the user started
    qtbot.waitUntil(started.is_set)
    monkeypatch.setattr(QMessageBox, "question", _never_asked)
    with qtbot.waitSignal(desk.window.closed):
        desk.window.close()
    desk.close()
    assert ops.running() == 0


def test_a_brief_being_built_is_finished_then_the_window_closes(
    qtbot: Any, qapp: Any, ws: Any, svc: RecordService, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = svc.create("delegation", _delegation("Đoàn Gifu"))
    desk = Desk(ws, "vi")
    desk.window.show()
    editor = desk.window.open_record("delegation", row["id"])
    assert editor is not None
    editor.print_brief()
    dialog = editor.findChild(BriefDialog)
    dialog.build()
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    with qtbot.waitSignal(desk.window.closed):
        desk.window.close()
    assert ops.running() == 0
    desk.close()
    assert list(ws.briefs.folder.glob("*.pdf"))  # written whole, not cut off


def _delegation(title: str) -> dict[str, Any]:
    return {
        "direction": "in",
        "title": title,
        "country_code": "JP",
        "start_date": dt.date(2026, 3, 2),
        "status": "planned",
    }


def _never_asked(*_a: object, **_k: object) -> None:
    raise AssertionError("asked about work the user did not start")

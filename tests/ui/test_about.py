"""Help menu: the About box names the version and the data folder; "Open data folder" opens it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

from huedesk import __version__, paths
from huedesk.db.engine import Database
from huedesk.db.location import ServerURL
from huedesk.ui import about
from huedesk.ui.app import Desk, configure_settings
from huedesk.ui.i18n import set_language, tr
from huedesk.ui.main_window import MainWindow
from huedesk.workspace import Workspace


def _help_menu_actions(window: MainWindow) -> list[str]:
    menus = [a.menu() for a in window.menuBar().actions() if a.text() == tr("menu_help")]
    return [a.text() for a in menus[0].actions()]


def test_help_menu_has_open_data_folder_and_about(window: MainWindow) -> None:
    assert _help_menu_actions(window) == [tr("open_data_folder"), tr("about")]


def test_about_box_shows_version_and_data_folder(window: MainWindow, qtbot: Any) -> None:
    box = window.about()
    qtbot.waitUntil(box.isVisible)
    text = box.text()
    assert f"HueDesk {__version__}" in text
    ws = window.ctx.ws
    assert f"Thư mục dữ liệu: {ws.path.parent}" in text
    if ws.server:  # the server by name, not the stand-in path of what this computer keeps
        assert f"Máy chủ dữ liệu: {ws.server}" in text and str(ws.path) not in text
    else:
        assert str(ws.path) in text
    assert not box.iconPixmap().isNull()
    box.close()


def test_about_box_in_english_and_in_portable_mode(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "HueDesk"
    program.mkdir()
    (program / paths.PORTABLE_MARKER).write_text("")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program / "HueDesk"))
    set_language("en")
    try:
        portable_db = program.resolve() / "data" / paths.DB_FILENAME
        text = about.about_text(portable_db)
        assert f"Data folder: {portable_db.parent}" in text and "Portable mode" in text
        assert "Portable" not in about.about_text(window.ctx.ws.path)
    finally:
        set_language("vi")


def test_open_data_folder_opens_the_folder_of_the_database(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(about.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.act_data_folder.trigger()
    assert [u.toLocalFile() for u in opened] == [str(window.ctx.ws.path.parent)]


def test_the_application_has_huedesk_icon_and_names_its_desktop_entry(qapp: QApplication) -> None:
    from huedesk.ui.app import DESKTOP_FILE, application

    assert not application().windowIcon().isNull()
    assert QApplication.desktopFileName() == DESKTOP_FILE
    root = Path(__file__).resolve().parents[2]
    assert (root / "packaging" / "linux" / f"{DESKTOP_FILE}.desktop").is_file()
    assert not about.app_icon().pixmap(32, 32).isNull()


def test_on_a_server_the_window_names_the_server_not_a_file(
    qtbot: Any, qapp: Any, pg_db: Database
) -> None:
    """Status bar and About box say ``user@host:port/db`` (never the password, never the
    stand-in path under the data folder that holds what this computer keeps locally)."""
    assert isinstance(pg_db.location, ServerURL)
    configure_settings()
    desk = Desk(Workspace(pg_db, "kiemthu"), "vi")
    qtbot.addWidget(desk.window)
    try:
        shown = pg_db.location.shown
        assert shown.startswith("huedesk@127.0.0.1:") and shown.count("/") == 1
        assert desk.window.path_label.text() == f"Máy chủ dữ liệu: {shown}"
        box = desk.window.about()
        qtbot.waitUntil(box.isVisible)
        assert f"Máy chủ dữ liệu: {shown}" in box.text()
        assert ".server" not in box.text() + desk.window.path_label.text()
        box.close()
        # backups are taken here; restoring is the server administrator's (pg_restore)
        assert desk.window.act_backup.isEnabled() and not desk.window.act_restore.isEnabled()
        assert "pg_restore" in desk.window.act_restore.toolTip()
    finally:
        desk.window.close()

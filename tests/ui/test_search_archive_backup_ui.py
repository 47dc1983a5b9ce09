"""The window's global search, archive export/import, backups, restore and the start-up rescue."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from huedesk import backup, clock
from huedesk.archive import export as archive_export
from huedesk.archive import importer as archive_importer
from huedesk.db.engine import Database
from huedesk.records import ListQuery, RecordService
from huedesk.store import open_store
from huedesk.ui import ops
from huedesk.ui.app import Desk
from huedesk.ui.archive_ui import ExportDialog, ReportDialog
from huedesk.ui.backup_ui import RestoreDialog, open_or_rescue
from huedesk.ui.main_window import MainWindow
from huedesk.ui.search_box import HTML_ROLE, SEARCH_DELAY_MS
from huedesk.workspace import Workspace
from tests.backends import sqlite_only
from tests.ui.conftest import Answers, make_delegations, type_text


def wait_ops(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=10000)


@pytest.fixture
def infos(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``QMessageBox.information`` answered at once; the texts shown are kept."""
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text, *a, **k: shown.append(text))
    )
    return shown


def test_global_search_finds_without_accents_and_enter_opens(
    window: MainWindow, qtbot: Any, svc: RecordService, partner: dict
) -> None:
    make_delegations(svc, 3)
    gifu = svc.create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn Tỉnh Gifu thăm Huế",
            "country_code": "JP",
            "partner_id": partner["id"],
            "start_date": dt.date(2025, 4, 2),
            "status": "planned",
        },
    )
    window.act_find.trigger()
    assert window.focusWidget() is window.search.box  # Ctrl+F: the global box
    type_text(qtbot, window.search.box, "doan gifu")
    popup = window.search.popup
    qtbot.waitUntil(lambda: popup.isVisible() and popup.current_hit() is not None, timeout=2000)
    assert popup.current_hit() == ("delegation", gifu["id"])
    headings = [
        popup.list.item(i).text() for i in range(popup.list.count()) if popup.list.item(i).text()
    ]
    assert headings and headings[0].startswith("Đoàn")  # a heading per kind, with its count
    line = popup.list.item(popup.hit_rows()[0]).data(HTML_ROLE)
    assert "<b>Gifu</b>" in line  # the highlighted snippet
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    assert ("delegation", gifu["id"]) in window.editors
    assert not popup.isVisible()


def test_search_box_keys_move_and_escape(
    window: MainWindow, qtbot: Any, svc: RecordService
) -> None:
    make_delegations(svc, 4)
    type_text(qtbot, window.search.box, "doan")
    qtbot.wait(SEARCH_DELAY_MS + 50)
    popup = window.search.popup
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    first = popup.current_hit()
    qtbot.keyClick(window.search.box, Qt.Key.Key_Down)
    assert popup.current_hit() not in (None, first)
    qtbot.keyClick(window.search.box, Qt.Key.Key_Escape)
    assert not popup.isVisible()


@pytest.mark.parametrize("large", [False, True], ids=["small", "large"])
def test_export_then_import_round_trip_through_the_menu(
    desk: Desk,
    qtbot: Any,
    svc: RecordService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    infos: list[str],
    partner: dict,
    large: bool,
) -> None:
    if large:  # a large office database: table worker and background verification processes
        monkeypatch.setattr(archive_export, "PARALLEL_FROM", 1)
        monkeypatch.setattr(archive_importer, "PARALLEL_FROM", 1)
    made = make_delegations(svc, 5, partner["id"])
    bundle = tmp_path / "out" / "bundle.zip"
    bundle.parent.mkdir()
    monkeypatch.setattr(ExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(bundle), ""))
    )
    desk.window.act_export.trigger()
    wait_ops(qtbot)
    assert bundle.is_file()
    assert infos and str(bundle) in infos[0]

    other = open_store(tmp_path / "other" / "huedesk.sqlite3")
    try:
        there = Desk(Workspace(other, "kiemthu"), "vi")
        qtbot.addWidget(there.window)
        previews: list[str] = []

        def confirm(self: ReportDialog) -> int:
            previews.append(self.text.toPlainText())
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(ReportDialog, "exec", confirm)
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bundle), ""))
        )
        page = there.window.show_page("delegation_in")
        there.window.act_import.trigger()
        wait_ops(qtbot)
        assert previews and "Thêm mới" in previews[0] and "5" in previews[0]
        imported = RecordService(other, "kiemthu").list("delegation", ListQuery(limit=None))
        assert sorted(r["ref"] for r in imported.rows) == sorted(d["ref"] for d in made)
        assert page.model.total == 5  # the list refreshed
        assert "Tổng" in there.window.archive.last_report.text.toPlainText()
        assert any(b.reason == "import" for b in backup.list_backups(other.path))
        there.window.archive.last_report.close()
        there.window.close()
    finally:
        other.dispose()


def test_backup_now_writes_a_file_and_names_it(desk: Desk, qtbot: Any) -> None:
    desk.window.act_backup.trigger()
    wait_ops(qtbot)
    (taken,) = [b for b in desk.ws.backups.list() if b.kind == "manual"]
    assert taken.path.is_file()
    assert str(taken.path) in desk.window.statusBar().currentMessage()


@sqlite_only(
    "puts a backup file in place of the database file; on a server the window's Restore is "
    "disabled (pg_restore is the server's own tool: tests/ui/test_about.py)"
)
def test_restore_replaces_the_database_and_reopens(
    desk: Desk,
    qtbot: Any,
    svc: RecordService,
    monkeypatch: pytest.MonkeyPatch,
    answer: Answers,
) -> None:
    make_delegations(svc, 2)
    backup.backup_now(desk.ws.path)
    make_delegations(svc, 3)  # after the backup: gone once it is restored
    shown: list[int] = []

    def choose_newest(self: RestoreDialog) -> int:
        shown.append(self.table.rowCount())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestoreDialog, "exec", choose_newest)
    answer.queue.append(QMessageBox.StandardButton.Yes)
    old_db = desk.ws.db
    desk.window.act_restore.trigger()  # the old window is deleted: keep no reference to it
    wait_ops(qtbot)
    qtbot.waitUntil(
        lambda: desk.ws.db is not old_db and desk.window.ctx.ws is desk.ws, timeout=5000
    )
    qtbot.wait(10)  # the old window's deferred delete
    gc.collect()  # its wrapper (kept by lambda cycles) goes too, so teardown skips it
    try:
        assert shown == [1] and "Thay cơ sở dữ liệu" in answer.asked[0]
        rows = desk.ws.records.list("delegation", ListQuery(limit=0))
        assert rows.total == 2
        assert any(b.kind == "pre-restore" for b in desk.ws.backups.list())
        assert "Đã khôi phục" in desk.window.statusBar().currentMessage()
    finally:
        desk.ws.db.dispose()


def test_damaged_database_at_start_offers_the_newest_good_backup(
    qapp: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_store(db_path)
    RecordService(db, "kiemthu").create("person", {"full_name": "Nguyễn Văn A"})
    good = backup.backup_now(db_path)
    db.dispose()
    with db_path.open("r+b") as fh:  # wreck every page after the first
        size = db_path.stat().st_size
        fh.seek(4096)
        fh.write(b"\xa5" * (size - 4096))
    asked: list[str] = []

    def click_restore(self: QMessageBox) -> int:
        asked.append(f"{self.text()}\n{self.informativeText()}")
        accept = QMessageBox.ButtonRole.AcceptRole
        (restore,) = [b for b in self.buttons() if self.buttonRole(b) == accept]
        restore.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    reopened = open_or_rescue(db_path, "vi")
    assert reopened is not None
    try:
        assert asked and str(good) in asked[0]
        ws = reopened.enter("kiemthu")
        people = ws.records.list("person", ListQuery(limit=None)).rows
        assert [p["full_name"] for p in people] == ["Nguyễn Văn A"]
    finally:
        reopened.close()


def test_storage_warning_is_shown_once_in_a_bar(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "huedesk.workspace.workspace.storage_warning",
        lambda _p, lang: "Cơ sở dữ liệu nằm trên ổ mạng (nfs).",
    )
    assert desk.warn_about_storage()
    assert desk.window.warning_bar.isVisible()
    assert "ổ mạng" in desk.window.warning_bar.label.text()


def test_no_storage_warning_on_a_local_disk(desk: Desk, db: Database) -> None:
    assert desk.warn_about_storage() is None
    assert not desk.window.warning_bar.isVisible()


def test_a_click_on_a_result_opens_it(window: MainWindow, qtbot: Any, svc: RecordService) -> None:
    made = make_delegations(svc, 3)
    type_text(qtbot, window.search.box, "doan")
    popup = window.search.popup
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    item = popup.list.item(popup.hit_rows()[1])
    kind, record_id = item.data(Qt.ItemDataRole.UserRole)
    qtbot.mouseClick(
        popup.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=popup.list.visualItemRect(item).center(),
    )
    assert (kind, record_id) in window.editors
    assert record_id in {d["id"] for d in made}


def test_export_the_list_shown_prefills_its_kind_and_year(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, svc: RecordService
) -> None:
    make_delegations(svc, 2)
    seen: list[dict[str, Any]] = []

    def look(self: ExportDialog) -> int:
        seen.append(self.options())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ExportDialog, "exec", look)
    page = window.show_page("delegation_in")
    page.filters.year.setCurrentIndex(page.filters.year.findData(2025))
    window.act_export_list.trigger()
    assert seen == [{"kinds": ("delegation",), "year": 2025, "since": None, "with_briefs": False}]


def test_export_since_starts_a_month_before_the_programs_today(qapp: Any) -> None:
    """The dialog reads today from huedesk.clock (injected here), not from the system."""
    with clock.use(clock.fixed(dt.datetime(2026, 3, 31, 23, 30, tzinfo=dt.UTC))):
        dialog = ExportDialog("vi")
    assert dialog.since.date().toPython() == dt.date(2026, 2, 28)
    assert dialog.year.itemData(1) == 2027  # next year first, then this one
    dialog.deleteLater()

"""The start page's figures and charts, the records behind them, the review and regions dialogs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from huedesk import clock
from huedesk.db.engine import Database
from huedesk.stats.service import DASHBOARD_FIGURES
from huedesk.ui import ops
from huedesk.ui.app import Desk, configure_settings
from huedesk.ui.dashboard_page import CARDS, DashboardPage
from huedesk.ui.figure_records import FigureRecordsWindow
from huedesk.ui.i18n import set_language
from huedesk.ui.printing import PreviewDialog
from huedesk.workspace import Principal, Role, Workspace
from tests.stats import known

DAY = dt.datetime(2026, 1, 5, 2, tzinfo=dt.UTC)


@pytest.fixture
def data(db: Database) -> known.Known:
    return known.build(db)


def _desk(qtbot: Any, ws: Workspace, lang: str = "vi") -> Iterator[Desk]:
    configure_settings()
    with clock.use(clock.fixed(DAY)):
        d = Desk(ws, lang)
        qtbot.addWidget(d.window)
        d.window.resize(1366, 768)
        d.window.show()
        yield d
        qtbot.waitUntil(lambda: ops.running() == 0)
        d.window.close()
    set_language("vi")


@pytest.fixture
def page(qtbot: Any, qapp: Any, ws: Workspace, data: known.Known) -> Iterator[DashboardPage]:
    for desk in _desk(qtbot, ws):
        shown = desk.window.show_page("attention")
        assert isinstance(shown, DashboardPage)
        shown.year.setCurrentIndex(shown.year.findData(2025))
        figures_in(qtbot, shown)
        yield shown


def figures_in(qtbot: Any, page: DashboardPage) -> None:
    """Wait for the figures counted off the UI thread (a hang guard, not a timing)."""
    qtbot.waitUntil(lambda: not page.is_counting(), timeout=60_000)


def test_cards_show_the_year_against_the_one_before(page: DashboardPage) -> None:
    assert page.title.text() == "Tổng quan năm 2025"
    assert page.as_of.text() == "số liệu tính đến 31/12/2025"
    cards = {c.label.text(): c for c in page.cards}
    inbound = cards["Đoàn vào"]
    assert (inbound.value.text(), inbound.change.text()) == ("2", "năm 2024: 1 (▲\u00a0100,0%)")
    assert cards["Cặp tỉnh, thành phố hợp tác"].value.text() == "3"
    assert cards["Vốn FDI cấp mới"].value.text() == "39,27 triệu USD"
    assert cards["Vốn FDI cấp mới"].sub.text() == "1 dự án cấp mới"
    aid = cards["Viện trợ giải ngân"]
    assert (aid.value.text(), aid.sub.text()) == ("8,55 tỷ đồng", "cam kết 12,50 tỷ đồng")
    assert cards["Đoàn ra"].change.text() == "năm 2024: không có"
    assert cards["Sự kiện quốc tế"].change.text() == "bằng năm 2024"
    assert page.sections[1][1].isVisible(), "the attention lists are on the page"


def test_the_start_page_counts_what_its_cards_show() -> None:
    shown = {f"{area}.{key}" for area, key, _label in CARDS} | {"fdi.new_projects", "aid.mobilised"}
    assert shown == DASHBOARD_FIGURES, "the service counts for the start page what it shows"


def test_a_card_and_a_bar_open_the_records_behind_them(qtbot: Any, page: DashboardPage) -> None:
    card = next(c for c in page.cards if c.label.text() == "Đoàn ra")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    window = page.windows[-1]
    assert isinstance(window, FigureRecordsWindow)
    listed = window.lists[0]
    assert listed.kind == "delegation" and listed.model.total == 2
    assert "Đoàn ra — Năm 2025 (2 hồ sơ)" in window.windowTitle()
    chart = page.visits_chart
    chart.resize(500, 260)
    chart.repaint()
    names = list(chart.data.categories)
    laos = names.index("Lào")
    rect = chart.bar_rect(laos, 1)
    assert rect is not None
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    behind = page.windows[-1]
    assert isinstance(behind, FigureRecordsWindow) and behind is not window
    assert behind.lists[0].model.total == 2
    assert "Lào" in behind.windowTitle()
    # by keyboard: focus the month chart, move to the first bar, Enter
    months = page.months_chart
    months.resize(500, 260)
    months.repaint()
    months.setFocus()
    qtbot.keyClick(months, Qt.Key.Key_Right)
    qtbot.keyClick(months, Qt.Key.Key_Return)
    assert page.windows[-1] is not behind
    assert chart.bar_at(QPoint(1, 1).toPointF()) is None


def test_officers_see_consular_counts_without_the_cases(
    qtbot: Any, qapp: Any, db: Database, data: known.Known
) -> None:
    ws = Workspace(db, Principal("lan", Role.OFFICER))
    for desk in _desk(qtbot, ws):
        page = desk.window.show_page("attention")
        assert isinstance(page, DashboardPage)
        page.year.setCurrentIndex(page.year.findData(2025))
        figures_in(qtbot, page)
        card = next(c for c in page.cards if c.label.text() == "Vụ việc lãnh sự")
        assert card.value.text() == "2" and not card.clickable
        assert "vai trò của bạn" in card.toolTip()
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
        assert page.windows == []


def test_english_start_page(qtbot: Any, qapp: Any, ws: Workspace, data: known.Known) -> None:
    for desk in _desk(qtbot, ws, "en"):
        page = desk.window.show_page("attention")
        assert isinstance(page, DashboardPage)
        page.year.setCurrentIndex(page.year.findData(2025))
        figures_in(qtbot, page)
        cards = {c.label.text(): c for c in page.cards}
        assert cards["Aid disbursed"].value.text() == "VND 8.55 billion"
        assert cards["Delegations in"].change.text() == "2024: 1 (▲\u00a0100.0%)"
        assert page.aid_chart.data.title == "Aid by donor (VND billion)"


def test_review_dialog_keeps_the_texts_and_builds_the_pdf(
    qtbot: Any, page: DashboardPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = page.open_review()
    dialog.editors["assessment"].setPlainText("Năm 2025 đạt nhiều kết quả.")
    dialog.editors["tasks"].setPlainText("Mở rộng hợp tác với các tỉnh Nam Lào.")
    assert dialog.save()
    assert page.ctx.ws.stats.texts.get(2025).tasks == "Mở rộng hợp tác với các tỉnh Nam Lào."
    dialog.build()
    qtbot.waitUntil(lambda: dialog.pdf is not None)
    assert dialog.pdf is not None and dialog.pdf.stat().st_size > 10_000
    shown = dialog.findChild(PreviewDialog)
    assert shown is not None and shown.pages >= 2, "the review is shown inside the program"
    assert dialog.open_btn.isEnabled() and dialog.send_btn.isEnabled()
    dialog.text_lang.setCurrentIndex(1)
    assert dialog.editors["assessment"].toPlainText() == "", "English is written separately"
    dialog.editors["assessment"].setPlainText("Unsaved")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert page.ctx.ws.stats.texts.get(2025, "en").assessment == "Năm 2025 đạt nhiều kết quả."
    assert page.ctx.ws.stats.texts.get(2025, "en").fallback


def test_regions_dialog_and_the_spreadsheet(
    qtbot: Any, page: DashboardPage, data: known.Known, tmp_path: Path
) -> None:
    dialog = page.open_regions()
    dialog.new_region()
    dialog.name.setText("Nhật Bản và Hàn Quốc")
    for i in range(dialog.members.count()):
        item = dialog.members.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in (data.gifu, data.wando):
            item.setCheckState(Qt.CheckState.Checked)
    assert dialog.save()
    assert [r.name for r in dialog.known] == ["Các tỉnh Nam Lào", "Nhật Bản và Hàn Quốc"]
    region = dialog.current_id()
    dialog.accept()
    with clock.use(clock.fixed(DAY)):
        figures = page.ctx.ws.stats.year(2025, only=["delegations"])
    row = figures.area("delegations").breakdown("by_region").row(str(region))
    assert row is not None and row.figure("inbound").value == 1, "Gifu's visit; Wando's cancelled"
    out = tmp_path / "so-lieu.xlsx"
    page.export_sheet(out)
    qtbot.waitUntil(lambda: out.exists() and ops.running() == 0)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Tổng hợp"

"""Printing a brief to a file, long work off the UI thread, language switch, first run, picker."""

from __future__ import annotations

import datetime as dt
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from reportlab.pdfgen import canvas

from huedesk import clock, dashboard
from huedesk.db.engine import Database
from huedesk.records import RecordService
from huedesk.ui import open_file as open_file_mod
from huedesk.ui import ops
from huedesk.ui.app import Desk
from huedesk.ui.dashboard_page import DashboardPage
from huedesk.ui.first_run import FirstRunDialog
from huedesk.ui.i18n import tr
from huedesk.ui.list_page import ListPage
from huedesk.ui.ops import Cancelled, Progress, run_op
from huedesk.ui.picker import RecordPicker
from huedesk.ui.printing import BriefDialog, PreviewDialog
from huedesk.workspace import Workspace
from tests.ui.conftest import make_delegations, type_text


@pytest.fixture
def fake_briefs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """A stand-in ``huedesk.briefs`` that writes a two-page PDF fast and records its calls."""
    calls: list[tuple[Any, ...]] = []

    def render_brief(
        db: Database,
        kind: str,
        record_id: int,
        out_path: Path,
        *,
        lang: str,
        redact: bool,
        **options: Any,
    ) -> Path:
        calls.append((kind, record_id, lang, redact))
        if options.get("doc", "BC") != "BC":
            calls.append((options["doc"], options["to"]))
        pdf = canvas.Canvas(str(out_path))
        for page in ("Trang 1", "Trang 2"):
            pdf.drawString(72, 720, page)
            pdf.showPage()
        pdf.save()
        return out_path

    module = types.ModuleType("huedesk.briefs")
    module.render_brief = render_brief  # type: ignore[attr-defined]
    module.BRIEF_KINDS = ("delegation",)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "huedesk.briefs", module)
    return calls


def test_print_brief_builds_the_pdf_and_prints_it_to_a_file(
    desk: Desk, qtbot: Any, svc: RecordService, tmp_path: Path, fake_briefs: list
) -> None:
    (d,) = make_delegations(svc, 1)
    editor = desk.window.open_record("delegation", d["id"])
    editor.print_btn.click()
    dialog = editor.findChild(BriefDialog)
    assert dialog is not None and not dialog.redact.isChecked()
    dialog.build_btn.click()
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=5000)
    assert fake_briefs == [("delegation", d["id"], "vi", False)]
    assert dialog.pdf is not None and dialog.pdf.name == f"{d['ref']}-vi.pdf"
    assert dialog.send_btn.isEnabled()
    # the brief is previewed inside the program at once, every page
    preview = dialog.findChild(PreviewDialog)
    assert preview is not None and preview.isVisible() and preview.pages == 2
    preview.close()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert dialog.send_to_printer(printer) == 2
    assert len(PdfReader(printed).pages) == 2


def test_print_brief_as_a_to_trinh_with_its_addressee(
    desk: Desk, qtbot: Any, svc: RecordService, fake_briefs: list
) -> None:
    (d,) = make_delegations(svc, 1)
    editor = desk.window.open_record("delegation", d["id"])
    editor.print_btn.click()
    dialog = editor.findChild(BriefDialog)
    assert dialog is not None
    assert not dialog.to_edit.isEnabled()  # a báo cáo names no addressee
    assert "UBND thành phố Huế" in dialog.to_edit.placeholderText()
    dialog.doc_box.setCurrentIndex(dialog.doc_box.findData("TTr"))
    assert dialog.doc_box.currentText() == "Tờ trình" and dialog.to_edit.isEnabled()
    dialog.to_edit.insert("Chủ tịch UBND thành phố")  # as an input method commits it
    dialog.build_btn.click()
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=5000)
    assert fake_briefs[-1] == ("TTr", "Chủ tịch UBND thành phố")
    assert dialog.pdf is not None and dialog.pdf.name == f"{d['ref']}-ttr-vi.pdf"


def test_print_is_offered_only_where_a_brief_exists(desk: Desk, svc: RecordService) -> None:
    (d,) = make_delegations(svc, 1)
    assert desk.window.open_record("delegation", d["id"]).print_btn.isEnabled()
    event = svc.create(
        "event",
        {
            "title": "Festival Huế",
            "event_type": "festival",
            "start_date": "01/06/2026",
            "status": "planned",
        },
    )
    assert not desk.window.open_record("event", event["id"]).print_btn.isEnabled()


def test_real_brief_of_a_delegation(desk: Desk, qtbot: Any, svc: RecordService) -> None:
    (d,) = make_delegations(svc, 1)
    editor = desk.window.open_record("delegation", d["id"])
    editor.print_brief()
    dialog = editor.findChild(BriefDialog)
    assert dialog is not None
    dialog.build()
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=15000)
    assert dialog.pdf is not None and PdfReader(dialog.pdf).pages
    assert "Đoàn" in PdfReader(dialog.pdf).pages[0].extract_text()


def test_background_work_reports_progress_and_can_be_cancelled(qtbot: Any, qapp: Any) -> None:
    seen: list[Any] = []

    def work(progress: Progress) -> int:
        for i in range(1000):
            progress.report(i, 1000)
            progress.check()
            if i == 3:
                progress.cancel()  # as the Cancel button does
        return 1

    op = run_op(work, seen.append, seen.append, title="thử")
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=5000)
    assert op.dialog is None
    assert len(seen) == 1 and isinstance(seen[0], Cancelled)
    run_op(lambda p: 42, seen.append, seen.append)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert seen[1] == 42


def test_language_switch_rebuilds_the_window_in_english(desk: Desk, qtbot: Any) -> None:
    old = desk.window
    assert old.nav.item(1).text() == "Đoàn vào"
    old.lang_actions["en"].trigger()
    assert desk.window is not old
    assert desk.window.nav.item(1).text() == "Inbound delegations"
    page = desk.window.show_page("consular_case")
    assert isinstance(page, ListPage)
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Reference"
    desk.window.lang_actions["vi"].trigger()
    assert desk.window.nav.item(1).text() == "Đoàn vào"


def test_first_run_offers_demo_data_and_says_where_the_file_is(
    desk: Desk, qtbot: Any, db: Database
) -> None:
    dialog = desk.offer_start()
    assert isinstance(dialog, FirstRunDialog)
    assert str(db.path) in dialog.text.text()
    dialog.records.setValue(100)
    dialog.demo_btn.click()
    qtbot.waitUntil(lambda: not dashboard.is_empty(db) and ops.running() == 0, timeout=30000)
    assert desk.offer_start() is None  # not empty any more
    page = desk.window.show_page("delegation_in")
    assert isinstance(page, ListPage) and page.model.total > 0


def test_file_demo_data_on_real_records_is_refused(
    desk: Desk, svc: RecordService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File → demo data on a database with records: no offer to add invented records."""
    make_delegations(svc, 1)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    desk.window.act_demo.trigger()
    assert desk.window.findChild(FirstRunDialog) is None
    assert len(told) == 1 and "đã có hồ sơ" in told[0] and "trống" in told[0]


def test_picker_searches_as_you_type(ctx: Any, qtbot: Any, svc: RecordService) -> None:
    for name in ("Tỉnh Gifu", "Tỉnh Nara", "Thành phố Gyeongju"):
        svc.create("organisation", {"name": name, "org_type": "partner_locality"})
    picker = RecordPicker(None, ctx.ws, "organisation", "vi")
    qtbot.addWidget(picker)
    assert picker.model.total == 3
    type_text(qtbot, picker.search, "nara")
    qtbot.waitUntil(lambda: picker.model.total == 1, timeout=2000)
    assert picker.chosen() == (2, "Tỉnh Nara")


def test_window_remembers_last_view_and_column_widths(
    desk: Desk, qtbot: Any, db: Database, svc: RecordService
) -> None:
    make_delegations(svc, 3)
    page = desk.window.show_page("delegation_in")
    assert isinstance(page, ListPage)
    page.table.setColumnWidth(0, 211)
    desk.window.close()  # the start page's figures may still be stopping: it closes after
    qtbot.waitUntil(lambda: not desk.window.isVisible(), timeout=60_000)
    again = Desk(Workspace(db, "kiemthu"), "vi")
    qtbot.addWidget(again.window)
    assert again.window.current_key() == "delegation_in"
    restored = again.window.current_list()
    assert restored is not None and restored.table.columnWidth(0) == 211


def test_child_lines_model_passes_qt_model_checks(
    desk: Desk, qtmodeltester: Any, svc: RecordService, person: dict
) -> None:
    (d,) = make_delegations(svc, 1)
    for i in range(3):
        svc.create(
            "delegation_member",
            {"delegation_id": d["id"], "person_id": person["id"], "precedence": i},
        )
    editor = desk.window.open_record("delegation", d["id"])
    model = editor.children_tables["delegation_member"].model
    assert model.rowCount() == 3
    qtmodeltester.check(model, force_py=True)


def test_open_brief_without_a_pdf_viewer_says_where_the_file_is(
    desk: Desk, qtbot: Any, svc: RecordService, fake_briefs: list, monkeypatch: Any
) -> None:
    """ "Mở tài liệu" on a PC with no PDF viewer: a message naming the file, and its folder."""
    (d,) = make_delegations(svc, 1)
    editor = desk.window.open_record("delegation", d["id"])
    editor.print_btn.click()
    dialog = editor.findChild(BriefDialog)
    dialog.build_btn.click()
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=5000)
    asked: list[str] = []
    monkeypatch.setattr(
        open_file_mod, "open_url", lambda url: asked.append(url.toLocalFile()) or False
    )
    shown: list[str] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box.text())
        folder = next(b for b in box.buttons() if "thư mục" in b.text())
        folder.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    dialog.open_btn.click()
    assert len(shown) == 1 and "PDF" in shown[0] and str(dialog.pdf) in shown[0]
    assert asked == [str(dialog.pdf), str(dialog.pdf.parent)]


def test_start_page_lists_what_needs_attention_after_records_arrive_behind_its_back(
    desk: Desk, svc: RecordService
) -> None:
    """Demo data and imports write without the window's change signal; refreshing the window
    must count the attention lists again, not only the figures (they stayed "none" before)."""
    page = desk.window.show_page("attention")
    assert isinstance(page, DashboardPage)
    visits = page.attention.sections[0][1]
    assert visits.topLevelItem(0).text(1) == tr("nothing")
    svc.create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn tỉnh Gifu",
            "country_code": "JP",
            "start_date": clock.today() + dt.timedelta(days=5),
            "status": "approved",
        },
    )
    desk.window.refresh()
    assert visits.topLevelItemCount() == 1
    assert visits.topLevelItem(0).text(1) == "Đoàn tỉnh Gifu"

"""Issue #13 items 2-4: every window fits a 1366×768 laptop with a taskbar, a refused
save names every problem at once, and the keyboard reaches everything."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLineEdit,
    QMenu,
    QScrollArea,
    QWidget,
)

from huedesk.records import RecordService
from huedesk.ui import geometry, keys
from huedesk.ui.app import Desk
from huedesk.ui.archive_ui import ExportDialog
from huedesk.ui.backup_ui import RestoreDialog
from huedesk.ui.children import ChildDialog
from huedesk.ui.editor import RecordEditor
from huedesk.ui.first_run import FirstRunDialog
from huedesk.ui.i18n import set_language
from huedesk.ui.picker import RecordPicker
from huedesk.ui.printing import BriefDialog
from huedesk.ui.widgets import ReferenceEditor
from huedesk.workspace import Workspace
from tests.ui.conftest import type_text

# A 1366×768 screen less a 40-pixel taskbar, as Windows reports it on an office laptop.
LAPTOP = QRect(0, 0, 1366, 728)


def activate(qtbot: Any, window: QWidget) -> None:
    """Make ``window`` the active one (focus lives only in the active window)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@pytest.fixture
def laptop() -> Iterator[None]:
    with geometry.pretend_screen(LAPTOP):
        yield


def _in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def assert_fits(window: QWidget) -> None:
    """The window lies on the screen and every button outside a scrolling form is inside it."""
    QApplication.processEvents()
    name = type(window).__name__
    frame = window.frameGeometry()
    assert LAPTOP.contains(frame), f"{name} at {frame} leaves the screen {LAPTOP}"
    hint = window.minimumSizeHint()
    assert hint.width() <= LAPTOP.width() and hint.height() <= LAPTOP.height(), (name, hint)
    inside = window.rect()
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or _in_scroll_area(button, window):
            continue
        where = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        assert inside.contains(where), f"{name}: button {button.text()!r} at {where} is cut off"


@pytest.fixture
def project(admin_svc: RecordService) -> dict[str, Any]:
    svc = admin_svc
    donor = svc.create("organisation", {"name": "KOICA", "org_type": "donor", "country_code": "KR"})
    return svc.create(
        "aid_project",
        {
            "title": "Trạm y tế xã Phú Mậu",
            "donor_id": donor["id"],
            "sector": "health",
            "committed_amount": "500.000",
            "currency": "USD",
            "status": "approved",
        },
    )


def test_every_window_and_dialog_fits_a_laptop_screen(
    laptop: None,
    desk_as: Callable[..., Desk],
    qtbot: Any,
    admin_svc: RecordService,
    project: dict[str, Any],
) -> None:
    svc = admin_svc
    desk = desk_as("admin")
    window = desk.window
    assert_fits(window)
    for entry in window.nav_entries:
        window.show_page(entry.key)
        assert_fits(window)
    case = svc.create(
        "consular_case",
        {
            "case_type": "lost_documents",
            "title": "Công dân mất hộ chiếu tại Tokyo",
            "country_code": "JP",
            "opened_on": "02/03/2026",
            "information_source": "family",
            "status": "open",
        },
    )
    windows: list[QWidget] = []
    for kind, record_id in (
        ("delegation", None),
        ("consular_case", case["id"]),
        ("aid_project", project["id"]),
    ):
        editor = window.open_record(kind, record_id)
        assert editor is not None
        windows.append(editor)
        for i in range(editor.tabs.count()):
            editor.tabs.setCurrentIndex(i)
            assert_fits(editor)
    aid = windows[-1]
    assert isinstance(aid, RecordEditor)
    child = ChildDialog(aid, desk.ws, "aid_transaction", "vi", None)
    qtbot.addWidget(child)
    child.show()
    assert_fits(child)
    notes = child.form.editors["notes"].widget
    scroll = child.findChild(QScrollArea)
    assert scroll is not None
    scroll.ensureWidgetVisible(notes)  # the notes field is reachable, not cut off
    assert notes.visibleRegion().boundingRect().height() == notes.height()
    dialogs: list[QDialog] = [
        RecordPicker(window, desk.ws, "organisation", "vi"),
        BriefDialog(aid, desk.ws, "aid_project", project["id"], project["ref"], "vi"),
        ExportDialog("vi", window),
        RestoreDialog(desk.ws, window),
        FirstRunDialog(desk.ws.path, window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert_fits(dialog)
        dialog.close()
    window.show_audit()
    audit = next(d for d in window.findChildren(QDialog) if d.isVisible() and d is not aid)
    assert_fits(audit)


def test_window_size_is_remembered_per_screen(
    qtbot: Any, qapp: Any, ws: Workspace, tmp_path: Any
) -> None:
    with geometry.pretend_screen(LAPTOP):
        first = Desk(ws, "vi")
        qtbot.addWidget(first.window)
        assert first.window.width() <= LAPTOP.width() - geometry.FRAME.width()
        first.window.resize(1100, 650)
        first.window.save_state()
    big = QRect(0, 0, 2560, 1400)
    with geometry.pretend_screen(big):
        docked = Desk(ws, "vi")
        qtbot.addWidget(docked.window)
        assert docked.window.width() == 1400  # its own default there, not the laptop's size
        docked.window.resize(2000, 1200)
        docked.window.save_state()
    with geometry.pretend_screen(LAPTOP):
        again = Desk(ws, "vi")
        qtbot.addWidget(again.window)
        assert (again.window.width(), again.window.height()) == (1100, 650)
    settings = QSettings()
    kept = [k for k in settings.allKeys() if k.startswith("geometry/main/")]
    assert len(kept) == 2


# --- all problems at once ---------------------------------------------------------------------


def test_a_refused_save_names_every_problem_and_focuses_the_first(
    laptop: None, desk_as: Callable[..., Desk], qtbot: Any, project: dict[str, Any]
) -> None:
    desk = desk_as("officer")
    editor = desk.window.open_record("aid_project", project["id"])
    assert editor is not None
    activate(qtbot, editor)
    form = editor.form
    for field, text in (
        ("start_date", "10/03/2026"),
        ("end_date", "01/03/2026"),
        ("committed_amount", "-5"),
    ):
        form.editors[field].widget.clear()
        type_text(qtbot, form.editors[field].widget, text)
    assert editor.save() is False
    assert "không được trước" in form.problem_text("end_date")
    assert "không được âm" in form.problem_text("committed_amount")
    assert form.problem_text("start_date") == ""
    # the first on the form (end date comes before the amount), not the first found
    assert QApplication.focusWidget() is form.editors["end_date"].widget


def test_a_child_line_names_every_problem_at_once(
    laptop: None, desk_as: Callable[..., Desk], qtbot: Any, project: dict[str, Any]
) -> None:
    desk = desk_as("officer")
    editor = desk.window.open_record("aid_project", project["id"])
    assert editor is not None
    dialog = ChildDialog(editor, desk.ws, "aid_transaction", "vi", None)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    form = dialog.form
    assert QApplication.focusWidget() is next(iter(form.editors.values())).widget
    type_text(qtbot, form.editors["value_date"].widget, "31/02/2026")
    type_text(qtbot, form.editors["amount"].widget, "-100")
    type_text(qtbot, form.editors["currency"].widget, "USD")
    type_text(qtbot, form.editors["rate_to_vnd"].widget, "abc")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    for field in ("value_date", "amount", "rate_to_vnd"):
        assert form.problem_text(field), field


# --- keyboard -------------------------------------------------------------------------------


def _mnemonic(text: str) -> str | None:
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].casefold() if 0 <= i < len(text) - 1 else None


def _check_unique(texts: list[str], where: str) -> None:
    letters = [m for m in map(_mnemonic, texts) if m]
    assert len(letters) == len(set(letters)), f"{where}: {texts}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_menu_mnemonics_are_unique(lang: str, desk_as: Callable[..., Desk], laptop: None) -> None:
    window = desk_as("admin", lang).window
    bar = window.menuBar()
    _check_unique([a.text() for a in bar.actions()], "menu bar")
    menus = [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)]
    while menus:
        menu = menus.pop()
        assert isinstance(menu, QMenu)
        _check_unique([a.text() for a in menu.actions() if not a.isSeparator()], menu.title())
        menus.extend(a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu))
    set_language("vi")


def test_the_language_menu_names_each_language_in_its_own_words(
    desk_as: Callable[..., Desk],
) -> None:
    for lang in ("vi", "en"):
        window = desk_as("viewer", lang).window
        assert sorted(a.text() for a in window.lang_actions.values()) == ["English", "Tiếng Việt"]


def test_application_shortcuts_work_from_the_search_box_and_record_windows(
    desk_as: Callable[..., Desk], qtbot: Any, monkeypatch: pytest.MonkeyPatch, laptop: None
) -> None:
    window = desk_as("admin").window
    exported: list[bool] = []

    def asked(_dialog: ExportDialog) -> int:  # the export dialog opened: the shortcut worked
        exported.append(True)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(ExportDialog, "exec", asked)
    activate(qtbot, window)
    window.search.focus()
    assert QApplication.focusWidget() is window.search.box
    qtbot.keyClick(window.search.box, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert exported == [True]
    editor = window.open_record("delegation", None, {"direction": "in"})
    assert editor is not None
    title = editor.form.editors["title"].widget
    qtbot.keyClick(title, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.box.hasFocus() or QApplication.focusWidget() is window.search.box


def test_the_guard_keeps_a_text_field_from_taking_a_global_key(qapp: Any) -> None:
    """A line edit claims Ctrl+Z on every platform (Ctrl+E only on Linux): with the key made
    global the field is not offered it, so the shortcut gets it."""
    edit = QLineEdit()
    undo = QKeySequence(QKeySequence.StandardKey.Undo)[0]

    def claimed() -> bool:
        event = QKeyEvent(QKeyEvent.Type.ShortcutOverride, undo.key(), undo.keyboardModifiers())
        event.ignore()
        QApplication.sendEvent(edit, event)
        return event.isAccepted()

    assert claimed()
    guard = keys.install()
    assert guard is not None
    guard.keys.add(undo)
    try:
        assert not claimed()
    finally:
        guard.keys.discard(undo)


def test_new_record_starts_in_its_first_field_and_tab_walks_the_form_in_order(
    desk_as: Callable[..., Desk], qtbot: Any, laptop: None
) -> None:
    window = desk_as("officer").window
    window.show_page("delegation_out")
    window.act_new.trigger()
    editor = next(e for e in window.findChildren(RecordEditor) if e.record_id is None)
    editor.activateWindow()
    QApplication.processEvents()
    form = editor.form
    stops = [
        ed.pick if isinstance(ed, ReferenceEditor) else ed.widget for ed in form.editors.values()
    ]
    assert QApplication.focusWidget() is stops[0]
    seen: list[QWidget] = []
    for _ in range(len(stops) * 3 + 12):
        widget = QApplication.focusWidget()
        assert widget is not None
        seen.append(widget)
        if widget is editor.save_btn:
            break
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    order = [seen.index(w) for w in stops if w in seen]
    assert len(order) == len(stops), "a field is never reached with Tab"
    assert order == sorted(order), "Tab jumps about the form"
    assert editor.save_btn in seen, "the Save button is not reached with Tab"


def test_the_newer_dialogs_fit_a_laptop_screen(
    laptop: None, desk_as: Callable[..., Desk], qtbot: Any, admin_svc: RecordService
) -> None:
    """The import wizard, duplicates, merges and imports, document settings and accounts."""
    from huedesk.ui import ops

    for name in ("Nguyễn Văn An", "Nguyen Van An"):
        admin_svc.create("person", {"full_name": name, "nationality": "VN"})
    window = desk_as("admin").window
    for open_it in (
        window.import_sheet,
        window.show_duplicates,
        window.show_operations,
        window.edit_document_settings,
        window.show_accounts,
    ):
        dialog = open_it()
        assert dialog is not None
        qtbot.waitUntil(lambda: ops.running() == 0)
        assert_fits(dialog)
        if open_it == window.show_accounts:
            form = dialog.add_account()  # type: ignore[attr-defined]
            assert_fits(form)
            form.close()
        dialog.close()

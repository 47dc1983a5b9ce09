"""The main window: navigation sidebar, pages, menus, toolbar, status bar, open record windows.

Pages are built the first time they are shown, so the window is usable as soon
as the start page is drawn. Window geometry, the last page and column widths
are kept in ``QSettings``. The window's actions work on the current page (new,
delete, print, find) or on the shared undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from huedesk.errors import HueDeskError
from huedesk.ui import about, geometry, ops
from huedesk.ui.archive_ui import ArchiveActions
from huedesk.ui.backup_ui import choose_backup
from huedesk.ui.context import AppContext
from huedesk.ui.dashboard_page import DashboardPage
from huedesk.ui.i18n import LANGUAGE_NAMES, LANGUAGES, tr
from huedesk.ui.keys import make_global
from huedesk.ui.list_page import ListPage
from huedesk.ui.ops import run_op
from huedesk.ui.search_box import GlobalSearch

if TYPE_CHECKING:
    from huedesk.ui.editor import RecordEditor
    from huedesk.ui.settings_dialog import DocumentSettingsDialog
    from huedesk.workspace import ImportReport


@dataclass(frozen=True)
class NavEntry:
    """One line of the sidebar: its key (kept in settings), label id and what it shows."""

    key: str
    label: str
    kinds: tuple[str, ...] = ()  # one list page per kind (tabs when more than one)
    base_filters: tuple[tuple[str, Any], ...] = ()
    section: str | None = None  # a heading shown above this entry
    sensitive: bool = False  # only for roles that may see consular cases


NAV: tuple[NavEntry, ...] = (
    NavEntry("attention", "nav_attention"),
    NavEntry("delegation_in", "nav_delegation_in", ("delegation",), (("direction", "in"),)),
    NavEntry("delegation_out", "nav_delegation_out", ("delegation",), (("direction", "out"),)),
    NavEntry("consular_case", "nav_consular", ("consular_case",), sensitive=True),
    NavEntry("aid_project", "nav_aid", ("aid_project",)),
    NavEntry("partners", "nav_partners", ("partnership", "agreement")),
    NavEntry("fdi_project", "nav_fdi", ("fdi_project",)),
    NavEntry("event", "nav_events", ("event",)),
    NavEntry("follow_up_task", "nav_tasks", ("follow_up_task",)),
    NavEntry("person", "nav_people", ("person",), section="nav_reference"),
    NavEntry("organisation", "nav_orgs", ("organisation",)),
)
TAB_LABELS = {"partnership": "tab_partnerships", "agreement": "tab_agreements"}


class MainWindow(QMainWindow):
    """HueDesk's main window for one open database."""

    language_requested = Signal(str)
    demo_requested = Signal()
    restore_requested = Signal(object)  # BackupInfo: the Desk closes, restores, reopens
    closed = Signal()  # the user closed the window (and with it the program)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # The context goes with the window: its signals hold slots that refer to the window,
        # so a replaced window (language switch, restore) would otherwise never be freed.
        ctx.setParent(self)
        # record windows: saved ones by (kind, id), and every one opened here and not yet gone
        self.editors: dict[tuple[str, int], RecordEditor] = {}
        self.record_windows: list[RecordEditor] = []
        self._stopping = False  # quitting: waiting for running work to stop
        self.pages: dict[str, QWidget] = {}
        self.setWindowTitle(tr("app_title"))
        self.setMinimumSize(QSize(1000, 640))
        self.nav = QListWidget()
        self.nav.setMinimumWidth(190)
        self.nav.setMaximumWidth(280)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 11pt; } QListWidget::item { padding: 5px; }"
        )
        self.stack = QStackedWidget()
        self._nav_rows: dict[str, int] = {}
        self.nav_entries = tuple(
            e for e in NAV if not e.sensitive or ctx.principal.can_see_sensitive
        )
        for entry in self.nav_entries:
            if entry.section:
                head = QListWidgetItem(tr(entry.section).upper())
                head.setFlags(Qt.ItemFlag.NoItemFlags)
                head.setForeground(Qt.GlobalColor.darkGray)
                self.nav.addItem(head)
            item = QListWidgetItem(tr(entry.label))
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            self.nav.addItem(item)
            self._nav_rows[entry.key] = self.nav.count() - 1
        self.splitter = QSplitter()
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([210, 1200])
        self.warning_bar = WarningBar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.warning_bar)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.nav.currentItemChanged.connect(self._nav_changed)
        self.search = GlobalSearch(ctx.ws, ctx.lang, self._open_found)
        self.archive = ArchiveActions(ctx, self, self._after_import)
        self._build_actions()
        read_only = ctx.ws.read_only_reason(ctx.lang)
        server = ctx.ws.server
        if server:
            self.path_label = QLabel(tr("data_server", server=server))
        else:
            self.path_label = QLabel(
                tr("data_file_read_only" if read_only else "data_file", path=ctx.ws.path)
            )
        if read_only:
            self.path_label.setToolTip(read_only)
        self.statusBar().addPermanentWidget(self.path_label)
        ctx.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.statusBar().showMessage(tr("ready"))
        self._restore()

    # --- actions ------------------------------------------------------------------------
    def _action(
        self, text_id: str, slot: Callable[[], Any], shortcut: Any = None, tip: str | None = None
    ) -> QAction:
        action = QAction(tr(text_id), self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip or tr(text_id).replace("&", ""))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.act_new = self._action("new", self.new_record, keys.New)
        self.act_open = self._action("open", self.open_selected)
        self.act_save = self._action("save", self.save_current, keys.Save)
        self.act_delete = self._action("delete", self.delete_selected, keys.Delete)
        self.act_print = self._action("print", self.print_selected, keys.Print)
        self.act_find = self._action("find", self.focus_search, keys.Find)
        self.act_filter = self._action("filter_list", self.focus_filter, "Ctrl+Shift+F")
        self.act_refresh = self._action("refresh", self.refresh, keys.Refresh)
        self.act_demo = self._action("load_demo", self.demo_requested.emit)
        self.act_export = self._action("export", self.archive.export, "Ctrl+E")
        self.act_export_list = self._action("export_list", self.export_list)
        self.act_import = self._action("import", self.archive.import_, "Ctrl+I")
        self.act_import_sheet = self._action("menu_import_sheet", self.import_sheet)
        self.act_duplicates = self._action("menu_duplicates", self.show_duplicates)
        self.act_operations = self._action("menu_operations", self.show_operations)
        self.act_backup = self._action("backup_now", self.backup_now, "Ctrl+B")
        self.act_restore = self._action("restore", self.restore_backup)
        self.act_quit = self._action("quit", self.close, keys.Quit)
        self.act_about = self._action("about", self.about)
        self.act_data_folder = self._action(
            "open_data_folder", lambda: about.open_data_folder(self.ctx.ws.path)
        )
        self.act_doc_settings = self._action("menu_doc_settings", self.edit_document_settings)
        self.act_accounts = self._action("menu_accounts", self.show_accounts)
        self.act_undo = self.ctx.undo.createUndoAction(self, tr("undo").replace("&", ""))
        self.act_undo.setShortcut(QKeySequence(keys.Undo))
        self.act_redo = self.ctx.undo.createRedoAction(self, tr("redo").replace("&", ""))
        self.act_redo.setShortcut(QKeySequence(keys.Redo))
        # What the role cannot do is not offered (the workspace would refuse it anyway).
        who = self.ctx.principal
        for a in (self.act_new, self.act_save, self.act_delete):
            a.setEnabled(who.can_write)
        for a in (self.act_export, self.act_export_list, self.act_import):
            a.setEnabled(who.can_see_sensitive)  # bundles hold personal data
        self.act_demo.setEnabled(who.can_manage_users)
        for a in (self.act_backup, self.act_restore):  # administrators (huedesk.maintenance)
            a.setEnabled(who.can_manage_users)
            if not a.isEnabled():
                a.setToolTip(tr("admin_only"))
        if self.ctx.ws.server:  # restored with the server's own tools (huedesk.maintenance)
            self.act_restore.setEnabled(False)
            self.act_restore.setToolTip(tr("restore_on_server"))
        # Nor what a database opened read-only cannot take (its writes are refused anyway).
        read_only = self.ctx.ws.read_only_reason(self.ctx.lang)
        if read_only:
            changes = (self.act_new, self.act_delete, self.act_import, self.act_import_sheet)
            for a in (*changes, self.act_demo, self.act_restore, self.act_doc_settings):
                a.setEnabled(False)
                a.setToolTip(read_only)
        # These work from any window and any field (the search box, a record window …).
        for a in (
            self.act_new,
            self.act_find,
            self.act_filter,
            self.act_refresh,
            self.act_export,
            self.act_import,
            self.act_backup,
            self.act_quit,
        ):
            make_global(a)
        # Delete acts on the lists only: in a text field it must delete characters.
        self.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.stack.addAction(self.act_delete)

        bar = self.menuBar()
        m_file = bar.addMenu(tr("menu_file"))
        for a in (self.act_new, self.act_open, self.act_save, self.act_print):
            m_file.addAction(a)
        m_file.addSeparator()
        for a in (self.act_export, self.act_export_list, self.act_import, self.act_import_sheet):
            m_file.addAction(a)
        m_file.addSeparator()
        for a in (self.act_backup, self.act_restore):
            m_file.addAction(a)
        m_file.addSeparator()
        if who.can_manage_users:  # not offered to others (the service refuses them too)
            m_file.addAction(self.act_accounts)
        m_file.addAction(self.act_doc_settings)
        m_file.addAction(self.act_demo)
        m_file.addSeparator()
        m_file.addAction(self.act_quit)
        m_edit = bar.addMenu(tr("menu_edit"))
        for a in (self.act_undo, self.act_redo):
            m_edit.addAction(a)
        m_edit.addSeparator()
        for a in (self.act_delete, self.act_find, self.act_filter):
            m_edit.addAction(a)
        m_edit.addSeparator()
        m_edit.addAction(self.act_duplicates)
        m_edit.addAction(self.act_operations)
        m_view = bar.addMenu(tr("menu_view"))
        m_view.addAction(self.act_refresh)
        act_audit = QAction(tr("menu_audit"), self)
        act_audit.triggered.connect(self.show_audit)
        m_view.addAction(act_audit)
        m_lang = m_view.addMenu(tr("menu_language"))
        group = QActionGroup(self)
        self.lang_actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            act = QAction(LANGUAGE_NAMES[code], self, checkable=True)  # each in its own words
            act.setChecked(code == self.ctx.lang)
            act.triggered.connect(lambda _c=False, c=code: self._switch_language(c))
            group.addAction(act)
            m_lang.addAction(act)
            self.lang_actions[code] = act
        m_help = bar.addMenu(tr("menu_help"))
        m_help.addAction(self.act_data_folder)
        m_help.addAction(self.act_about)

        tools = QToolBar(tr("menu_file").replace("&", ""))
        tools.setObjectName("main_toolbar")
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tools.setMovable(False)
        for a in (self.act_new, self.act_open, self.act_save, self.act_delete, self.act_print):
            tools.addAction(a)
        tools.addSeparator()
        for a in (self.act_undo, self.act_redo, self.act_refresh):
            tools.addAction(a)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tools.addWidget(spacer)
        tools.addWidget(self.search)
        self.addToolBar(tools)

    # --- navigation ---------------------------------------------------------------------
    def show_page(self, key: str) -> QWidget:
        """Show the page ``key`` (built on first use) and select it in the sidebar."""
        row = self._nav_rows.get(key, 0)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # comes back here through _nav_changed
        return self._page(key)

    def _page(self, key: str) -> QWidget:
        page = self.pages.get(key)
        if page is None:
            page = self._build_page(next(e for e in self.nav_entries if e.key == key))
            self.pages[key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        return page

    def _build_page(self, entry: NavEntry) -> QWidget:
        if not entry.kinds:
            return DashboardPage(self.ctx, self.open_record)
        lists = [
            ListPage(
                self.ctx,
                kind,
                self.open_record,
                key=f"{entry.key}.{kind}",
                base_filters=dict(entry.base_filters),
            )
            for kind in entry.kinds
        ]
        for page in lists:  # right-click on a list: the window's actions on it
            page.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            page.table.addActions([self.act_open, self.act_print, self.act_export_list])
        if len(lists) == 1:
            return lists[0]
        tabs = QTabWidget()
        for kind, page in zip(entry.kinds, lists, strict=True):
            tabs.addTab(page, tr(TAB_LABELS.get(kind, kind)))
        return tabs

    def _nav_changed(self, current: QListWidgetItem | None, _prev: Any) -> None:
        if current is None:
            return
        key = current.data(Qt.ItemDataRole.UserRole)
        if key:
            self._page(str(key))

    def current_key(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "attention"

    def current_list(self) -> ListPage | None:
        page = self.stack.currentWidget()
        if isinstance(page, QTabWidget):
            page = page.currentWidget()
        return page if isinstance(page, ListPage) else None

    # --- record windows -------------------------------------------------------------------
    def open_record(
        self, kind: str, record_id: int | None, defaults: dict[str, Any] | None = None
    ) -> RecordEditor | None:
        """Open (or raise) the window of a record; ``record_id=None`` starts a new one.

        ``None`` when the record cannot be opened (the user may not see it, or it is
        gone): the user is told why.
        """
        if record_id is not None and (kind, record_id) in self.editors:
            editor = self.editors[(kind, record_id)]
            editor.raise_()
            editor.activateWindow()
            return editor
        # record windows' code (forms, child tables, attachments) loads with the first one:
        # it is not on the way to the first window
        from huedesk.ui.editor import RecordEditor

        try:
            editor = RecordEditor(self.ctx, kind, record_id, defaults, parent=self)
        except HueDeskError as exc:
            self.ctx.show_error(self, exc)
            return None
        editor.setWindowFlag(Qt.WindowType.Window, True)
        self.record_windows.append(editor)
        self._track(editor)
        editor.saved.connect(lambda k, i, e=editor: self._track(e))
        editor.destroyed.connect(lambda _o=None, e=editor: self._forget(e))
        editor.show()
        return editor

    def _track(self, editor: RecordEditor) -> None:
        self.editors = {k: e for k, e in self.editors.items() if e is not editor}
        if editor.record_id is not None:
            self.editors[(editor.spec.name, editor.record_id)] = editor

    def _forget(self, editor: RecordEditor) -> None:
        self.editors = {k: e for k, e in self.editors.items() if e is not editor}
        self.record_windows = [e for e in self.record_windows if e is not editor]

    # --- actions on the current page ----------------------------------------------------------
    def new_record(self) -> None:
        page = self.current_list()
        if page is not None:
            page.new_record()
        else:
            self.open_record("delegation", None, {"direction": "in"})

    def current_editor(self) -> RecordEditor | None:
        """The record window in front (or the last one opened that is still open)."""
        open_ones = [e for e in self.record_windows if e.isVisible()]
        active = [e for e in open_ones if e.isActiveWindow()]
        candidates = active or open_ones
        return candidates[-1] if candidates else None

    def import_sheet(self) -> QDialog:
        """The spreadsheet import wizard (checking is open to all; importing to writers)."""
        from huedesk.ui.sheet_wizard import SheetImportWizard  # openpyxl loads on first use

        wizard = SheetImportWizard(self.ctx, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        wizard.open()
        return wizard

    def show_duplicates(self) -> QDialog:
        """Likely duplicate people and organisations, with merge and undo."""
        from huedesk.ui.duplicates_view import DuplicatesView

        view = DuplicatesView(self.ctx, self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        view.open()
        return view

    def show_operations(self) -> QDialog:
        """Recent merges and sheet imports, each undoable as a whole."""
        from huedesk.ui.operations_view import OperationsView

        view = OperationsView(self.ctx, self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        view.open()
        return view

    def show_audit(self) -> None:
        """View → Audit log: who changed what, read-only, newest first."""
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("menu_audit").replace("&", "").rstrip("…."))
        from huedesk.ui.audit_view import AuditView  # built on first use

        layout = QVBoxLayout(dialog)
        layout.addWidget(AuditView(self.ctx.ws, self.ctx.lang, dialog))
        geometry.fit(dialog, 1100, 600)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def show_accounts(self) -> QDialog | None:
        """File → User accounts (administrators): list, add, role, password, disable."""
        from huedesk.ui.accounts_dialog import AccountsDialog

        try:
            dialog = AccountsDialog(self.ctx.ws, self.ctx.lang, self)
        except HueDeskError as exc:  # not an administrator (any more)
            self.ctx.show_error(self, exc)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()
        return dialog

    def save_current(self) -> None:
        """Ctrl+S in the main window saves the record window in front."""
        editor = self.current_editor()
        if editor is not None:
            editor.save()

    def open_selected(self) -> None:
        page = self.current_list()
        if page is not None:
            page.open_selected()

    def delete_selected(self) -> None:
        page = self.current_list()
        if page is not None:
            page.delete_selected()

    def print_selected(self) -> None:
        page = self.current_list()
        ids = page.selected_ids() if page is not None else []
        editor = self.open_record(page.kind, ids[0]) if page is not None and ids else None
        if editor is not None:
            editor.print_brief()

    def focus_search(self) -> None:
        """Ctrl+F: the global search box (each list keeps its own text filter)."""
        self.activateWindow()  # Ctrl+F in a record window comes here
        self.raise_()
        self.search.focus()

    def focus_filter(self) -> None:
        """Ctrl+Shift+F: the text filter of the list shown."""
        page = self.current_list()
        if page is not None:
            self.activateWindow()
            page.focus_search()

    def _open_found(self, kind: str, record_id: int) -> None:
        self.open_record(kind, record_id)

    # --- archive bundles and backups ------------------------------------------------------------
    def export_list(self) -> None:
        """Export the kind of the list shown, with its year filter (the bundle API selects
        by kind, year and date, not by row, so this is the closest to "these rows")."""
        page = self.current_list()
        if page is None:
            self.archive.export()
            return
        _filters, year, _text = page.filters.query_parts()
        self.archive.export((page.kind,), year)

    def _after_import(self, report: ImportReport) -> None:
        for kind in report.outcomes:
            self.ctx.notify(kind)
        self.refresh()

    def backup_now(self) -> None:
        backups = self.ctx.ws.backups
        run_op(
            lambda _p: backups.now(),
            lambda dest: self.statusBar().showMessage(tr("backup_done", path=dest), 15000),
            lambda exc: self.ctx.show_error(self, exc),
            parent=self,
            title=tr("backup_running"),
        )

    def restore_backup(self) -> None:
        info = choose_backup(self.ctx.ws, self)
        if info is not None:
            self.restore_requested.emit(info)

    def show_warning(self, text: str) -> None:
        """A yellow bar above the pages (where the data is kept is risky, and similar)."""
        self.warning_bar.show_text(text)

    def _built_pages(self) -> list[QWidget]:
        """Every page built so far, tabs unpacked."""
        found: list[QWidget] = []
        for page in self.pages.values():
            if isinstance(page, QTabWidget):
                found.extend(w for i in range(page.count()) if (w := page.widget(i)) is not None)
            else:
                found.append(page)
        return found

    def refresh(self) -> None:
        for page in self._built_pages():
            if isinstance(page, ListPage | DashboardPage):
                page.refresh()

    def about(self) -> QMessageBox:
        return about.show_about(self, self.ctx.ws.path, self.ctx.ws.server)

    def edit_document_settings(self) -> DocumentSettingsDialog:
        """The agency names, signer and numbering the briefs print (administrators change them)."""
        from huedesk.ui.settings_dialog import DocumentSettingsDialog  # built on first use

        documents = self.ctx.ws.documents
        dialog = DocumentSettingsDialog(
            self, documents.values(), documents.save, editable=documents.can_change
        )
        dialog.setModal(True)
        dialog.finished.connect(
            lambda _r: (
                self.statusBar().showMessage(tr("docset_saved"), 5000) if dialog.saved else None
            )
        )
        dialog.open()
        return dialog

    def _switch_language(self, lang: str) -> None:
        if lang != self.ctx.lang:
            self.language_requested.emit(lang)

    # --- remembering ---------------------------------------------------------------------
    def _restore(self) -> None:
        settings = QSettings()
        geometry.restore(self, "main", 1400, 860)
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        last = str(settings.value("window/last_view", "attention"))
        self.show_page(last if last in self._nav_rows else "attention")

    def save_state(self) -> None:
        settings = QSettings()
        geometry.remember(self, "main")
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/last_view", self.current_key())
        for page in self._built_pages():
            if isinstance(page, ListPage):
                page.save_state(settings)
        settings.sync()

    def close_editors(self) -> bool:
        """Close every record window, asking about unsaved changes; False if one stays open."""
        for editor in list(self.record_windows):
            if editor.isVisible() and not editor.close():
                return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing ends the program: running work is stopped first (asking when the user
        started it), then record windows are closed (asking about unsaved changes), and
        what the window was about to do a moment later (its timers) is dropped."""
        if ops.running():
            event.ignore()
            if not self._stopping and self._may_stop_work():
                self._stopping = True
                ops.stop_all()
                self.statusBar().showMessage(tr("quit_stopping"))
                self._close_when_idle()
            return
        self._stopping = False
        if not self.close_editors():
            event.ignore()
            return
        self.save_state()
        for timer in self.findChildren(QTimer):  # a search or filter typed, a refresh asked
            timer.stop()  # for, a moment ago: a closed window reads nothing more
        event.accept()
        self.closed.emit()

    def _may_stop_work(self) -> bool:
        """Ask before stopping work the user started (an export, a backup …); background
        loading of a page is stopped without asking."""
        what = ops.titles()
        if not what:
            return True
        answer = QMessageBox.question(
            self,
            tr("quit_running_title"),
            tr("quit_running", what="\n".join(f"• {t}" for t in what)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _close_when_idle(self) -> None:
        """Close again once the stopped work has reported back (Cancel is honoured between
        steps; a backup or a brief being written is finished first)."""
        if ops.running():
            QTimer.singleShot(50, self._close_when_idle)
        else:
            self.close()


class WarningBar(QFrame):
    """A dismissable yellow bar at the top of the window (hidden until there is a warning)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("WarningBar { background: #fff4c2; border-bottom: 1px solid #d9b600; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(tr("close"))
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(QLabel("⚠"))
        row.addWidget(self.label, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.show()

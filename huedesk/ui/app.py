"""Starting the desktop application: ``run(db_path)`` is what ``huedesk`` calls.

``Desk`` is the small controller above the main window: it owns the signed-in
user's ``Workspace``, builds the window in the chosen language (a language
switch rebuilds it, so every label comes out of the catalogue afresh), offers
demo data on an empty database, rebuilds the window when a backup is restored
(the workspace reopens the file) and closes the workspace at the end. Before
that, ``run`` opens the ``Door`` and signs the user in.

Quitting is explicit, in this order: the main window stops running work and
closes record windows (``MainWindow.closeEvent``); the Desk closes what other
windows are left (a print preview, the audit log) and ends the event loop;
``run`` then waits for any background work, deletes the window while Python
and the QApplication are both alive, and only then closes the workspace. Left
to Python's interpreter teardown, widgets and pool threads outlived the objects
they use ("Signal source has been deleted", a refcount crash at exit), and a
dialog still open kept the event loop running after the main window closed.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from huedesk.paths import APP_NAME, settings_dir
from huedesk.ui import collector, ops, qt_words
from huedesk.ui.about import app_icon
from huedesk.ui.backup_ui import open_or_rescue, when
from huedesk.ui.context import AppContext
from huedesk.ui.i18n import language, set_language, tr
from huedesk.ui.login_dialog import LoginDialog
from huedesk.ui.main_window import MainWindow
from huedesk.ui.ops import run_op
from huedesk.workspace import BackupInfo, Door, Location, Workspace

if TYPE_CHECKING:
    from huedesk.ui.first_run import FirstRunDialog

# The Linux desktop entry's name (packaging/linux/huedesk.desktop), without ".desktop".
DESKTOP_FILE = "huedesk"


def configure_settings() -> None:
    """Keep window settings in an INI file in the user's config folder (read afresh each run)."""
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        str(settings_dir()),
    )


def application() -> QApplication:
    """The one ``QApplication`` (created on first use) with HueDesk's settings location."""
    if sys.platform == "win32":
        # Group HueDesk's windows under its own taskbar button and icon, not Python's.
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("HueDesk.HueDesk")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    collector.install()  # garbage is collected on this thread only (see collector.py)
    configure_settings()
    qt_words.install()
    app.setWindowIcon(app_icon())  # type: ignore[attr-defined]
    QGuiApplication.setDesktopFileName(DESKTOP_FILE)  # Wayland: match huedesk.desktop's icon
    return app  # type: ignore[return-value]


class Desk:
    """The signed-in user's workspace and its main window."""

    def __init__(self, ws: Workspace, lang: str | None = None) -> None:
        self.ws = ws
        set_language(lang or str(QSettings().value("ui/language", "vi")))
        self.undo = QUndoStack()  # the Desk's, not a window's: a language switch keeps it
        self.window = self._build()

    def _build(self) -> MainWindow:
        window = MainWindow(AppContext(self.ws, language(), self.undo))
        window.language_requested.connect(self.switch_language)
        window.demo_requested.connect(lambda: self.offer_start(force=True))
        window.restore_requested.connect(self.restore_from)
        window.closed.connect(self._closed)
        return window

    def _closed(self) -> None:
        """The main window closed: close the windows left open and end the event loop."""
        for widget in self.window.findChildren(QWidget):  # dialogs and previews are its children
            if widget.isWindow() and widget.isVisible():
                widget.close()
        QCoreApplication.quit()  # does nothing outside ``app.exec()`` (tests)

    def close(self) -> None:
        """After the event loop: wait for background work, delete the windows, close the
        workspace (undo's kept files go, the database closes)."""
        ops.stop_all()
        ops.wait_all()
        self.window.deleteLater()  # with its dialogs (windows replaced before are gone already)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()  # widgets in reference cycles go now, on this thread
        self.ws.close()

    def _replace_window(self) -> None:
        """A new window on the workspace in place of the current one (settings kept)."""
        old = self.window
        old.save_state()
        self.window = self._build()
        self.window.show()
        old.hide()
        old.deleteLater()

    def back_up_when_due(self) -> None:
        """The daily automatic backup, in the background once the window is shown (a copy
        of the whole file: seconds on a large database, which the user does not wait for)."""
        if self.ws.read_only_reason() is not None:
            return

        def done(made: Path | None) -> None:
            if made is not None:
                self.window.statusBar().showMessage(tr("auto_backup_done", name=made.name), 8000)

        def failed(exc: BaseException) -> None:
            self.window.ctx.show_error(self.window, exc)

        run_op(lambda _p: self.ws.back_up_if_due(), done, failed)

    def warn_about_storage(self) -> str | None:
        """Once per start: say so when the database may only be read, or is on a network
        share or in a synced folder."""
        read_only = self.ws.read_only_reason(language())
        if read_only:
            self.window.show_warning(f"<b>{tr('read_only_title')}.</b> {read_only}")
            return read_only
        text = self.ws.storage_warning(language())
        if text:
            self.window.show_warning(f"<b>{tr('storage_title')}.</b> {text}")
        return text

    def restore_from(self, info: BackupInfo) -> None:
        """Replace the database with the backup ``info`` and reopen it in a new window.

        Record windows are closed first (asking about unsaved changes); the
        workspace closes its connections so the file can be replaced, restores
        (checks and copy) in the background and reopens the file. If it fails, the
        old database is reopened untouched.
        """
        window = self.window
        if not window.close_editors():
            return

        def done(_safety: object) -> None:
            self.undo.clear()  # what was undoable belongs to the file just replaced
            self._replace_window()
            self.window.statusBar().showMessage(tr("restore_done", when=when(info)), 15000)

        def failed(exc: BaseException) -> None:
            self._replace_window()
            self.window.ctx.show_error(self.window, exc)

        run_op(
            lambda _p: self.ws.backups.restore(info.path),
            done,
            failed,
            parent=window,
            title=tr("restore_running"),
        )

    def switch_language(self, lang: str) -> None:
        """Rebuild the window in ``lang`` (record windows are closed first, asking to save)."""
        old = self.window
        if not old.close_editors():
            old.lang_actions[old.ctx.lang].setChecked(True)
            return
        set_language(lang)
        QSettings().setValue("ui/language", lang)
        self._replace_window()
        self.window.statusBar().showMessage(tr("lang_changed"), 5000)

    def offer_start(self, force: bool = False) -> FirstRunDialog | None:
        """On an empty database (or when asked), offer demo data and say where the data is."""
        empty = self.ws.start_page.is_empty()
        if not force and not (self.ws.demo.allowed() and empty):
            return None
        if not empty:  # File → demo data on real records: invented ones would mix with them
            QMessageBox.information(
                self.window, tr("first_run_title"), tr("demo_not_empty", path=self.ws.path)
            )
            return None
        from huedesk.ui.first_run import FirstRunDialog  # only on an empty database

        dialog = FirstRunDialog(self.ws.path, self.window)
        dialog.finished.connect(lambda _r: self._after_first_run(dialog))
        dialog.open()
        return dialog

    def _after_first_run(self, dialog: FirstRunDialog) -> None:
        if dialog.demo_records:
            self.load_demo(dialog.demo_records)
        dialog.deleteLater()

    def load_demo(self, records: int) -> None:
        def done(n: int) -> None:
            self.window.refresh()
            self.window.statusBar().showMessage(tr("demo_done", n=n), 8000)

        def failed(exc: BaseException) -> None:
            self.window.refresh()  # a cancelled run may have written whole batches
            self.window.ctx.show_error(self.window, exc)

        from huedesk.ui.first_run import start_demo

        start_demo(self.window, self.ws, records, done, failed)


LAST_USER_KEY = "signin/last_user"  # the account name only, never a password


def sign_in(door: Door, lang: str, user_name: str | None = None) -> Workspace | None:
    """Who uses the window: the sign-in dialog (on a new database it creates the administrator).

    ``user_name`` (from ``--user``, else the name last signed in with on this computer) is
    filled in; the password is always asked in the dialog.
    """
    settings = QSettings()
    if user_name is None:
        user_name = str(settings.value(LAST_USER_KEY, "")) or None
    dialog = LoginDialog(door, lang, user_name=user_name)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if dialog.workspace is not None:
        settings.setValue(LAST_USER_KEY, dialog.workspace.principal.name)
    return dialog.workspace


def run(db_path: Location, user_name: str | None = None) -> int:
    """Open the database at ``db_path`` (a file or a server) and run the window until it
    closes; the exit code.

    The user signs in through the window's own dialog, never at a terminal.
    """
    app = application()
    lang = str(QSettings().value("ui/language", "vi"))
    set_language(lang)
    door = open_or_rescue(db_path, lang)
    if door is None:
        return 2
    ws = sign_in(door, lang, user_name)
    if ws is None:
        door.close()
        print(tr("signin_cancelled"), file=sys.stderr)
        return 1
    desk = Desk(ws, lang)
    try:
        desk.window.show()
        QTimer.singleShot(0, desk.offer_start)
        QTimer.singleShot(0, desk.warn_about_storage)
        QTimer.singleShot(0, desk.back_up_when_due)
        return int(app.exec())
    finally:
        desk.close()

"""Starting the desktop application: ``run(db_path, actor=...)`` is what ``huedesk`` calls.

``Desk`` is the small controller above the main window: it owns the open
database, builds the window in the chosen language (a language switch rebuilds
it, so every label comes out of the catalogue afresh), offers demo data on an
empty database and closes the database at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from huedesk import dashboard
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError
from huedesk.paths import APP_NAME
from huedesk.store import open_store
from huedesk.ui import qt_words
from huedesk.ui.context import AppContext
from huedesk.ui.first_run import FirstRunDialog, start_demo
from huedesk.ui.i18n import language, set_language, tr
from huedesk.ui.main_window import MainWindow


def configure_settings() -> None:
    """Keep window settings in an INI file in the user's config folder (read afresh each run)."""
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        platformdirs.user_config_dir(appauthor=False, roaming=True),
    )


def application() -> QApplication:
    """The one ``QApplication`` (created on first use) with HueDesk's settings location."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_settings()
    qt_words.install()
    return app  # type: ignore[return-value]


class Desk:
    """The open database and its main window."""

    def __init__(self, db: Database, actor: str, lang: str | None = None) -> None:
        self.db = db
        self.actor = actor
        set_language(lang or str(QSettings().value("ui/language", "vi")))
        self.window = self._build()

    def _build(self) -> MainWindow:
        window = MainWindow(AppContext(self.db, self.actor, language()))
        window.language_requested.connect(self.switch_language)
        window.demo_requested.connect(lambda: self.offer_start(force=True))
        return window

    def switch_language(self, lang: str) -> None:
        """Rebuild the window in ``lang`` (record windows are closed first, asking to save)."""
        old = self.window
        if not old.close_editors():
            old.lang_actions[old.ctx.lang].setChecked(True)
            return
        old.save_state()
        set_language(lang)
        QSettings().setValue("ui/language", lang)
        self.window = self._build()
        self.window.show()
        self.window.statusBar().showMessage(tr("lang_changed"), 5000)
        old.hide()
        old.deleteLater()

    def offer_start(self, force: bool = False) -> FirstRunDialog | None:
        """On an empty database (or when asked), offer demo data and say where the data is."""
        if not force and not dashboard.is_empty(self.db):
            return None
        dialog = FirstRunDialog(self.db, self.window)
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

        start_demo(self.window, self.db, records, done, failed)


def _fatal(parent: QWidget | None, exc: HueDeskError, lang: str) -> None:
    QMessageBox.critical(parent, "HueDesk", exc.message(lang))


def run(db_path: Path, actor: str) -> int:
    """Open the database at ``db_path`` and run the window until it closes; the exit code."""
    app = application()
    lang = str(QSettings().value("ui/language", "vi"))
    try:
        db = open_store(Path(db_path))
    except HueDeskError as exc:
        _fatal(None, exc, lang)
        return 2
    try:
        desk = Desk(db, actor, lang)
        desk.window.show()
        QTimer.singleShot(0, desk.offer_start)
        return int(app.exec())
    finally:
        db.dispose()

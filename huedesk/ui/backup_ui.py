"""File → back up now, File → restore: dialogs over ``huedesk.backup``, and the start-up rescue.

Taking a backup runs in the background (a consistent SQLite copy, seconds on a
large file). Restoring replaces the database file, so the window cannot do it
alone: ``RestoreDialog`` only chooses the backup; the ``Desk`` (``app.py``)
closes the record windows, disposes the database, restores and reopens.
``open_or_rescue`` is the start-up path: a damaged database is met with an offer
to restore the newest good backup instead of a crash.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from huedesk.errors import HueDeskError
from huedesk.formatting import format_size
from huedesk.ui import geometry
from huedesk.ui.i18n import language, tr
from huedesk.ui.opening import open_with_notice
from huedesk.workspace import (
    AppLockHeld,
    BackupInfo,
    DamagedDatabaseError,
    Door,
    Location,
    Workspace,
)


def when(info: BackupInfo) -> str:
    """The local time a backup was taken, dd/mm/yyyy HH:MM."""
    return info.created.astimezone().strftime("%d/%m/%Y %H:%M")


def size_text(n: int) -> str:
    return format_size(n, language())


def kind_text(kind: str) -> str:
    key = f"backup_kind_{kind}"
    try:
        return tr(key)
    except KeyError:
        return kind


class RestoreDialog(QDialog):
    """The backups of the database, newest first; the chosen one is ``chosen()``."""

    COL_CREATED, COL_KIND, COL_REASON, COL_SIZE = range(4)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("restore_title"))
        geometry.fit(self, 640, 420)
        self.backups = ws.backups.list()
        intro = QLabel(tr("restore_intro") if self.backups else tr("restore_none"))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), 4)
        self.table.setHorizontalHeaderLabels(
            [tr("col_created"), tr("col_backup_kind"), tr("col_reason"), tr("col_size")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, info in enumerate(self.backups):
            size = QTableWidgetItem(size_text(info.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for col, item in enumerate(
                (
                    QTableWidgetItem(when(info)),
                    QTableWidgetItem(kind_text(info.kind)),
                    QTableWidgetItem(info.reason),
                    size,
                )
            ):
                item.setToolTip(str(info.path))
                self.table.setItem(row, col, item)
        self.table.horizontalHeader().setSectionResizeMode(
            self.COL_REASON, QHeaderView.ResizeMode.Stretch
        )
        self.table.resizeColumnToContents(self.COL_CREATED)
        if self.backups:
            self.table.selectRow(0)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None


def choose_backup(ws: Workspace, parent: QWidget | None) -> BackupInfo | None:
    """Show the backups, then ask for confirmation; the backup to restore, or ``None``."""
    dialog = RestoreDialog(ws, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        info = dialog.chosen()
    finally:
        dialog.deleteLater()
    if info is None:
        return None
    plan = ws.backups.plan(info.path).describe(language())  # what it undoes, what it keeps
    answer = QMessageBox.question(
        parent,
        tr("restore_title"),
        tr("restore_confirm", when=when(info), plan=plan),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return info if answer == QMessageBox.StandardButton.Yes else None


def show_fatal(exc: HueDeskError, lang: str) -> None:
    """An error that keeps the window from opening, with a title saying what kind it is."""
    title = tr("locked_title") if isinstance(exc, AppLockHeld) else "HueDesk"
    QMessageBox.critical(None, title, exc.message(lang))


def offer_rescue(exc: DamagedDatabaseError, lang: str) -> bool:
    """Say the database is damaged; True when the user chose to restore the newest good backup.

    The error's own message names the ``huedesk restore`` command for the command
    line; the window shows the plain finding (the error it was raised from), the
    backup it offers and a button instead.
    """
    cause = exc.__cause__
    plain = cause if isinstance(cause, DamagedDatabaseError) else exc
    box = QMessageBox(QMessageBox.Icon.Critical, tr("damaged_title"), plain.message(lang))
    restore_btn = None
    if exc.backup is not None:
        box.setInformativeText(tr("damaged_offer", path=exc.backup))
        restore_btn = box.addButton(tr("damaged_restore"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(restore_btn)
    else:
        box.setInformativeText(tr("damaged_no_backup"))
    box.addButton(tr("quit_plain"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return restore_btn is not None and box.clickedButton() is restore_btn


def open_or_rescue(db_path: Location, lang: str) -> Door | None:
    """Open the database for the window; on damage offer the newest good backup; else ``None``.

    Runs before any window exists. The opening runs off the GUI thread with a notice
    when it is slow (an upgrade after an update: ``huedesk.ui.opening``); the restore
    (seconds at most) is done here with a busy cursor.
    """
    try:  # the window backs up once it is shown
        return open_with_notice(lambda: Door.open(db_path, back_up_later=True))
    except DamagedDatabaseError as exc:
        if exc.backup is None or not offer_rescue(
            exc, lang
        ):  # without a good backup it only says so
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            Door.rescue(exc.path, exc.backup)
            restored = exc.path
            return open_with_notice(lambda: Door.open(restored))
        except HueDeskError as again:
            QGuiApplication.restoreOverrideCursor()
            show_fatal(again, lang)
            return None
        finally:
            if QGuiApplication.overrideCursor() is not None:
                QGuiApplication.restoreOverrideCursor()
    except HueDeskError as exc:
        show_fatal(exc, lang)
        return None

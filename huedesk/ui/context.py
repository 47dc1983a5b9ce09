"""What every screen of one window shares: the workspace, the language, undo.

``AppContext.ws`` is the signed-in user's ``Workspace``, the only way a screen
reads or writes anything. ``changed`` tells each list which kind of record
changed so it refreshes only then; ``delete_record`` is the one delete path
(asks first, says what goes with the record, and can be undone).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from huedesk.errors import HueDeskError
from huedesk.ui.i18n import tr
from huedesk.ui.undo import DeleteRecordCommand, EditRecordCommand
from huedesk.workspace import Principal, Workspace


class AppContext(QObject):
    """Shared state of one main window (no god object: screens get only this)."""

    changed = Signal(str)  # kind
    message = Signal(str)  # for the status bar

    def __init__(self, ws: Workspace, lang: str, undo: QUndoStack | None = None) -> None:
        super().__init__()
        self.ws = ws
        self.lang = lang
        ws.read_typed_text_as(lang)
        # The role the window was built for (sidebar, buttons); every call still asks the
        # database, so a role changed meanwhile takes effect at the next action.
        self.principal: Principal = ws.principal
        # A stack handed in outlives this window (a language switch rebuilds the window and
        # keeps what can be undone); its commands now report to this window's screens.
        self.undo = undo if undo is not None else QUndoStack(self)
        for i in range(self.undo.count()):
            command = self.undo.command(i)
            if isinstance(command, DeleteRecordCommand | EditRecordCommand):
                command.notify, command.on_error = self.notify, self._error_later

    @property
    def can_write(self) -> bool:
        return self.principal.can_write

    def notify(self, kind: str) -> None:
        self.changed.emit(kind)

    def show_error(self, parent: QWidget | None, exc: BaseException) -> None:
        """Tell the user what went wrong in their language; a bug is re-raised."""
        if not isinstance(exc, HueDeskError):
            raise exc
        QMessageBox.warning(parent, tr("error_title"), exc.message(self.lang))

    def _error_later(self, exc: HueDeskError) -> None:
        self.show_error(None, exc)

    def delete_record(self, parent: QWidget | None, kind: str, record_id: int, what: str) -> bool:
        """Ask, then delete the record with its parts; returns True when deleted."""
        try:
            impact = self.ws.records.delete_impact(kind, record_id)
        except HueDeskError as exc:
            self.show_error(parent, exc)
            return False
        if impact.blocked:
            self.show_error(parent, impact.refusal(what, what))
            return False
        answer = QMessageBox.question(
            parent,
            tr("delete_title"),
            tr("delete_text", what=what, impact=impact.describe(self.lang))
            + (f"\n{tr('delete_files_note')}" if impact.attachments else ""),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        command = DeleteRecordCommand(
            self.ws,
            kind,
            record_id,
            f"{tr('delete').replace('&', '')} {what}",
            self.notify,
            self._error_later,
        )
        self.undo.push(command)
        if command.failed:
            return False
        self.message.emit(tr("deleted", what=what))
        return True

"""Undo for the changes that hurt most when made by mistake: deleting and editing a record.

Commands live on the main window's ``QUndoStack`` (Ctrl+Z / Ctrl+Shift+Z). A
delete goes through the workspace's ``undo`` capability, which keeps the
snapshot of the record, its child lines and its attachments (files included)
and restores them exactly (same UUID, reference number and timestamps), so the
audit log shows both the delete and the restore. The command holds only the
token the workspace gave it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from huedesk.errors import HueDeskError
from huedesk.workspace import Deleted, Workspace

Notify = Callable[[str], None]
OnError = Callable[[HueDeskError], None]


class DeleteRecordCommand(QUndoCommand):
    """Delete a record (redo) and bring it back with its parts (undo)."""

    def __init__(
        self,
        ws: Workspace,
        kind: str,
        record_id: int,
        text: str,
        notify: Notify,
        on_error: OnError,
    ) -> None:
        super().__init__(text)
        self.ws, self.kind = ws, kind
        self.record_id = record_id
        self.deleted: Deleted | None = None
        self.notify, self.on_error = notify, on_error
        self.failed = False  # Qt may delete an obsolete command: read this, not isObsolete()

    def redo(self) -> None:
        try:
            if self.deleted is None:
                self.deleted = self.ws.undo.delete(self.kind, self.record_id)
            else:  # redo after undo: the record has a new id
                self.deleted = self.ws.undo.delete_by_uuid(self.kind, self.deleted.uuid)
        except HueDeskError as exc:  # Qt swallows exceptions raised in redo(): report them
            self.failed = True
            self.setObsolete(True)
            self.on_error(exc)
            return
        self.notify(self.kind)

    def undo(self) -> None:
        assert self.deleted is not None
        try:
            self.record_id = self.ws.undo.restore(self.deleted.token)
        except HueDeskError as exc:
            self.setObsolete(True)
            self.on_error(exc)
            return
        self.notify(self.kind)


class EditRecordCommand(QUndoCommand):
    """A saved edit of a record's own fields; the first redo is the save that already happened."""

    def __init__(
        self,
        ws: Workspace,
        kind: str,
        uuid: str,
        before: dict[str, Any],
        after: dict[str, Any],
        text: str,
        notify: Notify,
        on_error: OnError,
    ) -> None:
        super().__init__(text)
        self.ws, self.kind, self.uuid = ws, kind, uuid
        self.before, self.after = before, after
        self.notify, self.on_error = notify, on_error
        self._done = True

    def _apply(self, values: dict[str, Any]) -> None:
        try:
            record_id = self.ws.records.find_id(self.kind, uuid=self.uuid)
            self.ws.records.update(self.kind, record_id, values)
        except HueDeskError as exc:
            self.on_error(exc)
            self.setObsolete(True)
            return
        self.notify(self.kind)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

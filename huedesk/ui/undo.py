"""Undo for the changes that hurt most when made by mistake: deleting and editing a record.

Commands live on the main window's ``QUndoStack`` (Ctrl+Z / Ctrl+Shift+Z). A
delete keeps a snapshot of the record and its child rows and restores them
exactly (same uuid, reference number and timestamps) through the services'
restore path, so the audit log shows both the delete and the restore.
Attachments are not restored: their files are removed once the delete commits
(``huedesk.attachments``), and the confirmation says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from huedesk.accounts.principal import Actor
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError
from huedesk.records import ListQuery, kind_spec
from huedesk.records.service import create_in, delete_in, find_id_in, get_in, list_in, update_in

Notify = Callable[[str], None]
OnError = Callable[[HueDeskError], None]


@dataclass
class Snapshot:
    """A record and everything that is deleted with it."""

    kind: str
    row: dict[str, Any]
    children: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def _plain(row: dict[str, Any], drop: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "id" and "__" not in k and k not in drop}


def take_snapshot(session: Session, kind: str, record_id: int) -> Snapshot:
    spec = kind_spec(kind)
    snap = Snapshot(kind, get_in(session, kind, record_id))
    for child in spec.children:
        assert child.parent is not None
        q = ListQuery(filters={child.parent[1]: record_id}, limit=None)
        snap.children[child.name] = list_in(session, child.name, q).rows
    return snap


def restore_snapshot(session: Session, actor: Actor, snap: Snapshot) -> int:
    """Write the snapshot back; returns the record's new id."""
    parent = create_in(session, actor, snap.kind, _plain(snap.row), restoring=True)
    for child_kind, rows in snap.children.items():
        fk = kind_spec(child_kind).parent[1]  # type: ignore[index]
        for row in rows:
            values = {**_plain(row), fk: parent["id"]}
            create_in(session, actor, child_kind, values, restoring=True)
    return int(parent["id"])


class DeleteRecordCommand(QUndoCommand):
    """Delete a record (redo) and bring it back with its parts (undo)."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        kind: str,
        record_id: int,
        text: str,
        notify: Notify,
        on_error: OnError,
    ) -> None:
        super().__init__(text)
        self.db, self.actor, self.kind = db, actor, kind
        self.record_id = record_id
        self.snapshot: Snapshot | None = None
        self.notify, self.on_error = notify, on_error
        self.failed = False  # Qt may delete an obsolete command: read this, not isObsolete()

    def redo(self) -> None:
        try:
            with self.db.write() as s:
                if self.snapshot is not None:  # redo after undo: the record has a new id
                    self.record_id = find_id_in(s, self.kind, uuid=self.snapshot.row["uuid"])
                self.snapshot = take_snapshot(s, self.kind, self.record_id)
                delete_in(s, self.actor, self.kind, self.record_id)
        except HueDeskError as exc:  # Qt swallows exceptions raised in redo(): report them
            self.failed = True
            self.setObsolete(True)
            self.on_error(exc)
            return
        self.notify(self.kind)

    def undo(self) -> None:
        assert self.snapshot is not None
        try:
            with self.db.write() as s:
                self.record_id = restore_snapshot(s, self.actor, self.snapshot)
        except HueDeskError as exc:
            self.setObsolete(True)
            self.on_error(exc)
            return
        self.notify(self.kind)


class EditRecordCommand(QUndoCommand):
    """A saved edit of a record's own fields; the first redo is the save that already happened."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        kind: str,
        uuid: str,
        before: dict[str, Any],
        after: dict[str, Any],
        text: str,
        notify: Notify,
        on_error: OnError,
    ) -> None:
        super().__init__(text)
        self.db, self.actor, self.kind, self.uuid = db, actor, kind, uuid
        self.before, self.after = before, after
        self.notify, self.on_error = notify, on_error
        self._done = True

    def _apply(self, values: dict[str, Any]) -> None:
        try:
            with self.db.write() as s:
                record_id = find_id_in(s, self.kind, uuid=self.uuid)
                update_in(s, self.actor, self.kind, record_id, values)
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

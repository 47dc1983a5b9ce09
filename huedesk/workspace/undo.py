"""Deleting a record so that it can be brought back: the snapshot stays with the services.

``delete`` keeps a snapshot of the record, its child lines and its attachment
rows (``huedesk.records.compound``), sets the attachment files aside
(``huedesk.attachments.keep_for_undo``) and deletes, all in one unit of work; the
caller gets a token and what went with the record. ``restore`` writes the
snapshot back exactly (same UUID, reference number and timestamps) and puts the
files back. The snapshot itself never leaves the workspace: it may hold personal
data the user may not see, which a restore writes back as it was. Snapshots and
set-aside files last until the workspace closes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from huedesk import attachments
from huedesk.errors import NotFoundError
from huedesk.records import DeleteImpact, Snapshot
from huedesk.records.compound import restore_in, snapshot_in
from huedesk.records.service import delete_in, find_id_in
from huedesk.workspace.protocol import Bound


@dataclass(frozen=True)
class Deleted:
    """A delete that can be undone: its token, what was deleted, and what went with it."""

    token: str
    kind: str
    uuid: str
    impact: DeleteImpact


class Undo:
    """Undoable deletes of one workspace."""

    def __init__(self, ws: Bound) -> None:
        self._ws = ws
        self._kept: dict[str, Snapshot] = {}

    def delete(self, kind: str, record_id: int) -> Deleted:
        """Delete a record with everything that goes with it, keeping what undo needs."""
        db, actor = self._ws.db, self._ws.actor
        token = uuid.uuid4().hex
        try:
            with db.write() as s:
                snap = snapshot_in(s, kind, record_id)
                impact = delete_in(s, actor, kind, record_id)  # refused before anything goes
                attachments.keep_for_undo(db, snap.attachments, token)
        except BaseException:
            attachments.forget_undo(db.path, token)
            raise
        self._kept[token] = snap
        return Deleted(token, kind, snap.uuid, impact)

    def delete_by_uuid(self, kind: str, record_uuid: str) -> Deleted:
        """``delete`` for a record known by its UUID (redo after undo: it has a new id)."""
        with self._ws.db.read() as s:
            record_id = find_id_in(s, kind, uuid=record_uuid)
        return self.delete(kind, record_id)

    def restore(self, token: str) -> int:
        """Bring back the record of an undoable delete; its new id."""
        snap = self._kept.get(token)
        if snap is None:
            raise NotFoundError(
                "Không còn gì để hoàn tác cho thao tác này.", "There is nothing left to undo here."
            )
        db, actor = self._ws.db, self._ws.actor
        with db.write() as s:
            new_id = restore_in(s, actor, snap, trusted=True)
            attachments.restore_in(s, db.path, actor, snap.attachments, token)
        del self._kept[token]
        attachments.forget_undo(db.path, token)
        return new_id

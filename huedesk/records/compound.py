"""A record with its child lines, as one thing: saved together, and kept whole for undo.

A record window stages its child lines (members, programme, case actions …) and
saves them with the record in one unit of work, so nothing is ever half saved;
``save_in`` is that unit of work for every caller, the window and the command
line alike. ``snapshot_in`` keeps a record and everything deleted with it
(child rows, attachment rows) so ``restore_in`` can bring it back exactly: same
UUID, reference number and timestamps, the audit log showing both the delete and
the restore.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huedesk.accounts.principal import Actor
from huedesk.errors import HueDeskError, NotFoundError
from huedesk.reading import VI, Convention
from huedesk.records.advice import Saved
from huedesk.records.kinds import KINDS, KindSpec, kind_spec
from huedesk.records.service import create_in, delete_in, get_obj, row_dict, update_in


@dataclass(frozen=True)
class ChildEdits:
    """What changed in one child table of a record: new lines, changed lines, removed ones.

    ``created`` holds the values of new lines (without the parent's key, which the
    save fills in); ``updated`` maps a stored line's id to its changed fields.
    """

    kind: str
    created: tuple[Mapping[str, Any], ...] = ()
    updated: Mapping[int, Mapping[str, Any]] = field(default_factory=dict)
    deleted: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


@dataclass(frozen=True)
class Snapshot:
    """A record and everything deleted with it, as stored (plain values)."""

    kind: str
    row: dict[str, Any]
    children: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    attachments: list[dict[str, Any]] = field(default_factory=list)

    @property
    def uuid(self) -> str:
        return str(self.row["uuid"])


def _child_spec(kind: str, edits: ChildEdits) -> tuple[KindSpec, str]:
    child = kind_spec(edits.kind)
    if child.parent is None or child.parent[0] != kind:
        raise HueDeskError(
            f"'{edits.kind}' không thuộc '{kind}'.", f"'{edits.kind}' is not part of '{kind}'."
        )
    return child, child.parent[1]


def _lines_of(session: Session, child: KindSpec, fk: str, parent_id: int) -> set[int]:
    table = child.table
    return set(session.scalars(select(table.c.id).where(table.c[fk] == parent_id)))


def save_in(
    session: Session,
    actor: Actor,
    kind: str,
    record_id: int | None,
    values: Mapping[str, Any],
    children: Iterable[ChildEdits] = (),
    *,
    expected_updated_at: dt.datetime | None = None,
    reading: Convention = VI,
) -> Saved:
    """Create (``record_id=None``) or update a record and write its child edits, in ``session``.

    Lines named by id must be lines of this record; a line is never moved to
    another record. Returns the record's stored values with the warnings of the
    record and its lines. Typed text is read in ``reading`` (``huedesk.reading``).
    """
    if record_id is None:
        row = create_in(session, actor, kind, values, reading=reading)
    else:
        row = update_in(
            session,
            actor,
            kind,
            record_id,
            values,
            expected_updated_at=expected_updated_at,
            reading=reading,
        )
    parent_id = int(row["id"])
    for edits in children:
        if not edits:
            continue
        child, fk = _child_spec(kind, edits)
        own = _lines_of(session, child, fk, parent_id)
        for line_id in (*edits.deleted, *edits.updated):
            if line_id not in own:
                raise NotFoundError(
                    f"{child.label_vi} số {line_id} không thuộc hồ sơ này.",
                    f"{child.label_en} {line_id} is not part of this record.",
                )
        for line_id in edits.deleted:
            delete_in(session, actor, child.name, line_id)
        for line_id, changes in edits.updated.items():
            if fk in changes and changes[fk] != parent_id:
                raise HueDeskError(
                    f"Không chuyển được {child.label_vi.lower()} sang hồ sơ khác.",
                    f"A {child.label_en.lower()} cannot be moved to another record.",
                )
            line_row = update_in(session, actor, child.name, line_id, changes, reading=reading)
            row.warnings += line_row.warnings
        for line in edits.created:
            values = {**line, fk: parent_id}
            line_row = create_in(session, actor, child.name, values, reading=reading)
            row.warnings += line_row.warnings
    return row


def snapshot_in(session: Session, kind: str, record_id: int) -> Snapshot:
    """The record, its child rows and its attachment rows, as stored (no labels, no masks)."""
    spec = kind_spec(kind)
    row = row_dict(get_obj(session, spec, record_id))
    children: dict[str, list[dict[str, Any]]] = {}
    for child in spec.children:
        assert child.parent is not None
        table = child.table
        stmt = select(table).where(table.c[child.parent[1]] == record_id).order_by(table.c.id)
        children[child.name] = [dict(r._mapping) for r in session.execute(stmt)]
    files: list[dict[str, Any]] = []
    if kind != "attachment":
        table = KINDS["attachment"].table
        stmt = select(table).where(table.c.owner_uuid == row["uuid"]).order_by(table.c.id)
        files = [dict(r._mapping) for r in session.execute(stmt)]
    return Snapshot(kind, row, children, files)


def _plain(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "id" and "__" not in k}


def restore_in(session: Session, actor: Actor, snap: Snapshot, *, trusted: bool = False) -> int:
    """Write the record and its child rows of ``snap`` back; returns the record's new id.

    ``trusted``: the snapshot was taken by the services themselves (never handed in
    from outside), so personal values the restoring user may not enter themselves
    are written back as they were. Attachment rows come back through
    ``huedesk.attachments`` (their files must be put back first).
    """
    parent = create_in(session, actor, snap.kind, _plain(snap.row), restoring=True, trusted=trusted)
    for child_kind, rows in snap.children.items():
        fk = kind_spec(child_kind).parent[1]  # type: ignore[index]
        for row in rows:
            values = {**_plain(row), fk: parent["id"]}
            create_in(session, actor, child_kind, values, restoring=True, trusted=trusted)
    return int(parent["id"])

"""Create, read, update, delete and list for every record kind, in one API.

``RecordService`` wraps each call in its own unit of work; the ``*_in``
functions do the same work inside a session the caller already holds (archive
import writes thousands of records in one transaction with them). Either way a
change is validated first, written with its audit entry in the same
transaction, announced to listeners (the search index), and returned as a
plain dictionary.

Access rules (``huedesk.accounts.roles``) are enforced here, so the UI, the
command line and importers obey the same ones: ``actor`` is an account name or a
``Principal``; a viewer changes nothing; consular cases, their child rows and
personal data are for consular officers and administrators only. On a database
without accounts a plain name acts as the local administrator.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from huedesk import audit, clock
from huedesk.accounts.principal import Actor, resolve
from huedesk.accounts.roles import Principal, require_write
from huedesk.db.engine import Database
from huedesk.db.enums import AuditAction
from huedesk.db.models import Attachment, Country, FollowUpTask
from huedesk.errors import HueDeskError, NotFoundError, PermissionDenied
from huedesk.records import events, masking
from huedesk.records.fields import SYSTEM_FIELDS
from huedesk.records.kinds import KINDS, KindSpec, kind_spec
from huedesk.records.query import ListQuery, Page, build_count, build_ids, build_select
from huedesk.records.refs import next_ref, note_used_ref
from huedesk.records.validation import validate
from huedesk.records.visibility import require_row, visible_query


class ConflictError(HueDeskError):
    """The record changed since the caller read it (another window or laptop saved first)."""


@dataclass
class DeleteImpact:
    """What deleting a record takes with it, and what stops it."""

    children: dict[str, int] = field(default_factory=dict)  # child kind -> rows deleted too
    unlinked: dict[str, int] = field(default_factory=dict)  # kind -> rows that lose the link
    blocking: dict[str, int] = field(default_factory=dict)  # kind -> rows that forbid deletion
    attachments: int = 0
    tasks: int = 0

    def describe(self, lang: str = "vi") -> str:
        """A sentence for the confirmation dialog."""
        parts: list[str] = []
        for name, n in self.children.items():
            if n:
                parts.append(f"{n} {KINDS[name].label(lang).lower()}")
        if self.attachments:
            parts.append(f"{self.attachments} {'tệp đính kèm' if lang == 'vi' else 'attachments'}")
        if not parts:
            return "Chỉ xóa hồ sơ này." if lang == "vi" else "Only this record is deleted."
        joined = ", ".join(parts)
        return f"Xóa cùng: {joined}." if lang == "vi" else f"Also deleted: {joined}."


def row_dict(obj: Any) -> dict[str, Any]:
    """A record's column values as a plain dictionary (safe after the session closes)."""
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}


def _get_obj(session: Session, spec: KindSpec, record_id: int) -> Any:
    obj = session.get(spec.model, record_id)
    if obj is None:
        raise NotFoundError(
            f"Không tìm thấy {spec.label_vi.lower()} số {record_id}.",
            f"No {spec.label_en.lower()} with id {record_id}.",
        )
    return obj


def _audit_changes(values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {k: (None, v) for k, v in values.items() if v is not None and k not in SYSTEM_FIELDS}


def _authorise_change(
    session: Session,
    actor: Actor,
    spec: KindSpec,
    values: Mapping[str, Any],
    before: Mapping[str, Any] | None = None,
) -> tuple[Principal, dict[str, Any]]:
    """Who is changing, and the values they may write (masked form values sent back dropped)."""
    who = resolve(session, actor)
    require_write(who)
    require_row(who, spec, {**(before or {}), **values})
    allowed = dict(values)
    if who.can_see_sensitive:
        return who, allowed
    for name in masking.personal_fields(spec):
        if name not in allowed:
            continue
        current = (before or {}).get(name)
        sent = allowed[name]
        if current is not None and sent == masking.mask_value(current):
            del allowed[name]  # a form returning the masked value unchanged
        elif (sent is not None and sent != "") or current is not None:
            fs = spec.fields[name]
            raise PermissionDenied(
                f"Chỉ cán bộ lãnh sự và quản trị viên được nhập {fs.label_vi.lower()} (dữ liệu cá nhân).",
                f"Only consular officers and administrators may enter {fs.label_en.lower()} (personal data).",
            )
    return who, allowed


def _ref_of(spec: KindSpec, row: Mapping[str, Any]) -> str | None:
    return row.get("ref") if spec.has_ref else row.get("code")


def create_in(
    session: Session, actor: Actor, kind: str, values: Mapping[str, Any], *, restoring: bool = False
) -> dict[str, Any]:
    """Create a record in ``session``; returns its stored values."""
    spec = kind_spec(kind)
    who, values = _authorise_change(session, actor, spec, values)
    cleaned = validate(session, spec, values, restoring=restoring)
    _check_unique(session, spec, cleaned)
    if spec.has_ref:
        if cleaned.get("ref"):
            note_used_ref(session, cleaned["ref"])
        else:
            when = cleaned.get(spec.ref_date_field) if spec.ref_date_field else None
            year = (when or clock.today()).year
            cleaned["ref"] = next_ref(session, spec.prefix_for(cleaned), year)
    obj = spec.model(**cleaned)
    session.add(obj)
    session.flush()
    row = row_dict(obj)
    audit.record(
        session,
        actor=who.name,
        action=AuditAction.CREATE,
        kind=kind,
        record_uuid=row["uuid"],
        record_ref=_ref_of(spec, row),
        changes=masking.audit_changes(spec, _audit_changes(row)),
    )
    events.emit(session, kind, "create", row)
    return row


def _check_unique(session: Session, spec: KindSpec, cleaned: Mapping[str, Any]) -> None:
    table = spec.table
    for name in ("uuid", "ref", "code"):
        value = cleaned.get(name)
        if value is None or name not in table.columns:
            continue
        if session.scalar(select(table.c.id).where(table.c[name] == value)) is not None:
            label = spec.fields[name]
            raise HueDeskError(
                f"{label.label_vi} '{value}' đã có trong cơ sở dữ liệu.",
                f"{label.label_en} '{value}' is already in the database.",
            )


def update_in(
    session: Session,
    actor: Actor,
    kind: str,
    record_id: int,
    changes: Mapping[str, Any],
    *,
    expected_updated_at: dt.datetime | None = None,
    restoring: bool = False,
) -> dict[str, Any]:
    """Change fields of a record in ``session``; returns its stored values."""
    spec = kind_spec(kind)
    obj = _get_obj(session, spec, record_id)
    before = row_dict(obj)
    who, changes = _authorise_change(session, actor, spec, changes, before)
    if expected_updated_at is not None and before["updated_at"] != expected_updated_at:
        raise ConflictError(
            f"{spec.label_vi} {_ref_of(spec, before) or record_id} đã được sửa ở nơi khác sau khi bạn mở; hãy mở lại.",
            f"{spec.label_en} {_ref_of(spec, before) or record_id} was changed elsewhere after you opened it; reopen it.",
        )
    cleaned = validate(session, spec, changes, before, restoring=restoring)
    changed = audit.diff(before, cleaned)
    if not changed:
        return before
    for name, (_old, new) in changed.items():
        setattr(obj, name, new)
    session.flush()
    after = row_dict(obj)
    audit.record(
        session,
        actor=who.name,
        action=AuditAction.UPDATE,
        kind=kind,
        record_uuid=after["uuid"],
        record_ref=_ref_of(spec, after),
        changes=masking.audit_changes(spec, changed),
    )
    events.emit(session, kind, "update", after)
    return after


def delete_impact_in(session: Session, kind: str, record_id: int) -> DeleteImpact:
    """What deleting the record would take with it or be stopped by."""
    spec = kind_spec(kind)
    obj = _get_obj(session, spec, record_id)
    impact = DeleteImpact()
    table = spec.table
    key_value = {"id": obj.id, "code": getattr(obj, "code", None)}
    for other in KINDS.values():
        other_table = other.table
        for col in other_table.columns:
            for fk in col.foreign_keys:
                if fk.column.table is not table:
                    continue
                n = (
                    session.scalar(
                        select(func.count())
                        .select_from(other_table)
                        .where(col == key_value[fk.column.name])
                    )
                    or 0
                )
                if not n:
                    continue
                if other.parent == (kind, col.name):
                    impact.children[other.name] = impact.children.get(other.name, 0) + n
                elif fk.ondelete == "SET NULL":
                    impact.unlinked[other.name] = impact.unlinked.get(other.name, 0) + n
                else:
                    impact.blocking[other.name] = impact.blocking.get(other.name, 0) + n
    impact.attachments = (
        session.scalar(select(func.count()).where(Attachment.owner_uuid == obj.uuid)) or 0
    )
    impact.tasks = (
        session.scalar(select(func.count()).where(FollowUpTask.source_uuid == obj.uuid)) or 0
    )
    return impact


def delete_in(session: Session, actor: Actor, kind: str, record_id: int) -> DeleteImpact:
    """Delete a record with its child rows and attachments; tasks from it lose their source."""
    spec = kind_spec(kind)
    obj = _get_obj(session, spec, record_id)
    who, _ = _authorise_change(session, actor, spec, {}, row_dict(obj))
    actor = who.name
    impact = delete_impact_in(session, kind, record_id)
    if impact.blocking:
        what_vi = ", ".join(f"{n} {KINDS[k].label_vi.lower()}" for k, n in impact.blocking.items())
        what_en = ", ".join(f"{n} {KINDS[k].label_en.lower()}" for k, n in impact.blocking.items())
        raise HueDeskError(
            f"Không xóa được {spec.label_vi.lower()} này vì còn {what_vi} dẫn chiếu tới nó.",
            f"This {spec.label_en.lower()} cannot be deleted: {what_en} still refer to it.",
        )
    for child in spec.children:
        assert child.parent is not None
        fk = child.table.c[child.parent[1]]  # type: ignore[attr-defined]
        for child_obj in session.scalars(select(child.model).where(fk == obj.id)):
            _delete_one(session, actor, child, child_obj)
    for att in session.scalars(select(Attachment).where(Attachment.owner_uuid == obj.uuid)):
        _delete_one(session, actor, KINDS["attachment"], att)
    session.execute(
        update(FollowUpTask)
        .where(FollowUpTask.source_uuid == obj.uuid)
        .values(source_kind=None, source_uuid=None)
    )
    _delete_one(session, actor, spec, obj)
    return impact


def _delete_one(session: Session, actor: str, spec: KindSpec, obj: Any) -> None:
    row = row_dict(obj)
    audit.record(
        session,
        actor=actor,
        action=AuditAction.DELETE,
        kind=spec.name,
        record_uuid=row["uuid"],
        record_ref=_ref_of(spec, row),
        changes=masking.audit_changes(
            spec,
            {k: (v, None) for k, v in row.items() if v is not None and k not in SYSTEM_FIELDS},
        ),
    )
    session.execute(
        delete(spec.table).where(  # type: ignore[attr-defined]
            spec.table.c.id == row["id"]
        )
    )  # type: ignore[attr-defined]
    session.expunge(obj)
    events.emit(session, spec.name, "delete", row)


def get_in(session: Session, kind: str, record_id: int) -> dict[str, Any]:
    """One record's values, with ``<field>__label`` for each reference field."""
    spec = kind_spec(kind)
    row = row_dict(_get_obj(session, spec, record_id))
    add_labels(session, spec, [row])
    return row


def find_id_in(
    session: Session, kind: str, *, ref: str | None = None, uuid: str | None = None
) -> int:
    """The id of the record with this reference number (or UUID)."""
    spec = kind_spec(kind)
    table = spec.table
    if ref is not None:
        col = table.c.ref if spec.has_ref else table.c.code
        key = ref.strip().upper() if kind == "country" else ref.strip()
        found = session.scalar(select(table.c.id).where(col == key))
    else:
        found = session.scalar(select(table.c.id).where(table.c.uuid == uuid))
    if found is None:
        raise NotFoundError(
            f"Không tìm thấy {spec.label_vi.lower()} '{ref or uuid}'.",
            f"No {spec.label_en.lower()} '{ref or uuid}'.",
        )
    return int(found)


def list_in(session: Session, kind: str, query: ListQuery) -> Page:
    """One page of records with the total count; foreign keys come with display labels."""
    spec = kind_spec(kind)
    rows = [dict(r._mapping) for r in session.execute(build_select(spec, query))]
    total = int(session.scalar(build_count(spec, query)) or 0)
    add_labels(session, spec, rows)
    return Page(rows, total)


def list_ids_in(session: Session, kind: str, query: ListQuery) -> list[int]:
    """Ids of every matching record in list order (a few bytes per row, even for 200,000 rows)."""
    spec = kind_spec(kind)
    return list(session.execute(build_ids(spec, query)).scalars())


def year_range_in(session: Session, kind: str) -> tuple[int, int] | None:
    """First and last year of the kind's reference date (for a year filter), or ``None``."""
    spec = kind_spec(kind)
    table = spec.table
    col = table.c[spec.ref_date_field or "created_at"]
    low, high = session.execute(select(func.min(col), func.max(col))).one()
    if low is None or high is None:
        return None
    return low.year, high.year


def rows_in(session: Session, kind: str, ids: list[int]) -> list[dict[str, Any]]:
    """The records with these ids, in the order given, with ``<field>__label``s (one page)."""
    spec = kind_spec(kind)
    if not ids:
        return []
    table = spec.table
    found = {
        r.id: dict(r._mapping) for r in session.execute(select(table).where(table.c.id.in_(ids)))
    }
    rows = [found[i] for i in ids if i in found]
    add_labels(session, spec, rows)
    return rows


def add_labels(session: Session, spec: KindSpec, rows: list[dict[str, Any]]) -> None:
    """Add ``<field>__label`` for each reference field, one query per field per page."""
    for name, fs in spec.fields.items():
        if not fs.references or not rows:
            continue
        keys = {r[name] for r in rows if r.get(name) is not None}
        if not keys:
            continue
        if fs.is_country:
            found = dict(
                session.execute(
                    select(Country.code, Country.name_vi).where(Country.code.in_(keys))
                ).all()
            )
        else:
            target = KINDS[fs.references.split(".")[0]]
            ttable = target.table
            found = dict(
                session.execute(
                    select(ttable.c.id, ttable.c[target.title_field]).where(ttable.c.id.in_(keys))
                ).all()
            )
        for r in rows:
            key = r.get(name)
            r[f"{name}__label"] = None if key is None else found.get(key)


class RecordService:
    """The record API for one user: each call is one unit of work on ``db``.

    ``actor`` is an account name or a ``Principal``. Reads of consular cases (and
    their children and attachments) are refused to roles that may not see them;
    lists always mask personal fields (``huedesk.records.masking``), and ``get``
    masks them too for roles that may not see personal data.
    """

    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def principal(self) -> Principal:
        """Who this service acts as, with the role the database gives them now."""
        with self.db.read() as s:
            return resolve(s, self.actor)

    def _reader(self, s: Session, spec: KindSpec) -> Principal:
        who = resolve(s, self.actor)
        require_row(who, spec)
        return who

    def _shown(self, who: Principal, spec: KindSpec, row: dict[str, Any]) -> dict[str, Any]:
        require_row(who, spec, row)
        return row if who.can_see_sensitive else masking.mask_personal(spec, row)

    def create(self, kind: str, values: Mapping[str, Any]) -> dict[str, Any]:
        with self.db.write() as s:
            row = create_in(s, self.actor, kind, values)
            return self._shown(resolve(s, self.actor), kind_spec(kind), row)

    def get(self, kind: str, record_id: int) -> dict[str, Any]:
        with self.db.read() as s:
            spec = kind_spec(kind)
            return self._shown(self._reader(s, spec), spec, get_in(s, kind, record_id))

    def get_by_ref(self, kind: str, ref: str) -> dict[str, Any]:
        with self.db.read() as s:
            spec = kind_spec(kind)
            who = self._reader(s, spec)
            return self._shown(who, spec, get_in(s, kind, find_id_in(s, kind, ref=ref)))

    def find_id(self, kind: str, *, ref: str | None = None, uuid: str | None = None) -> int:
        with self.db.read() as s:
            self._reader(s, kind_spec(kind))
            return find_id_in(s, kind, ref=ref, uuid=uuid)

    def update(
        self,
        kind: str,
        record_id: int,
        changes: Mapping[str, Any],
        *,
        expected_updated_at: dt.datetime | None = None,
    ) -> dict[str, Any]:
        with self.db.write() as s:
            row = update_in(
                s, self.actor, kind, record_id, changes, expected_updated_at=expected_updated_at
            )
            return self._shown(resolve(s, self.actor), kind_spec(kind), row)

    def delete_impact(self, kind: str, record_id: int) -> DeleteImpact:
        with self.db.read() as s:
            self._reader(s, kind_spec(kind))
            return delete_impact_in(s, kind, record_id)

    def delete(self, kind: str, record_id: int) -> DeleteImpact:
        with self.db.write() as s:
            return delete_in(s, self.actor, kind, record_id)

    def list(self, kind: str, query: ListQuery | None = None) -> Page:
        """One page of records, personal fields masked (open a record to see them)."""
        spec = kind_spec(kind)
        query = query or ListQuery()
        with self.db.read() as s:
            who = self._reader(s, spec)
            query = visible_query(who, spec, query)
            page = list_in(s, kind, query)
        return Page([masking.mask_personal(spec, r) for r in page.rows], page.total)

    def children(self, kind: str, record_id: int, child_kind: str) -> builtins.list[dict[str, Any]]:
        """All child rows of one record (members of a delegation, actions of a case …)."""
        child = kind_spec(child_kind)
        if child.parent is None or child.parent[0] != kind:
            raise HueDeskError(
                f"'{child_kind}' không thuộc '{kind}'.", f"'{child_kind}' is not part of '{kind}'."
            )
        q = ListQuery(filters={child.parent[1]: record_id}, limit=None)
        return self.list(child_kind, q).rows

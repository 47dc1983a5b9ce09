"""Create, read, update, delete and list for every record kind, inside a unit of work.

The ``*_in`` functions work inside a session the caller already holds: the
services' own units of work (``RecordService`` in ``huedesk.records.api``, the
attachments, undo, anonymisation) and archive import, which writes thousands of
records in one transaction. A change is validated first, written with its audit
entry in the same transaction, announced to listeners (the search index), and
returned as a plain dictionary.

Access rules (``huedesk.accounts.roles``) are enforced here, so the UI, the
command line and importers obey the same ones: ``actor`` is an account name or a
``Principal``; a viewer changes nothing; consular cases, their child rows and
personal data are for consular officers and administrators only. On a database
without accounts a plain name acts as the local administrator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from huedesk import audit
from huedesk.accounts.principal import Actor, resolve
from huedesk.accounts.roles import Principal, require_write
from huedesk.db.base import MAX_ID, settle_version
from huedesk.db.enums import AuditAction
from huedesk.db.functions import folded
from huedesk.db.models import Attachment, Country, FollowUpTask
from huedesk.errors import ConflictError, HueDeskError, NotFoundError, PermissionDenied
from huedesk.reading import VI, Convention
from huedesk.records import audit_body, events, masking
from huedesk.records.advice import Saved, advise
from huedesk.records.kinds import KINDS, KindSpec, kind_spec
from huedesk.records.query import ListQuery, Page, build_count, build_ids, build_select
from huedesk.records.refs import next_ref, note_used_ref, ref_series
from huedesk.records.validation import validate
from huedesk.records.visibility import hidden_kinds, require_row
from huedesk.text import fold


def _changed_elsewhere(spec: KindSpec, before: Mapping[str, Any], record_id: int) -> ConflictError:
    name = _ref_of(spec, before) or record_id
    return ConflictError(
        f"{spec.label_vi} {name} đã được sửa ở nơi khác sau khi bạn mở.",
        f"{spec.label_en} {name} was changed elsewhere after you opened it.",
    )


@dataclass
class DeleteImpact:
    """What deleting a record takes with it, and what stops it.

    ``seen_by`` narrows it for one user: rows of kinds they may not see are not
    named or counted (``hidden_blocking`` only says that some exist, since the
    delete is refused all the same).
    """

    children: dict[str, int] = field(default_factory=dict)  # child kind -> rows deleted too
    unlinked: dict[str, int] = field(default_factory=dict)  # kind -> rows that lose the link
    blocking: dict[str, int] = field(default_factory=dict)  # kind -> rows that forbid deletion
    attachments: int = 0
    tasks: int = 0
    hidden_blocking: bool = False  # rows the user may not see forbid deletion too

    @property
    def blocked(self) -> bool:
        return bool(self.blocking) or self.hidden_blocking

    def seen_by(self, who: Principal) -> DeleteImpact:
        """This impact as ``who`` may be told it."""
        hidden = hidden_kinds(who)
        if not hidden:
            return self
        return replace(
            self,
            children={k: n for k, n in self.children.items() if k not in hidden},
            unlinked={k: n for k, n in self.unlinked.items() if k not in hidden},
            blocking={k: n for k, n in self.blocking.items() if k not in hidden},
            hidden_blocking=self.hidden_blocking or bool(set(self.blocking) & hidden),
        )

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

    def refusal(self, what_vi: str, what_en: str) -> HueDeskError:
        """The error that refuses the delete: what still refers to the record (``what``)."""
        vi = [f"{n} {KINDS[k].label_vi.lower()}" for k, n in self.blocking.items()]
        en = [f"{n} {KINDS[k].label_en.lower()}" for k, n in self.blocking.items()]
        if self.hidden_blocking:
            vi.append("hồ sơ khác" if not vi else "các hồ sơ khác")
            en.append("other records")
        return HueDeskError(
            f"Không xóa được {what_vi} vì còn {', '.join(vi)} dẫn chiếu tới nó.",
            f"{what_en[:1].upper()}{what_en[1:]} cannot be deleted: {', '.join(en)} still refer to it.",
        )


def row_dict(obj: Any) -> dict[str, Any]:
    """A record's column values as a plain dictionary (safe after the session closes)."""
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}


def not_found(spec: KindSpec, record_id: int) -> NotFoundError:
    """The error for a record of kind ``spec`` with id ``record_id`` that does not exist."""
    return NotFoundError(
        f"Không tìm thấy {spec.label_vi.lower()} số {record_id}.",
        f"No {spec.label_en.lower()} with id {record_id}.",
    )


def get_obj(session: Session, spec: KindSpec, record_id: int) -> Any:
    """The stored row object, or a ``NotFoundError`` naming the kind and id."""
    obj = session.get(spec.model, record_id) if 0 < record_id <= MAX_ID else None
    if obj is None:
        raise not_found(spec, record_id)
    return obj


def owner_in(session: Session, spec: KindSpec, record_id: int) -> dict[str, Any]:
    """What ``visibility.require_row`` reads of a stored record (``NotFoundError`` if none).

    A Core select of the id (and an attachment's owner kind): no ORM object is loaded
    and no mapper configured, so a brief checks its record cheaply (issue #16).
    """
    table = spec.table
    columns = [table.c.id] + ([table.c.owner_kind] if spec.name == "attachment" else [])
    row = (
        session.execute(select(*columns).where(table.c.id == record_id)).one_or_none()
        if 0 < record_id <= MAX_ID
        else None
    )
    if row is None:
        raise not_found(spec, record_id)
    return dict(row._mapping)


def _authorise_change(
    session: Session,
    actor: Actor,
    spec: KindSpec,
    values: Mapping[str, Any],
    before: Mapping[str, Any] | None = None,
    *,
    trusted: bool = False,
) -> tuple[Principal, dict[str, Any]]:
    """Who is changing, and the values they may write (masked form values sent back dropped).

    ``trusted``: the values come from the services' own snapshot (undo of a delete),
    not from the user, so personal values are written back as they were.
    """
    who = resolve(session, actor)
    require_write(who)
    require_row(who, spec, {**(before or {}), **values})
    return who, permitted_values(who, spec, values, before, trusted=trusted)


def permitted_values(
    who: Principal,
    spec: KindSpec,
    values: Mapping[str, Any],
    before: Mapping[str, Any] | None = None,
    *,
    trusted: bool = False,
) -> dict[str, Any]:
    """The values ``who`` may write: personal data only by roles that may see it (a form
    sending a masked value back unchanged leaves the stored value alone)."""
    allowed = dict(values)
    if who.can_see_sensitive or trusted:
        return allowed
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
    return allowed


def _ref_of(spec: KindSpec, row: Mapping[str, Any]) -> str | None:
    return row.get("ref") if spec.has_ref else row.get("code")


# An attachment row describes a stored file: only ``huedesk.attachments`` makes one, from
# the file itself, and what names the file or its owner never changes afterwards (a case's
# file re-parented to a delegation would slip out of the consular rule).
ATTACHMENT_FILE_FIELDS = ("owner_kind", "owner_uuid", "stored_name", "sha256", "size")


def refuse_loose_attachment() -> None:
    raise HueDeskError(
        "Tệp đính kèm chỉ được thêm bằng cách chọn một tệp (nút Thêm ở thẻ Tệp đính kèm).",
        "An attachment is added only from a file (the Add button of the Attachments tab).",
    )


def refuse_file_change(kind: str, changed: Mapping[str, Any]) -> None:
    """An attachment's file and owner never change (single and bulk writes alike)."""
    if kind == "attachment" and set(changed) & set(ATTACHMENT_FILE_FIELDS):
        raise HueDeskError(
            "Không đổi được tệp hay hồ sơ chủ của một tệp đính kèm; hãy xóa và thêm lại tệp.",
            "An attachment's file and owner cannot be changed; remove it and add the file again.",
        )


def create_in(
    session: Session,
    actor: Actor,
    kind: str,
    values: Mapping[str, Any],
    *,
    restoring: bool = False,
    trusted: bool = False,
    stored_file: bool = False,
    reading: Convention = VI,
) -> Saved:
    """Create a record in ``session``; returns its stored values with any warnings.

    ``restoring`` keeps the given UUID, reference number and timestamps (undo);
    ``trusted`` marks values from the services' own snapshot; ``stored_file`` is
    how ``huedesk.attachments`` says it has stored and hashed the file an
    attachment row describes (no other caller makes attachment rows). Text values
    are read in the ``reading`` convention (``huedesk.reading``).
    """
    spec = kind_spec(kind)
    who, values = _authorise_change(session, actor, spec, values, trusted=trusted)
    if kind == "attachment" and not stored_file:
        refuse_loose_attachment()
    cleaned = validate(session, spec, values, restoring=restoring, reading=reading)
    _check_unique(session, spec, cleaned)
    if spec.has_ref:
        if cleaned.get("ref"):
            note_used_ref(session, cleaned["ref"])
        else:
            cleaned["ref"] = next_ref(session, *ref_series(spec, cleaned))
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
        changes=audit_body.created(spec, row),
    )
    events.emit(session, kind, "create", row)
    return Saved(row, advise(session, spec, row))


def _check_unique(session: Session, spec: KindSpec, cleaned: Mapping[str, Any]) -> None:
    table = spec.table
    for name in ("uuid", "ref", "code"):
        value = cleaned.get(name)
        if value is None or name not in table.columns:
            continue
        if session.scalar(select(table.c.id).where(table.c[name] == value)) is not None:
            raise duplicate_error(spec, name, value)


def duplicate_error(spec: KindSpec, name: str, value: Any) -> HueDeskError:
    """A UUID, reference number or code that another record already has."""
    label = spec.fields[name]
    return HueDeskError(
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
    reading: Convention = VI,
) -> Saved:
    """Change fields of a record in ``session``; returns its stored values with any warnings."""
    spec = kind_spec(kind)
    obj = get_obj(session, spec, record_id)
    before = row_dict(obj)
    who, changes = _authorise_change(session, actor, spec, changes, before)
    if expected_updated_at is not None and before["updated_at"] != expected_updated_at:
        raise _changed_elsewhere(spec, before, record_id)
    cleaned = validate(session, spec, changes, before, restoring=restoring, reading=reading)
    changed = audit.diff(before, cleaned)
    refuse_file_change(kind, changed)
    if not changed:
        return Saved(before)
    settle_version(session, obj)
    for name, (_old, new) in changed.items():
        setattr(obj, name, new)
    try:
        session.flush()
    except StaleDataError:  # another writer committed between our read and our write
        raise _changed_elsewhere(spec, before, record_id) from None
    after = row_dict(obj)
    audit.record(
        session,
        actor=who.name,
        action=AuditAction.UPDATE,
        kind=kind,
        record_uuid=after["uuid"],
        record_ref=_ref_of(spec, after),
        changes=audit_body.updated(spec, changed),
    )
    events.emit(session, kind, "update", after)
    return Saved(after, advise(session, spec, after))


def delete_impact_in(session: Session, kind: str, record_id: int) -> DeleteImpact:
    """What deleting the record would take with it or be stopped by."""
    spec = kind_spec(kind)
    obj = get_obj(session, spec, record_id)
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
    obj = get_obj(session, spec, record_id)
    who, _ = _authorise_change(session, actor, spec, {}, row_dict(obj))
    actor = who.name
    impact = delete_impact_in(session, kind, record_id).seen_by(who)
    if impact.blocked:
        raise impact.refusal(f"{spec.label_vi.lower()} này", f"this {spec.label_en.lower()}")
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
        changes=audit_body.deleted(spec, row),
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
    row = row_dict(get_obj(session, spec, record_id))
    add_labels(session, spec, [row])
    return row


def find_id_in(
    session: Session,
    kind: str,
    *,
    ref: str | None = None,
    uuid: str | None = None,
    loose: bool = False,
) -> int:
    """The id of the record with this reference number (or UUID).

    ``loose``: a reference typed without tone marks or ``Đ`` (``DV-2025-0012``) finds
    the one record it can only mean.
    """
    spec = kind_spec(kind)
    table = spec.table
    if ref is not None:
        col = table.c.ref if spec.has_ref else table.c.code
        key = ref.strip().upper() if kind == "country" else ref.strip()
        found = session.scalar(select(table.c.id).where(col == key))
        if found is None and loose and spec.has_ref:
            loosely = session.scalars(
                select(table.c.id).where(folded(col) == fold(key)).limit(2)
            ).all()
            found = loosely[0] if len(loosely) == 1 else None
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
    # fetched all at once: row-by-row fetching cost more than the ordered index walk
    return list(session.execute(build_ids(spec, query)).scalars().all())


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
        if fs.is_country:  # both names: a list in English shows "Japan", not "Nhật Bản"
            names = session.execute(
                select(Country.code, Country.name_vi, Country.name_en).where(Country.code.in_(keys))
            ).all()
            english = {code: en for code, _vi, en in names}
            for r in rows:
                key = r.get(name)
                r[f"{name}__label_en"] = None if key is None else english.get(key)
            found = {code: vi for code, vi, _en in names}
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

"""Operations undone as a whole: merging two records, and a spreadsheet import.

A merge combines two people or two organisations (partner localities are
organisations): every record that refers to the one merged away is re-pointed
to the one kept (visits, cases, agreements, aid, members …), its attachments
and follow-up tasks follow, the kept record's empty fields are filled from the
other, and the other's name becomes one of the kept record's other names
(``aliases``, which search and the duplicate finder read). The other record is
then deleted. Every change goes through the record services (same rules, audit
entries, search index) in one unit of work, and an ``operation_log`` row keeps
what undo needs: the deleted record as stored, what was re-pointed, the kept
record's values before.

An import logs the records it added and the values it changed; undoing it
deletes the added records and puts the changed values back. Undo refuses,
changing nothing, when a record it would delete is now referred to by another;
a value changed again since the operation is left as it is now and named in the
result.

How long the undo data is kept, and what goes when a record is deleted or
anonymised, is ``huedesk.records.operation_log``.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from huedesk import audit, clock
from huedesk.accounts.principal import Actor, resolve
from huedesk.accounts.roles import Principal, require_write
from huedesk.db.enums import AuditAction
from huedesk.db.models import Attachment, FollowUpTask, OperationLog
from huedesk.errors import HueDeskError, NotFoundError
from huedesk.records import events, masking
from huedesk.records.compound import Snapshot, restore_in, snapshot_in
from huedesk.records.display import display_value
from huedesk.records.duplicates import DUPLICATE_KINDS
from huedesk.records.fields import SYSTEM_FIELDS
from huedesk.records.kinds import KINDS, KindSpec, kind_spec
from huedesk.records.operation_log import (
    UNDONE,
    drop,
    dropped_reason,
    expired,
    forgetting_later,
    note_text,
    prune_in,
    refusal,
)
from huedesk.records.service import add_labels, delete_in, get_obj, row_dict, update_in
from huedesk.records.visibility import hidden_kinds, require_kind, require_row

MERGE = "merge"
IMPORT = "import"
ALIAS_SEPARATOR = "\n"
_IMPORT_COUNTS = re.compile(r": \+(?P<added>\d+) ~(?P<updated>\d+)$")


# --- stored values as JSON -------------------------------------------------------------------
def _encode(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((tag, text),) = value.items()
        if tag == "$datetime":
            return dt.datetime.fromisoformat(text)
        if tag == "$date":
            return dt.date.fromisoformat(text)
        if tag == "$decimal":
            return Decimal(text)
    return value


def _encode_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _encode(v) for k, v in row.items() if "__" not in k}


def _decode_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _decode(v) for k, v in row.items()}


# --- results -------------------------------------------------------------------------------
@dataclass(frozen=True)
class OperationInfo:
    """One logged operation as a list shows it."""

    id: int
    at: dt.datetime
    actor: str
    action: str  # "merge" or "import"
    kind: str
    summary: str
    undone: bool
    undoable: bool = True  # False: undone, or its undo data expired or was removed
    note: str | None = None  # why not: "undone", "expired", "deleted", "anonymised"

    def note_text(self, lang: str = "vi") -> str:
        """Why it cannot be undone, in a few words for a list ("" when it can)."""
        return note_text(self.note, lang) if self.note is not None else ""

    def summary_text(self, lang: str = "vi") -> str:
        """The summary as a person reads it: an import's ``khach.xlsx: +3 ~1`` (as stored)
        becomes ``khach.xlsx: thêm 3, sửa 1`` / ``khach.xlsx: 3 added, 1 updated``."""
        counts = _IMPORT_COUNTS.search(self.summary) if self.action == IMPORT else None
        if counts is None:
            return self.summary
        added, updated = counts["added"], counts["updated"]
        tail = (
            f"{added} added, {updated} updated" if lang == "en" else f"thêm {added}, sửa {updated}"
        )
        return f"{self.summary[: counts.start()]}: {tail}"


@dataclass(frozen=True)
class MergeResult:
    """What a merge did: the operation to undo it, what moved, the values it could not keep."""

    operation_id: int
    kind: str
    keep_id: int
    keep_ref: str | None
    other_ref: str | None
    moved: dict[str, int] = field(default_factory=dict)  # kind -> records re-pointed
    filled: tuple[str, ...] = ()  # fields of the kept record filled from the other
    dropped: dict[str, Any] = field(default_factory=dict)  # other's values the kept one differs on

    def _labels(self, names: Iterable[str], lang: str) -> str:
        """The fields as officials see them (``Số hộ chiếu``), not their keys."""
        fields = kind_spec(self.kind).fields
        return ", ".join((fields[n].label(lang) if n in fields else n).lower() for n in names)

    def describe(self, lang: str = "vi") -> str:
        moved = ", ".join(
            f"{n} {KINDS[k].label_en.lower() if lang == 'en' else KINDS[k].label_vi.lower()}"
            for k, n in sorted(self.moved.items())
        )
        if lang == "en":
            text = f"{self.other_ref} merged into {self.keep_ref} (operation {self.operation_id})."
            if moved:
                text += f" Links moved: {moved}."
            if self.filled:
                text += f" Filled from the other: {self._labels(self.filled, lang)}."
            if self.dropped:
                text += f" Kept this record's {self._labels(self.dropped, lang)} (the other's differed)."
            return text
        text = f"Đã gộp {self.other_ref} vào {self.keep_ref} (thao tác {self.operation_id})."
        if moved:
            text += f" Liên kết chuyển sang: {moved}."
        if self.filled:
            text += f" Lấy từ hồ sơ kia: {self._labels(self.filled, lang)}."
        if self.dropped:
            text += f" Giữ {self._labels(self.dropped, lang)} của hồ sơ này (hồ sơ kia khác)."
        return text


@dataclass(frozen=True)
class UndoResult:
    """What undoing an operation did; ``kept`` names values changed since, left as they are."""

    operation_id: int
    action: str
    restored: int = 0  # records brought back (merge) or values put back (import)
    removed: int = 0  # records deleted (an import's additions)
    kept: tuple[str, ...] = ()

    def describe(self, lang: str = "vi") -> str:
        if lang == "en":
            text = f"Operation {self.operation_id} undone"
            text += f": {self.removed} records removed, {self.restored} restored."
            if self.kept:
                text += " Changed since, left as they are: " + ", ".join(self.kept) + "."
            return text
        text = f"Đã hoàn tác thao tác {self.operation_id}"
        text += f": xóa {self.removed} hồ sơ, khôi phục {self.restored}."
        if self.kept:
            text += " Đã sửa sau đó nên giữ nguyên: " + ", ".join(self.kept) + "."
        return text


# --- the log -------------------------------------------------------------------------------
def _log(
    session: Session, who: Principal, action: str, kind: str, summary: str, body: Mapping[str, Any]
) -> OperationLog:
    prune_in(session)
    entry = OperationLog(
        at=clock.now(),
        actor=who.name,
        action=action,
        kind=kind,
        summary=summary[:500],
        body=json.dumps(body, ensure_ascii=False),
    )
    session.add(entry)
    session.flush()
    return entry


def recent_in(session: Session, actor: Actor, limit: int = 50) -> list[OperationInfo]:
    """The newest logged operations ``actor`` may see (not those of consular kinds to roles
    that may not see cases), newest first; each says whether it can still be undone."""
    who = resolve(session, actor)
    stmt = select(
        OperationLog.id,
        OperationLog.at,
        OperationLog.actor,
        OperationLog.action,
        OperationLog.kind,
        OperationLog.summary,
        OperationLog.undone_at,
        func.substr(OperationLog.body, 1, 40),  # enough to tell dropped undo data
    )
    hidden = hidden_kinds(who)
    if hidden:
        stmt = stmt.where(OperationLog.kind.not_in(sorted(hidden)))
    out = []
    for n, at, user, action, kind, summary, undone_at, start in session.execute(
        stmt.order_by(OperationLog.id.desc()).limit(limit)
    ):
        note = UNDONE if undone_at is not None else dropped_reason(start)
        if note is None and expired(at):
            note = "expired"
        info = OperationInfo(n, at, user, action, kind, summary, undone_at is not None)
        out.append(replace(info, undoable=note is None, note=note))
    return out


def _operation(session: Session, who: Principal, operation_id: int) -> OperationLog:
    op = session.get(OperationLog, operation_id)
    if op is None:
        raise NotFoundError(
            f"Không có thao tác {operation_id}.", f"There is no operation {operation_id}."
        )
    require_kind(who, op.kind)
    return op


def _system_entry(
    session: Session,
    who: Principal,
    kind: str,
    row: Mapping[str, Any] | None,
    what: dict[str, Any],
) -> None:
    """The audit entry of a merge or an import (on the kept record; an import names none)."""
    audit.record(
        session,
        actor=who.name,
        action=AuditAction.SYSTEM,
        kind=kind,
        record_uuid=str(row["uuid"]) if row else None,
        record_ref=row.get("ref") if row else None,
        changes={k: (None, v) for k, v in what.items()},
    )


# --- merge ---------------------------------------------------------------------------------
def alias_list(text: str | None) -> list[str]:
    """The other names kept in an ``aliases`` field (one a line)."""
    return [a.strip() for a in (text or "").splitlines() if a.strip()]


def _with_aliases(current: str | None, names: Iterable[str | None]) -> str | None:
    """``current`` with ``names`` added, none repeated (compared without case: another
    spelling with other tone marks is kept, as the people who wrote it did)."""
    out = alias_list(current)
    seen = {_spelling(a) for a in out}
    for name in names:
        for alias in alias_list(name):
            key = _spelling(alias)
            if key and key not in seen:
                seen.add(key)
                out.append(alias)
    return ALIAS_SEPARATOR.join(out) or None


def _spelling(name: str) -> str:
    return " ".join(name.split()).casefold()


def _references_to(spec: KindSpec) -> list[tuple[KindSpec, str]]:
    """(kind, field) of every foreign key that points at records of ``spec``."""
    found = []
    for other in KINDS.values():
        for col in other.table.columns:
            if any(fk.column.table is spec.table for fk in col.foreign_keys):
                found.append((other, col.name))
    return found


def _names_of(spec: KindSpec, row: Mapping[str, Any]) -> list[str | None]:
    if spec.name == "person":
        return [row.get("full_name"), row.get("aliases")]
    return [row.get("name"), row.get("name_en"), row.get("aliases")]


def merge_in(session: Session, actor: Actor, kind: str, keep_id: int, other_id: int) -> MergeResult:
    """Merge record ``other_id`` into ``keep_id`` (both of ``kind``); logged for undo."""
    spec = kind_spec(kind)
    if spec.name not in DUPLICATE_KINDS:
        raise HueDeskError(
            f"Chỉ gộp được cá nhân và tổ chức, không gộp {spec.label_vi.lower()}.",
            f"Only people and organisations can be merged, not {spec.label_en.lower()}.",
        )
    if keep_id == other_id:
        raise HueDeskError(
            "Không gộp được một hồ sơ với chính nó.", "A record cannot be merged with itself."
        )
    who = resolve(session, actor)
    require_write(who)
    keep = row_dict(get_obj(session, spec, keep_id))
    other_snap = snapshot_in(session, kind, other_id)
    other = other_snap.row
    require_row(who, spec, keep)
    require_row(who, spec, other)

    # 1. Every link to the other record now points at the kept one.
    moved: list[tuple[str, int, str]] = []
    for ref_spec, fk in _references_to(spec):
        col = ref_spec.table.c[fk]
        ids = list(session.scalars(select(ref_spec.table.c.id).where(col == other_id)))
        for row_id in ids:
            update_in(session, who, ref_spec.name, row_id, {fk: keep_id})
            moved.append((ref_spec.name, row_id, fk))
    files = list(
        session.scalars(select(Attachment.id).where(Attachment.owner_uuid == other["uuid"]))
    )
    if files:
        session.execute(
            update(Attachment).where(Attachment.id.in_(files)).values(owner_uuid=keep["uuid"])
        )
    tasks = list(
        session.scalars(select(FollowUpTask.id).where(FollowUpTask.source_uuid == other["uuid"]))
    )
    if tasks:
        session.execute(
            update(FollowUpTask).where(FollowUpTask.id.in_(tasks)).values(source_uuid=keep["uuid"])
        )

    # 2. The kept record: its blanks filled from the other, the other's names as aliases.
    personal = set(masking.personal_fields(spec))
    changes: dict[str, Any] = {}
    dropped: dict[str, Any] = {}
    for name, fs in spec.fields.items():
        if name in SYSTEM_FIELDS or name in ("ref", "aliases") or fs.computed:
            continue
        mine, theirs = keep.get(name), other.get(name)
        if theirs is None or theirs == "" or mine == theirs:
            continue
        if name in personal and not who.can_see_sensitive:
            dropped[name] = masking.mask_value(theirs)  # not theirs to copy: kept for undo
        elif mine is None or mine == "":
            changes[name] = theirs
        elif name == "notes":
            changes[name] = f"{mine}\n{theirs}"
        else:
            dropped[name] = masking.mask_value(theirs) if name in personal else theirs
    primary = {_spelling(n) for n in _names_of(spec, {**keep, **changes})[:-1] if n}
    added = [a for n in _names_of(spec, other) for a in alias_list(n)]
    aliases = _with_aliases(keep.get("aliases"), [a for a in added if _spelling(a) not in primary])
    if aliases != keep.get("aliases"):
        changes["aliases"] = aliases
    before = {name: keep.get(name) for name in changes}
    if changes:
        update_in(session, who, kind, keep_id, changes)

    # 3. The other record goes (nothing refers to it any more).
    delete_in(session, who, kind, other_id)
    snapshot = Snapshot(kind, other, other_snap.children, [])
    body = {
        "keep_id": keep_id,
        "keep_uuid": keep["uuid"],
        "before": _encode_row(before),
        "after": _encode_row(changes),
        "other": _encode_row(snapshot.row),
        "children": {k: [_encode_row(r) for r in rows] for k, rows in snapshot.children.items()},
        "moved": moved,
        "attachments": files,
        "tasks": tasks,
    }
    keep_label = keep.get("ref") or str(keep_id)
    other_label = other.get("ref") or str(other_id)
    op = _log(session, who, MERGE, kind, f"{other_label} → {keep_label}", body)
    _system_entry(session, who, kind, keep, {"merged": f"{other_label} → {keep_label}"})
    counts: dict[str, int] = {}
    for k, _id, _fk in moved:
        counts[k] = counts.get(k, 0) + 1
    return MergeResult(
        op.id,
        kind,
        keep_id,
        keep.get("ref"),
        other.get("ref"),
        counts,
        tuple(k for k in changes if k != "aliases"),
        dropped,
    )


# --- import --------------------------------------------------------------------------------
@dataclass
class ImportLog:
    """What an import wrote, collected while it writes, then logged for undo."""

    kind: str
    created: list[tuple[str, str]] = field(default_factory=list)  # (kind, uuid)
    changed: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = field(
        default_factory=list
    )  # (kind, uuid, before, after)

    def add_created(self, kind: str, row: Mapping[str, Any]) -> None:
        self.created.append((kind, str(row["uuid"])))

    def add_changed(self, kind: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> None:
        changed = {k for k, v in after.items() if k not in SYSTEM_FIELDS and before.get(k) != v}
        if changed:
            self.changed.append(
                (
                    kind,
                    str(after["uuid"]),
                    {k: before.get(k) for k in changed},
                    {k: after[k] for k in changed},
                )
            )


def log_import_in(session: Session, actor: Actor, log: ImportLog, summary: str) -> int:
    """Log an import (in its own transaction) so it can be undone as a whole; its id."""
    who = resolve(session, actor)
    body = {
        "created": log.created,
        "changed": [[k, u, _encode_row(b), _encode_row(a)] for k, u, b, a in log.changed],
    }
    op = _log(session, who, IMPORT, log.kind, summary, body)
    what = {"import": summary, "operation": op.id, "added": len(log.created)}
    _system_entry(session, who, log.kind, None, {**what, "updated": len(log.changed)})
    return op.id


# --- undo ----------------------------------------------------------------------------------
def _id_of(session: Session, kind: str, uuid: str) -> int | None:
    table = kind_spec(kind).table
    found = session.scalar(select(table.c.id).where(table.c.uuid == uuid))
    return int(found) if found is not None else None


def _put_back(
    session: Session,
    who: Principal,
    kind: str,
    record_id: int,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    kept: list[str],
) -> int:
    """Put ``before`` back where the record still holds ``after``; the number put back."""
    spec = kind_spec(kind)
    now = row_dict(get_obj(session, spec, record_id))
    back = {k: v for k, v in before.items() if now.get(k) == after.get(k)}
    for name in sorted(set(before) - set(back)):
        kept.append(f"{now.get('ref') or record_id}.{name}")
    if back:
        update_in(session, who, kind, record_id, back)
    return len(back)


def undo_in(session: Session, actor: Actor, operation_id: int) -> UndoResult:
    """Undo a logged merge or import as a whole (in the caller's unit of work)."""
    who = resolve(session, actor)
    op = _operation(session, who, operation_id)
    require_write(who)
    if op.undone_at is not None:
        raise HueDeskError(
            f"Thao tác {operation_id} đã được hoàn tác.",
            f"Operation {operation_id} was undone already.",
        )
    reason = dropped_reason(op.body[:40]) or ("expired" if expired(op.at) else None)
    if reason is not None:
        raise refusal(op, reason)
    body = json.loads(op.body)
    kept: list[str] = []
    if op.action == MERGE:
        result = _undo_merge(session, who, op, body, kept)
    else:
        result = _undo_import(session, who, op, body, kept)
    op.undone_at = clock.now()
    drop(op, UNDONE)  # not needed any more: a second undo is refused
    prune_in(session)
    session.flush()
    return result


# --- what an operation did, as its undo data says (masked for the role) ----------------------
def detail_in(session: Session, actor: Actor, operation_id: int, lang: str = "vi") -> list[str]:
    """What undoing the operation would put back, one line each, for ``actor``: personal
    data masked for roles that may not see it, links to consular rows left out for them."""
    who = resolve(session, actor)
    op = _operation(session, who, operation_id)
    en = lang == "en"
    reason = UNDONE if op.undone_at is not None else dropped_reason(op.body[:40])
    if reason == UNDONE:
        return [
            f"Operation {op.id} was undone; its undo data is no longer kept."
            if en
            else f"Thao tác {op.id} đã được hoàn tác; không còn giữ dữ liệu hoàn tác."
        ]
    if reason is not None:
        return [refusal(op, reason).message(lang)]
    lines = [refusal(op, "expired").message(lang)] if expired(op.at) else []
    body = json.loads(op.body)
    if op.action == MERGE:
        return lines + _merge_lines(session, who, op.kind, body, lang)
    return lines + _import_lines(session, who, body, lang)


def _shown(
    session: Session, who: Principal, spec: KindSpec, row: Mapping[str, Any], lang: str
) -> list[tuple[str, str]]:
    """(label, value) of each field with a value, personal data masked for ``who``."""
    row = dict(row)
    add_labels(session, spec, [row])
    personal = set(masking.personal_fields(spec))
    out = []
    for name, fs in spec.fields.items():
        if name in SYSTEM_FIELDS or name == "ref" or row.get(name) in (None, ""):
            continue  # the reference number heads the lines
        if name in personal and not who.can_see_sensitive:
            text = masking.mask_value(row[name])
        else:
            text = display_value(fs, row, lang)
        out.append((fs.label(lang), " ".join(text.split())))
    return out


def _merge_lines(
    session: Session, who: Principal, kind: str, body: Mapping[str, Any], lang: str
) -> list[str]:
    en = lang == "en"
    spec = kind_spec(kind)
    other = _decode_row(body["other"])
    lines = [
        (
            f"Undo brings back {other.get('ref') or other['uuid']}:"
            if en
            else f"Hoàn tác đưa lại {other.get('ref') or other['uuid']}:"
        )
    ]
    lines += [f"  {label}: {text}" for label, text in _shown(session, who, spec, other, lang)]
    hidden = hidden_kinds(who)
    counts: dict[str, int] = {}
    for k, _id, _fk in body["moved"]:
        if k not in hidden:
            counts[k] = counts.get(k, 0) + 1
    if counts:
        moved = ", ".join(f"{n} {KINDS[k].label(lang).lower()}" for k, n in sorted(counts.items()))
        lines.append(f"Links moved back: {moved}" if en else f"Liên kết chuyển lại: {moved}")
    after = _decode_row(body["after"])
    if after:
        lines.append("Values taken back from the kept record:" if en else "Gỡ khỏi hồ sơ giữ lại:")
        lines += [f"  {label}: {text}" for label, text in _shown(session, who, spec, after, lang)]
    return lines


def _import_lines(
    session: Session, who: Principal, body: Mapping[str, Any], lang: str
) -> list[str]:
    en = lang == "en"
    lines = [
        f"Undo deletes the {len(body['created'])} records it added."
        if en
        else f"Hoàn tác xóa {len(body['created'])} hồ sơ đã thêm."
    ]
    hidden = hidden_kinds(who)
    for kind, uuid, before, after in body["changed"]:
        if kind in hidden:
            continue
        spec = kind_spec(kind)
        record_id = _id_of(session, kind, uuid)
        ref = uuid
        if record_id is not None:
            ref = row_dict(get_obj(session, spec, record_id)).get("ref") or uuid
        old = dict(_shown(session, who, spec, _decode_row(before), lang))
        new = dict(_shown(session, who, spec, _decode_row(after), lang))
        for name in before:
            label = spec.fields[name].label(lang) if name in spec.fields else name
            lines.append(f"{ref} — {label}: {new.get(label, '')} → {old.get(label, '')}")
    return lines


def _undo_merge(
    session: Session, who: Principal, op: OperationLog, body: dict[str, Any], kept: list[str]
) -> UndoResult:
    spec = kind_spec(op.kind)
    keep_id = _id_of(session, op.kind, body["keep_uuid"])
    if keep_id is None:
        raise HueDeskError(
            f"Không hoàn tác được thao tác {op.id}: hồ sơ được giữ lại đã bị xóa.",
            f"Operation {op.id} cannot be undone: the record kept has been deleted.",
        )
    other = _decode_row(body["other"])
    if _id_of(session, op.kind, str(other["uuid"])) is not None:
        raise HueDeskError(
            f"Không hoàn tác được thao tác {op.id}: hồ sơ đã gộp đã có lại.",
            f"Operation {op.id} cannot be undone: the merged record exists again.",
        )
    children = {k: [_decode_row(r) for r in rows] for k, rows in body["children"].items()}
    other_id = restore_in(session, who, Snapshot(op.kind, other, children, []), trusted=True)
    for kind, row_id, fk in body["moved"]:
        table = kind_spec(kind).table
        current = session.scalar(select(table.c[fk]).where(table.c.id == row_id))
        if current == keep_id:
            update_in(session, who, kind, row_id, {fk: other_id})
        else:
            kept.append(f"{kind} {row_id}")
    keep_uuid, other_uuid = body["keep_uuid"], str(other["uuid"])
    if body["attachments"]:
        session.execute(
            update(Attachment)
            .where(Attachment.id.in_(body["attachments"]), Attachment.owner_uuid == keep_uuid)
            .values(owner_uuid=other_uuid)
        )
    if body["tasks"]:
        session.execute(
            update(FollowUpTask)
            .where(FollowUpTask.id.in_(body["tasks"]), FollowUpTask.source_uuid == keep_uuid)
            .values(source_uuid=other_uuid)
        )
    before, after = _decode_row(body["before"]), _decode_row(body["after"])
    _put_back(session, who, op.kind, keep_id, before, after, kept)
    keep = row_dict(get_obj(session, spec, keep_id))
    events.emit(session, op.kind, "update", keep)
    _system_entry(session, who, op.kind, keep, {"unmerged": op.summary, "operation": op.id})
    return UndoResult(op.id, MERGE, restored=1, kept=tuple(kept))


def _undo_import(
    session: Session, who: Principal, op: OperationLog, body: dict[str, Any], kept: list[str]
) -> UndoResult:
    removed = restored = 0
    with forgetting_later(session):  # undo data of other operations: one pass at the end
        for kind, uuid in reversed(body["created"]):
            record_id = _id_of(session, kind, uuid)
            if record_id is None:
                continue  # deleted since
            delete_in(session, who, kind, record_id)  # refused if something refers to it now
            removed += 1
    for kind, uuid, before, after in body["changed"]:
        record_id = _id_of(session, kind, uuid)
        if record_id is None:
            kept.append(uuid)
            continue
        restored += _put_back(
            session, who, kind, record_id, _decode_row(before), _decode_row(after), kept
        )
    _system_entry(session, who, op.kind, None, {"import undone": op.summary, "operation": op.id})
    return UndoResult(op.id, IMPORT, restored=restored, removed=removed, kept=tuple(kept))

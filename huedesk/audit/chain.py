"""The audit log: who changed which record, when, and each field's old and new value.

Entries are written by the services in the same transaction as the change they
describe, so there is never a change without its entry. Each entry's hash covers
its content and the previous entry's hash: editing or deleting an entry in the
file outside HueDesk breaks the chain, and ``verify_chain`` finds where.
``record`` appends one entry; ``AuditBatch`` appends many for a bulk write,
continuing the chain in memory with the same encoding and inserting in batches.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from huedesk.db.bulk import BulkInsert, WriteBehind
from huedesk.db.enums import AuditAction
from huedesk.db.locks import lock_audit_chain
from huedesk.db.models import AuditEntry
from huedesk.db.types import utcnow

GENESIS = "0" * 64
APPENDED = "hd_audit_appended"  # session.info flag read by huedesk.audit.head
# The encodings hashed into the chain: never change them (``json.dumps`` with these options,
# made once: ``dumps`` builds a new encoder on every call when given options).
_BODY = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
_PAYLOAD = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


# Exactly these types are their own JSON form (a str-based enum member is not: it goes by value).
_PLAIN = frozenset({type(None), str, int, bool})


def jsonable(value: Any) -> Any:
    """A JSON-safe form of a stored value (dates ISO 8601, decimals as text, enums by value)."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, bool | int | str) and not isinstance(value, enum.Enum):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, float):
        raise TypeError("floats are not stored by HueDesk")
    return str(value)


@functools.lru_cache(maxsize=16)
def _utc_iso(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat()


def _digest(
    prev: str,
    at: dt.datetime,
    actor: str,
    action: str,
    kind: str,
    record_uuid: str | None,
    record_ref: str | None,
    changes: str,
) -> str:
    payload = _PAYLOAD.encode(
        [
            prev,
            _utc_iso(at),
            actor,
            action,
            kind,
            record_uuid,
            record_ref,
            changes,
        ]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def last_hash(session: Session) -> str:
    """The hash of the newest entry, for reading (``chain_head`` when appending)."""
    h = session.scalar(select(AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1))
    return h or GENESIS


def chain_head(session: Session) -> str:
    """The hash the next entry follows, with the chain locked until the transaction ends.

    Without the lock two writers could both append after the same entry and fork
    the chain (``huedesk.db.locks``).
    """
    lock_audit_chain(session)
    return last_hash(session)


def entry_values(
    prev: str,
    *,
    actor: str,
    action: AuditAction,
    kind: str,
    record_uuid: str | None,
    record_ref: str | None,
    changes: Mapping[str, tuple[Any, Any]],
    at: dt.datetime | None = None,
) -> dict[str, Any]:
    """The column values of the entry that follows the one hashed ``prev``.

    ``record`` stores one; archive import chains thousands in memory and inserts them in
    batches, with the same body and hash, all stamped with the import's one ``at``.
    """
    body = _BODY.encode({k: [jsonable(old), jsonable(new)] for k, (old, new) in changes.items()})
    at = at or utcnow()
    return {
        "at": at,
        "actor": actor,
        "action": action,
        "kind": kind,
        "record_uuid": record_uuid,
        "record_ref": record_ref,
        "changes": body,
        "prev_hash": prev,
        "entry_hash": _digest(prev, at, actor, action.value, kind, record_uuid, record_ref, body),
    }


def record(
    session: Session,
    *,
    actor: str,
    action: AuditAction,
    kind: str,
    record_uuid: str | None,
    record_ref: str | None,
    changes: Mapping[str, tuple[Any, Any]],
) -> AuditEntry:
    """Append one audit entry (in the caller's transaction)."""
    entry = AuditEntry(
        **entry_values(
            chain_head(session),
            actor=actor,
            action=action,
            kind=kind,
            record_uuid=record_uuid,
            record_ref=record_ref,
            changes=changes,
        )
    )
    session.add(entry)
    session.flush()
    session.info[APPENDED] = True  # the head beside the database is rewritten after commit
    return entry


BATCH = 5000
_TABLE = cast(Table, AuditEntry.__table__)
# Straight through the driver (no per-row SQLAlchemy processing); the id is SQLite's to give.
_INSERT = BulkInsert(_TABLE, [c.name for c in _TABLE.columns if c.name != "id"])


class AuditBatch:
    """Entries for many changes at once, chained exactly as ``record`` chains one.

    A bulk write (``huedesk.records.bulk``) makes up to hundreds of thousands of
    entries in one transaction; appending each with its own query and flush would
    take minutes. The chain continues in memory from the last stored entry, every
    entry carries the batch's one time, and entries are inserted ``BATCH`` at a
    time (through ``behind`` when given). ``verify_chain`` accepts them like any other.
    """

    def __init__(self, session: Session, actor: str, behind: WriteBehind | None = None) -> None:
        self.session = session
        self.behind = behind
        self.actor = actor
        self.prev = chain_head(session)
        self.at = utcnow()  # one bulk write, one transaction: one time for all its entries
        self.rows: list[dict[str, Any]] = []
        self.written = 0

    def add(
        self,
        action: AuditAction,
        kind: str,
        record_uuid: str | None,
        record_ref: str | None,
        changes: Mapping[str, tuple[Any, Any]],
    ) -> None:
        row = entry_values(
            self.prev,
            actor=self.actor,
            action=action,
            kind=kind,
            record_uuid=record_uuid,
            record_ref=record_ref,
            changes=changes,
            at=self.at,
        )
        self.rows.append(row)
        self.prev = row["entry_hash"]
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.session.info[APPENDED] = True
            _INSERT.run(self.session, self.rows, self.behind)
            self.written += len(self.rows)
            self.rows = []


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Fields whose value differs between ``old`` and ``new`` (keys of ``new`` only)."""
    return {k: (old.get(k), v) for k, v in new.items() if old.get(k) != v}


@dataclass(frozen=True)
class ChainBreak:
    """Where the hash chain is broken and why."""

    entry_id: int
    reason_vi: str
    reason_en: str


def verify_chain(session: Session) -> Iterator[ChainBreak]:
    """Yield every place where an entry does not match its hash or its predecessor."""
    prev = GENESIS
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
    for entry in rows:
        if entry.prev_hash != prev:
            yield ChainBreak(
                entry.id,
                "không nối tiếp mục trước (có mục bị xóa hoặc chèn)",
                "does not follow the previous entry (an entry was removed or inserted)",
            )
        expected = _digest(
            entry.prev_hash,
            entry.at,
            entry.actor,
            str(entry.action.value),
            entry.kind,
            entry.record_uuid,
            entry.record_ref,
            entry.changes,
        )
        if expected != entry.entry_hash:
            yield ChainBreak(
                entry.id,
                "nội dung đã bị sửa ngoài HueDesk",
                "its content was changed outside HueDesk",
            )
        prev = entry.entry_hash

"""Audit entries for many changes at once, chained exactly as ``huedesk.audit.record`` does.

Archive import writes up to hundreds of thousands of records in one
transaction; appending each audit entry with its own query and flush would
take minutes. Here the hash chain is continued in memory from the last stored
entry and the entries are inserted in batches. ``huedesk.audit.verify_chain``
accepts them like any other entries.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.orm import Session

from huedesk.audit import chain_head, entry_values
from huedesk.db.bulk import BulkInsert, WriteBehind
from huedesk.db.enums import AuditAction
from huedesk.db.models import AuditEntry
from huedesk.db.types import utcnow

BATCH = 5000
_TABLE = cast(Table, AuditEntry.__table__)
# By the backend's bulk path (no per-row SQLAlchemy processing); the id is the database's to give.
_INSERT = BulkInsert(_TABLE, [c.name for c in _TABLE.columns if c.name != "id"])


class AuditBatch:
    """Audit entries waiting to be inserted, continuing the chain of ``session``'s database."""

    def __init__(self, session: Session, actor: str, behind: WriteBehind | None = None) -> None:
        self.session = session
        self.behind = behind
        self.actor = actor
        self.prev = chain_head(session)
        self.at = utcnow()  # one import, one transaction: one time for all its entries
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
            _INSERT.run(self.session, self.rows, self.behind)
            self.written += len(self.rows)
            self.rows = []

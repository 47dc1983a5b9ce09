"""Reading the audit log: pages of entries, newest first, as plain rows.

This module only reads. Nothing in HueDesk updates or deletes ``audit_entry``
rows (``huedesk.audit.record`` appends them with each change), and the
database's triggers (migration 0003) refuse it too. Entries about consular
cases, their children and their attachments are shown only to roles that may see
those cases.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, func, not_, or_, select

from huedesk.accounts.principal import Actor, resolve
from huedesk.accounts.roles import Principal
from huedesk.db.engine import Database
from huedesk.db.enums import AuditAction
from huedesk.db.models import AuditEntry
from huedesk.records.kinds import KINDS

SENSITIVE_KINDS = tuple(name for name, spec in KINDS.items() if spec.sensitive)
_ACCOUNT_LABELS = {
    "name": ("Tên đăng nhập", "User name"),
    "display_name": ("Họ và tên", "Full name"),
    "role": ("Vai trò", "Role"),
    "password": ("Mật khẩu", "Password"),
    "active": ("Đang hoạt động", "Active"),
}
_KIND_LABELS = {"user_account": ("Tài khoản", "Account")}


@dataclass(frozen=True)
class AuditRow:
    """One audit entry for display: ``changes`` maps field name to (old, new)."""

    id: int
    at: dt.datetime
    actor: str
    action: AuditAction
    kind: str
    record_ref: str | None
    record_uuid: str | None
    changes: dict[str, tuple[Any, Any]]

    def kind_label(self, lang: str = "vi") -> str:
        if self.kind in KINDS:
            return KINDS[self.kind].label(lang)
        vi, en = _KIND_LABELS.get(self.kind, (self.kind, self.kind))
        return en if lang == "en" else vi

    def field_label(self, name: str, lang: str = "vi") -> str:
        spec = KINDS.get(self.kind)
        if spec is not None and name in spec.fields:
            return spec.fields[name].label(lang)
        vi, en = _ACCOUNT_LABELS.get(name, (name, name))
        return en if lang == "en" else vi

    def describe(self, lang: str = "vi") -> str:
        """``Field: old → new; …`` in one line."""
        parts = []
        for name, (old, new) in self.changes.items():
            label = self.field_label(name, lang)
            if self.action is AuditAction.CREATE:
                parts.append(f"{label}: {_show(new)}")
            elif self.action is AuditAction.DELETE:
                parts.append(f"{label}: {_show(old)}")
            else:
                parts.append(f"{label}: {_show(old)} → {_show(new)}")
        return "; ".join(parts)


def _show(value: Any) -> str:
    if value is None:
        return "∅"
    text = str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _visible(who: Principal, stmt: Select[Any]) -> Select[Any]:
    if who.can_see_sensitive:
        return stmt
    # coalesce: a NULL owner would make the whole condition NULL and hide the row
    owner_old = func.coalesce(func.json_extract(AuditEntry.changes, "$.owner_kind[0]"), "")
    owner_new = func.coalesce(func.json_extract(AuditEntry.changes, "$.owner_kind[1]"), "")
    sensitive_attachment = and_(
        AuditEntry.kind == "attachment",
        or_(owner_old.in_(SENSITIVE_KINDS), owner_new.in_(SENSITIVE_KINDS)),
    )
    return stmt.where(AuditEntry.kind.not_in(SENSITIVE_KINDS), not_(sensitive_attachment))


def _filtered(
    stmt: Select[Any], record_ref: str | None, kind: str | None, actor: str | None
) -> Select[Any]:
    if record_ref:
        key = record_ref.strip()
        stmt = stmt.where(or_(AuditEntry.record_ref == key, AuditEntry.record_uuid == key))
    if kind:
        stmt = stmt.where(AuditEntry.kind == kind)
    if actor:
        stmt = stmt.where(AuditEntry.actor == actor)
    return stmt


class AuditLog:
    """The audit log as one user may read it."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def count(
        self, record_ref: str | None = None, kind: str | None = None, actor: str | None = None
    ) -> int:
        with self.db.read() as s:
            stmt = select(func.count()).select_from(AuditEntry)
            stmt = _filtered(_visible(resolve(s, self.actor), stmt), record_ref, kind, actor)
            return int(s.scalar(stmt) or 0)

    def page(
        self,
        record_ref: str | None = None,
        kind: str | None = None,
        actor: str | None = None,
        *,
        offset: int = 0,
        limit: int = 200,
    ) -> list[AuditRow]:
        """Entries newest first, ``limit`` from ``offset``."""
        with self.db.read() as s:
            stmt = select(AuditEntry)
            stmt = _filtered(_visible(resolve(s, self.actor), stmt), record_ref, kind, actor)
            stmt = stmt.order_by(AuditEntry.id.desc()).offset(offset).limit(limit)
            return [_row(e) for e in s.scalars(stmt)]


def _row(entry: AuditEntry) -> AuditRow:
    try:
        raw = json.loads(entry.changes or "{}")
    except ValueError:
        raw = {"?": [None, entry.changes]}
    changes = {
        k: (v[0], v[1]) if isinstance(v, list) and len(v) == 2 else (None, v)
        for k, v in raw.items()
    }
    return AuditRow(
        id=entry.id,
        at=entry.at,
        actor=entry.actor,
        action=entry.action,
        kind=entry.kind,
        record_ref=entry.record_ref,
        record_uuid=entry.record_uuid,
        changes=changes,
    )

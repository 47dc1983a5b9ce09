"""Reading the audit log: pages of entries, newest first, as plain rows.

This module only reads. Nothing in HueDesk updates or deletes ``audit_entry``
rows (``huedesk.audit.record`` appends them with each change), and the
database's triggers (migration 0003) refuse it too. Entries about consular
cases, their children and their attachments are shown only to roles that may see
those cases (``huedesk.records.visibility``).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, func, not_, or_, select
from sqlalchemy.orm import aliased

from huedesk.accounts.principal import Actor, resolve
from huedesk.accounts.roles import Principal, Role
from huedesk.accounts.service import AUDIT_KIND
from huedesk.db.base import Base
from huedesk.db.engine import Database
from huedesk.db.enums import AuditAction
from huedesk.db.functions import json_item
from huedesk.db.models import AuditEntry
from huedesk.records.display import display_value
from huedesk.records.fields import FieldSpec
from huedesk.records.kinds import KINDS
from huedesk.records.masking import AUDIT_MARK
from huedesk.records.visibility import SENSITIVE_KINDS

_ACCOUNT_LABELS = {
    "name": ("Tên đăng nhập", "User name"),
    "display_name": ("Họ và tên", "Full name"),
    "role": ("Vai trò", "Role"),
    "password": ("Mật khẩu", "Password"),
    "active": ("Đang hoạt động", "Active"),
}
# Entries about what is not a record. Their kinds; the keys of their changes come from
# the labelled columns of the table of the same name (regions, document settings) or below.
_KIND_LABELS = {
    AUDIT_KIND: ("Tài khoản", "Account"),
    "region": ("Vùng địa phương", "Region"),
    "document_settings": ("Thông tin văn bản", "Document settings"),
    "review_text": ("Báo cáo năm (phần viết)", "Yearly review (written parts)"),
    "restore": ("Khôi phục bản sao lưu", "Backup restored"),
    "demo": ("Dữ liệu mẫu", "Demo data"),
}
_OTHER_LABELS = {
    # merges, sheet imports and their undoing (huedesk.records.operations)
    "merged": ("Gộp hồ sơ", "Merged"),
    "unmerged": ("Bỏ gộp", "Merge undone"),
    "import": ("Nhập bảng tính", "Sheet import"),
    "import undone": ("Hoàn tác nhập bảng tính", "Sheet import undone"),
    "operation": ("Thao tác số", "Operation no."),
    "added": ("Hồ sơ thêm", "Records added"),
    "updated": ("Hồ sơ cập nhật", "Records updated"),
    # a restore (huedesk.maintenance), demo data, anonymising an old case
    "backup": ("Bản sao lưu", "Backup"),
    "backup_taken_at": ("Sao lưu lúc", "Backup taken at"),
    "pre_restore_copy": ("Bản giữ lại trước khi khôi phục", "Copy kept before restoring"),
    "rescue": ("Cứu tệp hỏng", "Rescue of a damaged file"),
    "accounts_carried": ("Tài khoản giữ lại", "Accounts kept"),
    "history_carried": ("Mục nhật ký giữ lại", "Log entries kept"),
    "demo_records": ("Số hồ sơ mẫu", "Demo records"),
    "seed": ("Hạt giống ngẫu nhiên", "Random seed"),
    "anonymised": ("Ẩn danh", "Anonymised"),
    # a region's partner localities; the two written parts of a yearly review
    "members": ("Địa phương thành viên", "Partner localities"),
    "assessment": ("Đánh giá chung", "Assessment"),
    "tasks": ("Nhiệm vụ năm tới", "Tasks for next year"),
}
_ROLE_VALUES = {r.value for r in Role}


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
        """The label of a changed field (a record's field, an account's, a labelled column's,
        a system entry's); the stored key only for a key HueDesk no longer knows."""
        spec = KINDS.get(self.kind)
        if spec is not None and name in spec.fields:
            return spec.fields[name].label(lang)
        table = Base.metadata.tables.get(self.kind)
        column = table.c.get(name) if table is not None and self.kind in _KIND_LABELS else None
        pair = column.info.get("label") if column is not None else None
        if pair is None:
            labels = _ACCOUNT_LABELS if self.kind == AUDIT_KIND else _OTHER_LABELS
            pair = labels.get(name, (name, name))
        vi, en = pair
        return en if lang == "en" else vi

    def describe(self, lang: str = "vi") -> str:
        """``Field: old → new; …`` in one line, values as people read them."""
        parts = []
        for name, (old, new) in self.changes.items():
            label = self.field_label(name, lang)
            if self.action is AuditAction.CREATE:
                parts.append(f"{label}: {self.show(name, new, lang)}")
            elif self.action is AuditAction.DELETE:
                parts.append(f"{label}: {self.show(name, old, lang)}")
            else:
                old_text, new_text = self.show(name, old, lang), self.show(name, new, lang)
                parts.append(f"{label}: {old_text} → {new_text}")
        return "; ".join(parts)

    def show(self, name: str, value: Any, lang: str = "vi") -> str:
        """One stored (JSON) value as text: labels for choices, dd/mm/yyyy dates, money."""
        if value is None:
            return "∅"
        if isinstance(value, bool):  # an account's "active", a flag: words, not True/False
            yes, no = ("Yes", "No") if lang == "en" else ("Có", "Không")
            return yes if value else no
        spec = KINDS.get(self.kind)
        fs = spec.fields.get(name) if spec is not None else None
        if self.kind == AUDIT_KIND and name == "role" and value in _ROLE_VALUES:
            text = Role(value).label(lang)
        elif (
            fs is None
            or value == AUDIT_MARK
            or (fs.choices is not None and value not in {m.value for m in fs.choices})
        ):
            text = str(value)
        else:
            currency = self.changes.get("currency", (None, None))
            row = {name: _typed(fs, value), "currency": currency[1] or currency[0]}
            text = display_value(fs, row, lang) or str(value)
        return text if len(text) <= 60 else text[:59] + "…"


def _typed(fs: FieldSpec, value: Any) -> Any:
    """The Python value behind a JSON one (ISO dates back to dates; choices stay values)."""
    if not isinstance(value, str) or fs.choices is not None:
        return value
    try:
        if fs.type is dt.date:
            return dt.date.fromisoformat(value)
        if fs.type is dt.datetime:
            return dt.datetime.fromisoformat(value)
        if fs.type is Decimal:
            return Decimal(value)
    except (ValueError, ArithmeticError):
        return value
    return value


def _visible(who: Principal, stmt: Select[Any]) -> Select[Any]:
    """``stmt`` narrowed to the entries ``who`` may read.

    Account entries (who has which role) are for administrators. Entries about
    consular cases, their children and the files attached to a case are for those
    who may see the cases: an attachment's entries are hidden by the owner its
    creation (or deletion) named, since a later edit of its description does not
    repeat the owner.
    """
    if not who.can_manage_users:
        stmt = stmt.where(AuditEntry.kind != AUDIT_KIND)
    if who.can_see_sensitive:
        return stmt
    created = aliased(AuditEntry)
    # coalesce: a NULL owner would make the whole condition NULL and hide the row
    owner_old = func.coalesce(json_item(created.changes, "owner_kind", 0), "")
    owner_new = func.coalesce(json_item(created.changes, "owner_kind", 1), "")
    case_files = select(created.record_uuid).where(
        created.kind == "attachment",
        created.record_uuid.is_not(None),
        or_(owner_old.in_(SENSITIVE_KINDS), owner_new.in_(SENSITIVE_KINDS)),
    )
    case_file = and_(AuditEntry.kind == "attachment", AuditEntry.record_uuid.in_(case_files))
    return stmt.where(AuditEntry.kind.not_in(SENSITIVE_KINDS), not_(case_file))


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

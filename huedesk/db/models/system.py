"""Bookkeeping tables: the audit log, reference-number counters and the log of undoable operations."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from huedesk.db.base import Base, enum_column, label
from huedesk.db.enums import AuditAction
from huedesk.db.types import UTCDateTime, utcnow


class AuditEntry(Base):
    """Who changed what, when: one row per create, update or delete.

    ``changes`` is JSON ``{field: [old, new]}``. ``prev_hash``/``entry_hash`` chain
    each entry to the one before, so editing the file outside HueDesk is detected.
    """

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, default=utcnow, index=True, info=label("Thời gian", "Time")
    )
    actor: Mapped[str] = mapped_column(String(120), info=label("Người thực hiện", "User"))
    action: Mapped[AuditAction] = mapped_column(
        enum_column(AuditAction, "audit_action"), info=label("Thao tác", "Action")
    )
    kind: Mapped[str] = mapped_column(String(40), index=True, info=label("Loại hồ sơ", "Kind"))
    record_uuid: Mapped[str | None] = mapped_column(
        String(36), index=True, info=label("Hồ sơ", "Record")
    )
    record_ref: Mapped[str | None] = mapped_column(
        String(40), index=True, info=label("Số hiệu", "Reference")
    )
    changes: Mapped[str] = mapped_column(Text, default="{}", info=label("Thay đổi", "Changes"))
    prev_hash: Mapped[str] = mapped_column(String(64), info=label("Băm trước", "Previous hash"))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True, info=label("Băm", "Hash"))


class RefCounter(Base):
    """The last number handed out for a reference prefix and year (``ĐV``, 2025 → 12)."""

    __tablename__ = "ref_counter"
    __table_args__ = (UniqueConstraint("prefix", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    prefix: Mapped[str] = mapped_column(String(8))
    year: Mapped[int] = mapped_column(Integer)
    last: Mapped[int] = mapped_column(Integer, default=0)


class OperationLog(Base):
    """A merge or a spreadsheet import, kept so it can be undone as a whole.

    ``body`` is JSON written by the service that did it (``huedesk.records.operations``):
    what it changed and the values before, enough to put them back. It holds the
    merged-away record as it was (personal data included, as the record itself did)
    until the operation is undone, is 30 days old, or a record it holds values of is
    deleted or anonymised (``huedesk.records.operation_log``); then ``body`` is only
    ``{"dropped": why, "on": date}``.
    """

    __tablename__ = "operation_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, default=utcnow, index=True, info=label("Thời gian", "Time")
    )
    actor: Mapped[str] = mapped_column(String(120), info=label("Người thực hiện", "User"))
    action: Mapped[str] = mapped_column(String(20), info=label("Thao tác", "Action"))
    kind: Mapped[str] = mapped_column(String(40), info=label("Loại hồ sơ", "Kind"))
    summary: Mapped[str] = mapped_column(String(500), info=label("Tóm tắt", "Summary"))
    body: Mapped[str] = mapped_column(Text, default="{}", info=label("Nội dung", "Body"))
    undone_at: Mapped[dt.datetime | None] = mapped_column(
        UTCDateTime, info=label("Đã hoàn tác lúc", "Undone at")
    )

"""When records entered each status: the history a report for a past date stands on.

A record's row holds its status now; ``status_change`` holds every status it
has been in and the day each took effect, so a figure can be worked out *as of*
a date (the cooperation pairs in force on 31 December 2025 stay the same when a
partnership ends in 2026). The effective day of a change comes from the
record's own date for that status when it has one (an agreement is signed on
its ``signed_on``, a partnership ends on its ``ended_on``) and is the day the
change was recorded otherwise; ``date_field`` names the field it came from, so
correcting that field moves the change with it. ``huedesk.records.status_history``
writes these rows inside the transaction of every change.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from huedesk.db.base import Base, label
from huedesk.db.types import UTCDateTime, utcnow


class StatusChange(Base):
    """A record of ``kind`` (by UUID) entered ``status`` on ``effective_on``.

    ``source`` says how the row came about: ``write`` (the status was set by a
    change), ``implied`` (an earlier milestone the record's dates show, such as
    the signing of an agreement entered as already in force), ``audit`` (read
    from the audit log when this table was made) or ``initial`` (a record the
    audit log says nothing about: its status as it stood then).
    """

    __tablename__ = "status_change"
    __table_args__ = (Index("ix_status_change_record", "record_uuid", "effective_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), info=label("Loại hồ sơ", "Kind"))
    record_uuid: Mapped[str] = mapped_column(String(36), info=label("Hồ sơ", "Record"))
    status: Mapped[str] = mapped_column(String(32), info=label("Tình trạng", "Status"))
    effective_on: Mapped[dt.date] = mapped_column(info=label("Hiệu lực từ", "Effective on"))
    date_field: Mapped[str | None] = mapped_column(
        String(40), info=label("Theo trường", "Date taken from")
    )
    source: Mapped[str] = mapped_column(String(16), info=label("Nguồn", "Source"))
    recorded_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, default=utcnow, info=label("Ghi lúc", "Recorded at")
    )

"""International events: festivals, conferences, workshops held in or with Huế."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from huedesk.db.base import Base, RecordMixin, RefMixin, enum_column, label
from huedesk.db.enums import EventStatus, EventType


class Event(RecordMixin, RefMixin, Base):
    """An international event and who took part."""

    __tablename__ = "event"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_ordered"),
        CheckConstraint(
            "foreign_participants IS NULL OR foreign_participants >= 0", name="participants_ok"
        ),
    )

    title: Mapped[str] = mapped_column(String(500), info=label("Tên sự kiện", "Title"))
    event_type: Mapped[EventType] = mapped_column(
        enum_column(EventType, "event_type"), index=True, info=label("Loại", "Type")
    )
    start_date: Mapped[dt.date] = mapped_column(
        index=True, info=label("Ngày bắt đầu", "Start date")
    )
    end_date: Mapped[dt.date | None] = mapped_column(info=label("Ngày kết thúc", "End date"))
    venue: Mapped[str | None] = mapped_column(String(300), info=label("Địa điểm", "Venue"))
    organiser: Mapped[str | None] = mapped_column(
        String(300), info=label("Đơn vị tổ chức", "Organiser")
    )
    foreign_participants: Mapped[int | None] = mapped_column(
        Integer, info=label("Số đại biểu nước ngoài", "Foreign participants")
    )
    partner_countries: Mapped[str | None] = mapped_column(
        String(300),
        info=label(
            "Các nước tham gia (mã ISO)", "Partner countries (ISO codes)", country_list=True
        ),
    )
    status: Mapped[EventStatus] = mapped_column(
        enum_column(EventStatus, "event_status"), index=True, info=label("Tình trạng", "Status")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("Ghi chú", "Notes"))

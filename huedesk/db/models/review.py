"""What the yearly review needs besides the records: named regions and the texts people write.

A region is a named group of partner localities the department reports on
together ("the southern Lao provinces": Salavan, Champasak, Sekong,
Savannakhet, Attapeu); users edit them. The assessment and next year's tasks
of a yearly review are written by people, kept per year and language.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from huedesk.db.base import Base, RecordMixin, label
from huedesk.db.types import UTCDateTime, utcnow


class Region(RecordMixin, Base):
    """A named group of partner localities (organisations) counted together."""

    __tablename__ = "region"

    name: Mapped[str] = mapped_column(String(200), unique=True, info=label("Tên vùng", "Name"))
    name_en: Mapped[str | None] = mapped_column(
        String(200), info=label("Tên tiếng Anh", "English name")
    )


class RegionMember(Base):
    """One partner locality in a region."""

    __tablename__ = "region_member"
    __table_args__ = (UniqueConstraint("region_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(
        ForeignKey("region.id", ondelete="CASCADE"), index=True, info=label("Vùng", "Region")
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"),
        index=True,
        info=label("Địa phương đối tác", "Partner locality"),
    )


class ReviewText(Base):
    """A section of a yearly review written by people: the assessment, or next year's tasks."""

    __tablename__ = "review_text"
    __table_args__ = (UniqueConstraint("year", "section", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, info=label("Năm", "Year"))
    section: Mapped[str] = mapped_column(String(20), info=label("Phần", "Section"))
    lang: Mapped[str] = mapped_column(String(2), info=label("Ngôn ngữ", "Language"))
    body: Mapped[str] = mapped_column(Text, info=label("Nội dung", "Text"))
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, default=utcnow, onupdate=utcnow, info=label("Sửa lúc", "Updated at")
    )
    updated_by: Mapped[str | None] = mapped_column(
        String(120), info=label("Người sửa", "Updated by")
    )

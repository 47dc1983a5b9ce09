"""Delegations: inbound visits (đoàn vào) and outbound trips (đoàn ra), with their parts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from huedesk.db.base import Base, RecordMixin, RefMixin, enum_column, label
from huedesk.db.enums import DelegationStatus, Direction, GiftDirection


class Delegation(RecordMixin, RefMixin, Base):
    """A visit: who, from where, why, when, and what came of it."""

    __tablename__ = "delegation"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_ordered"),
        CheckConstraint("budget_vnd IS NULL OR budget_vnd >= 0", name="budget_not_negative"),
    )

    direction: Mapped[Direction] = mapped_column(
        enum_column(Direction, "direction"), index=True, info=label("Chiều đoàn", "Direction")
    )
    title: Mapped[str] = mapped_column(String(500), info=label("Tên đoàn", "Delegation"))
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"),
        index=True,
        info=label("Đối tác", "Partner"),
    )
    country_code: Mapped[str] = mapped_column(
        ForeignKey("country.code"), index=True, info=label("Quốc gia", "Country")
    )
    purpose: Mapped[str | None] = mapped_column(Text, info=label("Mục đích", "Purpose"))
    start_date: Mapped[dt.date] = mapped_column(
        index=True, info=label("Ngày bắt đầu", "Start date")
    )
    end_date: Mapped[dt.date | None] = mapped_column(info=label("Ngày kết thúc", "End date"))
    status: Mapped[DelegationStatus] = mapped_column(
        enum_column(DelegationStatus, "delegation_status"),
        index=True,
        info=label("Tình trạng", "Status"),
    )
    hosts: Mapped[str | None] = mapped_column(
        String(500), info=label("Lãnh đạo tiếp, làm việc", "Huế hosts")
    )
    talking_points: Mapped[str | None] = mapped_column(
        Text, info=label("Nội dung đề xuất trao đổi", "Talking points")
    )
    press: Mapped[str | None] = mapped_column(Text, info=label("Báo chí", "Press"))
    outcomes: Mapped[str | None] = mapped_column(Text, info=label("Kết quả", "Outcomes"))
    documents_signed: Mapped[str | None] = mapped_column(
        Text, info=label("Văn bản đã ký", "Documents signed")
    )
    approval_decision: Mapped[str | None] = mapped_column(
        String(120), info=label("Quyết định cử đoàn", "Travel approval decision")
    )
    budget_vnd: Mapped[int | None] = mapped_column(
        BigInteger, info=label("Kinh phí (đồng)", "Budget (VND)")
    )
    itinerary: Mapped[str | None] = mapped_column(Text, info=label("Lịch trình", "Itinerary"))
    notes: Mapped[str | None] = mapped_column(Text, info=label("Ghi chú", "Notes"))

    members: Mapped[list[DelegationMember]] = relationship(
        back_populates="delegation",
        cascade="all, delete-orphan",
        order_by="DelegationMember.precedence",
        passive_deletes=True,
    )
    programme: Mapped[list[ProgrammeItem]] = relationship(
        back_populates="delegation",
        cascade="all, delete-orphan",
        order_by="ProgrammeItem.starts_at",
        passive_deletes=True,
    )
    gifts: Mapped[list[Gift]] = relationship(
        back_populates="delegation", cascade="all, delete-orphan", passive_deletes=True
    )


class DelegationMember(RecordMixin, Base):
    """A person in a delegation, with how to address them and what they need."""

    __tablename__ = "delegation_member"

    delegation_id: Mapped[int] = mapped_column(
        ForeignKey("delegation.id", ondelete="CASCADE"),
        index=True,
        info=label("Đoàn", "Delegation"),
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), index=True, info=label("Thành viên", "Person")
    )
    title: Mapped[str | None] = mapped_column(
        String(300), info=label("Chức danh trong đoàn", "Title in delegation")
    )
    form_of_address: Mapped[str | None] = mapped_column(
        String(120), info=label("Cách xưng hô", "Form of address")
    )
    precedence: Mapped[int] = mapped_column(
        Integer, default=100, info=label("Thứ tự lễ tân", "Precedence")
    )
    is_head: Mapped[bool] = mapped_column(default=False, info=label("Trưởng đoàn", "Head"))
    language: Mapped[str | None] = mapped_column(String(80), info=label("Ngôn ngữ", "Language"))
    dietary_needs: Mapped[str | None] = mapped_column(
        String(300), info=label("Yêu cầu ăn uống", "Dietary needs")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("Ghi chú", "Notes"))

    delegation: Mapped[Delegation] = relationship(back_populates="members")


class ProgrammeItem(RecordMixin, Base):
    """One line of the working programme (chương trình làm việc)."""

    __tablename__ = "programme_item"
    __table_args__ = (
        CheckConstraint("ends_at IS NULL OR ends_at >= starts_at", name="times_ordered"),
    )

    delegation_id: Mapped[int] = mapped_column(
        ForeignKey("delegation.id", ondelete="CASCADE"),
        index=True,
        info=label("Đoàn", "Delegation"),
    )
    starts_at: Mapped[dt.datetime] = mapped_column(info=label("Bắt đầu", "Starts at"))
    ends_at: Mapped[dt.datetime | None] = mapped_column(info=label("Kết thúc", "Ends at"))
    place: Mapped[str | None] = mapped_column(String(300), info=label("Địa điểm", "Place"))
    activity: Mapped[str] = mapped_column(String(500), info=label("Nội dung", "Activity"))
    hue_participants: Mapped[str | None] = mapped_column(
        String(500), info=label("Thành phần phía Huế", "Huế participants")
    )
    responsible_office: Mapped[str | None] = mapped_column(
        String(300), info=label("Đơn vị chủ trì", "Responsible office")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("Ghi chú", "Notes"))

    delegation: Mapped[Delegation] = relationship(back_populates="programme")


class Gift(RecordMixin, Base):
    """A gift given or received during a visit (kept so the next visit does not repeat it)."""

    __tablename__ = "gift"
    __table_args__ = (CheckConstraint("value_vnd IS NULL OR value_vnd >= 0", name="value_ok"),)

    delegation_id: Mapped[int] = mapped_column(
        ForeignKey("delegation.id", ondelete="CASCADE"),
        index=True,
        info=label("Đoàn", "Delegation"),
    )
    direction: Mapped[GiftDirection] = mapped_column(
        enum_column(GiftDirection, "gift_direction"), info=label("Tặng/nhận", "Given/received")
    )
    description: Mapped[str] = mapped_column(String(500), info=label("Quà tặng", "Gift"))
    giver: Mapped[str | None] = mapped_column(String(300), info=label("Người tặng", "Giver"))
    recipient: Mapped[str | None] = mapped_column(
        String(300), info=label("Người nhận", "Recipient")
    )
    value_vnd: Mapped[int | None] = mapped_column(
        BigInteger, info=label("Trị giá (đồng)", "Value (VND)")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("Ghi chú", "Notes"))

    delegation: Mapped[Delegation] = relationship(back_populates="gifts")

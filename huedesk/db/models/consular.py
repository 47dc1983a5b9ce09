"""Consular cases and citizen protection: sensitive personal data, handled with care."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from huedesk.db.base import Base, RecordMixin, RefMixin, enum_column, label
from huedesk.db.enums import CaseRole, CaseStatus, CaseType, InformationSource
from huedesk.db.types import UTCDateTime


class ConsularCase(RecordMixin, RefMixin, Base):
    """A consular or citizen-protection case from intake to closure."""

    __tablename__ = "consular_case"
    __table_args__ = (
        CheckConstraint("closed_on IS NULL OR closed_on >= opened_on", name="dates_ordered"),
    )

    case_type: Mapped[CaseType] = mapped_column(
        enum_column(CaseType, "case_type"), index=True, info=label("Loại vụ việc", "Case type")
    )
    title: Mapped[str] = mapped_column(String(500), info=label("Tóm tắt vụ việc", "Summary"))
    country_code: Mapped[str] = mapped_column(
        ForeignKey("country.code"), index=True, info=label("Quốc gia liên quan", "Country")
    )
    location: Mapped[str | None] = mapped_column(String(300), info=label("Nơi xảy ra", "Location"))
    facts: Mapped[str | None] = mapped_column(Text, info=label("Diễn biến", "Facts"))
    opened_on: Mapped[dt.date] = mapped_column(
        index=True, info=label("Ngày tiếp nhận", "Opened on")
    )
    closed_on: Mapped[dt.date | None] = mapped_column(info=label("Ngày kết thúc", "Closed on"))
    deadline: Mapped[dt.date | None] = mapped_column(
        index=True, info=label("Hạn xử lý", "Deadline")
    )
    status: Mapped[CaseStatus] = mapped_column(
        enum_column(CaseStatus, "case_status"), index=True, info=label("Tình trạng", "Status")
    )
    officer_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"),
        index=True,
        info=label("Cán bộ phụ trách", "Responsible officer"),
    )
    information_source: Mapped[InformationSource] = mapped_column(
        enum_column(InformationSource, "information_source"),
        info=label("Nguồn thông tin", "Information source"),
    )
    source_detail: Mapped[str | None] = mapped_column(
        String(500), info=label("Chi tiết nguồn tin", "Source detail")
    )
    consulate_notified_at: Mapped[dt.datetime | None] = mapped_column(
        UTCDateTime, info=label("Thông báo lãnh sự nước ngoài lúc", "Foreign consulate notified at")
    )
    outcome: Mapped[str | None] = mapped_column(Text, info=label("Kết quả", "Outcome"))
    notes: Mapped[str | None] = mapped_column(Text, info=label("Ghi chú", "Notes"))

    people: Mapped[list[CasePerson]] = relationship(
        back_populates="case", cascade="all, delete-orphan", passive_deletes=True
    )
    consents: Mapped[list[CaseConsent]] = relationship(
        back_populates="case", cascade="all, delete-orphan", passive_deletes=True
    )
    actions: Mapped[list[CaseAction]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        order_by="CaseAction.taken_at",
        passive_deletes=True,
    )


class CasePerson(RecordMixin, Base):
    """A person involved in a case, and in what role."""

    __tablename__ = "case_person"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("consular_case.id", ondelete="CASCADE"),
        index=True,
        info=label("Vụ việc", "Case"),
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), index=True, info=label("Người", "Person")
    )
    role: Mapped[CaseRole] = mapped_column(
        enum_column(CaseRole, "case_role"), info=label("Vai trò", "Role")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("Ghi chú", "Notes"))

    case: Mapped[ConsularCase] = relationship(back_populates="people")


class CaseConsent(RecordMixin, Base):
    """Consent given by a person for passing their information to a named recipient."""

    __tablename__ = "case_consent"
    __table_args__ = (
        CheckConstraint("withdrawn_on IS NULL OR withdrawn_on >= given_on", name="dates_ordered"),
    )

    case_id: Mapped[int] = mapped_column(
        ForeignKey("consular_case.id", ondelete="CASCADE"),
        index=True,
        info=label("Vụ việc", "Case"),
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"),
        index=True,
        info=label("Người đồng ý", "Person"),
    )
    recipient: Mapped[str] = mapped_column(
        String(300), info=label("Được chuyển thông tin cho", "Recipient")
    )
    scope: Mapped[str | None] = mapped_column(String(500), info=label("Phạm vi", "Scope"))
    given_on: Mapped[dt.date] = mapped_column(info=label("Ngày đồng ý", "Given on"))
    withdrawn_on: Mapped[dt.date | None] = mapped_column(info=label("Ngày rút", "Withdrawn on"))

    case: Mapped[ConsularCase] = relationship(back_populates="consents")


class CaseAction(RecordMixin, Base):
    """One entry in a case's actions log."""

    __tablename__ = "case_action"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("consular_case.id", ondelete="CASCADE"),
        index=True,
        info=label("Vụ việc", "Case"),
    )
    taken_at: Mapped[dt.datetime] = mapped_column(info=label("Thời gian", "Taken at"))
    action: Mapped[str] = mapped_column(Text, info=label("Nội dung xử lý", "Action"))
    officer: Mapped[str | None] = mapped_column(String(200), info=label("Cán bộ", "Officer"))
    next_step: Mapped[str | None] = mapped_column(String(500), info=label("Bước tiếp", "Next step"))

    case: Mapped[ConsularCase] = relationship(back_populates="actions")

"""Foreign aid: projects from donors, and their pledges, commitments and disbursements.

Each transaction keeps its own currency, value date and rate to VND, and the
VND equivalent worked out from them when it was recorded; totals add the VND
equivalents, never amounts in different currencies.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from huedesk.db.base import Base, RecordMixin, RefMixin, enum_column, label
from huedesk.db.enums import AidStatus, Sector, TransactionType
from huedesk.db.types import ExactDecimal


class AidProject(RecordMixin, RefMixin, Base):
    """An aid project or aid item (khoản viện trợ) from one donor."""

    __tablename__ = "aid_project"
    __table_args__ = (
        CheckConstraint("committed_amount >= 0", name="committed_not_negative"),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="dates_ordered"
        ),
    )

    title: Mapped[str] = mapped_column(
        String(500), info=label("Tên dự án, khoản viện trợ", "Title")
    )
    donor_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"),
        index=True,
        info=label("Nhà tài trợ", "Donor"),
    )
    sector: Mapped[Sector] = mapped_column(
        enum_column(Sector, "aid_sector"), index=True, info=label("Lĩnh vực", "Sector")
    )
    beneficiary: Mapped[str | None] = mapped_column(
        String(500), info=label("Đơn vị thụ hưởng", "Beneficiary")
    )
    approval_decision: Mapped[str | None] = mapped_column(
        String(120), info=label("Quyết định phê duyệt", "Approval decision")
    )
    approved_on: Mapped[dt.date | None] = mapped_column(
        index=True, info=label("Ngày phê duyệt", "Approved on")
    )
    start_date: Mapped[dt.date | None] = mapped_column(info=label("Ngày bắt đầu", "Start date"))
    end_date: Mapped[dt.date | None] = mapped_column(info=label("Ngày kết thúc", "End date"))
    committed_amount: Mapped[int] = mapped_column(
        BigInteger, info=label("Giá trị cam kết", "Committed amount")
    )
    currency: Mapped[str] = mapped_column(String(3), info=label("Loại tiền", "Currency"))
    status: Mapped[AidStatus] = mapped_column(
        enum_column(AidStatus, "aid_status"), index=True, info=label("Tình trạng", "Status")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("Ghi chú", "Notes"))

    transactions: Mapped[list[AidTransaction]] = relationship(
        back_populates="project",
        cascade="all, delete-orphan",
        order_by="AidTransaction.value_date",
        passive_deletes=True,
    )


class AidTransaction(RecordMixin, Base):
    """A pledge, commitment or disbursement, in its own currency with its rate to VND."""

    __tablename__ = "aid_transaction"
    __table_args__ = (
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        CheckConstraint("amount_vnd >= 0", name="amount_vnd_not_negative"),
        CheckConstraint("currency = 'VND' OR rate_to_vnd IS NOT NULL", name="rate_for_foreign"),
    )

    project_id: Mapped[int] = mapped_column(
        ForeignKey("aid_project.id", ondelete="CASCADE"), index=True, info=label("Dự án", "Project")
    )
    tx_type: Mapped[TransactionType] = mapped_column(
        enum_column(TransactionType, "transaction_type"),
        index=True,
        info=label("Loại giao dịch", "Transaction type"),
    )
    value_date: Mapped[dt.date] = mapped_column(
        index=True, info=label("Ngày giá trị", "Value date")
    )
    amount: Mapped[int] = mapped_column(BigInteger, info=label("Số tiền", "Amount"))
    currency: Mapped[str] = mapped_column(String(3), info=label("Loại tiền", "Currency"))
    rate_to_vnd: Mapped[Decimal | None] = mapped_column(
        ExactDecimal, info=label("Tỷ giá quy đổi (đồng)", "Rate to VND")
    )
    amount_vnd: Mapped[int] = mapped_column(
        BigInteger, info=label("Quy đổi (đồng)", "Amount in VND", computed=True)
    )
    tranche: Mapped[str | None] = mapped_column(String(60), info=label("Đợt", "Tranche"))
    document_ref: Mapped[str | None] = mapped_column(
        String(120), info=label("Chứng từ", "Receipt or document")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("Ghi chú", "Notes"))

    project: Mapped[AidProject] = relationship(back_populates="transactions")

"""Economic diplomacy: foreign direct investment projects."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from huedesk.db.base import Base, RecordMixin, RefMixin, enum_column, label
from huedesk.db.enums import FdiStatus, Sector


class FdiProject(RecordMixin, RefMixin, Base):
    """An FDI project: investor, capital registered, licence and where it is."""

    __tablename__ = "fdi_project"
    __table_args__ = (CheckConstraint("registered_capital >= 0", name="capital_not_negative"),)

    name: Mapped[str] = mapped_column(String(500), info=label("Tên dự án", "Project name"))
    investor_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"),
        index=True,
        info=label("Nhà đầu tư", "Investor"),
    )
    country_code: Mapped[str] = mapped_column(
        ForeignKey("country.code"), index=True, info=label("Quốc gia", "Country")
    )
    sector: Mapped[Sector] = mapped_column(
        enum_column(Sector, "fdi_sector"), index=True, info=label("Lĩnh vực", "Sector")
    )
    registered_capital: Mapped[int] = mapped_column(
        BigInteger, info=label("Vốn đăng ký", "Registered capital")
    )
    currency: Mapped[str] = mapped_column(
        String(3), default="USD", info=label("Loại tiền", "Currency")
    )
    licence_no: Mapped[str | None] = mapped_column(
        String(120), info=label("Số giấy chứng nhận đầu tư", "Licence number")
    )
    licence_date: Mapped[dt.date | None] = mapped_column(
        index=True, info=label("Ngày cấp phép", "Licence date")
    )
    terminated_on: Mapped[dt.date | None] = mapped_column(
        info=label("Chấm dứt từ", "Terminated on")
    )
    location: Mapped[str | None] = mapped_column(String(300), info=label("Địa điểm", "Location"))
    status: Mapped[FdiStatus] = mapped_column(
        enum_column(FdiStatus, "fdi_status"), index=True, info=label("Tình trạng", "Status")
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("Ghi chú", "Notes"))

"""How the department's documents are headed, numbered and signed (Decree 30/2020/NĐ-CP).

One row of settings (the agency names printed top left, the agency's code in
the number and symbol line, the place of the date line, who signs and under
which authority) and the register of numbers given to briefs when HueDesk
numbers them itself. Both live in the database, so a copy of the file prints
the same documents on another laptop.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from huedesk.db.base import Base, enum_column, label
from huedesk.db.enums import NumberMode, SignAuthority
from huedesk.db.types import UTCDateTime, utcnow


class DocumentSettings(Base):
    """The one row of document settings (``id`` is always 1)."""

    __tablename__ = "document_settings"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_agency: Mapped[str] = mapped_column(
        String(200), info=label("Cơ quan chủ quản", "Parent agency")
    )
    parent_agency_en: Mapped[str] = mapped_column(
        String(200), info=label("Cơ quan chủ quản (tiếng Anh)", "Parent agency (English)")
    )
    agency: Mapped[str] = mapped_column(String(200), info=label("Cơ quan ban hành", "Agency"))
    agency_en: Mapped[str] = mapped_column(
        String(200), info=label("Cơ quan ban hành (tiếng Anh)", "Agency (English)")
    )
    agency_code: Mapped[str] = mapped_column(
        String(20), info=label("Chữ viết tắt tên cơ quan", "Agency code")
    )
    place: Mapped[str] = mapped_column(String(60), info=label("Địa danh", "Place"))
    authority: Mapped[SignAuthority] = mapped_column(
        enum_column(SignAuthority, "sign_authority"), info=label("Thẩm quyền ký", "Authority")
    )
    head_title: Mapped[str] = mapped_column(
        String(120), info=label("Chức vụ người đứng đầu", "Head's title")
    )
    head_title_en: Mapped[str] = mapped_column(
        String(120), info=label("Chức vụ người đứng đầu (tiếng Anh)", "Head's title (English)")
    )
    signer_title: Mapped[str] = mapped_column(
        String(120), info=label("Chức vụ người ký", "Signer's title")
    )
    signer_title_en: Mapped[str] = mapped_column(
        String(120), info=label("Chức vụ người ký (tiếng Anh)", "Signer's title (English)")
    )
    signer_name: Mapped[str] = mapped_column(
        String(120), info=label("Họ tên người ký", "Signer's name")
    )
    number_mode: Mapped[NumberMode] = mapped_column(
        enum_column(NumberMode, "number_mode"), info=label("Số văn bản", "Document numbers")
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, default=utcnow, info=label("Cập nhật lúc", "Updated at")
    )
    updated_by: Mapped[str | None] = mapped_column(
        String(120), info=label("Người cập nhật", "Updated by")
    )


class DocumentNumber(Base):
    """A number HueDesk gave a document: one sequence a year, from 01 on 1 January."""

    __tablename__ = "document_number"
    __table_args__ = (
        UniqueConstraint("year", "number", name="uq_document_number_year_number"),
        UniqueConstraint("year", "doc_code", "subject", name="uq_document_number_subject"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, info=label("Năm", "Year"))
    number: Mapped[int] = mapped_column(Integer, info=label("Số", "Number"))
    doc_code: Mapped[str] = mapped_column(String(10), info=label("Loại văn bản", "Type"))
    subject: Mapped[str] = mapped_column(String(200), info=label("Nội dung", "Subject"))
    issued_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, default=utcnow, info=label("Cấp lúc", "Issued at")
    )
    issued_by: Mapped[str] = mapped_column(String(120), info=label("Người cấp", "Issued by"))

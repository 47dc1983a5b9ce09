"""Reference records that the others point at: countries, organisations, people."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from huedesk.db.base import Base, RecordMixin, RefMixin, enum_column, label
from huedesk.db.enums import Gender, OrgType


class Country(RecordMixin, Base):
    """A country by its ISO 3166-1 alpha-2 code, with Vietnamese and English names."""

    __tablename__ = "country"

    code: Mapped[str] = mapped_column(
        String(2), unique=True, info=label("Mã ISO", "ISO code", upper=True)
    )
    name_vi: Mapped[str] = mapped_column(
        String(120), info=label("Tên tiếng Việt", "Vietnamese name")
    )
    name_en: Mapped[str] = mapped_column(String(120), info=label("Tên tiếng Anh", "English name"))


class Organisation(RecordMixin, RefMixin, Base):
    """A partner locality, embassy, NGO, donor, investor, company or agency."""

    __tablename__ = "organisation"

    name: Mapped[str] = mapped_column(String(300), info=label("Tên", "Name"))
    name_en: Mapped[str | None] = mapped_column(
        String(300), info=label("Tên tiếng Anh", "English name")
    )
    org_type: Mapped[OrgType] = mapped_column(
        enum_column(OrgType, "org_type"), index=True, info=label("Loại", "Type")
    )
    country_code: Mapped[str | None] = mapped_column(
        ForeignKey("country.code"), index=True, info=label("Quốc gia", "Country")
    )
    address: Mapped[str | None] = mapped_column(String(500), info=label("Địa chỉ", "Address"))
    website: Mapped[str | None] = mapped_column(String(300), info=label("Trang web", "Website"))
    notes: Mapped[str | None] = mapped_column(Text, info=label("Ghi chú", "Notes"))
    aliases: Mapped[str | None] = mapped_column(
        Text, info=label("Tên khác (mỗi dòng một tên)", "Other names (one a line)")
    )


class Person(RecordMixin, RefMixin, Base):
    """A person: delegation member, case subject, relative, officer.

    Date of birth, passport number and contacts are personal data: lists and
    briefs mask them unless the user opens the record or asks for them.
    """

    __tablename__ = "person"

    full_name: Mapped[str] = mapped_column(String(200), info=label("Họ và tên", "Full name"))
    gender: Mapped[Gender | None] = mapped_column(
        enum_column(Gender, "gender"), info=label("Giới tính", "Gender")
    )
    date_of_birth: Mapped[dt.date | None] = mapped_column(
        info=label("Ngày sinh", "Date of birth", personal=True)
    )
    nationality: Mapped[str | None] = mapped_column(
        ForeignKey("country.code"), index=True, info=label("Quốc tịch", "Nationality")
    )
    passport_no: Mapped[str | None] = mapped_column(
        String(40), info=label("Số hộ chiếu", "Passport number", personal=True)
    )
    position: Mapped[str | None] = mapped_column(String(300), info=label("Chức vụ", "Position"))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"),
        index=True,
        info=label("Cơ quan, tổ chức", "Organisation"),
    )
    phone: Mapped[str | None] = mapped_column(
        String(60), info=label("Điện thoại", "Phone", personal=True)
    )
    email: Mapped[str | None] = mapped_column(
        String(200), info=label("Thư điện tử", "Email", personal=True)
    )
    address: Mapped[str | None] = mapped_column(
        String(500), info=label("Địa chỉ", "Address", personal=True)
    )
    notes: Mapped[str | None] = mapped_column(Text, info=label("Ghi chú", "Notes"))
    aliases: Mapped[str | None] = mapped_column(
        Text, info=label("Tên khác (mỗi dòng một tên)", "Other names (one a line)")
    )

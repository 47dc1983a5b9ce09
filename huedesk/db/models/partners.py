"""Relations with foreign localities and the international agreements (MOUs) signed."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from huedesk.db.base import Base, RecordMixin, RefMixin, enum_column, label
from huedesk.db.enums import (
    AgreementStatus,
    AgreementType,
    LocalityLevel,
    PartnershipStatus,
    RelationType,
    SigningLevel,
)


class Partnership(RecordMixin, RefMixin, Base):
    """A friendly, twinning or cooperation relation between Huế and a foreign locality."""

    __tablename__ = "partnership"

    partner_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"),
        index=True,
        info=label("Địa phương đối tác", "Partner locality"),
    )
    country_code: Mapped[str] = mapped_column(
        ForeignKey("country.code"), index=True, info=label("Quốc gia", "Country")
    )
    level: Mapped[LocalityLevel] = mapped_column(
        enum_column(LocalityLevel, "locality_level"), info=label("Cấp", "Level")
    )
    relation_type: Mapped[RelationType] = mapped_column(
        enum_column(RelationType, "relation_type"), info=label("Loại quan hệ", "Relation type")
    )
    since: Mapped[dt.date | None] = mapped_column(info=label("Thiết lập từ", "Since"))
    ended_on: Mapped[dt.date | None] = mapped_column(info=label("Chấm dứt từ", "Ended on"))
    status: Mapped[PartnershipStatus] = mapped_column(
        enum_column(PartnershipStatus, "partnership_status"),
        index=True,
        info=label("Tình trạng", "Status"),
    )
    hue_side: Mapped[str | None] = mapped_column(String(300), info=label("Phía Huế", "Huế party"))
    notes: Mapped[str | None] = mapped_column(Text, info=label("Ghi chú", "Notes"))


class Agreement(RecordMixin, RefMixin, Base):
    """An international agreement or MOU, from negotiation to expiry."""

    __tablename__ = "agreement"

    title: Mapped[str] = mapped_column(String(500), info=label("Tên văn bản", "Title"))
    agreement_type: Mapped[AgreementType] = mapped_column(
        enum_column(AgreementType, "agreement_type"), info=label("Loại", "Type")
    )
    counterpart_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"),
        index=True,
        info=label("Đối tác", "Counterpart"),
    )
    country_code: Mapped[str | None] = mapped_column(
        ForeignKey("country.code"), index=True, info=label("Quốc gia", "Country")
    )
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnership.id", ondelete="SET NULL"),
        index=True,
        info=label("Quan hệ đối tác", "Partnership"),
    )
    hue_signatory: Mapped[str | None] = mapped_column(
        String(300), info=label("Bên ký phía Huế", "Huế signatory")
    )
    signing_level: Mapped[SigningLevel] = mapped_column(
        enum_column(SigningLevel, "signing_level"), info=label("Cấp ký", "Signing level")
    )
    signed_on: Mapped[dt.date | None] = mapped_column(
        index=True, info=label("Ngày ký", "Signed on")
    )
    effective_from: Mapped[dt.date | None] = mapped_column(
        info=label("Hiệu lực từ", "Effective from")
    )
    expires_on: Mapped[dt.date | None] = mapped_column(
        index=True, info=label("Hết hiệu lực", "Expires on")
    )
    terminated_on: Mapped[dt.date | None] = mapped_column(
        info=label("Chấm dứt từ", "Terminated on")
    )
    status: Mapped[AgreementStatus] = mapped_column(
        enum_column(AgreementStatus, "agreement_status"),
        index=True,
        info=label("Tình trạng", "Status"),
    )
    fields: Mapped[str | None] = mapped_column(
        String(500), info=label("Lĩnh vực hợp tác", "Fields of cooperation")
    )
    follow_up: Mapped[str | None] = mapped_column(Text, info=label("Triển khai", "Follow-up"))
    notes: Mapped[str | None] = mapped_column(Text, info=label("Ghi chú", "Notes"))

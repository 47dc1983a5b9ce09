"""Files attached to records, stored in the data folder and identified by their hash."""

from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from huedesk.db.base import Base, RecordMixin, label


class Attachment(RecordMixin, Base):
    """A file kept with a record: its name, size and SHA-256, and where the copy lives.

    ``stored_name`` is relative to the database's attachments folder and derived from
    the content hash (``huedesk.records.stored_files``), never given; the hash lets
    ``huedesk check`` and archive bundles prove the file is unchanged.
    """

    __tablename__ = "attachment"
    __table_args__ = (CheckConstraint("size >= 0", name="size_ok"),)

    owner_kind: Mapped[str] = mapped_column(
        String(40), index=True, info=label("Loại hồ sơ", "Kind")
    )
    owner_uuid: Mapped[str] = mapped_column(String(36), index=True, info=label("Hồ sơ", "Record"))
    filename: Mapped[str] = mapped_column(String(300), info=label("Tên tệp", "File name"))
    stored_name: Mapped[str] = mapped_column(
        String(300), info=label("Tệp lưu", "Stored file", computed=True)
    )
    media_type: Mapped[str | None] = mapped_column(String(120), info=label("Kiểu", "Media type"))
    size: Mapped[int] = mapped_column(BigInteger, info=label("Kích thước", "Size"))
    sha256: Mapped[str] = mapped_column(String(64), index=True, info=label("SHA-256", "SHA-256"))
    description: Mapped[str | None] = mapped_column(Text, info=label("Mô tả", "Description"))


class StoredFile(Base):
    """The bytes of an attached file kept inside a server database, by content.

    Used when the database is on a server and no shared folder is configured
    (``huedesk.records.server_files``): one file is stored once, however many
    attachment rows name its SHA-256, in parts of ``PART_BYTES`` (so neither end
    ever holds a whole large file in memory). A database file keeps its attached
    files in its attachments folder instead, and this table stays empty there.
    """

    __tablename__ = "stored_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    part: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)

"""Declarative base and the columns every record shares.

Every record carries a stable ``uuid`` (records are later merged between laptops
by it), ``created_at``/``updated_at`` in UTC, and, for the record kinds a user
refers to, a human ``ref`` such as ``ĐV-2025-0012``. Child rows (delegation
members, case actions, disbursements …) carry a ``uuid`` too but no ``ref``:
they are named through their parent.

Field labels for forms and error messages live on the columns as
``info={"label": (vi, en)}`` so the UI, validation and export share one source.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid as uuidlib
from typing import Any

from sqlalchemy import Enum, MetaData, String, select, type_coerce, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, declared_attr, mapped_column

from huedesk.db.types import UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# Record ids are INTEGER columns: 64 bits in SQLite, 32 on PostgreSQL. A larger id names
# no record on either (the query is not even sent: PostgreSQL would fail on it).
MAX_ID = 2**31 - 1


class Base(DeclarativeBase):
    """Base of all HueDesk tables, with constraint names Alembic can address on SQLite."""

    metadata = MetaData(naming_convention=NAMING)


def label(vi: str, en: str, **extra: Any) -> dict[str, Any]:
    """Column ``info`` carrying the field's Vietnamese and English label."""
    return {"label": (vi, en), **extra}


def new_uuid() -> str:
    """A new random UUID as text."""
    return str(uuidlib.uuid4())


def enum_column(enum_cls: type[enum.Enum], name: str) -> Enum:
    """A portable enum column: stored as its value text with a CHECK constraint."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


def next_version(current: dt.datetime | None) -> dt.datetime:
    """The ``updated_at`` a change writes: now, and always later than ``current``.

    ``updated_at`` is the records' version column (SQLAlchemy's ``version_id_col``):
    an ORM update is ``UPDATE … WHERE id = :id AND updated_at = :as_loaded``, so a
    save that read the record before another writer committed changes nothing and
    fails (``StaleDataError``, which the record service turns into ``ConflictError``)
    instead of overwriting. Strictly increasing even when two changes fall in the same
    microsecond (or the clock is fixed, as in tests).
    """
    now = utcnow()
    if current is not None and now <= current:
        return current + dt.timedelta(microseconds=1)
    return now


class RecordMixin:
    """Columns every stored record has; ``updated_at`` is also its version (optimistic locking)."""

    id: Mapped[int] = mapped_column(primary_key=True, info=label("Mã số", "ID"))
    uuid: Mapped[str] = mapped_column(
        String(36), unique=True, default=new_uuid, info=label("Mã định danh", "UUID")
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, default=utcnow, info=label("Tạo lúc", "Created at")
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, default=utcnow, onupdate=utcnow, info=label("Sửa lúc", "Updated at")
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.updated_at, "version_id_generator": next_version}


class RefMixin:
    """A human reference number, unique per kind (e.g. ``LS-2025-0007``)."""

    ref: Mapped[str] = mapped_column(String(24), unique=True, info=label("Số hiệu", "Reference"))


def settle_version(session: Session, obj: Any) -> None:
    """Give ``obj``'s stored ``updated_at`` the exact form HueDesk writes, before a change.

    The version check compares the stored value with the one read. A server stores a
    timestamp; SQLite stores text, and a row another program (or an older HueDesk) wrote
    as ``2025-03-01 08:00:00`` reads as the same instant but does not equal the
    ``2025-03-01 08:00:00.000000`` the check sends: every save of it would be refused as
    changed elsewhere. Rewritten here, only when its text differs and only if it still
    holds what was read (a writer who changed it since still wins).
    """
    table = obj.__table__
    column = table.c.updated_at
    dialect = session.get_bind().dialect
    write = column.type.dialect_impl(dialect).bind_processor(dialect)
    read = obj.updated_at
    if read is None:
        return
    written = write(read) if write is not None else read
    if not isinstance(written, str):
        return  # a timestamp column: no text forms
    stored = session.execute(
        select(type_coerce(column, String)).where(table.c.id == obj.id)
    ).scalar_one_or_none()
    if isinstance(stored, str) and stored != written:
        session.execute(
            update(table)
            .where(table.c.id == obj.id, type_coerce(column, String) == stored)
            .values(updated_at=read)
        )

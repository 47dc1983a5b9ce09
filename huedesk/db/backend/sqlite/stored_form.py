"""Column values as SQLite stores them, converted without SQLAlchemy's per-row machinery.

Archive export and import move half a million rows at a time. Going through
SQLAlchemy's result and parameter processing costs about 10 µs per row, more
than the database work itself; reading and writing plain tuples on the driver
connection, with one small converter per column, costs a fraction of that.

The converters here produce exactly what SQLAlchemy stores in SQLite and what
``huedesk.audit.jsonable`` makes of a loaded value (``tests/db/test_stored_form.py``
compares them with SQLAlchemy on every column of every record kind), so the
bulk paths and the ORM read and write the same file the same way. A column type
without a converter here is refused when the converter is asked for, never
written wrongly.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Boolean, Column, Date, DateTime, Enum, Integer, Select, String
from sqlalchemy.orm import Session

from huedesk.db.backend.protocol import Convert
from huedesk.db.types import ExactDecimal, UTCDateTime


def _stored_datetime(value: dt.datetime) -> str:
    """SQLAlchemy's SQLite DATETIME text: ``YYYY-MM-DD HH:MM:SS.ffffff``."""
    return "%04d-%02d-%02d %02d:%02d:%02d.%06d" % (  # noqa: UP031 (the fastest formatting here)
        value.year,
        value.month,
        value.day,
        value.hour,
        value.minute,
        value.second,
        value.microsecond,
    )


def _stored_utc(value: dt.datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("UTCDateTime needs an aware datetime")
    if value.utcoffset():
        value = value.astimezone(dt.UTC)
    return _stored_datetime(value)


def _iso_from_stored(text: str, suffix: str) -> str:
    """ISO 8601 as ``datetime.isoformat`` writes it, from stored DATETIME text."""
    if len(text) == 26 and text[10] == " " and text[19] == ".":
        if text.endswith(".000000"):
            return f"{text[:10]}T{text[11:19]}{suffix}"
        return f"{text[:10]}T{text[11:]}{suffix}"
    parsed = dt.datetime.fromisoformat(text)  # a shape SQLAlchemy would also have read
    return parsed.isoformat() + suffix


def _portable_utc(text: str) -> str:
    return _iso_from_stored(text, "+00:00")


def _portable_naive(text: str) -> str:
    return _iso_from_stored(text, "")


def _portable_decimal(text: Any) -> str:
    return str(Decimal(text))


def _stored_decimal(value: Any) -> str:
    return str(Decimal(value))


def _stored_enum(value: Any) -> Any:
    return getattr(value, "value", value)


def _stored_bool(value: Any) -> int:
    return 1 if value else 0


def _constant(value: Any) -> Any:
    return value


# Per column type, in the order tried: (type, stored → portable, Python → stored); ``None``
# means the value is already in that form.
_FORMS: list[tuple[type[Any], Convert | None, Convert | None]] = [
    (UTCDateTime, _portable_utc, _stored_utc),
    (ExactDecimal, _portable_decimal, _stored_decimal),
    (Boolean, bool, _stored_bool),
    (DateTime, _portable_naive, _stored_datetime),
    (Date, None, dt.date.isoformat),  # stored as ISO text already
    (Enum, None, _stored_enum),  # stored by value
    (Integer, None, None),
    (String, None, None),  # Text too
]


def _forms(column: Column[Any]) -> tuple[Convert | None, Convert | None]:
    for kind, portable, stored in _FORMS:
        if isinstance(column.type, kind):
            return portable, stored
    raise TypeError(f"no stored-form converter for {column} ({column.type!r})")


def portable_converter(column: Column[Any]) -> Convert | None:
    """Stored value → its portable JSON form (``None``: the stored value is that form).

    The portable form is ``jsonable`` of the value SQLAlchemy would load: ISO 8601
    dates and times (UTC ones with ``+00:00``), decimals as text, enums by value,
    booleans as ``true``/``false``.
    """
    return _forms(column)[0]


def stored_converter(column: Column[Any]) -> Convert | None:
    """Python value (as validation returns it) → stored value (``None``: stored as is)."""
    return _forms(column)[1]


def driver(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under ``session``'s current transaction."""
    return cast(sqlite3.Connection, session.connection().connection.driver_connection)


def driver_sql(session: Session, stmt: Select[Any]) -> str:
    """``stmt`` as SQL text for the driver, its parameters written in.

    Only for statements whose parameters come from the database or the program
    (ids, UUIDs, kind names): SQLAlchemy quotes them as literals.
    """
    compiled = stmt.compile(
        dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True}
    )
    return str(compiled)


def driver_rows(session: Session, stmt: Select[Any]) -> Iterator[Sequence[Any]]:
    """The rows of ``stmt`` as sqlite3 returns them (stored values, no type processing)."""
    return iter(driver(session).execute(driver_sql(session, stmt)))

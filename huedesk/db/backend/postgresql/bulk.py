"""Bulk paths on PostgreSQL: ``COPY … FROM STDIN`` in, plain driver rows out.

Rows go in through psycopg's ``COPY`` (one round trip for a whole batch, no
per-row statement), converted to what psycopg sends for each column type; rows
come out as psycopg returns them, and ``portable_converter`` turns those values
into the portable form (``huedesk.audit.jsonable`` of what SQLAlchemy would load;
``tests/db/test_postgresql.py`` compares them with SQLAlchemy). PostgreSQL does its
work in the server process, so there is nothing to gain from a background thread:
``WriteBehind`` writes at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any, cast

import psycopg
from sqlalchemy import Boolean, Column, Date, DateTime, Enum, Integer, Select, String, Table, text
from sqlalchemy.orm import Session

from huedesk.db.backend.protocol import Convert
from huedesk.db.types import ExactDecimal, UTCDateTime


def _stored_utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValueError("UTCDateTime needs an aware datetime")
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def _stored_decimal(value: Any) -> str:
    return str(Decimal(value))


def _stored_enum(value: Any) -> Any:
    return getattr(value, "value", value)


def _portable_utc(value: dt.datetime) -> str:
    return value.replace(tzinfo=dt.UTC).isoformat()


def _isoformat(value: dt.date) -> str:
    return value.isoformat()


def _portable_decimal(value: Any) -> str:
    return str(Decimal(value))


# Per column type, in the order tried: (type, driver → portable, Python → driver).
_FORMS: list[tuple[type[Any], Convert | None, Convert | None]] = [
    (UTCDateTime, _portable_utc, _stored_utc),
    (ExactDecimal, _portable_decimal, _stored_decimal),
    (Boolean, None, bool),
    (DateTime, _isoformat, None),
    (Date, _isoformat, None),
    (Enum, None, _stored_enum),
    (Integer, None, None),
    (String, None, None),
]


def _forms(column: Column[Any]) -> tuple[Convert | None, Convert | None]:
    for kind, portable, stored in _FORMS:
        if isinstance(column.type, kind):
            return portable, stored
    raise TypeError(f"no PostgreSQL converter for {column} ({column.type!r})")


def portable_converter(column: Column[Any]) -> Convert | None:
    return _forms(column)[0]


def driver(session: Session) -> psycopg.Connection[Any]:
    """The psycopg connection under ``session``'s current transaction."""
    return cast("psycopg.Connection[Any]", session.connection().connection.driver_connection)


def copy_rows(
    session: Session, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """``COPY`` rows into ``columns`` of ``table`` (names from the program, never from input)."""
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    with driver(session).cursor() as cur, cur.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)


def _numbered_by_sequence(table: Table) -> str | None:
    """The integer primary key a sequence numbers (``SERIAL``/identity), if any."""
    keys = list(table.primary_key.columns)
    if (
        len(keys) == 1
        and isinstance(keys[0].type, Integer)
        and keys[0].autoincrement in (True, "auto")
    ):
        return keys[0].name
    return None


class InsertPlan:
    """``huedesk.db.backend.protocol.InsertPlan`` through ``COPY``.

    The bulk paths give new rows their ids themselves (archive import, demo data). A
    sequence numbers the rows SQLAlchemy inserts one at a time, and would hand out an
    id already taken, so after a load with explicit ids the sequence is moved past
    them (never back).
    """

    def __init__(self, table: Table, columns: Sequence[str]) -> None:
        self.table = table.name
        self.columns = list(columns)
        found = ((i, _forms(table.c[name])[1]) for i, name in enumerate(self.columns))
        self._convert = [(i, fn) for i, fn in found if fn is not None]
        key = _numbered_by_sequence(table)
        self._catch_up = None
        if key is not None and key in self.columns:
            self._catch_up = text(
                "SELECT setval(s, GREATEST(m, COALESCE(pg_sequence_last_value(s), 0))) FROM "
                f"(SELECT CAST(pg_get_serial_sequence('{self.table}', '{key}') AS regclass) AS s, "
                f'(SELECT max("{key}") FROM "{self.table}") AS m) AS x '
                "WHERE s IS NOT NULL AND m IS NOT NULL"
            )

    @property
    def convert(self) -> Sequence[tuple[int, Convert]]:
        return self._convert

    def insert(self, session: Session, rows: Sequence[Sequence[Any]], behind: object) -> None:
        copy_rows(session, self.table, self.columns, rows)
        if rows and self._catch_up is not None:
            session.execute(self._catch_up)


class WriteBehind:
    """Writes at once (``huedesk.db.backend.protocol.WriteBehind`` with nothing pending)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def sync(self) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self) -> WriteBehind:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def driver_rows(session: Session, stmt: Select[Any]) -> Iterator[Sequence[Any]]:
    """The rows of ``stmt`` as psycopg returns them (its own types, no SQLAlchemy processing)."""
    sql = str(
        stmt.compile(dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True})
    )
    with driver(session).cursor() as cur:
        cur.execute(sql)  # no parameters: psycopg sends the text as it is
        return iter(cur.fetchall())

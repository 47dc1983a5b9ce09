"""The SQLite backend: HueDesk's default, one database file per laptop.

Everything HueDesk does that only SQLite does lives in this package: the bulk
paths on the sqlite3 driver connection (``stored_form``, ``bulk``), and the
transaction rules below. ``SQLITE`` is the backend object ``huedesk.db.backend.of``
returns for an SQLite engine.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Column, Select, Table
from sqlalchemy.orm import Session

from huedesk.db.backend.protocol import WRITE_OPTION, Convert
from huedesk.db.backend.sqlite import bulk, stored_form


class SQLiteBackend:
    """``huedesk.db.backend.protocol.Backend`` for SQLite files (see the protocol for each operation)."""

    name = "sqlite"

    def hold(self, session: Session, key: str) -> None:
        """A write unit of work began with ``BEGIN IMMEDIATE``: it already holds the only write lock.

        SQLite has one writer at a time per file, and a transaction that starts with
        ``BEGIN IMMEDIATE`` takes that lock before its first read, so every key is
        held already. What is left to check is that the caller is in such a unit of
        work: in a read unit, a counter read now could be stale when written.
        """
        if not session.connection().get_execution_options().get(WRITE_OPTION, False):
            raise RuntimeError(f"lock {key!r} taken outside a write unit of work")

    def insert_plan(self, table: Table, columns: Sequence[str]) -> bulk.InsertPlan:
        return bulk.InsertPlan(table, columns)

    def write_behind(self, session: Session) -> bulk.WriteBehind:
        return bulk.WriteBehind(session)

    def driver_rows(self, session: Session, stmt: Select[Any]) -> Iterator[Sequence[Any]]:
        return stored_form.driver_rows(session, stmt)

    def portable_converter(self, column: Column[Any]) -> Convert | None:
        return stored_form.portable_converter(column)


SQLITE = SQLiteBackend()

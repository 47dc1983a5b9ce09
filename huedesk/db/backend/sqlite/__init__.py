"""The SQLite backend: HueDesk's default, one database file per laptop.

Everything HueDesk does that only SQLite does lives in this package: connection
settings and ``BEGIN IMMEDIATE`` (``connection``), error messages (``errors``,
``lock_holders``), the file's checks, copies and replacement (``files``), the
database's own checks (``checks``), SQL functions (``functions``), the search
index (``fts5``), the bulk paths on the sqlite3 driver connection (``stored_form``,
``bulk``), and the transaction rules below. ``SQLITE`` is the backend object
``huedesk.db.backend.of`` returns for an SQLite engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Column, Engine, Select, Table
from sqlalchemy.orm import Session

from huedesk.db.backend.protocol import WRITE_OPTION, Convert, DatabaseFiles
from huedesk.db.backend.sqlite import (
    bulk,
    checks,
    connection,
    errors,
    files,
    fts5,
    functions,  # noqa: F401  (registers how SQLite writes huedesk.db.functions)
    stored_form,
)
from huedesk.db.location import Location


class SQLiteBackend:
    """``huedesk.db.backend.protocol.Backend`` for SQLite files (the protocol says what each does)."""

    name = "sqlite"

    fulltext = fts5.Fts5Index()

    @property
    def files(self) -> DatabaseFiles:
        return files  # the module implements the protocol

    def make_engine(self, location: Location) -> Engine:
        return connection.make_engine(_file(location))

    def translate_error(self, exc: BaseException, location: Location) -> Exception | None:
        return errors.translate(exc, _file(location))

    def integrity_problems(self, session: Session) -> list[str]:
        return checks.integrity_problems(session)

    def foreign_key_problems(self, session: Session) -> list[tuple[str, Any, str]]:
        return checks.foreign_key_problems(session)

    def trigger_names(self, session: Session) -> set[str]:
        return checks.trigger_names(session)

    def interrupter(self, session: Session) -> Callable[[], None]:
        """``sqlite3.Connection.interrupt``: the running statement fails with "interrupted"
        at its next step (SQLite allows the call from any thread)."""
        driver: Any = session.connection().connection.dbapi_connection
        return cast("Callable[[], None]", driver.interrupt)

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


def _file(location: Location) -> Path:
    if not isinstance(location, Path):
        raise TypeError(f"SQLite databases are files, not {location}")
    return location


SQLITE = SQLiteBackend()

"""The PostgreSQL backend: one shared department database on a server (issue #15).

Everything HueDesk does that only PostgreSQL does lives in this package:
connections and HueDesk's SQL functions (``connection``), error messages
(``errors``), the database's own checks (``checks``), how ``huedesk.db.functions``
are written (``functions``), the search index (``fulltext``), and the bulk paths
over psycopg's ``COPY`` (``bulk``). ``POSTGRESQL`` is what ``huedesk.db.backend.of``
returns for a PostgreSQL engine; it is imported only when a server database is
opened, so psycopg is needed only there (``pip install huedesk[server]``).

A server database is not a file on this computer (``files`` is ``None``): file
backups, restores and the open-time file check refuse it with a message.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Column, Engine, Select, Table, text
from sqlalchemy.orm import Session

from huedesk.db.backend.postgresql import (
    bulk,
    checks,
    connection,
    errors,
    fulltext,
    functions,  # noqa: F401  (registers how PostgreSQL writes huedesk.db.functions)
)
from huedesk.db.backend.protocol import WRITE_OPTION, Convert, DatabaseFiles
from huedesk.db.location import Location, ServerURL

_LOCK = text("SELECT pg_advisory_xact_lock(:k)")


def lock_id(key: str) -> int:
    """A stable 64-bit advisory lock id for ``key`` (the first 8 bytes of its SHA-256)."""
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)


class PostgreSQLBackend:
    """``huedesk.db.backend.protocol.Backend`` for a PostgreSQL server (the protocol says what each does)."""

    name = "postgresql"

    fulltext = fulltext.PgIndex()

    @property
    def files(self) -> DatabaseFiles | None:
        return None

    def make_engine(self, location: Location) -> Engine:
        if not isinstance(location, ServerURL):
            raise TypeError(f"a PostgreSQL database is on a server, not in {location}")
        return connection.make_engine(location)

    def translate_error(self, exc: BaseException, location: Location) -> Exception | None:
        return errors.translate(exc, location)

    def integrity_problems(self, session: Session) -> list[str]:
        return checks.integrity_problems(session)

    def foreign_key_problems(self, session: Session) -> list[tuple[str, Any, str]]:
        return checks.foreign_key_problems(session)

    def trigger_names(self, session: Session) -> set[str]:
        return checks.trigger_names(session)

    def interrupter(self, session: Session) -> Callable[[], None]:
        """psycopg's cancel request: the server stops the statement, which fails with
        ``QueryCanceled`` (``cancel_safe`` where psycopg has it, else ``cancel``)."""
        driver: Any = session.connection().connection.dbapi_connection
        return cast("Callable[[], None]", getattr(driver, "cancel_safe", None) or driver.cancel)

    def hold(self, session: Session, key: str) -> None:
        """A transaction-scoped advisory lock on ``key``: released at commit or rollback.

        An advisory lock rather than ``SELECT … FOR UPDATE``, because the row it
        guards (a year's first reference counter) may not exist yet.
        """
        if not session.connection().get_execution_options().get(WRITE_OPTION, False):
            raise RuntimeError(f"lock {key!r} taken outside a write unit of work")
        session.execute(_LOCK, {"k": lock_id(key)})

    def insert_plan(self, table: Table, columns: Sequence[str]) -> bulk.InsertPlan:
        return bulk.InsertPlan(table, columns)

    def write_behind(self, session: Session) -> bulk.WriteBehind:
        return bulk.WriteBehind(session)

    def driver_rows(self, session: Session, stmt: Select[Any]) -> Iterator[Sequence[Any]]:
        return bulk.driver_rows(session, stmt)

    def portable_converter(self, column: Column[Any]) -> Convert | None:
        return bulk.portable_converter(column)


POSTGRESQL = PostgreSQLBackend()

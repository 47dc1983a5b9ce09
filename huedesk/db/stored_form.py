"""Column values as SQLite stores them, converted without SQLAlchemy's per-row machinery.

Archive export and import move half a million rows at a time. Going through
SQLAlchemy's result and parameter processing costs about 10 µs per row, more
than the database work itself; reading and writing plain tuples on the driver
connection, with one small converter per column, costs a fraction of that.

The converters here produce exactly what SQLAlchemy stores and what
``huedesk.audit.jsonable`` makes of a loaded value (``tests/test_stored_form.py``
compares them with SQLAlchemy on every column of every record kind), so the
bulk paths and the ORM read and write the same file the same way. A column type
without a converter here is refused when the converter is asked for, never
written wrongly.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import partial
from typing import Any, cast

from sqlalchemy import Boolean, Column, Date, DateTime, Enum, Integer, Select, String, Table
from sqlalchemy.orm import Session

from huedesk.db.types import ExactDecimal, UTCDateTime

Convert = Callable[[Any], Any]


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


def stored_rows(session: Session, stmt: Select[Any]) -> list[dict[str, Any]]:
    """The rows of ``stmt`` as dicts of stored values (no type processing).

    For reading columns whose stored value serves as is: text, integers, and enums
    (which arrive as their value, not as members).
    """
    names = [str(c.key) for c in stmt.selected_columns]
    return [
        dict(zip(names, row, strict=True))
        for row in driver(session).execute(driver_sql(session, stmt))
    ]


class BulkInsert:
    """``INSERT`` of many rows into one table, straight through the driver.

    Rows are dicts of Python values; a column missing from a row gets its Python-side
    default, as SQLAlchemy's ``insert`` would give it (NULL when it has none). Each row
    goes out as a tuple in the table's stored form, inside the session's transaction.
    """

    def __init__(self, table: Table, columns: Sequence[str] | None = None) -> None:
        self.columns = list(columns) if columns is not None else [c.name for c in table.columns]
        converters = [(i, stored_converter(table.c[n])) for i, n in enumerate(self.columns)]
        self.convert = [(i, f) for i, f in converters if f is not None]
        self.defaults: list[tuple[int, str, Callable[[], Any]]] = []
        for i, name in enumerate(self.columns):
            default = table.c[name].default
            if table.c[name].server_default is not None:
                raise TypeError(f"{table.name}.{name}: server defaults are not handled here")
            if default is None:
                continue
            if default.is_callable:
                # SQLAlchemy wraps a column's default function to take an execution context.
                self.defaults.append((i, name, partial(default.arg, None)))  # type: ignore[attr-defined]
            elif default.is_scalar:
                self.defaults.append((i, name, partial(_constant, default.arg)))  # type: ignore[attr-defined]
        names = ", ".join(f'"{n}"' for n in self.columns)
        self.head = f'INSERT INTO "{table.name}" ({names})'

    def stored(self, row: dict[str, Any]) -> list[Any]:
        values = list(map(row.get, self.columns))
        for i, name, default in self.defaults:
            if name not in row:
                values[i] = default()
        for i, convert in self.convert:
            if values[i] is not None:
                values[i] = convert(values[i])
        return values

    def run(
        self, session: Session, rows: Iterable[dict[str, Any]], behind: WriteBehind | None = None
    ) -> None:
        """Insert ``rows`` now, or hand them to ``behind`` to be written in the background."""
        insert_rows(session, self.head, [self.stored(r) for r in rows], behind)


def _statements(
    head: str, rows: Sequence[Sequence[Any]], max_variables: int
) -> Iterable[tuple[str, list[Any]]]:
    """``head`` (``INSERT INTO t (a, b)``) with ``rows``, as few multi-row statements."""
    if not rows:
        return
    width = len(rows[0])
    per = max(1, max_variables // width)
    group = "(" + ", ".join("?" * width) + ")"
    for start in range(0, len(rows), per):
        chunk = rows[start : start + per]
        sql = f"{head} VALUES {', '.join([group] * len(chunk))}"
        yield sql, list(itertools.chain.from_iterable(chunk))


def insert_rows(
    session: Session,
    head: str,
    rows: Sequence[Sequence[Any]],
    behind: WriteBehind | None = None,
) -> None:
    """Insert ``rows`` (stored form, one tuple per row) under ``head`` (``INSERT INTO t (a, b)``).

    Many rows go into each statement: one call into SQLite inserts hundreds of
    rows, where ``executemany`` crosses from Python into SQLite (and, in a
    background thread, waits for the GIL) once per row. With ``behind`` the
    statements run in its background thread.
    """
    conn = driver(session)
    limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    for sql, params in _statements(head, rows, limit):
        if behind is not None:
            behind.submit(sql, params)
        else:
            conn.execute(sql, params)


class WriteBehind:
    """Runs statements on the session's driver connection in a background thread.

    SQLite does its part of a bulk load (b-tree and index updates, full-text
    tokenising) with Python's GIL released, so a second thread can execute one
    multi-row insert (``insert_rows``) while the caller prepares the next: both
    cores work. Statements run in the order given, inside the caller's
    transaction. Before the caller reads anything a pending statement could
    change, it calls ``sync``; an error in a statement is raised by the next
    ``submit``, ``sync`` or ``close``. Use as a context manager.
    """

    def __init__(self, session: Session) -> None:
        self._conn = driver(session)
        self._jobs: queue.Queue[tuple[str, list[Any]] | None] = queue.Queue(maxsize=8)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="huedesk-write", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                if job is not None and self._error is None:
                    self._conn.execute(*job)
            except BaseException as exc:  # raised again in the caller's thread
                self._error = exc
            finally:
                self._jobs.task_done()
            if job is None:
                return

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def submit(self, sql: str, params: list[Any]) -> None:
        """Execute ``sql`` with ``params`` after the statements given before."""
        self._raise()
        self._jobs.put((sql, params))

    def sync(self) -> None:
        """Wait until every batch given so far is written."""
        self._jobs.join()
        self._raise()

    def close(self) -> None:
        if self._thread.is_alive():
            self._jobs.put(None)
            self._thread.join()
        self._raise()

    def __enter__(self) -> WriteBehind:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.close()
            return
        # Failing already: stop the thread, and let the first error be the one raised.
        with contextlib.suppress(BaseException):
            self.close()

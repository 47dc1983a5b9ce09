"""Many rows into SQLite at once: multi-row ``INSERT`` statements on the driver connection.

One call into SQLite inserts hundreds of rows, where ``executemany`` crosses from
Python into SQLite (and, in a background thread, waits for the GIL) once per row.
``WriteBehind`` runs those statements in a second thread: SQLite does its part
(b-tree and index updates, full-text tokenising) with the GIL released, so both
cores work while the caller prepares the next batch.
"""

from __future__ import annotations

import contextlib
import itertools
import queue
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from huedesk.db.backend import protocol
from huedesk.db.backend.protocol import Convert
from huedesk.db.backend.sqlite.stored_form import driver, stored_converter


class InsertPlan:
    """``INSERT INTO table (columns)`` of stored-form rows (``huedesk.db.backend.protocol``)."""

    def __init__(self, table: Table, columns: Sequence[str]) -> None:
        converters = [(i, stored_converter(table.c[n])) for i, n in enumerate(columns)]
        self.convert: list[tuple[int, Convert]] = [(i, f) for i, f in converters if f is not None]
        names = ", ".join(f'"{n}"' for n in columns)
        self.head = f'INSERT INTO "{table.name}" ({names})'

    def insert(
        self,
        session: Session,
        rows: Sequence[Sequence[Any]],
        behind: protocol.WriteBehind | None,
    ) -> None:
        if behind is not None and not isinstance(behind, WriteBehind):
            raise TypeError(f"not an SQLite bulk writer: {behind!r}")
        insert_rows(session, self.head, rows, behind)


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

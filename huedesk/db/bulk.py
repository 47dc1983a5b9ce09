"""Writing and reading many rows at once, by the fastest path the database backend has.

Archive import and export, demo data and the search index move hundreds of
thousands of rows in one transaction. Through SQLAlchemy's per-row result and
parameter processing that costs more than the database work itself, so these
paths hand plain rows to the backend (``huedesk.db.backend``), which writes and
reads them on its driver connection in its own stored form. The values going in
are the Python values validation returns, and the values coming out convert to
exactly what the ORM would load (``tests/db/test_stored_form.py``).

- ``BulkInsert(table).run(session, rows)``: insert rows (dicts of Python values);
  a column missing from a row gets its Python-side default, as SQLAlchemy's
  ``insert`` would give it.
- ``with write_behind(session) as behind:`` … ``BulkInsert.run(…, behind)``: the
  backend may write in the background while the caller prepares the next batch;
  ``behind.sync()`` before reading anything a pending insert could change.
- ``driver_rows``, ``stored_rows`` and ``portable_converter``: reading rows back
  without type processing, and turning stored values into their portable form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import Any

from sqlalchemy import Column, Select, Table
from sqlalchemy.orm import Session

from huedesk.db import backend
from huedesk.db.backend.protocol import Convert, InsertPlan, WriteBehind

__all__ = [
    "BulkInsert",
    "Convert",
    "WriteBehind",
    "driver_rows",
    "portable_converter",
    "stored_rows",
    "write_behind",
]


def _constant(value: Any) -> Any:
    return value


class BulkInsert:
    """``INSERT`` of many rows into one table, by the backend's bulk path.

    Rows are dicts of Python values; a column missing from a row gets its
    Python-side default, as SQLAlchemy's ``insert`` would give it (NULL when it has
    none). Each row goes to the backend as a list in column order, inside the
    session's transaction. One ``BulkInsert`` may serve several backends (each gets
    its own plan, made once).
    """

    def __init__(self, table: Table, columns: Sequence[str] | None = None) -> None:
        self.table = table
        self.columns = list(columns) if columns is not None else [c.name for c in table.columns]
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
        self._plans: dict[str, InsertPlan] = {}

    def plan(self, session: Session) -> InsertPlan:
        """The backend's plan for these columns (made on first use)."""
        db = backend.of(session)
        found = self._plans.get(db.name)
        if found is None:
            found = self._plans[db.name] = db.insert_plan(self.table, self.columns)
        return found

    def complete(self, row: dict[str, Any]) -> dict[str, Any]:
        """``row`` with every missing column filled in as it will be inserted: its
        Python-side default, else NULL (the row a single write's ORM object has)."""
        for _i, name, default in self.defaults:
            if name not in row:
                row[name] = default()
        if len(row) < len(self.columns):
            for name in self.columns:
                row.setdefault(name, None)
        return row

    def stored(self, row: dict[str, Any], convert: Sequence[tuple[int, Convert]]) -> list[Any]:
        """``row`` as a plan inserts it: defaults filled in, values converted by ``convert``."""
        values = list(map(row.get, self.columns))
        for i, name, default in self.defaults:
            if name not in row:
                values[i] = default()
        for i, fn in convert:
            if values[i] is not None:
                values[i] = fn(values[i])
        return values

    def run(
        self, session: Session, rows: Iterable[dict[str, Any]], behind: WriteBehind | None = None
    ) -> None:
        """Insert ``rows`` now, or hand them to ``behind`` to be written in the background."""
        plan = self.plan(session)
        convert = plan.convert
        plan.insert(session, [self.stored(r, convert) for r in rows], behind)


def write_behind(session: Session) -> WriteBehind:
    """A bulk writer for ``session``'s transaction; use it as a context manager."""
    return backend.of(session).write_behind(session)


def driver_rows(session: Session, stmt: Select[Any]) -> Iterator[Sequence[Any]]:
    """The rows of ``stmt`` as the driver returns them, with no type processing.

    Only for statements whose parameters come from the database or the program
    (ids, UUIDs, kind names): they are written into the SQL as literals.
    """
    return backend.of(session).driver_rows(session, stmt)


def stored_rows(session: Session, stmt: Select[Any]) -> list[dict[str, Any]]:
    """The rows of ``stmt`` as dicts of driver values (no type processing).

    For reading columns whose stored value serves as is: text, integers, and enums
    (which arrive as their value, not as members).
    """
    names = [str(c.key) for c in stmt.selected_columns]
    return [dict(zip(names, row, strict=True)) for row in driver_rows(session, stmt)]


def portable_converter(session: Session, column: Column[Any]) -> Convert | None:
    """How a ``driver_rows`` value of ``column`` becomes portable (``None``: it already is)."""
    return backend.of(session).portable_converter(column)

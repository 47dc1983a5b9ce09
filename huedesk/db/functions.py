"""SQL expressions HueDesk needs that SQL itself does not name the same way everywhere.

Services build them like any SQLAlchemy expression; each backend says how its
dialect writes them (``huedesk.db.backend.sqlite.functions`` for SQLite). A dialect
without a rule is refused when the statement is compiled, naming the expression,
never sent as something that might mean another thing.

- ``folded(text)``: the text as ``huedesk.text.fold`` folds it (lower case, no tone
  marks, ``đ`` → ``d``), for matching however the user types;
- ``sort_key(text)``: ``huedesk.text.sort_key`` of the text, for Vietnamese order;
- ``json_item(column, key, index)``: element ``index`` of the array under ``key`` in
  a column holding a JSON object as text (the audit log's ``changes``);
- ``unindexed(column)``: the column's value, which the database must not find rows by:
  a condition on it only filters the rows another condition's index found. SQLite keeps
  no table statistics, so it takes an index on an equality (``status IN …``: every
  planned visit of 200,000 records) over one on a range (the next thirty days).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import String
from sqlalchemy.exc import CompileError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql._typing import _ColumnExpressionArgument
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class folded(FunctionElement[str]):
    """``huedesk.text.fold`` of a text expression, computed by the database."""

    type = String()
    inherit_cache = True


class sort_key(FunctionElement[str]):
    """``huedesk.text.sort_key`` of a text expression, computed by the database."""

    type = String()
    inherit_cache = True


class json_item(FunctionElement[str]):
    """Element ``index`` of the JSON array under ``key`` in a JSON-object text column."""

    type = String()
    inherit_cache = True

    def __init__(self, column: _ColumnExpressionArgument[Any], key: str, index: int) -> None:
        if not _KEY.match(key) or not isinstance(index, int) or index < 0:
            raise ValueError(f"json_item needs a plain key and index, not {key!r}, {index!r}")
        self.key = key
        self.index = index
        super().__init__(column)


class unindexed(FunctionElement[Any]):
    """A column's value that the database must not look rows up by (see the module)."""

    inherit_cache = True

    def __init__(self, column: ColumnElement[Any]) -> None:
        super().__init__(column)
        self.type = column.type  # compared and bound as the column itself


@compiles(folded)
@compiles(sort_key)
@compiles(json_item)
@compiles(unindexed)
def _no_rule(element: FunctionElement[Any], compiler: SQLCompiler, **kw: Any) -> str:
    raise CompileError(
        f"{type(element).__name__}() has no rule for the {compiler.dialect.name} dialect; "
        "add one to its backend in huedesk/db/backend/"
    )

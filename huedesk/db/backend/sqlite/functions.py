"""How SQLite writes ``huedesk.db.functions``: HueDesk's own functions and JSON1.

``hd_fold`` and ``hd_sort_key`` are Python functions registered on every
connection (``huedesk.db.backend.sqlite.connection``); ``json_extract`` is SQLite's.
``unindexed`` is SQLite's unary ``+``, which keeps the planner off the column's indexes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler

from huedesk.db.functions import folded, json_item, sort_key, unindexed


@compiles(folded, "sqlite")
def _folded(element: folded, compiler: SQLCompiler, **kw: Any) -> str:
    return f"hd_fold({compiler.process(element.clauses, **kw)})"


@compiles(sort_key, "sqlite")
def _sort_key(element: sort_key, compiler: SQLCompiler, **kw: Any) -> str:
    return f"hd_sort_key({compiler.process(element.clauses, **kw)})"


@compiles(json_item, "sqlite")
def _json_item(element: json_item, compiler: SQLCompiler, **kw: Any) -> str:
    # key and index are checked to be a plain name and an integer (no user input)
    path = f"$.{element.key}[{element.index}]"
    return f"json_extract({compiler.process(element.clauses, **kw)}, '{path}')"


@compiles(unindexed, "sqlite")
def _unindexed(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"

"""How PostgreSQL writes ``huedesk.db.functions``: HueDesk's functions (created by
migration 0002, ``connection.function_statements``) and ``jsonb``."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler

from huedesk.db.functions import folded, json_item, sort_key, unindexed


@compiles(folded, "postgresql")
def _folded(element: folded, compiler: SQLCompiler, **kw: Any) -> str:
    return f"hd_fold({compiler.process(element.clauses, **kw)})"


@compiles(sort_key, "postgresql")
def _sort_key(element: sort_key, compiler: SQLCompiler, **kw: Any) -> str:
    return f"hd_sort_key({compiler.process(element.clauses, **kw)})"


@compiles(json_item, "postgresql")
def _json_item(element: json_item, compiler: SQLCompiler, **kw: Any) -> str:
    # key and index are checked to be a plain name and an integer (no user input)
    column = compiler.process(element.clauses, **kw)
    return f"((CAST({column} AS jsonb) -> '{element.key}') ->> {element.index})"


@compiles(unindexed, "postgresql")
def _unindexed(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    # PostgreSQL's planner has the table statistics to choose the index itself
    return compiler.process(element.clauses, **kw)

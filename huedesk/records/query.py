"""Listing records: filters, sorting and paging done in the database query.

``ListQuery`` describes what a list shows; ``build_select`` turns it into a
SELECT over the kind's table, so a list of 200,000 rows is sorted and filtered
by SQLite and only one page is ever fetched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, String, Text, extract, func, or_, select
from sqlalchemy.sql.elements import KeyedColumnElement

from huedesk.db.functions import folded, sort_key
from huedesk.records.kinds import KINDS, KindSpec
from huedesk.text import CONTROL_RE, fold

# A hook the search index installs to answer free-text filters (``None``: LIKE on folded text).
TextMatcher = Callable[[KindSpec, str], ColumnElement[bool] | None]
_text_matcher: TextMatcher | None = None


def set_text_matcher(matcher: TextMatcher | None) -> None:
    """Let the search index answer ``ListQuery.text`` (installed by ``huedesk.search``)."""
    global _text_matcher
    _text_matcher = matcher


@dataclass(frozen=True)
class ListQuery:
    """What a list asks for: equality filters, a year, free text, sort order and a page."""

    filters: dict[str, Any] = field(default_factory=dict)
    year: int | None = None
    text: str | None = None
    sort: str | None = None
    descending: bool = False
    offset: int = 0
    limit: int | None = 100


@dataclass(frozen=True)
class Page:
    """One page of a list: plain row dictionaries and the total number of matching rows."""

    rows: list[dict[str, Any]]
    total: int


def apply_filters(kind: KindSpec, stmt: Select[Any], query: ListQuery) -> Select[Any]:
    """Add the query's WHERE clauses to ``stmt``."""
    table = kind.table
    for name, value in query.filters.items():
        if name not in table.columns:
            raise KeyError(f"{kind.name} has no field {name!r}")
        col = table.columns[name]
        if isinstance(value, list | tuple | set | frozenset):
            stmt = stmt.where(col.in_([getattr(v, "value", v) for v in value]))
        elif value is None:
            stmt = stmt.where(col.is_(None))
        else:
            stmt = stmt.where(col == getattr(value, "value", value))
    if query.year is not None:
        date_field = kind.ref_date_field or "created_at"
        stmt = stmt.where(extract("year", table.columns[date_field]) == query.year)
    if query.text:
        stmt = stmt.where(_text_clause(kind, query.text))
    return stmt


def _text_clause(kind: KindSpec, text: str) -> ColumnElement[bool]:
    if _text_matcher is not None:
        clause = _text_matcher(kind, text)
        if clause is not None:
            return clause
    table = kind.table
    typed = CONTROL_RE.sub("", text)  # never stored (huedesk.records.coerce), never matched
    needle = f"%{fold(typed).replace('%', '').replace('_', '')}%"
    # Personal data (passport numbers, contacts) is masked in lists, so it never matches here.
    cols = [
        c
        for c in table.columns
        if isinstance(c.type, String | Text) and c.name != "uuid" and not c.info.get("personal")
    ]
    return or_(*(folded(c).like(needle) for c in cols))


def _sorts_as_text(col: KeyedColumnElement[Any]) -> bool:
    """Whether a column sorts by its Vietnamese sort key (free text, not a code list)."""
    return (
        not col.foreign_keys
        and isinstance(col.type, String | Text)
        and getattr(col.type, "enum_class", None) is None
    )


def stored_sort_fields(kind: KindSpec) -> tuple[str, ...]:
    """The text fields of a top-level list whose sort keys the database stores in an index.

    Migration 0006 indexes ``sort_key(field)`` for each, so sorting a list of
    200,000 rows by one of them is a walk along the index. Only the numbered
    record kinds have them: child lines and attachments are shown a few at a
    time inside their record, and the country list (250 rows) stays writable by
    any SQLite tool. References sort by their record's name; ``ref`` has its own
    unique index and sorts as written.
    """
    if kind.parent is not None or not kind.has_ref:
        return ()
    table = kind.table
    wanted = dict.fromkeys((*kind.list_columns, kind.title_field))
    return tuple(n for n in wanted if n in table.c and n != "ref" and _sorts_as_text(table.c[n]))


def sort_columns(kind: KindSpec, query: ListQuery) -> list[ColumnElement[Any]]:
    """ORDER BY terms: the chosen field (text in Vietnamese order), then id for stability."""
    table = kind.table
    terms: list[ColumnElement[Any]] = []
    if query.sort:
        if query.sort not in table.columns:
            raise KeyError(f"{kind.name} has no field {query.sort!r}")
        col = table.columns[query.sort]
        key: ColumnElement[Any] = _label_of(col) if col.foreign_keys else col
        if query.sort != "ref" and _sorts_as_text(col):
            key = sort_key(col)  # served by the stored index for stored_sort_fields(kind)
        terms.append(key.desc() if query.descending else key.asc())
    else:
        terms.extend(table.columns[c] for c in kind.order_by)
    terms.append(table.c.id.desc() if query.descending else table.c.id.asc())
    return terms


def _label_of(col: KeyedColumnElement[Any]) -> ColumnElement[Any]:
    """Sort key of a foreign key: the referenced record's name, so lists sort the way they read."""
    fk = next(iter(col.foreign_keys))
    target_table = fk.column.table
    target = KINDS[target_table.name]
    title = target_table.c[target.title_field]
    if target.title_field.endswith("_id"):  # a title that is itself a reference: keep the id
        return col
    return select(sort_key(title)).where(fk.column == col).correlate(col.table).scalar_subquery()


def build_ids(kind: KindSpec, query: ListQuery) -> Select[Any]:
    """Only the ids of the matching rows, in list order (a table model pages rows by id)."""
    table = kind.table
    stmt = apply_filters(kind, select(table.c.id), query).order_by(*sort_columns(kind, query))
    if query.offset:
        stmt = stmt.offset(query.offset)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    return stmt


def build_select(kind: KindSpec, query: ListQuery) -> Select[Any]:
    table = kind.table
    stmt = apply_filters(kind, select(table), query).order_by(*sort_columns(kind, query))
    if query.offset:
        stmt = stmt.offset(query.offset)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    return stmt


def build_count(kind: KindSpec, query: ListQuery) -> Select[Any]:
    table = kind.table
    return apply_filters(kind, select(func.count()).select_from(table), query)

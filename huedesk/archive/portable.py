"""Records in their portable form: every field as JSON, references by UUID.

Integer ids differ from one laptop to the next, so a bundle never carries them:
a reference field holds the UUID of the record it points at, and country
references keep their ISO code. Values take the form ``huedesk.audit.jsonable``
gives them, the same serialisation the audit log uses (dates ISO 8601, decimals
as text, enums by value).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from huedesk.archive.layout import portable_fields, reference_target
from huedesk.db.bulk import Convert, driver_rows, portable_converter
from huedesk.records.kinds import KINDS, KindSpec

BATCH = 2000


def portable_select(kind: KindSpec) -> Select[Any]:
    """SELECT of a kind's rows with each reference replaced by the target's UUID."""
    table = kind.table
    columns: list[Any] = [table.c.id]
    joins: list[tuple[Any, Any]] = []
    for name in portable_fields(kind):
        target = reference_target(kind, name)
        if target is None:
            columns.append(table.c[name])
            continue
        other = KINDS[target].table.alias(f"ref_{name}")
        columns.append(other.c.uuid.label(name))
        joins.append((other, other.c.id == table.c[name]))
    from_clause: Any = table
    for other, on in joins:
        from_clause = from_clause.outerjoin(other, on)
    return select(*columns).select_from(from_clause).order_by(table.c.id)


def iter_portable(
    session: Session, kind: KindSpec, ids: Iterable[int] | None = None
) -> Iterator[dict[str, Any]]:
    """The portable records of ``kind`` (all, or only ``ids``), in id order, streamed.

    The local id is yielded under ``"id"`` for the exporter's bookkeeping; it is
    not written to the bundle. Rows are read as plain tuples on the driver
    connection and converted column by column (``huedesk.db.bulk``): the same
    values SQLAlchemy would load, at a fraction of the cost per row.
    """
    table = kind.table
    stmt = portable_select(kind)
    fields = portable_fields(kind)
    convert = _converters(session, kind)
    if ids is None:
        batches: Iterable[Select[Any]] = [stmt]
    else:
        ordered = sorted(ids)
        batches = (
            stmt.where(table.c.id.in_(ordered[i : i + BATCH]))
            for i in range(0, len(ordered), BATCH)
        )
    for batch in batches:
        for row in driver_rows(session, batch):
            record = dict(zip(fields, row[1:], strict=True))
            for name, fn in convert:
                value = record[name]
                if value is not None:
                    record[name] = fn(value)
            record["id"] = row[0]
            yield record


def _converters(session: Session, kind: KindSpec) -> list[tuple[str, Convert]]:
    """Per field, how its stored value becomes portable (reference fields arrive as UUIDs)."""
    out = []
    for name in portable_fields(kind):
        if reference_target(kind, name) is not None:
            continue
        fn = portable_converter(session, kind.table.c[name])
        if fn is not None:
            out.append((name, fn))
    return out


def cell_text(value: Any) -> str:
    """A portable value as table text (CSV and workbook): empty for null, 1/0 for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)

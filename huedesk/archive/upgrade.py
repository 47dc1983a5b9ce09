"""Bundles from an older schema: their records are migrated with HueDesk's own migrations.

A bundle written at schema revision R is loaded into a temporary database
created at R (references turned back into ids there), that database is
upgraded to the current head by the same Alembic migrations that upgrade a
user's file, and the records are read back in the current shape. No
hand-written conversion can drift from what the migrations do.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, MetaData, func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from huedesk.archive import limits
from huedesk.archive.layout import iter_lines, kind_order, records_path
from huedesk.archive.portable import iter_portable
from huedesk.db.engine import Database, make_engine
from huedesk.db.migrate import upgrade
from huedesk.errors import HueDeskError
from huedesk.records.kinds import KINDS

BATCH = 2000

Source = Iterator[tuple[str, int, Iterator[dict[str, Any]]]]


@contextmanager
def upgraded_records(zf: zipfile.ZipFile, manifest: dict[str, Any], work: Path) -> Iterator[Source]:
    """The records of an old-schema bundle, migrated to the current schema.

    The temporary database holding them lives in ``work``, the import's private
    scratch folder (``huedesk.safety.scratch``), never in a shared temporary folder.
    """
    with tempfile.TemporaryDirectory(prefix="upgrade-", dir=work) as tmp:
        path = Path(tmp) / "bundle.sqlite3"
        engine = make_engine(path)
        try:
            upgrade(engine, str(manifest["schema_revision"]))
            _load(engine, zf, manifest)
            upgrade(engine)
            db = Database(path, engine)
            with db.read() as session:
                yield _read_back(session)
        finally:
            engine.dispose()


def _load(engine: Any, zf: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
    meta = MetaData()
    meta.reflect(engine)
    kinds = manifest.get("kinds", {})
    order = [k for k in kind_order() if k in kinds] + [k for k in kinds if k not in KINDS]
    ids: dict[str, dict[str, int]] = {}
    with engine.begin() as conn:
        for kind in order:
            name = records_path(kind)
            table = meta.tables.get(kind)
            if table is None:
                raise _damaged(
                    name, None, f"no kind '{kind}' in schema {manifest['schema_revision']}"
                )
            converters = {c.name: _converter(c, ids) for c in table.columns if c.name != "id"}
            mine = ids.setdefault(kind, {})
            rows: list[dict[str, Any]] = []
            first = 1
            with zf.open(name) as fh:
                for lineno, raw in enumerate(iter_lines(fh), start=1):
                    try:
                        rec = limits.loads(raw)
                        row = {"id": len(mine) + 1}
                        mine[rec["uuid"]] = row["id"]
                        for field, value in rec.items():
                            convert = converters.get(field)
                            if convert is None:
                                _unknown(kind, field, value, manifest)
                                continue
                            row[field] = convert(value)
                    except (ValueError, TypeError, KeyError, AttributeError) as exc:
                        raise _damaged(name, lineno, _why(exc)) from exc
                    rows.append(row)
                    if len(rows) >= BATCH:
                        _insert(conn, table, rows, name, first)
                        first = lineno + 1
                        rows = []
            if rows:
                _insert(conn, table, rows, name, first)


def _insert(conn: Any, table: Any, rows: list[dict[str, Any]], name: str, first: int) -> None:
    try:
        conn.execute(insert(table), rows)
    except SQLAlchemyError as exc:
        last = first + len(rows) - 1
        raise _damaged(
            name, None, f"lines {first}-{last}: {_why(getattr(exc, 'orig', None) or exc)}"
        ) from exc


def _why(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing {exc}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _damaged(name: str, lineno: int | None, why: str) -> HueDeskError:
    """An old-schema bundle whose records do not fit that schema: one line naming where."""
    where = f"{name}" + (f", dòng/line {lineno}" if lineno is not None else "")
    return HueDeskError(
        f"Gói hỏng ({where}): {why}; không nhập gì.",
        f"The bundle is damaged ({where}): {why}; nothing was imported.",
    )


def _unknown(kind: str, name: str, value: Any, manifest: dict[str, Any]) -> None:
    """A field the bundle's schema revision did not have: empty, it is nothing to carry over
    (a later column such as ``aliases``); with a value, the bundle contradicts its revision."""
    if value is None:
        return
    revision = manifest["schema_revision"]
    raise HueDeskError(
        f"Gói ghi phiên bản cấu trúc {revision} nhưng có trường {kind}.{name} mà phiên bản đó không có.",
        f"The bundle says schema revision {revision} but has the field {kind}.{name}, "
        "which that revision does not have.",
    )


def _converter(column: Any, ids: dict[str, dict[str, int]]) -> Any:
    fk = next(iter(column.foreign_keys), None)
    if fk is not None and fk.column.name == "id":
        target = fk.column.table.name
        return lambda v: None if v is None else ids[target][v]
    if isinstance(column.type, DateTime):
        return _to_naive_utc
    if isinstance(column.type, Date):
        return lambda v: None if v is None else dt.date.fromisoformat(v)
    return lambda v: v


def _to_naive_utc(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


def _read_back(session: Any) -> Source:
    for kind in kind_order():
        table = KINDS[kind].table
        count = session.scalar(select(func.count()).select_from(table)) or 0
        if count:
            yield kind, count, _without_id(iter_portable(session, KINDS[kind]))


def _without_id(records: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for rec in records:
        rec.pop("id")
        yield rec

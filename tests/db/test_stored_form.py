"""The SQLite bulk paths' column converters agree with SQLAlchemy, column by column."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Column, DateTime, select

from huedesk.archive.layout import reference_target
from huedesk.archive.portable import iter_portable
from huedesk.audit import jsonable
from huedesk.db.backend.sqlite.bulk import WriteBehind, insert_rows
from huedesk.db.backend.sqlite.stored_form import driver, portable_converter, stored_converter
from huedesk.db.bulk import BulkInsert
from huedesk.db.engine import Database
from huedesk.db.types import ExactDecimal, UTCDateTime
from huedesk.demo import generate
from huedesk.records.kinds import KINDS
from tests.backends import ON_SERVER

pytestmark = pytest.mark.skipif(
    ON_SERVER, reason="SQLite only: the SQLite bulk paths' stored forms and write-behind"
)


def test_portable_records_equal_what_sqlalchemy_loads(db: Database) -> None:
    generate(db, records=150, seed=3)
    with db.read() as s:
        for name, spec in KINDS.items():
            loaded = {row.id: row._mapping for row in s.execute(select(spec.table)).all()}
            assert loaded, name
            for record in iter_portable(s, spec):
                row = loaded[record["id"]]
                for field, value in record.items():
                    if field == "id" or reference_target(spec, field) is not None:
                        continue  # the local id, and references (carried as UUIDs)
                    assert value == jsonable(row[field]), (name, field)


UTC_VALUES = [
    dt.datetime(2026, 8, 21, 8, 11, tzinfo=dt.UTC),
    dt.datetime(2026, 8, 21, 8, 11, 0, 120, tzinfo=dt.UTC),
    dt.datetime(1, 1, 1, 0, 0, tzinfo=dt.UTC),
    dt.datetime(2026, 1, 1, 6, 30, tzinfo=dt.timezone(dt.timedelta(hours=7))),
]


@pytest.mark.parametrize(
    ("column_type", "values"),
    [
        (UTCDateTime(), UTC_VALUES),
        (DateTime(), [v.replace(tzinfo=None) for v in UTC_VALUES]),
        (ExactDecimal(), [Decimal("0"), Decimal("1.50"), Decimal("-12345678901234567890.125")]),
    ],
)
def test_stored_and_portable_forms_match_sqlalchemy(
    db: Database, column_type: Any, values: list[Any]
) -> None:
    column: Column[Any] = Column("v", column_type)
    dialect = db.engine.dialect
    impl = column.type.dialect_impl(dialect)
    bind = impl.bind_processor(dialect)
    result = impl.result_processor(dialect, None)
    to_stored = stored_converter(column)
    to_portable = portable_converter(column)
    assert to_stored is not None and to_portable is not None
    for value in values:
        stored = bind(value) if bind else value
        assert to_stored(value) == stored
        loaded = result(stored) if result else stored
        assert to_portable(stored) == jsonable(loaded)


def test_bulk_insert_writes_what_sqlalchemy_reads_back(db: Database) -> None:
    spec = KINDS["delegation_member"]
    generate(db, records=20, seed=5)
    with db.write() as s:
        template = dict(s.execute(select(spec.table).limit(1)).one()._mapping)
        row = {
            k: v for k, v in template.items() if k not in ("id", "uuid", "precedence", "is_head")
        }
        row["title"] = "Phó Chủ tịch UBND thành phố Huế"
        BulkInsert(spec.table).run(s, [row])
        new_id = driver(s).execute("SELECT max(id) FROM delegation_member").fetchone()[0]
    with db.read() as s:
        back = dict(s.execute(select(spec.table).where(spec.table.c.id == new_id)).one()._mapping)
    assert back["title"] == "Phó Chủ tịch UBND thành phố Huế"
    assert back["precedence"] == 100 and back["is_head"] is False  # column defaults applied
    assert len(back["uuid"]) == 36 and back["uuid"] != template["uuid"]
    assert back["created_at"] == template["created_at"]
    assert back["created_at"].tzinfo is dt.UTC


def test_naive_time_refused_for_a_utc_column() -> None:
    convert = stored_converter(Column("at", UTCDateTime()))
    assert convert is not None
    with pytest.raises(ValueError, match="aware"):
        convert(dt.datetime(2026, 1, 1))


def test_write_behind_runs_in_order_and_raises_errors_in_the_caller(db: Database) -> None:
    with db.write() as s:
        before = driver(s).execute("SELECT count(*) FROM country").fetchone()[0]
        with WriteBehind(s) as behind:
            insert_rows(
                s,
                'INSERT INTO "country" ("code", "name_vi", "name_en", "uuid", "created_at", '
                '"updated_at")',
                [
                    [
                        "XA",
                        "Nước Thử A",
                        "Testland A",
                        "u-xa",
                        "2026-01-01 00:00:00.000000",
                        "2026-01-01 00:00:00.000000",
                    ]
                ],
                behind,
            )
            behind.sync()
            assert driver(s).execute("SELECT count(*) FROM country").fetchone()[0] == before + 1
            behind.submit('INSERT INTO "country" ("code") VALUES (?)', ["XA"])  # NOT NULL fails
            with pytest.raises(sqlite3.IntegrityError):
                behind.sync()

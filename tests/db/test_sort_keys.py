"""Stored sort keys (#13 item 5): every text column a list sorts by has its Vietnamese
sort key in an index, the list query walks that index instead of sorting, and the
order is Vietnamese dictionary order through the real list model."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from sqlalchemy import text

from huedesk.db.engine import Database
from huedesk.db.migrate import integrity_errors
from huedesk.records import RecordService
from huedesk.records.kinds import KINDS
from huedesk.records.query import ListQuery, build_ids, stored_sort_fields
from huedesk.text import sort_key
from tests.backends import ON_SERVER, sqlite_only

MIGRATION = importlib.import_module("huedesk.db.migrations.versions.0006_sort_keys")
SORTED_KINDS = [k for k in KINDS.values() if stored_sort_fields(k)]


def test_the_migration_indexes_every_field_lists_sort_as_text() -> None:
    wanted = {k.table.name: stored_sort_fields(k) for k in SORTED_KINDS}
    assert wanted == MIGRATION.SORTED


def _plan(db: Database, kind: Any, field: str, descending: bool) -> str:
    stmt = build_ids(kind, ListQuery(sort=field, descending=descending, limit=None))
    compiled = stmt.compile(db.engine, compile_kwargs={"literal_binds": True})
    with db.engine.connect() as conn:
        rows = conn.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
    return " | ".join(str(r[-1]) for r in rows)


@sqlite_only("reads SQLite's query plan")
@pytest.mark.parametrize("descending", [False, True])
def test_sorting_a_list_by_text_walks_a_stored_index(db: Database, descending: bool) -> None:
    """No temporary sort and no sort-key function per row: the database at head (after
    every later migration) still has each index, and the query uses it."""
    for kind in SORTED_KINDS:
        for field in stored_sort_fields(kind):
            plan = _plan(db, kind, field, descending)
            assert MIGRATION.index_name(kind.table.name, field) in plan, (kind.name, field, plan)
            assert "TEMP B-TREE" not in plan, (kind.name, field, plan)


def test_lists_sort_in_vietnamese_order_both_ways(svc: RecordService, db: Database) -> None:
    names = ["Đặng Văn An", "Dương Thị Bích", "Ánh Tuyết", "an Nhiên", "Ông Ích Khiêm", "Ơn Hòa"]
    names += ["Zhang Wei", "Đỗ Mười", "Bùi Xuân", "Anh Thư", "ANH Tú", "Ăn Chơi"]
    for name in names:
        svc.create("person", {"full_name": name, "nationality": "VN"})
    expected = sorted(names, key=sort_key)
    page = svc.list("person", ListQuery(sort="full_name"))
    assert [r["full_name"] for r in page.rows] == expected
    page = svc.list("person", ListQuery(sort="full_name", descending=True))
    assert [r["full_name"] for r in page.rows] == expected[::-1]
    if not ON_SERVER:  # the stored keys are sound: the file's full check recomputes them
        assert integrity_errors(db.path) == []

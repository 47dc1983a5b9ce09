"""Hostile input thrown at every record kind's validation through the record services.

Whatever a form, an importer or a script passes, ``create`` and ``update`` either
store a valid record or refuse with a ``HueDeskError`` naming the problem; never
another exception, and a refused call leaves every table as it was.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from huedesk.db.base import Base
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError, ValidationError
from huedesk.records import KINDS, RecordService
from tests.access.sample import ORDER, one_of_each, valid_values

_WEIRD_TEXT = [
    "",
    "   ",
    "a\x00b",
    "\x00",
    "\ud800",  # a lone surrogate: not encodable as UTF-8
    "\x1b[31mđỏ\x1b[0m",
    "\u202eLS-2025-0001",  # right-to-left override
    "👨‍👩‍👧‍👦🇻🇳",
    "Nguyễn\u0301",  # decomposed and stray combining marks
    "x" * 100_000,
    "' OR 1=1; DROP TABLE person; --",
    "31/02/2025",
    "00/00/0000",
    "9999-12-31",
    "01/01/0001",
    "29/02/2023 25:61",
    "1e308",
    "-1",
    "9" * 400,
    "NaN",
    "Infinity",
    "1.000.000,5",
    "0x10",
    "١٢٣",
    "OPEN",
    "Đã đóng",
    "unknown_status",
]

_generated = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.sampled_from([0, -1, 2**63 - 1, 2**63, -(2**63) - 1, 10**30]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from([Decimal("1e999999"), Decimal("-0"), Decimal("1e-50"), Decimal("sNaN")]),
    st.text(max_size=40),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=10),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)),
    st.datetimes(timezones=st.just(dt.timezone(dt.timedelta(hours=14)))),
    st.sampled_from([dt.time(12, 0), dt.timedelta(days=1)]),
    st.binary(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.just(object()),
)
# Half the values come from the hand-picked list, so each run meets the nastiest ones.
hostile = st.one_of(st.sampled_from(_WEIRD_TEXT), _generated)


def _fuzz(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    names = [*KINDS[kind].fields, "bogus", "", "id", "uuid", "ref", "created_at"]
    return st.dictionaries(st.sampled_from(names), hostile, min_size=1, max_size=5)


def _counts(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {
            t.name: int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in Base.metadata.sorted_tables
        }


def _attempt(db: Database, call: Any) -> None:
    before = _counts(db)
    try:
        call()
    except HueDeskError as exc:
        assert exc.vi and exc.en
        assert _counts(db) == before, "a refused call changed the database"


@pytest.mark.parametrize("kind", ORDER)
def test_hostile_values_are_refused_cleanly(db: Database, kind: str) -> None:
    svc = RecordService(db, "kiemthu")
    ids = one_of_each(svc)
    base = valid_values(kind, ids)

    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(fuzz=_fuzz(kind), on_create=st.booleans())
    def check(fuzz: dict[str, Any], on_create: bool) -> None:
        if on_create:
            _attempt(db, lambda: svc.create(kind, {**base, **fuzz}))
        else:
            before = svc.get(kind, ids[kind])
            try:
                _attempt(db, lambda: svc.update(kind, ids[kind], fuzz))
            except AssertionError:
                raise
            else:
                after = svc.get(kind, ids[kind])
                if after["updated_at"] == before["updated_at"]:
                    assert after == before

    check()


# Inputs that once escaped as crashes (or froze the program); each now gets a
# ValidationError naming the field.
FOUND_BY_FUZZING: list[tuple[str, str, Any]] = [
    ("event", "title", "Lễ hội \ud800"),  # lone surrogate: SQLite could not store it
    ("event", "title", "\x1b[2J\x1b[31mĐỏ"),  # terminal escape sequence
    ("event", "notes", "dòng một\x07"),
    ("event", "title", "Lễ hội\x00"),  # NUL: PostgreSQL cannot store it, so neither stores it
    ("delegation_member", "person_id", "Kim\x00Min-jun"),  # nor looks it up
    ("delegation_member", "person_id", 2**40),  # an id beyond PostgreSQL's INTEGER
    ("event", "start_date", dt.date(1, 1, 1)),  # date objects out of range like typed ones
    ("event", "start_date", dt.datetime(9999, 12, 31, 23, 59)),
    ("fdi_project", "registered_capital", Decimal("1e999999")),  # froze for a minute
    ("attachment", "owner_kind", ["consular_case"]),  # unhashable where a name belongs
    ("delegation_member", "precedence", None),  # NOT NULL column with a default
    ("event", "status", "x" * 100_000),  # a huge unknown enum value
]


def test_found_by_fuzzing(db: Database) -> None:
    svc = RecordService(db, "kiemthu")
    ids = one_of_each(svc)
    for kind, field, value in FOUND_BY_FUZZING:
        calls = {
            "create": lambda k=kind, f=field, v=value: svc.create(
                k, {**valid_values(k, ids), f: v}
            ),
            "update": lambda k=kind, f=field, v=value: svc.update(k, ids[k], {f: v}),
        }
        for op, call in calls.items():
            before = _counts(db)
            try:
                call()
            except ValidationError as exc:
                assert exc.fields == [field], (kind, field, op)
                assert len(exc.en) < 400  # the message quotes at most a short piece of input
                assert _counts(db) == before
            except HueDeskError as exc:  # attachment rows are made from files only
                assert (kind, op) == ("attachment", "create") and "from a file" in exc.en
                assert _counts(db) == before
            else:  # only an empty value for a column with a default, on a new record
                assert (kind, value, op) == ("delegation_member", None, "create")

"""Whatever is typed is text: never an FTS5 syntax error, never a crash."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from huedesk.db.backend.sqlite.fts5 import expression
from huedesk.db.engine import Database
from huedesk.records import ListQuery, RecordService
from huedesk.search import search
from huedesk.search.parsing import parse

NASTY = [
    '"',
    '""',
    '"Huế',
    "Huế\"'",
    "AND",
    "OR",
    "NOT",
    "hue AND",
    "NOT hue",
    "NEAR(hue dai, 2)",
    "NEAR(",
    "*",
    "hue*",
    "^hue",
    "title:hue",
    "{title body}: hue",
    "((((",
    "hue)",
    "-hue",
    "+",
    "🙂",
    "Đoàn 🙂 Huế",
    "🇻🇳🇯🇵",
    "",
    "   ",
    "\t\n",
    "\x00",
    "%_%",
    "'; DROP TABLE delegation; --",
    "a" * 5000,
    "\u0301\u0300",
]


def test_nasty_queries_are_text(db: Database, svc: RecordService, sample: dict[str, Any]) -> None:
    for query in NASTY:
        hits = search(db, query)
        assert isinstance(hits, list), query
        svc.list("delegation", ListQuery(text=query))


def test_operators_are_words(db: Database, svc: RecordService, sample: dict[str, Any]) -> None:
    svc.update("delegation", sample["lao"]["id"], {"notes": "Hợp tác NOT OR AND với Salavan"})
    hits = search(db, "salavan NOT")
    assert [h.record_id for h in hits if h.kind == "delegation"] == [sample["lao"]["id"]]
    assert search(db, '"salavan') == search(db, "salavan")
    assert search(db, "(salavan)") == search(db, "salavan")


def test_nothing_to_search_for_finds_nothing(db: Database, sample: dict[str, Any]) -> None:
    for query in ("", "   ", "🙂", "?!*^:"):
        assert search(db, query) == []


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=40))
def test_any_text_is_a_valid_query(db: Database, sample: dict[str, Any], query: str) -> None:
    for hit in search(db, query, limit=5):
        assert hit.snippet_html.count("<b>") == hit.snippet_html.count("</b>")


@given(
    query=st.lists(
        st.sampled_from(
            [
                '"',
                "(",
                ")",
                "*",
                "^",
                ":",
                "AND",
                "OR",
                "NOT",
                "NEAR",
                "{",
                "}",
                "hue",
                "Đoàn",
                "-",
                "+",
                "🙂",
                " ",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_operator_soup_parses_to_quoted_words(query: str) -> None:
    parsed = parse(query)
    for match in (
        (parsed.folded_match(), parsed.exact_match(), parsed.ref_match()) if parsed else ()
    ):
        # every quote opens and closes a word of letters/digits; nothing else is unquoted
        fts5 = expression(match)
        inside = fts5.split('"')[1::2]
        outside = fts5.split('"')[0::2]
        assert all(part.replace(" ", "").isalnum() for part in inside)
        assert all(set(part) <= set("{}:* ANDref") for part in outside)

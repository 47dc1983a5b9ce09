"""PostgreSQL connections, and HueDesk's SQL functions as the server computes them.

Connections use psycopg 3 at READ COMMITTED, PostgreSQL's default: a statement
run after ``Backend.hold`` sees what the previous holder committed. A write unit of
work (``WRITE_OPTION``) sets a lock timeout, so a writer stuck behind another is
told so instead of waiting for ever. Two settings on every connection are for search
(``fulltext``): ``synchronize_seqscans`` off, so a scan of a large table always starts
at its first page and a search ranks the same first matches each time, not those after
wherever another scan happened to be; and ``plan_cache_mode = force_custom_plan``, so a
statement the driver has prepared (psycopg does, from its fifth run) is still planned
for the words it is given: a plan made once for any word reads every match of a common
word through the GIN index (80 ms for "hue" at 200,000 records) where a scan of the
table finds its first 2,000 matches in 4 ms.

A pooled connection is tried (``SELECT 1``) before use only when it has been idle for
``IDLE_BEFORE_PING_S``: a server restarted or a network cut meanwhile then costs a fresh
connection, not an error. SQLAlchemy's ``pool_pre_ping`` tries it before *every* unit
of work, a round trip that cost a search or a list page more than the query itself
(``benchmarks/postgres_bench.py``); a connection lost within the idle time gives one
error, and the pool then starts afresh.

``hd_fold`` and ``hd_sort_key`` are ``huedesk.text.fold`` and ``sort_key`` written as
immutable SQL functions (``translate`` over tables computed here from those very
Python functions, so the two cannot drift apart): every character of the Latin and
Vietnamese ranges (``_RANGES``: Latin, Vietnamese, combining marks, punctuation, ₫) folds and sorts
on the server exactly as in Python (``tests/db/test_postgresql.py`` compares them).
A character outside those ranges passes through unchanged.
"""

from __future__ import annotations

import time
import unicodedata
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.pool import ConnectionPoolEntry

from huedesk.db.backend.protocol import WRITE_OPTION
from huedesk.db.location import ServerURL
from huedesk.text import fold, sort_key

LOCK_TIMEOUT = "60s"  # a writer waits this long for a counter or the audit chain
CONNECT_TIMEOUT_S = 10
IDLE_BEFORE_PING_S = 30.0
_IDLE_SINCE = "hd_idle_since"

_RANGES = (
    range(0x20, 0x250),  # ASCII, Latin-1, Latin Extended-A and -B
    range(0x300, 0x370),  # combining marks
    range(0x1E00, 0x1F00),  # Latin Extended Additional (precomposed Vietnamese)
    range(0x2000, 0x20D0),  # punctuation (dashes, quotes), currency signs (₫)
)


def _on_begin(conn: Connection) -> None:
    if conn.get_execution_options().get(WRITE_OPTION, False):
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")


def _on_connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET synchronize_seqscans = off")
        cursor.execute("SET plan_cache_mode = force_custom_plan")
    dbapi_connection.commit()


def _idle_from_now(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
    record.info[_IDLE_SINCE] = time.monotonic()


def _ping_if_idle(dbapi_connection: Any, record: ConnectionPoolEntry, proxy: Any) -> None:
    """Try a connection that waited long in the pool; a dead one is replaced (the pool
    takes ``DisconnectionError`` as: discard it, connect again)."""
    since = record.info.get(_IDLE_SINCE)
    if since is None or time.monotonic() - since < IDLE_BEFORE_PING_S:
        return
    try:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        dbapi_connection.rollback()
    except Exception as exc:  # psycopg.Error, whatever the driver says about a dead link
        raise DisconnectionError(str(exc)) from exc


def make_engine(location: ServerURL) -> Engine:
    """An engine for the PostgreSQL database at ``location``."""
    engine = create_engine(
        location.url,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "HueDesk"},
    )
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine.pool, "checkin", _idle_from_now)
    event.listen(engine.pool, "checkout", _ping_if_idle)
    return engine


def _chars() -> list[str]:
    return [
        chr(cp)
        for r in _RANGES
        for cp in r
        if unicodedata.category(chr(cp)) not in ("Cc", "Cs", "Cn")
    ]


@cache
def fold_table() -> tuple[str, str]:
    """``(from, to)`` for ``translate``: ``fold`` of each character (none: it is deleted)."""
    kept_from, kept_to, deleted = [], [], []
    for ch in _chars():
        folded = fold(ch)
        if len(folded) == 1:
            if folded != ch:
                kept_from.append(ch)
                kept_to.append(folded)
        elif folded == "":
            deleted.append(ch)
    return "".join(kept_from + deleted), "".join(kept_to)


@cache
def sort_tables() -> tuple[str, str, str]:
    """``(from, letters, tones)``: ``sort_key`` of each character is its letter, \\x01, its tone."""
    chars, letters, tones = [], [], []
    for ch in _chars():
        if len(ch.casefold()) != 1 or unicodedata.normalize("NFC", ch) != ch:
            continue
        key = sort_key(ch)
        if len(key) != 3 or key[1] != "\x01":
            continue
        chars.append(ch)
        letters.append(key[0])
        tones.append(key[2])
    return "".join(chars), "".join(letters), "".join(tones)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def function_statements() -> list[str]:
    """``CREATE OR REPLACE FUNCTION`` statements for ``hd_fold`` and ``hd_sort_key``."""
    f_from, f_to = fold_table()
    s_from, s_letters, s_tones = sort_tables()
    return [
        "CREATE OR REPLACE FUNCTION hd_fold(value text) RETURNS text "
        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE "
        f"RETURN translate(value, {_literal(f_from)}, {_literal(f_to)})",
        "CREATE OR REPLACE FUNCTION hd_sort_key(value text) RETURNS text "
        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE "
        f"RETURN translate(value, {_literal(s_from)}, {_literal(s_letters)}) || chr(1) || "
        f"translate(value, {_literal(s_from)}, {_literal(s_tones)})",
    ]

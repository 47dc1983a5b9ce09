"""SQLite connections: the settings every connection gets, and how transactions begin.

Every connection runs with WAL journaling, ``synchronous=FULL`` (a committed change
survives a power cut, not only a crash), foreign keys enforced, ``secure_delete``
(deleted personal data is overwritten, not left in free pages), a busy timeout and
a page cache large enough for bulk loads. HueDesk's SQL functions (``hd_fold``,
``hd_sort_key``: Vietnamese folding and sort keys computed by ``huedesk.text``) are
registered on it. Write units of work (``huedesk.db.backend.protocol.WRITE_OPTION``)
begin with ``BEGIN IMMEDIATE``, so two writers queue at the start of a transaction
instead of failing half-way through it.
"""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

from huedesk.db.backend.protocol import WRITE_OPTION
from huedesk.text import fold, sort_key

BUSY_TIMEOUT_MS = 5000
# Page cache per connection. SQLite's default (2 MB) thrashes when a bulk load inserts
# hundreds of thousands of random UUID and hash keys into indexes.
CACHE_KIB = 131072


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    _settings(dbapi_conn, wal=True)


def _on_connect_read_only(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    _settings(dbapi_conn, wal=False)  # choosing the journal would write to the file


def _settings(dbapi_conn: sqlite3.Connection, *, wal: bool) -> None:
    # Let the "begin" hook below issue BEGIN itself (pysqlite's own implicit BEGIN
    # would be DEFERRED and come too late for SAVEPOINTs).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    if wal:
        cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA secure_delete = ON")
    cur.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    cur.close()
    register_functions(dbapi_conn)


def register_functions(dbapi_conn: sqlite3.Connection) -> None:
    """HueDesk's SQL functions, on every connection that may read or write the file.

    Indexes on ``hd_sort_key(column)`` (migration 0006) make the function part of
    the schema: a connection without it cannot write those tables or run
    ``PRAGMA integrity_check``, so the backend's own plain connections (checks,
    snapshots) register it too.
    """
    dbapi_conn.create_function("hd_fold", 1, _sql_fold, deterministic=True)
    dbapi_conn.create_function("hd_sort_key", 1, _sql_sort_key, deterministic=True)


def _sql_fold(value: str | None) -> str | None:
    return None if value is None else fold(value)


@functools.lru_cache(maxsize=65536)
def _sql_sort_key(value: str | None) -> str | None:
    # Cached: a list sorted by a reference asks for the same few names again and again.
    return None if value is None else sort_key(value)


def _on_begin(conn: Connection) -> None:
    write = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(path: Path, *, read_only_uri: str | None = None) -> Engine:
    """An engine for the SQLite file at ``path`` with HueDesk's connection settings.

    With ``read_only_uri`` (``huedesk.db.backend.sqlite.files.read_only_uri``) every
    connection opens the file through that URI, which cannot write to it.
    """
    args: dict[str, Any] = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    if read_only_uri is None:
        engine = create_engine(f"sqlite+pysqlite:///{path}", connect_args=args)
        event.listen(engine, "connect", _on_connect)
    else:
        uri = read_only_uri
        engine = create_engine(
            f"sqlite+pysqlite:///{path}", creator=lambda: sqlite3.connect(uri, uri=True, **args)
        )
        event.listen(engine, "connect", _on_connect_read_only)
    event.listen(engine, "begin", _on_begin)
    return engine

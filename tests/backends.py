"""Which database backend the tests run on.

``HUEDESK_TEST_DB=postgresql`` runs every test taking ``db`` (and ``svc``, ``ws``,
``db_location``, ``db_arg``) on a new database of the throw-away PostgreSQL server
instead of an SQLite file (issue #15; ``.ci/run`` runs the whole suite so a second
time). A test about the file itself (its bytes, its side files, the application lock,
SQLite's own SQL, file backups) says so with ``@sqlite_only("why")``.
"""

from __future__ import annotations

import os
import re

import pytest

ON_SERVER = os.environ.get("HUEDESK_TEST_DB") == "postgresql"


def sqlite_only(reason: str) -> pytest.MarkDecorator:
    """Skip the test on the server run, saying why it is about the database file."""
    return pytest.mark.skipif(ON_SERVER, reason=f"SQLite only: {reason}")


def outside(location: object, *statements: str) -> list[int]:
    """Run ``statements`` on the database at ``location`` as someone editing it outside
    HueDesk would (``sqlite3`` on a file, ``psycopg`` on a server), each committed on its
    own; returns their row counts. An error of the database is raised as it comes."""
    from pathlib import Path

    counts: list[int] = []
    if isinstance(location, Path):
        import sqlite3

        conn = sqlite3.connect(location, isolation_level=None)
        try:
            for sql in statements:  # SQLite's DROP TRIGGER names no table
                sql = re.sub(r"^(DROP TRIGGER \w+) ON \w+$", r"\1", sql)
                counts.append(conn.execute(sql).rowcount)
        finally:
            conn.close()
        return counts
    import psycopg

    url = str(getattr(location, "url", location)).replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(url, autocommit=True) as pg:
        for sql in statements:
            counts.append(pg.execute(sql).rowcount)
    return counts


def index_key(db: object) -> str:
    """The search index's key column: FTS5's ``rowid`` in a file, ``key`` on a server."""
    from pathlib import Path

    return "rowid" if isinstance(getattr(db, "location", None), Path) else "key"

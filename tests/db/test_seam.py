"""The database seam is mechanical: SQLite-specific code lives only in its backend.

Outside ``huedesk/db/`` nothing imports ``sqlite3`` (or SQLAlchemy's SQLite dialect)
and no text, comments included, names SQLite's own SQL (``PRAGMA``,
``sqlite_master``, FTS5, ``BEGIN IMMEDIATE`` …): ``grep`` finds them only under
``huedesk/db/``. Inside ``huedesk/db/`` they appear in code only in the SQLite
backend (``huedesk/db/backend/sqlite/``) and in migrations; elsewhere there only
docstrings may name them, to explain what a neutral operation does on SQLite.
A second backend goes beside ``huedesk/db/backend/sqlite/``; services, UI and
archive code need no change.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "huedesk"

SQLITE_MODULES = ("sqlite3", "_sqlite3", "sqlalchemy.dialects.sqlite", "pysqlite")
SQLITE_SQL = re.compile(
    r"\bPRAGMA\b|sqlite_master|sqlite_schema|BEGIN IMMEDIATE|create_function|driver_connection"
    r"|raw_connection|json_extract|INSERT OR |\bfts5\b|\bbm25\b|\bMATCH\b|\bGLOB\b",
    re.IGNORECASE,
)
# \bMATCH\b and \bGLOB\b only in capitals (SQL), not the English words "match" and "glob".
_CASE_SENSITIVE = {"match", "glob"}


def _markers(text: str) -> list[str]:
    found = []
    for m in SQLITE_SQL.finditer(text):
        word = m.group(0)
        if word.lower() in _CASE_SENSITIVE and word != word.upper():
            continue
        found.append(word)
    return found


def _imports(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _docstrings(tree: ast.AST) -> set[int]:
    """``id`` of every docstring constant in ``tree``."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _code_strings(tree: ast.AST) -> list[str]:
    """Every string literal in ``tree`` except docstrings (f-string parts included)."""
    docs = _docstrings(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


def seam_violations(package: Path) -> list[str]:
    """``file: what`` for every piece of SQLite-specific code outside the SQLite backend."""
    problems = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package).as_posix()
        in_db = rel.startswith("db/")
        if rel.startswith(("db/backend/sqlite/", "db/migrations/")):
            continue
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        for name in sorted(_imports(tree)):
            if name.startswith(SQLITE_MODULES):
                problems.append(f"{rel}: imports {name}")
        # Outside huedesk/db nothing may name SQLite's SQL, not even a comment (grep is the
        # test people run); inside it, only a docstring may (explaining the SQLite case).
        texts = _code_strings(tree) if in_db else [source]
        for word in sorted({w for t in texts for w in _markers(t)}):
            problems.append(f"{rel}: {word}")
    return problems


def test_sqlite_specific_code_lives_only_in_the_sqlite_backend() -> None:
    assert seam_violations(PACKAGE) == []


def test_the_check_finds_a_deliberate_violation(tmp_path: Path) -> None:
    package = tmp_path / "huedesk"
    for folder in ("records", "db", "db/backend/sqlite", "db/migrations/versions"):
        (package / folder).mkdir(parents=True)
    (package / "records" / "bad.py").write_text(
        "import sqlite3\n"
        "from sqlalchemy import text\n\n"
        "def count(session):\n"
        "    # SQLite keeps its schema in sqlite_master\n"
        '    return session.execute(text("PRAGMA page_count")).scalar()\n',
        encoding="utf-8",
    )
    (package / "records" / "fine.py").write_text(
        '"""Every word must match; the highest rank wins."""\n', encoding="utf-8"
    )
    (package / "db" / "neutral.py").write_text(
        '"""On SQLite this runs PRAGMA quick_check (a docstring may say so)."""\n\n'
        "from sqlalchemy.dialects.sqlite import insert\n\n"
        'SQL = f"SELECT rowid FROM t WHERE t MATCH {1}"\n',
        encoding="utf-8",
    )
    for allowed in ("db/backend/sqlite/conn.py", "db/migrations/versions/0009_x.py"):
        (package / allowed).write_text(
            'import sqlite3\nPRAGMA = "PRAGMA foreign_keys = ON"\n', encoding="utf-8"
        )
    assert seam_violations(package) == [
        "db/neutral.py: imports sqlalchemy.dialects.sqlite",
        "db/neutral.py: MATCH",
        "records/bad.py: imports sqlite3",
        "records/bad.py: PRAGMA",
        "records/bad.py: sqlite_master",
    ]


def test_expressions_without_a_rule_for_a_dialect_are_refused_not_sent_as_sqlite_sql() -> None:
    from sqlalchemy import select
    from sqlalchemy.dialects import mysql, postgresql, sqlite
    from sqlalchemy.exc import CompileError

    import huedesk.db.backend.postgresql  # noqa: F401  (registers its rules)
    from huedesk.db import functions
    from huedesk.db.fulltext import Match, Phrase, record_matches
    from huedesk.records.kinds import KINDS

    table = KINDS["delegation"].table
    for expr in (
        functions.folded(table.c.title),
        functions.sort_key(table.c.title),
        functions.json_item(table.c.title, "owner_kind", 0),
        functions.unindexed(table.c.status),
        record_matches(table.c.id, 6, Match((Phrase(("hue",)),))),
    ):
        stmt = select(table.c.id).where(expr.is_not(None))
        assert str(stmt.compile(dialect=sqlite.dialect()))  # the SQLite backend has rules
        assert str(stmt.compile(dialect=postgresql.dialect()))  # so has PostgreSQL's
        with pytest.raises(CompileError, match="huedesk/db/backend/"):
            stmt.compile(dialect=mysql.dialect())


PG_SQL = re.compile(r"\bpg_advisory\w*|\bts(vector|query|_rank\w*)\b|\bpg_trigger\b|\bCOPY\b")


def test_postgresql_specific_code_lives_only_in_its_backend() -> None:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(("db/backend/postgresql/", "db/migrations/")):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        problems += [f"{rel}: imports {n}" for n in _imports(tree) if n.startswith("psycopg")]
        problems += [
            f"{rel}: {m.group(0)}" for t in _code_strings(tree) for m in PG_SQL.finditer(t)
        ]
    assert problems == []

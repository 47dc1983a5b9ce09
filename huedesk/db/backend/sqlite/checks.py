"""SQLite's own checks on an open database, for ``huedesk check``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session


def integrity_problems(session: Session) -> list[str]:
    """What ``PRAGMA integrity_check`` finds (it reads every page; empty when sound)."""
    return [str(row) for (row,) in session.execute(text("PRAGMA integrity_check")) if row != "ok"]


def foreign_key_problems(session: Session) -> list[tuple[str, Any, str]]:
    """``(table, rowid, referenced table)`` of every row whose foreign key points nowhere."""
    rows = session.execute(text("PRAGMA foreign_key_check"))
    return [(str(table), rowid, str(parent)) for table, rowid, parent, _fk in rows]


def trigger_names(session: Session) -> set[str]:
    """The triggers in the database's schema."""
    return set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))

"""PostgreSQL's own checks on an open database, for ``huedesk check``.

The server keeps its pages sound itself (checksums, WAL) and enforces every foreign
key at once, so there is no page check to run and no dangling key to look for;
``pg_amcheck`` is the server administrator's tool for the rest.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session


def integrity_problems(session: Session) -> list[str]:
    return []


def foreign_key_problems(session: Session) -> list[tuple[str, Any, str]]:
    return []


def trigger_names(session: Session) -> set[str]:
    """The triggers (not the server's internal ones) on the current schema's tables."""
    return set(
        session.scalars(
            text(
                "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
            )
        )
    )

"""Documents built from rows read through the driver equal those from SQLAlchemy's rows."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Select
from sqlalchemy.orm import Session

from huedesk.db.engine import Database
from huedesk.demo import generate
from huedesk.search import documents


def _loaded_rows(session: Session, stmt: Select[Any]) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in session.execute(stmt)]


def test_documents_do_not_depend_on_how_rows_are_read(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(db, records=300, seed=7)
    kinds = [k.name for k in documents.indexed_kinds()]
    with db.read() as s:
        fast = {k: list(documents.build_documents(s, k)) for k in kinds}
        monkeypatch.setattr(documents, "stored_rows", _loaded_rows)  # enums as members
        loaded = {k: list(documents.build_documents(s, k)) for k in kinds}
    assert sum(map(len, fast.values())) > 300
    assert fast == loaded

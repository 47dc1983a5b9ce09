"""Instant search over every record, the way Vietnamese users type.

``search(db, "doan dai su")`` finds "Đoàn Đại sứ …" (tone marks, case and
``đ``/``d`` do not matter; an accented query ranks exact spellings first), the
last word is a prefix ("salav" finds Salavan) and reference numbers are found
exactly ("LS-2025-0007"). The index (``huedesk.db.fulltext``, built by the
database backend) is kept in step with every change in the same transaction
(``install`` hooks it to the record services; ``huedesk.store.open_store`` calls
it), and ``reindex_all`` rebuilds it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from huedesk.records import events, query
from huedesk.search.indexer import (
    current_version,
    ensure_current,
    index_problems,
    on_bulk,
    on_change,
    on_settle,
    reindex_all,
    stored_version,
)
from huedesk.search.searching import SearchHit, group_by_kind, search, search_in, text_matcher

__all__ = [
    "SearchHit",
    "ensure_index",
    "group_by_kind",
    "index_is_current",
    "index_problems",
    "install",
    "reindex_all",
    "search",
    "search_in",
]


def install() -> None:
    """Keep the index in step with every record change and let list filters use it (idempotent)."""
    events.subscribe(on_change, on_settle)
    events.subscribe_bulk(on_bulk)
    query.set_text_matcher(text_matcher)


def index_is_current(session: Session) -> bool:
    """Whether the index was built by this version's documents (nothing to rebuild)."""
    return stored_version(session) == current_version(session)


def ensure_index(session: Session) -> bool:
    """Build the index if this database has none yet or an outdated one; True if it was built."""
    return ensure_current(session)

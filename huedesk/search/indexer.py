"""Writing the search index, always inside the caller's transaction.

The record services announce every create, update and delete
(``huedesk.records.events``); ``on_change`` rewrites the affected index rows in
the same session, so the index commits or rolls back with the change itself.
A changed child row (a delegation member, a case action …) rewrites its
parent's document; renaming or deleting an organisation, person or country
rewrites the documents that show its name. Bulk loads rebuild the kinds they
touched, and ``reindex_all`` rebuilds everything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huedesk.db import bulk, fulltext
from huedesk.db.backend.protocol import WriteBehind
from huedesk.db.fulltext import Match, Phrase
from huedesk.records.kinds import KINDS
from huedesk.search.documents import (
    DOCUMENT_VERSION,
    LABEL_KINDS,
    Document,
    build_documents,
    indexed_kinds,
    source_kinds,
)
from huedesk.search.parsing import normalise, words
from huedesk.search.schema import KIND_CODES, key_of, record_of

Progress = Callable[[int, int], None]

_VERSION_KEY = "document_version"


def _row(doc: Document) -> fulltext.Document:
    return fulltext.Document(
        key_of(doc.kind, doc.record_id),
        normalise(doc.ref),
        normalise(doc.title),
        normalise(doc.body),
        doc.ref,
        doc.title,
        doc.body,
    )


def _store(
    session: Session,
    docs: Iterable[Document],
    progress: Callable[[int], None],
    behind: WriteBehind | None = None,
) -> int:
    """Insert the documents' index rows (in the background through ``behind``, if given)."""
    index = fulltext.index(session)
    count = 0
    batch: list[fulltext.Document] = []
    for doc in docs:
        batch.append(_row(doc))
        if len(batch) >= 1000:
            index.put(session, batch, behind)
            count += len(batch)
            progress(len(batch))
            batch = []
    if batch:
        index.put(session, batch, behind)
        count += len(batch)
        progress(len(batch))
    return count


def index_records(session: Session, kind: str, ids: Iterable[int]) -> None:
    """Rewrite the index rows of these records (removing those that no longer exist)."""
    wanted = sorted(set(ids))
    if not wanted:
        return
    fulltext.index(session).delete(session, [key_of(kind, i) for i in wanted])
    _store(session, build_documents(session, kind, wanted), lambda _n: None)


def remove_record(session: Session, kind: str, record_id: int) -> None:
    fulltext.index(session).delete(session, [key_of(kind, record_id)])


def _stored_title(session: Session, kind: str, record_id: int) -> str | None:
    return fulltext.index(session).title(session, key_of(kind, record_id))


def _refresh_mentions(session: Session, name: str, exclude: int) -> None:
    """Rewrite every document showing ``name`` (a renamed or deleted record's name).

    The name is looked up as a phrase in the folded title and body (a partnership
    is titled by its partner's name); a document that mentions the name for another
    reason is rewritten too, which does no harm.
    """
    tokens = words(normalise(name))
    if not tokens:
        return
    mentions = Match((Phrase(tuple(tokens)),), field="text")
    by_kind: dict[str, list[int]] = defaultdict(list)
    for key in fulltext.index(session).keys(session, mentions):
        if key != exclude:
            kind, record_id = record_of(key)
            by_kind[kind].append(record_id)
    for kind, ids in by_kind.items():
        index_records(session, kind, ids)


def on_change(session: Session, kind: str, operation: str, row: dict[str, Any]) -> None:
    """Listener for ``huedesk.records.events``: keep the index in step with one change."""
    spec = KINDS.get(kind)
    if spec is None:
        return
    if kind in KIND_CODES:
        old_name = None
        if kind in LABEL_KINDS and operation != "create":
            old_name = _stored_title(session, kind, row["id"])
        if operation == "delete":
            remove_record(session, kind, row["id"])
        else:
            index_records(session, kind, [row["id"]])
        new_name = None if operation == "delete" else row.get(spec.title_field)
        if old_name and old_name != new_name:
            _refresh_mentions(session, old_name, key_of(kind, row["id"]))
    elif spec.parent is not None:
        parent_kind, fk = spec.parent
        if row.get(fk) is not None:
            index_records(session, parent_kind, [row[fk]])
    elif kind == "attachment":
        _reindex_owner(session, row.get("owner_kind"), row.get("owner_uuid"))


def _reindex_owner(session: Session, owner_kind: str | None, owner_uuid: str | None) -> None:
    if owner_kind not in KIND_CODES or not owner_uuid:
        return
    table = KINDS[owner_kind].table
    owner_id = session.scalar(select(table.c.id).where(table.c.uuid == owner_uuid))
    if owner_id is not None:
        index_records(session, owner_kind, [owner_id])


def on_bulk(session: Session, kinds: frozenset[str]) -> None:
    """Listener for bulk loads: rebuild every indexed kind whose text the load touched."""
    affected = [spec.name for spec in indexed_kinds() if source_kinds(spec) & kinds]
    rebuild_kinds(session, affected)


def _counts(session: Session, kinds: Iterable[str]) -> dict[str, int]:
    found = {}
    for kind in kinds:
        table = KINDS[kind].table
        found[kind] = int(session.scalar(select(func.count()).select_from(table)) or 0)
    return found


def rebuild_kinds(session: Session, kinds: Iterable[str], progress: Progress | None = None) -> int:
    """Rebuild the index rows of whole kinds; returns the number of records indexed."""
    counts = _counts(session, kinds)
    total = sum(counts.values())
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    indexed = 0
    index = fulltext.index(session)
    for kind in counts:
        index.delete_kind(session, KIND_CODES[kind])
        # The backend may index one batch in the background while the next documents
        # are built from the records (SQLite tokenises with the GIL released).
        with bulk.write_behind(session) as behind:
            indexed += _store(session, build_documents(session, kind), step, behind)
    return indexed


def reindex_all(session: Session, progress: Progress | None = None) -> int:
    """Empty the index and rebuild it from every record; returns the number indexed."""
    index = fulltext.index(session)
    index.clear(session)
    count = rebuild_kinds(session, [s.name for s in indexed_kinds()], progress)
    index.optimize(session)
    index.set_meta(session, _VERSION_KEY, DOCUMENT_VERSION)
    return count


def stored_version(session: Session) -> str | None:
    return fulltext.index(session).get_meta(session, _VERSION_KEY)


def ensure_current(session: Session) -> bool:
    """Rebuild the index if it was built by another document version (or never); True if so."""
    if stored_version(session) == DOCUMENT_VERSION:
        return False
    reindex_all(session)
    return True


def index_problems(session: Session) -> list[tuple[str, str]]:
    """What is wrong with the index, as (vi, en) sentences (empty when it is sound).

    The index's own consistency check, and per kind, whether the index has one row
    per record. ``huedesk check`` can report these; ``huedesk reindex`` repairs them.
    """
    problems: list[tuple[str, str]] = []
    index = fulltext.index(session)
    damage = index.problems(session)
    if damage is not None:
        problems.append(
            (
                f"Chỉ mục tìm kiếm bị hỏng ({damage}); hãy chạy 'huedesk reindex'.",
                f"The search index is damaged ({damage}); run 'huedesk reindex'.",
            )
        )
        return problems
    indexed = index.counts(session)
    for kind, records in _counts(session, KIND_CODES).items():
        rows = indexed.get(KIND_CODES[kind], 0)
        if rows != records:
            spec = KINDS[kind]
            problems.append(
                (
                    f"Chỉ mục tìm kiếm có {rows} dòng cho {records} {spec.label_vi.lower()}; "
                    "hãy chạy 'huedesk reindex'.",
                    f"The search index has {rows} rows for {records} {spec.label_en.lower()} "
                    "records; run 'huedesk reindex'.",
                )
            )
    return problems

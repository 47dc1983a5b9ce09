"""Writing the search index, always inside the caller's transaction.

The record services and the bulk writer announce every create, update and
delete (``huedesk.records.events``); ``on_change`` notes which documents they
touch and ``on_settle`` rewrites those index rows in the same session, so the
index commits or rolls back with the change itself.
A changed child row (a delegation member, a case action …) rewrites its
parent's document; renaming or deleting an organisation, person or country
rewrites the documents that show its name. A bulk load's documents are written
once, at its end; reference data seeded outside the services rebuilds the kinds
it touched (``on_bulk``), and ``reindex_all`` rebuilds everything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import event, func, select
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


@dataclass
class _Pending:
    """What the changes reported since the last settle ask of the index."""

    fresh: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # new records
    stale: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # to rewrite
    gone: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # deleted
    owners: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # by UUID
    renamed: list[tuple[str, int]] = field(default_factory=list)  # (old name, key to skip)


_PENDING = "hd_search_pending"
# From this many new documents at once, the backend may index in the background.
_BACKGROUND_FROM = 1000


def _pending(session: Session) -> _Pending:
    found = session.info.get(_PENDING)
    if found is None:
        found = session.info[_PENDING] = _Pending()
    return cast(_Pending, found)


def on_change(session: Session, kind: str, operation: str, rows: Sequence[dict[str, Any]]) -> None:
    """Listener for ``huedesk.records.events``: note which documents the changes touch.

    The documents are written when the changes are settled (``on_settle``): at once
    after a single write, once at the end of a bulk load, when every child row is in.
    """
    spec = KINDS.get(kind)
    if spec is None:
        return
    todo = _pending(session)
    if kind in KIND_CODES:
        ids = [r["id"] for r in rows]
        {"create": todo.fresh, "delete": todo.gone}.get(operation, todo.stale)[kind].update(ids)
        if kind in LABEL_KINDS and operation != "create":
            for r in rows:  # the name other documents show, read before the index forgets it
                old_name = _stored_title(session, kind, r["id"])
                new_name = None if operation == "delete" else r.get(spec.title_field)
                if old_name and old_name != new_name:
                    todo.renamed.append((old_name, key_of(kind, r["id"])))
    elif spec.parent is not None:
        parent_kind, fk = spec.parent
        todo.stale[parent_kind].update(r[fk] for r in rows if r.get(fk) is not None)
    elif kind == "attachment":
        for r in rows:
            if r.get("owner_kind") in KIND_CODES and r.get("owner_uuid"):
                todo.owners[r["owner_kind"]].add(r["owner_uuid"])


def on_settle(session: Session) -> None:
    """Write the documents the reported changes touched, each once."""
    todo = session.info.pop(_PENDING, None)
    if todo is None:
        return
    for kind, uuids in todo.owners.items():
        table = KINDS[kind].table
        ordered = sorted(uuids)
        for start in range(0, len(ordered), 900):
            chunk = ordered[start : start + 900]
            todo.stale[kind].update(
                session.scalars(select(table.c.id).where(table.c.uuid.in_(chunk)))
            )
    index = fulltext.index(session)
    for kind, ids in todo.gone.items():
        index.delete(session, [key_of(kind, i) for i in sorted(ids)])
    for kind in KIND_CODES:
        fresh = todo.fresh.get(kind, set())
        index_records(session, kind, todo.stale.get(kind, set()) - fresh)
        if len(fresh) >= _BACKGROUND_FROM:
            with bulk.write_behind(session) as behind:
                _store(session, build_documents(session, kind, fresh), lambda _n: None, behind)
        elif fresh:  # a new record has no index row yet: nothing to delete first
            _store(session, build_documents(session, kind, fresh), lambda _n: None)
    for old_name, key in todo.renamed:
        _refresh_mentions(session, old_name, key)


@event.listens_for(Session, "after_rollback")
def _forget_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)


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
    index.set_meta(session, _VERSION_KEY, current_version(session))
    return count


def stored_version(session: Session) -> str | None:
    return fulltext.index(session).get_meta(session, _VERSION_KEY)


def current_version(session: Session) -> str:
    """The version an index built now has: ``DOCUMENT_VERSION``, and the backend's own
    ``layout`` where it has one (``1+pg2``), so only that backend's indexes are rebuilt
    when it changes."""
    layout = fulltext.index(session).layout
    return f"{DOCUMENT_VERSION}+{layout}" if layout else DOCUMENT_VERSION


def ensure_current(session: Session) -> bool:
    """Rebuild the index if it was built by another document version or layout (or never);
    True if so."""
    if stored_version(session) == current_version(session):
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

"""Answering a search: ranked hits grouped by kind, and the text filter of every list.

Hits come in tiers, best first: the record whose reference number is exactly
what was typed; then, when the query was typed with tone marks, records that
contain those words spelled exactly so; then every record that matches however
it is spelled. Within a tier BM25 ranks, with a reference-number hit weighing
more than a title hit, and a title hit more than one in the rest of the record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Integer, column, text, true
from sqlalchemy.orm import Session

from huedesk.db.engine import Database
from huedesk.errors import HueDeskError
from huedesk.records.kinds import KindSpec
from huedesk.search.fts_query import ParsedQuery, normalise, parse
from huedesk.search.schema import (
    FTS_TABLE,
    KIND_CODES,
    WEIGHTS,
    kind_condition,
    record_id_expression,
    record_of,
)
from huedesk.search.snippets import plain, snippet_html

# Each tier's score is offset so scores decrease down the list (BM25 stays well below this).
_TIER_STEP = 1000.0
# Matches ranked per query: all of them up to this many; beyond (a word found in most
# records), the first this many in index order, where every kind is represented alike.
RANK_WINDOW = 2000
_BM25 = f"bm25({FTS_TABLE}, {', '.join(str(w) for w in WEIGHTS)})"


@dataclass(frozen=True)
class SearchHit:
    """One record found: what it is, how to open it, and why it matched.

    ``snippet_html`` has the matched words in ``<b>…</b>`` and everything else
    HTML-escaped, so a label can show it as rich text as it is. ``score`` is
    higher for better hits; it only compares hits of the same search.
    """

    kind: str
    record_id: int
    ref: str | None
    title: str
    snippet_html: str
    score: float

    @property
    def snippet_text(self) -> str:
        """The snippet as plain text (for the command line)."""
        return plain(self.snippet_html)


def _check_kinds(kinds: Sequence[str] | None) -> list[str]:
    if not kinds:
        return list(KIND_CODES)
    unknown = [k for k in kinds if k not in KIND_CODES]
    if unknown:
        known = ", ".join(KIND_CODES)
        raise HueDeskError(
            f"Không tìm kiếm được loại hồ sơ {', '.join(unknown)} (có thể tìm: {known}).",
            f"Cannot search record kind {', '.join(unknown)} (searchable: {known}).",
        )
    return list(dict.fromkeys(kinds))


def _ranked(session: Session, match: str, kinds: list[str], limit: int) -> list[tuple[int, float]]:
    """The best ``limit`` rows for ``match`` by BM25, among its first ``RANK_WINDOW`` matches.

    Ranking every match of a word found in most records ("Huế") would cost a BM25
    computation per record; a query with fewer matches than the window (any query
    specific enough to be useful) is ranked over all of them.
    """
    where = "" if len(kinds) == len(KIND_CODES) else f" AND {kind_condition(kinds)}"
    sql = (
        f"SELECT rowid, r FROM (SELECT rowid, {_BM25} AS r FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH :q{where} LIMIT :window) ORDER BY r LIMIT :n"
    )
    rows = session.execute(text(sql), {"q": match, "window": RANK_WINDOW, "n": limit})
    return [(int(rowid), float(r)) for rowid, r in rows]


def _tiers(query: ParsedQuery) -> list[tuple[int, str]]:
    tiers = []
    if query.looks_like_ref:
        tiers.append((2, query.ref_match()))
    if query.has_marks:
        tiers.append((1, query.exact_match()))
    tiers.append((0, query.folded_match()))
    return tiers


def search_in(
    session: Session, query: str, *, kinds: Sequence[str] | None = None, limit: int = 50
) -> list[SearchHit]:
    """``search`` inside a session the caller holds."""
    parsed = parse(query)
    kinds = _check_kinds(kinds)
    if not parsed or limit <= 0:
        return []
    found: dict[int, float] = {}
    for tier, match in _tiers(parsed):
        if len(found) >= limit:
            break
        for rowid, rank in _ranked(session, match, kinds, limit + len(found)):
            if rowid not in found:
                found[rowid] = tier * _TIER_STEP - rank
    best = sorted(found.items(), key=lambda item: -item[1])[:limit]
    texts = _texts(session, [rowid for rowid, _ in best])
    hits = []
    wanted_ref = parsed.folded_text
    for rowid, score in best:
        ref, title, body = texts[rowid]
        if score >= 2 * _TIER_STEP and normalise(ref) != wanted_ref:
            score -= 2 * _TIER_STEP  # the ref phrase matched inside a longer reference
        kind, record_id = record_of(rowid)
        hits.append(
            SearchHit(
                kind, record_id, ref or None, title, snippet_html(parsed, ref, title, body), score
            )
        )
    hits.sort(key=lambda h: -h.score)
    return group_by_kind_order(hits)


def _texts(session: Session, rowids: list[int]) -> dict[int, tuple[str, str, str]]:
    if not rowids:
        return {}
    marks = ", ".join(str(r) for r in rowids)
    rows = session.execute(
        text(f"SELECT rowid, ref_x, title_x, body_x FROM {FTS_TABLE} WHERE rowid IN ({marks})")
    )
    return {int(r[0]): (r[1] or "", r[2] or "", r[3] or "") for r in rows}


def group_by_kind_order(hits: list[SearchHit]) -> list[SearchHit]:
    """Hits grouped by kind: groups in the order of their best hit, best first within each."""
    order: dict[str, int] = {}
    for h in hits:
        order.setdefault(h.kind, len(order))
    return sorted(hits, key=lambda h: (order[h.kind], -h.score))


def group_by_kind(hits: Sequence[SearchHit]) -> list[tuple[str, list[SearchHit]]]:
    """``(kind, hits)`` pairs in the order ``search`` returned them (for headed result lists)."""
    groups: dict[str, list[SearchHit]] = {}
    for h in hits:
        groups.setdefault(h.kind, []).append(h)
    return list(groups.items())


def search(
    db: Database, query: str, *, kinds: Sequence[str] | None = None, limit: int = 50
) -> list[SearchHit]:
    """Find records matching ``query`` however it is typed, best first, grouped by kind.

    ``kinds`` restricts the search to those record kinds. Any text is accepted:
    quotes, operators, brackets and emoji are treated as text, and a query with
    no letters or digits finds nothing.
    """
    with db.read() as session:
        return search_in(session, query, kinds=kinds, limit=limit)


def text_matcher(kind: KindSpec, query: str) -> ColumnElement[bool] | None:
    """The ``huedesk.records.query`` hook: a list's free-text filter answered by the index.

    Kinds without their own index rows (child rows, attachments) get ``None``:
    the list falls back to its own scan of the row's text.
    """
    if kind.name not in KIND_CODES:
        return None
    if not query.strip():
        return true()
    parsed = parse(query)
    if not parsed:
        return None
    table = kind.table
    ids = text(
        f"SELECT {record_id_expression()} AS record_id FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH :hd_search_q AND {kind_condition([kind.name])}"
    ).bindparams(hd_search_q=parsed.folded_match())
    clause: ColumnElement[bool] = table.c.id.in_(ids.columns(column("record_id", Integer)))
    return clause

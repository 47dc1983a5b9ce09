"""Answering a search: ranked hits grouped by kind, and the text filter of every list.

Hits come in tiers, best first: the record whose reference number is exactly
what was typed; then, when the query was typed with tone marks, records that
contain those words spelled exactly so; then every record that matches however
it is spelled. Within a tier the index ranks (its own measure of relevance), with a
reference-number hit weighing more than a title hit, and a title hit more than one
in the rest of the record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, true
from sqlalchemy.orm import Session

from huedesk.db import fulltext
from huedesk.db.engine import Database
from huedesk.db.fulltext import Match
from huedesk.errors import HueDeskError
from huedesk.records.kinds import KindSpec
from huedesk.search.parsing import ParsedQuery, normalise, parse
from huedesk.search.schema import KIND_CODES, WEIGHTS, record_of
from huedesk.search.snippets import plain, snippet_html

# Each tier's score is offset so scores decrease down the list (the index's relevance
# stays below this).
_TIER_STEP = 1000.0
# Matches ranked per query: all of them up to this many; beyond (a word found in most
# records), the first this many in index order, where every kind is represented alike.
RANK_WINDOW = 2000


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


def _tiers(query: ParsedQuery) -> list[tuple[int, Match]]:
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
    # Ranking every match of a word found in most records ("Huế") would cost a rank
    # computation per record: the index ranks its first RANK_WINDOW matches; a query with
    # fewer (any query specific enough to be useful) is ranked over all of them.
    codes = None if len(kinds) == len(KIND_CODES) else [KIND_CODES[k] for k in kinds]
    best = fulltext.index(session).best(
        session, _tiers(parsed), kinds=codes, weights=WEIGHTS, limit=limit, window=RANK_WINDOW
    )
    hits = []
    wanted_ref = parsed.folded_text
    for key, tier, relevance, ref, title, body in best:
        score = tier * _TIER_STEP + relevance
        if tier >= 2 and normalise(ref) != wanted_ref:
            score -= 2 * _TIER_STEP  # the ref phrase matched inside a longer reference
        kind, record_id = record_of(key)
        hits.append(
            SearchHit(
                kind, record_id, ref or None, title, snippet_html(parsed, ref, title, body), score
            )
        )
    hits.sort(key=lambda h: -h.score)
    return group_by_kind_order(hits)


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
    return fulltext.record_matches(kind.table.c.id, KIND_CODES[kind.name], parsed.folded_match())

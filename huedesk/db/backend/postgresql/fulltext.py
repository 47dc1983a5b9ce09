"""The search index on PostgreSQL: the documents' texts, and their ``tsvector``s GIN-indexed.

``search_fts`` holds each document's key and its six text fields (for snippets);
``search_words`` (migration 0009) its ``tsvector``, in a narrow table of its own
(``key``, ``tsv``; ``key`` references ``search_fts`` and goes with it): matching and
ranking read only those rows, and a ``tsvector`` is kept in the row (``STORAGE
MAIN``: compressed in place rather than moved out to TOAST), so ranking the first
matches of a common word reads each one from the page the match was found on.
Before 0009 the ``tsv`` was a column of ``search_fts`` (migration 0002), so ranking a
common word's first 2,000 matches fetched 2,000 ``tsvector``s from TOAST one by one.

The ``tsvector`` is built here, in Python, not by a text search configuration: HueDesk's own folded text is already lower case,
without marks and cut into words (``huedesk.db.fulltext``: a word is ``[^\\W_]+``), so
the server's parser and its locale never decide what a word is, and both backends
see the same words. Folded words are weighted A (reference), B (title) and C (body),
and so are the words as written (lower case, marks kept), at positions after the
folded ones, so a phrase never runs from one field into the next. (The words as written
were once all weighted D, a tenth of a title hit wherever they were: a search typed with
marks then ranked a hit in the notes above one in the name, where FTS5 weighs the
columns as written as the folded ones; with ``LAYOUT`` "pg2" such an index is rebuilt.)

A ``Match`` becomes a ``tsquery`` built the same way: each phrase's words joined by
``<->``, ``:*`` on a prefix, and weight labels for the ``ref`` (A) and ``text`` (BC)
fields. Words are letters and digits only and are quoted anyway, so nothing the
user types is ``tsquery`` syntax. Ranking is ``ts_rank`` with the service's weights
for A/B/C (no word is weighted D) divided by
1 + log(document length), over the first ``window`` matches in the index's own order
(the table's: keys ascending after migration 0009 or a full rebuild, which ``optimize``
rewrites in key order, later documents after them; ``synchronize_seqscans`` is off on
every connection, so a scan always starts at the table's first page and the same
matches are ranked every time), as FTS5 ranks its first matches (a search's tiers and
the texts of what it found come back in one statement: ``PgIndex.best``). It is not BM25: the same records are found,
each in the same tier, in an order that mostly agrees (on demo data 96% of the pairs of
hits in one tier are ordered alike; ``docs/architecture.md`` gives the figures).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler

from huedesk.db.backend import protocol
from huedesk.db.backend.index_table import FTS_TABLE, META_TABLE, IndexTable, kind_condition
from huedesk.db.backend.postgresql.bulk import copy_rows
from huedesk.db.fulltext import (
    KIND_BITS,
    Document,
    Found,
    Match,
    Phrase,
    Weights,
    record_matches,
)

TEXT_COLUMNS = ("key", "ref", "title", "body", "ref_x", "title_x", "body_x")
WORDS_TABLE = "search_words"  # key, tsv (migration 0009)

_WORD = re.compile(r"[^\W_]+")
_MAX_POSITION = 16383  # PostgreSQL's limit; later words share the last position
_LABELS = {"any": "", "ref": "A", "text": "BC"}
# How a document becomes a ``tsvector``: part of the index's stored version, so a server
# whose index was built another way rebuilds it when opened (``huedesk.search.indexer``).
# "pg2": the words as written weighted by their field (before, all D).
LAYOUT = "pg2"


# A search scans the table from its first page rather than use the GIN index when the first
# SAMPLE_PAGES hold enough matches to expect the window within DENSE_PAGES (~33,000 rows).
# Measured at 200,000 records: scanning wins at 18% of the records ("chan may": 14 ms
# instead of 45), the index at 5% ("festival": a scan would read 9,000 pages).
SAMPLE_PAGES = 100
DENSE_PAGES = 5000
# The longest prefix looked up through the whole words beside it (``whole_words``); as in
# FTS5's prefix indexes (2 and 3 letters), the short ones are those found in most records.
SHORT_PREFIX = 3
# ... unless the sample expects that to read more rows than this: "Đoàn Đại sứ" would read
# 25,000 (its words as written are in most delegations; the index alone: 18 ms, 68 this way).
WHOLE_ROWS = 10_000

_MAX_LEXEME = 2046  # bytes: PostgreSQL refuses a longer word in a tsvector or tsquery


def _quoted(word: str) -> str:
    """``word`` quoted as a lexeme; a longer one than PostgreSQL takes is cut, the same way in
    documents and queries (so a 5,000-letter word still finds itself)."""
    if len(word) * 4 > _MAX_LEXEME:
        word = word.encode()[:_MAX_LEXEME].decode(errors="ignore")
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(doc: Document) -> str:
    """The document's ``tsvector`` in PostgreSQL's text form."""
    positions: dict[str, list[str]] = {}
    at = 0
    fields = (
        (doc.ref, "A", False),
        (doc.title, "B", False),
        (doc.body, "C", False),
        (doc.ref_x, "A", True),
        (doc.title_x, "B", True),
        (doc.body_x, "C", True),
    )
    for value, weight, as_written in fields:
        for word in _WORD.findall(value or ""):
            at = min(at + 1, _MAX_POSITION)
            lexeme = word.lower() if as_written else word
            positions.setdefault(lexeme, []).append(f"{at}{weight}")
        at = min(at + 2, _MAX_POSITION)  # a gap: no phrase spans two fields
    return " ".join(f"{_quoted(w)}:{','.join(p)}" for w, p in positions.items())


def _phrase(phrase: Phrase, label: str) -> str:
    words = [w.lower() for w in phrase.words]
    parts = [f"{_quoted(w)}:{label}" if label else _quoted(w) for w in words]
    if phrase.prefix:
        parts[-1] = f"{_quoted(words[-1])}:*{label}"
    return "(" + " <-> ".join(parts) + ")"


def tsquery(match: Match) -> str:
    """``match`` as a ``tsquery`` in PostgreSQL's text form."""
    label = _LABELS[match.field]
    return " & ".join(_phrase(p, label) for p in match.phrases)


def whole_words(match: Match) -> str | None:
    """When ``match`` ends with a short prefix: its other words, which a document must all
    hold, as a ``tsquery`` (``None`` without a short prefix or without other words).

    The GIN index expands a prefix into the set of every document holding any word that
    starts so ("min" → minh, a name in most records) before it can intersect; for a prefix
    of at most ``SHORT_PREFIX`` letters, looking up the whole words alone and checking the
    prefix in the rows found is far cheaper ("kim min": 4.3 ms instead of 9, "hoi thao quoc
    te" 16 instead of 40). A longer prefix expands to few words ("LS-2025-0007": the GIN
    index alone takes 0.4 ms, the whole words "ls 2025" 18 ms).
    """
    if not any(p.prefix and len(p.words[-1]) <= SHORT_PREFIX for p in match.phrases):
        return None
    words = [w.lower() for p in match.phrases for w in (p.words[:-1] if p.prefix else p.words)]
    return " & ".join(_quoted(w) for w in dict.fromkeys(words)) or None


def _bound(name: str, match: Match) -> dict[str, str]:
    """The parameters ``PgIndex._window(name, match, …)`` binds."""
    whole = whole_words(match)
    return {name: tsquery(match), **({f"{name}_whole": whole} if whole else {})}


def _kind_condition(codes: Sequence[int]) -> str:
    return kind_condition("key", codes)


def _relevance(rank: float) -> float:
    """``ts_rank``'s value as ``FullTextIndex`` relevance: positive, below 1000."""
    return min(999.0, 0.001 + 100.0 * float(rank))


class PgIndex(IndexTable):
    """``huedesk.db.fulltext.FullTextIndex`` on ``search_fts`` (see there for each operation)."""

    layout = LAYOUT

    def _ranking(self, weights: Weights) -> str:
        w = [0.0, weights.body, weights.title, weights.ref]  # D (no word) C B A
        top = max(w) or 1.0
        return "ARRAY[" + ", ".join(f"{float(x) / top:.6f}" for x in w) + "]::float4[]"

    def _window(
        self,
        query: str,
        match: Match,
        kinds: Sequence[int] | None,
        weights: Weights,
        also: str,
    ) -> str:
        """The ranked first ``:window`` matches of the tsquery parameter ``query``, best first,
        at most ``:n`` (``also``: a further condition; parameters: ``_bound(query, match)``).
        The first matches in the index's own order, as FTS5 takes them: sorting every match
        by key first would read them all.

        Three ways to the same first matches, one chosen per search by a sample of the
        table's first ``SAMPLE_PAGES`` (a fraction of a millisecond): ``scan``, for words
        found in a large share of the records, reads the table from its first page and stops
        at the window (``ts_match_vq`` is the ``@@`` the GIN index cannot serve); ``index``
        goes through the GIN index, which first builds the set of every match (36,000 for
        "chan may": three times the scan), so rarer words are found without reading the rest;
        ``whole``, before a short prefix, looks up the other words in the GIN index and checks
        the prefix in the rows found (``whole_words``), unless the sample says that would
        read more than ``WHOLE_ROWS`` rows. Each way meets the rows in the table's order, so
        all give the same matches; only the time differs.
        """
        where = "" if kinds is None else f" AND {_kind_condition(kinds)}"
        full, whole = f"CAST(:{query} AS tsquery)", f"CAST(:{query}_whole AS tsquery)"
        has_whole = whole_words(match) is not None
        chosen = f"way_{query}"
        per_match = DENSE_PAGES // SAMPLE_PAGES

        def counted(words: str) -> str:
            return (
                f"(SELECT count(*) FROM {WORDS_TABLE} WHERE ctid < '({SAMPLE_PAGES},0)'::tid "
                f"AND ts_match_vq(tsv, {words}){where})"
            )

        if_whole = (
            f"WHEN LEAST(sw * pages / {SAMPLE_PAGES}, :window * sw / GREATEST(sf, 1)) "
            f"<= {WHOLE_ROWS} THEN 'whole' "
            if has_whole
            else ""
        )
        sample = (
            f"{chosen} AS MATERIALIZED (SELECT CASE WHEN sf * {per_match} >= :window THEN 'scan' "
            f"{if_whole}ELSE 'index' END AS way FROM (SELECT {counted(full)} AS sf, "
            f"{counted(whole) if has_whole else '0'} AS sw, (SELECT GREATEST(relpages, "
            f"{SAMPLE_PAGES}) FROM pg_class WHERE oid = '{WORDS_TABLE}'::regclass) AS pages) "
            "AS sample)"
        )

        def first(condition: str, way: str) -> str:
            return (
                f"(SELECT key, tsv, q FROM {WORDS_TABLE}, {full} AS q WHERE {condition}{where}"
                f"{also} AND (SELECT way FROM {chosen}) = '{way}' LIMIT :window)"
            )

        ways = [first("ts_match_vq(tsv, q)", "scan"), first("tsv @@ q", "index")]
        if has_whole:
            ways.append(first(f"tsv @@ {whole} AND ts_match_vq(tsv, q)", "whole"))
        return (
            f"WITH {sample} SELECT key, ts_rank({self._ranking(weights)}, tsv, q, 1) AS r "
            f"FROM ({' UNION ALL '.join(ways)}) AS hits ORDER BY r DESC, key LIMIT :n"
        )

    def ranked(
        self,
        session: Session,
        match: Match,
        *,
        kinds: Sequence[int] | None,
        weights: Weights,
        limit: int,
        window: int,
    ) -> list[tuple[int, float]]:
        sql = self._window("q", match, kinds, weights, "")
        rows = session.execute(text(sql), {**_bound("q", match), "window": window, "n": limit})
        return [(int(key), _relevance(r)) for key, r in rows]

    def best(
        self,
        session: Session,
        tiers: Sequence[tuple[int, Match]],
        *,
        kinds: Sequence[int] | None,
        weights: Weights,
        limit: int,
        window: int,
    ) -> list[Found]:
        """One statement: each tier ranked in its own CTE (skipped, by a one-time filter,
        once the tiers above found ``limit`` documents), each document in its highest
        tier, the best ``limit`` with their texts. A search costs one round trip."""
        if not tiers:
            return []
        params: dict[str, Any] = {"window": window, "n": limit * len(tiers), "limit": limit}
        ctes = []
        for i, (tier, match) in enumerate(tiers):
            params.update(_bound(f"q{i}", match))
            above = " UNION ".join(f"SELECT key FROM t{j}" for j in range(i))
            skip = f" AND (SELECT count(*) FROM ({above}) AS a) < :limit" if above else ""
            ranked = self._window(f"q{i}", match, kinds, weights, skip)
            ctes.append(
                f"t{i} AS MATERIALIZED (SELECT key, {int(tier)} AS tier, r FROM ({ranked}) AS x)"
            )
        every = " UNION ALL ".join(f"SELECT key, tier, r FROM t{i}" for i in range(len(tiers)))
        sql = (
            f"WITH {', '.join(ctes)}, found AS (SELECT DISTINCT ON (key) key, tier, r "
            f"FROM ({every}) AS e ORDER BY key, tier DESC) "
            f"SELECT f.key, f.tier, f.r, d.ref_x, d.title_x, d.body_x FROM found AS f "
            f"JOIN {FTS_TABLE} AS d ON d.key = f.key ORDER BY f.tier DESC, f.r DESC, f.key "
            "LIMIT :limit"
        )
        return [
            Found(int(key), int(tier), _relevance(r), ref or "", title or "", body or "")
            for key, tier, r, ref, title, body in session.execute(text(sql), params)
        ]

    def keys(self, session: Session, match: Match) -> list[int]:
        rows = session.execute(
            text(f"SELECT key FROM {WORDS_TABLE} WHERE tsv @@ CAST(:q AS tsquery) ORDER BY key"),
            {"q": tsquery(match)},
        )
        return [int(k) for k in rows.scalars()]

    def put(
        self,
        session: Session,
        documents: Sequence[Document],
        behind: protocol.WriteBehind | None = None,
    ) -> None:
        copy_rows(session, FTS_TABLE, TEXT_COLUMNS, documents)
        copy_rows(session, WORDS_TABLE, ("key", "tsv"), [(d.key, tsvector(d)) for d in documents])

    def clear(self, session: Session) -> None:
        # Emptied first: deleting the texts would look up each document's words to delete them.
        session.execute(text(f"DELETE FROM {WORDS_TABLE}"))
        super().clear(session)

    def optimize(self, session: Session) -> None:
        # A full rebuild puts documents kind after kind; in key order again, a common word's
        # first matches are its lowest keys, the ones FTS5 ranks (keys ascending).
        session.execute(text(f"CLUSTER {WORDS_TABLE} USING {WORDS_TABLE}_pkey"))
        session.execute(text(f"ANALYZE {FTS_TABLE}, {WORDS_TABLE}"))

    def problems(self, session: Session) -> str | None:
        return None  # the server keeps its GIN index consistent with its table

    def parameter(self, match: Match) -> str:
        return tsquery(match)


@compiles(record_matches, "postgresql")
def _record_matches(element: record_matches, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.id_column, **kw)
    query = compiler.process(element.query, **kw)  # bound by PgIndex.parameter
    return (
        f"{column} IN (SELECT (key >> {KIND_BITS}) FROM {WORDS_TABLE} "
        f"WHERE tsv @@ CAST({query} AS tsquery) AND {_kind_condition([element.kind_code])})"
    )


def create_statements() -> list[str]:
    """The index's tables as migration 0002 made them (0009 moves ``tsv`` to ``search_words``)."""
    return [
        f"CREATE TABLE {FTS_TABLE} (key bigint PRIMARY KEY, ref text, "
        "title text, body text, ref_x text, "
        "title_x text, body_x text, tsv tsvector NOT NULL)",
        f"CREATE INDEX ix_{FTS_TABLE}_tsv ON {FTS_TABLE} USING gin (tsv)",
        f"CREATE TABLE {META_TABLE} (key text PRIMARY KEY, value text NOT NULL)",
    ]

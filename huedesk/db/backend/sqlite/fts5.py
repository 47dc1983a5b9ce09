"""The search index on SQLite: one FTS5 table, ``search_fts``, and its bookkeeping table.

Migration 0002 creates the table with the ``unicode61`` tokenizer without
diacritic removal (the folded columns are folded already by ``huedesk.text.fold``,
which unlike unicode61 also folds ``đ``; the columns as written keep their marks)
and prefix indexes for two and three letters. A document's key is the table's
``rowid``, so updating or deleting one record's row is a rowid lookup that FTS5
answers from its own b-tree; with the kind in the key's low bits
(``huedesk.db.fulltext.document_key``), rowid order interleaves the kinds, newest
records last, and the first matches of a common word are a fair sample of every kind.

Nothing the user types reaches FTS5 as syntax: every phrase goes into the match
expression as a quoted string of letters and digits, so ``AND``, ``NEAR(`` or an
unbalanced ``"`` are just words, and no query can raise an FTS5 syntax error.
Ranking is FTS5's BM25 with per-column weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler

from huedesk.db.backend import protocol
from huedesk.db.backend.index_table import FTS_TABLE, IndexTable, kind_condition
from huedesk.db.backend.sqlite.bulk import WriteBehind, insert_rows
from huedesk.db.fulltext import KIND_BITS, Document, Match, Phrase, Weights, record_matches

_INSERT = f"INSERT INTO {FTS_TABLE} (rowid, ref, title, body, ref_x, title_x, body_x)"
_COLUMNS = {"ref": "{ref}", "text": "{title body}"}


def _quote(words: tuple[str, ...]) -> str:
    # Words are letters and digits only; doubling quotes keeps the rule obvious anyway.
    return '"' + " ".join(words).replace('"', '""') + '"'


def _phrase(phrase: Phrase) -> str:
    return _quote(phrase.words) + ("*" if phrase.prefix else "")


def expression(match: Match) -> str:
    """``match`` as an FTS5 match expression.

    No column filter for ``any`` (FTS5 is faster without one): a folded word is in
    a folded column wherever it is in a column as written, and a word with marks
    can only be in a column as written.
    """
    body = " AND ".join(_phrase(p) for p in match.phrases)
    if match.field == "any":
        return body
    if len(match.phrases) > 1:
        body = f"({body})"
    return f"{_COLUMNS[match.field]} : {body}"


def _kind_condition(codes: Sequence[int]) -> str:
    return kind_condition("rowid", codes)


class Fts5Index(IndexTable):
    """``huedesk.db.fulltext.FullTextIndex`` on the FTS5 table (see there for each operation)."""

    key = "rowid"

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
        # Columns: ref, title, body, ref_x, title_x, body_x.
        w = (weights.ref, weights.title, weights.body) * 2
        bm25 = f"bm25({FTS_TABLE}, {', '.join(str(float(x)) for x in w)})"
        where = "" if kinds is None else f" AND {_kind_condition(kinds)}"
        sql = (
            f"SELECT rowid, r FROM (SELECT rowid, {bm25} AS r FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH :q{where} LIMIT :window) ORDER BY r LIMIT :n"
        )
        rows = session.execute(text(sql), {"q": expression(match), "window": window, "n": limit})
        return [(int(rowid), -float(r)) for rowid, r in rows]  # BM25 here: lower is better

    def keys(self, session: Session, match: Match) -> list[int]:
        rows = session.execute(
            text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"),
            {"q": expression(match)},
        )
        return [int(k) for k in rows.scalars()]

    def put(
        self,
        session: Session,
        documents: Sequence[Document],
        behind: protocol.WriteBehind | None = None,
    ) -> None:
        if behind is not None and not isinstance(behind, WriteBehind):
            raise TypeError(f"not an SQLite bulk writer: {behind!r}")
        # Straight through the driver: every value is already text or an integer.
        insert_rows(session, _INSERT, documents, behind)

    def optimize(self, session: Session) -> None:
        session.execute(text(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('optimize')"))

    def problems(self, session: Session) -> str | None:
        try:
            session.execute(
                text(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('integrity-check')")
            )
        except DBAPIError as exc:
            return str(exc.orig)
        return None

    def parameter(self, match: Match) -> str:
        return expression(match)


@compiles(record_matches, "sqlite")
def _record_matches(element: record_matches, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.id_column, **kw)
    query = compiler.process(element.query, **kw)  # bound by Fts5Index.parameter
    return (
        f"{column} IN (SELECT (rowid >> {KIND_BITS}) FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH {query} AND {_kind_condition([element.kind_code])})"
    )

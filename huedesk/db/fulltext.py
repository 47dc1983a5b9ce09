"""The full-text index as the search service sees it, whatever the backend builds it with.

The index holds one document per searchable record, under an integer key that
encodes the record (``document_key``: record id × 32 + kind code). Each document
has three fields, each stored twice: folded (``ref``, ``title``, ``body``: lower
case, no tone marks, ``đ`` → ``d``, words separated by single spaces, as
``huedesk.search.parsing.normalise`` makes them) for matching however the user
types, and as written (``ref_x``, ``title_x``, ``body_x``) for snippets and for
ranking exact spellings first. The search service decides what goes into a
document and what to look for (a ``Match``: phrases that must all occur); the
backend stores, matches and ranks (``FullTextIndex``; SQLite's is FTS5, in
``huedesk.db.backend.sqlite.fts5``).

A word is a run of letters and digits (``[^\\W_]+``); the backend's tokenizer must
cut text the same way, without folding it further (the folded fields are already
folded, and the fields as written must keep their marks).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol

from sqlalchemy import Boolean, String, TypeDecorator, bindparam
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import CompileError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal

if TYPE_CHECKING:  # the backends import this module: no import of them at run time
    from huedesk.db.backend.protocol import WriteBehind

KIND_BITS = 5  # room for 32 kinds of record
_KIND_MASK = (1 << KIND_BITS) - 1

Field = Literal["any", "ref", "text"]


def document_key(kind_code: int, record_id: int) -> int:
    """The index key of record ``record_id`` of the kind numbered ``kind_code``."""
    if not 0 < kind_code <= _KIND_MASK:
        raise ValueError(f"kind code {kind_code} out of range")
    return (int(record_id) << KIND_BITS) | kind_code


def split_key(key: int) -> tuple[int, int]:
    """``(kind code, record id)`` of an index key."""
    return key & _KIND_MASK, key >> KIND_BITS


@dataclass(frozen=True)
class Phrase:
    """Words that must occur together, in this order; the last one may be a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Match:
    """Documents containing every phrase, in ``field``.

    ``any``: anywhere (a phrase of folded words matches the folded fields, one with
    tone marks can only match the fields as written); ``ref``: the folded reference
    number; ``text``: the folded title or body.
    """

    phrases: tuple[Phrase, ...]
    field: Field = "any"


@dataclass(frozen=True)
class Weights:
    """How much a hit in each field counts when ranking (the same for folded and as written)."""

    ref: float
    title: float
    body: float


class Document(NamedTuple):
    """One index row: its key, and its fields folded and as written (a tuple: bulk loads are fast)."""

    key: int
    ref: str
    title: str
    body: str
    ref_x: str
    title_x: str
    body_x: str


class Found(NamedTuple):
    """A document ``FullTextIndex.best`` found: its tier, its relevance there, its texts as written."""

    key: int
    tier: int
    relevance: float
    ref: str
    title: str
    body: str


class FullTextIndex(Protocol):
    """A backend's full-text index (``Backend.fulltext``); every call is in the caller's transaction."""

    #: How this backend turns a document into its index rows, when that is its own: part
    #: of the index's stored version, so a change rebuilds the index as a new
    #: ``DOCUMENT_VERSION`` would, on this backend only ("" where there is nothing of its own).
    layout: str

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
        """The best ``limit`` ``(key, relevance)`` for ``match``, best first.

        Relevance is positive, higher is better and below 1000 (the search service
        adds tiers on top); it compares documents of one query only. ``kinds``
        restricts to those kind codes. Only the first ``window`` matches (in the
        index's own order) need be ranked: a word found in most records is not worth
        ranking them all.
        """
        ...

    def texts(self, session: Session, keys: Sequence[int]) -> dict[int, tuple[str, str, str]]:
        """``ref_x, title_x, body_x`` (as written) of the documents with these keys."""
        ...

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
        """The best ``limit`` documents for a search in ``tiers`` (``(tier, match)``, the
        highest tier first), with their texts as written, best first.

        A document counts in the highest tier it matches; documents are ordered by tier,
        then by relevance within it (as ``ranked``). A tier is not searched once the
        tiers above it found ``limit`` documents. On a server, all in one round trip.
        """
        ...

    def title(self, session: Session, key: int) -> str | None:
        """The title as written of one document (``None`` if there is none)."""
        ...

    def keys(self, session: Session, match: Match) -> list[int]:
        """Every key whose document matches (unranked)."""
        ...

    def put(
        self, session: Session, documents: Sequence[Document], behind: WriteBehind | None = None
    ) -> None:
        """Add documents (whose keys are not in the index), through ``behind`` if given."""
        ...

    def delete(self, session: Session, keys: Sequence[int]) -> None: ...

    def delete_kind(self, session: Session, kind_code: int) -> None: ...

    def clear(self, session: Session) -> None: ...

    def optimize(self, session: Session) -> None:
        """Tidy the index after a full rebuild (merge segments, analyse …)."""
        ...

    def problems(self, session: Session) -> str | None:
        """What the index's own consistency check finds (``None`` when sound)."""
        ...

    def counts(self, session: Session) -> dict[int, int]:
        """The number of documents per kind code."""
        ...

    def parameter(self, match: Match) -> Any:
        """What ``record_matches`` binds for ``match`` (SQLite: the FTS5 match expression)."""
        ...

    def get_meta(self, session: Session, key: str) -> str | None: ...

    def set_meta(self, session: Session, key: str, value: str) -> None: ...


def index(session: Session) -> FullTextIndex:
    """The full-text index of ``session``'s database."""
    from huedesk.db import backend  # here, not above: the backends import this module

    return backend.of(session).fulltext


class _MatchParameter(TypeDecorator[Match]):
    """A ``Match`` as a statement parameter, in the form the dialect's backend matches with."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Match | None, dialect: Dialect) -> Any:
        from huedesk.db import backend  # here, not above: the backends import this module

        return None if value is None else backend.by_dialect(dialect.name).fulltext.parameter(value)


class record_matches(ColumnElement[bool]):
    """``id_column``'s record has a document matching ``match``: a list's text filter.

    Built without a session (list filters are composed before they run), so how it
    is written is decided when the statement is compiled: each backend registers a
    compilation rule for its dialect (SQLite's is in ``huedesk.db.backend.sqlite.fts5``)
    and turns the ``Match`` into its parameter (``FullTextIndex.parameter``). The words
    are a parameter, never SQL, so compiled statements are cached like any other.
    """

    type = Boolean()
    _is_implicitly_boolean = True  # a condition as it is (no "= 1" where booleans are integers)
    inherit_cache = True
    _traverse_internals = [
        ("id_column", InternalTraversal.dp_clauseelement),
        ("kind_code", InternalTraversal.dp_plain_obj),
        ("query", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, id_column: ColumnElement[Any], kind_code: int, match: Match) -> None:
        self.id_column = id_column
        self.kind_code = int(kind_code)
        self.query = bindparam(None, match, type_=_MatchParameter())

    @property
    def _from_objects(self) -> list[Any]:  # type: ignore[override]
        return list(self.id_column._from_objects)


@compiles(record_matches)
def _no_rule(element: record_matches, compiler: SQLCompiler, **kw: Any) -> str:
    raise CompileError(
        f"record_matches() has no rule for the {compiler.dialect.name} dialect; "
        "add one to its backend in huedesk/db/backend/"
    )

"""Where the search index lives and how its rows are addressed.

The index is one FTS5 table, ``search_fts``, with one row per searchable record.
Each piece of text is stored twice: folded (``ref``, ``title``, ``body``: lower
case, no tone marks, ``đ`` → ``d``, punctuation turned into spaces) for matching
however the user types, and as written (``ref_x``, ``title_x``, ``body_x``) for
snippets in the original Vietnamese and for ranking exact-diacritic matches first.

A row's ``rowid`` encodes the record: ``kind code × 2³² + record id``. Updating
or deleting one record's row is then a rowid lookup, and restricting a query to
one kind is a rowid range, both of which FTS5 answers from its own b-tree
(an UNINDEXED ``kind`` column would need a scan of every row).

The kind codes are stored in every database: never renumber them, only add.
"""

from __future__ import annotations

FTS_TABLE = "search_fts"
META_TABLE = "search_meta"

# Folded columns (matched) then original columns (shown, and matched for exact-accent ranking).
FOLDED_COLUMNS = ("ref", "title", "body")
ORIGINAL_COLUMNS = ("ref_x", "title_x", "body_x")

# BM25 weights, in column order: a hit in the reference number outweighs one in the
# title, which outweighs one in the rest of the record.
WEIGHTS = (10.0, 5.0, 1.0, 10.0, 5.0, 1.0)

KIND_CODES: dict[str, int] = {
    "country": 1,
    "organisation": 2,
    "person": 3,
    "partnership": 4,
    "agreement": 5,
    "delegation": 6,
    "consular_case": 7,
    "aid_project": 8,
    "fdi_project": 9,
    "event": 10,
    "follow_up_task": 11,
}
KIND_OF_CODE = {code: kind for kind, code in KIND_CODES.items()}

_SHIFT = 32


def rowid_of(kind: str, record_id: int) -> int:
    """The index row of record ``record_id`` of ``kind``."""
    return (KIND_CODES[kind] << _SHIFT) + int(record_id)


def record_of(rowid: int) -> tuple[str, int]:
    """``(kind, record_id)`` of an index row."""
    return KIND_OF_CODE[rowid >> _SHIFT], rowid & ((1 << _SHIFT) - 1)


def rowid_range(kind: str) -> tuple[int, int]:
    """First and last possible rowid of ``kind`` (inclusive), for range-restricted queries."""
    base = KIND_CODES[kind] << _SHIFT
    return base, base + (1 << _SHIFT) - 1


def rowid_base(kind: str) -> int:
    """What to subtract from a rowid of ``kind`` to get the record id."""
    return KIND_CODES[kind] << _SHIFT

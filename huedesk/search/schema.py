"""Where the search index lives and how its rows are addressed.

The index is one FTS5 table, ``search_fts``, with one row per searchable record.
Each piece of text is stored twice: folded (``ref``, ``title``, ``body``: lower
case, no tone marks, ``đ`` → ``d``, punctuation turned into spaces) for matching
however the user types, and as written (``ref_x``, ``title_x``, ``body_x``) for
snippets in the original Vietnamese and for ranking exact-diacritic matches first.

A row's ``rowid`` encodes the record: ``record id × 32 + kind code``. Updating
or deleting one record's row is then a rowid lookup, which FTS5 answers from its
own b-tree (an UNINDEXED ``kind`` column would need a scan of every row). With the
kind in the low bits, rowid order interleaves the kinds, newest records last:
the newest matches of a common word are a fair sample of every kind.

The kind codes are stored in every database: never renumber them, only add.
"""

from __future__ import annotations

FTS_TABLE = "search_fts"
META_TABLE = "search_meta"

# BM25 weights, in column order (ref, title, body, ref_x, title_x, body_x): a hit in the reference number outweighs one in the
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

KIND_BITS = 5  # room for 32 kinds
_KIND_MASK = (1 << KIND_BITS) - 1


def rowid_of(kind: str, record_id: int) -> int:
    """The index row of record ``record_id`` of ``kind``."""
    return (int(record_id) << KIND_BITS) | KIND_CODES[kind]


def record_of(rowid: int) -> tuple[str, int]:
    """``(kind, record_id)`` of an index row."""
    return KIND_OF_CODE[rowid & _KIND_MASK], rowid >> KIND_BITS


def kind_condition(kinds: list[str]) -> str:
    """SQL condition on ``rowid`` selecting rows of these kinds (codes are integers, no input)."""
    codes = ", ".join(str(KIND_CODES[k]) for k in kinds)
    return f"(rowid & {_KIND_MASK}) IN ({codes})"


def record_id_expression() -> str:
    """SQL giving the record id of an index row."""
    return f"(rowid >> {KIND_BITS})"

"""Which records the search index holds, and the keys they go under.

The index (``huedesk.db.fulltext``) has one document per searchable record. Its
key encodes the record: ``record id × 32 + kind code``, so a record's document is
found (and updated or deleted) by its key alone. The kind codes are stored in
every database: never renumber them, only add.
"""

from __future__ import annotations

from huedesk.db.fulltext import Weights, document_key, split_key

# A hit in the reference number outweighs one in the title, which outweighs one in
# the rest of the record.
WEIGHTS = Weights(ref=10.0, title=5.0, body=1.0)

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


def key_of(kind: str, record_id: int) -> int:
    """The index key of record ``record_id`` of ``kind``."""
    return document_key(KIND_CODES[kind], record_id)


def record_of(key: int) -> tuple[str, int]:
    """``(kind, record_id)`` of an index key."""
    code, record_id = split_key(key)
    return KIND_OF_CODE[code], record_id

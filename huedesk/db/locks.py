"""Locks that keep gap-free numbering and the audit hash chain correct with several writers.

A reference number is the counter's next value and an audit entry's hash covers
the previous entry's hash: both read a value and write its successor. Two writers
doing that at once would hand out the same number, or fork the chain. Each takes
the lock below before reading, and keeps it until its transaction ends
(``huedesk.db.backend.protocol.Backend.hold``): on SQLite the write transaction's
``BEGIN IMMEDIATE`` already holds the file's one write lock; a server backend takes
a transaction-scoped advisory lock (or ``SELECT … FOR UPDATE``) on the key.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from huedesk.db import backend

AUDIT_CHAIN = "audit_chain"


def counter_key(prefix: str, year: int) -> str:
    """The lock key of the reference counter ``prefix``/``year``."""
    return f"ref_counter:{prefix}:{year}"


def lock_counter(session: Session, prefix: str, year: int) -> None:
    """Hold the reference counter ``prefix``/``year`` until the transaction ends."""
    backend.of(session).hold(session, counter_key(prefix, year))


def lock_audit_chain(session: Session) -> None:
    """Hold the head of the audit hash chain until the transaction ends."""
    backend.of(session).hold(session, AUDIT_CHAIN)


def lock_stored_file(session: Session, sha256: str) -> None:
    """Hold the content ``sha256`` of the server's stored files (``huedesk.records.server_files``):
    storing it and dropping it once unused never overlap."""
    backend.of(session).hold(session, f"stored_file:{sha256}")

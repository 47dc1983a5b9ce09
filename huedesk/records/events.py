"""Listeners told of every change, inside the transaction that makes it.

A change is ``(kind, operation, row)``: the record's stored values after a
create or update, before a delete. Single writes (``huedesk.records.service``)
report each change and then ``settle`` at once; the bulk writer
(``huedesk.records.bulk``) reports the same changes, row for row, in batches
as it writes them, and settles once at the end of the load. A listener
(``Listener``) may act on each batch or note what it must do and act when
settled (the search index builds each touched document once per load, after
its child rows are in).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from sqlalchemy.orm import Session

Operation = Literal["create", "update", "delete"]
Changed = Callable[[Session, str, Operation, Sequence[dict[str, Any]]], None]
Settle = Callable[[Session], None]

BulkListener = Callable[[Session, frozenset[str]], None]

_listeners: list[tuple[Changed, Settle | None]] = []
_bulk_listeners: list[BulkListener] = []


def subscribe(changed: Changed, settle: Settle | None = None) -> None:
    """Call ``changed(session, kind, operation, rows)`` for changes, ``settle(session)`` after
    each single write and at the end of each bulk load (idempotent)."""
    if (changed, settle) not in _listeners:
        _listeners.append((changed, settle))


def unsubscribe(changed: Changed) -> None:
    _listeners[:] = [entry for entry in _listeners if entry[0] != changed]


def emit(session: Session, kind: str, operation: Operation, row: dict[str, Any]) -> None:
    """One change by a single write: reported, then settled."""
    emit_many(session, kind, operation, [row])
    settle(session)


def emit_many(
    session: Session, kind: str, operation: Operation, rows: Sequence[dict[str, Any]]
) -> None:
    """Changes of one kind and operation, in the order they were made (not settled yet)."""
    if not rows:
        return
    for changed, _settle in list(_listeners):
        changed(session, kind, operation, rows)


def settle(session: Session) -> None:
    """Every change reported so far is in the session: listeners finish their work."""
    for _changed, done in list(_listeners):
        if done is not None:
            done(session)


def subscribe_bulk(listener: BulkListener) -> None:
    """Call ``listener(session, kinds)`` after rows were loaded outside the record services.

    Only reference data seeded with the schema (the countries) is loaded that way;
    records, however many, go through the services or the bulk writer and are
    reported row by row.
    """
    if listener not in _bulk_listeners:
        _bulk_listeners.append(listener)


def emit_bulk(session: Session, kinds: frozenset[str]) -> None:
    for listener in list(_bulk_listeners):
        listener(session, kinds)

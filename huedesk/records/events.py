"""Listeners told of every change, inside the transaction that makes it.

The search index registers here so that it stays in step with every create,
update and delete without the services knowing about it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from sqlalchemy.orm import Session

Operation = Literal["create", "update", "delete"]
Listener = Callable[[Session, str, Operation, dict[str, Any]], None]

BulkListener = Callable[[Session, frozenset[str]], None]

_listeners: list[Listener] = []
_bulk_listeners: list[BulkListener] = []


def subscribe(listener: Listener) -> None:
    """Call ``listener(session, kind, operation, row)`` after each change (idempotent)."""
    if listener not in _listeners:
        _listeners.append(listener)


def unsubscribe(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def emit(session: Session, kind: str, operation: Operation, row: dict[str, Any]) -> None:
    for listener in list(_listeners):
        listener(session, kind, operation, row)


def subscribe_bulk(listener: BulkListener) -> None:
    """Call ``listener(session, kinds)`` after rows were bulk-loaded without per-row events.

    Bulk loaders (demo data, archive import) write thousands of rows with core
    INSERTs for speed; listeners catch up once per load instead of once per row.
    """
    if listener not in _bulk_listeners:
        _bulk_listeners.append(listener)


def emit_bulk(session: Session, kinds: frozenset[str]) -> None:
    for listener in list(_bulk_listeners):
        listener(session, kinds)

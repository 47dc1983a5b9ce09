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

_listeners: list[Listener] = []


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

"""Stopping a running statement from another thread (Cancel on a long list query).

A ``Stopper`` is handed to ``Database.read``. While that unit of work runs, ``stop()``
(from any thread: the window's, when the user presses Cancel) asks the database to
abandon the statement under way, through the backend (SQLite's ``interrupt``,
PostgreSQL's cancel request), and the unit of work then raises ``Stopped`` instead of
finishing a query nobody waits for. A statement interrupted this way changes nothing:
reads only, and SQLite rolls the statement back.

A stop that comes between two statements, or before the first, is not lost:
``attached`` refuses to start once stopped, and ``Database.read`` raises ``Stopped``
on leaving a unit of work that was stopped while it ran.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from huedesk.errors import HueDeskError


class Stopped(HueDeskError):
    """The unit of work was stopped (its statement interrupted) because nobody waits for it."""

    def __init__(self) -> None:
        super().__init__("Đã dừng truy vấn.", "The query was stopped.")


class Stopper:
    """Thread-safe: ``stop`` from one thread interrupts the unit of work of another."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stopped = False
        self._interrupts: list[Callable[[], None]] = []

    @property
    def stopped(self) -> bool:
        return self._stopped

    def stop(self) -> None:
        """Interrupt the statements running under this stopper; later ones do not start."""
        with self._lock:
            self._stopped = True
            interrupts = list(self._interrupts)
        for interrupt in interrupts:
            interrupt()

    def check(self) -> None:
        """Raise ``Stopped`` if ``stop`` was called."""
        if self._stopped:
            raise Stopped()

    @contextmanager
    def attached(self, interrupt: Callable[[], None]) -> Iterator[None]:
        """``stop`` calls ``interrupt`` while inside this block (raises ``Stopped`` if stopped)."""
        with self._lock:
            if self._stopped:
                raise Stopped()
            self._interrupts.append(interrupt)
        try:
            yield
        finally:
            with self._lock:
                self._interrupts.remove(interrupt)

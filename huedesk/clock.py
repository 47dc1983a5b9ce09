"""The one clock HueDesk reads: "now" and "today" come from here, never from ``datetime``.

Why: what HueDesk does depends on the time of day and the date (a daily backup is
due when the newest one is a day old, a reference number carries the year, the
start page counts days to a deadline), and tests must give the same answer at 03:00
and at 23:00. Code asks ``clock.now()`` / ``clock.today()``; a test (or the suite,
with ``--clock``) swaps the source with ``use(...)``.

File ages (a stale lock, a leftover ``.part`` file) are compared with the file
system's own clock (``time.time()`` against ``st_mtime``), not with this one.

This module imports nothing from HueDesk, so every layer (``db`` included) may use it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Source = Callable[[], dt.datetime]


def system_now() -> dt.datetime:
    """The computer's clock, aware, in UTC."""
    return dt.datetime.now(dt.UTC)


_source: Source = system_now


def now() -> dt.datetime:
    """Now, aware, in UTC."""
    return _source()


def today() -> dt.date:
    """Today's date on this computer (local time), as the user sees it."""
    return now().astimezone().date()


def set_source(source: Source) -> Source:
    """Make ``source`` the clock from now on; returns the previous one (to put back)."""
    global _source
    previous, _source = _source, source
    return previous


@contextmanager
def use(source: Source) -> Iterator[None]:
    """Within the block the clock is ``source``."""
    previous = set_source(source)
    try:
        yield
    finally:
        set_source(previous)


def fixed(at: dt.datetime) -> Source:
    """A clock that always says ``at`` (aware)."""
    if at.tzinfo is None:
        raise ValueError("a fixed clock needs an aware datetime")
    return lambda: at


def shifted(to: dt.datetime) -> Source:
    """A running clock that starts at ``to`` (aware) and advances with the real one."""
    if to.tzinfo is None:
        raise ValueError("a shifted clock needs an aware datetime")
    offset = to - system_now()
    return lambda: system_now() + offset

"""Human reference numbers: ``ĐV-2025-0012`` = prefix, year, running number in that year.

Single writes take the next number with ``next_ref`` (one counter row read and
written per record); a bulk write keeps the counters in memory with
``RefCounters`` and stores them once, with the same rule: a counter never goes
below a number in use, and a number is never handed out twice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huedesk import clock
from huedesk.db.locks import lock_counter
from huedesk.db.models import RefCounter

if TYPE_CHECKING:
    from huedesk.records.kinds import KindSpec

REF_PATTERN = re.compile(r"^(?P<prefix>[^\W\d_]{2,4})-(?P<year>\d{4})-(?P<num>\d{4,})$")


def format_ref(prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:04d}"


def parse_ref(ref: str) -> tuple[str, int, int] | None:
    """(prefix, year, number) of a reference number in HueDesk's form, else ``None``."""
    match = REF_PATTERN.match(ref)
    if not match:
        return None
    return match["prefix"], int(match["year"]), int(match["num"])


def ref_series(spec: KindSpec, values: Mapping[str, Any]) -> tuple[str, int]:
    """The series (prefix, year) a new record's number is taken from.

    The year is that of the kind's reference date (a visit's start, a case's
    opening) when given, else this year.
    """
    when = values.get(spec.ref_date_field) if spec.ref_date_field else None
    year = when.year if isinstance(when, dt.date) else clock.today().year
    return spec.prefix_for(dict(values)), year


def next_ref(session: Session, prefix: str, year: int) -> str:
    """Hand out the next number for ``prefix`` in ``year`` (inside the caller's write transaction).

    The counter stays locked until the transaction ends, so two writers never get
    the same number (``huedesk.db.locks``).
    """
    lock_counter(session, prefix, year)
    counter = session.scalar(
        select(RefCounter).where(RefCounter.prefix == prefix, RefCounter.year == year)
    )
    if counter is None:
        counter = RefCounter(prefix=prefix, year=year, last=0)
        session.add(counter)
    counter.last += 1
    session.flush()
    return format_ref(prefix, year, counter.last)


def note_used_ref(session: Session, ref: str) -> None:
    """Make sure a reference given from outside (an import) is never handed out again."""
    parsed = parse_ref(ref)
    if parsed is None:
        return
    prefix, year, num = parsed
    lock_counter(session, prefix, year)
    counter = session.scalar(
        select(RefCounter).where(RefCounter.prefix == prefix, RefCounter.year == year)
    )
    if counter is None:
        session.add(RefCounter(prefix=prefix, year=year, last=num))
    elif counter.last < num:
        counter.last = num
    session.flush()


class RefCounters:
    """The reference counters of one bulk write, kept in memory and stored by ``save``.

    Each series is locked and read when the load first uses it (as ``next_ref``
    does), and stays locked until the transaction ends.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.last: dict[tuple[str, int], int] = {}

    def _series(self, prefix: str, year: int) -> int:
        key = (prefix, year)
        if key not in self.last:
            lock_counter(self.session, prefix, year)
            stored = self.session.scalar(
                select(RefCounter.last).where(RefCounter.prefix == prefix, RefCounter.year == year)
            )
            self.last[key] = stored or 0
        return self.last[key]

    def note(self, ref: str) -> None:
        """A number given with a record: never hand it out again."""
        parsed = parse_ref(ref)
        if parsed is not None:
            prefix, year, num = parsed
            if self._series(prefix, year) < num:
                self.last[(prefix, year)] = num

    def next(self, prefix: str, year: int) -> str:
        number = self._series(prefix, year) + 1
        self.last[(prefix, year)] = number
        return format_ref(prefix, year, number)

    def save(self) -> None:
        """Store every counter the load moved (inside its transaction)."""
        rows = {(c.prefix, c.year): c for c in self.session.scalars(select(RefCounter))}
        for key, last in self.last.items():
            counter = rows.get(key)
            if counter is None:
                self.session.add(RefCounter(prefix=key[0], year=key[1], last=last))
            elif counter.last < last:
                counter.last = last
        self.session.flush()

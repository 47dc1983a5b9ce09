"""Human reference numbers: ``ĐV-2025-0012`` = prefix, year, running number in that year."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from huedesk.db.locks import lock_counter
from huedesk.db.models import RefCounter

REF_PATTERN = re.compile(r"^(?P<prefix>[^\W\d_]{2,4})-(?P<year>\d{4})-(?P<num>\d{4,})$")


def format_ref(prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:04d}"


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
    match = REF_PATTERN.match(ref)
    if not match:
        return
    prefix, year, num = match["prefix"], int(match["year"]), int(match["num"])
    lock_counter(session, prefix, year)
    counter = session.scalar(
        select(RefCounter).where(RefCounter.prefix == prefix, RefCounter.year == year)
    )
    if counter is None:
        session.add(RefCounter(prefix=prefix, year=year, last=num))
    elif counter.last < num:
        counter.last = num
    session.flush()

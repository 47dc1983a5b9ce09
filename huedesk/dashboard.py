"""What needs attention today: the start page's three lists, answered by the database.

Upcoming visits (delegations starting soon that are not cancelled or finished),
consular case deadlines (open cases due soon or already overdue) and agreements
expiring soon. Each list is a small indexed query with a limit, so the start
page opens at once on a database of any size; the UI only formats the items.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huedesk import clock
from huedesk.accounts.principal import Actor, resolve
from huedesk.db.engine import Database
from huedesk.db.enums import AgreementStatus, CaseStatus, DelegationStatus
from huedesk.db.functions import unindexed
from huedesk.records.kinds import KINDS, TOP_LEVEL

# How far ahead each list looks (days); deadlines also show everything overdue.
VISIT_HORIZON = 30
DEADLINE_HORIZON = 14
EXPIRY_HORIZON = 90
LIMIT = 50

_VISIT_ACTIVE: tuple[str, ...] = (
    DelegationStatus.PLANNED,
    DelegationStatus.APPROVED,
    DelegationStatus.IN_PROGRESS,
)
_CASE_OPEN: tuple[str, ...] = (
    CaseStatus.OPEN,
    CaseStatus.IN_PROGRESS,
    CaseStatus.AWAITING_RESPONSE,
)
_AGREEMENT_LIVE: tuple[str, ...] = (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE)


@dataclass(frozen=True)
class AttentionItem:
    """One line of the start page: which record, when, and its status."""

    kind: str
    record_id: int
    ref: str
    title: str
    when: dt.date
    status: str  # enum value; the UI shows its label
    days_left: int  # negative when overdue


@dataclass
class Attention:
    """The three lists of the start page, each with the full count behind its first rows.

    ``deadlines_shown`` is False for a user who may not see consular cases: the
    deadlines list is then not read at all (and the window leaves it out).
    """

    today: dt.date
    deadlines_shown: bool = True
    visits: list[AttentionItem] = field(default_factory=list)
    visits_total: int = 0
    deadlines: list[AttentionItem] = field(default_factory=list)
    deadlines_total: int = 0
    expiring: list[AttentionItem] = field(default_factory=list)
    expiring_total: int = 0


def _due(
    session: Session,
    kind: str,
    date_field: str,
    statuses: tuple[str, ...],
    today: dt.date,
    until: dt.date,
    since: dt.date | None,
) -> tuple[list[AttentionItem], int]:
    """Records of ``kind`` in ``statuses`` whose ``date_field`` falls in [since, until].

    The first ``LIMIT`` are read by walking the date's index in order (the status only
    filters: its index would find every planned visit of a large database and sort
    them); the count of a range bounded on both sides too, while "everything overdue"
    (no ``since``) is counted from the status index (open cases are few, past dates many).
    """
    spec = KINDS[kind]
    t = spec.table
    when = t.c[date_field]
    dates = [when.is_not(None), when <= until] + ([when >= since] if since is not None else [])
    stmt = (
        select(t.c.id, t.c.ref, t.c[spec.title_field], when, t.c.status)
        .where(*dates, unindexed(t.c.status).in_(statuses))
        .order_by(when, t.c.id)
    )
    items = [
        AttentionItem(kind, rid, ref, title, day, str(status), (day - today).days)
        for rid, ref, title, day, status in session.execute(stmt.limit(LIMIT))
    ]
    status = t.c.status if since is None else unindexed(t.c.status)
    count = select(func.count()).select_from(t).where(*dates, status.in_(statuses))
    return items, int(session.scalar(count) or 0)


def attention_in(session: Session, today: dt.date, *, with_cases: bool = True) -> Attention:
    """The start page's lists as of ``today``, inside the caller's session (consular
    deadlines only ``with_cases``)."""
    result = Attention(today, deadlines_shown=with_cases)
    days = dt.timedelta
    result.visits, result.visits_total = _due(
        session,
        "delegation",
        "start_date",
        _VISIT_ACTIVE,
        today,
        today + days(VISIT_HORIZON),
        today,
    )
    if with_cases:  # everything overdue too, so nothing slips past unseen
        result.deadlines, result.deadlines_total = _due(
            session,
            "consular_case",
            "deadline",
            _CASE_OPEN,
            today,
            today + days(DEADLINE_HORIZON),
            None,
        )
    result.expiring, result.expiring_total = _due(
        session,
        "agreement",
        "expires_on",
        _AGREEMENT_LIVE,
        today,
        today + days(EXPIRY_HORIZON),
        today,
    )
    return result


def attention(db: Database, actor: Actor, today: dt.date | None = None) -> Attention:
    """The start page's lists as ``actor`` may see them, in one read unit of work."""
    with db.read() as session:
        who = resolve(session, actor)
        return attention_in(session, today or clock.today(), with_cases=who.can_see_sensitive)


def is_empty(db: Database) -> bool:
    """True when no record of any main kind exists yet (a first run: offer demo data)."""
    with db.read() as session:
        for kind in TOP_LEVEL:
            table = KINDS[kind].table
            if session.execute(select(table.c.id).limit(1)).first() is not None:
                return False
    return True

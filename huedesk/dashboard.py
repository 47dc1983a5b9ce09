"""What needs attention today: the start page's three lists, answered by the database.

Upcoming visits (delegations starting soon that are not cancelled or finished),
consular case deadlines (open cases due soon or already overdue) and agreements
expiring soon. Each list is a small indexed query with a limit, so the start
page opens at once on a database of any size; the UI only formats the items.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from huedesk.db.engine import Database
from huedesk.db.enums import AgreementStatus, CaseStatus, DelegationStatus
from huedesk.db.models import Agreement, ConsularCase, Delegation
from huedesk.records.kinds import KINDS, TOP_LEVEL

# How far ahead each list looks (days); deadlines also show everything overdue.
VISIT_HORIZON = 30
DEADLINE_HORIZON = 14
EXPIRY_HORIZON = 90
LIMIT = 50

_VISIT_ACTIVE = (DelegationStatus.PLANNED, DelegationStatus.APPROVED, DelegationStatus.IN_PROGRESS)
_CASE_OPEN = (CaseStatus.OPEN, CaseStatus.IN_PROGRESS, CaseStatus.AWAITING_RESPONSE)
_AGREEMENT_LIVE = (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE)


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
    """The three lists of the start page, each with the full count behind its first rows."""

    today: dt.date
    visits: list[AttentionItem] = field(default_factory=list)
    visits_total: int = 0
    deadlines: list[AttentionItem] = field(default_factory=list)
    deadlines_total: int = 0
    expiring: list[AttentionItem] = field(default_factory=list)
    expiring_total: int = 0


def _items(
    session: Session, kind: str, stmt: Select[tuple[int, str, str, dt.date, str]], today: dt.date
) -> list[AttentionItem]:
    return [
        AttentionItem(kind, rid, ref, title, when, str(status), (when - today).days)
        for rid, ref, title, when, status in session.execute(stmt.limit(LIMIT))
    ]


def _count(session: Session, stmt: Select[tuple[int, str, str, dt.date, str]]) -> int:
    return int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)


def attention_in(session: Session, today: dt.date) -> Attention:
    """The start page's lists as of ``today``, inside the caller's session."""
    result = Attention(today)
    visits = (
        select(
            Delegation.id,
            Delegation.ref,
            Delegation.title,
            Delegation.start_date,
            Delegation.status,
        )
        .where(
            Delegation.start_date >= today,
            Delegation.start_date <= today + dt.timedelta(days=VISIT_HORIZON),
            Delegation.status.in_(_VISIT_ACTIVE),
        )
        .order_by(Delegation.start_date, Delegation.id)
    )
    result.visits = _items(session, "delegation", visits, today)
    result.visits_total = _count(session, visits)

    deadlines = (
        select(
            ConsularCase.id,
            ConsularCase.ref,
            ConsularCase.title,
            ConsularCase.deadline,
            ConsularCase.status,
        )
        .where(
            ConsularCase.deadline.is_not(None),
            ConsularCase.deadline <= today + dt.timedelta(days=DEADLINE_HORIZON),
            ConsularCase.status.in_(_CASE_OPEN),
        )
        .order_by(ConsularCase.deadline, ConsularCase.id)
    )
    result.deadlines = _items(session, "consular_case", deadlines, today)
    result.deadlines_total = _count(session, deadlines)

    expiring = (
        select(Agreement.id, Agreement.ref, Agreement.title, Agreement.expires_on, Agreement.status)
        .where(
            Agreement.expires_on.is_not(None),
            Agreement.expires_on >= today,
            Agreement.expires_on <= today + dt.timedelta(days=EXPIRY_HORIZON),
            Agreement.status.in_(_AGREEMENT_LIVE),
        )
        .order_by(Agreement.expires_on, Agreement.id)
    )
    result.expiring = _items(session, "agreement", expiring, today)
    result.expiring_total = _count(session, expiring)
    return result


def attention(db: Database, today: dt.date | None = None) -> Attention:
    """The start page's lists, in one read unit of work."""
    with db.read() as session:
        return attention_in(session, today or dt.date.today())


def is_empty(db: Database) -> bool:
    """True when no record of any main kind exists yet (a first run: offer demo data)."""
    with db.read() as session:
        for kind in TOP_LEVEL:
            table = KINDS[kind].table
            if session.execute(select(table.c.id).limit(1)).first() is not None:
                return False
    return True

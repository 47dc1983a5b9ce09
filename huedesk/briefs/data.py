"""Plain, frozen snapshots of what a delegation brief prints, and the pieces every brief shares.

A consular case summary's own are in ``briefs.case_data``, an aid statement's in
``briefs.aid_data``: a frozen dataclass costs ~1 ms to create on Python 3.11, so a
brief loads only its own kind's (issue #16). The gatherers fill these from one
read-only session; the layouts only read them. No ORM object crosses that line, so a layout can never trigger a lazy
load (one query per row) or touch a closed session. Enum members stay enum
members so the layout can ask them for their label in either language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from huedesk.db.enums import (
    AgreementStatus,
    AgreementType,
    AidStatus,
    DelegationStatus,
    Direction,
    FdiStatus,
    Gender,
    GiftDirection,
    LocalityLevel,
    OrgType,
    PartnershipStatus,
    RelationType,
    SigningLevel,
    TaskStatus,
)
from huedesk.text import Names  # one bilingual name for briefs and figures


@dataclass(frozen=True)
class OrgInfo:
    """An organisation's profile: a delegation's partner, an aid statement's donor."""

    ref: str
    name: Names
    org_type: OrgType
    country: Names | None
    address: str | None
    website: str | None


@dataclass(frozen=True)
class TaskLine:
    title: str
    due_date: dt.date | None
    assignee: str | None
    status: TaskStatus
    source_ref: str | None = None  # the record it came from, when it is not the brief's own

    @property
    def open(self) -> bool:
        return self.status is not TaskStatus.DONE


# --- delegation brief -------------------------------------------------------------------


@dataclass(frozen=True)
class MemberLine:
    name: str
    position: str | None
    organisation: Names | None
    nationality: Names | None
    title: str | None
    form_of_address: str | None
    language: str | None
    dietary_needs: str | None
    is_head: bool
    gender: Gender | None = None
    precedence: int = 100


@dataclass(frozen=True)
class ProgrammeLine:
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    place: str | None
    activity: str
    hue_participants: str | None
    responsible_office: str | None


@dataclass(frozen=True)
class VisitLine:
    ref: str
    direction: Direction
    title: str
    start_date: dt.date
    end_date: dt.date | None
    status: DelegationStatus
    outcomes: str | None = None


@dataclass(frozen=True)
class GiftLine:
    visit_ref: str
    visit_date: dt.date
    direction: GiftDirection
    description: str
    giver: str | None
    recipient: str | None


@dataclass(frozen=True)
class PartnershipLine:
    ref: str
    partner: Names
    relation_type: RelationType
    level: LocalityLevel
    since: dt.date | None
    status: PartnershipStatus


@dataclass(frozen=True)
class AgreementLine:
    ref: str
    title: str
    agreement_type: AgreementType
    signing_level: SigningLevel
    signed_on: dt.date | None
    expires_on: dt.date | None
    status: AgreementStatus


@dataclass(frozen=True)
class AidLine:
    ref: str
    title: str
    committed_amount: int
    currency: str
    disbursed_vnd: int
    status: AidStatus
    disbursed_amount: int = 0  # in the project's own currency

    @property
    def share_disbursed(self) -> float | None:
        if not self.committed_amount:
            return None
        return self.disbursed_amount / self.committed_amount


@dataclass(frozen=True)
class FdiLine:
    ref: str
    name: str
    registered_capital: int
    currency: str
    licence_date: dt.date | None
    status: FdiStatus


@dataclass(frozen=True)
class DelegationBrief:
    """Everything a delegation brief prints, the state of relations with the partner included.

    ``visits`` are all earlier exchanges with the partner (or, without one, the
    latest with the country), newest first; ``open_tasks`` the follow-ups still
    open on this visit and on any record of the partner's (earlier visits,
    agreements, partnerships, aid projects).
    """

    ref: str
    direction: Direction
    title: str
    country: Names
    partner: OrgInfo | None
    purpose: str | None
    start_date: dt.date
    end_date: dt.date | None
    status: DelegationStatus
    hosts: str | None
    talking_points: str | None
    press: str | None
    outcomes: str | None
    documents_signed: str | None
    approval_decision: str | None
    budget_vnd: int | None
    itinerary: str | None
    notes: str | None
    members: tuple[MemberLine, ...]
    programme: tuple[ProgrammeLine, ...]
    gifts: tuple[GiftLine, ...]
    history_by_country: bool
    visits: tuple[VisitLine, ...]
    partnerships: tuple[PartnershipLine, ...]
    agreements: tuple[AgreementLine, ...]
    aid: tuple[AidLine, ...]
    fdi: tuple[FdiLine, ...]
    earlier_gifts: tuple[GiftLine, ...]
    tasks: tuple[TaskLine, ...]
    open_tasks: tuple[TaskLine, ...] = ()

    @property
    def completed(self) -> bool:
        return self.status in (DelegationStatus.COMPLETED, DelegationStatus.REPORTED)

    @property
    def inbound(self) -> bool:
        return self.direction is Direction.INBOUND

    @property
    def first_day(self) -> dt.date:
        """The real first day: the record's start, or the programme's if it starts earlier."""
        days = [self.start_date, *(p.starts_at.date() for p in self.programme[:1])]
        return min(days)

    @property
    def last_day(self) -> dt.date:
        """The real last day: the record's end, or the programme's if it runs longer."""
        days = [self.end_date or self.start_date]
        days += [(p.ends_at or p.starts_at).date() for p in self.programme]
        return max(days)

    @property
    def head(self) -> MemberLine | None:
        return next((m for m in self.members if m.is_head), None)

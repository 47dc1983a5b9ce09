"""Plain, frozen snapshots of what each brief prints.

The gatherers fill these from one read-only session; the layouts only read
them. No ORM object crosses that line, so a layout can never trigger a lazy
load (one query per row) or touch a closed session. Enum members stay enum
members so the layout can ask them for their label in either language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from huedesk.db.enums import (
    AgreementStatus,
    AgreementType,
    AidStatus,
    CaseRole,
    CaseStatus,
    CaseType,
    DelegationStatus,
    Direction,
    FdiStatus,
    Gender,
    GiftDirection,
    InformationSource,
    LocalityLevel,
    OrgType,
    PartnershipStatus,
    RelationType,
    Sector,
    SigningLevel,
    TaskStatus,
    TransactionType,
)
from huedesk.stats.model import Names  # one bilingual name for briefs and figures


class Withheld:
    """Stands in for a personal value left out of a redacted brief (the value never loads)."""

    _instance: Withheld | None = None

    def __new__(cls) -> Withheld:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "WITHHELD"


WITHHELD = Withheld()


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


# --- consular case summary --------------------------------------------------------------


@dataclass(frozen=True)
class CasePersonLine:
    name: str
    role: CaseRole
    gender: Gender | None
    date_of_birth: dt.date | Withheld | None
    nationality: Names | None
    passport_no: str | Withheld | None
    phone: str | Withheld | None
    email: str | Withheld | None
    address: str | Withheld | None
    notes: str | None


@dataclass(frozen=True)
class ActionLine:
    taken_at: dt.datetime
    action: str
    officer: str | None
    next_step: str | None


@dataclass(frozen=True)
class ConsentLine:
    person: str
    recipient: str
    scope: str | None
    given_on: dt.date
    withdrawn_on: dt.date | None


@dataclass(frozen=True)
class CaseBrief:
    """A consular case with its people, actions and consents; personal fields may be withheld."""

    ref: str
    case_type: CaseType
    title: str
    country: Names
    location: str | None
    facts: str | None
    opened_on: dt.date
    closed_on: dt.date | None
    deadline: dt.date | None
    status: CaseStatus
    officer: str | None
    information_source: InformationSource
    source_detail: str | None
    consulate_notified_at: dt.datetime | None
    outcome: str | None
    notes: str | None
    people: tuple[CasePersonLine, ...]
    actions: tuple[ActionLine, ...]
    consents: tuple[ConsentLine, ...]
    tasks: tuple[TaskLine, ...]
    redacted: bool


# --- aid statement ----------------------------------------------------------------------


@dataclass(frozen=True)
class AidTxLine:
    project_ref: str
    value_date: dt.date
    tx_type: TransactionType
    tranche: str | None
    amount: int
    currency: str
    rate_to_vnd: Decimal | None
    amount_vnd: int
    document_ref: str | None


@dataclass(frozen=True)
class AidProjectSummary:
    """One project's commitment against its disbursements, in its currency and in VND.

    ``committed_vnd`` is None when a foreign-currency commitment has no rate yet;
    ``committed_estimated`` says the rate was borrowed from a non-commitment
    transaction. ``disbursed_amount`` is None when disbursements came in another
    currency than the commitment (then only VND totals are comparable).
    """

    ref: str
    title: str
    donor: Names
    sector: Sector
    status: AidStatus
    beneficiary: str | None
    approval_decision: str | None
    approved_on: dt.date | None
    start_date: dt.date | None
    end_date: dt.date | None
    notes: str | None
    currency: str
    committed_amount: int
    committed_vnd: int | None
    committed_estimated: bool
    disbursed_amount: int | None
    disbursed_vnd: int
    disbursed_period_vnd: int

    @property
    def outstanding_amount(self) -> int | None:
        """What is still to be disbursed, in the commitment's currency (never below zero)."""
        if self.disbursed_amount is None:
            return None
        return max(0, self.committed_amount - self.disbursed_amount)

    @property
    def outstanding_vnd(self) -> int | None:
        """What is still to be disbursed, valued at the commitment's own rate.

        Valuing it at the rate of the commitment keeps the statement adding up:
        committed = disbursed − exchange-rate difference + outstanding.
        """
        if self.committed_vnd is None or self.outstanding_amount is None:
            return None
        if self.currency == "VND" or not self.committed_amount:
            return self.outstanding_amount if self.currency == "VND" else 0
        return _share(self.committed_vnd, self.outstanding_amount, self.committed_amount)

    @property
    def fx_vnd(self) -> int | None:
        """The exchange-rate difference: disbursements at their own rates against the same
        amounts at the commitment's rate (positive when the đồng value rose). Never money owed."""
        if self.committed_vnd is None or self.disbursed_amount is None:
            return None
        if self.currency == "VND":
            return 0
        if self.disbursed_amount > self.committed_amount and self.committed_amount:
            # Disbursed beyond the commitment: the excess is not a rate difference.
            at_commitment = _share(self.committed_vnd, self.disbursed_amount, self.committed_amount)
        else:
            at_commitment = self.committed_vnd - (self.outstanding_vnd or 0)
        return self.disbursed_vnd - at_commitment

    @property
    def disbursed_before_vnd(self) -> int:
        """Disbursed before the statement's period (a year's statement: in earlier years)."""
        return self.disbursed_vnd - self.disbursed_period_vnd

    @property
    def other_vnd(self) -> int:
        """What the balance cannot split into a rate difference and what is left, so that
        committed = disbursed − exchange-rate difference + not yet disbursed + this.

        Zero for a project whose every disbursement is in its own currency and within its
        commitment; see ``other_reason`` for the rest.
        """
        return (
            (self.committed_vnd or 0)
            - self.disbursed_vnd
            + (self.fx_vnd or 0)
            - (self.outstanding_vnd or 0)
        )

    @property
    def other_reason(self) -> str | None:
        """Why ``other_vnd`` is not zero: ``no_rate``, ``mixed`` (disbursed in another
        currency than committed) or ``over`` (disbursed beyond the commitment)."""
        if not self.other_vnd:
            return None
        if self.committed_vnd is None:
            return "no_rate"
        if self.disbursed_amount is None:
            return "mixed"
        return "over"


def _share(total: int, part: int, whole: int) -> int:
    """``total × part / whole`` rounded half up, in integers (money is never a float)."""
    return (2 * total * part + whole) // (2 * whole)


@dataclass(frozen=True)
class AidStatement:
    """Projects in scope (one project, one donor's, or one year's) and their transactions."""

    scope: str  # "project" | "donor" | "year"
    reference: str  # what the footer names: a project ref, a donor ref or the year
    donor: OrgInfo | None
    year: int | None
    projects: tuple[AidProjectSummary, ...]
    transactions: tuple[AidTxLine, ...]

    @property
    def committed_vnd(self) -> int:
        return sum(p.committed_vnd or 0 for p in self.projects)

    @property
    def disbursed_vnd(self) -> int:
        return sum(p.disbursed_vnd for p in self.projects)

    @property
    def disbursed_period_vnd(self) -> int:
        return sum(p.disbursed_period_vnd for p in self.projects)

    @property
    def outstanding_vnd(self) -> int:
        return sum(p.outstanding_vnd or 0 for p in self.projects)

    @property
    def fx_vnd(self) -> int:
        return sum(p.fx_vnd or 0 for p in self.projects)

    @property
    def disbursed_before_vnd(self) -> int:
        return sum(p.disbursed_before_vnd for p in self.projects)

    @property
    def other_vnd(self) -> int:
        return sum(p.other_vnd for p in self.projects)

    @property
    def any_estimated(self) -> bool:
        return any(p.committed_estimated for p in self.projects)

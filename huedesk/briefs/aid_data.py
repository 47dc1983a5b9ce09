"""Plain, frozen snapshots of what an aid statement prints (see ``briefs.data``).

Kept apart from the delegation brief's, so printing one loads only its own classes
(a frozen dataclass costs ~1 ms to create on Python 3.11; issue #16).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from huedesk.briefs.data import Names, OrgInfo
from huedesk.db.enums import (
    AidStatus,
    Sector,
    TransactionType,
)


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

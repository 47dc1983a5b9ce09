"""What the yearly review prints: the year's figures, the written sections, the appendix lists.

Plain frozen values, gathered in one read session (``gather_year``); the layout
(``year``) only reads them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from huedesk.stats.model import Figures, Names
from huedesk.stats.review_texts import ReviewWriting


@dataclass(frozen=True)
class VisitLine:
    """A delegation in the appendix."""

    ref: str
    title: str
    partner: Names | None
    country: Names
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True)
class PairLine:
    """A partnership in force at the end of the year."""

    ref: str
    partner: Names
    country: Names
    level: Names
    since: dt.date | None


@dataclass(frozen=True)
class AgreementLine:
    """An agreement signed in the year."""

    ref: str
    title: str
    counterpart: Names | None
    signing_level: Names
    signed_on: dt.date | None


@dataclass(frozen=True)
class FdiLine:
    """An FDI project licensed in the year."""

    ref: str
    name: str
    country: Names
    sector: Names
    capital: int
    currency: str
    licence_date: dt.date | None


@dataclass(frozen=True)
class AidLine:
    """An aid project with money committed or disbursed in the year (VND)."""

    ref: str
    title: str
    donor: Names
    committed_vnd: int | None  # approved in the year: its commitment; otherwise None
    disbursed_vnd: int


@dataclass(frozen=True)
class EventLine:
    """An international event held in the year."""

    ref: str
    title: str
    event_type: Names
    start: dt.date
    end: dt.date | None
    participants: int | None


@dataclass(frozen=True)
class Appendix:
    """The year's records, listed at the end of the review (never in its body)."""

    inbound: tuple[VisitLine, ...] = ()
    outbound: tuple[VisitLine, ...] = ()
    pairs: tuple[PairLine, ...] = ()
    agreements: tuple[AgreementLine, ...] = ()
    fdi: tuple[FdiLine, ...] = ()
    aid: tuple[AidLine, ...] = ()
    events: tuple[EventLine, ...] = ()


@dataclass(frozen=True)
class YearReview:
    """The yearly review of ``year``: figures beside the year before, texts, appendix."""

    year: int
    figures: Figures
    writing: ReviewWriting
    appendix: Appendix

    @property
    def previous_year(self) -> int:
        return self.figures.previous.start.year

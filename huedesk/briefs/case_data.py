"""Plain, frozen snapshots of what a consular case summary prints (see ``briefs.data``).

Kept apart from the delegation brief's, so printing one loads only its own classes
(a frozen dataclass costs ~1 ms to create on Python 3.11; issue #16).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from huedesk.briefs.data import Names, TaskLine
from huedesk.db.enums import (
    CaseRole,
    CaseStatus,
    CaseType,
    Gender,
    InformationSource,
)


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

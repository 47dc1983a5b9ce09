"""Read a consular case into a ``CaseBrief``, leaving personal data out when redacting.

Redaction happens here, not in the layout: a redacted brief's data never holds
the passport numbers, dates of birth or contacts, so no layout slip can print
them. ``WITHHELD`` marks a value that exists but was left out, so the reader
can tell "withheld" from "not recorded".
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huedesk.briefs.case_data import (
    WITHHELD,
    ActionLine,
    CaseBrief,
    CasePersonLine,
    ConsentLine,
    Withheld,
)
from huedesk.briefs.data import Names
from huedesk.briefs.gather_common import country_names, one_row, tasks_from
from huedesk.db import models

# Core tables, not the ORM classes: a brief reads plain rows, so printing one configures
# no ORM mapper (start-up, issue #16; tests/cli/test_startup.py).
case_action = models.CaseAction.__table__
case_consent = models.CaseConsent.__table__
case_person = models.CasePerson.__table__
consular_case = models.ConsularCase.__table__
person = models.Person.__table__


def _mask(value: Any, redact: bool) -> Any | Withheld:
    return WITHHELD if redact and value not in (None, "") else value


def gather_case(session: Session, record_id: int, *, redact: bool = False) -> CaseBrief:
    """The summary's data for consular case ``record_id`` (``NotFoundError`` if none)."""
    officer = person.alias()
    c = one_row(
        session,
        "consular_case",
        select(consular_case, officer.c.full_name.label("officer_name"))
        .outerjoin(officer, officer.c.id == consular_case.c.officer_id)
        .where(consular_case.c.id == record_id),
        record_id,
    )
    people_rows = session.execute(
        select(
            person.c.full_name,
            case_person.c.role,
            person.c.gender,
            person.c.date_of_birth,
            person.c.nationality,
            person.c.passport_no,
            person.c.phone,
            person.c.email,
            person.c.address,
            case_person.c.notes,
        )
        .join(person, person.c.id == case_person.c.person_id)
        .where(case_person.c.case_id == record_id)
        .order_by(case_person.c.id)
    ).all()
    names = country_names(session, [c.country_code, *(r[4] for r in people_rows)])
    people = tuple(
        CasePersonLine(
            name=r[0],
            role=r[1],
            gender=r[2],
            date_of_birth=_mask(r[3], redact),
            nationality=names.get(r[4]) if r[4] else None,
            passport_no=_mask(r[5], redact),
            phone=_mask(r[6], redact),
            email=_mask(r[7], redact),
            address=_mask(r[8], redact),
            notes=r[9],
        )
        for r in people_rows
    )
    actions = tuple(
        ActionLine(*r)
        for r in session.execute(
            select(
                case_action.c.taken_at,
                case_action.c.action,
                case_action.c.officer,
                case_action.c.next_step,
            )
            .where(case_action.c.case_id == record_id)
            .order_by(case_action.c.taken_at, case_action.c.id)
        ).all()
    )
    consents = tuple(
        ConsentLine(*r)
        for r in session.execute(
            select(
                person.c.full_name,
                case_consent.c.recipient,
                case_consent.c.scope,
                case_consent.c.given_on,
                case_consent.c.withdrawn_on,
            )
            .join(person, person.c.id == case_consent.c.person_id)
            .where(case_consent.c.case_id == record_id)
            .order_by(case_consent.c.given_on, case_consent.c.id)
        ).all()
    )
    return CaseBrief(
        ref=c.ref,
        case_type=c.case_type,
        title=c.title,
        country=names.get(c.country_code, Names(c.country_code)),
        location=c.location,
        facts=c.facts,
        opened_on=c.opened_on,
        closed_on=c.closed_on,
        deadline=c.deadline,
        status=c.status,
        officer=c.officer_name,
        information_source=c.information_source,
        source_detail=c.source_detail,
        consulate_notified_at=c.consulate_notified_at,
        outcome=c.outcome,
        notes=c.notes,
        people=people,
        actions=actions,
        consents=consents,
        tasks=tasks_from(session, c.uuid),
        redacted=redact,
    )

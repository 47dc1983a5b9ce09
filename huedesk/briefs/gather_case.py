"""Read a consular case into a ``CaseBrief``, leaving personal data out when redacting.

Redaction happens here, not in the layout: a redacted brief's data never holds
the passport numbers, dates of birth or contacts, so no layout slip can print
them. ``WITHHELD`` marks a value that exists but was left out, so the reader
can tell "withheld" from "not recorded".
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from huedesk.briefs.data import (
    WITHHELD,
    ActionLine,
    CaseBrief,
    CasePersonLine,
    ConsentLine,
    Names,
    Withheld,
)
from huedesk.briefs.gather_common import country_names, one_row, tasks_from
from huedesk.db.models import CaseAction, CaseConsent, CasePerson, ConsularCase, Person


def _mask(value: Any, redact: bool) -> Any | Withheld:
    return WITHHELD if redact and value not in (None, "") else value


def gather_case(session: Session, record_id: int, *, redact: bool = False) -> CaseBrief:
    """The summary's data for consular case ``record_id`` (``NotFoundError`` if none)."""
    officer = aliased(Person)
    c, officer_name = one_row(
        session,
        "consular_case",
        select(ConsularCase, officer.full_name)
        .outerjoin(officer, officer.id == ConsularCase.officer_id)
        .where(ConsularCase.id == record_id),
        record_id,
    )
    people_rows = session.execute(
        select(
            Person.full_name,
            CasePerson.role,
            Person.gender,
            Person.date_of_birth,
            Person.nationality,
            Person.passport_no,
            Person.phone,
            Person.email,
            Person.address,
            CasePerson.notes,
        )
        .join(Person, Person.id == CasePerson.person_id)
        .where(CasePerson.case_id == record_id)
        .order_by(CasePerson.id)
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
            select(CaseAction.taken_at, CaseAction.action, CaseAction.officer, CaseAction.next_step)
            .where(CaseAction.case_id == record_id)
            .order_by(CaseAction.taken_at, CaseAction.id)
        ).all()
    )
    consents = tuple(
        ConsentLine(*r)
        for r in session.execute(
            select(
                Person.full_name,
                CaseConsent.recipient,
                CaseConsent.scope,
                CaseConsent.given_on,
                CaseConsent.withdrawn_on,
            )
            .join(Person, Person.id == CaseConsent.person_id)
            .where(CaseConsent.case_id == record_id)
            .order_by(CaseConsent.given_on, CaseConsent.id)
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
        officer=officer_name,
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

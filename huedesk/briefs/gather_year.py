"""Count a year's foreign-affairs work into a ``YearReview``: one grouped query per section.

Cancelled visits, cases and events are left out of the counts; a partnership
is active at the end of the year when it is established and began by then.
Aid figures come from the aid statement's own gatherer, so the review and
``huedesk brief aid --year`` can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from huedesk.briefs.data import (
    AidBySector,
    CasesByType,
    CountryVisits,
    EventLine,
    FdiByCountry,
    Names,
    NewPartnership,
    SignedAgreement,
    YearReview,
)
from huedesk.briefs.gather_aid import gather_aid
from huedesk.briefs.gather_common import country_names
from huedesk.db.enums import (
    CaseStatus,
    DelegationStatus,
    Direction,
    EventStatus,
    FdiStatus,
    PartnershipStatus,
)
from huedesk.db.models import (
    Agreement,
    ConsularCase,
    Delegation,
    Event,
    FdiProject,
    Organisation,
    Partnership,
)


def gather_year(session: Session, year: int) -> YearReview:
    """The review of ``year`` (an empty year gives zeros and empty tables, not an error)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)

    visit_rows = session.execute(
        select(
            Delegation.country_code,
            func.sum(case((Delegation.direction == Direction.INBOUND, 1), else_=0)),
            func.sum(case((Delegation.direction == Direction.OUTBOUND, 1), else_=0)),
        )
        .where(
            Delegation.start_date.between(start, end),
            Delegation.status != DelegationStatus.CANCELLED,
        )
        .group_by(Delegation.country_code)
    ).all()
    agreement_rows = session.execute(
        select(
            Agreement.ref,
            Agreement.title,
            Organisation.name,
            Organisation.name_en,
            Agreement.signing_level,
            Agreement.signed_on,
            Agreement.status,
        )
        .outerjoin(Organisation, Organisation.id == Agreement.counterpart_id)
        .where(Agreement.signed_on.between(start, end))
        .order_by(Agreement.signed_on, Agreement.id)
    ).all()
    active = session.scalar(
        select(func.count())
        .select_from(Partnership)
        .where(
            Partnership.status == PartnershipStatus.ESTABLISHED,
            (Partnership.since.is_(None)) | (Partnership.since <= end),
        )
    )
    new_rows = session.execute(
        select(
            Organisation.name,
            Organisation.name_en,
            Partnership.country_code,
            Partnership.relation_type,
            Partnership.since,
        )
        .join(Organisation, Organisation.id == Partnership.partner_id)
        .where(Partnership.since.between(start, end))
        .order_by(Partnership.since, Partnership.id)
    ).all()
    fdi_rows = session.execute(
        select(
            FdiProject.country_code,
            FdiProject.currency,
            func.count(),
            func.sum(FdiProject.registered_capital),
        )
        .where(
            FdiProject.licence_date.between(start, end),
            FdiProject.status.not_in([FdiStatus.PROPOSED, FdiStatus.TERMINATED]),
        )
        .group_by(FdiProject.country_code, FdiProject.currency)
    ).all()
    case_rows = session.execute(
        select(
            ConsularCase.case_type,
            func.count(),
            func.sum(
                case(
                    (ConsularCase.status.in_([CaseStatus.RESOLVED, CaseStatus.CLOSED]), 1),
                    else_=0,
                )
            ),
        )
        .where(
            ConsularCase.opened_on.between(start, end),
            ConsularCase.status != CaseStatus.CANCELLED,
        )
        .group_by(ConsularCase.case_type)
        .order_by(func.count().desc())
    ).all()
    event_rows = session.execute(
        select(
            Event.title,
            Event.event_type,
            Event.start_date,
            Event.end_date,
            Event.venue,
            Event.foreign_participants,
        )
        .where(Event.start_date.between(start, end), Event.status != EventStatus.CANCELLED)
        .order_by(Event.start_date, Event.id)
    ).all()

    names = country_names(
        session,
        [r[0] for r in visit_rows] + [r[2] for r in new_rows] + [r[0] for r in fdi_rows],
    )

    def country(code: str) -> Names:
        return names.get(code, Names(code))

    visits = sorted(
        (CountryVisits(country(code), int(i or 0), int(o or 0)) for code, i, o in visit_rows),
        key=lambda v: (-(v.inbound + v.outbound), v.country.vi),
    )
    fdi = sorted(
        (FdiByCountry(country(code), int(n), int(cap or 0), cur) for code, cur, n, cap in fdi_rows),
        key=lambda f: (f.currency != "USD", -f.capital),
    )
    aid = gather_aid(session, year=year)
    approved = [p for p in aid.projects if p.approved_on and p.approved_on.year == year]
    by_sector: dict[object, list[int]] = defaultdict(lambda: [0, 0])
    for p in approved:
        by_sector[p.sector][0] += 1
        by_sector[p.sector][1] += p.committed_vnd or 0
    return YearReview(
        year=year,
        visits=tuple(visits),
        agreements=tuple(
            SignedAgreement(r[0], r[1], Names(r[2], r[3]) if r[2] else None, *r[4:])
            for r in agreement_rows
        ),
        partnerships_active=int(active or 0),
        partnerships_new=tuple(
            NewPartnership(Names(r[0], r[1]), country(r[2]), r[3], r[4]) for r in new_rows
        ),
        fdi=tuple(fdi),
        aid_projects=len(approved),
        aid_committed_vnd=sum(p.committed_vnd or 0 for p in approved),
        aid_disbursed_vnd=aid.disbursed_period_vnd,
        aid_by_sector=tuple(
            AidBySector(sector, n, vnd)  # type: ignore[arg-type]
            for sector, (n, vnd) in sorted(by_sector.items(), key=lambda kv: -kv[1][1])
        ),
        cases=tuple(CasesByType(t, int(n), int(s or 0)) for t, n, s in case_rows),
        events=tuple(EventLine(*r) for r in event_rows),
    )

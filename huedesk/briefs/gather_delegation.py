"""Read a delegation and its history with the partner into a ``DelegationBrief``.

One read session and a fixed number of queries however many members,
programme items or earlier visits there are. History is the partner's when the
delegation names one; otherwise it is the country's, capped to the most recent
entries so a brief for a visit from Japan does not list every Japanese record.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, or_, select, union_all
from sqlalchemy.orm import Session

from huedesk.briefs.data import (
    AgreementLine,
    AidLine,
    DelegationBrief,
    FdiLine,
    GiftLine,
    MemberLine,
    Names,
    PartnershipLine,
    ProgrammeLine,
    TaskLine,
    VisitLine,
)
from huedesk.briefs.gather_common import country_names, one_row, org_info, tasks_from
from huedesk.db import models
from huedesk.db.enums import DelegationStatus, TaskStatus, TransactionType

# Core tables, not the ORM classes: a brief reads plain rows, so printing one configures
# no ORM mapper (start-up, issue #16; tests/cli/test_startup.py).
agreement = models.Agreement.__table__
aid_project = models.AidProject.__table__
aid_transaction = models.AidTransaction.__table__
delegation = models.Delegation.__table__
delegation_member = models.DelegationMember.__table__
fdi_project = models.FdiProject.__table__
follow_up_task = models.FollowUpTask.__table__
gift = models.Gift.__table__
organisation = models.Organisation.__table__
partnership = models.Partnership.__table__
person = models.Person.__table__
programme_item = models.ProgrammeItem.__table__

COUNTRY_HISTORY_LIMIT = 15
# Gifts of earlier visits count once the visit took place (a planned gift was not given yet).
_DONE = (DelegationStatus.COMPLETED, DelegationStatus.REPORTED)


def gather_delegation(session: Session, record_id: int) -> DelegationBrief:
    """The brief's data for delegation ``record_id`` (``NotFoundError`` if there is none)."""
    d = one_row(
        session, "delegation", select(delegation).where(delegation.c.id == record_id), record_id
    )
    partner_id, country_code, uuid, start = d.partner_id, d.country_code, d.uuid, d.start_date
    partner = org_info(session, partner_id) if partner_id is not None else None
    by_country = partner_id is None

    def key_col(partner_col: Any, country_col: Any) -> Any:
        """The history filter: same partner, or same country when there is no partner."""
        return country_col == country_code if by_country else partner_col == partner_id

    limit = COUNTRY_HISTORY_LIMIT if by_country else None

    earlier = (
        key_col(delegation.c.partner_id, delegation.c.country_code),
        delegation.c.start_date < start,
        delegation.c.id != record_id,
    )
    visits = _visits(session, earlier, limit)
    partnerships = _partnerships(
        session, key_col(partnership.c.partner_id, partnership.c.country_code), limit
    )
    agreement_filter = key_col(agreement.c.counterpart_id, agreement.c.country_code)
    if partnerships and not by_country:
        agreement_filter = or_(
            agreement_filter,
            agreement.c.partnership_id.in_(
                select(partnership.c.id).where(partnership.c.partner_id == partner_id)
            ),
        )
    donor = organisation.alias()
    aid_filter = (
        aid_project.c.donor_id.in_(select(donor.c.id).where(donor.c.country_code == country_code))
        if by_country
        else aid_project.c.donor_id == partner_id
    )
    names = country_names(session, [country_code])
    tasks = tasks_from(session, uuid)
    open_tasks = tuple(t for t in tasks if t.open)
    if not by_country:
        open_tasks += _partner_tasks(session, partner_id, record_id)
    return DelegationBrief(
        ref=d.ref,
        direction=d.direction,
        title=d.title,
        country=names.get(country_code, Names(country_code)),
        partner=partner,
        purpose=d.purpose,
        start_date=d.start_date,
        end_date=d.end_date,
        status=d.status,
        hosts=d.hosts,
        talking_points=d.talking_points,
        press=d.press,
        outcomes=d.outcomes,
        documents_signed=d.documents_signed,
        approval_decision=d.approval_decision,
        budget_vnd=d.budget_vnd,
        itinerary=d.itinerary,
        notes=d.notes,
        members=_members(session, record_id),
        programme=_programme(session, record_id),
        gifts=_gifts(session, gift.c.delegation_id == record_id),
        history_by_country=by_country,
        visits=visits,
        partnerships=partnerships,
        agreements=_agreements(session, agreement_filter, limit),
        aid=_aid(session, aid_filter, limit),
        fdi=_fdi(session, key_col(fdi_project.c.investor_id, fdi_project.c.country_code), limit),
        earlier_gifts=_gifts(session, *earlier, delegation.c.status.in_(_DONE)),
        tasks=tasks,
        open_tasks=open_tasks,
    )


def _partner_tasks(session: Session, partner_id: int, record_id: int) -> tuple[TaskLine, ...]:
    """Open follow-ups on the partner's other records: visits, agreements, partnerships, aid."""
    sources = union_all(
        select(delegation.c.uuid, delegation.c.ref).where(
            delegation.c.partner_id == partner_id, delegation.c.id != record_id
        ),
        select(agreement.c.uuid, agreement.c.ref).where(agreement.c.counterpart_id == partner_id),
        select(partnership.c.uuid, partnership.c.ref).where(partnership.c.partner_id == partner_id),
        select(aid_project.c.uuid, aid_project.c.ref).where(aid_project.c.donor_id == partner_id),
    ).subquery()
    rows = session.execute(
        select(
            follow_up_task.c.title,
            follow_up_task.c.due_date,
            follow_up_task.c.assignee,
            follow_up_task.c.status,
            sources.c.ref,
        )
        .join(sources, sources.c.uuid == follow_up_task.c.source_uuid)
        .where(follow_up_task.c.status != TaskStatus.DONE)
        .order_by(
            follow_up_task.c.due_date.is_(None), follow_up_task.c.due_date, follow_up_task.c.id
        )
    ).all()
    return tuple(TaskLine(*r) for r in rows)


def _members(session: Session, delegation_id: int) -> tuple[MemberLine, ...]:
    org = organisation.alias()
    rows = session.execute(
        select(
            person.c.full_name,
            person.c.position,
            org.c.name,
            person.c.nationality,
            delegation_member.c.title,
            delegation_member.c.form_of_address,
            delegation_member.c.language,
            delegation_member.c.dietary_needs,
            delegation_member.c.is_head,
            person.c.gender,
            delegation_member.c.precedence,
            org.c.name_en,
        )
        .join(person, person.c.id == delegation_member.c.person_id)
        .outerjoin(org, org.c.id == person.c.organisation_id)
        .where(delegation_member.c.delegation_id == delegation_id)
        .order_by(
            delegation_member.c.is_head.desc(),
            delegation_member.c.precedence,
            delegation_member.c.id,
        )
    ).all()
    names = country_names(session, (r[3] for r in rows))
    return tuple(
        MemberLine(
            name=r[0],
            position=r[1],
            organisation=Names(r[2], r[11]) if r[2] else None,
            nationality=names.get(r[3]) if r[3] else None,
            title=r[4],
            form_of_address=r[5],
            language=r[6],
            dietary_needs=r[7],
            is_head=bool(r[8]),
            gender=r[9],
            precedence=r[10],
        )
        for r in rows
    )


def _programme(session: Session, delegation_id: int) -> tuple[ProgrammeLine, ...]:
    rows = session.execute(
        select(
            programme_item.c.starts_at,
            programme_item.c.ends_at,
            programme_item.c.place,
            programme_item.c.activity,
            programme_item.c.hue_participants,
            programme_item.c.responsible_office,
        )
        .where(programme_item.c.delegation_id == delegation_id)
        .order_by(programme_item.c.starts_at, programme_item.c.id)
    ).all()
    return tuple(ProgrammeLine(*r) for r in rows)


def _gifts(session: Session, *where: object) -> tuple[GiftLine, ...]:
    rows = session.execute(
        select(
            delegation.c.ref,
            delegation.c.start_date,
            gift.c.direction,
            gift.c.description,
            gift.c.giver,
            gift.c.recipient,
        )
        .join(delegation, delegation.c.id == gift.c.delegation_id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(delegation.c.start_date.desc(), gift.c.id)
    ).all()
    return tuple(GiftLine(*r) for r in rows)


def _visits(session: Session, where: tuple[Any, ...], limit: int | None) -> tuple[VisitLine, ...]:
    rows = session.execute(
        select(
            delegation.c.ref,
            delegation.c.direction,
            delegation.c.title,
            delegation.c.start_date,
            delegation.c.end_date,
            delegation.c.status,
            delegation.c.outcomes,
        )
        .where(*where)
        .order_by(delegation.c.start_date.desc(), delegation.c.id.desc())
        .limit(limit)
    ).all()
    return tuple(VisitLine(*r) for r in rows)


def _partnerships(
    session: Session, where: object, limit: int | None
) -> tuple[PartnershipLine, ...]:
    rows = session.execute(
        select(
            partnership.c.ref,
            organisation.c.name,
            organisation.c.name_en,
            partnership.c.relation_type,
            partnership.c.level,
            partnership.c.since,
            partnership.c.status,
        )
        .join(organisation, organisation.c.id == partnership.c.partner_id)
        .where(where)  # type: ignore[arg-type]
        .order_by(partnership.c.since.is_(None), partnership.c.since, partnership.c.id)
        .limit(limit)
    ).all()
    return tuple(PartnershipLine(r[0], Names(r[1], r[2]), *r[3:]) for r in rows)


def _agreements(session: Session, where: object, limit: int | None) -> tuple[AgreementLine, ...]:
    rows = session.execute(
        select(
            agreement.c.ref,
            agreement.c.title,
            agreement.c.agreement_type,
            agreement.c.signing_level,
            agreement.c.signed_on,
            agreement.c.expires_on,
            agreement.c.status,
        )
        .where(where)  # type: ignore[arg-type]
        .order_by(agreement.c.signed_on.desc(), agreement.c.id.desc())
        .limit(limit)
    ).all()
    return tuple(AgreementLine(*r) for r in rows)


def _aid(session: Session, where: object, limit: int | None) -> tuple[AidLine, ...]:
    same_currency = aid_transaction.c.currency == aid_project.c.currency
    disbursed = (
        select(
            aid_transaction.c.project_id,
            func.sum(aid_transaction.c.amount_vnd).label("vnd"),
            func.sum(case((same_currency, aid_transaction.c.amount), else_=0)).label("amount"),
        )
        .join(aid_project, aid_project.c.id == aid_transaction.c.project_id)
        .where(aid_transaction.c.tx_type == TransactionType.DISBURSEMENT)
        .group_by(aid_transaction.c.project_id)
        .subquery()
    )
    rows = session.execute(
        select(
            aid_project.c.ref,
            aid_project.c.title,
            aid_project.c.committed_amount,
            aid_project.c.currency,
            func.coalesce(disbursed.c.vnd, 0),
            aid_project.c.status,
            func.coalesce(disbursed.c.amount, 0),
        )
        .outerjoin(disbursed, disbursed.c.project_id == aid_project.c.id)
        .where(where)  # type: ignore[arg-type]
        .order_by(aid_project.c.approved_on.desc(), aid_project.c.id.desc())
        .limit(limit)
    ).all()
    return tuple(AidLine(*r) for r in rows)


def _fdi(session: Session, where: object, limit: int | None) -> tuple[FdiLine, ...]:
    rows = session.execute(
        select(
            fdi_project.c.ref,
            fdi_project.c.name,
            fdi_project.c.registered_capital,
            fdi_project.c.currency,
            fdi_project.c.licence_date,
            fdi_project.c.status,
        )
        .where(where)  # type: ignore[arg-type]
        .order_by(fdi_project.c.licence_date.desc(), fdi_project.c.id.desc())
        .limit(limit)
    ).all()
    return tuple(FdiLine(*r) for r in rows)

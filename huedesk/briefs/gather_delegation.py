"""Read a delegation and its history with the partner into a ``DelegationBrief``.

One read session and a fixed number of queries however many members,
programme items or earlier visits there are. History is the partner's when the
delegation names one; otherwise it is the country's, capped to the most recent
entries so a brief for a visit from Japan does not list every Japanese record.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, or_, select, union_all
from sqlalchemy.orm import Session, aliased

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
from huedesk.db.enums import DelegationStatus, TaskStatus, TransactionType
from huedesk.db.models import (
    Agreement,
    AidProject,
    AidTransaction,
    Delegation,
    DelegationMember,
    FdiProject,
    FollowUpTask,
    Gift,
    Organisation,
    Partnership,
    Person,
    ProgrammeItem,
)

COUNTRY_HISTORY_LIMIT = 15
# Gifts of earlier visits count once the visit took place (a planned gift was not given yet).
_DONE = (DelegationStatus.COMPLETED, DelegationStatus.REPORTED)


def gather_delegation(session: Session, record_id: int) -> DelegationBrief:
    """The brief's data for delegation ``record_id`` (``NotFoundError`` if there is none)."""
    d = one_row(
        session, "delegation", select(Delegation).where(Delegation.id == record_id), record_id
    )[0]
    # Copy the row's columns now; the ORM object itself stays inside this function.
    partner_id, country_code, uuid, start = d.partner_id, d.country_code, d.uuid, d.start_date
    partner = org_info(session, partner_id) if partner_id is not None else None
    by_country = partner_id is None

    def key_col(partner_col: Any, country_col: Any) -> Any:
        """The history filter: same partner, or same country when there is no partner."""
        return country_col == country_code if by_country else partner_col == partner_id

    limit = COUNTRY_HISTORY_LIMIT if by_country else None

    earlier = (
        key_col(Delegation.partner_id, Delegation.country_code),
        Delegation.start_date < start,
        Delegation.id != record_id,
    )
    visits = _visits(session, earlier, limit)
    partnerships = _partnerships(
        session, key_col(Partnership.partner_id, Partnership.country_code), limit
    )
    agreement_filter = key_col(Agreement.counterpart_id, Agreement.country_code)
    if partnerships and not by_country:
        agreement_filter = or_(
            agreement_filter,
            Agreement.partnership_id.in_(
                select(Partnership.id).where(Partnership.partner_id == partner_id)
            ),
        )
    donor = aliased(Organisation)
    aid_filter = (
        AidProject.donor_id.in_(select(donor.id).where(donor.country_code == country_code))
        if by_country
        else AidProject.donor_id == partner_id
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
        gifts=_gifts(session, Gift.delegation_id == record_id),
        history_by_country=by_country,
        visits=visits,
        partnerships=partnerships,
        agreements=_agreements(session, agreement_filter, limit),
        aid=_aid(session, aid_filter, limit),
        fdi=_fdi(session, key_col(FdiProject.investor_id, FdiProject.country_code), limit),
        earlier_gifts=_gifts(session, *earlier, Delegation.status.in_(_DONE)),
        tasks=tasks,
        open_tasks=open_tasks,
    )


def _partner_tasks(session: Session, partner_id: int, record_id: int) -> tuple[TaskLine, ...]:
    """Open follow-ups on the partner's other records: visits, agreements, partnerships, aid."""
    sources = union_all(
        select(Delegation.uuid, Delegation.ref).where(
            Delegation.partner_id == partner_id, Delegation.id != record_id
        ),
        select(Agreement.uuid, Agreement.ref).where(Agreement.counterpart_id == partner_id),
        select(Partnership.uuid, Partnership.ref).where(Partnership.partner_id == partner_id),
        select(AidProject.uuid, AidProject.ref).where(AidProject.donor_id == partner_id),
    ).subquery()
    rows = session.execute(
        select(
            FollowUpTask.title,
            FollowUpTask.due_date,
            FollowUpTask.assignee,
            FollowUpTask.status,
            sources.c.ref,
        )
        .join(sources, sources.c.uuid == FollowUpTask.source_uuid)
        .where(FollowUpTask.status != TaskStatus.DONE)
        .order_by(FollowUpTask.due_date.is_(None), FollowUpTask.due_date, FollowUpTask.id)
    ).all()
    return tuple(TaskLine(*r) for r in rows)


def _members(session: Session, delegation_id: int) -> tuple[MemberLine, ...]:
    org = aliased(Organisation)
    rows = session.execute(
        select(
            Person.full_name,
            Person.position,
            org.name,
            Person.nationality,
            DelegationMember.title,
            DelegationMember.form_of_address,
            DelegationMember.language,
            DelegationMember.dietary_needs,
            DelegationMember.is_head,
            Person.gender,
            DelegationMember.precedence,
            org.name_en,
        )
        .join(Person, Person.id == DelegationMember.person_id)
        .outerjoin(org, org.id == Person.organisation_id)
        .where(DelegationMember.delegation_id == delegation_id)
        .order_by(DelegationMember.is_head.desc(), DelegationMember.precedence, DelegationMember.id)
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
            ProgrammeItem.starts_at,
            ProgrammeItem.ends_at,
            ProgrammeItem.place,
            ProgrammeItem.activity,
            ProgrammeItem.hue_participants,
            ProgrammeItem.responsible_office,
        )
        .where(ProgrammeItem.delegation_id == delegation_id)
        .order_by(ProgrammeItem.starts_at, ProgrammeItem.id)
    ).all()
    return tuple(ProgrammeLine(*r) for r in rows)


def _gifts(session: Session, *where: object) -> tuple[GiftLine, ...]:
    rows = session.execute(
        select(
            Delegation.ref,
            Delegation.start_date,
            Gift.direction,
            Gift.description,
            Gift.giver,
            Gift.recipient,
        )
        .join(Delegation, Delegation.id == Gift.delegation_id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(Delegation.start_date.desc(), Gift.id)
    ).all()
    return tuple(GiftLine(*r) for r in rows)


def _visits(session: Session, where: tuple[Any, ...], limit: int | None) -> tuple[VisitLine, ...]:
    rows = session.execute(
        select(
            Delegation.ref,
            Delegation.direction,
            Delegation.title,
            Delegation.start_date,
            Delegation.end_date,
            Delegation.status,
            Delegation.outcomes,
        )
        .where(*where)
        .order_by(Delegation.start_date.desc(), Delegation.id.desc())
        .limit(limit)
    ).all()
    return tuple(VisitLine(*r) for r in rows)


def _partnerships(
    session: Session, where: object, limit: int | None
) -> tuple[PartnershipLine, ...]:
    rows = session.execute(
        select(
            Partnership.ref,
            Organisation.name,
            Organisation.name_en,
            Partnership.relation_type,
            Partnership.level,
            Partnership.since,
            Partnership.status,
        )
        .join(Organisation, Organisation.id == Partnership.partner_id)
        .where(where)  # type: ignore[arg-type]
        .order_by(Partnership.since.is_(None), Partnership.since, Partnership.id)
        .limit(limit)
    ).all()
    return tuple(PartnershipLine(r[0], Names(r[1], r[2]), *r[3:]) for r in rows)


def _agreements(session: Session, where: object, limit: int | None) -> tuple[AgreementLine, ...]:
    rows = session.execute(
        select(
            Agreement.ref,
            Agreement.title,
            Agreement.agreement_type,
            Agreement.signing_level,
            Agreement.signed_on,
            Agreement.expires_on,
            Agreement.status,
        )
        .where(where)  # type: ignore[arg-type]
        .order_by(Agreement.signed_on.desc(), Agreement.id.desc())
        .limit(limit)
    ).all()
    return tuple(AgreementLine(*r) for r in rows)


def _aid(session: Session, where: object, limit: int | None) -> tuple[AidLine, ...]:
    same_currency = AidTransaction.currency == AidProject.currency
    disbursed = (
        select(
            AidTransaction.project_id,
            func.sum(AidTransaction.amount_vnd).label("vnd"),
            func.sum(case((same_currency, AidTransaction.amount), else_=0)).label("amount"),
        )
        .join(AidProject, AidProject.id == AidTransaction.project_id)
        .where(AidTransaction.tx_type == TransactionType.DISBURSEMENT)
        .group_by(AidTransaction.project_id)
        .subquery()
    )
    rows = session.execute(
        select(
            AidProject.ref,
            AidProject.title,
            AidProject.committed_amount,
            AidProject.currency,
            func.coalesce(disbursed.c.vnd, 0),
            AidProject.status,
            func.coalesce(disbursed.c.amount, 0),
        )
        .outerjoin(disbursed, disbursed.c.project_id == AidProject.id)
        .where(where)  # type: ignore[arg-type]
        .order_by(AidProject.approved_on.desc(), AidProject.id.desc())
        .limit(limit)
    ).all()
    return tuple(AidLine(*r) for r in rows)


def _fdi(session: Session, where: object, limit: int | None) -> tuple[FdiLine, ...]:
    rows = session.execute(
        select(
            FdiProject.ref,
            FdiProject.name,
            FdiProject.registered_capital,
            FdiProject.currency,
            FdiProject.licence_date,
            FdiProject.status,
        )
        .where(where)  # type: ignore[arg-type]
        .order_by(FdiProject.licence_date.desc(), FdiProject.id.desc())
        .limit(limit)
    ).all()
    return tuple(FdiLine(*r) for r in rows)

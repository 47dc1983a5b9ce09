"""Read aid projects and their transactions into an ``AidStatement``.

Two queries whatever the scope: the projects (with donor names) and all their
transactions; sums are worked out here in integers. A year's statement counts
the transactions up to 31 December of that year only, so it reads the same when
printed later. Amounts in different
currencies are never added: totals add VND equivalents, and a project's
remaining balance in its own currency is given only when every disbursement
came in that currency.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from huedesk.briefs.aid_data import AidProjectSummary, AidStatement, AidTxLine
from huedesk.briefs.data import Names, OrgInfo
from huedesk.briefs.gather_common import one_row, org_info
from huedesk.db import models
from huedesk.db.enums import TransactionType
from huedesk.db.functions import folded
from huedesk.errors import HueDeskError, NotFoundError
from huedesk.stats.aid_values import committed_vnd
from huedesk.text import clean, fold

# Core tables, not the ORM classes: a brief reads plain rows, so printing one configures
# no ORM mapper (start-up, issue #16; tests/cli/test_startup.py).
aid_project = models.AidProject.__table__
aid_transaction = models.AidTransaction.__table__
organisation = models.Organisation.__table__


def gather_aid(
    session: Session,
    *,
    project_id: int | None = None,
    donor_id: int | None = None,
    year: int | None = None,
) -> AidStatement:
    """The statement for exactly one of: a project, a donor, a year."""
    if sum(x is not None for x in (project_id, donor_id, year)) != 1:
        raise HueDeskError(
            "Cần chọn đúng một phạm vi: một dự án, một nhà tài trợ hoặc một năm.",
            "Choose exactly one scope: a project, a donor or a year.",
        )
    donor: OrgInfo | None = None
    if project_id is not None:
        scope, where = "project", aid_project.c.id == project_id
    elif donor_id is not None:
        scope, where = "donor", aid_project.c.donor_id == donor_id
        donor = org_info(session, donor_id)
        reference = donor.ref
    else:
        assert year is not None
        scope = "year"
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        in_year = aid_transaction.c.value_date.between(start, end)
        where = or_(
            aid_project.c.approved_on.between(start, end),
            aid_project.c.id.in_(select(aid_transaction.c.project_id).where(in_year)),
        )
    projects = session.execute(
        select(
            aid_project,
            organisation.c.name.label("donor_name"),
            organisation.c.name_en.label("donor_name_en"),
        )
        .join(organisation, organisation.c.id == aid_project.c.donor_id)
        .where(where)
        .order_by(aid_project.c.approved_on.is_(None), aid_project.c.approved_on, aid_project.c.id)
    ).all()
    if scope == "project":
        if not projects:
            one_row(session, "aid_project", select(aid_project.c.id).where(where), project_id or 0)
        reference = projects[0].ref
    elif scope == "year":
        reference = str(year)
    ids = [p.id for p in projects]
    txs = session.execute(
        select(aid_transaction, aid_project.c.ref.label("project_ref"))
        .join(aid_project, aid_project.c.id == aid_transaction.c.project_id)
        .where(aid_transaction.c.project_id.in_(ids))
        .order_by(aid_transaction.c.value_date, aid_transaction.c.id)
    ).all()
    by_project: dict[int, list[Any]] = defaultdict(list)
    for t in txs:
        # A year's statement stands as of 31 December: printed later, it gives the same figures.
        if year is None or t.value_date.year <= year:
            by_project[t.project_id].append(t)
    summaries = tuple(
        _summary(p, Names(p.donor_name, p.donor_name_en), by_project[p.id], year) for p in projects
    )
    shown = [
        AidTxLine(
            project_ref=t.project_ref,
            value_date=t.value_date,
            tx_type=t.tx_type,
            tranche=t.tranche,
            amount=t.amount,
            currency=t.currency,
            rate_to_vnd=t.rate_to_vnd,
            amount_vnd=t.amount_vnd,
            document_ref=t.document_ref,
        )
        for t in txs
        if year is None or t.value_date.year == year
    ]
    return AidStatement(
        scope=scope,
        reference=reference,
        donor=donor,
        year=year,
        projects=summaries,
        transactions=tuple(shown),
    )


def _summary(p: Any, donor: Names, txs: list[Any], year: int | None) -> AidProjectSummary:
    committed, estimated = committed_vnd(p.currency, p.committed_amount, txs)
    paid = [t for t in txs if t.tx_type == TransactionType.DISBURSEMENT]
    same_currency = all(t.currency == p.currency for t in paid)
    return AidProjectSummary(
        ref=p.ref,
        title=p.title,
        donor=donor,
        sector=p.sector,
        status=p.status,
        beneficiary=p.beneficiary,
        approval_decision=p.approval_decision,
        approved_on=p.approved_on,
        start_date=p.start_date,
        end_date=p.end_date,
        notes=p.notes,
        currency=p.currency,
        committed_amount=p.committed_amount,
        committed_vnd=committed,
        committed_estimated=estimated,
        disbursed_amount=sum(t.amount for t in paid) if same_currency else None,
        disbursed_vnd=sum(t.amount_vnd for t in paid),
        disbursed_period_vnd=sum(
            t.amount_vnd for t in paid if year is None or t.value_date.year == year
        ),
    )


def find_donor_id(session: Session, name: str) -> int:
    """The organisation a user means by ``name``: exact name first, then ignoring tone marks.

    Only organisations that fund at least one aid project are considered when
    matching loosely, so "--donor KOICA" does not pick a namesake embassy.
    """
    wanted = clean(name)
    exact = session.scalars(
        select(organisation.c.id).where(
            or_(
                organisation.c.name == wanted,
                organisation.c.name_en == wanted,
                organisation.c.ref == wanted,
            )
        )
    ).all()
    if len(exact) == 1:
        return exact[0]
    key = f"%{fold(wanted)}%"
    loose = session.execute(
        select(organisation.c.id, organisation.c.name)
        .where(organisation.c.id.in_(select(aid_project.c.donor_id)))
        .where(
            or_(
                folded(organisation.c.name).like(key),
                folded(func.coalesce(organisation.c.name_en, "")).like(key),
            )
        )
        .order_by(organisation.c.name)
    ).all()
    if len(loose) == 1:
        return int(loose[0][0])
    if not loose:
        raise NotFoundError(
            f"Không tìm thấy nhà tài trợ '{wanted}'.", f"No donor matches '{wanted}'."
        )
    names = "; ".join(n for _i, n in loose[:5])
    raise HueDeskError(
        f"Có {len(loose)} nhà tài trợ khớp '{wanted}' ({names}); hãy ghi rõ tên hoặc số hiệu.",
        f"{len(loose)} donors match '{wanted}' ({names}); give the full name or reference.",
    )

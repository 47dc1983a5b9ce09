"""Query pieces the brief gatherers share: country names, follow-up tasks, a missing record."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huedesk.briefs.data import Names, OrgInfo, TaskLine
from huedesk.db import models
from huedesk.records.kinds import kind_spec
from huedesk.records.service import not_found

# Core tables, not the ORM classes: a brief reads plain rows, so printing one configures
# no ORM mapper (start-up, issue #16; tests/cli/test_startup.py).
country = models.Country.__table__
follow_up_task = models.FollowUpTask.__table__
organisation = models.Organisation.__table__


def country_names(session: Session, codes: Iterable[str | None]) -> dict[str, Names]:
    """Vietnamese and English names of the given ISO codes, in one query."""
    wanted = {c for c in codes if c}
    if not wanted:
        return {}
    rows = session.execute(
        select(country.c.code, country.c.name_vi, country.c.name_en).where(
            country.c.code.in_(wanted)
        )
    ).all()
    return {code: Names(vi, en) for code, vi, en in rows}


def tasks_from(session: Session, source_uuid: str) -> tuple[TaskLine, ...]:
    """Follow-up tasks raised from one record, by due date."""
    rows = session.execute(
        select(
            follow_up_task.c.title,
            follow_up_task.c.due_date,
            follow_up_task.c.assignee,
            follow_up_task.c.status,
        )
        .where(follow_up_task.c.source_uuid == source_uuid)
        .order_by(
            follow_up_task.c.due_date.is_(None), follow_up_task.c.due_date, follow_up_task.c.id
        )
    ).all()
    return tuple(TaskLine(*r) for r in rows)


def one_row(session: Session, kind: str, stmt: Any, record_id: int) -> Any:
    """The single row ``stmt`` selects, or the record service's bilingual not-found error."""
    row = session.execute(stmt).one_or_none()
    if row is None:
        raise not_found(kind_spec(kind), record_id)
    return row


def org_info(session: Session, org_id: int) -> OrgInfo:
    """An organisation's profile with its country's names (``NotFoundError`` if none)."""
    row = one_row(
        session,
        "organisation",
        select(
            organisation.c.ref,
            organisation.c.name,
            organisation.c.name_en,
            organisation.c.org_type,
            organisation.c.country_code,
            organisation.c.address,
            organisation.c.website,
        ).where(organisation.c.id == org_id),
        org_id,
    )
    names = country_names(session, [row.country_code])
    return OrgInfo(
        ref=row.ref,
        name=Names(row.name, row.name_en),
        org_type=row.org_type,
        country=names.get(row.country_code) if row.country_code else None,
        address=row.address,
        website=row.website,
    )

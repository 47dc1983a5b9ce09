"""Query pieces the brief gatherers share: country names, follow-up tasks, a missing record."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huedesk.briefs.data import Names, OrgInfo, TaskLine
from huedesk.db.models import Country, FollowUpTask, Organisation
from huedesk.errors import NotFoundError
from huedesk.records.kinds import kind_spec


def country_names(session: Session, codes: Iterable[str | None]) -> dict[str, Names]:
    """Vietnamese and English names of the given ISO codes, in one query."""
    wanted = {c for c in codes if c}
    if not wanted:
        return {}
    rows = session.execute(
        select(Country.code, Country.name_vi, Country.name_en).where(Country.code.in_(wanted))
    ).all()
    return {code: Names(vi, en) for code, vi, en in rows}


def tasks_from(session: Session, source_uuid: str) -> tuple[TaskLine, ...]:
    """Follow-up tasks raised from one record, by due date."""
    rows = session.execute(
        select(
            FollowUpTask.title, FollowUpTask.due_date, FollowUpTask.assignee, FollowUpTask.status
        )
        .where(FollowUpTask.source_uuid == source_uuid)
        .order_by(FollowUpTask.due_date.is_(None), FollowUpTask.due_date, FollowUpTask.id)
    ).all()
    return tuple(TaskLine(*r) for r in rows)


def one_row(session: Session, kind: str, stmt: Any, record_id: int) -> Any:
    """The single row ``stmt`` selects, or the record service's bilingual not-found error."""
    row = session.execute(stmt).one_or_none()
    if row is None:
        spec = kind_spec(kind)
        raise NotFoundError(
            f"Không tìm thấy {spec.label_vi.lower()} số {record_id}.",
            f"No {spec.label_en.lower()} with id {record_id}.",
        )
    return row


def org_info(session: Session, org_id: int) -> OrgInfo:
    """An organisation's profile with its country's names (``NotFoundError`` if none)."""
    row = one_row(
        session,
        "organisation",
        select(
            Organisation.ref,
            Organisation.name,
            Organisation.name_en,
            Organisation.org_type,
            Organisation.country_code,
            Organisation.address,
            Organisation.website,
        ).where(Organisation.id == org_id),
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

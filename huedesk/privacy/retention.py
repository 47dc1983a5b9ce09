"""Retention review: consular cases closed long ago, listed for review and anonymised.

Personal data of citizens in trouble is kept no longer than needed. Cases closed
(or cancelled) more than ``older_than_years`` ago (default 5, or
``$HUEDESK_RETENTION_YEARS``) are listed; anonymising one blanks its free text,
its actions, consents and notes, and strips the people involved of name and
personal data unless they also appear in other records. Every step goes through
the record services, so it is audited (without the old values, see
``huedesk.records.masking``) and limited to consular officers and administrators.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huedesk import audit, clock
from huedesk.accounts.principal import Actor, resolve
from huedesk.accounts.roles import require_sensitive, require_write
from huedesk.db.engine import Database
from huedesk.db.enums import AuditAction, CaseStatus
from huedesk.db.models import Attachment, CaseAction, CaseConsent, CasePerson, ConsularCase
from huedesk.errors import HueDeskError
from huedesk.records.kinds import KINDS
from huedesk.records.masking import personal_fields
from huedesk.records.operation_log import ANONYMISED, forget_in, prune_in
from huedesk.records.service import find_id_in, get_in, update_in

DEFAULT_RETENTION_YEARS = 5
RETENTION_ENV = "HUEDESK_RETENTION_YEARS"
ANONYMISED_TITLE = "[Đã ẩn danh / Anonymised]"
ANONYMISED_TEXT = "[đã ẩn danh]"
_FINISHED = (CaseStatus.CLOSED, CaseStatus.CANCELLED)


def retention_years(explicit: int | None = None) -> int:
    """The review period: the argument, else ``$HUEDESK_RETENTION_YEARS``, else 5."""
    if explicit is not None:
        years = explicit
    else:
        raw = os.environ.get(RETENTION_ENV, "")
        years = int(raw) if raw.strip().isdigit() else DEFAULT_RETENTION_YEARS
    if years < 0:
        raise HueDeskError("Số năm không được âm.", "The number of years must not be negative.")
    return years


def _cutoff(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


@dataclass(frozen=True)
class ReviewItem:
    """A closed case past its retention period."""

    id: int
    ref: str
    title: str
    status: CaseStatus
    closed_on: dt.date
    people: int


def cases_for_review(
    db: Database, actor: Actor, older_than_years: int | None = None, today: dt.date | None = None
) -> list[ReviewItem]:
    """Closed or cancelled cases whose closing date lies more than the period back."""
    cutoff = _cutoff(today or clock.today(), retention_years(older_than_years))
    people = (
        select(func.count())
        .where(CasePerson.case_id == ConsularCase.id)
        .correlate(ConsularCase)
        .scalar_subquery()
    )
    stmt = (
        select(ConsularCase, people)
        .where(
            ConsularCase.status.in_(_FINISHED),
            ConsularCase.closed_on.is_not(None),
            ConsularCase.closed_on <= cutoff,
            ConsularCase.title != ANONYMISED_TITLE,
        )
        .order_by(ConsularCase.closed_on, ConsularCase.id)
    )
    with db.read() as s:
        require_sensitive(resolve(s, actor), "vụ việc lãnh sự", "consular cases")
        return [
            ReviewItem(c.id, c.ref, c.title, c.status, c.closed_on, int(n or 0))  # type: ignore[arg-type]
            for c, n in s.execute(stmt)
        ]


@dataclass
class AnonymiseResult:
    """What anonymising a case changed, and what it left for a person to look at."""

    ref: str
    people_anonymised: list[str] = field(default_factory=list)
    people_kept: list[str] = field(default_factory=list)  # also in other records
    actions: int = 0
    consents: int = 0
    attachments: int = 0  # files of the case, to be reviewed or deleted by hand
    undo_data_removed: int = 0  # merges/imports that can no longer be undone


def anonymise_case(db: Database, actor: Actor, ref: str) -> AnonymiseResult:
    """Remove the personal content of a closed case, in one audited transaction."""
    with db.write() as s:
        who = resolve(s, actor)
        require_write(who)
        require_sensitive(who, "vụ việc lãnh sự", "consular cases")
        case_id = find_id_in(s, "consular_case", ref=ref)
        case = get_in(s, "consular_case", case_id)
        if case["status"] not in _FINISHED:
            raise HueDeskError(
                f"Vụ việc {case['ref']} chưa đóng; chỉ ẩn danh vụ việc đã đóng hoặc đã hủy.",
                f"Case {case['ref']} is not closed; only closed or cancelled cases are anonymised.",
            )
        result = AnonymiseResult(case["ref"])
        forgotten = {str(case["uuid"])} | _child_uuids(s, case_id)
        _blank_case(s, who.name, case_id, result)
        for pid in s.scalars(
            select(CasePerson.person_id).where(CasePerson.case_id == case_id)
        ).all():
            person = get_in(s, "person", pid)
            if _referenced_elsewhere(s, pid, case_id):
                result.people_kept.append(person["ref"])
                continue
            blank: dict[str, object] = {name: None for name in personal_fields("person")}
            blank.update(full_name=f"{ANONYMISED_TEXT} {person['ref']}", notes=None, position=None)
            update_in(s, who, "person", pid, blank)
            result.people_anonymised.append(person["ref"])
            forgotten.add(str(person["uuid"]))
        # Undo data of merges and imports holding these values goes too (an undo would
        # otherwise bring them back), and undo data past its time with it.
        result.undo_data_removed = forget_in(s, forgotten, ANONYMISED)
        prune_in(s)
        result.attachments = int(
            s.scalar(select(func.count()).where(Attachment.owner_uuid == case["uuid"])) or 0
        )
        audit.record(
            s,
            actor=who.name,
            action=AuditAction.SYSTEM,
            kind="consular_case",
            record_uuid=case["uuid"],
            record_ref=case["ref"],
            changes={"anonymised": (None, f"{len(result.people_anonymised)} people")},
        )
        return result


def _blank_case(s: Session, actor: str, case_id: int, result: AnonymiseResult) -> None:
    text_fields = ("location", "facts", "source_detail", "outcome", "notes")
    update_in(
        s, actor, "consular_case", case_id, {"title": ANONYMISED_TITLE} | dict.fromkeys(text_fields)
    )
    for aid in s.scalars(select(CaseAction.id).where(CaseAction.case_id == case_id)).all():
        update_in(
            s,
            actor,
            "case_action",
            aid,
            {"action": ANONYMISED_TEXT, "officer": None, "next_step": None},
        )
        result.actions += 1
    for cid in s.scalars(select(CaseConsent.id).where(CaseConsent.case_id == case_id)).all():
        update_in(s, actor, "case_consent", cid, {"recipient": ANONYMISED_TEXT, "scope": None})
        result.consents += 1
    for pid in s.scalars(select(CasePerson.id).where(CasePerson.case_id == case_id)).all():
        update_in(s, actor, "case_person", pid, {"notes": None})


def _child_uuids(s: Session, case_id: int) -> set[str]:
    """UUIDs of the case's own rows (actions, consents, people involved)."""
    found: set[str] = set()
    for model in (CaseAction, CaseConsent, CasePerson):
        found.update(str(u) for u in s.scalars(select(model.uuid).where(model.case_id == case_id)))
    return found


def _referenced_elsewhere(s: Session, person_id: int, case_id: int) -> bool:
    """Whether any record other than this case's own rows points at the person."""
    for spec in KINDS.values():
        table = spec.model.__table__  # type: ignore[attr-defined]
        for col in table.columns:
            if not any(fk.target_fullname == "person.id" for fk in col.foreign_keys):
                continue
            stmt = select(func.count()).select_from(table).where(col == person_id)
            if "case_id" in table.columns and spec.parent == ("consular_case", "case_id"):
                stmt = stmt.where(table.c.case_id != case_id)
            if s.scalar(stmt):
                return True
    return False

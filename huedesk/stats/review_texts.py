"""What people write in a yearly review: the assessment and next year's tasks, per year and language.

The figures of a review come from the records; these two sections do not, and
HueDesk keeps them in the database so the review prints the same text every
time, from the window or from ``huedesk review-text``. A review in English
prints the English text where there is one, else the Vietnamese one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from huedesk import audit
from huedesk.accounts.principal import Actor, resolve
from huedesk.accounts.roles import require_write
from huedesk.db.engine import Database
from huedesk.db.enums import AuditAction
from huedesk.db.models import ReviewText
from huedesk.db.types import utcnow
from huedesk.errors import HueDeskError
from huedesk.records.coerce import Invalid, coerce
from huedesk.records.fields import fields_of
from huedesk.stats.service import year_period

SECTIONS = ("assessment", "tasks")
LANGS = ("vi", "en")
SECTION_LABELS = {
    "assessment": ("Đánh giá chung", "Assessment"),
    "tasks": ("Nhiệm vụ năm tới", "Tasks for next year"),
}
TEXT_LIMIT = 50_000
AUDIT_KIND = "review_text"


@dataclass(frozen=True)
class ReviewWriting:
    """The written sections of one year's review in one language (empty when not written)."""

    year: int
    lang: str
    assessment: str
    tasks: str
    fallback: bool = False  # English asked, Vietnamese given (no English text yet)

    def section(self, name: str) -> str:
        return self.assessment if name == "assessment" else self.tasks


def _check(section: str, lang: str) -> None:
    if section not in SECTIONS:
        raise HueDeskError(
            f"Phần '{section}' không có trong báo cáo năm (chọn: {', '.join(SECTIONS)}).",
            f"The yearly review has no section '{section}' (choose: {', '.join(SECTIONS)}).",
        )
    if lang not in LANGS:
        raise HueDeskError(
            f"Ngôn ngữ '{lang}' không hỗ trợ (chọn vi hoặc en).",
            f"Language '{lang}' is not supported (choose vi or en).",
        )


def _cleaned(section: str, text: str | None) -> str:
    vi, en = SECTION_LABELS[section]
    try:
        value = coerce(fields_of(ReviewText)["body"], text, None)
    except Invalid as exc:
        raise HueDeskError(f"{vi}: {exc.vi}", f"{en}: {exc.en}") from None
    value = value or ""
    if len(value) > TEXT_LIMIT:
        raise HueDeskError(
            f"{vi}: dài quá {TEXT_LIMIT} ký tự.", f"{en}: longer than {TEXT_LIMIT} characters."
        )
    return str(value)


def _stored(session: Session, year: int, lang: str) -> dict[str, str]:
    rows = session.execute(
        select(ReviewText.section, ReviewText.body).where(
            ReviewText.year == year, ReviewText.lang == lang
        )
    )
    return {section: body for section, body in rows}


def writing_in(session: Session, year: int, lang: str = "vi") -> ReviewWriting:
    """The sections of ``year``'s review as printed in ``lang``."""
    year_period(year)  # refuses a year out of range
    _check("assessment", lang)
    mine = _stored(session, year, lang)
    if lang == "en" and not any(mine.values()):
        vi = _stored(session, year, "vi")
        if any(vi.values()):
            return ReviewWriting(year, lang, vi.get("assessment", ""), vi.get("tasks", ""), True)
    return ReviewWriting(year, lang, mine.get("assessment", ""), mine.get("tasks", ""))


def set_writing_in(
    session: Session, actor: Actor, year: int, section: str, text: str | None, lang: str = "vi"
) -> None:
    """Keep ``text`` as ``section`` of ``year``'s review in ``lang`` (empty text removes it)."""
    who = resolve(session, actor)
    require_write(who)
    year_period(year)
    _check(section, lang)
    value = _cleaned(section, text)
    row = session.scalar(
        select(ReviewText).where(
            ReviewText.year == year, ReviewText.section == section, ReviewText.lang == lang
        )
    )
    before = row.body if row is not None else ""
    if before == value:
        return
    if row is None:
        session.add(
            ReviewText(year=year, section=section, lang=lang, body=value, updated_by=who.name)
        )
    elif value:
        row.body, row.updated_by, row.updated_at = value, who.name, utcnow()
    else:
        session.delete(row)
    session.flush()
    audit.record(
        session,
        actor=who.name,
        action=AuditAction.UPDATE,
        kind=AUDIT_KIND,
        record_uuid=None,
        record_ref=f"{year}/{section}/{lang}",
        changes={section: (before or None, value or None)},
    )


class ReviewTexts:
    """The written sections of yearly reviews for one user."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def get(self, year: int, lang: str = "vi") -> ReviewWriting:
        with self.db.read() as s:
            resolve(s, self.actor)
            return writing_in(s, year, lang)

    def set(self, year: int, section: str, text: str | None, lang: str = "vi") -> None:
        with self.db.write() as s:
            set_writing_in(s, self.actor, year, section, text, lang)

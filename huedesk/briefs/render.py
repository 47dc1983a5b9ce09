"""Render a brief: gather in one read session, lay out, write the PDF atomically."""

from __future__ import annotations

from pathlib import Path

from huedesk import clock
from huedesk.briefs.aid import aid_story
from huedesk.briefs.blocks import keep_headings
from huedesk.briefs.case import case_story
from huedesk.briefs.delegation import delegation_story
from huedesk.briefs.frame import build_pdf
from huedesk.briefs.gather_aid import gather_aid
from huedesk.briefs.gather_case import gather_case
from huedesk.briefs.gather_delegation import gather_delegation
from huedesk.briefs.gather_year import gather_year
from huedesk.briefs.year import year_story
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError

BRIEF_KINDS = ("delegation", "consular_case", "aid_project")
LANGS = ("vi", "en")


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise HueDeskError(
            f"Ngôn ngữ '{lang}' không hỗ trợ (chọn vi hoặc en).",
            f"Language '{lang}' is not supported (choose vi or en).",
        )


def render_brief(
    db: Database,
    kind: str,
    record_id: int,
    out: Path,
    *,
    lang: str = "vi",
    redact: bool = False,
) -> Path:
    """Write the brief of one record to ``out`` and return the path.

    ``redact`` masks passport numbers, dates of birth and contacts (consular
    cases; the other kinds print no such data).
    """
    _check_lang(lang)
    today = clock.today()
    if kind == "delegation":
        with db.read() as s:
            data = gather_delegation(s, record_id)
        header, story = delegation_story(data, lang, today)
    elif kind == "consular_case":
        with db.read() as s:
            case = gather_case(s, record_id, redact=redact)
        header, story = case_story(case, lang, today)
    elif kind == "aid_project":
        with db.read() as s:
            statement = gather_aid(s, project_id=record_id)
        header, story = aid_story(statement, lang, today)
    else:
        raise HueDeskError(
            f"Không có mẫu tài liệu cho loại hồ sơ '{kind}' (có: {', '.join(BRIEF_KINDS)}).",
            f"No brief for record kind '{kind}' (known: {', '.join(BRIEF_KINDS)}).",
        )
    return build_pdf(Path(out), header, keep_headings(story))


def render_aid_statement(
    db: Database,
    out: Path,
    *,
    project_id: int | None = None,
    donor_id: int | None = None,
    year: int | None = None,
    lang: str = "vi",
) -> Path:
    """Write the aid statement for one project, one donor or one year to ``out``.

    Exactly one of ``project_id``, ``donor_id`` and ``year`` is given.
    """
    _check_lang(lang)
    with db.read() as s:
        statement = gather_aid(s, project_id=project_id, donor_id=donor_id, year=year)
    header, story = aid_story(statement, lang, clock.today())
    return build_pdf(Path(out), header, keep_headings(story))


def render_year_review(db: Database, year: int, out: Path, *, lang: str = "vi") -> Path:
    """Write the yearly review of foreign-affairs work in ``year`` to ``out``."""
    _check_lang(lang)
    with db.read() as s:
        review = gather_year(s, year)
    header, story = year_story(review, lang, clock.today())
    return build_pdf(Path(out), header, keep_headings(story))

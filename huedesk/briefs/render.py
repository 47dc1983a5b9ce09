"""Render a brief: gather in one read session, number it if asked, lay it out, write the PDF atomically."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from reportlab.platypus import Flowable

from huedesk import clock
from huedesk.accounts.principal import Actor, resolve
from huedesk.accounts.roles import Principal, Role
from huedesk.briefs.frame import BriefHeader, build_pdf
from huedesk.db.engine import Database
from huedesk.db.enums import DocKind
from huedesk.document_settings import DocSettings, NumberMode, issue_number, load
from huedesk.errors import HueDeskError

BRIEF_KINDS = ("delegation", "consular_case", "aid_project")
LANGS = ("vi", "en")


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise HueDeskError(
            f"Ngôn ngữ '{lang}' không hỗ trợ (chọn vi hoặc en).",
            f"Language '{lang}' is not supported (choose vi or en).",
        )


# "Kính gửi" names one agency or office; anything longer is not an addressee.
MAX_ADDRESSEE = 200


def _check_doc(doc: str, to: str) -> None:
    if doc not in {k.code for k in DocKind}:
        names = ", ".join(k.code for k in DocKind)
        raise HueDeskError(
            f"Loại văn bản '{doc}' không có (chọn {names}).",
            f"No document kind '{doc}' (choose {names}).",
        )
    if len(" ".join(to.split())) > MAX_ADDRESSEE:
        raise HueDeskError(
            f"Nơi gửi (Kính gửi) dài quá {MAX_ADDRESSEE} ký tự.",
            f"The addressee (To) is longer than {MAX_ADDRESSEE} characters.",
        )


def _number(
    db: Database,
    settings: DocSettings,
    subject: str,
    actor: Actor | None,
    today: dt.date,
    doc: str = "BC",
) -> int | None:
    """The register's number for this brief, when HueDesk numbers briefs and the user may write.

    Without an actor (a preview, a benchmark) or for a viewer, the number stays
    blank for the records office, as it does when numbering is off.
    """
    if settings.number_mode is not NumberMode.REGISTER or actor is None or db.read_only:
        return None  # (a database opened read-only cannot register a number either)
    with db.write() as s:
        if not resolve(s, actor).can_write:
            return None
        return issue_number(s, year=today.year, doc_code=doc, subject=subject, actor=actor)


def _write(
    out: Path,
    built: tuple[BriefHeader, list[Flowable], list[Flowable]],
    doc: str = "BC",
    to: str = "",
) -> Path:
    """Lay the story out as the kind of document asked for (a báo cáo unless ``doc`` says)."""
    header, story, appendix = built
    header = dataclasses.replace(header, doc_code=doc, addressee=" ".join(to.split()))
    return build_pdf(Path(out), header, story, appendix)


def render_brief(
    db: Database,
    kind: str,
    record_id: int,
    out: Path,
    *,
    lang: str = "vi",
    redact: bool = False,
    full: bool = False,
    actor: Actor | None = None,
    doc: str = "BC",
    to: str = "",
) -> Path:
    """Write the brief of one record to ``out`` and return the path.

    ``redact`` masks passport numbers, dates of birth and contacts (consular
    cases; the other kinds print no such data). ``full`` adds the whole history
    with a delegation's partner as an appendix. ``doc`` is the kind of document
    (``BC`` báo cáo, ``CV`` công văn, ``TTr`` tờ trình); ``to`` whom a công văn or
    tờ trình is sent to (the parent agency when empty).
    """
    _check_lang(lang)
    _check_doc(doc, to)
    today = clock.today()
    # Each kind's modules load when that kind is printed: a delegation brief from the
    # command line does not load the aid, case or yearly-review layouts (issue #16).
    if kind == "delegation":
        from huedesk.briefs.delegation import delegation_story
        from huedesk.briefs.gather_delegation import gather_delegation

        with db.read() as s:
            data = gather_delegation(s, record_id)
            settings = load(s)
        number = _number(db, settings, f"delegation:{data.ref}", actor, today, doc)
        built = delegation_story(data, lang, today, settings, full=full, number=number)
        return _write(out, built, doc, to)
    if kind == "consular_case":
        from huedesk.briefs.case import case_story
        from huedesk.briefs.gather_case import gather_case

        with db.read() as s:
            case = gather_case(s, record_id, redact=redact)
            settings = load(s)
        number = _number(db, settings, f"consular_case:{case.ref}", actor, today, doc)
        return _write(out, case_story(case, lang, today, settings, number=number), doc, to)
    if kind == "aid_project":
        from huedesk.briefs.aid import aid_story
        from huedesk.briefs.gather_aid import gather_aid

        with db.read() as s:
            statement = gather_aid(s, project_id=record_id)
            settings = load(s)
        number = _number(db, settings, f"aid:{statement.reference}", actor, today, doc)
        return _write(out, aid_story(statement, lang, today, settings, number=number), doc, to)
    raise HueDeskError(
        f"Không có mẫu tài liệu cho loại hồ sơ '{kind}' (có: {', '.join(BRIEF_KINDS)}).",
        f"No brief for record kind '{kind}' (known: {', '.join(BRIEF_KINDS)}).",
    )


def render_aid_statement(
    db: Database,
    out: Path,
    *,
    project_id: int | None = None,
    donor_id: int | None = None,
    year: int | None = None,
    lang: str = "vi",
    detail: bool = False,
    actor: Actor | None = None,
    doc: str = "BC",
    to: str = "",
) -> Path:
    """Write the aid statement for one project, one donor or one year to ``out``.

    Exactly one of ``project_id``, ``donor_id`` and ``year`` is given. A year's
    statement is summarised by donor and sector; ``detail`` adds every
    transaction of the year as an appendix. ``doc`` and ``to`` as for ``render_brief``.
    """
    _check_lang(lang)
    _check_doc(doc, to)
    from huedesk.briefs.aid import aid_story  # on first use: see render_brief
    from huedesk.briefs.gather_aid import gather_aid

    today = clock.today()
    with db.read() as s:
        statement = gather_aid(s, project_id=project_id, donor_id=donor_id, year=year)
        settings = load(s)
    subject = f"aid:{statement.scope}:{statement.reference}"
    number = _number(db, settings, subject, actor, today, doc)
    built = aid_story(statement, lang, today, settings, number=number, detail=detail)
    return _write(out, built, doc, to)


def render_year_review(
    db: Database, year: int, out: Path, *, lang: str = "vi", actor: Actor | None = None
) -> Path:
    """Write the yearly review of foreign-affairs work in ``year`` to ``out``.

    ``actor`` (the window and the command line pass the signed-in user) decides
    what the consular section shows; without one the caller is trusted.
    """
    _check_lang(lang)
    from huedesk.briefs.gather_year import gather_year  # on first use: see render_brief
    from huedesk.briefs.year import year_story

    today = clock.today()
    with db.read() as s:
        who = resolve(s, actor) if actor is not None else Principal("HueDesk", Role.ADMIN)
        review = gather_year(s, who, year, lang)
        settings = load(s)
    number = _number(db, settings, f"year:{year}", actor, today)
    return _write(out, year_story(review, lang, today, settings, number=number))

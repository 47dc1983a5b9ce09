"""Layout of the consular case summary (báo cáo tóm tắt vụ việc lãnh sự).

Always marked confidential: even a redacted copy names the people involved.
"""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable, Paragraph

from huedesk.briefs.blocks import (
    Col,
    Row,
    Sections,
    attach_headings,
    field_list,
    nothing,
    running_text,
    table,
    task_table,
)
from huedesk.briefs.case_data import CaseBrief, CasePersonLine, Withheld
from huedesk.briefs.frame import BriefHeader
from huedesk.briefs.markup import esc
from huedesk.briefs.styles import styles
from huedesk.briefs.texts import brief_date, brief_datetime, field_label, tr
from huedesk.db.enums import CaseStatus
from huedesk.document_settings import DocSettings

_OPEN = (CaseStatus.OPEN, CaseStatus.IN_PROGRESS, CaseStatus.AWAITING_RESPONSE)


def case_story(
    b: CaseBrief,
    lang: str,
    issued_on: dt.date,
    settings: DocSettings,
    *,
    number: int | None = None,
) -> tuple[BriefHeader, list[Flowable], list[Flowable]]:
    """The frame header and the flowables of a consular case summary (no appendix)."""
    title = b.title if lang == "vi" else f"{b.ref}, {b.case_type.label(lang).lower()}"
    header = BriefHeader(
        doc_code="BC",
        subject=tr("case_subject", lang, title=title),
        record_ref=b.ref,
        lang=lang,
        issued_on=issued_on,
        settings=settings,
        recipients=[tr("to_mofa_consular", lang), tr("to_leaders", lang)],
        number=number,
        personal_data=True,
        unit_code="LS",
    )
    sec = Sections()
    story: list[Flowable] = []
    if b.redacted:
        story.append(Paragraph(esc(tr("redacted_note", lang)), styles().note))
    story += sec.major(tr("case_info", lang))
    source = b.information_source.label(lang)
    if b.source_detail:
        source = f"{source}: {b.source_detail}"
    story += field_list(
        [
            (_label("ref", lang), b.ref),
            (_label("case_type", lang), b.case_type.label(lang)),
            (_label("country_code", lang), b.country.get(lang)),
            (_label("location", lang), b.location),
            (_label("opened_on", lang), brief_date(b.opened_on, lang)),
            (tr("case_source", lang), source),
            (_label("officer_id", lang), b.officer),
            (_label("consulate_notified_at", lang), brief_datetime(b.consulate_notified_at, lang)),
        ]
    )
    story += sec.major(tr("case_facts", lang))
    story += running_text(b.facts, lang)
    story += sec.major(tr("case_people", lang))
    story.append(_people(b.people, lang) if b.people else nothing(lang))
    story += sec.major(tr("case_actions", lang))
    story.append(_actions(b, lang) if b.actions else nothing(lang))
    story += sec.major(tr("case_status", lang))
    story += field_list(
        [
            (_label("status", lang), b.status.label(lang)),
            (_label("deadline", lang), _deadline(b, lang, issued_on)),
            (_label("closed_on", lang), brief_date(b.closed_on, lang)),
        ]
    )
    if b.tasks:
        story += sec.minor(tr("del_tasks", lang))
        story.append(task_table(b.tasks, lang))
    if b.consents:
        story += sec.minor(tr("case_consents", lang))
        story.append(_consents(b, lang))
    story += sec.major(tr("case_outcome", lang))
    story += running_text(b.outcome, lang)
    if b.notes:
        story += sec.minor(field_label("consular_case", "notes", lang))
        story += running_text(b.notes, lang)
    return header, attach_headings(story), []


def _label(field: str, lang: str) -> str:
    return field_label("consular_case", field, lang)


def _deadline(b: CaseBrief, lang: str, today: dt.date) -> str:
    if b.deadline is None:
        return ""
    text = brief_date(b.deadline, lang)
    if b.status in _OPEN and b.deadline < today:
        text += f" ({tr('case_overdue', lang, days=(today - b.deadline).days)})"
    return text


def _shown(value: object, lang: str) -> str:
    """A personal value as printed: withheld, empty, a date, or the text."""
    if isinstance(value, Withheld):
        return tr("redacted", lang)
    if isinstance(value, dt.date):
        return brief_date(value, lang)
    return "" if value is None else str(value)


def _people(people: tuple[CasePersonLine, ...], lang: str) -> Flowable:
    rows: list[Row] = []
    for i, p in enumerate(people, 1):
        who = [p.name, p.role.label(lang)]
        if p.gender is not None:
            who.append(p.gender.label(lang))
        if p.notes:
            who.append(p.notes)
        born = [_shown(p.date_of_birth, lang)]
        if p.nationality:
            born.append(p.nationality.get(lang))
        contacts = [_shown(v, lang) for v in (p.phone, p.email, p.address)]
        if all(isinstance(v, Withheld) for v in (p.phone, p.email, p.address)):
            contacts = [tr("redacted", lang)]
        rows.append(
            [
                str(i),
                "\n".join(who),
                "\n".join(x for x in born if x),
                _shown(p.passport_no, lang),
                "\n".join(dict.fromkeys(x for x in contacts if x)),
            ]
        )
    cols = [
        Col(tr("no", lang), "C", wrap=False),
        Col(tr("case_person", lang), bold_first=True),
        Col(tr("case_identity", lang)),
        Col(field_label("person", "passport_no", lang), "C", wrap=False),
        Col(tr("case_contacts", lang)),
    ]
    return table(cols, rows, lang)


def _actions(b: CaseBrief, lang: str) -> Flowable:
    rows: list[Row] = [
        [
            f"{brief_date(a.taken_at.date(), lang)}\n{a.taken_at:%H:%M}",
            a.action,
            a.officer or "",
            a.next_step or "",
        ]
        for a in b.actions
    ]
    labels = [
        field_label("case_action", f, lang) for f in ("taken_at", "action", "officer", "next_step")
    ]
    cols = [Col(labels[0], "C", wrap=False), Col(labels[1]), Col(labels[2]), Col(labels[3])]
    return table(cols, rows, lang)


def _consents(b: CaseBrief, lang: str) -> Flowable:
    rows: list[Row] = [
        [
            c.person,
            c.recipient,
            c.scope or "",
            brief_date(c.given_on, lang),
            brief_date(c.withdrawn_on, lang),
        ]
        for c in b.consents
    ]
    labels = [
        field_label("case_consent", f, lang)
        for f in ("person_id", "recipient", "scope", "given_on", "withdrawn_on")
    ]
    cols = [Col(labels[0]), Col(labels[1]), Col(labels[2])]
    cols += [Col(labels[3], "C", wrap=False), Col(labels[4], "C", wrap=False)]
    return table(cols, rows, lang)

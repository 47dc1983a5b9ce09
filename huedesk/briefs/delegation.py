"""Layout of the delegation brief: a report a leader reads in five minutes before the meeting.

Page 1 is a summary to read standing up: who is coming (or going), when, why,
the partner in three lines, the state of relations (agreements in force, the
latest exchanges and what came of them, what is still open and who owes it)
and three to five talking points. Then the members in order of precedence, the
programme day by day, the gifts, and the outcomes once the visit is over. The
full history with the partner is an appendix, printed only when asked for.
Inbound and outbound briefs use the words of their direction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph

from huedesk.briefs import glossary
from huedesk.briefs.blocks import (
    Col,
    Row,
    Sections,
    Span,
    attach_headings,
    field_list,
    nothing,
    running_text,
    table,
    task_table,
)
from huedesk.briefs.data import (
    AgreementLine,
    DelegationBrief,
    GiftLine,
    MemberLine,
    ProgrammeLine,
    TaskLine,
    VisitLine,
)
from huedesk.briefs.frame import AppendixHead, BriefHeader
from huedesk.briefs.markup import esc
from huedesk.briefs.styles import styles
from huedesk.briefs.texts import (
    brief_date,
    brief_month,
    date_span,
    day_heading,
    days_count,
    field_label,
    period,
    tr,
)
from huedesk.db.enums import (
    AgreementStatus,
    AidStatus,
    Direction,
    GiftDirection,
    PartnershipStatus,
)
from huedesk.document_settings import DocSettings
from huedesk.money import format_money, group_digits

RECENT = 3
SHOWN_AGREEMENTS = 2
SHOWN_TASKS = 4
SUMMARY_SIZE = 11.5
MAX_POINTS = 5
MIN_POINTS = 3


def delegation_story(
    b: DelegationBrief,
    lang: str,
    issued_on: dt.date,
    settings: DocSettings,
    *,
    full: bool = False,
    number: int | None = None,
) -> tuple[BriefHeader, list[Flowable], list[Flowable]]:
    """The frame header, the body and (with ``full``) the history appendix of a delegation brief."""
    header = BriefHeader(
        doc_code="BC",
        subject=_subject(b, lang),
        record_ref=b.ref,
        lang=lang,
        issued_on=issued_on,
        settings=settings,
        recipients=[tr("to_leaders", lang), tr("to_city_office", lang), tr("to_directors", lang)],
        number=number,
        unit_code="HTQT",
    )
    sec = Sections()
    story: list[Flowable] = []
    story += sec.major(tr("del_summary", lang))
    story += _summary(b, lang, issued_on, full)
    story += _members(b, lang, sec)
    story += _programme(b.programme, lang, sec)
    story += _gifts(b, lang, sec)
    story += _results(b, lang, sec)
    appendix = _history(b, lang, header) if full else []
    return header, attach_headings(story), attach_headings(appendix)


# -- words of each direction ------------------------------------------------------------


def _partner_name(b: DelegationBrief, lang: str) -> str:
    if b.partner is None:
        return b.country.get(lang)
    name = b.partner.name.get(lang)
    return name[0].lower() + name[1:] if lang == "vi" and _is_unit(name) else name


def _is_unit(name: str) -> bool:
    return name.split(" ")[0] in ("Tỉnh", "Thành", "Huyện", "Vùng", "Phủ", "Khu")


def _subject(b: DelegationBrief, lang: str) -> str:
    country = b.country.get(lang)
    if b.inbound:
        who = (
            tr("del_who_partner", lang, partner=_partner_name(b, lang), country=country)
            if b.partner is not None
            else tr("del_who_country", lang, country=country)
        )
        return tr("del_subject_in", lang, who=who)
    where = (
        tr("del_where", lang, partner=_partner_name(b, lang), country=country)
        if b.partner is not None
        else country
    )
    return tr("del_subject_out", lang, where=where)


def _delegation_name(b: DelegationBrief, lang: str) -> str:
    """The record's own title; in English one made of the partner's English name.

    Titles are typed in Vietnamese, so an English brief names the delegation itself.
    """
    if lang != "en":
        return b.title
    country = b.country.get(lang)
    if b.partner is None:
        return tr(
            "del_name_in_country" if b.inbound else "del_name_out_country", lang, country=country
        )
    key = "del_name_in" if b.inbound else "del_name_out"
    return tr(key, lang, partner=b.partner.name.get(lang), country=country)


# -- page 1: the summary ------------------------------------------------------------------


def _summary(b: DelegationBrief, lang: str, today: dt.date, full: bool) -> list[Flowable]:
    rows: list[tuple[str, object]] = [(tr("del_delegation", lang), _delegation_name(b, lang))]
    head = b.head
    if head is not None:
        rows.append((tr("del_head", lang), _head_line(head, lang)))
    if b.members:
        spoken = {part.strip() for m in b.members for part in (m.language or "").split(",")}
        languages = sorted({_first_upper(glossary.language(x, lang)) for x in spoken if x})
        count = tr("del_members_count", lang, n=len(b.members))
        rows.append((tr("del_members", lang), "; ".join([count, *languages])))
    rows.append((tr("del_when", lang), _when(b, lang)))
    rows.append((tr("del_why", lang), b.purpose))
    hosts_key = "del_hosts_in" if b.inbound else "del_hosts_out"
    rows.append((tr(hosts_key, lang), b.hosts))
    if not b.inbound and (b.approval_decision or b.budget_vnd is not None):
        money = format_money(b.budget_vnd, "VND", lang) if b.budget_vnd is not None else ""
        rows.append(
            (tr("del_budget", lang), "; ".join(x for x in (money, b.approval_decision) if x))
        )
    rows.append((tr("del_partner", lang), _partner_lines(b, lang)))
    rows.append((tr("del_in_force", lang), _agreement_lines(b, lang, today)))
    rows.append((tr("del_recent", lang), _recent_lines(b.visits, lang)))
    rows.append((tr("del_follow", lang), _follow_lines(b, lang, today)))
    rows.append((tr("del_talking", lang), _bullets(talking_points(b, lang, today))))
    flow = field_list(rows, size=SUMMARY_SIZE)
    hidden = len(b.visits) > RECENT or len(b.agreements) > SHOWN_AGREEMENTS
    if hidden and not full:
        note = tr("del_full_note", lang, visits=len(b.visits), agreements=len(b.agreements))
        flow.append(Paragraph(esc(note), styles().note))
    return flow


def _bullets(lines: Sequence[str]) -> str:
    return "\n".join(f"– {line}" for line in lines)


def _person(m: MemberLine, lang: str) -> str:
    """``Thống đốc, Tỉnh Gifu`` / ``Governor, Gifu Prefecture``.

    A position typed with its organisation (``Thống đốc tỉnh Gifu``) prints it once:
    as typed in Vietnamese, as the office and the organisation's English name in English.
    """
    position = m.position or ""
    org = m.organisation.get(lang) if m.organisation else ""
    own = m.organisation.vi.casefold() if m.organisation else ""
    if own and position.casefold().endswith(" " + own):
        if lang != "en":
            return position
        position = position[: -len(own)].rstrip()
    return ", ".join(x for x in (glossary.office(position, lang), org) if x)


def _head_line(m: MemberLine, lang: str) -> str:
    where = _person(m, lang)
    form = glossary.form_of_address(m.form_of_address, m.gender, lang)
    first = f"{m.name} — {where}" if where else m.name
    return (
        f"{first}\n{field_label('delegation_member', 'form_of_address', lang)}: {form}"
        if form
        else first
    )


def _when(b: DelegationBrief, lang: str) -> str:
    first, last = b.first_day, b.last_day
    text = f"{period(first, last, lang)} ({days_count(first, last, lang)})"
    recorded = (b.start_date, b.end_date or b.start_date)
    if (first, last) != recorded:  # the programme runs longer than the record says
        text += f"; {tr('del_record_says', lang, span=period(*recorded, lang))}"
    return text


def _partner_lines(b: DelegationBrief, lang: str) -> str:
    if b.history_by_country or b.partner is None:
        return tr("del_country_only", lang, country=b.country.get(lang))
    p = b.partner
    name = p.name.get(lang)
    if lang == "vi" and p.name.en:
        name = f"{p.name.vi} ({p.name.en})"
    country = p.country.get(lang) if p.country else b.country.get(lang)
    lines = [f"{name} — {p.org_type.label(lang)}, {country}"]
    relation = next(
        (x for x in b.partnerships if x.status is PartnershipStatus.ESTABLISHED and x.since), None
    ) or next(iter(b.partnerships), None)
    if relation is not None:
        since = brief_date(relation.since, lang) if relation.since else "…"
        lines.append(
            tr(
                "del_relation",
                lang,
                relation=relation.relation_type.label(lang),
                since=since,
                status=relation.status.label(lang).lower(),
            )
        )
    inbound = sum(1 for v in b.visits if v.direction is Direction.INBOUND)
    outbound = len(b.visits) - inbound
    key = "del_exchanges_one" if len(b.visits) == 1 else "del_exchanges"
    lines.append(
        tr(key, lang, n=len(b.visits), inbound=inbound, outbound=outbound)
        if b.visits
        else tr("del_no_exchanges", lang)
    )
    return "\n".join(lines)


def in_force(agreements: Sequence[AgreementLine], today: dt.date) -> list[AgreementLine]:
    """Agreements signed or in force and not expired on ``today``, newest first."""
    live = (AgreementStatus.IN_FORCE, AgreementStatus.SIGNED)
    return [
        a
        for a in agreements
        if a.status in live and (a.expires_on is None or a.expires_on >= today)
    ]


def _agreement_lines(b: DelegationBrief, lang: str, today: dt.date) -> str:
    live = in_force(b.agreements, today)
    if not live:
        return tr("del_no_agreements", lang)
    lines = []
    for a in live[:SHOWN_AGREEMENTS]:
        signed = brief_date(a.signed_on, lang) if a.signed_on else "…"
        if a.expires_on:
            lines.append(
                tr(
                    "del_agreement_line",
                    lang,
                    title=a.title,
                    signed=signed,
                    expires=brief_date(a.expires_on, lang),
                )
            )
        else:
            lines.append(tr("del_agreement_open", lang, title=a.title, signed=signed))
    if len(live) > SHOWN_AGREEMENTS:
        lines.append(tr("and_more_plain", lang, n=len(live) - SHOWN_AGREEMENTS))
    return _bullets(lines)


def _recent_lines(visits: Sequence[VisitLine], lang: str) -> str:
    """The latest exchanges, one line each: when, which way, and what came of it."""
    if not visits:
        return tr("del_no_exchanges", lang)
    lines = []
    for v in visits[:RECENT]:
        direction = v.direction.label(lang)
        what = (v.outcomes or "").strip().rstrip(".")
        if not what:
            what = v.title if lang == "vi" else f"{v.ref}, {v.status.label(lang).lower()}"
        lines.append(
            tr(
                "del_recent_line",
                lang,
                when=brief_month(v.start_date, lang),
                direction=direction.lower() if lang == "en" else direction,
                title=what,
            )
        )
    return _bullets(lines)


def _due(t: TaskLine, lang: str, today: dt.date) -> str:
    if t.due_date is None:
        return ""
    text = tr("due", lang, date=brief_date(t.due_date, lang))
    if t.due_date < today:
        text += f" ({tr('overdue', lang, days=(today - t.due_date).days)})"
    return text


def _follow_order(tasks: Sequence[TaskLine], today: dt.date) -> list[TaskLine]:
    """What is due next first, then what is overdue (the most recent first), then undated."""
    upcoming = sorted((t for t in tasks if t.due_date and t.due_date >= today), key=_due_key)
    overdue = sorted((t for t in tasks if t.due_date and t.due_date < today), key=_due_key)
    return upcoming + overdue[::-1] + [t for t in tasks if t.due_date is None]


def _due_key(t: TaskLine) -> dt.date:
    assert t.due_date is not None
    return t.due_date


def _follow_lines(b: DelegationBrief, lang: str, today: dt.date) -> str:
    lines = []
    ordered = _follow_order(b.open_tasks, today)
    for t in ordered[:SHOWN_TASKS]:
        who = t.assignee or "…"
        lines.append(tr("del_task_line", lang, title=t.title, who=who, due=_due(t, lang, today)))
    if len(ordered) > SHOWN_TASKS:
        lines.append(tr("and_more_plain", lang, n=len(ordered) - SHOWN_TASKS))
    for a in b.aid:
        share = a.share_disbursed
        if a.status not in (AidStatus.APPROVED, AidStatus.IN_PROGRESS) or share is None:
            continue
        if share >= 1:
            continue
        lines.append(
            tr(
                "del_aid_line",
                lang,
                title=a.title,
                share=f"{group_digits(round(share * 100), lang)} %",
                paid=format_money(a.disbursed_amount, a.currency, lang),
                committed=format_money(a.committed_amount, a.currency, lang),
            )
        )
    return _bullets(lines) if lines else tr("del_nothing_open", lang)


def talking_points(b: DelegationBrief, lang: str, today: dt.date) -> list[str]:
    """Three to five points: the ones typed on the record, then reminders the records suggest."""
    typed = [
        line.strip().lstrip("-–•+*").strip()
        for line in (b.talking_points or "").splitlines()
        if line.strip().lstrip("-–•+*").strip()
    ]
    partner = _partner_name(b, lang)
    suggested: list[str] = []
    for a in in_force(b.agreements, today):
        if a.expires_on and a.expires_on <= b.start_date + dt.timedelta(days=365):
            suggested.append(
                tr("tp_renew", lang, title=a.title, date=brief_date(a.expires_on, lang))
            )
    for t in b.open_tasks:
        if t.due_date and t.due_date <= b.start_date + dt.timedelta(days=30):
            suggested.append(tr("tp_task", lang, title=t.title, date=brief_date(t.due_date, lang)))
            break
    last = next((v for v in b.visits if v.outcomes), None)
    if last is not None:
        outcome = (last.outcomes or "").strip().rstrip(".")
        suggested.append(
            tr("tp_last", lang, date=brief_date(last.start_date, lang), outcome=outcome)
        )
    for project in b.aid:
        share = project.share_disbursed
        if project.status is AidStatus.IN_PROGRESS and share is not None and share < 0.5:
            pct = f"{group_digits(round(share * 100), lang)} %"
            suggested.append(tr("tp_aid", lang, title=project.title, share=pct))
            break
    since = next((p.since for p in b.partnerships if p.since), None)
    if since is not None:
        years = b.start_date.year - since.year
        if years > 0 and years % 5 == 0:
            suggested.append(tr("tp_anniversary", lang, years=years, since=brief_date(since, lang)))
    points = typed + suggested[: max(0, MAX_POINTS - len(typed))]
    fillers = [
        tr("tp_thanks", lang, partner=partner),
        tr("tp_next", lang, year=b.start_date.year + 1),
    ]
    if b.purpose and lang == "vi":
        fillers.insert(0, tr("tp_purpose", lang, purpose=b.purpose.strip().rstrip(".")))
    for filler in fillers:
        if len(points) >= MIN_POINTS:
            break
        points.append(filler)
    return points if len(typed) > MAX_POINTS else points[:MAX_POINTS]


# -- members, programme, gifts, outcomes ------------------------------------------------


def _members(b: DelegationBrief, lang: str, sec: Sections) -> list[Flowable]:
    title = tr("del_members" if b.inbound else "del_members_out", lang)
    flow = sec.major(title)
    if not b.members:
        return [*flow, nothing(lang)]
    cells: list[list[str]] = []
    for i, m in enumerate(b.members, 1):
        who = [m.name]
        where = _person(m, lang)
        if where:
            who.append(where)
        nationality = m.nationality.get(lang) if m.nationality else ""
        if nationality and nationality != b.country.get(lang):
            who.append(nationality)
        cells.append(
            [
                str(i),
                "\n".join(who),
                glossary.role(m.title, lang),
                glossary.form_of_address(m.form_of_address, m.gender, lang),
                glossary.language(m.language, lang),
                glossary.diet(m.dietary_needs, lang),
            ]
        )
    cols = [
        Col(tr("no", lang), "C", wrap=False),
        Col(tr("del_member", lang), bold_first=True),
        Col(tr("del_role", lang)),
        Col(tr("del_address", lang)),
        Col(tr("del_language", lang)),
        Col(tr("del_diet", lang)),
    ]
    # A column nobody filled in (no one has dietary needs) is left out.
    keep = [c for c in range(len(cols)) if c < 2 or any(r[c] for r in cells)]
    rows: list[Row] = [[r[c] for c in keep] for r in cells]
    return [*flow, table([cols[c] for c in keep], rows, lang)]


def _time_range(p: ProgrammeLine, lang: str) -> str:
    start = p.starts_at.strftime("%H:%M")
    if p.ends_at is None:
        return start
    if p.ends_at.date() != p.starts_at.date():
        return f"{start} –\n{brief_date(p.ends_at.date(), lang)}\n{p.ends_at:%H:%M}"
    return f"{start} – {p.ends_at:%H:%M}"


def _programme(items: Sequence[ProgrammeLine], lang: str, sec: Sections) -> list[Flowable]:
    flow = sec.major(tr("del_programme", lang))
    if not items:
        return [*flow, nothing(lang)]
    rows: list[Row] = []
    day: dt.date | None = None
    for p in items:
        if p.starts_at.date() != day:
            day = p.starts_at.date()
            rows.append(Span(day_heading(day, lang)))
        rows.append(
            [
                _time_range(p, lang),
                p.activity,
                p.place or "",
                glossary.participants(p.hue_participants, lang),
                glossary.agency(p.responsible_office, lang),
            ]
        )
    cols = [
        Col(tr("del_time_col", lang), "C", wrap=False),
        Col(field_label("programme_item", "activity", lang)),
        Col(field_label("programme_item", "place", lang)),
        Col(field_label("programme_item", "hue_participants", lang)),
        Col(field_label("programme_item", "responsible_office", lang)),
    ]
    return [*flow, table(cols, rows, lang)]


def _gifts(b: DelegationBrief, lang: str, sec: Sections) -> list[Flowable]:
    key = "del_gifts_now" if b.completed else "del_gifts_planned"
    flow = sec.major(tr(key, lang))
    flow.append(_gift_table(b.gifts, lang) if b.gifts else nothing(lang))
    given = [g for g in b.earlier_gifts if g.direction is GiftDirection.GIVEN]
    if given:
        seen: dict[str, int] = {}
        for g in given:
            seen.setdefault(g.description, g.visit_date.year)
        listed = "; ".join(f"{d} ({y})" for d, y in list(seen.items())[:6])
        flow.append(Paragraph(esc(tr("del_given_before", lang, list=listed)), styles().body_plain))
    return flow


def _gift_table(gifts: Sequence[GiftLine], lang: str, *, with_visit: bool = False) -> Flowable:
    rows: list[Row] = []
    for g in gifts:
        row = [g.direction.label(lang), g.description, g.giver or "", g.recipient or ""]
        rows.append(
            [f"{brief_date(g.visit_date, lang)}\n{g.visit_ref}", *row] if with_visit else row
        )
    cols = [
        Col(field_label("gift", "direction", lang)),
        Col(field_label("gift", "description", lang)),
        Col(tr("del_gift_from", lang)),
        Col(tr("del_gift_to", lang)),
    ]
    if with_visit:
        cols.insert(0, Col(tr("del_visit_when", lang), "C", wrap=False))
    return table(cols, rows, lang)


def _results(b: DelegationBrief, lang: str, sec: Sections) -> list[Flowable]:
    parts = (b.outcomes, b.documents_signed, b.press, b.tasks)
    if not b.completed and not any(parts):
        return []
    flow = sec.major(tr("del_results", lang))
    if not any(parts):
        return [*flow, nothing(lang)]
    for name, text in (
        ("outcomes", b.outcomes),
        ("documents_signed", b.documents_signed),
        ("press", b.press),
    ):
        if text:
            flow += sec.minor(field_label("delegation", name, lang))
            flow += running_text(text, lang)
    if b.tasks:
        flow += sec.minor(tr("del_tasks", lang))
        flow.append(task_table(b.tasks, lang))
    return flow


# -- the appendix: the full history with the partner -----------------------------------


def _history(b: DelegationBrief, lang: str, header: BriefHeader) -> list[Flowable]:
    partner = _partner_name(b, lang)
    flow: list[Flowable] = [AppendixHead(header, tr("del_history", lang, partner=partner))]
    sec = Sections()
    if b.partnerships:
        flow += sec.major(tr("del_partnerships", lang))
        rows: list[Row] = [
            [
                p.partner.get(lang),
                p.relation_type.label(lang),
                p.level.label(lang),
                brief_date(p.since, lang),
                p.status.label(lang),
            ]
            for p in b.partnerships
        ]
        labels = [
            field_label("partnership", f, lang)
            for f in ("partner_id", "relation_type", "level", "since", "status")
        ]
        cols = [Col(labels[0]), Col(labels[1]), Col(labels[2]), Col(labels[3], "C", wrap=False)]
        flow.append(table([*cols, Col(labels[4])], rows, lang))
    flow += sec.major(tr("del_visits", lang))
    rows = [
        [
            date_span(v.start_date, v.end_date, lang),
            v.direction.label(lang),
            f"{v.title}\n{v.ref}",
            v.status.label(lang),
        ]
        for v in b.visits
    ]
    cols = [
        Col(tr("del_visit_when", lang), "C", wrap=False),
        Col(field_label("delegation", "direction", lang)),
        Col(field_label("delegation", "title", lang)),
        Col(field_label("delegation", "status", lang)),
    ]
    flow.append(table(cols, rows, lang) if rows else nothing(lang))
    flow += sec.major(tr("del_agreements", lang))
    rows = [
        [
            f"{a.title}\n{a.ref}",
            a.agreement_type.label(lang),
            brief_date(a.signed_on, lang),
            brief_date(a.expires_on, lang),
            a.status.label(lang),
        ]
        for a in b.agreements
    ]
    labels = [
        field_label("agreement", f, lang)
        for f in ("title", "agreement_type", "signed_on", "expires_on", "status")
    ]
    cols = [Col(labels[0]), Col(labels[1]), Col(labels[2], "C", wrap=False)]
    cols += [Col(labels[3], "C", wrap=False), Col(labels[4])]
    flow.append(table(cols, rows, lang) if rows else nothing(lang))
    if b.aid or b.fdi:
        flow += sec.major(tr("del_aid_fdi", lang))
    if b.aid:
        rows = [
            [
                f"{a.title}\n{a.ref}",
                format_money(a.committed_amount, a.currency, lang),
                group_digits(a.disbursed_vnd, lang),
                a.status.label(lang),
            ]
            for a in b.aid
        ]
        cols = [
            Col(tr("del_aid", lang)),
            Col(field_label("aid_project", "committed_amount", lang), "R", wrap=False),
            Col(tr("del_disbursed", lang), "R", wrap=False),
            Col(field_label("aid_project", "status", lang)),
        ]
        flow.append(table(cols, rows, lang))
    if b.fdi:
        rows = [
            [
                f"{f.name}\n{f.ref}",
                format_money(f.registered_capital, f.currency, lang),
                brief_date(f.licence_date, lang),
                f.status.label(lang),
            ]
            for f in b.fdi
        ]
        labels = [
            field_label("fdi_project", f, lang)
            for f in ("registered_capital", "licence_date", "status")
        ]
        cols = [
            Col(tr("del_fdi", lang)),
            Col(labels[0], "R", wrap=False),
            Col(labels[1], "C", wrap=False),
            Col(labels[2]),
        ]
        flow.append(table(cols, rows, lang))
    if b.earlier_gifts:
        flow += sec.major(tr("del_gifts_before", lang))
        flow.append(_gift_table(b.earlier_gifts, lang, with_visit=True))
    return flow


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]

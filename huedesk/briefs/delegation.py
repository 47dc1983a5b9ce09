"""Layout of the delegation brief (tài liệu phục vụ đón tiếp / đoàn công tác)."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable, Spacer

from huedesk.briefs.blocks import (
    Row,
    Sections,
    Span,
    data_table,
    field_list,
    nothing,
    running_text,
    task_table,
)
from huedesk.briefs.data import DelegationBrief, GiftLine, ProgrammeLine
from huedesk.briefs.frame import BriefHeader
from huedesk.briefs.texts import date_span, day_heading, field_label, period, tr
from huedesk.db.enums import Direction
from huedesk.formatting import format_date
from huedesk.money import format_money, group_digits


def delegation_story(
    b: DelegationBrief, lang: str, issued_on: dt.date
) -> tuple[BriefHeader, list[Flowable]]:
    """The frame header and the flowables of a delegation brief."""
    title_key = "del_title_out" if b.direction == Direction.OUTBOUND else "del_title_in"
    header = BriefHeader(
        title=tr(title_key, lang),
        subtitle=b.title,
        record_ref=b.ref,
        doc_code="TL",
        lang=lang,
        issued_on=issued_on,
    )
    sec = Sections()
    story: list[Flowable] = []
    story += _general(b, lang, sec)
    story += _history(b, lang, sec)
    story += _members(b, lang, sec)
    story += _programme(b.programme, lang, sec)
    story += sec.major(tr("del_talking", lang))
    story += running_text(b.talking_points, lang)
    story += _results(b, lang, sec)
    return header, story


def _label(field: str, lang: str) -> str:
    return field_label("delegation", field, lang)


def _general(b: DelegationBrief, lang: str, sec: Sections) -> list[Flowable]:
    partner = None
    if b.partner is not None:
        partner = f"{b.partner.name.get(lang)} ({b.partner.org_type.label(lang).lower()})"
    flow: list[Flowable] = [*sec.major(tr("del_general", lang))]
    flow += field_list(
        [
            (_label("ref", lang), b.ref),
            (_label("direction", lang), b.direction.label(lang)),
            (_label("country_code", lang), b.country.get(lang)),
            (_label("partner_id", lang), partner),
            (tr("del_time", lang), period(b.start_date, b.end_date, lang)),
            (_label("status", lang), b.status.label(lang)),
            (_label("hosts", lang), b.hosts),
            (_label("approval_decision", lang), b.approval_decision),
            (
                _label("budget_vnd", lang).split(" (")[0],
                format_money(b.budget_vnd, "VND", lang) if b.budget_vnd is not None else None,
            ),
        ]
    )
    flow += sec.minor(tr("del_purpose", lang))
    flow += running_text(b.purpose, lang)
    if b.itinerary:
        flow += sec.minor(tr("del_itinerary", lang))
        flow += running_text(b.itinerary, lang)
    if b.notes:
        flow += sec.minor(tr("del_notes", lang))
        flow += running_text(b.notes, lang)
    return flow


def _history(b: DelegationBrief, lang: str, sec: Sections) -> list[Flowable]:
    flow: list[Flowable] = [*sec.major(tr("del_partner_history", lang))]
    if b.history_by_country:
        flow += running_text(tr("del_history_by_country", lang, country=b.country.get(lang)), lang)
    elif b.partner is not None:
        p = b.partner
        flow += field_list(
            [
                (field_label("organisation", "name", lang), p.name.vi),
                (field_label("organisation", "name_en", lang), p.name.en),
                (field_label("organisation", "org_type", lang), p.org_type.label(lang)),
                (
                    field_label("organisation", "country_code", lang),
                    p.country.get(lang) if p.country else None,
                ),
                (field_label("organisation", "address", lang), p.address),
                (field_label("organisation", "website", lang), p.website),
            ]
        )

    flow += sec.minor(tr("del_partnerships", lang))
    rows: list[Row] = [
        [
            p.partner.get(lang),
            p.relation_type.label(lang),
            p.level.label(lang),
            format_date(p.since),
            p.status.label(lang),
        ]
        for p in b.partnerships
    ]
    flow.append(
        data_table(
            [
                field_label("partnership", "partner_id", lang),
                field_label("partnership", "relation_type", lang),
                field_label("partnership", "level", lang),
                field_label("partnership", "since", lang),
                field_label("partnership", "status", lang),
            ],
            rows,
            [52, 26, 28, 24, 30],
            "LLLCL",
        )
        if rows
        else nothing(lang)
    )

    flow += sec.minor(tr("del_visits", lang))
    rows = [
        [
            date_span(v.start_date, v.end_date),
            v.direction.label(lang),
            f"{v.title}\n{v.ref}",
            v.status.label(lang),
        ]
        for v in b.visits
    ]
    flow.append(
        data_table(
            [
                tr("del_visit_when", lang),
                _label("direction", lang),
                _label("title", lang),
                _label("status", lang),
            ],
            rows,
            [28, 22, 84, 26],
            "CLLL",
        )
        if rows
        else nothing(lang)
    )

    flow += sec.minor(tr("del_agreements", lang))
    rows = [
        [
            f"{a.title}\n{a.ref}",
            a.agreement_type.label(lang),
            format_date(a.signed_on),
            format_date(a.expires_on),
            a.status.label(lang),
        ]
        for a in b.agreements
    ]
    flow.append(
        data_table(
            [
                field_label("agreement", f, lang)
                for f in ("title", "agreement_type", "signed_on", "expires_on", "status")
            ],
            rows,
            [60, 32, 22, 22, 24],
            "LLCCL",
        )
        if rows
        else nothing(lang)
    )

    flow += sec.minor(tr("del_aid_fdi", lang))
    if not b.aid and not b.fdi:
        flow.append(nothing(lang))
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
        flow.append(
            data_table(
                [
                    tr("del_aid", lang),
                    field_label("aid_project", "committed_amount", lang),
                    tr("del_disbursed", lang),
                    field_label("aid_project", "status", lang),
                ],
                rows,
                [62, 36, 36, 26],
                "LRRL",
            )
        )
    if b.fdi:
        rows = [
            [
                f"{f.name}\n{f.ref}",
                format_money(f.registered_capital, f.currency, lang),
                format_date(f.licence_date),
                f.status.label(lang),
            ]
            for f in b.fdi
        ]
        if b.aid:
            flow.append(Spacer(1, 8))
        flow.append(
            data_table(
                [tr("del_fdi", lang)]
                + [
                    field_label("fdi_project", f, lang)
                    for f in ("registered_capital", "licence_date", "status")
                ],
                rows,
                [62, 36, 36, 26],
                "LRCL",
            )
        )

    flow += sec.minor(tr("del_gifts_before", lang))
    flow.append(_gift_table(b.earlier_gifts, lang, with_visit=True))
    return flow


def _gift_table(gifts: tuple[GiftLine, ...], lang: str, *, with_visit: bool) -> Flowable:
    if not gifts:
        return nothing(lang)
    rows: list[Row] = []
    for g in gifts:
        between = " → ".join(x for x in (g.giver or "…", g.recipient or "…"))
        row = [g.direction.label(lang), g.description, between]
        rows.append([f"{format_date(g.visit_date)}\n{g.visit_ref}", *row] if with_visit else row)
    headers = [
        field_label("gift", "direction", lang),
        field_label("gift", "description", lang),
        tr("del_gift_between", lang),
    ]
    if with_visit:
        return data_table([tr("del_visit_when", lang), *headers], rows, [26, 23, 61, 50], "CCLL")
    return data_table(headers, rows, [22, 78, 60], "CLL")


def _members(b: DelegationBrief, lang: str, sec: Sections) -> list[Flowable]:
    flow: list[Flowable] = [*sec.major(tr("del_members", lang))]
    if not b.members:
        return [*flow, nothing(lang)]
    rows: list[Row] = []
    for i, m in enumerate(b.members, 1):
        who = [m.name + (f" ({tr('del_head', lang).lower()})" if m.is_head else "")]
        where = ", ".join(x for x in (m.position, m.organisation) if x)
        who += [x for x in (where, m.nationality.get(lang) if m.nationality else "") if x]
        rows.append(
            [
                str(i),
                "\n".join(who),
                m.title or "",
                m.form_of_address or "",
                m.language or "",
                m.dietary_needs or "",
            ]
        )
    headers = [tr("no", lang), tr("del_member", lang)] + [
        field_label("delegation_member", f, lang)
        for f in ("title", "form_of_address", "language", "dietary_needs")
    ]
    flow.append(data_table(headers, rows, [11, 52, 29, 24, 20, 24], "CLLLLL"))
    return flow


def _time_range(p: ProgrammeLine) -> str:
    start = p.starts_at.strftime("%H:%M")
    if p.ends_at is None:
        return start
    if p.ends_at.date() != p.starts_at.date():
        return f"{start} – {p.ends_at:%d/%m %H:%M}"
    return f"{start} – {p.ends_at:%H:%M}"


def _programme(items: tuple[ProgrammeLine, ...], lang: str, sec: Sections) -> list[Flowable]:
    flow: list[Flowable] = [*sec.major(tr("del_programme", lang))]
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
                _time_range(p),
                p.place or "",
                p.activity,
                p.hue_participants or "",
                p.responsible_office or "",
            ]
        )
    headers = [tr("del_time_col", lang)] + [
        field_label("programme_item", f, lang)
        for f in ("place", "activity", "hue_participants", "responsible_office")
    ]
    flow.append(data_table(headers, rows, [21, 30, 47, 33, 29], "CLLLL"))
    return flow


def _results(b: DelegationBrief, lang: str, sec: Sections) -> list[Flowable]:
    parts = (b.outcomes, b.documents_signed, b.press, b.gifts, b.tasks)
    if not b.completed and not any(parts):
        return []
    flow: list[Flowable] = [*sec.major(tr("del_results", lang))]
    if not any(parts):
        return [*flow, nothing(lang)]
    for field, text in (
        ("outcomes", b.outcomes),
        ("documents_signed", b.documents_signed),
        ("press", b.press),
    ):
        if text:
            flow += sec.minor(_label(field, lang))
            flow += running_text(text, lang)
    if b.gifts:
        flow += sec.minor(tr("del_gifts_now", lang))
        flow.append(_gift_table(b.gifts, lang, with_visit=False))
    if b.tasks:
        flow += sec.minor(tr("del_tasks", lang))
        flow.append(task_table(b.tasks, lang))
    return flow

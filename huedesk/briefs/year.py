"""Layout of the yearly review (báo cáo tổng kết công tác đối ngoại năm).

What the review says is issue #14's; this module gives it the shared frame,
tables and English of the other briefs.
"""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable

from huedesk.briefs.blocks import Col, Row, Sections, Total, attach_headings, running_text, table
from huedesk.briefs.data import YearReview
from huedesk.briefs.frame import BriefHeader
from huedesk.briefs.texts import date_span, field_label, tr
from huedesk.document_settings import DocSettings
from huedesk.formatting import format_date
from huedesk.money import format_money, group_digits


def year_story(
    r: YearReview,
    lang: str,
    issued_on: dt.date,
    settings: DocSettings,
    *,
    number: int | None = None,
) -> tuple[BriefHeader, list[Flowable], list[Flowable]]:
    """The frame header and the flowables of the yearly review (no appendix)."""
    header = BriefHeader(
        doc_code="BC",
        subject=tr("year_subject", lang, year=r.year),
        record_ref=tr("year_ref", lang, year=r.year),
        lang=lang,
        issued_on=issued_on,
        settings=settings,
        recipients=[tr("to_mofa", lang), tr("to_party_council", lang), tr("to_leaders", lang)],
        number=number,
        unit_code="HTQT",
    )
    sec = Sections()
    story: list[Flowable] = []
    story += _visits(r, lang, sec)
    story += _agreements(r, lang, sec)
    story += _partners(r, lang, sec)
    story += _fdi(r, lang, sec)
    story += _aid(r, lang, sec)
    story += _cases(r, lang, sec)
    story += _events(r, lang, sec)
    return header, attach_headings(story), []


def _n(value: int, lang: str) -> str:
    return group_digits(value, lang)


def _visits(r: YearReview, lang: str, sec: Sections) -> list[Flowable]:
    flow = sec.major(tr("year_visits", lang))
    inbound = sum(v.inbound for v in r.visits)
    outbound = sum(v.outbound for v in r.visits)
    flow += running_text(
        tr("year_visits_sum", lang, inbound=inbound, outbound=outbound, countries=len(r.visits)),
        lang,
    )
    if not r.visits:
        return flow
    rows: list[Row] = [
        [str(i), v.country.get(lang), str(v.inbound), str(v.outbound), str(v.inbound + v.outbound)]
        for i, v in enumerate(r.visits, 1)
    ]
    rows.append(
        Total(["", tr("year_sum", lang), str(inbound), str(outbound), str(inbound + outbound)])
    )
    cols = [
        Col(tr("no", lang), "C", wrap=False),
        Col(tr("year_country", lang)),
        Col(tr("year_in", lang), "R", wrap=False),
        Col(tr("year_out", lang), "R", wrap=False),
        Col(tr("year_sum", lang), "R", wrap=False),
    ]
    flow.append(table(cols, rows, lang))
    return flow


def _agreements(r: YearReview, lang: str, sec: Sections) -> list[Flowable]:
    flow = sec.major(tr("year_agreements", lang))
    flow += running_text(tr("year_agreements_sum", lang, n=len(r.agreements)), lang)
    if not r.agreements:
        return flow
    rows: list[Row] = [
        [
            f"{a.title}\n{a.ref}",
            a.counterpart.get(lang) if a.counterpart else "",
            a.signing_level.label(lang),
            format_date(a.signed_on),
            a.status.label(lang),
        ]
        for a in r.agreements
    ]
    labels = [
        field_label("agreement", f, lang)
        for f in ("title", "counterpart_id", "signing_level", "signed_on", "status")
    ]
    cols = [Col(labels[0]), Col(labels[1]), Col(labels[2])]
    cols += [Col(labels[3], "C", wrap=False), Col(labels[4])]
    flow.append(table(cols, rows, lang))
    return flow


def _partners(r: YearReview, lang: str, sec: Sections) -> list[Flowable]:
    flow = sec.major(tr("year_partners", lang))
    flow += running_text(
        tr("year_partners_sum", lang, active=r.partnerships_active, new=len(r.partnerships_new)),
        lang,
    )
    if not r.partnerships_new:
        return flow
    rows: list[Row] = [
        [
            p.partner.get(lang),
            p.country.get(lang),
            p.relation_type.label(lang),
            format_date(p.since),
        ]
        for p in r.partnerships_new
    ]
    labels = [
        field_label("partnership", f, lang)
        for f in ("partner_id", "country_code", "relation_type", "since")
    ]
    cols = [Col(labels[0]), Col(labels[1]), Col(labels[2]), Col(labels[3], "C", wrap=False)]
    flow.append(table(cols, rows, lang))
    return flow


def _fdi(r: YearReview, lang: str, sec: Sections) -> list[Flowable]:
    flow = sec.major(tr("year_fdi", lang))
    totals: dict[str, int] = {}
    for f in r.fdi:
        totals[f.currency] = totals.get(f.currency, 0) + f.capital
    capital = "; ".join(format_money(v, c, lang) for c, v in totals.items()) or "0"
    flow += running_text(
        tr("year_fdi_sum", lang, n=sum(f.projects for f in r.fdi), capital=capital), lang
    )
    if not r.fdi:
        return flow
    rows: list[Row] = [
        [str(i), f.country.get(lang), str(f.projects), format_money(f.capital, f.currency, lang)]
        for i, f in enumerate(r.fdi, 1)
    ]
    cols = [
        Col(tr("no", lang), "C", wrap=False),
        Col(tr("year_country", lang)),
        Col(tr("year_projects", lang), "R", wrap=False),
        Col(field_label("fdi_project", "registered_capital", lang), "R", wrap=False),
    ]
    flow.append(table(cols, rows, lang))
    return flow


def _aid(r: YearReview, lang: str, sec: Sections) -> list[Flowable]:
    flow = sec.major(tr("year_aid", lang))
    flow += running_text(
        tr(
            "year_aid_sum",
            lang,
            n=r.aid_projects,
            committed=format_money(r.aid_committed_vnd, "VND", lang),
            disbursed=format_money(r.aid_disbursed_vnd, "VND", lang),
        ),
        lang,
    )
    if not r.aid_by_sector:
        return flow
    rows: list[Row] = [
        [a.sector.label(lang), str(a.projects), _n(a.committed_vnd, lang)] for a in r.aid_by_sector
    ]
    rows.append(Total([tr("year_sum", lang), str(r.aid_projects), _n(r.aid_committed_vnd, lang)]))
    cols = [
        Col(field_label("aid_project", "sector", lang)),
        Col(tr("year_projects", lang), "R", wrap=False),
        Col(tr("aid_committed_vnd", lang), "R", wrap=False),
    ]
    flow.append(table(cols, rows, lang))
    return flow


def _cases(r: YearReview, lang: str, sec: Sections) -> list[Flowable]:
    flow = sec.major(tr("year_cases", lang))
    opened = sum(c.opened for c in r.cases)
    settled = sum(c.settled for c in r.cases)
    flow += running_text(tr("year_cases_sum", lang, n=opened, settled=settled), lang)
    if not r.cases:
        return flow
    rows: list[Row] = [[c.case_type.label(lang), str(c.opened), str(c.settled)] for c in r.cases]
    rows.append(Total([tr("year_sum", lang), str(opened), str(settled)]))
    cols = [
        Col(field_label("consular_case", "case_type", lang)),
        Col(tr("year_opened", lang), "R", wrap=False),
        Col(tr("year_settled", lang), "R", wrap=False),
    ]
    flow.append(table(cols, rows, lang))
    return flow


def _events(r: YearReview, lang: str, sec: Sections) -> list[Flowable]:
    flow = sec.major(tr("year_events", lang))
    people = sum(e.foreign_participants or 0 for e in r.events)
    flow += running_text(
        tr("year_events_sum", lang, n=len(r.events), people=_n(people, lang)), lang
    )
    if not r.events:
        return flow
    rows: list[Row] = [
        [
            e.title,
            e.event_type.label(lang),
            date_span(e.start_date, e.end_date),
            e.venue or "",
            "" if e.foreign_participants is None else str(e.foreign_participants),
        ]
        for e in r.events
    ]
    labels = [field_label("event", f, lang) for f in ("title", "event_type", "venue")]
    cols = [
        Col(labels[0]),
        Col(labels[1]),
        Col(tr("del_when", lang), "C", wrap=False),
        Col(labels[2]),
        Col(field_label("event", "foreign_participants", lang), "R", wrap=False),
    ]
    flow.append(table(cols, rows, lang))
    return flow

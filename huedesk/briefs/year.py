"""Layout of the yearly review: the department's *báo cáo tổng kết công tác đối ngoại năm*.

Part I gives the results by pillar, each figure beside the year before, with a
short table (the largest rows; the rest are summed) and a chart where one
helps; part II (assessment) and part III (next year's tasks) are the texts
people wrote for the year (``huedesk.stats.review_texts``). Lists of records
go to the appendix, never into the body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from reportlab.platypus import Flowable, Paragraph

from huedesk.briefs.blocks import (
    MONEY_SIZE,
    Col,
    Row,
    Sections,
    Total,
    attach_headings,
    running_text,
    table,
)
from huedesk.briefs.frame import AppendixHead, BriefHeader
from huedesk.briefs.markup import esc
from huedesk.briefs.styles import styles
from huedesk.briefs.texts import brief_date, date_span, tr
from huedesk.briefs.year_charts import LIMIT, Series, bars, columns
from huedesk.briefs.year_data import YearReview
from huedesk.briefs.year_words import amount, compare, count, w
from huedesk.document_settings import DocSettings
from huedesk.money import format_money, from_minor, group_digits
from huedesk.stats.model import Area, Breakdown, Figure
from huedesk.stats.model import Row as BRow
from huedesk.stats.review_texts import SECTIONS


def year_story(
    r: YearReview,
    lang: str,
    issued_on: dt.date,
    settings: DocSettings,
    *,
    number: int | None = None,
) -> tuple[BriefHeader, list[Flowable], list[Flowable]]:
    """The frame header, the body and the appendix of the yearly review."""
    period = r.figures.period
    day = brief_date(period.as_of, lang)
    subject = (
        w("subject", lang, year=r.year, next=r.year + 1)
        if period.closed
        else w("subject_running", lang, year=r.year, day=day)
    )
    header = BriefHeader(
        doc_code="BC",
        subject=subject,
        record_ref=w("ref", lang, year=r.year),
        lang=lang,
        issued_on=issued_on,
        settings=settings,
        recipients=[tr("to_mofa", lang), tr("to_party_council", lang), tr("to_leaders", lang)],
        number=number,
        unit_code="HTQT",
    )
    sec = Sections()
    story: list[Flowable] = running_text(
        w("opening", lang, year=r.year, day=day, prev=r.previous_year), lang
    )
    story += sec.major(w("part_results", lang, year=r.year))
    for pillar in (_partners, _visits, _agreements, _fdi, _aid, _consular, _events):
        story += pillar(r, lang, sec)
    for section, heading in zip(SECTIONS, ("part_assessment", "part_tasks"), strict=True):
        story += sec.major(w(heading, lang, next=r.year + 1))
        story += _written(r, section, lang)
    return header, attach_headings(story), attach_headings(_appendix(r, header, lang))


# --- helpers --------------------------------------------------------------------------------------
def _say(text: str) -> list[Flowable]:
    return [Paragraph(esc(text), styles().body)]


def _note(text: str) -> list[Flowable]:
    return [Paragraph(esc(text), styles().note)]


def _table(headers: Sequence[str], align: str, rows: Sequence[Row], lang: str) -> Flowable:
    """A ruled table in the money size; right- and centre-aligned columns never wrap."""
    cols = [Col(h, a, wrap=a == "L") for h, a in zip(headers, align, strict=True)]
    return table(cols, rows, lang, size=MONEY_SIZE)


def _num(f: Figure, value: int, lang: str) -> str:
    """A table cell: counts in full, đồng in millions, other currencies in major units."""
    if f.unit == "count":
        return group_digits(value, lang)
    if f.unit == "VND":
        return group_digits(Decimal(value) / 10**6, lang)
    return group_digits(from_minor(value, f.unit), lang)


def _breakdown_table(
    part: Breakdown,
    lang: str,
    prev_year: int,
    first: str,
    *,
    total_of: Sequence[Figure] | None = None,
    limit: int | None = LIMIT,
) -> list[Flowable]:
    """The largest rows of a breakdown, each measure with the year before; the rest summed
    (nothing when the breakdown has no rows)."""
    if not part.rows:
        return []
    measures = part.rows[0].figures
    headers = [tr("no", lang), first]
    for m in measures:
        label = m.label.get(lang)
        if m.unit == "VND":
            label = w("committed_m" if m.key == "mobilised" else "disbursed_m", lang)
        headers += [label, w("prev_col", lang, prev=prev_year)]
    rows: list[Row] = []
    shown, rest = (part.rows, ()) if limit is None else (part.rows[:limit], part.rows[limit:])
    for i, row in enumerate(shown, 1):
        cells = [str(i), row.label.get(lang)]
        for f in row.figures:
            cells += [_num(f, f.value, lang), _num(f, f.previous, lang)]
        rows.append(cells)
    if rest:
        cells = ["", w("others" if first == w("country", lang) else "others_rows", lang)]
        for j, m in enumerate(measures):
            value = sum(r.figures[j].value for r in rest)
            before = sum(r.figures[j].previous for r in rest)
            cells += [_num(m, value, lang), _num(m, before, lang)]
        rows.append(cells)
    if total_of is not None:
        cells = ["", w("total", lang)]
        for f in total_of:
            cells += [_num(f, f.value, lang), _num(f, f.previous, lang)]
        rows.append(Total(cells))
    return [_table(headers, "CL" + "RR" * len(measures), rows, lang)]


def _split(
    r: YearReview,
    area: Area,
    key: str,
    first: str,
    total_of: Sequence[Figure],
    lang: str,
    limit: int | None = LIMIT,
) -> list[Flowable]:
    """The table of ``area``'s breakdown ``key`` (first column headed by wording ``first``)."""
    part = area.breakdown(key)
    return _breakdown_table(
        part, lang, r.previous_year, w(first, lang), total_of=total_of, limit=limit
    )


def _s(n: int) -> str:
    """The English plural ending for ``n`` things (Vietnamese wording does not use it)."""
    return "" if n == 1 else "s"


def _chart_rows(part: Breakdown, limit: int = LIMIT) -> list[BRow]:
    return [r for r in part.rows[:limit] if any(f.value for f in r.figures)]


# --- the pillars ----------------------------------------------------------------------------------
def _partners(r: YearReview, lang: str, sec: Sections) -> list[Flowable]:
    area = r.figures.area("partnerships")
    flow = sec.minor(w("partners", lang))
    new = area.figure("new")
    names = [link.title for link in new.records][:5]
    new_names = f" ({'; '.join(names)})" if names else ""
    ended, county = area.figure("ended").value, area.figure("county_pairs").value
    changes = ("_new" if new.value else "") + ("_ended" if ended else "") or "_unchanged"
    kept = w(
        "partners_text",
        lang,
        day=brief_date(r.figures.period.as_of, lang),
        pairs=count(area.figure("pairs").value, lang),
        cmp=compare(area.figure("pairs"), r.previous_year, lang),
        county=w("partners_county", lang, county=count(county, lang)) if county else "",
    )
    changed = w(
        f"partners{changes}",
        lang,
        new=count(new.value, lang),
        new_names=new_names,
        ended=count(ended, lang),
        s=_s(new.value),
        ended_s=_s(ended),
    )
    flow += _say(f"{kept} {changed}")
    flow += _split(
        r, area, "by_country", "country", [area.figure("pairs"), area.figure("county_pairs")], lang
    )
    return flow


def _visits(r: YearReview, lang: str, sec: Sections) -> list[Flowable]:
    area = r.figures.area("delegations")
    inbound, outbound = area.figure("inbound"), area.figure("outbound")
    flow = sec.minor(w("visits", lang))
    by_country = area.breakdown("by_country")
    flow += _say(
        w(
            "visits_text",
            lang,
            inbound=count(inbound.value, lang),
            outbound=count(outbound.value, lang),
            cmp_in=compare(inbound, r.previous_year, lang),
            cmp_out=compare(outbound, r.previous_year, lang),
            countries=count(
                sum(1 for row in by_country.rows if row.figures[0].value or row.figures[1].value),
                lang,
            ),
        )
    )
    for row in area.breakdown("by_region").rows:
        i, o = row.figure("inbound").value, row.figure("outbound").value
        if i or o:
            key = "visits_region" if i and o else "visits_region_in" if i else "visits_region_out"
            flow += _say(
                w(key, lang, region=row.label.get(lang), total=count(i + o, lang),
                  inbound=count(i, lang), outbound=count(o, lang), s=_s(i or o))
            )  # fmt: skip
    if not by_country.rows:
        return flow
    if len(by_country.rows) > LIMIT:
        flow += _say(w("visits_more", lang, shown=LIMIT))
    flow += _breakdown_table(
        by_country, lang, r.previous_year, w("country", lang), total_of=[inbound, outbound]
    )
    top = _chart_rows(by_country)
    flow.append(
        bars(
            w("chart_visits", lang),
            [row.label.get(lang) for row in top],
            [
                Series(w("inbound", lang), [row.figures[0].value for row in top]),
                Series(w("outbound", lang), [row.figures[1].value for row in top]),
            ],
            lang,
        )
    )
    months = {row.key: row for row in area.breakdown("by_month").rows}
    keys = [f"{m:02d}" for m in range(1, 13)]
    flow.append(
        columns(
            w("chart_months", lang),
            [str(m) for m in range(1, 13)],
            [
                Series(
                    w("inbound", lang),
                    [months[k].figures[0].value if k in months else 0 for k in keys],
                ),
                Series(
                    w("outbound", lang),
                    [months[k].figures[1].value if k in months else 0 for k in keys],
                ),
            ],
            lang,
        )
    )
    return flow


def _agreements(r: YearReview, lang: str, sec: Sections) -> list[Flowable]:
    area = r.figures.area("agreements")
    signed, live = area.figure("signed"), area.figure("in_force")
    flow = sec.minor(w("agreements", lang))
    flow += _say(
        w(
            "agreements_text",
            lang,
            signed=count(signed.value, lang),
            cmp=compare(signed, r.previous_year, lang),
            day=brief_date(r.figures.period.as_of, lang),
            in_force=count(live.value, lang),
        )
    )
    flow += _split(r, area, "by_signing_level", "level_col", [signed, live], lang)
    return flow


def _fdi(r: YearReview, lang: str, sec: Sections) -> list[Flowable]:
    area = r.figures.area("fdi")
    new, capital = area.figure("new_projects"), area.figure("new_capital")
    flow = sec.minor(w("fdi", lang))
    flow += _say(
        w(
            "fdi_text",
            lang,
            n=count(new.value, lang),
            capital=_money(capital, lang),
            cmp=compare(capital, r.previous_year, lang),
            day=brief_date(r.figures.period.as_of, lang),
            live=count(area.figure("projects_in_force").value, lang),
            live_capital=_money(area.figure("capital_in_force"), lang),
        )
    )
    flow += _split(r, area, "by_country", "country", [new, capital], lang)
    sectors = [row for row in area.breakdown("by_sector").rows if row.figure("new_capital").value]
    if sectors:
        flow.append(
            bars(
                w("chart_fdi", lang),
                [row.label.get(lang) for row in sectors[:LIMIT]],
                [
                    Series(
                        w("capital_usd", lang),
                        [float(from_minor(row.figure("new_capital").value, "USD")) / 1e6
                         for row in sectors[:LIMIT]],
                    )
                ],
                lang,
                places=2,
            )
        )  # fmt: skip
    return flow


def _money(f: Figure, lang: str) -> str:
    """A sum in prose, with the amounts in other currencies beside it."""
    text = amount(f.value, f.unit, lang)
    others = [format_money(v, c, lang) for c, v in f.originals if c != f.unit]
    return f"{text} ({'; '.join(others)})" if others and f.unit == "USD" else text


def _aid(r: YearReview, lang: str, sec: Sections) -> list[Flowable]:
    area = r.figures.area("aid")
    mobilised, paid = area.figure("mobilised"), area.figure("disbursed")
    flow = sec.minor(w("aid", lang))
    flow += _say(
        w(
            "aid_text",
            lang,
            n=count(area.figure("projects").value, lang),
            mobilised=amount(mobilised.value, "VND", lang),
            cmp=compare(mobilised, r.previous_year, lang),
            disbursed=amount(paid.value, "VND", lang),
            cmp_paid=compare(paid, r.previous_year, lang),
        )
    )
    sectors = _split(r, area, "by_sector", "sector_col", area.figures, lang, limit=None)
    if sectors:
        flow += [*sectors, *_note(w("millions_note", lang, year=r.year))]
    donors = _chart_rows(area.breakdown("by_donor"), 8)
    if donors:
        flow.append(
            bars(
                w("chart_aid", lang),
                [row.label.get(lang) for row in donors],
                [
                    Series(w("committed", lang), [row.figures[0].value / 1e9 for row in donors]),
                    Series(w("disbursed", lang), [row.figures[1].value / 1e9 for row in donors]),
                ],
                lang,
                places=2,
            )
        )
    return flow


def _consular(r: YearReview, lang: str, sec: Sections) -> list[Flowable]:
    area: Area = r.figures.area("consular")
    opened, closed = area.figure("opened"), area.figure("closed")
    flow = sec.minor(w("consular", lang))
    flow += _say(
        w(
            "consular_text",
            lang,
            opened=count(opened.value, lang),
            cmp=compare(opened, r.previous_year, lang),
            closed=count(closed.value, lang),
            day=brief_date(r.figures.period.as_of, lang),
            still=count(area.figure("open_at_end").value, lang),
        )
    )
    flow += _split(r, area, "by_type", "type_col", [opened, closed], lang, limit=None)
    if area.restriction == "counts_only":
        flow += _note(w("counts_only", lang))
    return flow


def _events(r: YearReview, lang: str, sec: Sections) -> list[Flowable]:
    area = r.figures.area("events")
    held, people = area.figure("held"), area.figure("participants")
    flow = sec.minor(w("events", lang))
    flow += _say(
        w(
            "events_text",
            lang,
            held=count(held.value, lang),
            cmp=compare(held, r.previous_year, lang),
            people=count(people.value, lang),
        )
    )
    flow += _split(r, area, "by_type", "type_col", [held, people], lang, limit=None)
    return flow


def _written(r: YearReview, section: str, lang: str) -> list[Flowable]:
    text = r.writing.section(section)
    if not text.strip():
        return _say(w("not_written", lang, year=r.year, section=section))
    flow: list[Flowable] = []
    if r.writing.fallback:
        flow += _say(w("english_fallback", lang))
    return flow + running_text(text, lang)


# --- appendix -------------------------------------------------------------------------------------
def _appendix(r: YearReview, header: BriefHeader, lang: str) -> list[Flowable]:
    a = r.appendix
    if not any((a.inbound, a.outbound, a.pairs, a.agreements, a.fdi, a.aid, a.events)):
        return []  # nothing to list: no appendix
    flow: list[Flowable] = [AppendixHead(header, w("appendix_title", lang, year=r.year))]
    sec = Sections()
    no = tr("no", lang)

    def listing(key: str, headers: list[str], rows: list[Row], align: str) -> None:
        flow.extend(sec.major(w(key, lang)))
        if rows:
            flow.append(_table([no, *headers], "C" + align, rows, lang))
        else:
            flow.extend(_say(w("none_in_year", lang)))

    for key, visits in (("app_in", a.inbound), ("app_out", a.outbound)):
        listing(
            key,
            [w("ref_col", lang), w("name_col", lang), w("country", lang), w("dates_col", lang)],
            [[str(i), v.ref, v.title, v.country.get(lang), date_span(v.start, v.end, lang)]
             for i, v in enumerate(visits, 1)],
            "LLLC",
        )  # fmt: skip
    listing(
        "app_pairs",
        [w("ref_col", lang), w("partner_col", lang), w("country", lang), w("level_col", lang),
         w("since_col", lang)],
        [[str(i), p.ref, p.partner.get(lang), p.country.get(lang), p.level.get(lang),
          str(p.since.year) if p.since else ""] for i, p in enumerate(a.pairs, 1)],
        "LLLLC",
    )  # fmt: skip
    listing(
        "app_agreements",
        [w("ref_col", lang), w("name_col", lang), w("partner_col", lang), w("level_col", lang),
         w("signed_col", lang)],
        [[str(i), g.ref, g.title, g.counterpart.get(lang) if g.counterpart else "",
          g.signing_level.get(lang), brief_date(g.signed_on, lang)] for i, g in enumerate(a.agreements, 1)],
        "LLLLC",
    )  # fmt: skip
    listing(
        "app_fdi",
        [w("ref_col", lang), w("name_col", lang), w("country", lang), w("sector_col", lang),
         w("capital_usd", lang), w("licence_col", lang)],
        [[str(i), p.ref, p.name, p.country.get(lang), p.sector.get(lang),
          format_money(p.capital, p.currency, lang), brief_date(p.licence_date, lang)]
         for i, p in enumerate(a.fdi, 1)],
        "LLLLRC",
    )  # fmt: skip
    listing(
        "app_aid",
        [w("ref_col", lang), w("name_col", lang), w("donor_col", lang), w("committed_vnd", lang),
         w("disbursed_vnd", lang)],
        [[str(i), p.ref, p.title, p.donor.get(lang),
          group_digits(p.committed_vnd, lang) if p.committed_vnd is not None else "",
          group_digits(p.disbursed_vnd, lang)] for i, p in enumerate(a.aid, 1)],
        "LLLRR",
    )  # fmt: skip
    listing(
        "app_events",
        [w("ref_col", lang), w("name_col", lang), w("type_col", lang), w("dates_col", lang),
         w("participants", lang)],
        [[str(i), e.ref, e.title, e.event_type.get(lang), date_span(e.start, e.end, lang),
          "" if e.participants is None else count(e.participants, lang)]
         for i, e in enumerate(a.events, 1)],
        "LLLCR",
    )  # fmt: skip
    return flow

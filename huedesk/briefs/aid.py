"""Layout of the aid statement: commitments against disbursements, adding up in đồng.

A foreign-currency commitment is valued at its commitment's rate and each
disbursement at its own day's rate, so the đồng figures differ by an
exchange-rate difference. That difference is printed as its own line, never as
money still owed: committed = disbursed − exchange-rate difference + not yet
disbursed, and the statement shows each term.

A project's statement shows its balance in the original currency and in đồng,
and every tranche. A donor's lists its projects and their tranches. A year's is
summarised by donor and by sector; its projects and transactions are an
appendix, printed on request (``detail``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from reportlab.platypus import Flowable, Paragraph

from huedesk.briefs import glossary
from huedesk.briefs.blocks import (
    MONEY_SIZE,
    Col,
    Row,
    Sections,
    Total,
    attach_headings,
    field_list,
    nothing,
    running_text,
    table,
)
from huedesk.briefs.data import AidProjectSummary, AidStatement, Names
from huedesk.briefs.frame import AppendixHead, BriefHeader
from huedesk.briefs.markup import esc
from huedesk.briefs.styles import styles
from huedesk.briefs.texts import date_span, field_label, tr
from huedesk.db.enums import Sector, TransactionType
from huedesk.document_settings import DocSettings
from huedesk.formatting import format_date
from huedesk.money import format_money, group_digits

MAX_RATE_PLACES = 4


def aid_story(
    s: AidStatement,
    lang: str,
    issued_on: dt.date,
    settings: DocSettings,
    *,
    number: int | None = None,
    detail: bool = False,
) -> tuple[BriefHeader, list[Flowable], list[Flowable]]:
    """The frame header, the body and (a year's, with ``detail``) the transactions appendix."""
    if s.scope == "project":
        p = s.projects[0]
        subject = tr("aid_subject_project", lang, title=p.title if lang == "vi" else p.ref)
    elif s.scope == "donor":
        assert s.donor is not None
        subject = tr("aid_subject_donor", lang, name=s.donor.name.get(lang))
    else:
        subject = tr("aid_subject_year", lang, year=s.year)
    header = BriefHeader(
        doc_code="BC",
        subject=subject,
        record_ref=s.reference if s.scope != "year" else tr("year_ref", lang, year=s.year),
        lang=lang,
        issued_on=issued_on,
        settings=settings,
        recipients=[tr("to_leaders", lang), tr("to_finance", lang)],
        number=number,
        unit_code="HTQT",
    )
    sec = Sections()
    story: list[Flowable] = [*sec.major(tr("aid_general", lang)), *_general(s, lang)]
    story += sec.major(tr("aid_summary", lang))
    if s.scope == "project":
        story.append(_balance(s.projects[0], lang))
    elif s.projects:
        story.append(_scope_balance(s, lang))
    else:
        story.append(nothing(lang))
    if s.projects:
        story += running_text(_totals_sentence(s, lang), lang)
        if s.fx_vnd:
            story.append(Paragraph(esc(tr("aid_fx_note", lang)), styles().note))
    if s.any_estimated:
        story.append(Paragraph(esc(tr("aid_estimated", lang)), styles().note))
    appendix: list[Flowable] = []
    if s.scope == "year":
        if s.projects:
            story += sec.minor(tr("aid_by_donor", lang))
            story.append(_by_donor(s, lang))
            story += sec.minor(tr("aid_by_sector", lang))
            story.append(_by_sector(s, lang))
        if detail:
            title = tr("aid_detail_title", lang, year=s.year)
            appendix = [AppendixHead(header, title)]
            parts = Sections()
            appendix += parts.major(tr("aid_projects_head", lang))
            appendix.append(_projects(s, lang) if s.projects else nothing(lang))
            appendix += parts.major(tr("aid_detail", lang))
            appendix.append(_transactions(s, lang) if s.transactions else nothing(lang))
        elif s.transactions:
            note = tr("aid_detail_note", lang, n=len(s.transactions))
            story.append(Paragraph(esc(note), styles().note))
    else:
        if s.scope == "donor" and s.projects:
            story += sec.minor(tr("aid_projects_head", lang))
            story.append(_projects(s, lang))
        story += sec.major(tr("aid_detail", lang))
        story.append(_transactions(s, lang) if s.transactions else nothing(lang))
    return header, attach_headings(story), attach_headings(appendix)


def _label(field: str, lang: str) -> str:
    return field_label("aid_project", field, lang)


def _general(s: AidStatement, lang: str) -> list[Flowable]:
    if s.scope == "project":
        p = s.projects[0]
        flow = field_list(
            [
                (_label("ref", lang), p.ref),
                (_label("title", lang), p.title),
                (_label("donor_id", lang), p.donor.get(lang)),
                (_label("sector", lang), p.sector.label(lang)),
                (_label("beneficiary", lang), p.beneficiary),
                (_label("approval_decision", lang), p.approval_decision),
                (_label("approved_on", lang), format_date(p.approved_on)),
                (tr("del_when", lang), date_span(p.start_date, p.end_date).replace("\n", " ")),
                (_label("status", lang), p.status.label(lang)),
                (
                    _label("committed_amount", lang),
                    format_money(p.committed_amount, p.currency, lang),
                ),
            ]
        )
        if p.notes:
            flow += running_text(p.notes, lang)
        return flow
    count = (tr("aid_projects_count", lang), str(len(s.projects)))
    if s.scope == "donor":
        assert s.donor is not None
        d = s.donor
        return field_list(
            [
                (field_label("organisation", "name", lang), d.name.vi),
                (field_label("organisation", "name_en", lang), d.name.en),
                (tr("aid_donor_type", lang), d.org_type.label(lang)),
                (tr("aid_donor_country", lang), d.country.get(lang) if d.country else None),
                (field_label("organisation", "address", lang), d.address),
                (field_label("organisation", "website", lang), d.website),
                count,
            ]
        )
    return [*running_text(tr("aid_year_scope", lang, year=s.year), lang), *field_list([count])]


def _vnd(value: int | None, lang: str) -> str:
    return "" if value is None else group_digits(value, lang)


def _signed(value: int | None, lang: str) -> str:
    """A difference with its sign: ``+62.640.000`` / ``−10.115.612``."""
    if value is None:
        return ""
    if value == 0:
        return "0"
    return ("+" if value > 0 else "−") + group_digits(abs(value), lang)


def _committed_vnd(p: AidProjectSummary, lang: str) -> str:
    if p.committed_vnd is None:
        return tr("aid_no_rate", lang)
    return _vnd(p.committed_vnd, lang) + (" *" if p.committed_estimated else "")


def _balance(p: AidProjectSummary, lang: str) -> Flowable:
    """Committed, disbursed, the exchange-rate difference and what is left, in both currencies."""

    def orig(amount: int | None) -> str:
        return "" if amount is None else format_money(amount, p.currency, lang)

    rows: list[Row] = [
        [tr("aid_committed", lang), orig(p.committed_amount), _committed_vnd(p, lang)],
        [tr("aid_disbursed", lang), orig(p.disbursed_amount), _vnd(p.disbursed_vnd, lang)],
    ]
    if p.currency != "VND":
        rows.append([tr("aid_fx", lang), "", _signed(p.fx_vnd, lang)])
    rows.append(
        Total(
            [
                tr("aid_outstanding", lang),
                orig(p.outstanding_amount),
                _vnd(p.outstanding_vnd, lang),
            ]
        )
    )
    if p.committed_amount and p.disbursed_amount is not None:
        pct = Decimal(p.disbursed_amount * 100) / Decimal(p.committed_amount)
        rows.append([tr("aid_rate_pct", lang), f"{group_digits(pct, lang, 1)} %", ""])
    cols = [
        Col(""),
        Col(tr("aid_amount", lang), "R", wrap=False),
        Col(tr("aid_vnd", lang), "R", wrap=False),
    ]
    return table(cols, rows, lang, size=MONEY_SIZE)


def _scope_balance(s: AidStatement, lang: str) -> Flowable:
    """The same four lines for a donor's or a year's projects, in đồng."""
    rows: list[Row] = [
        [tr("aid_committed", lang), _vnd(s.committed_vnd, lang)],
        [tr("aid_disbursed", lang), _vnd(s.disbursed_vnd, lang)],
        [tr("aid_fx", lang), _signed(s.fx_vnd, lang)],
        Total([tr("aid_outstanding", lang), _vnd(s.outstanding_vnd, lang)]),
    ]
    if s.scope == "year":
        rows.append([tr("aid_disbursed_year", lang), _vnd(s.disbursed_period_vnd, lang)])
    return table([Col(""), Col(tr("aid_vnd", lang), "R", wrap=False)], rows, lang, size=MONEY_SIZE)


def _projects(s: AidStatement, lang: str) -> Flowable:
    """One row per project; the commitment in its own currency sits under the title.

    A donor's statement shows each project's whole balance (committed, disbursed,
    exchange-rate difference, not yet disbursed); a year's appendix its commitment,
    what was disbursed in the year and what is left (the year's balance is on page 1).
    """
    year = s.scope == "year"
    rows: list[Row] = []
    for i, p in enumerate(s.projects, 1):
        lines = [p.title, p.ref + (f" — {p.donor.get(lang)}" if year else "")]
        if p.currency != "VND":
            lines.append(
                f"{tr('aid_committed', lang)}: {format_money(p.committed_amount, p.currency, lang)}"
            )
        row = [str(i), "\n".join(lines), _committed_vnd(p, lang)]
        if year:
            row.append(_vnd(p.disbursed_period_vnd, lang))
        else:
            row += [_vnd(p.disbursed_vnd, lang), _signed(p.fx_vnd, lang)]
        row.append(_vnd(p.outstanding_vnd, lang))
        rows.append(row)
    total = ["", tr("total", lang), _vnd(s.committed_vnd, lang)]
    money = [tr("aid_committed_vnd", lang)]
    if year:
        total.append(_vnd(s.disbursed_period_vnd, lang))
        money.append(tr("aid_disbursed_year", lang))
    else:
        total += [_vnd(s.disbursed_vnd, lang), _signed(s.fx_vnd, lang)]
        money += [tr("aid_disbursed_vnd", lang), tr("aid_fx_vnd", lang)]
    total.append(_vnd(s.outstanding_vnd, lang))
    money.append(tr("aid_outstanding_vnd", lang))
    rows.append(Total(total))
    cols = [Col(tr("no", lang), "C", wrap=False), Col(tr("aid_project", lang))]
    cols += [Col(m, "R", wrap=False) for m in money]
    return table(cols, rows, lang, size=MONEY_SIZE)


def _grouped(
    s: AidStatement, key_of: dict[str, tuple[object, str]], lang: str, head: str
) -> Flowable:
    """Projects added up by a key (donor or sector): count, committed, disbursed in the year, left."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    names: dict[str, str] = {}
    for p in s.projects:
        key, name = key_of[p.ref]
        k = str(key)
        names[k] = name
        sums[k][0] += 1
        sums[k][1] += p.committed_vnd or 0
        sums[k][2] += p.disbursed_period_vnd
        sums[k][3] += p.outstanding_vnd or 0
    order = sorted(sums, key=lambda k: (-sums[k][1], names[k]))
    rows: list[Row] = [
        [str(i), names[k], str(sums[k][0]), *(_vnd(v, lang) for v in sums[k][1:])]
        for i, k in enumerate(order, 1)
    ]
    rows.append(
        Total(
            [
                "",
                tr("total", lang),
                str(len(s.projects)),
                _vnd(s.committed_vnd, lang),
                _vnd(s.disbursed_period_vnd, lang),
                _vnd(s.outstanding_vnd, lang),
            ]
        )
    )
    cols = [
        Col(tr("no", lang), "C", wrap=False),
        Col(head),
        Col(tr("aid_count", lang), "R", wrap=False),
        Col(tr("aid_committed_vnd", lang), "R", wrap=False),
        Col(tr("aid_disbursed_year", lang), "R", wrap=False),
        Col(tr("aid_outstanding_vnd", lang), "R", wrap=False),
    ]
    return table(cols, rows, lang, size=MONEY_SIZE)


def _by_donor(s: AidStatement, lang: str) -> Flowable:
    keys: dict[str, tuple[object, str]] = {
        p.ref: (_donor_key(p.donor), p.donor.get(lang)) for p in s.projects
    }
    return _grouped(s, keys, lang, tr("aid_donor", lang))


def _donor_key(n: Names) -> str:
    return f"{n.vi}|{n.en or ''}"


def _by_sector(s: AidStatement, lang: str) -> Flowable:
    keys: dict[str, tuple[object, str]] = {
        p.ref: (p.sector.value, Sector(p.sector).label(lang)) for p in s.projects
    }
    return _grouped(s, keys, lang, tr("aid_sector", lang))


def _totals_sentence(s: AidStatement, lang: str) -> str:
    """The totals in words officials quote: ``53.000.000.000 đồng``."""
    text = tr(
        "aid_totals",
        lang,
        committed=format_money(s.committed_vnd, "VND", lang),
        disbursed=format_money(s.disbursed_vnd, "VND", lang),
        outstanding=format_money(s.outstanding_vnd, "VND", lang),
    )
    if s.fx_vnd:
        fx = _signed(s.fx_vnd, lang)
        text += " " + tr("aid_totals_fx", lang, fx=f"{fx} {'đồng' if lang == 'vi' else 'VND'}")
    if s.scope == "year":
        amount = format_money(s.disbursed_period_vnd, "VND", lang)
        text += " " + tr("aid_totals_year", lang, year=s.year, amount=amount)
    return text


def _rate(rate: Decimal | None, lang: str) -> str:
    if rate is None:
        return ""
    places = min(max(-rate.normalize().as_tuple().exponent, 0), MAX_RATE_PLACES)  # type: ignore[operator]
    return group_digits(rate, lang, places)


def _transactions(s: AidStatement, lang: str) -> Flowable:
    many = s.scope != "project"
    rows: list[Row] = []
    for t in s.transactions:
        kind = t.tx_type.label(lang) + (
            f"\n{glossary.tranche(t.tranche, lang)}" if t.tranche else ""
        )
        row = [
            format_date(t.value_date),
            kind,
            format_money(t.amount, t.currency, lang),
            _rate(t.rate_to_vnd, lang),
            group_digits(t.amount_vnd, lang),
            t.document_ref or "",
        ]
        rows.append([t.project_ref, *row] if many else row)
    paid = sum(t.amount_vnd for t in s.transactions if t.tx_type == TransactionType.DISBURSEMENT)
    total = ["", tr("aid_total_paid", lang), "", "", group_digits(paid, lang), ""]
    cols = [
        Col(field_label("aid_transaction", "value_date", lang), "C", wrap=False),
        Col(tr("aid_kind", lang)),
        Col(tr("aid_amount", lang), "R", wrap=False),
        Col(tr("aid_rate", lang), "R", wrap=False),
        Col(tr("aid_vnd", lang), "R", wrap=False),
        Col(field_label("aid_transaction", "document_ref", lang), wrap=False),
    ]
    if many:
        cols.insert(0, Col(field_label("aid_transaction", "project_id", lang), wrap=False))
        total.insert(0, "")
    rows.append(Total(total))
    return table(cols, rows, lang, size=MONEY_SIZE)

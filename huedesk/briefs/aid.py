"""Layout of the aid statement: commitments against disbursements, in VND and original currency."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from reportlab.platypus import Flowable, Paragraph, Spacer

from huedesk.briefs.blocks import (
    Row,
    Sections,
    Total,
    data_table,
    field_list,
    nothing,
    running_text,
)
from huedesk.briefs.data import AidProjectSummary, AidStatement
from huedesk.briefs.frame import BriefHeader
from huedesk.briefs.markup import esc
from huedesk.briefs.styles import styles
from huedesk.briefs.texts import date_span, field_label, tr
from huedesk.db.enums import TransactionType
from huedesk.formatting import format_date
from huedesk.money import format_money, group_digits

MAX_RATE_PLACES = 4


def aid_story(s: AidStatement, lang: str, issued_on: dt.date) -> tuple[BriefHeader, list[Flowable]]:
    """The frame header and the flowables of an aid statement."""
    if s.scope == "project":
        subtitle = s.projects[0].title
    elif s.scope == "donor":
        assert s.donor is not None
        subtitle = tr("aid_scope_donor", lang, name=s.donor.name.get(lang))
    else:
        subtitle = tr("aid_scope_year", lang, year=s.year)
    header = BriefHeader(
        title=tr("aid_title", lang),
        subtitle=subtitle,
        record_ref=s.reference,
        doc_code="BC",
        lang=lang,
        issued_on=issued_on,
    )
    sec = Sections()
    story: list[Flowable] = [*sec.major(tr("aid_general", lang))]
    story += _general(s, lang)
    story += sec.major(tr("aid_summary", lang))
    if s.scope == "project":
        story.append(_project_balance(s.projects[0], lang))
    elif s.projects:
        story.append(_summary_table(s, lang))
    else:
        story.append(nothing(lang))
    if s.projects:
        story.append(Spacer(1, 6))
        story += running_text(_totals_sentence(s, lang), lang)
    if s.any_estimated:
        story.append(Paragraph(esc(tr("aid_estimated", lang)), styles().note))
    story += sec.major(tr("aid_detail", lang))
    story.append(_transactions(s, lang) if s.transactions else nothing(lang))
    return header, story


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
                (tr("del_time", lang), date_span(p.start_date, p.end_date)),
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


def _committed_vnd(p: AidProjectSummary, lang: str) -> str:
    if p.committed_vnd is None:
        return tr("aid_no_rate", lang)
    return _vnd(p.committed_vnd, lang) + (" *" if p.committed_estimated else "")


def _project_balance(p: AidProjectSummary, lang: str) -> Flowable:
    """Committed / disbursed / remaining for one project, in its currency and in VND."""

    def orig(amount: int | None) -> str:
        return "" if amount is None else format_money(amount, p.currency, lang)

    share = ""
    if p.committed_amount and p.disbursed_amount is not None:
        pct = Decimal(p.disbursed_amount * 100) / Decimal(p.committed_amount)
        share = f"{group_digits(pct, lang, 1)} %"
    rows: list[Row] = [
        [tr("aid_committed", lang), orig(p.committed_amount), _committed_vnd(p, lang)],
        [tr("aid_disbursed", lang), orig(p.disbursed_amount), _vnd(p.disbursed_vnd, lang)],
        Total([tr("aid_remaining", lang), orig(p.remaining_amount), _vnd(p.remaining_vnd, lang)]),
    ]
    if share:
        rows.append([tr("aid_rate_pct", lang), share, ""])
    headers = ["", tr("aid_amount", lang), tr("aid_vnd", lang)]
    return data_table(headers, rows, [50, 55, 55], "LRR", small=True)


def _summary_table(s: AidStatement, lang: str) -> Flowable:
    """One row per project; the commitment in its own currency sits under the title.

    Four VND columns of up to 15 digits need 28 mm each at 9.5 pt, so the
    original-currency commitment shares the project cell instead of a column.
    """
    year = s.scope == "year"
    rows: list[Row] = []
    for i, p in enumerate(s.projects, 1):
        lines = [p.title, p.ref + (f" — {p.donor.get(lang)}" if year else "")]
        if p.currency != "VND":
            lines.append(
                f"{tr('aid_committed', lang)}: {format_money(p.committed_amount, p.currency, lang)}"
            )
        row = [str(i), "\n".join(lines), _committed_vnd(p, lang), _vnd(p.disbursed_vnd, lang)]
        if year:
            row.append(_vnd(p.disbursed_period_vnd, lang))
        row.append(_vnd(p.remaining_vnd, lang))
        rows.append(row)
    total = ["", tr("total", lang), _vnd(s.committed_vnd, lang), _vnd(s.disbursed_vnd, lang)]
    headers = [
        tr("no", lang),
        tr("aid_project", lang),
        tr("aid_committed_vnd", lang),
        tr("aid_disbursed_vnd", lang),
    ]
    if year:
        total.append(_vnd(s.disbursed_period_vnd, lang))
        headers.append(tr("aid_disbursed_year", lang))
    total.append(_vnd(s.remaining_vnd, lang))
    headers.append(tr("aid_remaining_vnd", lang))
    rows.append(Total(total))
    money_cols = len(headers) - 2
    widths = [9, 151 - 28 * money_cols] + [28] * money_cols
    return data_table(headers, rows, widths, "CL" + "R" * money_cols, small=True)


def _totals_sentence(s: AidStatement, lang: str) -> str:
    """The totals in words officials quote: ``53.000.000.000 đồng``."""
    committed = format_money(s.committed_vnd, "VND", lang)
    disbursed = format_money(s.disbursed_vnd, "VND", lang)
    remaining = format_money(s.remaining_vnd, "VND", lang)
    if lang == "en":
        text = f"Total committed {committed}; disbursed {disbursed}; remaining {remaining}."
        if s.scope == "year":
            text += f" Disbursed in {s.year}: {format_money(s.disbursed_period_vnd, 'VND', lang)}."
        return text
    text = f"Tổng giá trị cam kết {committed}; đã giải ngân {disbursed}; còn lại {remaining}."
    if s.scope == "year":
        text += f" Giải ngân trong năm {s.year}: {format_money(s.disbursed_period_vnd, 'VND')}."
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
        kind = t.tx_type.label(lang) + (f"\n{t.tranche}" if t.tranche else "")
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
    headers = [
        field_label("aid_transaction", "value_date", lang),
        tr("aid_kind", lang),
        tr("aid_amount", lang),
        tr("aid_rate", lang),
        tr("aid_vnd", lang),
        field_label("aid_transaction", "document_ref", lang),
    ]
    widths = [22, 26, 32, 20, 30, 30]
    align = "CLRRRL"
    if many:
        headers.insert(0, field_label("aid_transaction", "project_id", lang))
        widths = [23, 18, 20, 32, 16, 27, 24]
        align = "LCLRRRL"
        total.insert(0, "")
    rows.append(Total(total))
    return data_table(headers, rows, widths, align, small=True)

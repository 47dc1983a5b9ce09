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
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from reportlab.platypus import Flowable, Paragraph

from huedesk.briefs import glossary
from huedesk.briefs.aid_data import AidProjectSummary, AidStatement
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
from huedesk.briefs.data import Names
from huedesk.briefs.frame import AppendixHead, BriefHeader
from huedesk.briefs.markup import esc
from huedesk.briefs.styles import styles
from huedesk.briefs.texts import brief_date, date_span, field_label, tr
from huedesk.db.enums import Sector, TransactionType
from huedesk.document_settings import DocSettings
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
            story += _adds_up_note(s, lang)
        if detail:
            title = tr("aid_detail_title", lang, year=s.year)
            appendix = [AppendixHead(header, title)]
            parts = Sections()
            appendix += parts.major(tr("aid_projects_head", lang))
            appendix += (
                [_projects(s, lang), *_adds_up_note(s, lang)] if s.projects else [nothing(lang)]
            )
            appendix += parts.major(tr("aid_detail", lang))
            appendix.append(_transactions(s, lang) if s.transactions else nothing(lang))
        elif s.transactions:
            note = tr("aid_detail_note", lang, n=len(s.transactions))
            story.append(Paragraph(esc(note), styles().note))
    else:
        if s.scope == "donor" and s.projects:
            story += sec.minor(tr("aid_projects_head", lang))
            story += [_projects(s, lang), *_adds_up_note(s, lang)]
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
                (_label("approved_on", lang), brief_date(p.approved_on, lang)),
                (
                    tr("del_when", lang),
                    date_span(p.start_date, p.end_date, lang).replace("\n", " "),
                ),
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
    assert s.year is not None
    end = brief_date(dt.date(s.year, 12, 31), lang)
    scope = tr("aid_year_scope", lang, year=s.year, end=end)
    return [*running_text(scope, lang), *field_list([count])]


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


@dataclass(frozen=True)
class _Term:
    """A column (or line) of a balance: committed = Σ sign × value over the other terms."""

    key: str  # the header's text key
    sign: int
    value: Callable[[AidProjectSummary], int]
    signed: bool = False  # printed with its sign (a difference)


def _terms(s: AidStatement) -> list[_Term]:
    """The terms a donor's or a year's balance is split into, in reading order.

    A year's statement splits what was disbursed into earlier years (when anything
    was) and the year; the "other difference" column appears only when some project
    needs it.
    """
    if s.scope == "year":
        paid = [_Term("aid_disbursed_year", 1, lambda p: p.disbursed_period_vnd)]
        if s.disbursed_before_vnd:
            paid.insert(0, _Term("aid_disbursed_before", 1, lambda p: p.disbursed_before_vnd))
    else:
        paid = [_Term("aid_disbursed", 1, lambda p: p.disbursed_vnd)]
    terms = [*paid, _Term("aid_fx", -1, lambda p: p.fx_vnd or 0, signed=True)]
    if any(p.other_vnd for p in s.projects):
        terms.append(_Term("aid_other", 1, lambda p: p.other_vnd, signed=True))
    terms.append(_Term("aid_outstanding", 1, lambda p: p.outstanding_vnd or 0))
    return terms


def _show(term: _Term, value: int, lang: str) -> str:
    return _signed(value, lang) if term.signed else _vnd(value, lang)


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
    if p.other_vnd:
        over = None
        if p.disbursed_amount is not None and p.outstanding_amount is not None:
            over = p.committed_amount - p.disbursed_amount - p.outstanding_amount
        rows.append([tr("aid_other", lang), orig(over), _signed(p.other_vnd, lang)])
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
    """The same lines for a donor's or a year's projects, in đồng: committed, then its terms."""
    rows: list[Row] = [[tr("aid_committed", lang), _vnd(s.committed_vnd, lang)]]
    for term in _terms(s):
        value = sum(term.value(p) for p in s.projects)
        cells = [tr(term.key, lang), _show(term, value, lang)]
        rows.append(Total(cells) if term.key == "aid_outstanding" else cells)
    return table([Col(""), Col(tr("aid_vnd", lang), "R", wrap=False)], rows, lang, size=MONEY_SIZE)


def _money_cols(terms: list[_Term], lang: str) -> list[Col]:
    keys = ["aid_committed", *(t.key for t in terms)]
    return [Col(_in_vnd(k, lang), "R", wrap=False) for k in keys]


def _in_vnd(key: str, lang: str) -> str:
    return tr("aid_in_vnd", lang, what=tr(key, lang))


def _projects(s: AidStatement, lang: str) -> Flowable:
    """One row per project; the commitment in its own currency sits under the title.

    Each row adds up across (committed = disbursed − exchange-rate difference + not yet
    disbursed, with a year's disbursements split into earlier years and the year) and
    each column down to the totals row.
    """
    year = s.scope == "year"
    terms = _terms(s)
    rows: list[Row] = []
    for i, p in enumerate(s.projects, 1):
        lines = [p.title, p.ref + (f" — {p.donor.get(lang)}" if year else "")]
        if p.currency != "VND":
            lines.append(
                f"{tr('aid_committed', lang)}: {format_money(p.committed_amount, p.currency, lang)}"
            )
        row = [str(i), "\n".join(lines), _committed_vnd(p, lang)]
        rows.append(row + [_show(t, t.value(p), lang) for t in terms])
    total = ["", tr("total", lang), _vnd(s.committed_vnd, lang)]
    total += [_show(t, sum(t.value(p) for p in s.projects), lang) for t in terms]
    rows.append(Total(total))
    cols = [Col(tr("no", lang), "C", wrap=False), Col(tr("aid_project", lang))]
    return table(cols + _money_cols(terms, lang), rows, lang, size=MONEY_SIZE)


def _grouped(
    s: AidStatement, key_of: dict[str, tuple[object, str]], lang: str, head: str
) -> Flowable:
    """Projects added up by a key (donor or sector), with the same terms as the projects."""
    terms = _terms(s)
    groups: dict[str, list[AidProjectSummary]] = defaultdict(list)
    names: dict[str, str] = {}
    for p in s.projects:
        key, name = key_of[p.ref]
        names[str(key)] = name
        groups[str(key)].append(p)

    def committed(ps: list[AidProjectSummary]) -> int:
        return sum(p.committed_vnd or 0 for p in ps)

    def cells(ps: list[AidProjectSummary]) -> list[str]:
        money = [_show(t, sum(t.value(p) for p in ps), lang) for t in terms]
        return [str(len(ps)), _vnd(committed(ps), lang), *money]

    order = sorted(groups, key=lambda k: (-committed(groups[k]), names[k]))
    rows: list[Row] = [[str(i), names[k], *cells(groups[k])] for i, k in enumerate(order, 1)]
    rows.append(Total(["", tr("total", lang), *cells(list(s.projects))]))
    cols = [
        Col(tr("no", lang), "C", wrap=False),
        Col(head),
        Col(tr("aid_count", lang), "R", wrap=False),
        *_money_cols(terms, lang),
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


def _adds_up_note(s: AidStatement, lang: str) -> list[Flowable]:
    """How a row adds up, and which projects the "other difference" column is for."""
    formula = tr("aid_committed", lang).lower() + " = "
    for i, t in enumerate(_terms(s)):
        sign = ("− " if t.sign < 0 else "+ ") if i else ""
        formula += sign + tr(t.key, lang).lower() + " "
    notes = [tr("aid_adds_up", lang, formula=formula.strip())]
    for reason in ("mixed", "over", "no_rate"):
        refs = [p.ref for p in s.projects if p.other_reason == reason]
        if refs:
            notes.append(tr(f"aid_other_{reason}", lang, refs=", ".join(refs)))
    return [Paragraph(esc(n), styles().note) for n in notes]


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


# The totals under a list of transactions: one per type present, each adding up its own rows.
_TX_TOTALS = (
    (TransactionType.PLEDGE, "aid_total_pledged"),
    (TransactionType.COMMITMENT, "aid_total_committed"),
    (TransactionType.DISBURSEMENT, "aid_total_paid"),
)


def _transactions(s: AidStatement, lang: str) -> Flowable:
    """Every transaction in date order, then a total per type (pledged, committed, disbursed)."""
    many = s.scope != "project"
    rows: list[Row] = []
    for t in s.transactions:
        kind = t.tx_type.label(lang) + (
            f"\n{glossary.tranche(t.tranche, lang)}" if t.tranche else ""
        )
        row = [
            brief_date(t.value_date, lang),
            kind,
            format_money(t.amount, t.currency, lang),
            _rate(t.rate_to_vnd, lang),
            group_digits(t.amount_vnd, lang),
            t.document_ref or "",
        ]
        rows.append([t.project_ref, *row] if many else row)
    for tx_type, key in _TX_TOTALS:
        of_type = [t.amount_vnd for t in s.transactions if t.tx_type == tx_type]
        if of_type or tx_type == TransactionType.DISBURSEMENT:
            total = ["", tr(key, lang), "", "", group_digits(sum(of_type), lang), ""]
            rows.append(Total(["", *total] if many else total))
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
    return table(cols, rows, lang, size=MONEY_SIZE)

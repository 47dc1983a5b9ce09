"""The department's pillars as the yearly review counts them (``docs/statistics.md``).

Each ``*_area`` loads the records of both periods in a few queries, turns them
into facts and counts them with the same measures for the period and the
period a year earlier. What counts, as of the period's day of counting:

* delegations in and out: the first day falls in the period, not cancelled;
* cooperation pairs: partnerships established on the day of counting, at
  province or city level (county-level pairs are counted separately);
* agreements signed in the period, and agreements in force on the day;
* FDI projects licensed in the period and not terminated by the day, with their
  registered capital; projects in force on the day;
* aid: projects approved in the period and their commitment in đồng (converted
  as the aid statement does), disbursements in the period at each one's own rate;
* consular cases opened, closed, and still open on the day;
* international events held in the period and their foreign participants.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, or_, select, true
from sqlalchemy.orm import Session

from huedesk.db import enums as e
from huedesk.db.models import (
    Agreement,
    AidProject,
    AidTransaction,
    ConsularCase,
    Delegation,
    Event,
    FdiProject,
    Organisation,
    Partnership,
)
from huedesk.stats.aid_values import committed_vnd
from huedesk.stats.engine import (
    ONE,
    Amount,
    Dimension,
    Fact,
    Measure,
    Tally,
    status_then,
)
from huedesk.stats.lookups import NONE_KEY, Lookups, enum_names, month_names
from huedesk.stats.model import COUNT, Area, Breakdown, Names, Period, RecordLink

CITY_LEVELS = frozenset({"province", "city"})
# A breakdown: its key, label, dimension, measures and the names of its rows.
Split = tuple[str, Names, Dimension, Sequence[Measure], Callable[[str], Names]]
COUNTY_LEVELS = frozenset({"county"})


@dataclass
class Count:
    """One count in progress: the session, the two periods and whether records are listed."""

    session: Session
    lookups: Lookups
    period: Period
    previous: Period
    links: bool
    breakdowns: frozenset[str] | None = None  # "area.breakdown" keys; None: all
    figures: frozenset[str] | None = None  # "area.figure" keys; None: all

    def wants(self, key: str) -> bool:
        return self.breakdowns is None or key in self.breakdowns

    def counts(self, key: str) -> bool:
        return self.figures is None or key in self.figures

    def only(self, area: str, figures: Collection[str], splits: Collection[str] = ()) -> bool:
        """Whether this count asks ``area`` for no figure beyond ``figures`` and no split
        beyond ``splits``: an area whose other figures need every record (those in force
        on the day) then reads only the records of the two periods."""
        if self.figures is None or self.breakdowns is None:
            return False
        mine = {k.partition(".")[2] for k in self.figures if k.startswith(f"{area}.")}
        parts = {k.partition(".")[2] for k in self.breakdowns if k.startswith(f"{area}.")}
        return mine <= set(figures) and parts <= set(splits)

    @property
    def first_day(self) -> dt.date:
        return self.previous.start

    @property
    def last_day(self) -> dt.date:
        return self.period.end

    def area(
        self,
        key: str,
        label: Names,
        facts: Sequence[Fact],
        headline: Sequence[Measure],
        splits: Sequence[Split],
        *,
        links: bool | None = None,
    ) -> Area:
        keep = self.links if links is None else links
        tally = Tally(facts, self.period, self.previous)
        figures = tuple(
            tally.figure(m, links=keep) for m in headline if self.counts(f"{key}.{m.key}")
        )
        parts = tuple(
            tally.breakdown(bkey, blabel, dim, measures, names, links=keep)
            for bkey, blabel, dim, measures, names in splits
            if self.wants(f"{key}.{bkey}")
        )
        return Area(key, label, figures, tuple(_ordered(p) for p in parts))


def _ordered(part: Breakdown) -> Breakdown:
    """Months in calendar order; everything else by size (the engine's order)."""
    if part.key != "by_month":
        return part
    return Breakdown(part.key, part.label, tuple(sorted(part.rows, key=lambda r: r.key)))


def _base(t: Any) -> list[Any]:
    """The columns every fact starts from: id, UUID, when entered, reference number."""
    return [t.c.id, t.c.uuid, t.c.created_at, t.c.ref]


def _fact(
    kind: str,
    r: Any,
    title: str,
    day: dt.date | None,
    dims: dict[str, tuple[str, ...]],
    data: dict[str, object],
) -> Fact:
    """A row (``id``, ``uuid``, ``ref``, ``created_at``, ``status``) as a fact, listed under
    ``title`` and ``day``; ``day`` is also the record's own first day (``Fact.own``)."""
    link = RecordLink(kind, r.id, r.ref, title, day)
    data["uuid"] = r.uuid
    return Fact(link, str(r.status.value), dims, data, entered=r.created_at, own=day)


def _with_history(count: Count, kind: str, facts: list[Fact], uuids: Select[Any]) -> list[Fact]:
    known = count.lookups.histories(kind, uuids)
    for fact in facts:
        fact.history = known.get(str(fact.data["uuid"]), [])
    return facts


def _counts(
    key: str, vi: str, en: str, test: Callable[[Fact, Period], bool], unit: str = COUNT
) -> Measure:
    return Measure(key, Names(vi, en), unit, lambda f, p: ONE if test(f, p) else None)


def _day(fact: Fact, name: str) -> dt.date | None:
    value = fact.data.get(name)
    return value if isinstance(value, dt.date) else None


def _dated(
    day: str, *, unless: Collection[str] = (), only: Collection[str] | None = None
) -> Callable[[Fact, Period], bool]:
    """The rule "the record's ``day`` falls in the period, and on the period's day of counting
    its status is not one of ``unless`` (or, given ``only``, is one of them)"."""

    def test(f: Fact, p: Period) -> bool:
        if not p.contains(_day(f, day)):
            return False
        status = f.status_on(p.as_of)
        return status in only if only is not None else status not in unless

    return test


# --- delegations ----------------------------------------------------------------------------------
def delegations_area(count: Count) -> Area:
    t = Delegation.__table__
    where = t.c.start_date.between(count.first_day, count.last_day)
    rows = count.session.execute(
        select(
            *_base(t),
            t.c.title,
            t.c.direction,
            t.c.country_code,
            t.c.partner_id,
            t.c.start_date,
            t.c.status,
        ).where(where)
    ).all()
    lk = count.lookups
    # the partner's name, level and regions only for the splits that show them
    partners = any(count.wants(f"delegations.{k}") for k in ("by_partner", "by_level", "by_region"))
    if partners:
        lk.load_orgs({r.partner_id for r in rows if r.partner_id is not None})
    facts = [
        _fact(
            "delegation",
            r,
            r.title,
            r.start_date,
            {
                "country": (r.country_code,),
                "month": (f"{r.start_date.month:02d}",),
                **(
                    {
                        "partner": (str(r.partner_id) if r.partner_id else NONE_KEY,),
                        "level": (lk.level_of(r.partner_id),),
                        "region": lk.regions_of(r.partner_id),
                    }
                    if partners
                    else {}
                ),
            },
            {"start": r.start_date, "direction": str(r.direction.value)},
        )
        for r in rows
    ]
    _with_history(count, "delegation", facts, select(t.c.uuid).where(where))

    held = _dated("start", unless={"cancelled"})

    def visit(direction: str | None) -> Callable[[Fact, Period], bool]:
        def test(f: Fact, p: Period) -> bool:
            if direction is not None and f.data["direction"] != direction:
                return False
            return held(f, p)

        return test

    inbound = _counts("inbound", "Đoàn vào", "Inbound", visit("in"))
    outbound = _counts("outbound", "Đoàn ra", "Outbound", visit("out"))
    both = [inbound, outbound]
    return count.area(
        "delegations",
        Names("Đoàn vào, đoàn ra", "Delegations in and out"),
        facts,
        [inbound, outbound, _counts("total", "Tổng số đoàn", "All delegations", visit(None))],
        [
            ("by_country", Names("Theo quốc gia", "By country"), "country", both, lk.country),
            ("by_partner", Names("Theo đối tác", "By partner"), "partner", both, lk.org),
            (
                "by_level",
                Names("Theo cấp đối tác", "By partner level"),
                "level",
                both,
                enum_names(e.LocalityLevel),
            ),
            ("by_region", Names("Theo vùng", "By region"), "region", both, lk.region),
            ("by_month", Names("Theo tháng", "By month"), "month", both, month_names),
            (
                "by_status",
                Names("Theo tình trạng", "By status"),
                status_then,
                both,
                enum_names(e.DelegationStatus),
            ),
        ],
    )


# --- partnerships ---------------------------------------------------------------------------------
def partnerships_area(count: Count) -> Area:
    t = Partnership.__table__
    o = Organisation.__table__
    rows = count.session.execute(
        select(
            *_base(t),
            o.c.name,
            t.c.partner_id,
            t.c.country_code,
            t.c.level,
            t.c.relation_type,
            t.c.since,
            t.c.status,
        ).join(o, o.c.id == t.c.partner_id)
    ).all()
    lk = count.lookups
    lk.load_orgs({r.partner_id for r in rows})
    facts = [
        _fact(
            "partnership",
            r,
            r.name,
            r.since,
            {
                "country": (r.country_code,),
                "level": (str(r.level.value),),
                "region": lk.regions_of(r.partner_id),
                "relation": (str(r.relation_type.value),),
            },
            {"level": str(r.level.value)},
        )
        for r in rows
    ]
    _with_history(count, "partnership", facts, select(t.c.uuid))

    def in_force(levels: frozenset[str] | None) -> Callable[[Fact, Period], bool]:
        def test(f: Fact, p: Period) -> bool:
            if levels is not None and f.data["level"] not in levels:
                return False
            return f.status_on(p.as_of) == "established"

        return test

    def began(f: Fact, p: Period) -> bool:
        return any(
            h.status == "established" and p.contains(h.effective_on) for h in f.history
        ) and f.status_on(p.as_of) in ("established", "suspended", "ended")

    def ended(f: Fact, p: Period) -> bool:
        return f.status_on(p.as_of) == "ended" and any(
            h.status == "ended" and p.contains(h.effective_on) for h in f.history
        )

    pairs = _counts(
        "pairs", "Cặp tỉnh, thành phố hợp tác", "Province and city pairs", in_force(CITY_LEVELS)
    )
    county = _counts("county_pairs", "Cặp cấp huyện", "County-level pairs", in_force(COUNTY_LEVELS))
    every = _counts(
        "in_force", "Tất cả quan hệ đang duy trì", "All relations in force", in_force(None)
    )
    return count.area(
        "partnerships",
        Names("Quan hệ hữu nghị, hợp tác", "Partnerships"),
        facts,
        [
            pairs,
            county,
            every,
            _counts("new", "Thiết lập trong kỳ", "Established in the period", began),
            _counts("ended", "Chấm dứt trong kỳ", "Ended in the period", ended),
        ],
        [
            (
                "by_country",
                Names("Theo quốc gia", "By country"),
                "country",
                [pairs, county],
                lk.country,
            ),
            (
                "by_level",
                Names("Theo cấp", "By level"),
                "level",
                [every],
                enum_names(e.LocalityLevel),
            ),
            ("by_region", Names("Theo vùng", "By region"), "region", [every], lk.region),
            (
                "by_relation",
                Names("Theo loại quan hệ", "By relation"),
                "relation",
                [every],
                enum_names(e.RelationType),
            ),
            (
                "by_status",
                Names("Theo tình trạng", "By status"),
                status_then,
                [_counts("all", "Số quan hệ", "Relations", lambda f, p: True)],
                enum_names(e.PartnershipStatus),
            ),
        ],
    )


# --- agreements -----------------------------------------------------------------------------------
def agreements_area(count: Count) -> Area:
    t = Agreement.__table__
    where = (
        t.c.signed_on.between(count.first_day, count.last_day)
        if count.only("agreements", {"signed"})
        else true()
    )
    rows = count.session.execute(
        select(
            *_base(t),
            t.c.title,
            t.c.counterpart_id,
            t.c.country_code,
            t.c.agreement_type,
            t.c.signing_level,
            t.c.signed_on,
            t.c.expires_on,
            t.c.status,
        ).where(where)
    ).all()
    lk = count.lookups
    lk.load_orgs({r.counterpart_id for r in rows if r.counterpart_id is not None})
    facts = [
        _fact(
            "agreement",
            r,
            r.title,
            r.signed_on,
            {
                "country": (r.country_code or NONE_KEY,),
                "signing_level": (str(r.signing_level.value),),
                "type": (str(r.agreement_type.value),),
                "region": lk.regions_of(r.counterpart_id),
            },
            {"signed": r.signed_on, "expires": r.expires_on},
        )
        for r in rows
    ]
    _with_history(count, "agreement", facts, select(t.c.uuid).where(where))

    signed = _dated("signed", unless={"negotiating"})

    def in_force(f: Fact, p: Period) -> bool:
        expires = _day(f, "expires")
        live = f.status_on(p.as_of) in ("signed", "in_force")
        return live and (expires is None or expires >= p.as_of)

    signed_m = _counts("signed", "Ký kết trong kỳ", "Signed in the period", signed)
    force_m = _counts("in_force", "Đang có hiệu lực", "In force", in_force)
    both = [signed_m, force_m]
    return count.area(
        "agreements",
        Names("Thỏa thuận quốc tế", "International agreements"),
        facts,
        both,
        [
            (
                "by_signing_level",
                Names("Theo cấp ký", "By signing level"),
                "signing_level",
                both,
                enum_names(e.SigningLevel),
            ),
            ("by_country", Names("Theo quốc gia", "By country"), "country", both, lk.country),
            (
                "by_type",
                Names("Theo loại văn bản", "By type"),
                "type",
                both,
                enum_names(e.AgreementType),
            ),
            ("by_region", Names("Theo vùng", "By region"), "region", both, lk.region),
            (
                "by_status",
                Names("Theo tình trạng", "By status"),
                status_then,
                [_counts("all", "Số thỏa thuận", "Agreements", lambda f, p: True)],
                enum_names(e.AgreementStatus),
            ),
        ],
    )


# --- FDI ------------------------------------------------------------------------------------------
_FDI_LIVE = frozenset({"licensed", "under_construction", "operating"})


def fdi_area(count: Count) -> Area:
    t = FdiProject.__table__
    where = (
        t.c.licence_date.between(count.first_day, count.last_day)
        if count.only("fdi", {"new_projects", "new_capital"}, {"by_sector", "by_country"})
        else true()
    )
    rows = count.session.execute(
        select(
            *_base(t),
            t.c.name,
            t.c.country_code,
            t.c.sector,
            t.c.registered_capital,
            t.c.currency,
            t.c.licence_date,
            t.c.status,
        ).where(where)
    ).all()
    facts = [
        _fact(
            "fdi_project",
            r,
            r.name,
            r.licence_date,
            {"country": (r.country_code,), "sector": (str(r.sector.value),)},
            {
                "licensed": r.licence_date,
                "capital": Amount(r.registered_capital, {r.currency: r.registered_capital}),
                "currency": r.currency,
            },
        )
        for r in rows
    ]
    _with_history(count, "fdi_project", facts, select(t.c.uuid).where(where))

    new = _dated("licensed", unless={"proposed", "terminated"})

    def live(f: Fact, p: Period) -> bool:
        licensed = _day(f, "licensed")
        return f.status_on(p.as_of) in _FDI_LIVE and (licensed is None or licensed <= p.as_of)

    def capital(test: Callable[[Fact, Period], bool]) -> Callable[[Fact, Period], Amount | None]:
        def take(f: Fact, p: Period) -> Amount | None:
            if not test(f, p):
                return None
            amount = f.data["capital"]
            assert isinstance(amount, Amount)
            # the figure is in dollars; other currencies are listed, never added to it
            return amount if f.data["currency"] == "USD" else Amount(0, amount.originals)

        return take

    new_m = _counts("new_projects", "Dự án cấp mới", "Newly licensed projects", new)
    new_cap = Measure(
        "new_capital", Names("Vốn đăng ký cấp mới", "Capital newly registered"), "USD", capital(new)
    )
    live_m = _counts("projects_in_force", "Dự án còn hiệu lực", "Projects in force", live)
    live_cap = Measure(
        "capital_in_force",
        Names("Tổng vốn đăng ký", "Registered capital in force"),
        "USD",
        capital(live),
    )
    return count.area(
        "fdi",
        Names("Thu hút đầu tư trực tiếp nước ngoài", "Foreign direct investment"),
        facts,
        [new_m, new_cap, live_m, live_cap],
        [
            (
                "by_sector",
                Names("Theo lĩnh vực", "By sector"),
                "sector",
                [new_m, new_cap],
                enum_names(e.Sector),
            ),
            (
                "by_country",
                Names("Theo quốc gia", "By country"),
                "country",
                [new_m, new_cap],
                count.lookups.country,
            ),
            (
                "by_status",
                Names("Theo tình trạng", "By status"),
                status_then,
                [_counts("all", "Số dự án", "Projects", lambda f, p: True)],
                enum_names(e.FdiStatus),
            ),
        ],
    )


# --- aid ------------------------------------------------------------------------------------------
_AID_DEAD = frozenset({"proposed", "cancelled"})


def aid_area(count: Count) -> Area:
    p_t = AidProject.__table__
    x_t = AidTransaction.__table__
    in_window = x_t.c.value_date.between(count.first_day, count.last_day)
    where = or_(
        p_t.c.approved_on.between(count.first_day, count.last_day),
        p_t.c.id.in_(select(x_t.c.project_id).where(in_window)),
    )
    rows = count.session.execute(
        select(
            *_base(p_t),
            p_t.c.title,
            p_t.c.donor_id,
            p_t.c.sector,
            p_t.c.approved_on,
            p_t.c.committed_amount,
            p_t.c.currency,
            p_t.c.status,
        ).where(where)
    ).all()
    txs: dict[int, list[Any]] = {}
    for tx in count.session.execute(
        select(
            x_t.c.project_id,
            x_t.c.tx_type,
            x_t.c.value_date,
            x_t.c.amount,
            x_t.c.currency,
            x_t.c.rate_to_vnd,
            x_t.c.amount_vnd,
        )
        .where(x_t.c.project_id.in_(select(p_t.c.id).where(where)))
        .order_by(x_t.c.value_date, x_t.c.id)
    ).all():
        txs.setdefault(tx.project_id, []).append(tx)
    lk = count.lookups
    lk.load_orgs({r.donor_id for r in rows})
    facts = []
    for r in rows:
        mine = txs.get(r.id, [])
        vnd, estimated = committed_vnd(r.currency, r.committed_amount, mine)
        facts.append(
            _fact(
                "aid_project",
                r,
                r.title,
                r.approved_on,
                {
                    "donor": (str(r.donor_id),),
                    "donor_country": (lk.org_country(r.donor_id),),
                    "donor_type": (lk.org_type(r.donor_id),),
                    "sector": (str(r.sector.value),),
                },
                {
                    "approved": r.approved_on,
                    "commitment": Amount(
                        vnd or 0, {r.currency: r.committed_amount}, estimated or vnd is None
                    ),
                    "paid": [t for t in mine if t.tx_type == e.TransactionType.DISBURSEMENT],
                },
            )
        )
    _with_history(count, "aid_project", facts, select(p_t.c.uuid).where(where))

    approved = _dated("approved", unless=_AID_DEAD)

    def mobilised(f: Fact, p: Period) -> Amount | None:
        amount = f.data["commitment"]
        assert isinstance(amount, Amount)
        return amount if approved(f, p) else None

    def disbursed(f: Fact, p: Period) -> Amount | None:
        paid = [tx for tx in f.data["paid"] if p.contains(tx.value_date)]  # type: ignore[attr-defined]
        if not paid:
            return None
        originals: dict[str, int] = {}
        for tx in paid:
            originals[tx.currency] = originals.get(tx.currency, 0) + tx.amount
        return Amount(sum(tx.amount_vnd for tx in paid), originals)

    approved_m = _counts(
        "projects", "Dự án, khoản viện trợ được phê duyệt", "Projects approved", approved
    )
    mobilised_m = Measure(
        "mobilised", Names("Giá trị cam kết (đồng)", "Committed (VND)"), "VND", mobilised
    )
    disbursed_m = Measure(
        "disbursed", Names("Giải ngân (đồng)", "Disbursed (VND)"), "VND", disbursed
    )
    money = [mobilised_m, disbursed_m]
    return count.area(
        "aid",
        Names("Vận động viện trợ quốc tế", "International aid"),
        facts,
        [approved_m, mobilised_m, disbursed_m],
        [
            ("by_donor", Names("Theo nhà tài trợ", "By donor"), "donor", money, lk.org),
            (
                "by_sector",
                Names("Theo lĩnh vực", "By sector"),
                "sector",
                [approved_m, *money],
                enum_names(e.Sector),
            ),
            (
                "by_donor_country",
                Names("Theo quốc gia tài trợ", "By donor country"),
                "donor_country",
                money,
                lk.country,
            ),
            (
                "by_donor_type",
                Names("Theo loại nhà tài trợ", "By donor type"),
                "donor_type",
                money,
                enum_names(e.OrgType),
            ),
            (
                "by_status",
                Names("Theo tình trạng", "By status"),
                status_then,
                [approved_m, *money],
                enum_names(e.AidStatus),
            ),
        ],
    )


# --- consular -------------------------------------------------------------------------------------
_CASE_OPEN = frozenset({"open", "in_progress", "awaiting_response"})
_CASE_DONE = frozenset({"resolved", "closed"})


def consular_area(count: Count, *, sees_cases: bool) -> Area:
    """Consular work; for roles that may not see cases, counts by type and status only."""
    t = ConsularCase.__table__
    where = and_(
        t.c.opened_on <= count.last_day,
        or_(t.c.closed_on.is_(None), t.c.closed_on >= count.first_day, t.c.status.in_(_CASE_OPEN)),
    )
    if count.only("consular", {"opened"}):
        where = and_(where, t.c.opened_on >= count.first_day)
    rows = count.session.execute(
        select(
            *_base(t),
            t.c.case_type,
            t.c.country_code,
            t.c.opened_on,
            t.c.closed_on,
            t.c.status,
        ).where(where)
    ).all()
    facts = [
        _fact(
            "consular_case",
            r,
            r.ref,
            r.opened_on,
            {"type": (str(r.case_type.value),), "country": (r.country_code,)},
            {"opened": r.opened_on, "closed": r.closed_on},
        )
        for r in rows
    ]
    _with_history(count, "consular_case", facts, select(t.c.uuid).where(where))

    opened = _dated("opened", unless={"cancelled"})
    closed = _dated("closed", only=_CASE_DONE)

    def still_open(f: Fact, p: Period) -> bool:
        opened_on = _day(f, "opened")
        return opened_on is not None and opened_on <= p.as_of and f.status_on(p.as_of) in _CASE_OPEN

    opened_m = _counts("opened", "Vụ việc tiếp nhận", "Cases opened", opened)
    closed_m = _counts("closed", "Vụ việc đã giải quyết", "Cases settled", closed)
    open_m = _counts("open_at_end", "Còn đang xử lý", "Still open", still_open)
    splits: list[Split] = [
        (
            "by_type",
            Names("Theo loại vụ việc", "By case type"),
            "type",
            [opened_m, closed_m],
            enum_names(e.CaseType),
        ),
        (
            "by_status",
            Names("Theo tình trạng", "By status"),
            status_then,
            [opened_m, open_m],
            enum_names(e.CaseStatus),
        ),
    ]
    if sees_cases:
        splits.insert(
            1,
            (
                "by_country",
                Names("Theo quốc gia", "By country"),
                "country",
                [opened_m, closed_m],
                count.lookups.country,
            ),
        )
    area = count.area(
        "consular",
        Names("Công tác lãnh sự, bảo hộ công dân", "Consular work and citizen protection"),
        facts,
        [opened_m, closed_m, open_m],
        splits,
        links=count.links and sees_cases,
    )
    if sees_cases:
        return area
    return Area(area.key, area.label, area.figures, area.breakdowns, "counts_only")


# --- events ---------------------------------------------------------------------------------------
def events_area(count: Count) -> Area:
    t = Event.__table__
    where = t.c.start_date.between(count.first_day, count.last_day)
    rows = count.session.execute(
        select(
            *_base(t),
            t.c.title,
            t.c.event_type,
            t.c.start_date,
            t.c.foreign_participants,
            t.c.partner_countries,
            t.c.status,
        ).where(where)
    ).all()
    facts = [
        _fact(
            "event",
            r,
            r.title,
            r.start_date,
            {
                "type": (str(r.event_type.value),),
                "month": (f"{r.start_date.month:02d}",),
                "country": _countries(r.partner_countries),
            },
            {"start": r.start_date, "people": r.foreign_participants or 0},
        )
        for r in rows
    ]
    _with_history(count, "event", facts, select(t.c.uuid).where(where))

    held = _dated("start", unless={"cancelled"})

    def people(f: Fact, p: Period) -> Amount | None:
        return Amount(int(f.data["people"])) if held(f, p) else None  # type: ignore[call-overload]

    held_m = _counts("held", "Sự kiện quốc tế", "International events", held)
    people_m = Measure(
        "participants", Names("Đại biểu nước ngoài", "Foreign participants"), COUNT, people
    )
    both = [held_m, people_m]
    return count.area(
        "events",
        Names("Sự kiện quốc tế", "International events"),
        facts,
        both,
        [
            (
                "by_type",
                Names("Theo loại sự kiện", "By type"),
                "type",
                both,
                enum_names(e.EventType),
            ),
            ("by_month", Names("Theo tháng", "By month"), "month", both, month_names),
            (
                "by_country",
                Names("Theo nước tham gia", "By partner country"),
                "country",
                both,
                count.lookups.country,
            ),
            (
                "by_status",
                Names("Theo tình trạng", "By status"),
                status_then,
                [held_m],
                enum_names(e.EventStatus),
            ),
        ],
    )


def _countries(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    found = text.replace(",", " ").replace(";", " ").upper().split()
    return tuple(dict.fromkeys(found))

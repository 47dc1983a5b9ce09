"""Gather a year's review: the statistics service's figures, the written sections, the appendix.

The figures come from ``huedesk.stats`` (the same ones the start page and the
spreadsheet show); the appendix lists the records behind the headline figures,
read by id in one query per list. What a role may not see stays out: roles that
may not see consular cases get the consular counts only (the appendix lists no
cases for anyone).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from huedesk.accounts.roles import Principal
from huedesk.briefs.year_data import (
    AgreementLine,
    AidLine,
    Appendix,
    EventLine,
    FdiLine,
    PairLine,
    VisitLine,
    YearReview,
)
from huedesk.db.enums import EventType, LocalityLevel, Sector, SigningLevel
from huedesk.db.models import (
    Agreement,
    AidProject,
    Country,
    Delegation,
    Event,
    FdiProject,
    Organisation,
    Partnership,
)
from huedesk.stats.model import Figure, Figures, Names
from huedesk.stats.review_texts import writing_in
from huedesk.stats.service import count_in, year_period

CHUNK = 900


def gather_year(session: Session, who: Principal, year: int, lang: str = "vi") -> YearReview:
    """The review of ``year`` as ``who`` may read it (an empty year gives zeros, not an error)."""
    figures = count_in(session, who, year_period(year))
    return YearReview(year, figures, writing_in(session, year, lang), _appendix(session, figures))


def _ids(figures: Figures, area: str, figure: str) -> list[int]:
    return [link.id for link in figures.area(area).figure(figure).records]


def _rows(session: Session, table: Table, ids: Iterable[int], *columns: Any) -> list[Any]:
    wanted = list(ids)
    found: dict[int, Any] = {}
    for i in range(0, len(wanted), CHUNK):
        stmt = select(table.c.id, *columns).where(table.c.id.in_(wanted[i : i + CHUNK]))
        found.update({r.id: r for r in session.execute(stmt)})
    return [found[i] for i in wanted if i in found]


class _Names:
    """Country and organisation names, read once."""

    def __init__(self, session: Session) -> None:
        self.countries = {
            c: Names(vi, en)
            for c, vi, en in session.execute(select(Country.code, Country.name_vi, Country.name_en))
        }
        self.session = session
        self.orgs: dict[int, Names] = {}

    def country(self, code: str | None) -> Names:
        return self.countries.get(code or "", Names(code or ""))

    def load(self, ids: Iterable[int | None]) -> None:
        wanted = sorted({i for i in ids if i is not None and i not in self.orgs})
        t = Organisation.__table__
        for r in _rows(self.session, t, wanted, t.c.name, t.c.name_en):  # type: ignore[arg-type]
            self.orgs[r.id] = Names(r.name, r.name_en)

    def org(self, org_id: int | None) -> Names | None:
        return self.orgs.get(org_id) if org_id is not None else None


def _label(enum: Any, value: Any) -> Names:
    member = enum(value)
    return Names(member.label("vi"), member.label("en"))


def _appendix(session: Session, figures: Figures) -> Appendix:
    names = _Names(session)
    d = Delegation.__table__
    visit_cols = (
        d.c.ref,
        d.c.title,
        d.c.partner_id,
        d.c.country_code,
        d.c.start_date,
        d.c.end_date,
    )
    inbound = _rows(session, d, _ids(figures, "delegations", "inbound"), *visit_cols)  # type: ignore[arg-type]
    outbound = _rows(session, d, _ids(figures, "delegations", "outbound"), *visit_cols)  # type: ignore[arg-type]
    p = Partnership.__table__
    pairs = _rows(
        session,
        p,  # type: ignore[arg-type]
        _ids(figures, "partnerships", "in_force"),
        p.c.ref,
        p.c.partner_id,
        p.c.country_code,
        p.c.level,
        p.c.since,
    )
    a = Agreement.__table__
    agreements = _rows(
        session,
        a,  # type: ignore[arg-type]
        _ids(figures, "agreements", "signed"),
        a.c.ref,
        a.c.title,
        a.c.counterpart_id,
        a.c.signing_level,
        a.c.signed_on,
    )
    f = FdiProject.__table__
    fdi = _rows(
        session,
        f,  # type: ignore[arg-type]
        _ids(figures, "fdi", "new_projects"),
        f.c.ref,
        f.c.name,
        f.c.country_code,
        f.c.sector,
        f.c.registered_capital,
        f.c.currency,
        f.c.licence_date,
    )
    aid_area = figures.area("aid")
    committed = _shares(aid_area.figure("mobilised"))
    disbursed = _shares(aid_area.figure("disbursed"))
    aid_ids = sorted({*committed, *disbursed}, key=lambda i: (i not in committed, i))
    ap = AidProject.__table__
    aid = _rows(session, ap, aid_ids, ap.c.ref, ap.c.title, ap.c.donor_id)  # type: ignore[arg-type]
    e = Event.__table__
    events = _rows(
        session,
        e,  # type: ignore[arg-type]
        _ids(figures, "events", "held"),
        e.c.ref,
        e.c.title,
        e.c.event_type,
        e.c.start_date,
        e.c.end_date,
        e.c.foreign_participants,
    )
    names.load(
        [r.partner_id for r in (*inbound, *outbound)]
        + [r.partner_id for r in pairs]
        + [r.counterpart_id for r in agreements]
        + [r.donor_id for r in aid]
    )

    def visit(r: Any) -> VisitLine:
        return VisitLine(
            r.ref, r.title, names.org(r.partner_id), names.country(r.country_code), r.start_date,
            r.end_date,
        )  # fmt: skip

    return Appendix(
        inbound=tuple(visit(r) for r in inbound),
        outbound=tuple(visit(r) for r in outbound),
        pairs=tuple(
            PairLine(
                r.ref,
                names.org(r.partner_id) or Names("?"),
                names.country(r.country_code),
                _label(LocalityLevel, r.level),
                r.since,
            )
            for r in pairs
        ),
        agreements=tuple(
            AgreementLine(
                r.ref,
                r.title,
                names.org(r.counterpart_id),
                _label(SigningLevel, r.signing_level),
                r.signed_on,
            )
            for r in agreements
        ),
        fdi=tuple(
            FdiLine(
                r.ref,
                r.name,
                names.country(r.country_code),
                _label(Sector, r.sector),
                r.registered_capital,
                r.currency,
                r.licence_date,
            )
            for r in fdi
        ),
        aid=tuple(
            AidLine(
                r.ref,
                r.title,
                names.org(r.donor_id) or Names("?"),
                committed.get(r.id),
                disbursed.get(r.id, 0),
            )
            for r in aid
        ),
        events=tuple(
            EventLine(
                r.ref,
                r.title,
                _label(EventType, r.event_type),
                r.start_date,
                r.end_date,
                r.foreign_participants,
            )
            for r in events
        ),
    )


def _shares(figure: Figure) -> dict[int, int]:
    return {link.id: share for link, share in figure.behind()}

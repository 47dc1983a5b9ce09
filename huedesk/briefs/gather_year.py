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

from sqlalchemy import select
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


def _rows(session: Session, model: Any, ids: Iterable[int], *columns: str) -> list[Any]:
    """``columns`` of ``model``'s rows ``ids``, in that order (missing ones left out)."""
    t = model.__table__
    wanted = list(ids)
    found: dict[int, Any] = {}
    for i in range(0, len(wanted), CHUNK):
        stmt = select(t.c.id, *(t.c[c] for c in columns)).where(t.c.id.in_(wanted[i : i + CHUNK]))
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
        for r in _rows(self.session, Organisation, wanted, "name", "name_en"):
            self.orgs[r.id] = Names(r.name, r.name_en)

    def org(self, org_id: int | None) -> Names | None:
        return self.orgs.get(org_id) if org_id is not None else None


def _label(enum: Any, value: Any) -> Names:
    member = enum(value)
    return Names(member.label("vi"), member.label("en"))


def _appendix(session: Session, figures: Figures) -> Appendix:
    names = _Names(session)

    def behind(model: Any, area: str, figure: str, *columns: str) -> list[Any]:
        """``columns`` of the records behind a figure."""
        return _rows(session, model, _ids(figures, area, figure), *columns)

    visit = ("ref", "title", "partner_id", "country_code", "start_date", "end_date")
    inbound = behind(Delegation, "delegations", "inbound", *visit)
    outbound = behind(Delegation, "delegations", "outbound", *visit)
    pairs = behind(
        Partnership, "partnerships", "in_force", "ref", "partner_id", "country_code", "level",
        "since",
    )  # fmt: skip
    agreements = behind(
        Agreement, "agreements", "signed", "ref", "title", "counterpart_id", "signing_level",
        "signed_on",
    )  # fmt: skip
    fdi = behind(
        FdiProject, "fdi", "new_projects", "ref", "name", "country_code", "sector",
        "registered_capital", "currency", "licence_date",
    )  # fmt: skip
    aid_area = figures.area("aid")
    committed = _shares(aid_area.figure("mobilised"))
    disbursed = _shares(aid_area.figure("disbursed"))
    aid_ids = sorted({*committed, *disbursed}, key=lambda i: (i not in committed, i))
    aid = _rows(session, AidProject, aid_ids, "ref", "title", "donor_id")
    events = behind(
        Event, "events", "held", "ref", "title", "event_type", "start_date", "end_date",
        "foreign_participants",
    )  # fmt: skip
    names.load(
        [r.partner_id for r in (*inbound, *outbound)]
        + [r.partner_id for r in pairs]
        + [r.counterpart_id for r in agreements]
        + [r.donor_id for r in aid]
    )

    def visit_line(r: Any) -> VisitLine:
        return VisitLine(
            r.ref, r.title, names.org(r.partner_id), names.country(r.country_code), r.start_date,
            r.end_date,
        )  # fmt: skip

    return Appendix(
        inbound=tuple(visit_line(r) for r in inbound),
        outbound=tuple(visit_line(r) for r in outbound),
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

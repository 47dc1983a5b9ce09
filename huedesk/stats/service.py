"""The statistics service: a year's (or any period's) figures for one user, read in one session.

``Statistics(db, actor)`` is what the window, the yearly review, the
spreadsheet and the command line ask (through the workspace); ``count_in``
does the same inside a session a caller already holds. Consular figures
follow the access rules (``docs/access-and-privacy.md``): roles that may not
see consular cases get the counts by case type and status, without the cases
behind them and without the split by country.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy.orm import Session

from huedesk import clock
from huedesk.accounts.principal import Actor, resolve
from huedesk.accounts.roles import Principal
from huedesk.db.engine import Database
from huedesk.db.stopping import Stopper
from huedesk.errors import HueDeskError
from huedesk.stats import areas
from huedesk.stats.lookups import Lookups
from huedesk.stats.model import Area, Figures, Period

AREAS: tuple[str, ...] = (
    "delegations",
    "partnerships",
    "agreements",
    "fdi",
    "aid",
    "consular",
    "events",
)
FIRST_YEAR, LAST_YEAR = 1900, 2999
# What the start page charts: delegations by country and month, aid by donor, FDI by sector.
DASHBOARD_BREAKDOWNS = frozenset(
    {"delegations.by_country", "delegations.by_month", "aid.by_donor", "fdi.by_sector"}
)
# ... and the figures its cards show (the FDI and aid cards name a second figure below).
DASHBOARD_FIGURES = frozenset(
    {
        "delegations.inbound",
        "delegations.outbound",
        "partnerships.pairs",
        "agreements.signed",
        "fdi.new_projects",
        "fdi.new_capital",
        "aid.mobilised",
        "aid.disbursed",
        "consular.opened",
        "events.held",
    }
)


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise HueDeskError(
            f"Năm {year} nằm ngoài khoảng {FIRST_YEAR}–{LAST_YEAR}.",
            f"The year {year} is outside {FIRST_YEAR}–{LAST_YEAR}.",
        )


def period_of(start: dt.date, end: dt.date, today: dt.date | None = None) -> Period:
    """Days ``start``–``end``, counted as of their last day, or as of today while they run."""
    if end < start:
        raise HueDeskError(
            "Ngày kết thúc của kỳ báo cáo không được trước ngày bắt đầu.",
            "The end of the period must not be before its start.",
        )
    today = today or clock.today()
    return Period(start, end, min(end, max(today, start)))


def year_period(year: int, today: dt.date | None = None) -> Period:
    """The calendar year ``year`` (counted as of 31 December once it is over)."""
    _check_year(year)
    return period_of(dt.date(year, 1, 1), dt.date(year, 12, 31), today)


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def previous_of(period: Period) -> Period:
    """The same days a year earlier, counted as of the same day a year earlier."""
    return Period(_year_before(period.start), _year_before(period.end), _year_before(period.as_of))


Builder = Callable[[areas.Count], Area]


def _builders(who: Principal) -> dict[str, Builder]:
    sees = who.can_see_sensitive
    return {
        "delegations": areas.delegations_area,
        "partnerships": areas.partnerships_area,
        "agreements": areas.agreements_area,
        "fdi": areas.fdi_area,
        "aid": areas.aid_area,
        "consular": lambda c: areas.consular_area(c, sees_cases=sees),
        "events": areas.events_area,
    }


def count_in(
    session: Session,
    who: Principal,
    period: Period,
    *,
    only: Iterable[str] | None = None,
    links: bool = True,
    breakdowns: Iterable[str] | None = None,
    figures: Iterable[str] | None = None,
    check: Callable[[], None] | None = None,
) -> Figures:
    """The figures of ``period`` (and of the same days a year earlier) as ``who`` may see them.

    ``only`` limits the areas counted; ``links`` lists the records behind each figure;
    ``breakdowns`` and ``figures`` (``"area.key"`` names) limit the splits and the
    headline figures worked out (all by default). ``check`` is called before each area
    is counted: it raises to stop the counting (the window's Cancel, a page left).
    """
    wanted = tuple(only) if only is not None else AREAS
    unknown = [a for a in wanted if a not in AREAS]
    if unknown:
        raise HueDeskError(
            f"Không có lĩnh vực thống kê '{unknown[0]}' (có: {', '.join(AREAS)}).",
            f"No statistics area '{unknown[0]}' (known: {', '.join(AREAS)}).",
        )
    previous = previous_of(period)
    count = areas.Count(
        session,
        Lookups(session),
        period,
        previous,
        links,
        frozenset(breakdowns) if breakdowns is not None else None,
        frozenset(figures) if figures is not None else None,
    )
    build = _builders(who)
    counted = []
    for a in AREAS:
        if a in wanted:
            if check is not None:
                check()
            counted.append(build[a](count))
    return Figures(period, previous, tuple(counted))


def records_behind_in(session: Session, who: Principal, period: Period) -> dict[str, set[int]]:
    """Ids, per record kind, of every record behind a figure of ``period`` (not of the year
    before): what an archive of "the records behind the year's review" holds."""
    figures = count_in(session, who, period)
    found: dict[str, set[int]] = {}
    for area in figures.areas:
        every = [*area.figures, *(f for b in area.breakdowns for r in b.rows for f in r.figures)]
        for figure in every:
            for link in figure.records:
                found.setdefault(link.kind, set()).add(link.id)
    return found


class Statistics:
    """Figures for one user (``actor``: an account name or a ``Principal``) on ``db``.

    ``regions`` and ``texts`` are the regions the figures are split by and the
    written parts of yearly reviews, for the same user.
    """

    def __init__(self, db: Database, actor: Actor) -> None:
        from huedesk.stats.regions import Regions  # they import this module's year check
        from huedesk.stats.review_texts import ReviewTexts

        self.db = db
        self.actor = actor
        self.regions = Regions(db, actor)
        self.texts = ReviewTexts(db, actor)

    def year(self, year: int, *, links: bool = True, only: Iterable[str] | None = None) -> Figures:
        """The calendar year ``year`` beside the year before."""
        return self.period(year_period(year), links=links, only=only)

    def spreadsheet(
        self, period: Period, out: Path, lang: str = "vi", *, stopper: Stopper | None = None
    ) -> Path:
        """Write the figures of ``period`` with the records behind them to ``out`` (.xlsx);
        ``stopper`` as for ``period``."""
        from huedesk.stats.workbook import write_workbook  # openpyxl loads on use

        return write_workbook(self.period(period, stopper=stopper), out, lang)

    def dashboard(self, year: int, *, stopper: Stopper | None = None) -> Figures:
        """What the start page shows for ``year``: the figures of its cards with the records
        behind them (``DASHBOARD_FIGURES``) and the splits its charts draw
        (``DASHBOARD_BREAKDOWNS``), counted as ``year`` counts them. ``stopper`` as for
        ``period`` (the window counts these off the UI thread and stops them when the
        year changes or the page goes)."""
        return self.period(
            year_period(year),
            breakdowns=DASHBOARD_BREAKDOWNS,
            figures=DASHBOARD_FIGURES,
            stopper=stopper,
        )

    def between(
        self, start: dt.date, end: dt.date, *, links: bool = True, only: Iterable[str] | None = None
    ) -> Figures:
        """Days ``start``–``end`` beside the same days a year earlier."""
        return self.period(period_of(start, end), links=links, only=only)

    def period(
        self,
        period: Period,
        *,
        links: bool = True,
        only: Iterable[str] | None = None,
        breakdowns: Iterable[str] | None = None,
        figures: Iterable[str] | None = None,
        stopper: Stopper | None = None,
    ) -> Figures:
        """The figures of ``period``; ``stopper.stop()`` from another thread interrupts the
        statement under way and the areas not yet counted (``Stopped`` is raised)."""
        with self.db.read(stopper) as session:
            who = resolve(session, self.actor)
            return count_in(
                session,
                who,
                period,
                only=only,
                links=links,
                breakdowns=breakdowns,
                figures=figures,
                check=stopper.check if stopper is not None else None,
            )

"""The plain values the statistics service hands out: periods, figures, breakdowns, areas.

Nothing here holds a session or an ORM object; the window, the yearly review
and the spreadsheet read these and nothing else. Every figure carries the
records behind it (``RecordLink``) so a click, a table or a sheet can show
them, and the same figure for the period a year earlier.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Literal

from huedesk.text import Names  # a label in both languages: figures' and briefs'

Unit = str  # "count", or an ISO currency code for amounts in minor units ("VND", "USD" …)
COUNT: Unit = "count"


@dataclass(frozen=True)
class Period:
    """Days ``start`` to ``end`` (both included), counted as things stood on ``as_of``.

    A closed period is counted as of its last day, so it gives the same figures
    whenever it is asked for; the running one is counted as of today.
    """

    start: dt.date
    end: dt.date
    as_of: dt.date

    @property
    def is_year(self) -> bool:
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (
            1,
            1,
            12,
            31,
        ) and (self.start.year == self.end.year)

    @property
    def closed(self) -> bool:
        return self.as_of >= self.end

    @functools.cached_property
    def last_counted(self) -> dt.date:
        """The period's last day that has come by the day it is counted on."""
        return min(self.end, self.as_of)

    def contains(self, day: dt.date | None) -> bool:
        """Whether ``day`` lies in the period and not after the day it is counted on."""
        return day is not None and self.start <= day <= self.last_counted

    def label(self, lang: str = "vi") -> str:
        if self.is_year:
            return f"Năm {self.start.year}" if lang == "vi" else str(self.start.year)
        a, b = self.start.strftime("%d/%m/%Y"), self.end.strftime("%d/%m/%Y")
        return f"{a} – {b}"


@dataclass(frozen=True)
class RecordLink:
    """One record behind a figure: enough to list it and to open it."""

    kind: str
    id: int
    ref: str
    title: str
    day: dt.date | None = None


@dataclass(frozen=True)
class Figure:
    """One number with the same number a year earlier and the records behind it.

    ``value`` is a count, or an amount in minor units of ``unit`` (exact integers);
    ``shares`` says what each record in ``records`` adds to it. ``originals`` gives an amount in the currencies it was recorded in, when they
    differ from ``unit``; ``estimated`` says a VND value used a borrowed rate or
    left out an amount that has no rate at all.
    """

    key: str
    label: Names
    unit: Unit
    value: int
    previous: int
    records: tuple[RecordLink, ...] = ()
    shares: tuple[int, ...] = ()
    originals: tuple[tuple[str, int], ...] = ()
    previous_originals: tuple[tuple[str, int], ...] = ()
    estimated: bool = False

    def behind(self) -> list[tuple[RecordLink, int]]:
        """Each record behind the figure with what it adds."""
        return list(zip(self.records, self.shares, strict=True))

    @property
    def change(self) -> int:
        return self.value - self.previous

    @property
    def change_percent(self) -> float | None:
        """The change against a year earlier in per cent (``None`` when that was zero)."""
        if not self.previous:
            return None
        return round(100 * (self.value - self.previous) / self.previous, 1)


@dataclass(frozen=True)
class Row:
    """One line of a breakdown: a country, a donor, a month … and its figures."""

    key: str
    label: Names
    figures: tuple[Figure, ...]

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)


@dataclass(frozen=True)
class Breakdown:
    """An area's figures split by one dimension (country, level, region, sector …)."""

    key: str
    label: Names
    rows: tuple[Row, ...]

    def row(self, key: str) -> Row | None:
        return next((r for r in self.rows if r.key == key), None)


Restriction = Literal["none", "counts_only"]


@dataclass(frozen=True)
class Area:
    """One pillar of the department's work: headline figures and their breakdowns.

    ``restriction`` is ``counts_only`` when the user may see the numbers but not
    the records behind them (consular work for roles that may not see cases).
    """

    key: str
    label: Names
    figures: tuple[Figure, ...]
    breakdowns: tuple[Breakdown, ...] = ()
    restriction: Restriction = "none"

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)

    def breakdown(self, key: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.key == key)


@dataclass(frozen=True)
class Figures:
    """Everything counted for one period, with the period a year earlier beside it."""

    period: Period
    previous: Period
    areas: tuple[Area, ...] = field(default_factory=tuple)

    def area(self, key: str) -> Area:
        return next(a for a in self.areas if a.key == key)

    def has(self, key: str) -> bool:
        return any(a.key == key for a in self.areas)

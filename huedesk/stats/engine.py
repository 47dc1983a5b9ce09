"""Counting facts into figures: the same rules for a period and for the period a year earlier.

An area loads its records once as ``Fact``s (a record, its dimension values,
its status history); each ``Measure`` says what one fact counts for in a
period (one visit, a capital in dollars, the disbursements of a project in
đồng) or that it does not count. A ``Tally`` asks each measure once per fact
and period, and its ``figure`` and ``breakdown`` add the answers up, exactly,
in integers. A fact may fall under several rows of one dimension (a
locality in two regions, an event with three partner countries).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from huedesk.records.status_history import Entry, local_day, status_on
from huedesk.stats.model import Breakdown, Figure, Names, Period, RecordLink, Row, Unit
from huedesk.text import sort_key


@dataclass(frozen=True)
class Amount:
    """What one fact adds to a figure: a count or an amount in minor units.

    ``originals`` are the same money in the currencies it was recorded in.
    """

    value: int
    originals: Mapping[str, int] = field(default_factory=dict)
    estimated: bool = False


ONE = Amount(1)


@dataclass(slots=True)
class Fact:
    """One record as the statistics see it.

    ``dims`` maps a dimension to the keys the record falls under; ``data`` holds
    what the area's measures read; ``history`` is its status history. Before its
    first day, the record had no status: that is its own start date (``own``), or
    the local day it was ``entered`` if that came earlier or it has none.
    """

    link: RecordLink
    status: str | None
    dims: dict[str, tuple[str, ...]]
    data: dict[str, object] = field(default_factory=dict)
    history: list[Entry] = field(default_factory=list)
    entered: dt.datetime | None = None
    own: dt.date | None = None
    _status_cache: dict[dt.date, str | None] = field(default_factory=dict)

    def status_on(self, day: dt.date) -> str | None:
        """The record's status on ``day`` (its status now when it has no history at all)."""
        if day not in self._status_cache:
            if self._not_yet(day):
                self._status_cache[day] = None
            elif self.history:
                self._status_cache[day] = status_on(self.history, day)
            else:
                self._status_cache[day] = self.status
        return self._status_cache[day]

    def _not_yet(self, day: dt.date) -> bool:
        """Whether ``day`` comes before the record's first day."""
        if self.own is not None and day >= self.own:
            return False  # its first day is on or before its own date
        if self.entered is None:
            return self.own is not None
        entered = local_day(self.entered)
        return day < (entered if self.own is None else min(self.own, entered))


Take = Callable[[Fact, Period], Amount | None]
# A dimension: a name in ``Fact.dims``, or the keys of a fact in a period (its status then).
Dimension = str | Callable[[Fact, Period], tuple[str, ...]]


def status_then(fact: Fact, period: Period) -> tuple[str, ...]:
    """The dimension "status on the period's day of counting"."""
    status = fact.status_on(period.as_of)
    return (status,) if status else ()


@dataclass(frozen=True)
class Measure:
    """A figure's rule: its key, label, unit and what each fact counts for in a period."""

    key: str
    label: Names
    unit: Unit
    take: Take


class Tally:
    """What every fact counts for under each measure, in the period and a year earlier.

    Each measure is asked once per fact and period; figures and breakdowns then
    only add up the answers of the facts they cover.
    """

    def __init__(self, facts: Sequence[Fact], period: Period, previous: Period) -> None:
        self.facts = facts
        self.period = period
        self.previous = previous
        self._values: dict[str, tuple[list[Amount | None], list[Amount | None]]] = {}

    def values(self, measure: Measure) -> tuple[list[Amount | None], list[Amount | None]]:
        found = self._values.get(measure.key)
        if found is None:
            take, now, then = measure.take, self.period, self.previous
            found = ([take(f, now) for f in self.facts], [take(f, then) for f in self.facts])
            self._values[measure.key] = found
        return found

    def figure(
        self,
        measure: Measure,
        *,
        links: bool,
        now: Sequence[int] | None = None,
        then: Sequence[int] | None = None,
    ) -> Figure:
        """``measure`` added up over the facts at indexes ``now`` (all when ``None``) for the
        period, and at ``then`` (default: the same) for the period a year earlier."""
        current, earlier = self.values(measure)
        value, originals, estimated, records = _sum(current, now, self.facts if links else None)
        prior, prior_originals, _est, _links = _sum(
            earlier, then if then is not None else now, None
        )
        records.sort(key=_link_order)
        return Figure(
            key=measure.key,
            label=measure.label,
            unit=measure.unit,
            value=value,
            previous=prior,
            records=tuple(link for link, _share in records),
            shares=tuple(share for _link, share in records),
            originals=_originals(originals, measure.unit),
            previous_originals=_originals(prior_originals, measure.unit),
            estimated=estimated,
        )

    def breakdown(
        self,
        key: str,
        label: Names,
        dimension: Dimension,
        measures: Sequence[Measure],
        names: Callable[[str], Names],
        *,
        links: bool,
    ) -> Breakdown:
        """The measures split by ``dimension``: one row per key that counts in either period."""
        now = self._groups(dimension, self.period)
        then = self._groups(dimension, self.previous)
        rows: list[Row] = []
        for value in dict.fromkeys([*now, *then]):
            a, b = now.get(value, []), then.get(value, [])
            figures = tuple(self.figure(m, links=links, now=a, then=b) for m in measures)
            if any(f.value or f.previous for f in figures):
                rows.append(Row(value, names(value), figures))
        rows.sort(key=_by_size)
        return Breakdown(key, label, tuple(rows))

    def _groups(self, dimension: Dimension, period: Period) -> dict[str, list[int]]:
        groups: dict[str, list[int]] = {}
        for i, fact in enumerate(self.facts):
            keys = dimension(fact, period) if callable(dimension) else fact.dims.get(dimension, ())
            for value in keys:
                groups.setdefault(value, []).append(i)
        return groups


def _sum(
    values: list[Amount | None], indexes: Sequence[int] | None, facts: Sequence[Fact] | None
) -> tuple[int, dict[str, int], bool, list[tuple[RecordLink, int]]]:
    total, originals, estimated = 0, dict[str, int](), False
    links: list[tuple[RecordLink, int]] = []
    for i in range(len(values)) if indexes is None else indexes:
        amount = values[i]
        if amount is None:
            continue
        total += amount.value
        if amount.originals:
            for currency, value in amount.originals.items():
                originals[currency] = originals.get(currency, 0) + value
        estimated = estimated or amount.estimated
        if facts is not None:
            links.append((facts[i].link, amount.value))
    return total, originals, estimated, links


def _link_order(item: tuple[RecordLink, int]) -> tuple[dt.date, str]:
    link = item[0]
    return (link.day or dt.date.min, link.ref)


def _originals(found: dict[str, int], unit: Unit) -> tuple[tuple[str, int], ...]:
    if not found or set(found) == {unit}:
        return ()
    return tuple(sorted(found.items()))


@functools.lru_cache(maxsize=4096)
def _sort_key(text: str) -> str:
    return sort_key(text)


def _by_size(row: Row) -> tuple[int, int, str]:
    first = row.figures[0]
    return (-first.value, -first.previous, _sort_key(row.label.vi))

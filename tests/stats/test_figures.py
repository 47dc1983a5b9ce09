"""Every figure of a known database, the year before beside it, and a closed year that stays put."""

from __future__ import annotations

import datetime as dt

import pytest

from huedesk.accounts.roles import Principal, Role
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError
from huedesk.stats import Figures, Statistics
from huedesk.stats.service import DASHBOARD_FIGURES
from tests.stats import known
from tests.stats.known import EXPECTED_2025, on


@pytest.fixture
def data(db: Database) -> known.Known:
    return known.build(db)


def _values(figures: Figures) -> dict[str, dict[str, tuple[int, int]]]:
    return {a.key: {f.key: (f.value, f.previous) for f in a.figures} for a in figures.areas}


def _refs(figures: Figures, area: str, figure: str) -> list[str]:
    return [r.ref for r in figures.area(area).figure(figure).records]


def test_every_headline_figure_of_2025_with_2024_beside_it(db: Database, data: known.Known) -> None:
    with on(dt.date(2026, 1, 5)):
        figures = Statistics(db, "kiemthu").year(2025)
    assert figures.period.as_of == dt.date(2025, 12, 31)
    assert figures.previous.as_of == dt.date(2024, 12, 31)
    assert _values(figures) == EXPECTED_2025


def test_records_behind_the_figures(db: Database, data: known.Known) -> None:
    with on(dt.date(2026, 1, 5)):
        f = Statistics(db, "kiemthu").year(2025)
    assert _refs(f, "delegations", "inbound") == ["ĐV-2025-0001", "ĐV-2025-0003"]
    assert _refs(f, "delegations", "outbound") == ["ĐR-2025-0001", "ĐR-2025-0002"]
    assert _refs(f, "fdi", "new_projects") == ["FDI-2025-0002"]
    assert _refs(f, "aid", "disbursed") == ["VT-2024-0001", "VT-2025-0001"]
    assert _refs(f, "consular", "closed") == ["LS-2024-0001", "LS-2025-0001"]
    assert len(f.area("partnerships").figure("pairs").records) == 3


def test_breakdowns_by_country_region_level_sector_donor(db: Database, data: known.Known) -> None:
    with on(dt.date(2026, 1, 5)):
        f = Statistics(db, "kiemthu").year(2025)
    visits = f.area("delegations")
    by_country = {r.key: [x.value for x in r.figures] for r in visits.breakdown("by_country").rows}
    assert by_country == {"JP": [1, 0], "LA": [0, 2], "US": [1, 0]}, "the cancelled visit is out"
    region = visits.breakdown("by_region").rows
    assert [(r.label.vi, r.figure("outbound").value) for r in region] == [("Các tỉnh Nam Lào", 2)]
    assert [r.ref for r in region[0].figure("outbound").records] == ["ĐR-2025-0001", "ĐR-2025-0002"]
    levels = {r.key: r.figure("inbound").value for r in visits.breakdown("by_level").rows}
    assert levels == {"province": 1, "-": 1}, "World Vision has no partnership level"
    months = [r.key for r in visits.breakdown("by_month").rows]
    assert months == sorted(months) and months[0] == "03"

    pairs = f.area("partnerships").breakdown("by_country")
    assert {
        r.key: (r.figure("pairs").value, r.figure("county_pairs").value) for r in pairs.rows
    } == {
        "LA": (2, 0),
        "JP": (1, 0),
        "KR": (0, 1),
    }
    fdi = f.area("fdi").breakdown("by_sector").row("manufacturing")
    assert fdi is not None and (
        fdi.figure("new_capital").value,
        fdi.figure("new_capital").previous,
    ) == (
        3_927_000_000,
        0,
    )
    donors = f.area("aid").breakdown("by_donor")
    koica = donors.row(str(data.koica))
    assert koica is not None
    disbursed = koica.figure("disbursed")
    assert (disbursed.value, disbursed.originals) == (7_550_000_000, (("USD", 30_000_000),))
    mobilised = koica.figure("mobilised")
    assert (mobilised.value, mobilised.originals) == (12_500_000_000, (("USD", 50_000_000),))
    wv = donors.row(str(data.world_vision))
    assert wv is not None and wv.figure("disbursed").originals == (), "đồng only: nothing beside"
    everything = f.area("aid").figure("disbursed")
    assert everything.originals == (("USD", 30_000_000), ("VND", 1_000_000_000)), (
        "dollars in cents beside the đồng, never added to them"
    )
    signing = f.area("agreements").breakdown("by_signing_level")
    assert {r.key: r.figure("in_force").value for r in signing.rows} == {
        "city_committee": 2,
        "city_agency": 1,
    }


def test_a_closed_year_does_not_move_when_records_change_later(
    db: Database, data: known.Known
) -> None:
    with on(dt.date(2026, 1, 5)):
        before = Statistics(db, "kiemthu").year(2025)
    known.change_after_the_year(db, data)
    with on(dt.date(2026, 6, 1)):
        after = Statistics(db, "kiemthu").year(2025)
        running = Statistics(db, "kiemthu").year(2026)
    assert _values(after) == _values(before) == EXPECTED_2025
    for area in before.areas:
        for figure in area.figures:
            assert figure.records == after.area(area.key).figure(figure.key).records
    # ... while 2026, counted as of today, sees the changes
    assert running.period.as_of == dt.date(2026, 6, 1)
    assert running.area("partnerships").figure("pairs").value == 2
    assert running.area("partnerships").figure("ended").value == 1
    assert running.area("fdi").figure("projects_in_force").value == 1
    assert running.area("aid").figure("disbursed").value == 5_100_000_000
    assert running.area("consular").figure("closed").value == 1


def test_a_year_with_no_records(db: Database, data: known.Known) -> None:
    with on(dt.date(2026, 1, 5)):
        f = Statistics(db, "kiemthu").year(1990)
    for area in f.areas:
        for figure in area.figures:
            assert (figure.value, figure.previous, figure.records) == (0, 0, ()), figure.key
        for part in area.breakdowns:
            assert part.rows == (), part.key


def test_an_empty_database(db: Database) -> None:
    f = Statistics(db, "kiemthu").year(2025)
    assert all(fig.value == 0 for a in f.areas for fig in a.figures)


def test_a_date_range_beside_the_same_days_a_year_earlier(db: Database, data: known.Known) -> None:
    with on(dt.date(2026, 1, 5)):
        f = Statistics(db, "kiemthu").between(dt.date(2025, 3, 1), dt.date(2025, 6, 30))
    assert (f.previous.start, f.previous.end) == (dt.date(2024, 3, 1), dt.date(2024, 6, 30))
    visits = f.area("delegations")
    assert (visits.figure("inbound").value, visits.figure("inbound").previous) == (1, 1)
    assert visits.figure("outbound").value == 1
    with pytest.raises(HueDeskError, match="end of the period"):
        Statistics(db, "kiemthu").between(dt.date(2025, 6, 1), dt.date(2025, 5, 1))
    with pytest.raises(HueDeskError, match="outside"):
        Statistics(db, "kiemthu").year(20250)


@pytest.mark.parametrize("role", [Role.OFFICER, Role.VIEWER])
def test_consular_figures_are_counts_only_for_roles_that_may_not_see_cases(
    db: Database, data: known.Known, role: Role
) -> None:
    with on(dt.date(2026, 1, 5)):
        f = Statistics(db, Principal("lan", role)).year(2025)
        admin = Statistics(db, "kiemthu").year(2025)
    consular = f.area("consular")
    assert consular.restriction == "counts_only"
    assert {x.key: x.value for x in consular.figures} == {
        "opened": 2,
        "closed": 2,
        "open_at_end": 1,
    }
    assert all(x.records == () for x in consular.figures)
    assert [b.key for b in consular.breakdowns] == ["by_type", "by_status"]
    assert all(x.records == () for b in consular.breakdowns for r in b.rows for x in r.figures)
    assert admin.area("consular").restriction == "none"
    assert "by_country" in [b.key for b in admin.area("consular").breakdowns]
    assert f.area("delegations").figure("inbound").records, "other areas list their records"


def _same_as_the_year(dash: Figures, year: Figures) -> None:
    """Every figure and split the start page counts is the year's own, records and all."""
    for area in dash.areas:
        whole = year.area(area.key)
        assert area.restriction == whole.restriction
        for f in area.figures:
            assert f == whole.figure(f.key), f"{area.key}.{f.key}"
        for part in area.breakdowns:
            assert part == whole.breakdown(part.key), f"{area.key}.{part.key}"


def test_the_start_page_figures(db: Database, data: known.Known) -> None:
    with on(dt.date(2026, 1, 5)):
        dash = Statistics(db, "kiemthu").dashboard(2025)
        year = Statistics(db, "kiemthu").year(2025)
    shown = {f"{a.key}.{f.key}" for a in dash.areas for f in a.figures}
    assert shown == DASHBOARD_FIGURES, "only what the cards show is counted"
    assert {
        a: {k: v for k, v in figures.items() if f"{a}.{k}" in shown}
        for a, figures in EXPECTED_2025.items()
    } == _values(dash)
    _same_as_the_year(dash, year)
    splits = {f"{a.key}.{b.key}" for a in dash.areas for b in a.breakdowns}
    assert splits == {
        "delegations.by_country",
        "delegations.by_month",
        "aid.by_donor",
        "fdi.by_sector",
    }
    months = dash.area("delegations").breakdown("by_month")
    assert [
        (r.key, r.figure("inbound").value, r.figure("outbound").value) for r in months.rows
    ] == [
        ("03", 1, 0),
        ("05", 0, 0),
        ("06", 0, 1),
        ("09", 0, 1),
        ("11", 1, 0),
    ], "months of either year, in calendar order (May 2024 had Gifu's visit)"
    donors = {
        r.label.vi: (r.figures[0].value, r.figures[1].value)
        for r in dash.area("aid").breakdown("by_donor").rows
    }
    assert donors == {
        "KOICA": (12_500_000_000, 7_550_000_000),
        "Tổ chức Tầm nhìn Thế giới": (0, 1_000_000_000),
    }


def test_the_start_page_of_an_empty_year_and_after_later_changes(
    db: Database, data: known.Known
) -> None:
    with on(dt.date(2026, 1, 5)):
        empty = Statistics(db, "kiemthu").dashboard(1990)
        before = Statistics(db, "kiemthu").dashboard(2025)
    assert all((f.value, f.previous) == (0, 0) for a in empty.areas for f in a.figures)
    assert all(b.rows == () for a in empty.areas for b in a.breakdowns)
    known.change_after_the_year(db, data)
    with on(dt.date(2026, 6, 1)):
        after = Statistics(db, "kiemthu").dashboard(2025)
        year = Statistics(db, "kiemthu").year(2025)
        running = Statistics(db, "kiemthu").dashboard(2026)
        running_year = Statistics(db, "kiemthu").year(2026)
    assert after.areas == before.areas, "the figures, splits and records behind them stay put"
    _same_as_the_year(after, year)
    _same_as_the_year(running, running_year)
    assert running.area("aid").figure("disbursed").value == 5_100_000_000

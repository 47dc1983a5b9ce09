"""Time the year in figures: the start page's figures and the yearly review, for a busy year.

    .venv/bin/python benchmarks/stats_bench.py [--records 30000] [--year 2025] [--runs 5]

Fills a temporary database with demo data (``--records`` spread over the years
the demo covers, "today" being 1 June of the year after ``--year``), reports how
many records the year's figures stand on, then prints medians (wall and CPU, in
ms) of:

* ``dashboard``: ``ws.stats.dashboard(year)``, what the start page asks for (the
  figures of its cards and the splits of its charts);
* ``dash_all``: the start page's request before it counted only what it shows
  (every headline figure of every area, each area reading all its records), on
  today's engine: the ratio ``dashboard / dash_all`` is printed below;
* ``figures``: ``ws.stats.year(year)``, every figure and split (the spreadsheet's);
* ``review``: ``render_year_review`` in Vietnamese, PDF written;
* ``baseline``: reading the same year's records with plain SQL, once each, which
  the first two are given as ratios to, so the figures compare across machines.

Targets (issue #14): review under 2 s, dashboard under 300 ms for a year of 5,000
records. CPU time is printed beside wall time because the build machine is shared:
wall time then measures the queue, CPU time the work.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from benchmarks.bench_briefs import median_ms  # wall and CPU medians, as the briefs bench
from huedesk import clock
from huedesk.briefs import render_year_review
from huedesk.demo.generator import generate
from huedesk.stats.service import DASHBOARD_BREAKDOWNS, year_period
from huedesk.store import open_store
from huedesk.workspace import Workspace

YEAR_TABLES = {
    "delegation": "start_date",
    "consular_case": "opened_on",
    "aid_transaction": "value_date",
    "event": "start_date",
    "fdi_project": "licence_date",
    "agreement": "signed_on",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=30000)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    today = dt.date(args.year + 1, 6, 1)
    moment = dt.datetime(today.year, today.month, today.day, 3, tzinfo=dt.UTC)
    with tempfile.TemporaryDirectory() as tmp, clock.use(clock.fixed(moment)):
        db = open_store(Path(tmp) / "bench.sqlite3")
        started = time.perf_counter()
        generate(db, records=args.records, seed=1, today=today)
        print(f"demo data: {args.records} records in {time.perf_counter() - started:.0f} s")
        ws = Workspace(db, "bench")
        figures = ws.stats.year(args.year)
        behind = {
            (link.kind, link.id)
            for area in figures.areas
            for f in [
                *area.figures,
                *(x for b in area.breakdowns for r in b.rows for x in r.figures),
            ]
            for link in f.records
        }
        print(f"the {args.year} figures stand on {len(behind)} records")
        start, end = f"{args.year}-01-01", f"{args.year}-12-31"

        def baseline() -> None:
            with db.read() as s:
                for table, column in YEAR_TABLES.items():
                    rows = s.execute(
                        text(f"SELECT * FROM {table} WHERE {column} BETWEEN :a AND :b"),
                        {"a": start, "b": end},
                    ).all()
                    for _row in rows:
                        pass

        out = Path(tmp) / "review.pdf"
        results = {
            "baseline": median_ms(baseline, args.runs),
            "dashboard": median_ms(lambda: ws.stats.dashboard(args.year), args.runs),
            "dash_all": median_ms(
                lambda: ws.stats.period(year_period(args.year), breakdowns=DASHBOARD_BREAKDOWNS),
                args.runs,
            ),
            "figures": median_ms(lambda: ws.stats.year(args.year), args.runs),
            "review": median_ms(lambda: render_year_review(db, args.year, out), args.runs),
        }
        base_cpu = results["baseline"][1]
        print(f"{'':10} {'wall ms':>9} {'cpu ms':>9} {'cpu ratio':>10}")
        for name, (wall, cpu) in results.items():
            ratio = cpu / base_cpu if base_cpu else float("nan")
            print(f"{name:10} {wall:9.0f} {cpu:9.0f} {ratio:10.1f}")
        now, before = results["dashboard"][1], results["dash_all"][1]
        print(f"dashboard / dash_all (cpu): {now / before:.2f}" if before else "")
        db.dispose()


if __name__ == "__main__":
    main()

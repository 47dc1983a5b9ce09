"""PostgreSQL beside SQLite on the same data: search latency and a list page's first rows.

Usage (from the repository root)::

    .venv/bin/python benchmarks/postgres_bench.py [--records 200000] [--url postgresql://…] [--runs 15]

Builds a demo database of ``--records`` records in an SQLite file, copies it to the
server with ``huedesk copy``'s ``copy_database`` (timed: both ways, with every table's
count and checksum compared), then times, on both, each query of ``search_bench.py``'s
set through ``huedesk.search.search``, and a list page as the window opens it
(``ids`` of the whole list, then the first 100 rows), and prints medians and the
PostgreSQL/SQLite ratio. Without ``--url`` it starts a throw-away server
(``tests/postgres_server.py``). Target: PostgreSQL within 2x of SQLite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.search_bench import QUERIES
from huedesk.db.engine import Database
from huedesk.db.location import ServerURL, parse_location
from huedesk.db.migrate import open_database
from huedesk.demo import generate
from huedesk.records import ListQuery, RecordService
from huedesk.search import search
from huedesk.store import open_store
from huedesk.transfer import copy_database

LIST_KINDS = ("person", "delegation", "organisation")


def _median_ms(fn: Callable[[], Any], runs: int) -> float:
    fn()  # warm caches
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def first_rows(svc: RecordService, kind: str) -> int:
    ids = svc.ids(kind, ListQuery())
    return len(svc.rows(kind, ids[:100]))


@contextmanager
def server(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    from tests.postgres_server import running_server

    with running_server() as base:
        import psycopg

        with psycopg.connect(base.replace("+psycopg", "") + "/postgres", autocommit=True) as c:
            c.execute("CREATE DATABASE bench")
        yield base + "/bench"


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--records", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--url", help="an empty PostgreSQL database (default: a throw-away server)")
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp())
    os.environ.setdefault("XDG_DATA_HOME", str(folder / "data"))
    lite = open_store(folder / "bench.sqlite3", auto_backup=False)
    t = time.perf_counter()
    generate(lite, records=args.records, seed=args.seed)
    print(f"generated {args.records} records in {time.perf_counter() - t:.1f} s")
    with server(args.url) as url:
        location = parse_location(url)
        assert isinstance(location, ServerURL)
        target = open_database(location)
        t = time.perf_counter()
        report = copy_database(lite, target)
        print(
            f"copy to the server: {report.total} rows, {report.files} files in "
            f"{time.perf_counter() - t:.1f} s, counts and checksums equal"
        )
        target.dispose()
        pg = open_store(location)
        back = open_database(folder / "back.sqlite3")
        t = time.perf_counter()
        again = copy_database(pg, back)
        back.dispose()
        same = again.checksums == report.checksums
        print(f"copy back to a file: {time.perf_counter() - t:.1f} s, checksums equal: {same}")
        compare(lite, pg, args.runs)
        pg.dispose()
    lite.dispose()
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (a shared 2-core machine)")
    return 0


def compare(lite: Database, pg: Database, runs: int) -> None:
    print(f"\n{'':<22} {'hits':>5} {'SQLite ms':>10} {'PG ms':>8} {'PG/SQLite':>10}")
    ratios = []
    for q in QUERIES:
        a = _median_ms(lambda q=q: search(lite, q), runs)
        b = _median_ms(lambda q=q: search(pg, q), runs)
        ratios.append(b / a)
        print(f"search {q:<15} {len(search(pg, q)):>5} {a:>10.1f} {b:>8.1f} {b / a:>9.1f}x")
    for kind in LIST_KINDS:
        svc_a, svc_b = RecordService(lite, "bench"), RecordService(pg, "bench")
        a = _median_ms(lambda k=kind, s=svc_a: first_rows(s, k), runs)
        b = _median_ms(lambda k=kind, s=svc_b: first_rows(s, k), runs)
        ratios.append(b / a)
        print(f"list {kind:<17} {'100':>5} {a:>10.1f} {b:>8.1f} {b / a:>9.1f}x")
    print(f"\nmedian PG/SQLite ratio {statistics.median(ratios):.2f}x, worst {max(ratios):.2f}x")
    print("target (PostgreSQL within 2x of SQLite):", "met" if max(ratios) <= 2 else "NOT met")


if __name__ == "__main__":
    raise SystemExit(main())

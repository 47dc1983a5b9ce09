"""PostgreSQL beside SQLite on the same data: search latency and a list page's first rows.

Usage (from the repository root)::

    .venv/bin/python benchmarks/postgres_bench.py [--records 200000] [--url postgresql://…]
        [--sqlite FILE] [--copied] [--runs 15]

Builds a demo database of ``--records`` records in an SQLite file (or takes ``--sqlite``,
a demo database made earlier), copies it to the server with ``huedesk copy``'s
``copy_database`` (timed, with every table's count and checksum compared; ``--copied``:
the server database already holds that copy), then times, on both, each query of
``search_bench.py``'s set through ``huedesk.search.search``, and a list page as the
window opens it (``ids`` of the whole list, then the first 100 rows), in turns (one run
on SQLite, one on the server: both see the same load), and prints the medians, how many
of the server's hits SQLite found too, the statements each sent to its database, the
PostgreSQL/SQLite ratio per query and per kind of query. Without ``--url`` it starts a throw-away server
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

from sqlalchemy import event

from benchmarks.search_bench import QUERIES
from huedesk.db.engine import Database
from huedesk.db.location import ServerURL, parse_location
from huedesk.db.migrate import open_database
from huedesk.demo import generate
from huedesk.records import ListQuery, RecordService
from huedesk.search import search
from huedesk.search.parsing import parse
from huedesk.store import open_store
from huedesk.transfer import copy_database

LIST_KINDS = ("person", "delegation", "organisation")


def query_kind(query: str) -> str:
    """What kind of search ``query`` is, as the results are grouped."""
    parsed = parse(query)
    if parsed.looks_like_ref:
        return "reference number"
    if parsed.has_marks:
        return "with tone marks"
    return "folded words" if len(parsed.folded_text.split()) > 1 else "one folded word"


def _paired_ms(a: Callable[[], Any], b: Callable[[], Any], runs: int) -> tuple[float, float]:
    """Medians of ``a`` and ``b`` timed in turns (on a shared machine, both see the same load)."""
    a(), b()  # warm caches
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for fn, into in ((a, times[0]), (b, times[1])):
            t = time.perf_counter()
            fn()
            into.append((time.perf_counter() - t) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])


class Statements:
    """Counts the statements a database is sent (each one a round trip to a server)."""

    def __init__(self, db: Database) -> None:
        self.count = 0
        event.listen(db.engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args: Any) -> None:
        self.count += 1

    def of(self, fn: Callable[[], Any]) -> int:
        before = self.count
        fn()
        return self.count - before


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
    ap.add_argument("--sqlite", type=Path, help="a demo database file made earlier")
    ap.add_argument("--url", help="an empty PostgreSQL database (default: a throw-away server)")
    ap.add_argument("--copied", action="store_true", help="--url already holds the copy")
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp())
    os.environ.setdefault("XDG_DATA_HOME", str(folder / "data"))
    if args.sqlite:
        lite = open_store(args.sqlite.resolve(), auto_backup=False)
    else:
        lite = open_store(folder / "bench.sqlite3", auto_backup=False)
        t = time.perf_counter()
        generate(lite, records=args.records, seed=args.seed)
        print(f"generated {args.records} records in {time.perf_counter() - t:.1f} s")
    with server(args.url) as url:
        location = parse_location(url)
        assert isinstance(location, ServerURL)
        if not args.copied:
            copy_both_ways(lite, location, folder)
        pg = open_store(location)
        compare(lite, pg, args.runs)
        pg.dispose()
    lite.dispose()
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (a shared 2-core machine)")
    return 0


def copy_both_ways(lite: Database, location: ServerURL, folder: Path) -> None:
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
    pg.dispose()
    same = again.checksums == report.checksums
    print(f"copy back to a file: {time.perf_counter() - t:.1f} s, checksums equal: {same}")


def compare(lite: Database, pg: Database, runs: int) -> None:
    counted = Statements(lite), Statements(pg)
    print(
        f"\n{'':<24} {'hits':>5} {'same':>5} {'SQLite ms':>10} {'PG ms':>8} {'stmts':>5}"
        f" {'PG/SQLite':>10}"
    )
    ratios: dict[str, list[float]] = {}
    medians: dict[str, tuple[list[float], list[float]]] = {}

    def row(
        label: str, group: str, a: float, b: float, hits: int, same: int, statements: int
    ) -> None:
        ratios.setdefault(group, []).append(b / a)
        both = medians.setdefault(group, ([], []))
        both[0].append(a)
        both[1].append(b)
        print(
            f"{label:<24} {hits:>5} {same:>5} {a:>10.1f} {b:>8.1f} {statements:>5} {b / a:>9.1f}x"
        )

    for q in QUERIES:
        a, b = _paired_ms(lambda q=q: search(lite, q), lambda q=q: search(pg, q), runs)
        sent = counted[1].of(lambda q=q: search(pg, q))
        found = [{(h.kind, h.record_id) for h in search(d, q)} for d in (lite, pg)]
        row(f"search {q}", query_kind(q), a, b, len(found[1]), len(found[0] & found[1]), sent)
    for kind in LIST_KINDS:
        svc_a, svc_b = RecordService(lite, "bench"), RecordService(pg, "bench")
        a, b = _paired_ms(
            lambda k=kind, s=svc_a: first_rows(s, k), lambda k=kind, s=svc_b: first_rows(s, k), runs
        )
        sent = counted[1].of(lambda k=kind, s=svc_b: first_rows(s, k))
        row(f"list {kind}", "list page", a, b, 100, 100, sent)
    print(
        f"\n{'kind of query':<20} {'SQLite ms':>10} {'PG ms':>8} {'median PG/SQLite':>17} {'worst':>6}"
    )
    for group, values in ratios.items():
        a, b = (statistics.median(v) for v in medians[group])
        print(
            f"{group:<20} {a:>10.1f} {b:>8.1f} {statistics.median(values):>16.2f}x"
            f" {max(values):>5.2f}x"
        )
    every = [r for values in ratios.values() for r in values]
    print(f"\nall: median PG/SQLite ratio {statistics.median(every):.2f}x, worst {max(every):.2f}x")
    print("target (PostgreSQL within 2x of SQLite):", "met" if max(every) <= 2 else "NOT met")


if __name__ == "__main__":
    raise SystemExit(main())

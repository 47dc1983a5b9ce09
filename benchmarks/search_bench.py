"""Search latency on a large database: the FTS5 index against a LIKE scan of folded text.

Usage (from the repository root)::

    /work/venv/bin/python benchmarks/search_bench.py [--records 200000] [--db PATH] [--runs 15]

Builds (or reuses) a demo database of ``--records`` records with
``huedesk.demo.generate``; times the index build (``reindex_all``), then each query of a
realistic set (Vietnamese with and without marks, prefixes as typed, reference
numbers) through ``huedesk.search.search`` and through a LIKE scan over the same
folded text, and prints medians and 95th percentiles side by side.
Targets for the index: median < 20 ms, p95 < 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select, text

from huedesk.db import models as m
from huedesk.db.engine import Database
from huedesk.demo import generate
from huedesk.search import reindex_all, search
from huedesk.search.parsing import parse
from huedesk.store import open_store

QUERIES = [
    "salavan",
    "salav",
    "Champasak",
    "gifu",
    "Đoàn Đại sứ",
    "doan dai su",
    "Huế",
    "hue",
    "Nguyễn Thị",
    "nguyen thi hoa",
    "kim min",
    "bảo hộ công dân",
    "bao ho cong dan",
    "viện trợ y tế",
    "chan may",
    "hội thảo quốc tế",
    "festival",
    "LS-2025-0007",
    "ĐV-2024-0123",
    "DV-2024-0123",
]


def like_scan(db: Database, query: str) -> int:
    """The same query without the index: every word as LIKE over the folded text."""
    parsed = parse(query)
    words = parsed.folded_text.split()
    where = " AND ".join(
        f"(ref || ' ' || title || ' ' || body) LIKE :w{i}" for i in range(len(words))
    )
    params = {f"w{i}": f"%{w}%" for i, w in enumerate(words)}
    with db.read() as s:
        return len(s.execute(text(f"SELECT rowid FROM search_fts WHERE {where}"), params).all())


def _time(fn: Callable[[], Any], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of ``runs`` calls (CPU time shows the cost on a busy machine)."""
    fn()  # warm the page cache
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return wall, cpu


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--db", type=Path, help="reuse or create this database file")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--like-runs", type=int, default=3)
    ap.add_argument("--no-rebuild", action="store_true", help="skip timing a full rebuild")
    args = ap.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.sqlite3"
    fresh = not path.exists()
    db = open_store(path)
    with db.read() as s:
        have = s.scalar(select(func.count()).select_from(m.Delegation))
    if fresh or not have:
        t = time.perf_counter()
        generate(db, records=args.records, seed=args.seed)
        print(f"generated {args.records} records in {time.perf_counter() - t:.1f} s ({path})")
    if not args.no_rebuild:
        t = time.perf_counter()
        with db.write() as s:
            indexed = reindex_all(s)
        build = time.perf_counter() - t
        print(f"index build (reindex_all): {indexed} records in {build:.1f} s")
    print(
        f"\n{'query':<20} {'hits':>5} {'fts med':>8} {'fts p95':>8} {'fts cpu':>8}"
        f" {'like med':>9} {'ratio':>6}"
    )
    all_fts: list[float] = []
    all_cpu: list[float] = []
    all_like: list[float] = []
    for q in QUERIES:
        fts, cpu = _time(lambda q=q: search(db, q), args.runs)
        like, _ = _time(lambda q=q: like_scan(db, q), args.like_runs)
        all_fts += fts
        all_cpu += cpu
        all_like += like
        hits = len(search(db, q))
        fm, lm = statistics.median(fts), statistics.median(like)
        print(
            f"{q:<20} {hits:>5} {fm:>8.1f} {_p95(fts):>8.1f} {statistics.median(cpu):>8.1f}"
            f" {lm:>9.1f} {lm / fm:>5.0f}x"
        )
    fm, lm = statistics.median(all_fts), statistics.median(all_like)
    print(
        f"\nall queries: FTS median {fm:.1f} ms, p95 {_p95(all_fts):.1f} ms "
        f"(CPU median {statistics.median(all_cpu):.1f} ms, p95 {_p95(all_cpu):.1f} ms); "
        f"LIKE median {lm:.1f} ms, p95 {_p95(all_like):.1f} ms; LIKE/FTS median ratio {lm / fm:.0f}x"
    )
    print(f"load average during the run: {os.getloadavg()[0]:.1f}")
    ok = fm < 20 and _p95(all_fts) < 50
    print("targets (median < 20 ms, p95 < 50 ms):", "met" if ok else "NOT met")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

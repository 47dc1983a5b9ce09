"""Sorting a large list by a text column: stored sort keys against a sort key computed per row.

Usage::

    python benchmarks/sort_bench.py [--people 60000] [--runs 5]

Builds a fresh database in a temporary folder with ``--people`` people (names
made of Vietnamese family, middle and given names), then times the list query
the window runs when a header is clicked (every matching id in order, as
``RecordTableModel.set_query`` asks) sorted by name, both ways. The baseline,
in the same process, is the same query ordered by a key the index cannot serve
(``sort_key(full_name || '')``): what every click cost before migration 0006.
Prints medians of CPU time and the ratio; target ≤ 150 ms (issue #13). The machine may be
shared: compare the ratio, not the absolute figure, between runs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from huedesk import clock  # noqa: E402
from huedesk.db.backend.sqlite.connection import _sql_sort_key as key_cache  # noqa: E402
from huedesk.db.functions import sort_key  # noqa: E402
from huedesk.demo.vocabulary import VN_FAMILY, VN_GIVEN_F, VN_GIVEN_M, VN_MIDDLE_F, VN_MIDDLE_M  # noqa: E402
from huedesk.records.kinds import kind_spec  # noqa: E402
from huedesk.records.query import ListQuery  # noqa: E402
from huedesk.store import open_store  # noqa: E402
from huedesk.workspace import Workspace  # noqa: E402

FAMILY = [*VN_FAMILY, "Ông", "Âu"]  # names that sort apart from their unmarked letters
MIDDLE = VN_MIDDLE_M + VN_MIDDLE_F
GIVEN = VN_GIVEN_M + VN_GIVEN_F


def build(path: Path, people: int) -> None:
    db = open_store(path)
    rng = random.Random(13)
    table = kind_spec("person").table
    now = clock.now()
    rows = [
        {
            "uuid": str(uuid.UUID(int=rng.getrandbits(128))),
            "ref": f"NG-{i:06d}",
            "full_name": f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
            "nationality": "VN",
            "created_at": now,
            "updated_at": now,
        }
        for i in range(people)
    ]
    with db.engine.begin() as conn:
        conn.execute(insert(table), rows)
    db.dispose()


def median_ms(fn: object, runs: int) -> float:
    """Median CPU time of ``fn`` in ms (CPU, not wall: the machine may be shared)."""
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn()  # type: ignore[operator]
        times.append(time.process_time() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=60_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "huedesk.sqlite3"
        t0 = time.perf_counter()
        build(path, args.people)
        print(f"built {args.people} people in {time.perf_counter() - t0:.1f} s")
        db = open_store(path)
        ws = Workspace(db, "bench")
        table = kind_spec("person").table

        def stored(descending: bool) -> list[int]:
            return ws.records.ids(
                "person", ListQuery(sort="full_name", descending=descending, limit=None)
            )

        def per_row() -> list[int]:
            key_cache.cache_clear()  # every key computed, as on the first click of a session
            stmt = select(table.c.id).order_by(sort_key(table.c.full_name + ""), table.c.id)
            with db.engine.connect() as conn:
                return list(conn.execute(stmt).scalars())

        assert stored(False) == per_row(), "the stored order differs from the computed one"
        up = median_ms(lambda: stored(False), args.runs)
        down = median_ms(lambda: stored(True), args.runs)
        base = median_ms(per_row, args.runs)
        print(f"sort {args.people} people by name, stored keys: {up:.0f} ms up, {down:.0f} ms down")
        print(f"baseline (key computed per row): {base:.0f} ms; ratio {base / up:.1f}x")
        print(f"target <= 150 ms: {'met' if max(up, down) <= 150 else 'NOT met'}")
        db.dispose()


if __name__ == "__main__":
    main()

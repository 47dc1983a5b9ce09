"""Time demo-data generation: ``python benchmarks/demo_bench.py [--records N] [--runs K]``.

Prints each run and the median (seconds and rows per second). The issue's target:
``--records 100000`` in under a minute on a 2-core machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from huedesk.demo import generate
from huedesk.store import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    times, rows = [], 0
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            db = open_store(Path(tmp) / "bench.sqlite3")
            summary = generate(db, records=args.records, seed=run + 1)
            db.dispose()
        times.append(summary.seconds)
        rows = summary.total
        print(f"run {run + 1}: {summary.seconds:.2f} s for {summary.total} rows")
    med = statistics.median(times)
    print(f"median: {med:.2f} s for {args.records} records ({rows} rows, {rows / med:,.0f} rows/s)")


if __name__ == "__main__":
    main()

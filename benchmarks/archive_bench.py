"""Time archive export, verify and import: ``python benchmarks/archive_bench.py [--records N] [--runs K]``.

Builds one demo database of N top-level records (``huedesk.demo.generate``), then
for each run exports everything, verifies the bundle and imports it into a new
empty database, and prints each run and the medians. The issue's targets for
100,000 records on a 2-core machine: export < 10 s, verify < 5 s, import < 20 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from huedesk.archive import export_bundle, import_bundle, verify_bundle
from huedesk.demo import generate
from huedesk.store import open_store

TARGETS = {"export": 10.0, "verify": 5.0, "import": 20.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    times: dict[str, list[float]] = {k: [] for k in TARGETS}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = open_store(folder / "source" / "huedesk.sqlite3")
        summary = generate(source, records=args.records, seed=1)
        print(f"demo data: {summary.total} rows in {summary.seconds:.1f} s")
        bundle = folder / "bundle.zip"
        for run in range(1, args.runs + 1):
            report = export_bundle(source, bundle)
            times["export"].append(report.seconds)
            started = time.perf_counter()
            verified = verify_bundle(bundle)
            times["verify"].append(time.perf_counter() - started)
            assert verified.ok, verified.problems[:5]
            target = open_store(folder / f"target{run}" / "huedesk.sqlite3")
            result = import_bundle(target, bundle, actor="bench")
            target.dispose()
            times["import"].append(result.seconds)
            print(
                f"run {run}: export {report.seconds:.2f} s ({report.total} rows, "
                f"{report.size / 1e6:.1f} MB), verify {times['verify'][-1]:.2f} s, "
                f"import {result.seconds:.2f} s ({result.total('added')} added)"
            )
        source.dispose()
    for name, values in times.items():
        med = statistics.median(values)
        verdict = "ok" if med < TARGETS[name] else "OVER"
        print(
            f"median {name}: {med:.2f} s (target < {TARGETS[name]:.0f} s, "
            f"{med / TARGETS[name]:.2f} of target, {verdict})"
        )


if __name__ == "__main__":
    main()

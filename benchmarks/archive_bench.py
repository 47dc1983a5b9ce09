"""Time archive export, verify and import: ``python benchmarks/archive_bench.py [--records N] [--runs K]``.

Builds one demo database (``huedesk.demo.generate`` with N top-level records; each
comes with child records, so the bundle holds about five times N records), then for
each run exports everything, verifies the bundle and imports it into a new empty
database. Prints each run and the medians, as wall time and as CPU time (this
process and the worker processes it started: large exports make their tables,
and large imports verify, in a second process). The load average is printed
because other work on the machine stretches wall time. The issue's targets for
100,000 records on a 2-core machine: export < 10 s, verify < 5 s, import < 20 s.
Every line of a bundle is a record with its own UUID; ``--records 20000`` makes
about 100,000 of them, ``--records 100000`` about 510,000.
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

try:
    import resource
except ImportError:  # Windows has no resource module
    resource = None  # type: ignore[assignment]

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from huedesk.archive import export_bundle, import_bundle, verify_bundle
from huedesk.demo import generate
from huedesk.store import open_store

TARGETS = {"export": 10.0, "verify": 5.0, "import": 20.0}


def _cpu() -> float:
    if resource is None:  # Windows: this process only
        return time.process_time()
    me, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), _cpu()
    result = fn()
    return result, time.perf_counter() - wall, _cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    wall: dict[str, list[float]] = {k: [] for k in TARGETS}
    cpu: dict[str, list[float]] = {k: [] for k in TARGETS}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = open_store(folder / "source" / "huedesk.sqlite3")
        summary = generate(source, records=args.records, seed=1)
        print(
            f"demo data: {args.records} top-level records with their child records, "
            f"{summary.total} records in all, in {summary.seconds:.1f} s"
        )
        bundle = folder / "bundle.zip"
        for run in range(1, args.runs + 1):
            report, w, c = timed(lambda: export_bundle(source, bundle))
            wall["export"].append(w)
            cpu["export"].append(c)
            verified, w, c = timed(lambda: verify_bundle(bundle))
            assert verified.ok, verified.problems[:5]
            wall["verify"].append(w)
            cpu["verify"].append(c)
            target = open_store(folder / f"target{run}" / "huedesk.sqlite3")
            result, w, c = timed(lambda t=target: import_bundle(t, bundle, actor="bench"))
            target.dispose()
            wall["import"].append(w)
            cpu["import"].append(c)
            print(
                f"run {run}: export {wall['export'][-1]:.2f} s ({report.total} records in the bundle, "
                f"{report.size / 1e6:.1f} MB), verify {wall['verify'][-1]:.2f} s, "
                f"import {wall['import'][-1]:.2f} s ({result.total('added')} added); "
                f"load average {os.getloadavg()[0]:.1f}"
            )
        source.dispose()
    for name in TARGETS:
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        print(
            f"median {name}: {w:.2f} s wall ({w / TARGETS[name]:.2f}x the {TARGETS[name]:.0f} s "
            f"target), {c:.2f} s CPU in all processes"
        )


if __name__ == "__main__":
    main()

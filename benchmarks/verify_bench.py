"""Memory and time of ``verify`` on the hostile corpus (issue #12: each under 300 MB and 10 s).

    python benchmarks/verify_bench.py [--runs 3] [--keep DIR]

Builds a small database with one record of every kind, exports a good bundle, writes
the hostile corpus from it (``tests/archive/hostile.py``: ZIP bombs, unsafe names,
deep JSON, XML entities, malformed manifests, a 513 MB attachment …), then verifies
each bundle in a fresh process, ``--runs`` times, and prints per bundle the median
wall time, CPU time and peak memory (the process's peak resident set, VmHWM, Linux
only; it includes the interpreter and HueDesk's imports), and how many problems were
found. The good bundle is timed too, as the baseline in the same run.

Run it with the development environment's Python (``pip install -e ".[test]"``).
Say whether the machine was shared when quoting figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIMIT_MB = 300
LIMIT_S = 10.0

_CHILD = """
import json, sys, time
from huedesk.archive import verify_bundle
started = time.perf_counter()
report = verify_bundle(sys.argv[1])
seconds = time.perf_counter() - started
# VmHWM: this process's own peak since exec (ru_maxrss would include the parent's pages
# the child held between fork and exec).
with open("/proc/self/status") as fh:
    peak_kb = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
print(json.dumps({"seconds": seconds, "problems": len(report.problems), "peak_kb": peak_kb}))
"""


def _one(bundle: Path) -> tuple[float, float, float, int]:
    """(wall seconds of verify_bundle, CPU seconds of the process, peak MB, problems)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(bundle)],
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    out = proc.stdout.read() if proc.stdout else b""
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(
            f"verify crashed on {bundle.name} after {time.perf_counter() - started:.1f} s"
        )
    result = json.loads(out)
    cpu = usage.ru_utime + usage.ru_stime
    return result["seconds"], cpu, result["peak_kb"] / 1024, result["problems"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the corpus here (default: a temp folder)")
    args = parser.parse_args()

    from huedesk.archive import export_bundle
    from huedesk.records import RecordService
    from huedesk.store import open_store
    from tests.archive.conftest import fill
    from tests.archive.hostile import build_corpus

    with tempfile.TemporaryDirectory(prefix="verify-bench-") as tmp:
        work = Path(tmp)
        db = open_store(work / "data" / "huedesk.sqlite3")
        fill(RecordService(db, actor="bench"), db)
        good = work / "good.zip"
        export_bundle(db, good)
        db.dispose()
        started = time.perf_counter()
        corpus = build_corpus(good, args.keep or work / "corpus")
        print(f"corpus: {len(corpus)} bundles built in {time.perf_counter() - started:.1f} s")
        bundles = {"(good bundle)": good, **corpus}
        print(
            f"{'bundle':34} {'size':>10} {'wall s':>7} {'cpu s':>6} {'peak MB':>8} {'problems':>8}"
        )
        worst_mb = worst_s = 0.0
        over = []
        for name, path in bundles.items():
            runs = [_one(path) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            peak = max(r[2] for r in runs)
            problems = runs[0][3]
            worst_mb, worst_s = max(worst_mb, peak), max(worst_s, wall)
            if peak > LIMIT_MB or wall > LIMIT_S:
                over.append(name)
            size = path.stat().st_size
            print(f"{name:34} {size:>10} {wall:>7.2f} {cpu:>6.2f} {peak:>8.1f} {problems:>8}")
        print(
            f"worst: {worst_mb:.1f} MB peak, {worst_s:.2f} s (targets {LIMIT_MB} MB, {LIMIT_S:.0f} s); "
            f"over target: {', '.join(over) or 'none'}"
        )
        return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())

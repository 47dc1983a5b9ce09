"""The kill test for longer: SIGKILL writers for minutes and report how many kills were survived.

Run: ``python benchmarks/kill_endurance.py [SECONDS]`` (default 300). Every kill is
followed by the full set of checks of ``tests/safety/test_kill.py`` (integrity,
every reported commit present, no half-written delegation or import batch,
unbroken audit chain every fifth round); the first failure stops the run.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.safety.test_kill import run_kills


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 300.0
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "kill.sqlite3"
        t = time.perf_counter()
        kills, seed = 0, int(time.time()) % 10_000
        while time.perf_counter() - t < seconds:
            kills += run_kills(db, 10, seed=seed + kills)
        size = db.stat().st_size / 1_048_576
        took = time.perf_counter() - t
    print(f"survived {kills} SIGKILLs in {took:.0f} s (database grew to {size:.1f} MB)")


if __name__ == "__main__":
    main()

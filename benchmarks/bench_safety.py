"""How long the safety work takes on a large database: the check on open, backup, restore.

Run: ``python benchmarks/bench_safety.py [RECORDS]`` (default 100,000). Builds a demo
database with the demo generator (falling back to bulk-inserted people if the
generator is unavailable), then prints medians of several runs of each step.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from huedesk import backup
from huedesk.db.backend.sqlite.files import problems as check_errors
from huedesk.records.service import create_in
from huedesk.store import open_store


def _median(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def build(path: Path, records: int) -> str:
    db = open_store(path)
    try:
        try:
            from huedesk.demo import generate

            generate(db, records=records, seed=1, actor="bench")
            how = "demo generator"
        except Exception as exc:  # the demo generator is the lead's; fall back to plain rows
            print(f"demo generator failed ({exc!r}); inserting people instead")
            with db.write() as s:
                for i in range(records):
                    create_in(s, "bench", "person", {"full_name": f"Người {i}", "notes": "x" * 200})
            how = "people"
    finally:
        db.dispose()
    return how


def main() -> None:
    records = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "huedesk.sqlite3"
        t = time.perf_counter()
        how = build(path, records)
        print(f"built {records} records ({how}) in {time.perf_counter() - t:.1f} s")
        size = path.stat().st_size / 1_048_576
        print(f"database size: {size:.1f} MB")
        quick = _median(lambda: check_errors(path))
        full = _median(lambda: check_errors(path, full=True), runs=3)
        print(f"PRAGMA quick_check (on every open): median {quick * 1000:.0f} ms")
        print(f"PRAGMA integrity_check (restore, check): median {full * 1000:.0f} ms")
        print(f"quick_check per 10 MB: {quick / size * 10 * 1000:.0f} ms")
        opened = _median(lambda: open_store(path, auto_backup=False).dispose())
        print(f"open_store (check + schema + seed): median {opened * 1000:.0f} ms")
        print(f"  quick_check / open_store: {quick / opened:.2f}")
        taken = _median(lambda: backup.backup_now(path), runs=3)
        print(f"backup_now: median {taken * 1000:.0f} ms")
        newest = backup.list_backups(path)[0].path
        restored = _median(lambda: backup.restore(path, newest), runs=3)
        print(f"restore (check, copy, keep current, swap): median {restored * 1000:.0f} ms")
        shutil.rmtree(backup.backups_dir(path), ignore_errors=True)


if __name__ == "__main__":
    main()

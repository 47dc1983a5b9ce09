"""Costs of access control: password hashing, and role checks and masking per service call.

Run: ``python benchmarks/bench_access.py`` from the repository root. Prints medians.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from huedesk.accounts import AccountService
from huedesk.accounts.passwords import hash_password, verify_password
from huedesk.records import ListQuery, RecordService
from huedesk.records.service import get_in, list_in
from huedesk.store import open_store


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    stored = hash_password("mot mat khau dai")
    print(f"argon2id hash:   {median_ms(lambda: hash_password('mot mat khau dai'), 15):7.1f} ms")
    print(f"argon2id verify: {median_ms(lambda: verify_password(stored, 'x' * 12), 15):7.1f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        db = open_store(Path(tmp) / "bench.sqlite3")
        svc = RecordService(db, "bench")
        with db.write() as s:
            from huedesk.records.service import create_in

            ids = [
                create_in(
                    s, "bench", "person", {"full_name": f"Người {i}", "passport_no": f"B{i:07d}"}
                )["id"]
                for i in range(2000)
            ]
        q = ListQuery(limit=100)

        def raw_get() -> object:
            with db.read() as s:
                return get_in(s, "person", ids[500])

        def raw_list() -> object:
            with db.read() as s:
                return list_in(s, "person", q)

        base_get = median_ms(raw_get, 300)
        base_list = median_ms(raw_list, 100)
        print(f"get_in (no checks):        {base_get:6.3f} ms")
        print(f"list_in 100 (no checks):   {base_list:6.3f} ms")

        def report(label: str, service: RecordService) -> None:
            g = median_ms(lambda: service.get("person", ids[500]), 300)
            li = median_ms(lambda: service.list("person", q), 100)
            print(
                f"{label:14} get {g:6.3f} ms (x{g / base_get:4.2f})   "
                f"list 100 {li:6.3f} ms (x{li / base_list:4.2f})"
            )

        report("no accounts", svc)
        admin = AccountService(db).create_first_admin("quantri", "mat-khau-123")
        AccountService(db).add(admin, "canbo", "mat-khau-123", "officer")
        report("admin account", RecordService(db, "quantri"))
        report("officer", RecordService(db, "canbo"))
        db.dispose()


if __name__ == "__main__":
    main()

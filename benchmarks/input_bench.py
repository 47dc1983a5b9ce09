"""Time to check and import a large workbook, and to find duplicates among many people.

    .venv/bin/python benchmarks/input_bench.py [--rows 50000] [--people 100000] [--runs 3]

Prints the medians (wall and CPU: the machine may be shared) of ``--runs`` runs of
reading and checking a workbook of ``--rows`` aid transactions through the
workspace (``import-sheet --dry-run``) and of importing it (the bulk writer), the
baseline of writing rows one by one through ``create_in`` as import-sheet did
before (measured on ``--baseline-rows`` rows, with the ratio per row), and the
median of the duplicate finder over ``--people`` people (with a few hundred
planted duplicates written differently). Targets from issue #18: under 30 s for
a 50,000-row workbook, under 10 s for duplicates among 100,000 people.
"""

from __future__ import annotations

import argparse
import functools
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook
from sqlalchemy import insert

from huedesk.db.engine import Database
from huedesk.db.models import Person
from huedesk.reading import Convention
from huedesk.records import RecordService
from huedesk.records.duplicates import find_duplicates
from huedesk.records.service import create_in
from huedesk.sheets import ImportPlan
from huedesk.store import open_store
from huedesk.workspace import Workspace

T = TypeVar("T")

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quang", "Xuân", "Thu"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hải",
    "Hương",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Việt",
    "Yến",
    "Khoa",
    "Linh",
]


def workbook(path: Path, rows: int, projects: list[str]) -> None:
    rng = random.Random(1)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Giải ngân")
    ws.append(["DANH SÁCH GIẢI NGÂN"])
    ws.append([])
    ws.append(
        [
            "STT",
            "Dự án",
            "Loại giao dịch",
            "Ngày giá trị",
            "Số tiền",
            "Loại tiền",
            "Tỷ giá",
            "Đợt",
            "Chứng từ",
        ]
    )
    for n in range(1, rows + 1):
        usd = rng.random() < 0.5
        ws.append(
            [
                n,
                rng.choice(projects),
                "Giải ngân",
                f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2025",
                round(rng.uniform(100, 90_000), 2) if usd else rng.randint(1, 900) * 1_000_000,
                "USD" if usd else "VND",
                "25.450" if usd else None,
                f"Đợt {rng.randint(1, 4)}",
                f"GBC {n:05d}",
            ]
        )
    wb.save(path)


def people(db_path: Path, n: int) -> None:
    rng = random.Random(2)
    db = open_store(db_path)
    rows = []
    for i in range(n):
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {rng.choice(GIVEN)}"
        if i % 500 == 0:  # a planted duplicate, written without marks in capitals
            name = name.upper()
        rows.append({"uuid": str(uuid.uuid4()), "ref": f"NG-2025-{i + 1:06d}", "full_name": name})
    with db.write() as s:
        s.execute(insert(Person), rows)
    db.dispose()


def _timed(fn: Callable[[], T]) -> tuple[T, float, float]:
    """``fn()``, its wall time and its CPU time (the machine may be shared: both matter)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - started, time.process_time() - cpu


def _medians(timings: list[tuple[float, float]]) -> tuple[float, float]:
    """The median wall time and the median CPU time of (wall, CPU) pairs."""
    return statistics.median(w for w, _ in timings), statistics.median(c for _, c in timings)


def _row_by_row(db: Database, plan: ImportPlan, rows: int) -> None:
    """The baseline: the first ``rows`` rows written one by one through ``create_in`` (how
    import-sheet wrote before the bulk writer), in one transaction."""
    conv = Convention("vi", spreadsheet=True)
    with db.write() as session:
        for result in plan.to_write[:rows]:
            create_in(session, "bench", plan.kind, result.values, reading=conv)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--people", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3, help="runs of each measurement (median)")
    ap.add_argument(
        "--baseline-rows",
        type=int,
        default=1000,
        help="rows written one by one as the baseline (0: no baseline)",
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = folder / "template" / "huedesk.sqlite3"
        db = open_store(template)
        svc = RecordService(db, "bench")
        donor = svc.create("organisation", {"name": "KOICA", "org_type": "donor"})
        projects = []
        for i in range(20):
            p = svc.create(
                "aid_project",
                {
                    "title": f"Dự án {i}",
                    "donor_id": donor["id"],
                    "sector": "health",
                    "committed_amount": "1 tỷ",
                    "currency": "VND",
                    "status": "approved",
                },
            )
            projects.append(p["ref"])
        db.dispose()
        book = folder / "giai-ngan.xlsx"
        workbook(book, args.rows, projects)

        checks: list[tuple[float, float]] = []
        imports: list[tuple[float, float]] = []
        plan: ImportPlan | None = None
        added = 0
        for run in range(args.runs):
            copy = folder / f"run{run}"
            shutil.copytree(template.parent, copy)
            ws = Workspace(open_store(copy / "huedesk.sqlite3"), "bench")
            checked, wall, cpu = _timed(
                functools.partial(ws.sheets.preview, book, "aid_transaction")
            )
            plan = checked
            checks.append((wall, cpu))
            outcome, wall, cpu = _timed(functools.partial(ws.sheets.import_, checked))
            imports.append((wall, cpu))
            added = outcome.added
            ws.close()
        assert plan is not None
        check_wall, check_cpu = _medians(checks)
        import_wall, import_cpu = _medians(imports)
        print(
            f"workbook of {args.rows} rows (median of {args.runs}): read and checked in "
            f"{check_wall:.1f} s (CPU {check_cpu:.1f} s) {plan.counts()}; {added} rows imported "
            f"through the bulk writer in {import_wall:.1f} s (CPU {import_cpu:.1f} s); "
            f"total {check_wall + import_wall:.1f} s wall, "
            f"{check_cpu + import_cpu:.1f} s CPU (target < 30 s)",
            flush=True,
        )
        if args.baseline_rows:
            copy = folder / "baseline"
            shutil.copytree(template.parent, copy)
            base_db = open_store(copy / "huedesk.sqlite3")
            n = min(args.baseline_rows, added)
            _none, wall, cpu = _timed(functools.partial(_row_by_row, base_db, plan, n))
            base_db.dispose()
            per_row_wall, per_row_cpu = wall / n, cpu / n
            print(
                f"baseline, row by row through create_in ({n} rows): {wall:.1f} s "
                f"(CPU {cpu:.1f} s); per row {per_row_wall * 1000:.2f} ms wall, "
                f"{per_row_cpu * 1000:.2f} ms CPU; the bulk writer per row "
                f"{import_wall / max(added, 1) * 1000:.2f} ms wall, "
                f"{import_cpu / max(added, 1) * 1000:.2f} ms CPU: "
                f"{per_row_cpu / max(import_cpu / max(added, 1), 1e-9):.1f}x less CPU per row",
                flush=True,
            )

        people(folder / "b" / "huedesk.sqlite3", args.people)
        db = open_store(folder / "b" / "huedesk.sqlite3")
        times = []
        cpus = []
        found = 0
        for _ in range(args.runs):
            started, cpu = time.perf_counter(), time.process_time()
            with db.read() as s:
                found = len(find_duplicates(s, "person"))
            times.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
        print(
            f"duplicates among {args.people} people: median {statistics.median(times):.2f} s "
            f"(CPU {statistics.median(cpus):.2f} s) of {args.runs} runs, {found} pairs "
            "(target < 10 s)",
            flush=True,
        )
        # The check before one save (huedesk add / set, the window's question), which a user
        # waits for: a new person, and a stored one renamed.
        svc = RecordService(db, "bench")
        stored = svc.list("person").rows[0]
        asks = [
            (svc.likely_duplicates, ("person", {"full_name": "NGUYEN VAN AN HOA"})),
            (svc.likely_duplicates, ("person", {"full_name": "Trần Thị Bình An"}, stored["id"])),
        ]
        one: list[tuple[float, float]] = []
        for _ in range(max(args.runs, 5)):
            for fn, call in asks:
                _found, wall, cpu = _timed(functools.partial(fn, *call))
                one.append((wall, cpu))
        db.dispose()
        one_wall, one_cpu = _medians(one)
        print(
            f"check before one save among {args.people} people: median {one_wall:.2f} s "
            f"(CPU {one_cpu:.2f} s) of {len(one)} (a new person and a rename); "
            f"{statistics.median(times) / max(one_wall, 1e-9):.0f}x less than finding every pair"
        )


if __name__ == "__main__":
    main()

"""Time to check and import a large workbook, and to find duplicates among many people.

    .venv/bin/python benchmarks/input_bench.py [--rows 50000] [--people 100000]

Prints the time to read and validate a workbook of ``--rows`` aid transactions
(``import-sheet --dry-run``), to import it, and the median of three runs of the
duplicate finder over ``--people`` people (with a few hundred planted duplicates
written differently). Targets from issue #18: under 30 s for a 50,000-row
workbook, under 10 s for duplicates among 100,000 people.
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook
from sqlalchemy import insert

from huedesk.db.models import Person
from huedesk.records import RecordService
from huedesk.records.duplicates import find_duplicates
from huedesk.sheets import preview
from huedesk.sheets.write import import_plan
from huedesk.store import open_store

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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--people", type=int, default=100_000)
    ap.add_argument(
        "--import-rows",
        type=int,
        default=None,
        help="import only this many of the checked rows (the rest is extrapolated)",
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_store(folder / "a" / "huedesk.sqlite3")
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
        book = folder / "giai-ngan.xlsx"
        workbook(book, args.rows, projects)
        started, cpu = time.perf_counter(), time.process_time()
        plan = preview(db, "bench", book, "aid_transaction")
        checked, checked_cpu = time.perf_counter() - started, time.process_time() - cpu
        counts = plan.counts()
        if args.import_rows is not None:
            plan.rows = plan.rows[: args.import_rows]
        started, cpu = time.perf_counter(), time.process_time()
        outcome = import_plan(db, "bench", plan)
        written, written_cpu = time.perf_counter() - started, time.process_time() - cpu
        db.dispose()
        whole = written * args.rows / max(outcome.added, 1)
        print(
            f"workbook of {args.rows} rows: read and validated in {checked:.1f} s "
            f"(CPU {checked_cpu:.1f} s) {counts}; imported {outcome.added} rows in "
            f"{written:.1f} s (CPU {written_cpu:.1f} s; all {args.rows} at that rate: "
            f"{whole:.0f} s); total {checked + whole:.0f} s (target < 30 s)",
            flush=True,
        )

        people(folder / "b" / "huedesk.sqlite3", args.people)
        db = open_store(folder / "b" / "huedesk.sqlite3")
        times = []
        cpus = []
        found = 0
        for _ in range(3):
            started, cpu = time.perf_counter(), time.process_time()
            with db.read() as s:
                found = len(find_duplicates(s, "person"))
            times.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
        db.dispose()
        print(
            f"duplicates among {args.people} people: median {statistics.median(times):.2f} s "
            f"(CPU {statistics.median(cpus):.2f} s) of 3 runs, {found} pairs (target < 10 s)"
        )


if __name__ == "__main__":
    main()

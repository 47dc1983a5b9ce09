"""Time PDF briefs: in process (after the first build) and the whole ``huedesk brief`` command.

    /work/venv/bin/python benchmarks/bench_briefs.py [--runs 15]

Prints medians in milliseconds for a typical delegation brief (10 programme
items, members, history), a 200-item programme, a consular case summary and an
aid statement, next to a plain-ReportLab document of the same size (Tinos,
a header and a 5-column table of Paragraph cells, no frame), so the figures
can be compared on a loaded machine as ratios.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from huedesk.briefs import render_aid_statement, render_brief
from huedesk.briefs.fonts import register_fonts
from huedesk.records import RecordService
from huedesk.store import open_store
from tests.briefs import samples


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (this process and its children), in ms.

    CPU time is printed too because the shared build machine is often loaded:
    wall time then measures the queue, CPU time still measures the work.
    """
    fn()  # the first build registers fonts and warms caches
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), _cpu()
        fn()
        wall.append(time.perf_counter() - t)
        cpu.append(_cpu() - c)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def plain_reportlab(out: Path, rows: int) -> None:
    """The same amount of table text with bare Platypus: the floor we compare against."""
    style = ParagraphStyle("b", fontName=register_fonts(), fontSize=11, leading=13.5)
    data = [[Paragraph(h, style) for h in ("Thời gian", "Địa điểm", "Nội dung", "Huế", "Chủ trì")]]
    for i in range(rows):
        data.append(
            [
                Paragraph(x, style)
                for x in (
                    "08:00 – 09:30",
                    "Đại Nội Huế",
                    f"Tham quan Hoàng thành Huế (mục {i})",
                    "Lãnh đạo Sở Ngoại vụ, Sở Du lịch",
                    "Sở Ngoại vụ",
                )
            ]
        )
    story = [Paragraph("TÀI LIỆU PHỤC VỤ ĐÓN TIẾP ĐOÀN", style), Table(data, repeatRows=1)]
    SimpleDocTemplate(str(out), pagesize=A4).build(story)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_path = folder / "bench.sqlite3"
        db = open_store(db_path)
        svc = RecordService(db, "bench")
        typical = samples.gifu_visit(svc, programme_items=10)
        case = samples.stranded_worker_case(svc)
        aid = samples.koica_clinic(svc)
        big = samples.gifu_visit(svc, programme_items=0)
        samples.add_programme(svc, big.delegation_id, 200)
        out = folder / "out.pdf"
        results = {
            "plain ReportLab, 10-row table": median_ms(lambda: plain_reportlab(out, 10), runs),
            "plain ReportLab, 200-row table": median_ms(lambda: plain_reportlab(out, 200), runs),
            "delegation brief, typical (10 items)": median_ms(
                lambda: render_brief(db, "delegation", typical.delegation_id, out), runs
            ),
            "delegation brief, 200 items": median_ms(
                lambda: render_brief(db, "delegation", big.delegation_id, out), runs
            ),
            "consular case summary": median_ms(
                lambda: render_brief(db, "consular_case", case.case_id, out), runs
            ),
            "aid statement (project)": median_ms(
                lambda: render_aid_statement(db, out, project_id=aid.project_id), runs
            ),
        }
        db.dispose()
        cmd = [
            sys.executable,
            "-m",
            "huedesk",
            "--db",
            str(db_path),
            "brief",
            "delegation",
            typical.ref,
            "-o",
            str(out),
        ]
        root = Path(__file__).resolve().parent.parent
        results["`huedesk brief delegation` command"] = median_ms(
            lambda: subprocess.run(cmd, check=True, capture_output=True, cwd=root),
            max(5, runs // 3),
        )
        version = [sys.executable, "-m", "huedesk", "--version"]
        results["`huedesk --version` (start-up floor)"] = median_ms(
            lambda: subprocess.run(version, check=True, capture_output=True, cwd=root),
            max(5, runs // 3),
        )
    width = max(map(len, results))
    for name, (wall, cpu) in results.items():
        print(f"{name:<{width}}  {wall:8.1f} ms wall  {cpu:8.1f} ms CPU (medians)")
    typical = results["delegation brief, typical (10 items)"]
    big = results["delegation brief, 200 items"]
    plain10 = results["plain ReportLab, 10-row table"]
    plain200 = results["plain ReportLab, 200-row table"]
    print(
        f"ratios (CPU): typical brief / plain 10-row {typical[1] / plain10[1]:.1f}; "
        f"200 items / plain 200-row {big[1] / plain200[1]:.1f}"
    )


if __name__ == "__main__":
    main()

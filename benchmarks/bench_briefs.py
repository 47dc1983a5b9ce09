"""Time PDF briefs in process (after the first build) and the whole ``huedesk brief`` command.

    .venv/bin/python benchmarks/bench_briefs.py [--runs 15]

Prints medians in milliseconds (wall and CPU) for: a typical delegation brief
(10 programme items, two members, history with the partner), a 60-item
programme over 5 days, a partner with 200 earlier visits (short and ``--full``),
a consular case summary, an aid statement, a year's aid statement of 500
transactions (summary and with detail) and the yearly review of that year,
next to a plain-ReportLab document of the same size (Tinos, a header and a
5-column table of Paragraph cells, no frame), so the figures can be compared on a
loaded machine as ratios. The targets of issue #17 are printed beside them.
"""

from __future__ import annotations

import argparse
import datetime as dt
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

from huedesk import clock
from huedesk.briefs import render_aid_statement, render_brief, render_year_review
from huedesk.briefs.fonts import register_fonts
from huedesk.records import RecordService
from huedesk.store import open_store
from tests.briefs import samples

TARGETS = {  # issue #17, in-process milliseconds
    "delegation brief, typical (10 items)": 60,
    "delegation brief, 60 items over 5 days": 150,
    "yearly review (500 aid transactions)": 300,
}


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
    at = dt.datetime(2025, 3, 5, 3, 0, tzinfo=dt.UTC)
    with tempfile.TemporaryDirectory() as tmp, clock.use(clock.fixed(at)):
        folder = Path(tmp)
        db_path = folder / "bench.sqlite3"
        db = open_store(db_path)
        svc = RecordService(db, "bench")
        made = samples.printing_set(svc)
        typical, long, busy, case, aid = made.typical, made.long, made.busy, made.case, made.aid
        out = folder / "out.pdf"
        results = {
            "plain ReportLab, 10-row table": median_ms(lambda: plain_reportlab(out, 10), runs),
            "plain ReportLab, 60-row table": median_ms(lambda: plain_reportlab(out, 60), runs),
            "delegation brief, typical (10 items)": median_ms(
                lambda: render_brief(db, "delegation", typical.delegation_id, out), runs
            ),
            "delegation brief, 60 items over 5 days": median_ms(
                lambda: render_brief(db, "delegation", long.delegation_id, out), runs
            ),
            "delegation brief, partner with 200 visits": median_ms(
                lambda: render_brief(db, "delegation", busy.delegation_id, out), runs
            ),
            "  the same, --full (history appendix)": median_ms(
                lambda: render_brief(db, "delegation", busy.delegation_id, out, full=True),
                max(3, runs // 3),
            ),
            "consular case summary": median_ms(
                lambda: render_brief(db, "consular_case", case.case_id, out), runs
            ),
            "aid statement (project)": median_ms(
                lambda: render_aid_statement(db, out, project_id=aid.project_id), runs
            ),
            "aid statement, year of 500 transactions": median_ms(
                lambda: render_aid_statement(db, out, year=2025), runs
            ),
            "  the same, --detail (transactions appendix)": median_ms(
                lambda: render_aid_statement(db, out, year=2025, detail=True), max(3, runs // 3)
            ),
            "yearly review (500 aid transactions)": median_ms(
                lambda: render_year_review(db, 2025, out), runs
            ),
        }
        db.dispose()
        root = Path(__file__).resolve().parent.parent
        command = [sys.executable, "-m", "huedesk", "--db", str(db_path), "brief", "delegation"]
        command += [typical.ref, "-o", str(out)]
        results["`huedesk brief delegation` command"] = median_ms(
            lambda: subprocess.run(command, check=True, capture_output=True, cwd=root),
            max(5, runs // 3),
        )
        version = [sys.executable, "-m", "huedesk", "--version"]
        results["`huedesk --version` (start-up floor)"] = median_ms(
            lambda: subprocess.run(version, check=True, capture_output=True, cwd=root),
            max(5, runs // 3),
        )
    width = max(map(len, results))
    for name, (wall, cpu) in results.items():
        target = f"   target ≤ {TARGETS[name]} ms" if name in TARGETS else ""
        print(f"{name:<{width}}  {wall:8.1f} ms wall  {cpu:8.1f} ms CPU (medians){target}")
    typical_cpu = results["delegation brief, typical (10 items)"][1]
    long_cpu = results["delegation brief, 60 items over 5 days"][1]
    print(
        f"ratios (CPU): typical brief / plain 10-row "
        f"{typical_cpu / results['plain ReportLab, 10-row table'][1]:.1f}; "
        f"60 items / plain 60-row {long_cpu / results['plain ReportLab, 60-row table'][1]:.1f}"
    )


if __name__ == "__main__":
    main()

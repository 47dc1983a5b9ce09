"""How fast the window is usable on a large database, and how fast a list shows its first rows.

Usage::

    HUEDESK_PASSWORD=… python benchmarks/ui_startup.py --db /tmp/20k/huedesk.sqlite3 \\
        --db /tmp/200k/huedesk.sqlite3 [--runs 5] [--user bench] [--morning]

Each run is a fresh process (imports included), started by this script, on each
database in turn. On a database with accounts it signs in as ``--user`` (default
``bench``) with the password in ``$HUEDESK_PASSWORD``; without accounts it enters
as the local administrator. Uses ``$DISPLAY`` when set (e.g. Xvfb), otherwise Qt's
offscreen platform. The machine is usually shared: quote medians and ratios, and
say so.

What a run measures (the window's own path: ``open_or_rescue`` → sign-in → ``Desk``):

- **launch**: from starting the process to the main window drawn with its start page
  (Qt, the database opened, the user signed in, the attention lists read), without
  the password check itself (argon2id, reported apart as "sign-in": the user waits for
  it at the sign-in dialog, not for the window). The start page's figures are counted
  off the UI thread; **figures in** is the time from the same start until they are
  shown (the window is usable meanwhile).
- **first rows**: from choosing the largest list in the sidebar to its first screen of
  rows painted (a LIMITed query on an index walk); **whole list** until every id is
  in (the background query).
- **sort by title**: from the header click to the first rows of the new order painted;
  **sort, whole list** until every id is in.

Baselines, the same run: the **old path** is a separate process per run that opens as
before this change: the daily backup taken on the way in (``Door.open`` without
``back_up_later``), the start page's figures counted on the UI thread before the
window shows; its launch is compared with the new one. In the new process, after the
measures above, the same list is queried again the old way — every id first, then
the rows (``head=False``) — for first rows and for the sort.

``--morning`` adds one run per database and path in which the daily backup is due
(the backups folder is moved aside for the run, then put back; the run's own backups
are deleted): what the first launch of the day costs. It writes two copies of each
database file (daily + monthly).

Targets (issue #13 item 12): launch ≤ 1.0 s, first rows ≤ 100 ms, sort ≤ 150 ms at
200,000 records.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAUNCH_TARGET = 1.0
FIRST_ROWS_TARGET = 0.100
SORT_TARGET = 0.150

CHILD = r"""
import json, os, sys, time
t_launch = float(sys.argv[2])
from pathlib import Path
from dataclasses import replace
from PySide6.QtCore import QTimer
from huedesk import clock
from huedesk.ui.app import Desk, application
from huedesk.ui.backup_ui import open_or_rescue
from huedesk.ui.dashboard_page import DashboardPage
from huedesk.ui.list_page import ListPage
from huedesk.workspace import Door

path, largest, user, mode = Path(sys.argv[1]), sys.argv[3], sys.argv[4], sys.argv[5]
app = application()
t0 = time.perf_counter()
door = open_or_rescue(path, "vi") if mode == "new" else Door.open(path)
opened = time.perf_counter() - t0
t0 = time.perf_counter()
ws = door.enter(user) if door.first_run else door.sign_in(user, os.environ["HUEDESK_PASSWORD"])
sign_in = time.perf_counter() - t0
out = {"open": opened, "sign_in": sign_in}
if mode == "old":  # before: the figures were counted in the start page's constructor
    ws.stats.dashboard(clock.today().year)
desk = Desk(ws, "vi")
w = desk.window
start = w.show_page("attention")
w.show()
if mode == "new":
    QTimer.singleShot(0, desk.back_up_when_due)  # as huedesk.ui.app.run does
w.repaint()
app.processEvents()
out["launch"] = time.time() - t_launch - sign_in

def wait(busy):
    # process events until busy() is false; the longest time the UI thread was busy in one
    # go meanwhile (what the user feels as a freeze)
    stall = 0.0
    while busy():
        t = time.perf_counter()
        app.processEvents()
        stall = max(stall, time.perf_counter() - t)
        time.sleep(0.001)
    return stall

def painted(page):
    page.table.viewport().repaint()
    app.processEvents()

if mode == "new":
    assert isinstance(start, DashboardPage)
    out["figures_stall"] = wait(start.is_counting)
    out["figures_in"] = time.time() - t_launch - sign_in
    t0 = time.perf_counter()
    page = w.show_page(largest)
    assert isinstance(page, ListPage)
    painted(page)
    out["first_rows"] = time.perf_counter() - t0
    out["background"] = float(page.model.is_loading())
    wait(page.model.is_loading)
    painted(page)
    out["whole_list"] = time.perf_counter() - t0
    out["rows"] = page.model.total
    t0 = time.perf_counter()
    page.table.scrollToBottom()
    painted(page)
    out["scroll_end"] = time.perf_counter() - t0
    column = page.model.column_of(page.spec.title_field)
    t0 = time.perf_counter()
    page.model.sort(column)
    painted(page)
    out["sort_title"] = time.perf_counter() - t0
    out["sort_stall"] = max(out["sort_title"], wait(page.model.is_loading))
    painted(page)
    out["sort_whole"] = time.perf_counter() - t0
    # baselines in this process: every id first, then the rows (the path before)
    query = page.model.query
    t0 = time.perf_counter()
    page.model.set_query(replace(query, descending=True), background=True, head=False)
    wait(page.model.is_loading)
    painted(page)
    out["sort_title_before"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    page.model.set_query(replace(query, sort=None, descending=False), background=True, head=False)
    wait(page.model.is_loading)
    painted(page)
    out["first_rows_before"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    ws.stats.dashboard(clock.today().year)
    out["figures_on_ui_thread"] = time.perf_counter() - t0
print(json.dumps(out))
desk.close()  # as the program ends: work stopped, the database closed cleanly
"""


def largest_list(db_path: Path) -> str:
    """The sidebar key of the list with the most records."""
    import sqlite3

    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        keys = ["person", "organisation", "consular_case", "fdi_project", "event", "aid_project"]
        counts = {k: con.execute(f"SELECT count(*) FROM {k}").fetchone()[0] for k in keys}
        for direction in ("in", "out"):
            counts[f"delegation_{direction}"] = con.execute(
                "SELECT count(*) FROM delegation WHERE direction = ?", (direction,)
            ).fetchone()[0]
    finally:
        con.close()
    return max(counts, key=lambda k: counts[k])


def one_run(db_path: Path, key: str, user: str, mode: str) -> dict[str, float]:
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)
    env["XDG_CONFIG_HOME"] = str(db_path.parent / "bench-config")  # no remembered state
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(db_path), repr(started), key, user, mode],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        raise SystemExit(f"run failed ({mode}, {db_path}):\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def morning_run(db_path: Path, key: str, user: str, mode: str) -> dict[str, float]:
    """One run with the daily backup due: the backups folder is moved aside meanwhile."""
    folder = db_path.parent / "huedesk-backups"
    aside = folder.with_name(folder.name + ".bench-aside")
    if aside.exists():
        raise SystemExit(f"{aside} exists: a killed --morning run; put it back by hand")
    moved = folder.exists()
    if moved:
        folder.rename(aside)
    try:
        return one_run(db_path, key, user, mode)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if moved:
            aside.rename(folder)


def ms(value: float) -> str:
    return f"{value * 1000:,.0f} ms"


def report(db_path: Path, key: str, new: list[dict[str, float]], old: list[dict[str, float]]):
    med = {k: statistics.median(r[k] for r in new) for k in new[0]}
    old_launch = statistics.median(r["launch"] for r in old)
    print(f"\n== {db_path}  largest list: {key} ({int(med['rows']):,} records), {len(new)} runs")
    print(
        f"launch to usable window: median {med['launch']:.3f} s (target {LAUNCH_TARGET} s); "
        f"old path {old_launch:.3f} s; ratio old/new {old_launch / med['launch']:.1f}x"
    )
    print(
        f"  of it opening the database: {ms(med['open'])} (old path {ms(statistics.median(r['open'] for r in old))})"
    )
    print(f"  sign-in (password check, not in launch): {ms(med['sign_in'])}")
    print(
        f"start page figures in (counted off the UI thread): {med['figures_in']:.3f} s after "
        f"the start; the same count on the UI thread {ms(med['figures_on_ui_thread'])}; "
        f"longest UI-thread stall meanwhile {ms(med['figures_stall'])}"
    )
    print(
        f"first rows of the largest list: median {ms(med['first_rows'])} "
        f"(target {ms(FIRST_ROWS_TARGET)}); whole list in {ms(med['whole_list'])}; "
        f"before (every id first) {ms(med['first_rows_before'])}, ratio "
        f"{med['first_rows_before'] / med['first_rows']:.1f}x"
    )
    print(
        f"sort by title, first rows: median {ms(med['sort_title'])} (target {ms(SORT_TARGET)}); "
        f"whole list in {ms(med['sort_whole'])}; longest UI-thread stall {ms(med['sort_stall'])}; "
        f"before {ms(med['sort_title_before'])}, ratio {med['sort_title_before'] / med['sort_title']:.1f}x"
    )
    print(f"scroll to the last row: median {ms(med['scroll_end'])}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, type=Path, action="append")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--user", default="bench", help="account to sign in as (default bench)")
    parser.add_argument("--morning", action="store_true", help="add a run with the backup due")
    args = parser.parse_args()
    platform = f"DISPLAY={os.environ['DISPLAY']}" if os.environ.get("DISPLAY") else "offscreen"
    print(f"platform: {platform}; load average before: {os.getloadavg()[0]:.1f}")
    for db in args.db:
        key = largest_list(db)
        one_run(db, key, args.user, "new")  # warm-up: the file in the OS cache, a clean close
        new, old = [], []
        for _ in range(args.runs):  # in turn, so a machine that slows down slows both
            new.append(one_run(db, key, args.user, "new"))
            old.append(one_run(db, key, args.user, "old"))
        report(db, key, new, old)
        if args.morning:
            first_new = morning_run(db, key, args.user, "new")
            first_old = morning_run(db, key, args.user, "old")
            print(
                f"first launch of the day (daily backup due): {first_new['launch']:.3f} s; "
                f"old path (backup on the way in) {first_old['launch']:.3f} s "
                f"(opening {ms(first_old['open'])})"
            )
    print(
        f"load average after: {os.getloadavg()[0]:.1f} (the machine is shared: medians mean more)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

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

Bytecode: an installed HueDesk has its ``.pyc`` files (``pip install`` compiles them,
the desktop build ships them), so before measuring this script compiles the package
(``compileall``, into ``__pycache__`` beside the sources) and starts the measured
processes with ``PYTHONDONTWRITEBYTECODE`` unset. The row **no bytecode** starts a copy
of this checkout's sources with ``PYTHONDONTWRITEBYTECODE=1`` and no ``.pyc`` files: what
a development shell with that variable set pays on every start (the libraries keep their
installed bytecode either way).

Baselines, the same run, taken in turn with the measured runs:

- **baseline** (``--baseline REV``, default ``main``): the same measures with HueDesk's
  package at that git revision (``git archive``, compiled the same way) on the same
  database — e.g. this branch against main.
- the **old path**: a separate process per run that opens as before the start page's
  figures and the daily backup moved off the way: the backup taken on the way in
  (``Door.open`` without ``back_up_later``), the figures counted on the UI thread before
  the window shows.
- In each measured process, after the measures above, the same list is queried again the
  old way — every id first, then the rows (``head=False``) — for first rows and the sort.

The child imports what ``huedesk`` imports before its window (``huedesk.ui.app``) and
nothing else until the launch is measured; **imports** is the time from starting the
process to that point.

``--morning`` adds one run per database and path in which the daily backup is due
(the backups folder is moved aside for the run, then put back; the run's own backups
are deleted): what the first launch of the day costs. It writes two copies of each
database file (daily + monthly).

Targets (issue #13 item 12): launch ≤ 1.0 s, first rows ≤ 100 ms, sort ≤ 150 ms at
200,000 records.
"""

from __future__ import annotations

import argparse
import compileall
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
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
# what ``huedesk`` (no command) imports before its window: the rest as it is used
from huedesk.ui.app import Desk, application
from huedesk.ui.backup_ui import open_or_rescue
from PySide6.QtCore import QTimer

path, largest, user, mode = Path(sys.argv[1]), sys.argv[3], sys.argv[4], sys.argv[5]
out = {"imports": time.time() - t_launch}
app = application()
t0 = time.perf_counter()
if mode == "old":
    from huedesk.workspace import Door
    door = Door.open(path)
else:
    door = open_or_rescue(path, "vi")
opened = time.perf_counter() - t0
t0 = time.perf_counter()
ws = door.enter(user) if door.first_run else door.sign_in(user, os.environ["HUEDESK_PASSWORD"])
sign_in = time.perf_counter() - t0
out.update(open=opened, sign_in=sign_in)
if mode == "old":  # before: the figures were counted in the start page's constructor
    from huedesk import clock
    ws.stats.dashboard(clock.today().year)
desk = Desk(ws, "vi")
w = desk.window
start = w.show_page("attention")
w.show()
if mode != "old":
    QTimer.singleShot(0, desk.back_up_when_due)  # as huedesk.ui.app.run does
w.repaint()
app.processEvents()
out["launch"] = time.time() - t_launch - sign_in
if mode == "launch":  # the launch alone (bytecode compared)
    print(json.dumps(out))
    desk.close()
    sys.exit(0)

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

if mode != "old":
    from huedesk import clock
    from huedesk.ui.dashboard_page import DashboardPage
    from huedesk.ui.list_page import ListPage
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


@dataclass(frozen=True)
class Code:
    """Which HueDesk a run starts: the folder put first on ``PYTHONPATH`` and whether its
    bytecode is there (compiled beforehand) or every module is compiled from source."""

    folder: Path
    bytecode: bool = True


def copy_of_package(rev: str | None, into: Path) -> Path:
    """HueDesk's package folder under ``into``: at git revision ``rev`` (``git archive``),
    or with ``None`` this checkout's sources without their bytecode."""
    into.mkdir(parents=True)
    if rev is None:
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        shutil.copytree(ROOT / "huedesk", into / "huedesk", ignore=ignore)
    else:
        tar = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, "huedesk"], check=True, capture_output=True
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
            archive.extractall(into, filter="data")
    return into


def compiled(folder: Path) -> Path:
    """``folder`` with HueDesk's ``.pyc`` files written beside its sources (``__pycache__``),
    as ``pip install`` leaves an installed program (the desktop build ships them too)."""
    if not compileall.compile_dir(folder / "huedesk", quiet=1):
        raise SystemExit(f"compiling {folder / 'huedesk'} failed")
    return folder


def one_run(db_path: Path, key: str, user: str, mode: str, code: Code) -> dict[str, float]:
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(code.folder)
    if code.bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # reads the .pyc files compiled beforehand
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"  # no .pyc in the copy, and none written
    env["XDG_CONFIG_HOME"] = str(db_path.parent / "bench-config")  # no remembered state
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(db_path), repr(started), key, user, mode],
        env=env,
        cwd=code.folder,
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        raise SystemExit(f"run failed ({mode}, {db_path}, {code}):\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def morning_run(db_path: Path, key: str, user: str, mode: str, code: Code) -> dict[str, float]:
    """One run with the daily backup due: the backups folder is moved aside meanwhile."""
    folder = db_path.parent / "huedesk-backups"
    aside = folder.with_name(folder.name + ".bench-aside")
    if aside.exists():
        raise SystemExit(f"{aside} exists: a killed --morning run; put it back by hand")
    moved = folder.exists()
    if moved:
        folder.rename(aside)
    try:
        return one_run(db_path, key, user, mode, code)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if moved:
            aside.rename(folder)


def report(db_path: Path, key: str, runs: dict[str, list[dict[str, float]]], baseline: str):
    def med(mode: str, measure: str) -> float:
        return statistics.median(r[measure] for r in runs[mode])

    def versus(measure: str) -> str:  # this checkout against the baseline, medians
        ratio = med("base", measure) / med("new", measure)
        return f"{baseline}: {_fmt(med('base', measure))}, ratio {baseline}/this {ratio:.2f}x"

    n = len(runs["new"])
    rows = int(med("new", "rows"))
    print(f"\n== {db_path}  largest list: {key} ({rows:,} records), {n} runs, medians")
    print(
        f"launch to usable window: {med('new', 'launch'):.3f} s (target {LAUNCH_TARGET} s); "
        + versus("launch")
    )
    print(
        f"  old path (backup on the way in, figures before the window): {med('old', 'launch'):.3f} s"
    )
    print(
        f"  no bytecode (this checkout, every HueDesk module compiled from source): "
        f"{med('source', 'launch'):.3f} s, of which imports {med('source', 'imports'):.3f} s"
    )
    print(
        f"  imports (process start to HueDesk's window code imported): {_fmt(med('new', 'imports'))}; {versus('imports')}"
    )
    print(f"  opening the database: {_fmt(med('new', 'open'))}; {versus('open')}")
    print(f"  sign-in (password check, not in launch): {_fmt(med('new', 'sign_in'))}")
    print(
        f"start page figures in (counted off the UI thread): {med('new', 'figures_in'):.3f} s after "
        f"the start; the same count on the UI thread {_fmt(med('new', 'figures_on_ui_thread'))}; "
        f"longest UI-thread stall meanwhile {_fmt(med('new', 'figures_stall'))}"
    )
    print(
        f"first rows of the largest list: {_fmt(med('new', 'first_rows'))} "
        f"(target {_fmt(FIRST_ROWS_TARGET)}); {versus('first_rows')}; whole list in "
        f"{_fmt(med('new', 'whole_list'))}; every id first {_fmt(med('new', 'first_rows_before'))}"
    )
    print(
        f"sort by title, first rows: {_fmt(med('new', 'sort_title'))} (target {_fmt(SORT_TARGET)}); "
        f"{versus('sort_title')}; whole list in {_fmt(med('new', 'sort_whole'))}; longest "
        f"UI-thread stall {_fmt(med('new', 'sort_stall'))}; every id first "
        f"{_fmt(med('new', 'sort_title_before'))}"
    )
    print(f"scroll to the last row: {_fmt(med('new', 'scroll_end'))}")


def _fmt(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, type=Path, action="append")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--user", default="bench", help="account to sign in as (default bench)")
    parser.add_argument("--morning", action="store_true", help="add a run with the backup due")
    parser.add_argument(
        "--baseline", default="main", help="git revision to compare with (default main)"
    )
    args = parser.parse_args()
    platform = f"DISPLAY={os.environ['DISPLAY']}" if os.environ.get("DISPLAY") else "offscreen"
    print(f"platform: {platform}; load average before: {os.getloadavg()[0]:.1f}")
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="huedesk-ui-startup-") as tmp:
        codes = {
            "new": Code(compiled(ROOT)),
            "base": Code(compiled(copy_of_package(args.baseline, Path(tmp, "base")))),
            "source": Code(copy_of_package(None, Path(tmp, "source")), bytecode=False),
        }
        print(
            f"this checkout: {head} (working tree); baseline: {args.baseline} (git archive). "
            "Bytecode as an installed program has it: both compiled first (compileall into "
            "__pycache__), PYTHONDONTWRITEBYTECODE unset for the measured processes; the "
            "'no bytecode' row runs a copy of this checkout's sources with "
            "PYTHONDONTWRITEBYTECODE=1 (what a development shell with it set pays)"
        )
        for db in args.db:
            key = largest_list(db)
            for mode in ("new", "base"):  # warm-up: the file in the OS cache, a clean close
                one_run(db, key, args.user, "new", codes[mode])
            runs: dict[str, list[dict[str, float]]] = {
                m: [] for m in ("new", "base", "old", "source")
            }
            for i in range(args.runs):  # in turn, so a machine that slows down slows each
                order = ["new", "base", "old", "source"]
                for mode in order[i % 2 :] + order[: i % 2]:
                    child = {"new": "new", "base": "new", "old": "old", "source": "launch"}[mode]
                    code = codes["new" if mode == "old" else mode]
                    runs[mode].append(one_run(db, key, args.user, child, code))
            report(db, key, runs, args.baseline)
            if args.morning:
                first_new = morning_run(db, key, args.user, "new", codes["new"])
                first_old = morning_run(db, key, args.user, "old", codes["new"])
                print(
                    f"first launch of the day (daily backup due): {first_new['launch']:.3f} s; "
                    f"old path (backup on the way in) {first_old['launch']:.3f} s "
                    f"(opening {_fmt(first_old['open'])})"
                )
    print(
        f"load average after: {os.getloadavg()[0]:.1f} (the machine is shared: medians mean more)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The application lock: a second holder is told who has the database; stale locks are cleared."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from huedesk import backup
from huedesk.db.engine import Database
from huedesk.safety import applock
from huedesk.safety.applock import AppLockHeld, LockInfo
from huedesk.store import open_store
from tests.backends import sqlite_only
from tests.safety.support import ROOT, other_process, run_cli

pytestmark = sqlite_only(
    "the application lock is a file beside the database file; a server database takes none"
)

HOLD = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from huedesk.safety import applock
lock = applock.acquire(Path({db!r}), "HueDesk window")
print("held", flush=True)
sys.stdin.readline()
lock.release()
"""


@pytest.fixture
def holder(db: Database) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock on ``db`` until the test ends."""
    with other_process(HOLD.format(root=str(ROOT), db=str(db.path)), ready="held") as proc:
        yield proc


def _write_lock(db_path: Path, **changes: object) -> None:
    info = LockInfo(
        host=applock.this_host(),
        pid=os.getpid(),
        user="lan",
        started="2026-11-20T01:30:00+00:00",
        purpose="HueDesk window",
    )
    applock.lock_path(db_path).write_text(json.dumps(dataclasses.asdict(info) | changes))


def test_second_holder_is_told_who_holds_it(db: Database, holder: subprocess.Popen[str]) -> None:
    with pytest.raises(AppLockHeld) as exc:
        applock.acquire(db.path, "HueDesk window")
    assert exc.value.holder.pid == holder.pid
    assert f"process {holder.pid}" in exc.value.en and applock.this_host() in exc.value.en
    assert "HueDesk window" in exc.value.en and "close it there first" in exc.value.en


def test_lock_is_released_and_reentrant(db: Database) -> None:
    with applock.held(db.path, "HueDesk window") as outer:
        inner = applock.acquire(db.path, "restore")  # this process already holds it
        inner.release()
        assert applock.read_lock(db.path) == outer.info
    assert applock.read_lock(db.path) is None
    assert not applock.lock_path(db.path).exists()


def test_stale_lock_of_a_dead_process_is_cleared(db: Database) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    _write_lock(db.path, pid=dead.pid)
    with applock.held(db.path, "HueDesk window") as lock:
        assert lock.cleared_stale is not None and lock.cleared_stale.pid == dead.pid
        assert applock.read_lock(db.path) == lock.info


def test_stale_lock_whose_pid_was_reused_is_cleared(db: Database) -> None:
    if applock.start_ticks(1) is None:
        pytest.skip("process start times are read from /proc (Linux)")
    _write_lock(db.path, pid=1, boot_ticks=123456789)  # pid 1 runs, but started at another time
    with applock.held(db.path, "HueDesk window") as lock:
        assert lock.cleared_stale is not None


def test_a_lock_written_by_a_newer_hued_is_still_understood(db: Database) -> None:
    _write_lock(db.path, pid=1, colour="blue")  # an extra field; pid 1 is alive
    info = applock.read_lock(db.path)
    assert info is not None and info.pid == 1


def test_an_empty_lock_file_left_by_a_crash_is_cleared(db: Database) -> None:
    lock_file = applock.lock_path(db.path)
    lock_file.write_text("")
    old = time.time() - 60
    os.utime(lock_file, (old, old))
    with applock.held(db.path, "HueDesk window"):
        pass


def test_a_lock_file_left_empty_just_now_is_waited_out_not_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process killed between creating the lock file and writing it leaves it empty;
    starting again at once waits for the grace period instead of saying "try again"."""
    monkeypatch.setattr(applock, "_EMPTY_GRACE_S", 1.5)  # more than the 20 quick attempts
    applock.lock_path(db.path).write_text("")
    with applock.held(db.path, "HueDesk window") as lock:
        assert applock.read_lock(db.path) == lock.info


def test_lock_from_another_computer_refuses_opening(db: Database) -> None:
    db.dispose()
    _write_lock(db.path, host="may-tinh-phong-lanh-su", pid=4242)
    with pytest.raises(AppLockHeld) as exc:
        open_store(db.path)
    assert "may-tinh-phong-lanh-su" in exc.value.en
    assert str(applock.lock_path(db.path)) in exc.value.en  # says which file to delete
    with pytest.raises(AppLockHeld):
        applock.acquire(db.path, "HueDesk window")


def test_command_line_reads_and_writes_while_a_window_holds_it_here(
    db: Database, holder: subprocess.Popen[str]
) -> None:
    db.dispose()
    added = run_cli("--db", str(db.path), "add", "person", "full_name=Hồ Thị Hoa")
    assert added.returncode == 0, added.stderr


def test_restore_refuses_while_another_hued_has_it_open(
    db: Database, holder: subprocess.Popen[str]
) -> None:
    taken = backup.backup_now(db.path)
    db.dispose()
    done = run_cli("--db", str(db.path), "restore", str(taken), "--yes", "--lang", "en")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"process {holder.pid}" in done.stderr and "close it there first" in done.stderr


RACE = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from huedesk.safety import applock
from huedesk.safety.applock import AppLockHeld
start = float(sys.argv[1])
time.sleep(max(0.0, start - time.time()))
try:
    lock = applock.acquire(Path({db!r}), "race")
except AppLockHeld:
    print("refused")
else:
    print("won", flush=True)
    time.sleep(1.5)
    lock.release()
"""


@pytest.mark.parametrize("stale", [False, True], ids=["free", "after-a-crash"])
def test_only_one_of_many_starting_together_wins(db: Database, stale: bool) -> None:
    if stale:
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()
        _write_lock(db.path, pid=dead.pid)
    start = time.time() + 1.0
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACE.format(root=str(ROOT), db=str(db.path)), str(start)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    results = [p.communicate(timeout=30)[0].strip() for p in procs]
    assert sorted(results) == ["refused"] * 5 + ["won"]

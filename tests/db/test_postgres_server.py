"""The tests' throw-away PostgreSQL server does not outlive a test run that is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests import postgres_server

ROOT = Path(__file__).resolve().parents[2]
STARTER = """
import sys, time
from tests.postgres_server import running_server
with running_server() as url:
    print(url, flush=True)
    time.sleep(600)
"""


def _cluster_of(port: int) -> Path:
    """The throw-away cluster's folder listening on ``port`` (its postmaster.pid names it)."""
    for pid_file in Path(tempfile.gettempdir()).glob("huedesk-pg-*/data/postmaster.pid"):
        lines = pid_file.read_text().splitlines()
        if len(lines) > 3 and lines[3] == str(port):
            return pid_file.parent.parent
    raise AssertionError(f"no cluster on port {port}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.skipif(postgres_server.bin_dir() is None, reason="PostgreSQL is not installed")
def test_a_killed_run_leaves_no_cluster_behind() -> None:
    starter = subprocess.Popen(
        [sys.executable, "-c", STARTER], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert starter.stdout is not None
        url = starter.stdout.readline().strip()
        assert url.startswith("postgresql+psycopg://"), url
        folder = _cluster_of(int(url.rsplit(":", 1)[1]))
        postmaster = int((folder / "data" / "postmaster.pid").read_text().split()[0])
        assert _alive(postmaster)
    finally:
        starter.send_signal(signal.SIGKILL)  # no finally block of its own runs
        starter.wait()
    for _ in range(600):  # a hang guard, not a timing: the watchdog stops it at once
        if not folder.exists() and not _alive(postmaster):
            break
        time.sleep(0.1)
    assert not folder.exists()
    assert not _alive(postmaster)

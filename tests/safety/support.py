"""Helpers shared by the safety tests: running the real command line, reading names back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from huedesk.records import RecordService

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``python -m huedesk ARGS`` in a fresh process, as a user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "huedesk", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def names(svc: RecordService) -> list[str]:
    """The people in the database, sorted."""
    return sorted(r["full_name"] for r in svc.list("person").rows)

"""Helpers shared by the safety tests: running the real command line, reading names back."""

from __future__ import annotations

import contextlib
import io
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from huedesk.cli.main import main
from huedesk.records import RecordService

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Ran:
    """What one run of the command printed, and its exit status."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str) -> Ran:
    """``huedesk ARGS`` through the real entry point (parser, handler, error printing).

    In-process, to keep the tests fast; anything but a ``HueDeskError`` would
    escape as an exception and fail the test, just as it would print a traceback.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
    return Ran(code, out.getvalue(), err.getvalue())


def names(svc: RecordService) -> list[str]:
    """The people in the database, sorted."""
    return sorted(r["full_name"] for r in svc.list("person").rows)


@contextlib.contextmanager
def other_process(code: str, *args: str, ready: str) -> Iterator[subprocess.Popen[str]]:
    """Run ``code`` in another Python until the block ends; it prints ``ready`` when set up
    and finishes when it reads a line from stdin."""
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == ready
        yield proc
    finally:
        assert proc.stdin is not None
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.wait(10)


def run_sql(path: Path, *statements: str) -> Path:
    """Run statements on an SQLite file (creating it), committed; returns the path."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    return path


def column_in(path: Path, sql: str) -> list:
    """The first column of a query on an SQLite file, sorted (read without HueDesk)."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return sorted(r[0] for r in conn.execute(sql))


def names_in(path: Path) -> list[str]:
    """The people in a database or backup file, sorted."""
    return column_in(path, "SELECT full_name FROM person")

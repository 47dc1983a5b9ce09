"""Helpers shared by the safety tests: running the real command line, reading names back."""

from __future__ import annotations

import contextlib
import io
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

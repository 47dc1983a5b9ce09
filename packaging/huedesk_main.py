"""Entry point of the desktop build (PyInstaller): the ``huedesk`` command.

It also understands ``-m huedesk.MODULE ARGS…``: HueDesk starts its own worker
processes as ``[sys.executable, "-m", "huedesk.archive.table_worker"]``, and in the
built program ``sys.executable`` is HueDesk itself, not a Python interpreter. Only
HueDesk's own modules can be run this way.

The Windows window program (``HueDesk.exe``) has no console, so Python gives it no
standard output: anything printed (a message at exit) would raise. It writes to
the null device instead.
"""

from __future__ import annotations

import os
import runpy
import sys


def main() -> None:
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115  (for the whole run)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if len(sys.argv) >= 3 and sys.argv[1] == "-m" and sys.argv[2].startswith("huedesk."):
        module = sys.argv[2]
        sys.argv = [sys.argv[0], *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return
    from huedesk.cli.main import run

    run()


if __name__ == "__main__":
    main()

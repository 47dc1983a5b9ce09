"""The worker process that makes an export's tables: ``python -m huedesk.archive.table_worker``.

It reads one job per line on standard input (JSON: the operation and its
arguments, file paths as text) and answers each, in order, with one line on
standard output: ``{"ok": true}`` or ``{"error": "..."}``. Jobs only read files
the exporting process has finished and write new ones; the worker never opens
the database. A plain child process with a line protocol, rather than
``multiprocessing``, needs nothing from the program that starts it (no
``__main__`` guard, no pickling).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from huedesk.archive.tables import save_workbook, tables_from_jsonl


def run_job(job: dict[str, Any]) -> None:
    op, args = job["op"], job["args"]
    if op == "tables":
        jsonl, csv_file, sheet, kind, lang, names, report = args
        tables_from_jsonl(
            Path(jsonl),
            Path(csv_file),
            Path(sheet),
            kind,
            lang,
            Path(names) if names else None,
            Path(report),
        )
    elif op == "workbook":
        path, sheets = args
        save_workbook(Path(path), [(title, Path(part)) for title, part in sheets])
    else:
        raise ValueError(f"unknown job {op!r}")


def main() -> None:
    # Paths may hold Vietnamese (a user folder named Nguyễn): the pipes are UTF-8 on every
    # system, whatever the console's code page.
    sys.stdin.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    for line in sys.stdin:
        try:
            run_job(json.loads(line))
            answer: dict[str, Any] = {"ok": True}
        except Exception as exc:  # reported to the exporting process, which raises it
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

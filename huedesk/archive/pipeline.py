"""Keeping both cores busy while a large bundle is written.

An export has three streams of work: reading records from the database and
writing their JSON Lines (the main thread, in the one read transaction that
makes the bundle consistent), turning each finished JSON Lines file into its
CSV table and worksheet (``TableMaker``: pure Python, so in a worker process
when the export is large, ``huedesk.archive.table_worker``), and deflating and hashing files into the ZIP
(``Packer``: a thread, since zlib and hashlib release the GIL on large blocks).
The worker only ever reads files the main thread has finished, never the
database, so the bundle stays one consistent snapshot.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import json
import subprocess
import sys
import threading
import zipfile
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from huedesk.archive.layout import iter_chunks
from huedesk.archive.tables import save_workbook, tables_from_jsonl
from huedesk.errors import HueDeskError

# Files that are compressed already: deflating them again costs time for nothing.
ALREADY_COMPRESSED = frozenset({".xlsx", ".pdf", ".zip", ".jpg", ".jpeg", ".png", ".docx", ".gz"})

# From this many records an export makes its tables in a worker process; below, starting
# one (about half a second) costs more than it saves.
PARALLEL_FROM = 20_000


def _done() -> Future[None]:
    future: Future[None] = Future()
    future.set_result(None)
    return future


class TableMakerFailed(HueDeskError):
    """The worker making the tables failed or stopped; the export is abandoned."""


class TableMaker:
    """Makes each kind's CSV and worksheet from its JSON Lines, in a worker process or inline.

    The worker is ``huedesk.archive.table_worker``; its answers come back in job
    order, each settling the next pending future.
    """

    def __init__(self, parallel: bool) -> None:
        self._proc: subprocess.Popen[str] | None = None
        self._pending: collections.deque[Future[None]] = collections.deque()
        self._lock = threading.Lock()
        if parallel:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "huedesk.archive.table_worker"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
            threading.Thread(target=self._answers, name="huedesk-tables", daemon=True).start()

    def tables(
        self,
        jsonl: Path,
        csv_file: Path,
        sheet: Path,
        kind: str,
        lang: str,
        names: Path | None,
        report: Path,
    ) -> Future[None]:
        """Make ``kind``'s CSV and worksheet from ``jsonl`` (see ``tables.tables_from_jsonl``)."""
        if self._proc is None:
            tables_from_jsonl(jsonl, csv_file, sheet, kind, lang, names, report)
            return _done()
        args = [
            str(jsonl),
            str(csv_file),
            str(sheet),
            kind,
            lang,
            names and str(names),
            str(report),
        ]
        return self._submit("tables", args)

    def workbook(self, path: Path, sheets: list[tuple[str, Path]]) -> Future[None]:
        if self._proc is None:
            save_workbook(path, sheets)
            return _done()
        return self._submit("workbook", [str(path), [[t, str(p)] for t, p in sheets]])

    def _submit(self, op: str, args: list[Any]) -> Future[None]:
        assert self._proc is not None and self._proc.stdin is not None
        future: Future[None] = Future()
        with self._lock:
            self._pending.append(future)
        try:
            self._proc.stdin.write(json.dumps({"op": op, "args": args}, ensure_ascii=False) + "\n")
            self._proc.stdin.flush()
        except OSError as exc:
            raise TableMakerFailed(
                f"Tiến trình lập bảng đã dừng ({exc}).", f"The table worker stopped ({exc})."
            ) from exc
        return future

    def _answers(self) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        for line in self._proc.stdout:
            with self._lock:
                future = self._pending.popleft()
            try:
                answer = json.loads(line)
            except ValueError:
                answer = None
            if not isinstance(answer, dict):  # not an answer: something else wrote to the pipe
                answer = {"error": f"unexpected output {line.strip()[:200]!r}"}
            if "error" in answer:
                future.set_exception(
                    TableMakerFailed(
                        f"Lập bảng CSV/Excel thất bại: {answer['error']}",
                        f"Making the CSV/Excel tables failed: {answer['error']}",
                    )
                )
            else:
                future.set_result(None)
        with self._lock:  # the worker ended: nothing more will be answered
            while self._pending:
                self._pending.popleft().set_exception(
                    TableMakerFailed("Tiến trình lập bảng đã dừng.", "The table worker stopped.")
                )

    def stop(self) -> None:
        """End the worker now, job in hand or not (the export failed or was cancelled)."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()

    def close(self) -> None:
        """End the worker (it finishes the job in hand first)."""
        if self._proc is None:
            return
        with contextlib.suppress(OSError):
            assert self._proc.stdin is not None
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()


class Packer:
    """Copies files into the ZIP in a background thread.

    A file may wait on a ``Future`` (a table still being made); files that are
    ready are packed first, so a slow table never holds up the next kind's
    records. ``finish`` returns path, size and SHA-256 of each file for the
    manifest, in the order the files were given, and raises any error the thread met.
    """

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self._jobs: list[tuple[int, str, Path, Future[None] | None]] = []
        self._entries: dict[int, dict[str, Any]] = {}
        self._added = 0
        self._closed = False
        self._error: BaseException | None = None
        self._stop = threading.Event()
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="huedesk-pack", daemon=True)
        self._thread.start()

    def add(self, arcname: str, src: Path, ready: Future[None] | None = None) -> None:
        with self._wake:
            self._jobs.append((self._added, arcname, src, ready))
            self._added += 1
            self._wake.notify()
        if ready is not None:
            ready.add_done_callback(self._notify)

    def _notify(self, _future: Future[None]) -> None:
        with self._wake:
            self._wake.notify()

    def _next(self) -> tuple[int, str, Path, Future[None] | None] | None:
        """The first job whose file is ready (None when all are done and no more will come)."""
        with self._wake:
            while True:
                if self._stop.is_set():
                    return None
                for i, job in enumerate(self._jobs):
                    if job[3] is None or job[3].done():
                        return self._jobs.pop(i)
                if self._closed and not self._jobs:
                    return None
                self._wake.wait()

    def _run(self) -> None:
        try:
            while (job := self._next()) is not None:
                index, arcname, src, ready = job
                if ready is not None:
                    ready.result()  # raises the worker's error
                self._entries[index] = self._copy(arcname, src)
        except BaseException as exc:  # handed to the main thread by finish()
            self._error = exc

    def _copy(self, arcname: str, src: Path) -> dict[str, Any]:
        h = hashlib.sha256()
        size = 0
        stored = Path(arcname).suffix.lower() in ALREADY_COMPRESSED
        self.zf.compression = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        with src.open("rb") as fh, self.zf.open(arcname, "w", force_zip64=True) as dst:
            for block in iter_chunks(fh):
                if self._stop.is_set():
                    raise InterruptedError("export stopped")
                h.update(block)
                size += len(block)
                dst.write(block)
        return {"path": arcname, "size": size, "sha256": h.hexdigest()}

    def _close(self) -> None:
        with self._wake:
            self._closed = True
            self._wake.notify()
        self._thread.join()

    def finish(self) -> list[dict[str, Any]]:
        """Wait until every file is packed; the manifest entries, in the order given."""
        self._close()
        if self._error is not None:
            raise self._error
        return [self._entries[i] for i in sorted(self._entries)]

    def abandon(self) -> None:
        """Stop packing (the export failed or was cancelled); the ZIP is thrown away."""
        self._stop.set()
        self._close()

"""Verifying a large bundle in a second process while the import merges it.

``huedesk import`` must never keep records from a bundle that fails
verification. For a large bundle, waiting for verification before merging
would leave one core idle for seconds; instead the check runs here, in a child
process (``python -m huedesk.archive.verify_worker BUNDLE``), while the import
merges in its still uncommitted transaction, and the import commits only when
the report comes back clean. The child prints the report as one JSON object.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from huedesk.archive.verify import Problem, VerifyReport, verify_bundle


def report_to_json(report: VerifyReport) -> dict[str, Any]:
    return {
        "counts": report.counts,
        "problems": [[p.file, p.record, p.vi, p.en] for p in report.problems],
        "schema_revision": report.schema_revision,
    }


def report_from_json(path: Path, data: dict[str, Any], manifest: dict[str, Any]) -> VerifyReport:
    report = VerifyReport(path, manifest=manifest, counts=dict(data["counts"]))
    report.problems = [Problem(*p) for p in data["problems"]]
    return report


class BackgroundVerify:
    """``verify_bundle(path)`` running in a child process; ``result()`` waits for it."""

    def __init__(self, path: Path, manifest: dict[str, Any]) -> None:
        self.path = Path(path)
        self._manifest = manifest
        self._future: Future[VerifyReport] = Future()
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "huedesk.archive.verify_worker", str(self.path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        threading.Thread(target=self._collect, name="huedesk-verify", daemon=True).start()

    def _collect(self) -> None:
        out, err = self._proc.communicate()
        try:
            if self._proc.returncode != 0:
                raise RuntimeError(err.strip().splitlines()[-1] if err.strip() else "no output")
            report = report_from_json(self.path, json.loads(out), self._manifest)
        except (RuntimeError, ValueError, KeyError, TypeError) as exc:
            report = VerifyReport(self.path, manifest=self._manifest)
            report.add(
                str(self.path),
                None,
                f"không kiểm tra được gói ({exc})",
                f"the bundle could not be verified ({exc})",
            )
        self._future.set_result(report)

    def result(self) -> VerifyReport:
        return self._future.result()

    def stop(self) -> None:
        """Stop the check (the import ended without needing it)."""
        if self._proc.poll() is None:
            self._proc.kill()


def main() -> None:
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]  # as the parent reads it
    report = verify_bundle(Path(sys.argv[1]))
    sys.stdout.write(json.dumps(report_to_json(report), ensure_ascii=False))


if __name__ == "__main__":
    main()

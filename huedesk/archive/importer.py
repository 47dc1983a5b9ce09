"""Importing a bundle: verify it, then merge its records in one transaction, all or nothing.

The bundle is verified completely first; one that fails is refused before the
database is touched (a large bundle is verified in a second process during the
merge, and the transaction commits only once that check has passed). The merge
runs inside one write transaction: any
record that fails validation rolls everything back (and removes any attached
file already copied), so a bundle is never half-imported. ``dry_run`` performs
the same merge and rolls it back, so its report is exactly what a real import
would do.
"""

from __future__ import annotations

import hashlib
import os
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from huedesk.archive import limits
from huedesk.archive.layout import (
    attachment_path,
    iter_lines,
    kind_order,
    records_path,
)
from huedesk.archive.merge import Conflict, KindOutcome, Merger, RejectedRecord, Renumbered
from huedesk.archive.pipeline import PARALLEL_FROM
from huedesk.archive.rights import require_archive_rights
from huedesk.archive.upgrade import upgraded_records
from huedesk.archive.verify import VerifyReport, claimed_manifest, verify_bundle
from huedesk.archive.verify_worker import BackgroundVerify
from huedesk.db.bulk import write_behind
from huedesk.db.engine import Database
from huedesk.db.migrate import head_revision
from huedesk.errors import HueDeskError
from huedesk.paths import attachments_dir
from huedesk.records.kinds import KINDS
from huedesk.records.rules import problem
from huedesk.records.stored_files import MAX_BYTES, stored_path
from huedesk.safety.files import file_errors
from huedesk.safety.scratch import scratch

Progress = Callable[[int, int, str], None]


class BundleRejected(HueDeskError):
    """The bundle failed verification; ``report`` lists every problem."""

    def __init__(self, report: VerifyReport) -> None:
        n = len(report.problems)
        super().__init__(
            f"Gói {report.path} không hợp lệ ({n} lỗi); không nhập gì.",
            f"The bundle {report.path} is not valid ({n} problems); nothing was imported.",
        )
        self.report = report


@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    path: Path
    dry_run: bool
    schema_revision: str
    outcomes: dict[str, KindOutcome] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    renumbered: list[Renumbered] = field(default_factory=list)
    files_written: int = 0
    seconds: float = 0.0

    def total(self, what: str) -> int:
        return sum(getattr(o, what) for o in self.outcomes.values())


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def import_bundle(
    db: Database,
    path: Path,
    *,
    actor: str,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Verify the bundle at ``path`` and merge it into ``db`` (see ``huedesk.archive.merge``).

    A small bundle is verified before the database is touched. A large one (from
    ``PARALLEL_FROM`` records) is verified in a second process while the merge runs
    in its transaction, which is committed only if verification passes: either way
    nothing from a bundle that fails is ever kept.
    """
    require_archive_rights(db, actor, writing=True)
    started = time.perf_counter()
    claimed = _claimed(Path(path))
    checking = None
    if claimed is not None and sum(claimed.counts.values()) >= PARALLEL_FROM:
        checking = BackgroundVerify(Path(path), claimed.manifest)
        verified = claimed
    else:
        verified = verify_bundle(path)
        if not verified.ok:
            raise BundleRejected(verified)
    rev = verified.schema_revision or head_revision()
    report = ImportReport(Path(path), dry_run, rev)
    total = sum(verified.counts.values())
    placer: _AttachmentPlacer | None = None
    try:
        with (
            file_errors(attachments_dir(db.path)),  # a full or read-only disk, in one line
            scratch(db.path, "import") as work,
            zipfile.ZipFile(path) as zf,
            _records(zf, verified, work.path) as source,
            db.write() as session,
        ):
            with write_behind(session) as behind:
                merger = Merger(session, actor, behind)
                if not dry_run:
                    placer = _AttachmentPlacer(zf, db.path, work.path)
                    merger.place_attachment = placer
                done = 0
                for kind, count, records in source:
                    report.outcomes[kind] = merger.merge_kind(kind, records)
                    done += count
                    if progress is not None:
                        progress(done, total, kind)
                merger.finish()
            if checking is not None:
                _require_ok(checking.result())
            report.conflicts = merger.conflicts
            report.renumbered = merger.renumbered
            if dry_run:
                raise _DryRun
            if placer is not None:  # verified: the unpacked files may now leave the scratch
                placer.install()
    except _DryRun:
        pass
    except BaseException as exc:
        if placer is not None:
            placer.undo()
        if checking is not None and not isinstance(exc, BundleRejected | KeyboardInterrupt):
            # The merge stumbled over the bundle: the verifier's report says why, file by file.
            _require_ok(checking.result())
        raise
    finally:
        if checking is not None:
            checking.stop()
    report.files_written = len(placer.installed) if placer is not None else 0
    report.seconds = time.perf_counter() - started
    return report


def _claimed(path: Path) -> VerifyReport | None:
    """The bundle as its manifest describes it (unchecked), or None if that cannot be read."""
    manifest = claimed_manifest(path)
    if manifest is None:
        return None  # verify_bundle describes what is wrong
    counts = {str(k): int(v) for k, v in manifest["counts"].items()}
    return VerifyReport(path, manifest=manifest, counts=counts)


def _require_ok(verified: VerifyReport) -> None:
    if not verified.ok:
        raise BundleRejected(verified)


Source = Iterator[tuple[str, int, Iterator[dict[str, Any]]]]


@contextmanager
def _records(zf: zipfile.ZipFile, verified: VerifyReport, work: Path) -> Iterator[Source]:
    """The bundle's records kind by kind, in the current schema's shape."""
    if verified.schema_revision == head_revision():
        yield _head_records(zf, verified)
    else:
        with upgraded_records(zf, verified.manifest, work) as source:
            yield source


def _head_records(zf: zipfile.ZipFile, verified: VerifyReport) -> Source:
    for kind in kind_order():
        if kind in verified.counts:
            yield kind, verified.counts[kind], _lines(zf, records_path(kind))


def _lines(zf: zipfile.ZipFile, name: str) -> Iterator[dict[str, Any]]:
    with zf.open(name) as fh:
        for raw in iter_lines(fh):
            yield limits.loads(raw)


class _AttachmentPlacer:
    """Unpacks each new attachment's file from the bundle, checked, into the import's scratch.

    A file is taken out only for a validated attachment row; it must be no larger
    than any attached file may be, and have the size and SHA-256 its row says. It
    waits in the import's private scratch folder (``huedesk.safety.scratch``) until
    the bundle has passed verification; ``install`` then moves it to its content
    address in the attachments folder (``huedesk.records.stored_files``), the only
    place it can go. ``undo`` removes what ``install`` added if the import still fails.
    """

    def __init__(self, zf: zipfile.ZipFile, db_path: Path, staging: Path) -> None:
        self.zf = zf
        self.folder = attachments_dir(db_path)
        self.staging = staging
        self.staged: dict[str, Path] = {}  # stored name -> unpacked file
        self.installed: list[Path] = []

    def __call__(self, row: dict[str, Any]) -> None:
        info = self.zf.NameToInfo.get(attachment_path(row["uuid"], row["filename"]))
        name = row["stored_name"]
        if info is None or name in self.staged or stored_path(self.folder, name).exists():
            return  # missing at export (the row says so), or the content is here already
        if info.file_size > MAX_BYTES or row["size"] > MAX_BYTES:
            raise _rejected(
                row, "size", f"lớn hơn {MAX_BYTES >> 20} MB", f"is larger than {MAX_BYTES >> 20} MB"
            )
        staged = self.staging / row["sha256"]
        digest = hashlib.sha256()
        size = 0
        with self.zf.open(info) as src, staged.open("wb") as out:
            while block := src.read(1 << 20):
                size += len(block)
                if size > MAX_BYTES:
                    raise _rejected(
                        row,
                        "size",
                        f"lớn hơn {MAX_BYTES >> 20} MB",
                        f"is larger than {MAX_BYTES >> 20} MB",
                    )
                digest.update(block)
                out.write(block)
        if size != row["size"] or digest.hexdigest() != row["sha256"]:
            raise _rejected(
                row,
                "sha256",
                "tệp trong gói khác với kích thước và SHA-256 ghi trong hồ sơ",
                "the file in the bundle differs from the size and SHA-256 of its record",
            )
        self.staged[name] = staged

    def install(self) -> None:
        """Move the unpacked files to their content addresses (the bundle is verified)."""
        for name, staged in self.staged.items():
            final = stored_path(self.folder, name)
            if final.exists():
                continue
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, final)
            self.installed.append(final)

    def undo(self) -> None:
        for final in self.installed:
            final.unlink(missing_ok=True)
        self.installed.clear()


def _rejected(row: dict[str, Any], field_name: str, vi: str, en: str) -> RejectedRecord:
    spec = KINDS["attachment"].fields[field_name]
    return RejectedRecord("attachment", str(row["uuid"]), [problem(spec, vi, en)])

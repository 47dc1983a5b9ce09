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

import json
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from huedesk.archive.layout import (
    MANIFEST,
    attachment_path,
    iter_lines,
    kind_order,
    records_path,
    sha256_file,
)
from huedesk.archive.merge import Conflict, KindOutcome, Merger, Renumbered
from huedesk.archive.pipeline import PARALLEL_FROM
from huedesk.archive.rights import require_archive_rights
from huedesk.archive.upgrade import upgraded_records
from huedesk.archive.verify import VerifyReport, verify_bundle
from huedesk.archive.verify_worker import BackgroundVerify
from huedesk.db.bulk import write_behind
from huedesk.db.engine import Database
from huedesk.db.migrate import head_revision
from huedesk.errors import HueDeskError
from huedesk.paths import attachments_dir

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
    written: list[Path] = []
    try:
        with zipfile.ZipFile(path) as zf, _records(zf, verified) as source, db.write() as session:
            with write_behind(session) as behind:
                merger = Merger(session, actor, behind)
                if not dry_run:
                    merger.place_attachment = _AttachmentPlacer(zf, db.path, written)
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
    except _DryRun:
        pass
    except BaseException as exc:
        for f in written:
            f.unlink(missing_ok=True)
        if checking is not None and not isinstance(exc, BundleRejected | KeyboardInterrupt):
            # The merge stumbled over the bundle: the verifier's report says why, file by file.
            _require_ok(checking.result())
        raise
    finally:
        if checking is not None:
            checking.stop()
    report.files_written = len(written)
    report.seconds = time.perf_counter() - started
    return report


def _claimed(path: Path) -> VerifyReport | None:
    """The bundle as its manifest describes it (unchecked), or None if that cannot be read."""
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read(MANIFEST))
        counts = {str(k): int(v) for k, v in manifest["counts"].items()}
        if not isinstance(manifest.get("schema_revision"), str):
            return None
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError):
        return None  # verify_bundle describes what is wrong
    return VerifyReport(path, manifest=manifest, counts=counts)


def _require_ok(verified: VerifyReport) -> None:
    if not verified.ok:
        raise BundleRejected(verified)


Source = Iterator[tuple[str, int, Iterator[dict[str, Any]]]]


@contextmanager
def _records(zf: zipfile.ZipFile, verified: VerifyReport) -> Iterator[Source]:
    """The bundle's records kind by kind, in the current schema's shape."""
    if verified.schema_revision == head_revision():
        yield _head_records(zf, verified)
    else:
        with upgraded_records(zf, verified.manifest) as source:
            yield source


def _head_records(zf: zipfile.ZipFile, verified: VerifyReport) -> Source:
    for kind in kind_order():
        if kind in verified.counts:
            yield kind, verified.counts[kind], _lines(zf, records_path(kind))


def _lines(zf: zipfile.ZipFile, name: str) -> Iterator[dict[str, Any]]:
    with zf.open(name) as fh:
        for raw in iter_lines(fh):
            yield json.loads(raw)


class _AttachmentPlacer:
    """Copies each new attachment's file out of the bundle into the attachments folder."""

    def __init__(self, zf: zipfile.ZipFile, db_path: Path, written: list[Path]) -> None:
        self.zf = zf
        self.folder = attachments_dir(db_path)
        self.written = written

    def __call__(self, row: dict[str, Any]) -> None:
        row["stored_name"] = self._place(row)

    def _place(self, row: dict[str, Any]) -> str:
        name = attachment_path(row["uuid"], row["filename"])
        if name not in self.zf.NameToInfo:
            return str(row["stored_name"])  # the file was missing at export; record kept as is
        stored = str(row["stored_name"])
        dest = self._inside(stored, row)
        if dest.exists() and _sha256(dest) == row["sha256"]:
            return stored
        if dest.exists():
            stored = f"imported/{row['uuid']}/{Path(name).name}"
            dest = self.folder / stored
        dest.parent.mkdir(parents=True, exist_ok=True)
        with self.zf.open(name) as src, dest.open("wb") as out:
            while block := src.read(1 << 20):
                out.write(block)
        self.written.append(dest)
        return stored

    def _inside(self, stored: str, row: dict[str, Any]) -> Path:
        """The destination of ``stored``, refused if it would leave the attachments folder."""
        root = self.folder.resolve()
        dest = (root / stored).resolve()
        if Path(stored).is_absolute() or not dest.is_relative_to(root):
            raise HueDeskError(
                f"Tệp đính kèm {row['uuid']} có đường dẫn lưu '{stored}' ra ngoài thư mục tệp đính kèm.",
                f"Attachment {row['uuid']} has a stored path '{stored}' outside the attachments folder.",
            )
        return dest


def _sha256(path: Path) -> str:
    with path.open("rb") as fh:
        return sha256_file(fh)[0]

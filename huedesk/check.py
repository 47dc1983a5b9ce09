"""``huedesk check``: is this database sound, and is it HueDesk's own?

Checks, each reported with what was found: the database's own integrity check
(the backend's: SQLite reads every page), foreign keys, the schema revision, the audit chain, the search index, reference counters ahead of
every reference number in use, follow-up tasks whose source record is gone, and
attachment rows without their file, files in the attachments folder without a row,
and (unless skipped) files whose content no longer matches its hash.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huedesk import audit
from huedesk.audit.guards import audit_guard_problems
from huedesk.backup import list_backups
from huedesk.db.backend import files_of
from huedesk.db.engine import Database
from huedesk.db.migrate import current_revision, head_revision
from huedesk.db.models import Attachment, FollowUpTask, RefCounter
from huedesk.errors import HueDeskError
from huedesk.paths import attachments_dir, files_in_database
from huedesk.records import server_files
from huedesk.records.kinds import KINDS
from huedesk.records.refs import REF_PATTERN
from huedesk.records.stored_files import OutsideAttachments, file_sha256, stored_path
from huedesk.search.indexer import index_problems


@dataclass
class CheckReport:
    """Findings of one integrity check: problems (bilingual), row counts per kind, and
    notes on what could not be checked (they are not problems)."""

    problems: list[tuple[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, vi: str, en: str) -> None:
        self.problems.append((vi, en))


def run_check(
    db: Database, *, verify_attachments: bool = True, against: Sequence[Path] = ()
) -> CheckReport:
    """Run every check on ``db``; never writes.

    The audit log is compared with the head kept beside the database, with each
    backup's newest entry, and with the heads in ``against`` (bundles exported
    from this database, and backup files kept elsewhere).
    """
    report = CheckReport()
    with db.read() as s:
        for problem in db.backend.integrity_problems(s):
            report.add(
                f"Cơ sở dữ liệu báo lỗi toàn vẹn: {problem}",
                f"Database integrity problem: {problem}",
            )
        for child, rowid, parent in db.backend.foreign_key_problems(s):
            report.add(
                f"Bảng {child}, dòng {rowid}: dẫn chiếu tới {parent} không tồn tại",
                f"Table {child}, row {rowid}: refers to a missing {parent} row",
            )
        rev, head = current_revision(db.engine), head_revision()
        if rev != head:
            report.add(
                f"Lược đồ ở phiên bản {rev}, cần {head}", f"Schema is at {rev}, expected {head}"
            )
        for brk in audit.verify_chain(s):
            report.add(
                f"Nhật ký thay đổi, mục {brk.entry_id}: {brk.reason_vi}",
                f"Audit log entry {brk.entry_id}: {brk.reason_en}",
            )
        if db.backend.files is not None:  # the side file is kept beside database files only
            report.problems.extend(audit.head_problems(s, db.path))  # cut, recomputed, accounts
        _check_witnesses(s, db, report, against)
        for name, spec in KINDS.items():
            table = spec.table
            report.counts[name] = int(s.scalar(select(func.count()).select_from(table)) or 0)
        if db.read_only is None:
            report.problems.extend(index_problems(s))
        else:  # SQLite's check of the index is a statement that writes
            report.notes.append(
                (
                    f"Chưa kiểm tra chỉ mục tìm kiếm: {db.read_only.vi}.",
                    f"The search index was not checked: {db.read_only.en}.",
                )
            )
        report.problems.extend(audit_guard_problems(s))
        _check_refs(s, report)
        _check_task_sources(s, report)
        _check_attachments(s, db.path, report, rehash=verify_attachments)
    return report


def _check_witnesses(
    s: Session, db: Database, report: CheckReport, against: Sequence[Path]
) -> None:
    """The log against the heads other copies recorded: each backup's newest entry and
    count, and the ``audit_head`` of bundles. A copy made before a restore replaced the
    log with a backup's own history belongs to the history replaced: noted, not a problem."""
    replaced = audit.history_replaced_at(s)
    now = audit.current_head(s)
    witnesses: list[tuple[Path, dt.datetime | None, int, int | None, str | None, str]] = []
    if db.backend.files is not None:
        for b in list_backups(db.path):
            _backup_head(b.path, b.created, witnesses, report)
    for path in against:
        path = Path(path)
        if zipfile.is_zipfile(path):
            _bundle_head(path, witnesses, report)
        elif path.is_file() and files_of(path).is_database_file(path):
            _backup_head(path, None, witnesses, report)
        else:
            report.add(
                f"{path}: không phải gói lưu trữ hay bản sao lưu HueDesk",
                f"{path}: not a HueDesk bundle or backup",
            )
    for path, taken, entries, last_id, last_hash, what in witnesses:
        vi_what, en_what = ("gói", "bundle") if what == "bundle" else ("bản sao lưu", "backup")
        where = (f"trong {vi_what} {path.name}", f"in the {en_what} {path.name}")
        found = audit.witness_problems(s, entries, last_id, last_hash, where, now)
        if found and replaced is not None and taken is not None and taken <= replaced:
            report.notes.append(
                (
                    f"{vi_what.capitalize()} {path.name} thuộc nhật ký đã được thay khi khôi phục "
                    f"lúc {replaced:%d/%m/%Y %H:%M} UTC; không đối chiếu.",
                    f"The {en_what} {path.name} belongs to the log a restore replaced at "
                    f"{replaced:%d/%m/%Y %H:%M} UTC; not compared.",
                )
            )
            continue
        report.problems.extend(found)


def _backup_head(
    path: Path, taken: dt.datetime | None, out: list[Any], report: CheckReport
) -> None:
    try:
        summary = files_of(path).summarise(path, [])
    except HueDeskError as exc:
        report.notes.append(
            (
                f"Không đọc được bản sao lưu {path.name}: {exc.vi}",
                f"Cannot read {path.name}: {exc.en}",
            )
        )
        return
    if summary.audit_last is not None:
        last_id, last_hash = summary.audit_last
        out.append((path, taken, summary.audit_entries, last_id, last_hash, "backup"))


def _bundle_head(path: Path, out: list[Any], report: CheckReport) -> None:
    # imported here: every command that signs in loads this module, few read bundles
    from huedesk.archive.verify import claimed_manifest

    manifest = claimed_manifest(path)
    if manifest is None:
        report.add(
            f"Không đọc được manifest của gói {path} (huedesk verify cho biết lý do)",
            f"Cannot read the manifest of the bundle {path} (huedesk verify says why)",
        )
        return
    head = manifest.get("audit_head")
    if head is None:
        report.notes.append(
            (
                f"Gói {path.name} không ghi đầu nhật ký (HueDesk cũ hơn); không đối chiếu.",
                f"The bundle {path.name} records no audit head (an older HueDesk); not compared.",
            )
        )
        return
    try:
        taken: dt.datetime | None = dt.datetime.fromisoformat(str(manifest.get("exported_at")))
    except ValueError:
        taken = None
    if taken is not None and taken.tzinfo is None:
        taken = taken.replace(tzinfo=dt.UTC)
    out.append((path, taken, head["entries"], head["last_id"], head["last_hash"], "bundle"))


def _check_refs(s: Session, report: CheckReport) -> None:
    counters = {(c.prefix, c.year): c.last for c in s.scalars(select(RefCounter))}
    highest: dict[tuple[str, int], int] = {}
    for spec in KINDS.values():
        if not spec.has_ref:
            continue
        table = spec.table
        for (ref,) in s.execute(select(table.c.ref)):
            m = REF_PATTERN.match(ref)
            if m:
                key = (m["prefix"], int(m["year"]))
                highest[key] = max(highest.get(key, 0), int(m["num"]))
    for key, n in sorted(highest.items()):
        if counters.get(key, 0) < n:
            report.add(
                f"Bộ đếm số hiệu {key[0]}-{key[1]} ({counters.get(key, 0)}) thấp hơn số đã dùng ({n})",
                f"Reference counter {key[0]}-{key[1]} ({counters.get(key, 0)}) is below a used number ({n})",
            )


def _check_task_sources(s: Session, report: CheckReport) -> None:
    tasks = s.execute(
        select(FollowUpTask.ref, FollowUpTask.source_kind, FollowUpTask.source_uuid).where(
            FollowUpTask.source_uuid.is_not(None)
        )
    ).all()
    by_kind: dict[str, set[str]] = {}
    for _ref, kind, uuid in tasks:
        by_kind.setdefault(kind or "", set()).add(uuid or "")
    known: dict[str, set[str]] = {}
    for kind, uuids in by_kind.items():
        spec = KINDS.get(kind)
        if spec is None:
            known[kind] = set()
            continue
        table = spec.table
        found: set[str] = set()
        ulist = list(uuids)
        for i in range(0, len(ulist), 900):
            found.update(
                s.scalars(select(table.c.uuid).where(table.c.uuid.in_(ulist[i : i + 900])))
            )
        known[kind] = found
    for ref, kind, uuid in tasks:
        if uuid not in known.get(kind or "", set()):
            report.add(
                f"Công việc {ref}: hồ sơ nguồn ({kind} {uuid}) không còn",
                f"Task {ref}: its source record ({kind} {uuid}) is gone",
            )


def _check_attachments(s: Session, db_path: Path, report: CheckReport, *, rehash: bool) -> None:
    """Rows without their file, files without a row, and (``rehash``) files that changed
    (on a server that keeps them in its tables, there; this computer's folder is a cache)."""
    if files_in_database(db_path):
        found = server_files.problems(s, rehash=rehash)
        if rehash:  # this computer's copies too: one that changed would open as the file
            found += server_files.drop_changed_copies(s, attachments_dir(db_path))
        for vi, en in found:
            report.add(vi, en)
        return
    folder = attachments_dir(db_path)
    known: set[str] = set()
    for att in s.scalars(select(Attachment)):
        try:
            path = stored_path(folder, att.stored_name)
        except OutsideAttachments:
            report.add(
                f"Tệp đính kèm '{att.filename}' ghi nơi lưu không hợp lệ ('{att.stored_name}'); "
                "HueDesk không mở tệp đó",
                f"Attachment '{att.filename}' names an invalid stored file ('{att.stored_name}'); "
                "HueDesk does not open it",
            )
            continue
        known.add(att.stored_name)
        if not path.is_file():
            report.add(
                f"Tệp đính kèm '{att.filename}' bị thiếu ({path})",
                f"Attachment '{att.filename}' is missing ({path})",
            )
            continue
        if not rehash:
            continue
        if file_sha256(path) != att.sha256:
            report.add(
                f"Tệp đính kèm '{att.filename}' đã bị thay đổi (SHA-256 không khớp)",
                f"Attachment '{att.filename}' has changed (SHA-256 mismatch)",
            )
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        if any(part.startswith(".") for part in name.split("/")):
            continue  # files of an undoable delete (.undo/) and copies being written
        if name not in known:
            report.add(
                f"Tệp {path} trong thư mục tệp đính kèm không thuộc hồ sơ nào",
                f"The file {path} in the attachments folder belongs to no record",
            )

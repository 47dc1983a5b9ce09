"""``huedesk check``: is this database sound, and is it HueDesk's own?

Checks, each reported with what was found: the database's own integrity check
(the backend's: SQLite reads every page), foreign keys, the schema revision, the audit chain, the search index, reference counters ahead of
every reference number in use, follow-up tasks whose source record is gone, and
attachment rows without their file, files in the attachments folder without a row,
and (unless skipped) files whose content no longer matches its hash.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huedesk import audit
from huedesk.audit.guards import audit_guard_problems
from huedesk.db.engine import Database
from huedesk.db.migrate import current_revision, head_revision
from huedesk.db.models import Attachment, FollowUpTask, RefCounter
from huedesk.paths import attachments_dir
from huedesk.records.kinds import KINDS
from huedesk.records.refs import REF_PATTERN
from huedesk.records.stored_files import OutsideAttachments, stored_path
from huedesk.search.indexer import index_problems


@dataclass
class CheckReport:
    """Findings of one integrity check: problems (bilingual) and row counts per kind."""

    problems: list[tuple[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, vi: str, en: str) -> None:
        self.problems.append((vi, en))


def run_check(db: Database, *, verify_attachments: bool = True) -> CheckReport:
    """Run every check on ``db``; never writes."""
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
        report.problems.extend(audit.head_problems(s, db.path))  # truncated, recomputed, accounts
        for name, spec in KINDS.items():
            table = spec.table
            report.counts[name] = int(s.scalar(select(func.count()).select_from(table)) or 0)
        report.problems.extend(index_problems(s))
        report.problems.extend(audit_guard_problems(s))
        _check_refs(s, report)
        _check_task_sources(s, report)
        _check_attachments(s, db.path, report, rehash=verify_attachments)
    return report


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
    """Rows without their file, files without a row, and (``rehash``) files that changed."""
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
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        if digest.hexdigest() != att.sha256:
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

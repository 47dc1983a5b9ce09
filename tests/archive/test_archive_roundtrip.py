"""Export everything, import into an empty database: the same records, field for field."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from huedesk.archive import (
    ExportCancelled,
    export,
    export_bundle,
    import_bundle,
    importer,
    verify_bundle,
)
from huedesk.audit import verify_chain
from huedesk.db.engine import Database
from huedesk.paths import attachments_dir
from huedesk.store import open_store
from tests.archive.conftest import ATTACHMENT_BYTES, dump


@pytest.mark.parametrize("large", [False, True], ids=["small", "large"])
def test_round_trip_into_empty_database(
    db: Database,
    filled: dict[str, Any],
    tmp_path: Path,
    large: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if large:  # the paths a large office database takes: table worker, background verify
        monkeypatch.setattr(export, "PARALLEL_FROM", 1)
        monkeypatch.setattr(importer, "PARALLEL_FROM", 1)
    bundle = tmp_path / "all.zip"
    seen: list[tuple[int, int, str]] = []
    report = export_bundle(db, bundle, progress=lambda d, t, k: seen.append((d, t, k)))
    assert report.counts["delegation"] == 1 and report.counts["attachment"] == 1
    assert seen[-1] == (0, 0, "packing")
    reading = [step for step in seen if step[2] != "packing"]
    assert reading and reading[-1][0] == reading[-1][1] == report.total
    assert verify_bundle(bundle).ok

    other = open_store(tmp_path / "other" / "huedesk.sqlite3")
    try:
        result = import_bundle(other, bundle, actor="may2")
        assert result.total("added") == report.total - report.counts["country"]
        assert dump(other) == dump(db)
        copied = attachments_dir(other.path) / filled["attachment"]["stored_name"]
        assert copied.read_bytes() == ATTACHMENT_BYTES
        with other.read() as s:
            assert list(verify_chain(s)) == []
        # Importing the same bundle again changes nothing.
        again = import_bundle(other, bundle, actor="may2")
        assert again.total("added") == 0 and again.total("updated") == 0
        assert again.conflicts == []
        assert dump(other) == dump(db)
    finally:
        other.dispose()


def test_bundle_layout_and_manifest(db: Database, filled: dict[str, Any], tmp_path: Path) -> None:
    bundle = tmp_path / "all.zip"
    export_bundle(db, bundle)
    with zipfile.ZipFile(bundle) as zf:
        names = set(zf.namelist())
        manifest = verify_bundle(bundle).manifest
    assert {"manifest.json", "records/delegation.jsonl", "tables/delegation.csv"} <= names
    assert {"tables/records.xlsx", "iati/aid-activities.xml"} <= names
    assert {e["path"] for e in manifest["files"]} == names - {"manifest.json"}
    assert manifest["schema_revision"]
    assert manifest["filter"]["year"] is None
    fields = {f["name"]: f for f in manifest["kinds"]["delegation"]["fields"]}
    assert fields["partner_id"]["references"] == "organisation.uuid"
    assert fields["country_code"]["references"] == "country.code"
    assert "id" not in fields


def test_filtered_export_carries_children_and_references(
    db: Database, filled: dict[str, Any], tmp_path: Path
) -> None:
    bundle = tmp_path / "deleg.zip"
    report = export_bundle(db, bundle, kinds=["delegation"], year=2025)
    assert report.counts["delegation"] == 1
    assert report.counts["delegation_member"] == 1 and report.counts["programme_item"] == 1
    assert report.counts["person"] == 1 and report.counts["organisation"] == 1
    assert report.counts["attachment"] == 1
    assert "aid_project" not in report.counts and "consular_case" not in report.counts
    assert verify_bundle(bundle).ok
    nothing = export_bundle(db, tmp_path / "none.zip", kinds=["delegation"], year=2019)
    assert nothing.total == 0

    other = open_store(tmp_path / "o" / "huedesk.sqlite3")
    try:
        import_bundle(other, bundle, actor="may2")
        got = dump(other)
        assert got["delegation"] == dump(db)["delegation"]
        assert got["aid_project"] == []
    finally:
        other.dispose()


@pytest.mark.parametrize("large", [False, True], ids=["small", "large"])
def test_cancelled_export_leaves_no_bundle(
    db: Database,
    filled: dict[str, Any],
    tmp_path: Path,
    large: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if large:
        monkeypatch.setattr(export, "PARALLEL_FROM", 1)
    out = tmp_path / "cancelled.zip"
    with pytest.raises(ExportCancelled):
        export_bundle(db, out, should_cancel=lambda: True)
    assert list(tmp_path.glob("cancelled.zip*")) == []


def test_bundle_with_briefs(db: Database, filled: dict[str, Any], tmp_path: Path) -> None:
    bundle = tmp_path / "briefs.zip"
    report = export_bundle(db, bundle, kinds=["delegation", "consular_case"], with_briefs=True)
    assert report.briefs == 2
    verified = verify_bundle(bundle)
    assert verified.ok and verified.manifest["briefs"] == 2
    with zipfile.ZipFile(bundle) as zf:
        names = [n for n in zf.namelist() if n.startswith("briefs/")]
        assert sorted(names) == [
            f"briefs/consular_case/{filled['consular_case']['ref']}.pdf",
            f"briefs/delegation/{filled['delegation']['ref']}.pdf",
        ]
        pdf = PdfReader(io.BytesIO(zf.read(sorted(names)[1])))
    assert "Gyeongju" in pdf.pages[0].extract_text()

"""Import as a merge between laptops: dry run, conflicts, renumbering, all or nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from huedesk.archive import export_bundle, import_bundle, verify_bundle
from huedesk.archive.merge import RejectedRecord
from huedesk.db.engine import Database
from huedesk.db.enums import AuditAction
from huedesk.db.migrate import head_revision
from huedesk.db.models import Attachment, AuditEntry
from huedesk.errors import HueDeskError
from huedesk.paths import attachments_dir
from huedesk.records import RecordService
from huedesk.store import open_store
from tests.archive.conftest import ATTACHMENT_BYTES, dump, rewrite, set_fields


@pytest.fixture
def laptop_b(tmp_path: Path) -> Iterator[Database]:
    other = open_store(tmp_path / "b" / "huedesk.sqlite3")
    yield other
    other.dispose()


def test_dry_run_reports_and_writes_nothing(
    db: Database, filled: dict[str, Any], laptop_b: Database, tmp_path: Path
) -> None:
    bundle = tmp_path / "a.zip"
    export_bundle(db, bundle)
    before = dump(laptop_b)
    steps: list[tuple[int, int, str]] = []
    report = import_bundle(
        laptop_b, bundle, actor="b", dry_run=True, progress=lambda d, t, k: steps.append((d, t, k))
    )
    assert report.dry_run and report.outcomes["delegation"].added == 1
    assert steps[-1][0] == steps[-1][1] and steps[-1][2] == "attachment"
    assert report.files_written == 0
    assert dump(laptop_b) == before
    real = import_bundle(laptop_b, bundle, actor="b")
    assert {k: vars(o) for k, o in real.outcomes.items()} == {
        k: vars(o) for k, o in report.outcomes.items()
    }


def test_conflicting_edits_newer_wins_and_loser_is_audited(
    db: Database, svc: RecordService, filled: dict[str, Any], laptop_b: Database, tmp_path: Path
) -> None:
    export_bundle(db, tmp_path / "first.zip")
    import_bundle(laptop_b, tmp_path / "first.zip", actor="b")
    svc_b = RecordService(laptop_b, "b")
    dl_id = filled["delegation"]["id"]
    dl_b = svc_b.find_id("delegation", uuid=filled["delegation"]["uuid"])
    ev_b = svc_b.find_id("event", uuid=filled["event"]["uuid"])

    # Delegation: B edits first, A later (A's version is newer and wins, even though the
    # status jump approved -> completed is several workflow steps).
    svc_b.update("delegation", dl_b, {"notes": "Ghi chú của máy B"})
    svc.update("delegation", dl_id, {"status": "in_progress"})
    svc.update("delegation", dl_id, {"status": "completed", "outcomes": "Ký kết 2 văn bản"})
    # Event: A edits first, B later (B keeps its version).
    svc.update("event", filled["event"]["id"], {"venue": "Đại Nội"})
    svc_b.update("event", ev_b, {"venue": "Cung An Định"})

    bundle = tmp_path / "second.zip"
    export_bundle(db, bundle)
    report = import_bundle(laptop_b, bundle, actor="b")

    conflicts = {c.kind: c for c in report.conflicts}
    assert set(conflicts) == {"delegation", "event"}
    assert conflicts["delegation"].winner == "bundle"
    assert {"status", "notes", "outcomes"} <= set(conflicts["delegation"].fields)
    assert conflicts["event"].winner == "local"
    got_dl = svc_b.get("delegation", dl_b)
    assert got_dl["status"] == "completed" and got_dl["notes"] is None
    assert svc_b.get("event", ev_b)["venue"] == "Cung An Định"

    with laptop_b.read() as s:
        entries = s.execute(
            select(AuditEntry.kind, AuditEntry.action, AuditEntry.changes).order_by(AuditEntry.id)
        ).all()
    update = [c for k, a, c in entries if k == "delegation" and a == AuditAction.UPDATE]
    assert json.loads(update[-1])["notes"] == ["Ghi chú của máy B", None]
    kept = [c for k, a, c in entries if k == "event" and a == AuditAction.SYSTEM]
    assert json.loads(kept[-1])["venue"] == ["Đại Nội", "Cung An Định"]


def test_colliding_reference_number_is_renumbered(
    db: Database, svc: RecordService, laptop_b: Database, tmp_path: Path
) -> None:
    values = {
        "direction": "in",
        "country_code": "JP",
        "start_date": "01/05/2025",
        "status": "planned",
    }
    a = svc.create("delegation", {**values, "title": "Đoàn Nara"})
    svc_b = RecordService(laptop_b, "b")
    b = svc_b.create("delegation", {**values, "title": "Đoàn Gifu"})
    assert a["ref"] == b["ref"] == "ĐV-2025-0001"

    export_bundle(db, tmp_path / "a.zip")
    report = import_bundle(laptop_b, tmp_path / "a.zip", actor="b")
    assert [(r.uuid, r.given_ref, r.new_ref) for r in report.renumbered] == [
        (a["uuid"], "ĐV-2025-0001", "ĐV-2025-0002")
    ]
    moved = svc_b.get("delegation", svc_b.find_id("delegation", uuid=a["uuid"]))
    assert moved["ref"] == "ĐV-2025-0002" and moved["title"] == "Đoàn Nara"
    assert svc_b.get_by_ref("delegation", "ĐV-2025-0001")["title"] == "Đoàn Gifu"
    assert svc_b.create("delegation", {**values, "title": "Đoàn Shiga"})["ref"] == "ĐV-2025-0003"
    # A second import matches by UUID: no new record, no second renumbering.
    again = import_bundle(laptop_b, tmp_path / "a.zip", actor="b")
    assert again.renumbered == [] and again.total("added") == 0


@pytest.mark.parametrize(
    ("kind", "changes", "error"),
    [
        # An end date before the start date: only full validation sees it.
        ("event", {"end_date": "2020-01-01"}, "Ngày kết thúc"),
        # A file name that is a path (it would be written outside a folder it is copied to).
        ("attachment", {"filename": "../../escaped.txt"}, "file name, not a path"),
    ],
)
def test_rejected_record_rolls_back_everything(
    db: Database,
    filled: dict[str, Any],
    laptop_b: Database,
    tmp_path: Path,
    kind: str,
    changes: dict[str, Any],
    error: str,
) -> None:
    bundle = tmp_path / "a.zip"
    export_bundle(db, bundle)
    bad = set_fields(bundle, tmp_path / "bad.zip", kind, **changes)
    before = dump(laptop_b)
    with pytest.raises(HueDeskError, match=error) as err:
        import_bundle(laptop_b, bad, actor="b")
    if isinstance(err.value, RejectedRecord):
        assert err.value.kind == kind and err.value.fields == list(changes)
    assert dump(laptop_b) == before
    assert not list(tmp_path.rglob("escaped.txt"))


def test_old_schema_bundle_imports_after_migration(
    db: Database, filled: dict[str, Any], laptop_b: Database, tmp_path: Path
) -> None:
    """A bundle marked with revision 0001 goes through the migrations before merging."""
    assert head_revision() != "0001"  # so the bundle below really is from an older schema
    bundle = tmp_path / "a.zip"
    export_bundle(db, bundle)

    def mark(man: dict[str, Any]) -> None:
        man["schema_revision"] = "0001"

    old = rewrite(bundle, tmp_path / "old.zip", manifest=mark)
    assert verify_bundle(old).ok
    report = import_bundle(laptop_b, old, actor="b")
    assert report.schema_revision == "0001"
    assert dump(laptop_b) == dump(db)


def test_a_bundle_cannot_choose_where_a_file_is_stored(
    db: Database, filled: dict[str, Any], laptop_b: Database, tmp_path: Path
) -> None:
    """The stored name is derived from the content; the bundle's is ignored."""
    bundle = tmp_path / "a.zip"
    export_bundle(db, bundle)
    for i, evil in enumerate(["../../escaped.txt", str(tmp_path / "escaped.txt"), "ab/mou.txt"]):
        bad = set_fields(bundle, tmp_path / f"bad{i}.zip", "attachment", stored_name=evil)
        import_bundle(laptop_b, bad, actor="b")
    att = filled["attachment"]
    with laptop_b.read() as s:
        (stored,) = s.scalars(select(Attachment.stored_name))
    assert stored == f"{att['sha256'][:2]}/{att['sha256']}.txt"
    assert (attachments_dir(laptop_b.path) / stored).read_bytes() == ATTACHMENT_BYTES
    assert not list(tmp_path.rglob("escaped.txt"))

"""Import logs like any write: no personal value in plain text, no unchecked bundle values."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from huedesk.archive import export_bundle, import_bundle
from huedesk.cli.main import main
from huedesk.db.engine import Database
from huedesk.db.enums import AuditAction
from huedesk.db.models import AuditEntry
from huedesk.records import RecordService
from huedesk.records.bulk import RejectedRecord
from huedesk.store import open_store
from tests.archive.conftest import dump, set_fields

PERSONAL = ("C1234567", "1990-05-12", "12/05/1990", "0905 777 888", "anh.duong@example.vn")


@pytest.fixture
def laptop_b(tmp_path: Path) -> Iterator[Database]:
    other = open_store(tmp_path / "b" / "huedesk.sqlite3")
    yield other
    other.dispose()


def _log(db: Database) -> list[AuditEntry]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_imported_personal_data_is_not_in_the_log(
    db: Database,
    svc: RecordService,
    filled: dict[str, Any],
    laptop_b: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    person = filled["person"]
    svc.update("person", person["id"], {"phone": "0905 777 888", "email": "anh.duong@example.vn"})
    export_bundle(db, tmp_path / "a.zip")
    import_bundle(laptop_b, tmp_path / "a.zip", actor="b")

    raw = "\n".join(e.changes for e in _log(laptop_b))
    assert not [v for v in PERSONAL if v in raw]
    created = next(
        json.loads(e.changes)
        for e in _log(laptop_b)
        if e.kind == "person" and e.action is AuditAction.CREATE
    )
    assert (
        created["passport_no"] == [None, "•••"] and created["full_name"][1] == person["full_name"]
    )
    case = next(
        json.loads(e.changes) for e in _log(laptop_b) if e.kind == "consular_case"
    )  # a case's free text is hidden too, as for cases typed in
    assert case["title"] == [None, "•••"]

    for kind in ("person", "consular_case", "case_person"):
        assert main(["--db", str(laptop_b.path), "audit", "--kind", kind, "--lang", "en"]) == 0
        shown = capsys.readouterr().out
        assert "(0/" not in shown
        assert not [v for v in PERSONAL if v in shown]


def _conflict(
    db: Database, svc: RecordService, filled: dict[str, Any], laptop_b: Database, tmp_path: Path
) -> tuple[Path, RecordService]:
    """B holds the bundle's records and then edits the event and the person (B is newer)."""
    export_bundle(db, tmp_path / "first.zip")
    import_bundle(laptop_b, tmp_path / "first.zip", actor="b")
    svc_b = RecordService(laptop_b, "b")
    svc_b.update(
        "event", svc_b.find_id("event", uuid=filled["event"]["uuid"]), {"venue": "Đại Nội"}
    )
    person_b = svc_b.find_id("person", uuid=filled["person"]["uuid"])
    svc_b.update("person", person_b, {"position": "Chuyên viên"})
    return tmp_path / "first.zip", svc_b


@pytest.mark.parametrize("hostile", ["Cung \x1b[2J\x1b[31mAn Định", "Cung An\x00 Định"])
def test_a_losing_version_with_control_characters_is_refused(
    db: Database,
    svc: RecordService,
    filled: dict[str, Any],
    laptop_b: Database,
    tmp_path: Path,
    hostile: str,
) -> None:
    first, _svc_b = _conflict(db, svc, filled, laptop_b, tmp_path)
    bundle = set_fields(first, tmp_path / "hostile.zip", "event", venue=hostile)
    before = dump(laptop_b)
    entries = len(_log(laptop_b))
    with pytest.raises(RejectedRecord) as err:
        import_bundle(laptop_b, bundle, actor="b")
    assert "control character" in err.value.en and filled["event"]["uuid"] in err.value.en
    assert dump(laptop_b) == before and len(_log(laptop_b)) == entries


def test_a_losing_version_is_logged_masked(
    db: Database, svc: RecordService, filled: dict[str, Any], laptop_b: Database, tmp_path: Path
) -> None:
    first, svc_b = _conflict(db, svc, filled, laptop_b, tmp_path)
    bundle = set_fields(first, tmp_path / "other.zip", "person", passport_no="D9999999")
    report = import_bundle(laptop_b, bundle, actor="b")
    assert ("person", "local") in [(c.kind, c.winner) for c in report.conflicts]
    kept = [e for e in _log(laptop_b) if e.action is AuditAction.SYSTEM and e.kind == "person"]
    body = json.loads(kept[-1].changes)
    assert body["passport_no"] == ["•••", "•••"] and body["position"] == [None, "Chuyên viên"]
    assert "D9999999" not in kept[-1].changes
    person = svc_b.get("person", svc_b.find_id("person", uuid=filled["person"]["uuid"]))
    assert person["passport_no"] == "C1234567"

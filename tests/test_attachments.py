"""Attachments: copied into the data folder with size and hash, checked, removed cleanly."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from huedesk.check import run_check
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError
from huedesk.paths import attachments_dir, files_in_database
from huedesk.records import ChildEdits, RecordService
from huedesk.workspace import Workspace


def _stored(db: Database, attachment: dict) -> Path:
    return attachments_dir(db.path) / attachment["stored_name"]


def _case(svc: RecordService) -> dict:
    return svc.create(
        "consular_case",
        {
            "case_type": "lost_documents",
            "title": "Mất hộ chiếu tại Tokyo",
            "country_code": "JP",
            "opened_on": "02/02/2025",
            "status": "open",
            "information_source": "family",
        },
    )


def test_attach_records_size_and_hash_and_check_verifies(
    svc: RecordService, ws: Workspace, db: Database, tmp_path: Path
) -> None:
    case = _case(svc)
    src = tmp_path / "Công văn số 123.pdf"
    content = "Công văn đề nghị cấp giấy thông hành".encode() * 100
    src.write_bytes(content)
    att = ws.attachments.add("consular_case", case["id"], src, "Công văn của Bộ Ngoại giao")
    assert att["filename"] == "Công văn số 123.pdf"
    assert att["size"] == len(content)
    assert att["sha256"] == hashlib.sha256(content).hexdigest()
    assert _stored(db, att).read_bytes() == content
    assert [a["id"] for a in ws.attachments.of("consular_case", case["id"])] == [att["id"]]
    assert run_check(db).ok
    _stored(db, att).write_bytes(b"tampered")
    problems = run_check(db).problems
    assert any("SHA-256" in en for _vi, en in problems)
    if files_in_database(db.path):  # a server's: this computer's copy goes, the original
        assert ws.attachments.path(att["id"]).read_bytes() == content  # comes back
        assert run_check(db).ok, run_check(db).problems


def test_same_content_is_stored_once_and_removed_when_unused(
    svc: RecordService, ws: Workspace, db: Database, tmp_path: Path
) -> None:
    case = _case(svc)
    src = tmp_path / "a.txt"
    src.write_text("Biên bản làm việc", encoding="utf-8")
    a = ws.attachments.add("consular_case", case["id"], src)
    b = ws.attachments.add("consular_case", case["id"], src)
    assert a["stored_name"] == b["stored_name"]
    ws.attachments.remove(a["id"])
    assert _stored(db, b).exists()
    ws.attachments.remove(b["id"])
    assert not _stored(db, b).exists()


def test_deleting_the_record_deletes_its_attachment_rows(
    svc: RecordService, ws: Workspace, db: Database, tmp_path: Path
) -> None:
    case = _case(svc)
    src = tmp_path / "b.txt"
    src.write_text("x", encoding="utf-8")
    ws.attachments.add("consular_case", case["id"], src)
    assert svc.delete_impact("consular_case", case["id"]).attachments == 1
    stored = ws.attachments.of("consular_case", case["id"])[0]
    svc.delete("consular_case", case["id"])
    assert svc.list("attachment").total == 0
    assert not _stored(db, stored).exists(), "personal documents do not outlive their record"


def test_missing_file_and_missing_record(ws: Workspace, db: Database, tmp_path: Path) -> None:
    with pytest.raises(HueDeskError, match="File not found"):
        ws.attachments.add("consular_case", 1, tmp_path / "nope.pdf")
    src = tmp_path / "c.txt"
    src.write_text("x", encoding="utf-8")
    with pytest.raises(HueDeskError, match="No consular case with id 42"):
        ws.attachments.add("consular_case", 42, src)
    assert not any(
        p.is_file() and not p.name.startswith(".")
        for p in (db.path.parent / f"{db.path.stem}-attachments").rglob("*")
    )


def test_attachment_rows_come_only_from_files(
    svc: RecordService, ws: Workspace, db: Database, tmp_path: Path
) -> None:
    """No generic create with a made-up ``stored_name``; no re-parenting a case's file."""
    case = _case(svc)
    delegation = svc.create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn Gifu",
            "country_code": "JP",
            "start_date": "01/03/2025",
            "status": "planned",
        },
    )
    with pytest.raises(HueDeskError, match="added only from a file"):
        svc.create(
            "attachment",
            {
                "owner_kind": "delegation",
                "owner_uuid": delegation["uuid"],
                "filename": "x.pdf",
                "stored_name": "../../huedesk.sqlite3",
                "size": 1,
                "sha256": "0" * 64,
            },
        )
    src = tmp_path / "ho-chieu.pdf"
    src.write_bytes(b"%PDF passport copy")
    att = ws.attachments.add("consular_case", case["id"], src)
    for field, value in (
        ("owner_kind", "delegation"),
        ("owner_uuid", delegation["uuid"]),
        ("stored_name", "00/other.pdf"),  # derived from the content: never set at all
        ("sha256", "1" * 64),
    ):
        with pytest.raises(HueDeskError, match=r"cannot be changed|can be set"):
            svc.update("attachment", att["id"], {field: value})
    svc.update("attachment", att["id"], {"description": "Bản sao hộ chiếu"})
    assert svc.get("attachment", att["id"])["owner_kind"] == "consular_case"
    with pytest.raises(HueDeskError, match="Files cannot be attached"):
        ws.attachments.add("delegation_member", 1, src)


def test_undo_brings_a_deleted_record_back_with_its_files(
    svc: RecordService, ws: Workspace, db: Database, tmp_path: Path
) -> None:
    case = _case(svc)
    svc.save(
        "consular_case",
        case["id"],
        {},
        [ChildEdits("case_action", created=({"taken_at": "03/02/2025 09:00", "action": "Gọi"},))],
    )
    src = tmp_path / "giay-to.pdf"
    src.write_bytes(b"%PDF case papers")
    att = ws.attachments.add("consular_case", case["id"], src, "Giấy tờ")
    deleted = ws.undo.delete("consular_case", case["id"])
    assert deleted.impact.attachments == 1 and deleted.impact.children == {"case_action": 1}
    assert not _stored(db, att).exists() and svc.list("consular_case").total == 0
    new_id = ws.undo.restore(deleted.token)
    back = svc.get("consular_case", new_id)
    assert (back["uuid"], back["ref"]) == (case["uuid"], case["ref"])
    assert [a["action"] for a in svc.children("consular_case", new_id, "case_action")] == ["Gọi"]
    files = ws.attachments.of("consular_case", new_id)
    assert [(f["uuid"], f["description"]) for f in files] == [(att["uuid"], "Giấy tờ")]
    assert ws.attachments.path(files[0]["id"]).read_bytes() == b"%PDF case papers"
    assert run_check(db).ok
    redone = ws.undo.delete_by_uuid("consular_case", case["uuid"])
    assert redone.uuid == case["uuid"] and svc.list("attachment").total == 0
    ws.close()
    assert not (attachments_dir(db.path) / ".undo").exists(), "nothing kept after closing"

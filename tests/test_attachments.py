"""Attachments: copied into the data folder with size and hash, checked, removed cleanly."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from huedesk.attachments import attach, attachments_of, detach, file_path
from huedesk.check import run_check
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError
from huedesk.records import RecordService


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
    svc: RecordService, db: Database, tmp_path: Path
) -> None:
    case = _case(svc)
    src = tmp_path / "Công văn số 123.pdf"
    content = "Công văn đề nghị cấp giấy thông hành".encode() * 100
    src.write_bytes(content)
    att = attach(db, "kiemthu", "consular_case", case["id"], src, "Công văn của Bộ Ngoại giao")
    assert att["filename"] == "Công văn số 123.pdf"
    assert att["size"] == len(content)
    assert att["sha256"] == hashlib.sha256(content).hexdigest()
    assert file_path(db, att).read_bytes() == content
    assert [a["id"] for a in attachments_of(db, "consular_case", case["id"])] == [att["id"]]
    assert run_check(db).ok
    file_path(db, att).write_bytes(b"tampered")
    problems = run_check(db).problems
    assert any("SHA-256" in en for _vi, en in problems)


def test_same_content_is_stored_once_and_removed_when_unused(
    svc: RecordService, db: Database, tmp_path: Path
) -> None:
    case = _case(svc)
    src = tmp_path / "a.txt"
    src.write_text("Biên bản làm việc", encoding="utf-8")
    a = attach(db, "kiemthu", "consular_case", case["id"], src)
    b = attach(db, "kiemthu", "consular_case", case["id"], src)
    assert a["stored_name"] == b["stored_name"]
    detach(db, "kiemthu", a["id"])
    assert file_path(db, b).exists()
    detach(db, "kiemthu", b["id"])
    assert not file_path(db, b).exists()


def test_deleting_the_record_deletes_its_attachment_rows(
    svc: RecordService, db: Database, tmp_path: Path
) -> None:
    case = _case(svc)
    src = tmp_path / "b.txt"
    src.write_text("x", encoding="utf-8")
    attach(db, "kiemthu", "consular_case", case["id"], src)
    assert svc.delete_impact("consular_case", case["id"]).attachments == 1
    stored = attachments_of(db, "consular_case", case["id"])[0]
    svc.delete("consular_case", case["id"])
    assert svc.list("attachment").total == 0
    assert not file_path(db, stored).exists(), "personal documents do not outlive their record"


def test_missing_file_and_missing_record(svc: RecordService, db: Database, tmp_path: Path) -> None:
    with pytest.raises(HueDeskError, match="File not found"):
        attach(db, "kiemthu", "consular_case", 1, tmp_path / "nope.pdf")
    src = tmp_path / "c.txt"
    src.write_text("x", encoding="utf-8")
    with pytest.raises(HueDeskError, match="No consular case with id 42"):
        attach(db, "kiemthu", "consular_case", 42, src)
    assert not any(
        p.is_file() and not p.name.startswith(".")
        for p in (db.path.parent / f"{db.path.stem}-attachments").rglob("*")
    )

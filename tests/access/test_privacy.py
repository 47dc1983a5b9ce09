"""Personal data: masking and redaction, overwritten on delete, encrypted export, retention."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import pytest
import pyzipper

from huedesk.accounts import Principal
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError, PermissionDenied
from huedesk.privacy.encrypted_zip import encrypt_zip, read_encrypted
from huedesk.privacy.retention import (
    ANONYMISED_TITLE,
    anonymise_case,
    cases_for_review,
    retention_years,
)
from huedesk.records import RecordService
from huedesk.records.history import AuditLog
from huedesk.records.masking import mask_personal, mask_value, redact_row
from tests.access.sample import one_of_each, valid_values
from tests.backends import ON_SERVER, sqlite_only

PERSON = {
    "full_name": "Hoàng Thị Lan",
    "passport_no": "N2345678",
    "date_of_birth": dt.date(1990, 5, 17),
    "email": "lan.hoang@example.vn",
    "phone": "0234 3822 123",
    "address": "12 Lê Lợi, Huế",
    "position": "Giáo viên",
}


def test_mask_personal_keeps_enough_to_tell_rows_apart() -> None:
    masked = mask_personal("person", PERSON)
    assert masked["passport_no"] == "•••••678"
    assert masked["date_of_birth"] == "••/••/1990"
    assert masked["email"] == "l•••@example.vn"
    assert masked["phone"] == "••••••••••123"
    assert masked["address"] == "•••••••••••Huế"
    assert (masked["full_name"], masked["position"]) == ("Hoàng Thị Lan", "Giáo viên")
    assert set(masked["_masked"]) == {"passport_no", "date_of_birth", "email", "phone", "address"}
    assert mask_value("AB12") == "•••"  # short values show nothing
    assert mask_personal("delegation", {"title": "x"}) == {"title": "x", "_masked": ()}


def test_redaction_removes_personal_values() -> None:
    red = redact_row("person", PERSON, "en")
    assert red["passport_no"] == red["date_of_birth"] == red["address"] == "[redacted]"
    assert redact_row("person", PERSON)["email"] == "[đã ẩn]"
    assert red["full_name"] == "Hoàng Thị Lan"
    assert redact_row("person", {"full_name": "A", "phone": None})["phone"] is None


@sqlite_only("reads the bytes of the database file (secure_delete)")
def test_deleted_personal_data_is_overwritten_in_the_file(db: Database, db_path: Path) -> None:
    svc = RecordService(db, "kiemthu")
    secret = "HD-PASS-5550199"
    person = svc.create("person", {"full_name": "Người Tạm", "passport_no": secret})
    with db.read() as s:
        assert s.connection().exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    svc.delete("person", person["id"])
    db.dispose()
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    raw = db_path.read_bytes()
    wal = db_path.with_name(db_path.name + "-wal")
    raw += wal.read_bytes() if wal.exists() else b""
    assert secret.encode() not in raw
    assert "Người Tạm".encode() in raw  # the name stays in the audit log of the delete


def _bundle(tmp_path: Path) -> Path:
    src = tmp_path / "bundle"
    (src / "records").mkdir(parents=True)
    (src / "records" / "vu-viec.csv").write_text("LS-2025-0001,Mất hộ chiếu\n", encoding="utf-8")
    (src / "manifest.json").write_text('{"version": 1}', encoding="utf-8")
    return src


def test_encrypted_zip_opens_only_with_the_passphrase(tmp_path: Path) -> None:
    dest = encrypt_zip(_bundle(tmp_path), tmp_path / "out" / "xuat.zip", "cum mat khau dai")
    with pyzipper.AESZipFile(dest) as zf:
        assert sorted(zf.namelist()) == ["manifest.json", "records/vu-viec.csv"]
        assert all(info.flag_bits & 0x1 for info in zf.infolist())  # every member encrypted
        with pytest.raises(RuntimeError):
            zf.read("manifest.json")  # no passphrase
        zf.setpassword(b"cum mat khau sai")
        with pytest.raises(RuntimeError):
            zf.read("manifest.json")
        zf.setpassword(b"cum mat khau dai")
        assert zf.read("records/vu-viec.csv").decode() == "LS-2025-0001,Mất hộ chiếu\n"
    with zipfile.ZipFile(dest) as plain, pytest.raises(RuntimeError, match="encrypted"):
        plain.read("manifest.json")
    with pytest.raises(HueDeskError, match="Wrong passphrase"):
        read_encrypted(dest, "cum mat khau sai")
    assert not list(dest.parent.glob(".*"))  # no temporary file left behind


def test_encrypted_zip_from_a_plain_bundle_and_short_passphrase(tmp_path: Path) -> None:
    plain = tmp_path / "plain.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("a.txt", "Huế")
    out = encrypt_zip(plain, tmp_path / "enc.zip", "mot-hai-ba-bon")
    assert read_encrypted(out, "mot-hai-ba-bon") == {"a.txt": "Huế".encode()}
    with pytest.raises(HueDeskError, match="at least 10"):
        encrypt_zip(plain, tmp_path / "weak.zip", "ngan")
    assert not (tmp_path / "weak.zip").exists()


@pytest.mark.skipif(shutil.which("7zz") is None and shutil.which("7z") is None, reason="no 7-Zip")
def test_seven_zip_opens_the_encrypted_export(tmp_path: Path) -> None:
    seven = shutil.which("7zz") or shutil.which("7z")
    dest = encrypt_zip(_bundle(tmp_path), tmp_path / "xuat.zip", "cum mat khau dai")
    listing = subprocess.run([seven, "l", "-slt", str(dest)], capture_output=True, text=True)
    assert "Method = AES-256 Deflate" in listing.stdout
    wrong = subprocess.run([seven, "t", "-pcum-sai-roi", str(dest)], capture_output=True, text=True)
    assert wrong.returncode != 0 and "Wrong password" in wrong.stderr
    out = tmp_path / "extracted"
    ok = subprocess.run(
        [seven, "x", "-pcum mat khau dai", f"-o{out}", str(dest)], capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stderr
    assert (out / "records" / "vu-viec.csv").read_text(encoding="utf-8").startswith("LS-2025-0001")


def _closed_case(svc: RecordService, ids: dict[str, int], closed: dt.date, place: str) -> int:
    values = valid_values("consular_case", ids) | {
        "opened_on": closed - dt.timedelta(days=40),
        "facts": f"Công dân bị tai nạn giao thông tại {place}",
        "location": place,
    }
    case = svc.create("consular_case", values)
    for status in ("in_progress", "resolved", "closed"):
        svc.update("consular_case", case["id"], {"status": status})
    svc.update("consular_case", case["id"], {"closed_on": closed})
    return case["id"]


@pytest.fixture
def old_case(db: Database, accounts: dict[str, Principal]) -> dict[str, int]:
    svc = RecordService(db, "lanhsu")
    ids = one_of_each(svc)  # its person is a delegation member too
    victim = svc.create("person", {"full_name": "Phan Văn Nạn", "passport_no": "K9988776"})
    case_id = _closed_case(svc, ids, dt.date(2019, 6, 30), "Seoul")
    svc.create("case_person", {"case_id": case_id, "person_id": victim["id"], "role": "subject"})
    svc.create("case_person", {"case_id": case_id, "person_id": ids["person"], "role": "relative"})
    svc.create("case_action", valid_values("case_action", ids) | {"case_id": case_id})
    _closed_case(svc, ids, dt.date(2024, 1, 15), "Busan")  # recent: not for review
    return {"case": case_id, "victim": victim["id"], "member": ids["person"]}


def test_retention_review_lists_old_closed_cases(db: Database, old_case: dict) -> None:
    today = dt.date(2025, 7, 1)
    items = cases_for_review(db, "lanhsu", today=today)
    assert [(i.id, i.closed_on, i.people) for i in items] == [
        (old_case["case"], dt.date(2019, 6, 30), 2)
    ]
    assert len(cases_for_review(db, "lanhsu", older_than_years=1, today=today)) == 2
    assert cases_for_review(db, "lanhsu", older_than_years=10, today=today) == []
    with pytest.raises(PermissionDenied):
        cases_for_review(db, "canbo", today=today)


def test_retention_period_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert retention_years() == 5
    monkeypatch.setenv("HUEDESK_RETENTION_YEARS", "7")
    assert retention_years() == 7 and retention_years(2) == 2


def test_anonymise_removes_personal_content_and_is_audited(
    db: Database, db_path: Path, old_case: dict
) -> None:
    svc = RecordService(db, "lanhsu")
    ref = svc.get("consular_case", old_case["case"])["ref"]
    with pytest.raises(PermissionDenied):
        anonymise_case(db, "canbo", ref)
    result = anonymise_case(db, "lanhsu", ref)
    member_ref = svc.get("person", old_case["member"])["ref"]
    victim = svc.get("person", old_case["victim"])
    assert result.people_anonymised == [victim["ref"]]
    assert result.people_kept == [member_ref]
    assert result.actions == 1
    case = svc.get("consular_case", old_case["case"])
    assert case["title"] == ANONYMISED_TITLE and case["facts"] is None and case["location"] is None
    assert victim["passport_no"] is None and "Phan Văn Nạn" not in victim["full_name"]
    action = svc.children("consular_case", old_case["case"], "case_action")[0]
    assert action["action"] == "[đã ẩn danh]"
    assert (
        cases_for_review(db, "lanhsu", older_than_years=1, today=dt.date(2025, 7, 1))[0].id
        != (old_case["case"])
    )
    last = AuditLog(db, "lanhsu").page(record_ref=ref, limit=1)[0]
    assert (last.action.value, last.actor) == ("system", "lanhsu")
    if ON_SERVER:  # the server's pages are its own; the file check is SQLite's
        return
    db.dispose()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    raw = db_path.read_bytes()
    for gone in ("K9988776", "Seoul"):
        assert gone.encode() not in raw, gone
    assert b"Busan" in raw  # the recent case is untouched


def test_anonymise_refuses_open_cases(db: Database, accounts: dict[str, Principal]) -> None:
    svc = RecordService(db, "lanhsu")
    ids = one_of_each(svc)
    ref = svc.get("consular_case", ids["consular_case"])["ref"]
    with pytest.raises(HueDeskError, match="not closed"):
        anonymise_case(db, "lanhsu", ref)

"""Fixtures for archive tests: a database with one record of every kind, and bundle surgery."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from huedesk.archive.portable import iter_portable
from huedesk.db.engine import Database
from huedesk.paths import attachments_dir
from huedesk.records import RecordService
from huedesk.records.kinds import KINDS
from huedesk.records.service import create_in

ATTACHMENT_BYTES = "Biên bản ghi nhớ — Huế & Gyeongju\n".encode()


def fill(svc: RecordService, db: Database) -> dict[str, dict[str, Any]]:
    """One record of (nearly) every kind, linked as in real work; returns them by kind."""
    c = svc.create
    out: dict[str, dict[str, Any]] = {}
    out["organisation"] = org = c(
        "organisation",
        {"name": "Thành phố Gyeongju", "org_type": "partner_locality", "country_code": "KR"},
    )
    out["person"] = per = c(
        "person",
        {
            "full_name": "Trần Thị Ánh Dương",
            "gender": "female",
            "date_of_birth": "12/05/1990",
            "nationality": "VN",
            "passport_no": "C1234567",
            "organisation_id": org["id"],
        },
    )
    out["partnership"] = ps = c(
        "partnership",
        {
            "partner_id": org["id"],
            "country_code": "KR",
            "level": "city",
            "relation_type": "twinning",
            "since": "10/10/2015",
            "status": "established",
        },
    )
    out["agreement"] = c(
        "agreement",
        {
            "title": "Biên bản ghi nhớ hợp tác văn hóa",
            "agreement_type": "mou",
            "counterpart_id": org["id"],
            "partnership_id": ps["id"],
            "signing_level": "city_committee",
            "signed_on": "15/03/2025",
            "status": "signed",
        },
    )
    out["delegation"] = dl = c(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn lãnh đạo thành phố Gyeongju",
            "partner_id": org["id"],
            "country_code": "KR",
            "start_date": "01/04/2025",
            "end_date": "03/04/2025",
            "status": "approved",
            "budget_vnd": "150.000.000",
        },
    )
    out["delegation_member"] = c(
        "delegation_member", {"delegation_id": dl["id"], "person_id": per["id"], "is_head": True}
    )
    out["programme_item"] = c(
        "programme_item",
        {"delegation_id": dl["id"], "starts_at": "02/04/2025 09:00", "activity": "Hội đàm"},
    )
    out["gift"] = c(
        "gift", {"delegation_id": dl["id"], "direction": "given", "description": "Nón lá Huế"}
    )
    out["consular_case"] = case = c(
        "consular_case",
        {
            "case_type": "lost_documents",
            "title": "Mất hộ chiếu tại Seoul",
            "country_code": "KR",
            "opened_on": "05/05/2025",
            "status": "open",
            "information_source": "embassy",
        },
    )
    out["case_person"] = c(
        "case_person", {"case_id": case["id"], "person_id": per["id"], "role": "subject"}
    )
    out["case_consent"] = c(
        "case_consent",
        {
            "case_id": case["id"],
            "person_id": per["id"],
            "recipient": "Đại sứ quán",
            "given_on": "06/05/2025",
        },
    )
    out["case_action"] = c(
        "case_action", {"case_id": case["id"], "taken_at": "06/05/2025 10:30", "action": "Liên hệ"}
    )
    donor = c("organisation", {"name": "KOICA", "org_type": "donor", "country_code": "KR"})
    out["aid_project"] = ap = c(
        "aid_project",
        {
            "title": "Nâng cấp trạm y tế xã",
            "donor_id": donor["id"],
            "sector": "health",
            "committed_amount": "1.250.000,50",
            "currency": "USD",
            "status": "approved",
            "approved_on": "01/03/2025",
            "beneficiary": "Sở Y tế",
        },
    )
    out["aid_transaction"] = c(
        "aid_transaction",
        {
            "project_id": ap["id"],
            "tx_type": "disbursement",
            "value_date": "05/03/2025",
            "amount": "2.500,50",
            "currency": "USD",
            "rate_to_vnd": "25.400,5",
            "tranche": "Đợt 1",
        },
    )
    out["fdi_project"] = c(
        "fdi_project",
        {
            "name": "Nhà máy Chân Mây",
            "country_code": "JP",
            "sector": "manufacturing",
            "registered_capital": "39.270.000",
            "currency": "USD",
            "status": "licensed",
            "licence_date": "01/02/2025",
        },
    )
    out["event"] = c(
        "event",
        {
            "title": "Festival Huế 2025",
            "event_type": "festival",
            "start_date": "01/06/2025",
            "status": "planned",
            "partner_countries": "KR JP FR",
        },
    )
    out["follow_up_task"] = c(
        "follow_up_task",
        {"title": "Gửi thư cảm ơn", "status": "open", "due_date": "10/04/2025"},
    )
    sha = hashlib.sha256(ATTACHMENT_BYTES).hexdigest()
    copy = attachments_dir(db.path) / sha[:2] / f"{sha}.txt"  # where HueDesk keeps it
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes(ATTACHMENT_BYTES)
    with db.write() as s:
        out["attachment"] = create_in(
            s,
            "kiemthu",
            "attachment",
            {
                "owner_kind": "delegation",
                "owner_uuid": dl["uuid"],
                "filename": "Biên bản.txt",
                "size": len(ATTACHMENT_BYTES),
                "sha256": sha,
            },
            stored_file=True,  # the file was put in place above
        )
    return out


@pytest.fixture
def filled(svc: RecordService, db: Database) -> dict[str, dict[str, Any]]:
    return fill(svc, db)


def dump(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every record of every kind in portable form, sorted by UUID (countries by code)."""
    out: dict[str, list[dict[str, Any]]] = {}
    with db.read() as s:
        for name, spec in KINDS.items():
            rows = []
            for r in iter_portable(s, spec):
                r.pop("id")
                if name == "country":
                    r = {k: r[k] for k in ("code", "name_vi", "name_en")}
                rows.append(r)
            out[name] = sorted(rows, key=lambda r: str(r.get("uuid", r.get("code"))))
    return out


def rewrite(
    src: Path,
    dest: Path,
    *,
    edit: Callable[[str, bytes], bytes] | None = None,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    rehash: bool = True,
) -> Path:
    """Copy a bundle, changing entries (and, if ``rehash``, fixing the manifest's checksums)."""
    with zipfile.ZipFile(src) as zin:
        man = json.loads(zin.read("manifest.json"))
        data = {n: zin.read(n) for n in zin.namelist() if n != "manifest.json"}
    if edit is not None:
        data = {n: edit(n, b) for n, b in data.items()}
    if rehash:
        for entry in man["files"]:
            b = data[entry["path"]]
            entry["size"] = len(b)
            entry["sha256"] = hashlib.sha256(b).hexdigest()
    if manifest is not None:
        manifest(man)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for n, b in data.items():
            zout.writestr(n, b)
        zout.writestr("manifest.json", json.dumps(man, ensure_ascii=False))
    return dest


def set_fields(src: Path, dest: Path, kind: str, **changes: Any) -> Path:
    """Copy a bundle with ``changes`` applied to every record of ``kind`` (checksums fixed)."""
    name = f"records/{kind}.jsonl"

    def edit(entry: str, data: bytes) -> bytes:
        if entry != name:
            return data
        lines = [json.loads(line) for line in data.splitlines()]
        return "".join(
            json.dumps({**rec, **changes}, ensure_ascii=False) + "\n" for rec in lines
        ).encode()

    return rewrite(src, dest, edit=edit)

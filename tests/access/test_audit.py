"""The audit log: append-only in the file, tampering detected, readable per role."""

from __future__ import annotations

import pytest

from huedesk.accounts import Principal
from huedesk.audit import verify_chain
from huedesk.db.engine import Database
from huedesk.db.location import Location
from huedesk.records import RecordService
from huedesk.records.history import AuditLog
from tests.access.sample import attach_file, one_of_each
from tests.backends import outside


@pytest.fixture
def logged(db: Database, accounts: dict[str, Principal]) -> dict[str, int]:
    svc = RecordService(db, "lanhsu")
    ids = one_of_each(svc)
    svc.update("delegation", ids["delegation"], {"title": "Đoàn tỉnh Gifu"})
    svc.update("person", ids["person"], {"passport_no": "P-SECRET-1", "notes": "ghi chú"})
    svc.update("consular_case", ids["consular_case"], {"facts": "Bị mất hộ chiếu ở Osaka"})
    return ids


def test_the_file_refuses_edits_of_the_log(
    db: Database, db_location: Location, logged: dict
) -> None:
    with pytest.raises(Exception, match="cannot be changed"):  # sqlite3's or psycopg's error
        outside(db_location, "UPDATE audit_entry SET actor = 'ai-do' WHERE id = 3")
    with pytest.raises(Exception, match="cannot be changed"):
        outside(db_location, "DELETE FROM audit_entry")
    with db.read() as s:
        assert list(verify_chain(s)) == []


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE audit_entry SET changes = replace(changes, 'Gifu', 'Nara') "
        "WHERE changes LIKE '%Gifu%'",
        "UPDATE audit_entry SET actor = 'canbo' WHERE id = 7",
        "DELETE FROM audit_entry WHERE id = 7",
    ],
)
def test_tampering_with_the_triggers_dropped_is_detected(
    db: Database, db_location: Location, logged: dict, tamper: str
) -> None:
    counts = outside(
        db_location,
        "DROP TRIGGER audit_entry_no_update ON audit_entry",
        "DROP TRIGGER audit_entry_no_delete ON audit_entry",
        tamper,
    )
    assert counts[-1] == 1
    with db.read() as s:
        breaks = list(verify_chain(s))
    assert breaks, "the broken chain went unnoticed"
    assert breaks[0].entry_id >= 7


def test_history_outlives_the_record(db: Database, logged: dict) -> None:
    svc = RecordService(db, "lanhsu")
    svc.delete("event", logged["event"])
    rows = AuditLog(db, "lanhsu").page(kind="event")
    assert [r.action.value for r in rows] == ["delete", "create"]
    assert "Mẫu title" in rows[0].describe("en")


def test_personal_values_and_case_text_stay_out_of_the_log(db: Database, logged: dict) -> None:
    rows = AuditLog(db, "quantri").page(limit=1000)
    text = " ".join(r.describe("vi") for r in rows)
    assert "P-SECRET-1" not in text and "Osaka" not in text
    person_update = next(r for r in rows if r.kind == "person" and r.action.value == "update")
    assert person_update.changes == {"passport_no": (None, "•••"), "notes": (None, "ghi chú")}
    assert "Số hộ chiếu: ∅ → •••" in person_update.describe("vi")


def test_roles_read_only_what_they_may(db: Database, logged: dict) -> None:
    svc = RecordService(db, "lanhsu")
    case = svc.get("consular_case", logged["consular_case"])
    attach_file(svc, "consular_case", case["id"], "Bản sao hộ chiếu.pdf")
    everything = AuditLog(db, "lanhsu")
    officer = AuditLog(db, "canbo")
    assert everything.count(record_ref=case["ref"]) == 2
    assert officer.count(record_ref=case["ref"]) == 0
    hidden = {"consular_case", "case_person", "case_consent", "case_action"}
    assert not hidden & {r.kind for r in officer.page(limit=1000)}
    officer_files = [r for r in officer.page(kind="attachment")]
    assert [r.changes["owner_kind"][1] for r in officer_files] == ["delegation"]
    assert everything.count() - officer.count() == 6  # 4 case kinds, 1 update, 1 case file


def test_audit_command_prints_a_table(cli, db: Database, logged: dict) -> None:
    ref = RecordService(db, "lanhsu").get("delegation", logged["delegation"])["ref"]
    env = {"HUEDESK_PASSWORD": "mat-khau-123"}
    res = cli("--user", "canbo", "audit", "--record", ref, "--lang", "en", env=env)
    assert res.code == 0, res.err
    lines = res.out.splitlines()
    assert lines[0].split()[:3] == ["Time", "User", "Action"]
    assert "lanhsu" in lines[1] and "Update" in lines[1]
    assert lines[1].endswith("Delegation: Mẫu title → Đoàn tỉnh Gifu")
    assert lines[-1] == "(2/2 entries)"
    res = cli("--user", "canbo", "audit", "--limit", "1", env=env)
    assert res.out.splitlines()[-1].startswith("(1/")


def test_huedesk_check_reports_a_tampered_log(
    cli, db: Database, db_location: Location, logged: dict
) -> None:
    env = {"HUEDESK_USER": "canbo", "HUEDESK_PASSWORD": "mat-khau-123"}  # check needs sign-in
    assert cli("check", "--skip-attachments", env=env).code == 0
    outside(
        db_location,
        "DROP TRIGGER audit_entry_no_update ON audit_entry",
        "UPDATE audit_entry SET actor = 'nguoi-khac' WHERE id = 5",
    )
    res = cli("check", "--skip-attachments", "--lang", "en", env=env)
    assert res.code == 1
    assert "changed outside HueDesk" in res.out
    assert "guard trigger 'audit_entry_no_update' is missing" in res.out


def test_account_entries_are_for_administrators(cli, db: Database, logged: dict) -> None:
    """Who has which role is not for everyone to list (``audit --kind user_account``)."""
    assert AuditLog(db, "quantri").count(kind="user_account") == 4
    for name in ("lanhsu", "canbo", "xem"):
        assert AuditLog(db, name).count(kind="user_account") == 0
        assert "user_account" not in {r.kind for r in AuditLog(db, name).page(limit=1000)}
    env = {"HUEDESK_PASSWORD": "mat-khau-123"}
    res = cli("--user", "xem", "audit", "--kind", "user_account", "--lang", "en", env=env)
    assert res.code == 0 and res.out.splitlines()[-1] == "(0/0 entries)"
    assert "canbo" not in res.out and "viewer" not in res.out.lower()


def test_later_edits_of_a_case_file_stay_hidden(db: Database, logged: dict) -> None:
    """An edit of a case attachment's description does not name the owner; still hidden."""
    svc = RecordService(db, "lanhsu")
    row = attach_file(svc, "consular_case", logged["consular_case"], "giay-to.pdf")
    svc.update("attachment", row["id"], {"description": "Bản sao hộ chiếu"})
    officer = AuditLog(db, "canbo")
    assert row["uuid"] not in {r.record_uuid for r in officer.page(kind="attachment")}
    assert AuditLog(db, "lanhsu").count(record_ref=row["uuid"]) == 2

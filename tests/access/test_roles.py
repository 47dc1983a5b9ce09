"""Roles enforced by the record services: what each role may read, change and see."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from huedesk.accounts import AccountService, Principal, Role
from huedesk.db.engine import Database
from huedesk.db.models import AuditEntry
from huedesk.errors import PermissionDenied
from huedesk.records import KINDS, ListQuery, RecordService
from tests.access.sample import ORDER, attach_file, one_of_each, valid_values

SENSITIVE = [k for k, s in KINDS.items() if s.sensitive]
PASSPORT = "C7654321"


@pytest.fixture
def world(db: Database, accounts: dict[str, Principal]) -> dict[str, Any]:
    """One record of every kind, a person with personal data, a case attachment."""
    admin = RecordService(db, accounts["quantri"])
    ids = one_of_each(admin)
    person = admin.update(
        "person",
        ids["person"],
        {"passport_no": PASSPORT, "date_of_birth": "02/09/1980", "phone": "0905 123 456"},
    )
    case = admin.get("consular_case", ids["consular_case"])
    case_file = attach_file(admin, "consular_case", case["id"], "Bản sao hộ chiếu.pdf")
    return {"ids": ids, "person": person, "case_file": case_file["id"]}


def _audit_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_viewer_changes_nothing(db: Database, accounts: dict[str, Principal], world: dict) -> None:
    viewer = RecordService(db, "xem")
    ids = world["ids"]
    before = _audit_count(db)
    for kind in ORDER:
        with pytest.raises(PermissionDenied, match="may only view"):
            viewer.create(kind, valid_values(kind, ids))
        with pytest.raises(PermissionDenied, match="may only view"):
            viewer.update(kind, ids[kind], {})
        with pytest.raises(PermissionDenied, match="may only view"):
            viewer.delete(kind, ids[kind])
    assert _audit_count(db) == before
    assert viewer.get("delegation", ids["delegation"])["id"] == ids["delegation"]


@pytest.mark.parametrize("name", ["canbo", "xem"])
def test_consular_cases_hidden_from_other_roles(
    db: Database, accounts: dict[str, Principal], world: dict, name: str
) -> None:
    svc = RecordService(db, name)
    ids = world["ids"]
    case_ref = RecordService(db, "quantri").get("consular_case", ids["consular_case"])["ref"]
    for kind in SENSITIVE:
        for call in (
            lambda k=kind: svc.get(k, ids[k]),
            lambda k=kind: svc.require(k, ids[k]),
            lambda k=kind: svc.list(k),
            lambda k=kind: svc.delete_impact(k, ids[k]),
        ):
            with pytest.raises(PermissionDenied, match="consular"):
                call()
    with pytest.raises(PermissionDenied):
        svc.get_by_ref("consular_case", case_ref)
    with pytest.raises(PermissionDenied):
        svc.children("consular_case", ids["consular_case"], "case_action")
    with pytest.raises(PermissionDenied):
        svc.get("attachment", world["case_file"])
    with pytest.raises(PermissionDenied):  # what a brief asks before it prints: the same rules
        svc.require("attachment", world["case_file"])
    svc.require("delegation", ids["delegation"])
    visible_files = svc.list("attachment").rows
    assert [r["owner_kind"] for r in visible_files] == ["delegation"]
    with pytest.raises(PermissionDenied):
        svc.list("attachment", ListQuery(filters={"owner_kind": "consular_case"}))


def test_officer_works_but_not_on_cases_or_personal_data(
    db: Database, accounts: dict[str, Principal], world: dict
) -> None:
    officer = RecordService(db, "canbo")
    ids = world["ids"]
    made = officer.create("delegation", valid_values("delegation", ids))
    officer.update("delegation", made["id"], {"title": "Đoàn Gifu"})
    officer.delete("delegation", made["id"])
    with pytest.raises(PermissionDenied, match="consular"):
        officer.create("consular_case", valid_values("consular_case", ids))
    with pytest.raises(PermissionDenied, match="may enter passport number"):
        officer.create("person", {"full_name": "Lê Văn B", "passport_no": "X1"})
    with pytest.raises(PermissionDenied, match="may enter passport number"):
        officer.update("person", ids["person"], {"passport_no": "X1"})
    with pytest.raises(PermissionDenied, match="may enter phone"):
        officer.update("person", ids["person"], {"phone": None})  # erasing is changing
    # A form sends the masked values it was shown back unchanged: accepted, nothing lost.
    shown = officer.get("person", ids["person"])
    assert shown["passport_no"] != PASSPORT
    officer.update(
        "person",
        ids["person"],
        {
            "full_name": "Trần Thị C",
            **{k: shown[k] for k in ("passport_no", "date_of_birth", "phone")},
        },
    )
    stored = RecordService(db, "lanhsu").get("person", ids["person"])
    assert (stored["full_name"], stored["passport_no"]) == ("Trần Thị C", PASSPORT)


@pytest.mark.parametrize("name", ["quantri", "lanhsu"])
def test_consular_roles_see_and_change_cases(
    db: Database, accounts: dict[str, Principal], world: dict, name: str
) -> None:
    svc = RecordService(db, name)
    ids = world["ids"]
    assert svc.list("consular_case").total == 1
    assert len(svc.children("consular_case", ids["consular_case"], "case_action")) == 1
    svc.update("consular_case", ids["consular_case"], {"notes": "Đã liên hệ gia đình"})
    person = svc.get("person", ids["person"])
    assert person["passport_no"] == PASSPORT
    assert person["date_of_birth"] == dt.date(1980, 9, 2)
    assert svc.list("attachment").total == 2
    svc.require("consular_case", ids["consular_case"])
    svc.require("attachment", world["case_file"])


@pytest.mark.parametrize("name", ["quantri", "lanhsu", "canbo", "xem"])
def test_lists_mask_personal_data_for_everyone(
    db: Database, accounts: dict[str, Principal], world: dict, name: str
) -> None:
    row = RecordService(db, name).list("person").rows[0]
    assert row["passport_no"] == "•••••321"
    assert row["date_of_birth"] == "••/••/1980"
    assert row["phone"] == "•••••••••456"
    assert set(row["_masked"]) == {"passport_no", "date_of_birth", "phone"}


def test_personal_data_cannot_be_probed_by_search(
    db: Database, accounts: dict[str, Principal], world: dict
) -> None:
    officer = RecordService(db, "canbo")
    assert officer.list("person", ListQuery(text=PASSPORT)).total == 0
    with pytest.raises(PermissionDenied, match="personal data"):
        officer.list("person", ListQuery(filters={"passport_no": PASSPORT}))
    with pytest.raises(PermissionDenied, match="personal data"):
        officer.list("person", ListQuery(sort="date_of_birth"))
    consular = RecordService(db, "lanhsu")
    assert consular.list("person", ListQuery(filters={"passport_no": PASSPORT})).total == 1


def test_actor_must_be_an_active_account_once_accounts_exist(
    db: Database, accounts: dict[str, Principal], world: dict
) -> None:
    with pytest.raises(PermissionDenied, match="no active account named 'ai-do'"):
        RecordService(db, "ai-do").list("delegation")
    # A Principal claiming a role gets the role the database gives the account.
    claimed = RecordService(db, Principal("xem", Role.ADMIN))
    with pytest.raises(PermissionDenied, match="may only view"):
        claimed.create("event", valid_values("event", world["ids"]))
    # Disabling an account takes effect at its next call.
    svc = RecordService(db, "canbo")
    svc.list("delegation")
    AccountService(db).set_active(accounts["quantri"], "canbo", False)
    with pytest.raises(PermissionDenied):
        svc.list("delegation")


def test_database_without_accounts_treats_callers_as_local_admin(db: Database) -> None:
    anyone = RecordService(db, "may-tinh-phong")
    assert anyone.principal() == Principal("may-tinh-phong", Role.ADMIN)
    ids = one_of_each(anyone)
    assert anyone.get("consular_case", ids["consular_case"])["id"] == ids["consular_case"]
    viewer = RecordService(db, Principal("thu", Role.VIEWER))  # an explicit role is kept
    with pytest.raises(PermissionDenied):
        viewer.create("event", valid_values("event", ids))
    with db.read() as s:
        actors = set(s.scalars(select(AuditEntry.actor)))
    assert actors == {"may-tinh-phong"}

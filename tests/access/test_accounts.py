"""Accounts: first administrator, sign-in, memory-hard hashes, administration rules, audit."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from huedesk.accounts import AccountService, Principal, Role
from huedesk.accounts import passwords as passwords_mod
from huedesk.db.engine import Database
from huedesk.db.models import AuditEntry, UserAccount
from huedesk.errors import HueDeskError, NotFoundError, PermissionDenied
from tests.access.conftest import PASSWORD


@pytest.mark.production_hashing
def test_passwords_are_argon2id_with_memory_hard_parameters() -> None:
    stored = passwords_mod.hash_password("mot mat khau dai")
    assert stored.startswith("$argon2id$")
    params = dict(p.split("=") for p in stored.split("$")[3].split(","))
    assert int(params["m"]) >= 64 * 1024  # KiB: at least 64 MiB per guess
    assert int(params["t"]) >= 3
    assert passwords_mod.verify_password(stored, "mot mat khau dai")
    assert not passwords_mod.verify_password(stored, "mot mat khau sai")
    assert not passwords_mod.verify_password("not a hash", "x")


def test_first_run_creates_the_administrator_once(db: Database) -> None:
    svc = AccountService(db)
    assert not svc.has_accounts()
    admin = svc.create_first_admin("quantri", PASSWORD, "Quản Trị")
    assert admin == Principal("quantri", Role.ADMIN)
    assert svc.has_accounts()
    with pytest.raises(HueDeskError, match="already exist"):
        svc.create_first_admin("khac", PASSWORD)
    with db.read() as s:
        stored = s.scalar(select(UserAccount.password_hash))
    assert stored is not None and PASSWORD not in stored and stored.startswith("$argon2id$")


def test_short_password_and_bad_names_are_refused(db: Database) -> None:
    svc = AccountService(db)
    with pytest.raises(HueDeskError, match="at least 8"):
        svc.create_first_admin("quantri", "ngan")
    with pytest.raises(HueDeskError, match="user name"):
        svc.create_first_admin("có dấu cách", PASSWORD)
    assert not svc.has_accounts()


def test_authenticate(db: Database, accounts: dict[str, Principal]) -> None:
    svc = AccountService(db)
    assert svc.authenticate("lanhsu", PASSWORD) == Principal("lanhsu", Role.CONSULAR_OFFICER)
    for name, password in (("lanhsu", "sai-mat-khau"), ("khongco", PASSWORD)):
        with pytest.raises(PermissionDenied, match="Wrong user name or password"):
            svc.authenticate(name, password)
    svc.set_active(accounts["quantri"], "lanhsu", False)
    with pytest.raises(PermissionDenied, match="disabled"):
        svc.authenticate("lanhsu", PASSWORD)


def test_only_administrators_manage_accounts(db: Database, accounts: dict[str, Principal]) -> None:
    svc = AccountService(db)
    for name in ("canbo", "lanhsu", "xem"):
        with pytest.raises(PermissionDenied, match="administrators"):
            svc.add(accounts[name], "moi", PASSWORD, "viewer")
        with pytest.raises(PermissionDenied):
            svc.list(accounts[name])
        with pytest.raises(PermissionDenied):
            svc.set_role(accounts[name], name, "admin")
    assert [a.name for a in svc.list(accounts["quantri"])] == ["canbo", "lanhsu", "quantri", "xem"]
    with pytest.raises(HueDeskError, match="No role"):
        svc.add(accounts["quantri"], "moi", PASSWORD, "superuser")
    with pytest.raises(HueDeskError, match="already exists"):
        svc.add(accounts["quantri"], "xem", PASSWORD, "viewer")


def test_the_last_administrator_stays(db: Database, accounts: dict[str, Principal]) -> None:
    svc = AccountService(db)
    admin = accounts["quantri"]
    with pytest.raises(HueDeskError, match="last administrator"):
        svc.set_active(admin, "quantri", False)
    with pytest.raises(HueDeskError, match="last administrator"):
        svc.set_role(admin, "quantri", Role.OFFICER)
    svc.set_role(admin, "lanhsu", "admin")
    assert svc.set_role(admin, "quantri", "officer").role is Role.OFFICER


def test_password_changes(db: Database, accounts: dict[str, Principal]) -> None:
    svc = AccountService(db)
    with pytest.raises(PermissionDenied, match="old password"):
        svc.set_password(accounts["canbo"], "canbo", "mat-khau-moi-1", "sai")
    svc.set_password(accounts["canbo"], "canbo", "mat-khau-moi-1", PASSWORD)
    assert svc.authenticate("canbo", "mat-khau-moi-1").name == "canbo"
    with pytest.raises(PermissionDenied):
        svc.set_password(accounts["canbo"], "xem", "mat-khau-moi-2")
    svc.set_password(accounts["quantri"], "xem", "mat-khau-moi-2")  # administrators reset
    assert svc.authenticate("xem", "mat-khau-moi-2").name == "xem"
    with pytest.raises(NotFoundError):
        svc.set_password(accounts["quantri"], "khongco", "mat-khau-moi-3")


def test_account_changes_are_audited_without_secrets(
    db: Database, accounts: dict[str, Principal]
) -> None:
    svc = AccountService(db)
    svc.set_password(accounts["quantri"], "xem", "mat-khau-moi-2")
    svc.set_active(accounts["quantri"], "xem", False)
    with db.read() as s:
        entries = s.execute(
            select(AuditEntry.actor, AuditEntry.action, AuditEntry.record_ref, AuditEntry.changes)
            .where(AuditEntry.kind == "user_account")
            .order_by(AuditEntry.id)
        ).all()
        hashes = set(s.scalars(select(UserAccount.password_hash)))
    assert [(a, act.value, ref) for a, act, ref, _ in entries][-2:] == [
        ("quantri", "update", "xem"),
        ("quantri", "update", "xem"),
    ]
    assert json.loads(entries[-1].changes) == {"active": [True, False]}
    everything = " ".join(e.changes for e in entries)
    assert "mat-khau" not in everything
    assert not any(h in everything for h in hashes)

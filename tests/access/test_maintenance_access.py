"""Backup, restore, reindex and check need sign-in; a restore keeps accounts and history."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from huedesk import audit, maintenance
from huedesk.accounts import AccountService, Principal
from huedesk.accounts.roles import Role
from huedesk.db.engine import Database, make_engine
from huedesk.db.enums import AuditAction
from huedesk.db.migrate import upgrade
from huedesk.db.models import AuditEntry
from huedesk.errors import PermissionDenied
from huedesk.records import RecordService
from huedesk.store import open_store
from tests.access.conftest import PASSWORD, CliResult
from tests.backends import sqlite_only

Cli = Callable[..., CliResult]

# Restores put a backup file in place of the database file; a server database is refused
# (its administrator restores it with the server's own tools, docs/server.md).
FILE_RESTORE = sqlite_only("restores replace the database file")


def _as(user: str) -> dict[str, str | None]:
    return {"HUEDESK_USER": user, "HUEDESK_PASSWORD": PASSWORD}


def _names(db: Database) -> list[str]:
    return [r["full_name"] for r in RecordService(db, "quantri").list("person").rows]


@pytest.mark.parametrize(
    ("argv", "allowed"),
    [
        (("backup",), {"quantri"}),  # a server: pg_dump, else an archive bundle
        pytest.param(("backup", "--list"), {"quantri"}, marks=FILE_RESTORE),
        (("reindex",), {"quantri", "canbo", "lanhsu"}),
        (("check", "--skip-attachments"), {"quantri", "canbo", "lanhsu", "xem"}),
    ],
)
def test_maintenance_commands_need_sign_in_and_the_right_role(
    cli: Cli, accounts: dict[str, Principal], argv: tuple[str, ...], allowed: set[str]
) -> None:
    nobody = cli(*argv, env={"HUEDESK_USER": "quantri"})
    assert nobody.code == 2 and "HUEDESK_PASSWORD" in nobody.err
    wrong = cli(*argv, env={"HUEDESK_USER": "quantri", "HUEDESK_PASSWORD": "sai"})
    assert wrong.code == 2
    for user in accounts:
        done = cli(*argv, env=_as(user))
        if user in allowed:
            assert done.code == 0, (user, done.err)
        else:
            assert done.code == 2 and len(done.err.splitlines()) == 1, (user, done.err)
            assert "quản trị viên" in done.err or "chỉ được xem" in done.err


@FILE_RESTORE
def test_only_an_administrator_restores(
    cli: Cli, db: Database, accounts: dict[str, Principal], tmp_path: Path
) -> None:
    taken = maintenance.backup_to(db, accounts["quantri"], tmp_path / "b.sqlite3")
    for user in ("canbo", "lanhsu", "xem"):
        done = cli("restore", str(taken), "--yes", "--lang", "en", env=_as(user))
        assert done.code == 2 and "Only administrators" in done.err
        with pytest.raises(PermissionDenied):
            maintenance.plan_restore(db, accounts[user], taken)
    with pytest.raises(PermissionDenied):  # the database opens: no restore without sign-in
        maintenance.rescue(db.path, taken)
    done = cli("restore", str(taken), "--yes", "--lang", "en", env=_as("quantri"))
    assert done.code == 0, done.err
    assert "Accounts stay as they are now (4)" in done.out


def _database_before_accounts(path: Path) -> None:
    """A file at schema 0002 (before accounts existed) holding one person."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO person (id, uuid, ref, full_name, created_at, updated_at) VALUES "
            "(1, 'p-1', 'NG-2024-0001', 'Người từ bản cũ', "
            "'2024-01-01 00:00:00.000000', '2024-01-01 00:00:00.000000')"
        )
    engine.dispose()


@FILE_RESTORE
def test_restoring_a_backup_from_before_accounts_keeps_every_account(
    db: Database, accounts: dict[str, Principal], tmp_path: Path
) -> None:
    old = tmp_path / "old" / "huedesk.sqlite3"
    _database_before_accounts(old)
    admin = accounts["quantri"]
    plan = maintenance.plan_restore(db, admin, old)
    assert plan.accounts_then == () and len(plan.accounts_now) == 4
    assert "Accounts stay as they are now (4)" in plan.describe("en")
    report = maintenance.restore(db, admin, old)
    assert report.kept is not None and report.carried is not None
    again = open_store(db.path)
    try:
        names = {a.name for a in AccountService(again).list(admin)}
        assert names == set(accounts)
        assert AccountService(again).authenticate("canbo", PASSWORD).role is Role.OFFICER
        assert _names(again) == ["Người từ bản cũ"]
        with again.read() as s:
            assert list(audit.verify_chain(s)) == []
            last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last is not None and last.kind == "restore" and last.action is AuditAction.SYSTEM
        assert last.actor == "quantri" and json.loads(last.changes)["backup"][1] == old.name
    finally:
        again.dispose()


@FILE_RESTORE
def test_a_restore_says_what_it_undoes_and_keeps_the_later_history(
    db: Database, accounts: dict[str, Principal], tmp_path: Path
) -> None:
    admin = accounts["quantri"]
    svc = RecordService(db, admin)
    svc.create("person", {"full_name": "Trước khi sao lưu"})
    taken = maintenance.backup_to(db, admin, tmp_path / "b.sqlite3")
    for n in range(3):
        svc.create("person", {"full_name": f"Sau khi sao lưu {n}"})
    AccountService(db).add(admin, "moi", PASSWORD, "viewer")  # an account made after the backup
    with db.read() as s:
        before = [e.entry_hash for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]

    plan = maintenance.plan_restore(db, admin, taken)
    assert plan.changes_since == 4  # three people and one account
    assert plan.records_now["person"] == 4 and plan.records_then["person"] == 1
    text = plan.describe("en")
    assert "4 changes made since the backup are undone" in text and "Person: 4 → 1" in text
    maintenance.restore(db, admin, taken)

    again = open_store(db.path)
    try:
        assert _names(again) == ["Trước khi sao lưu"]
        assert "moi" in {a.name for a in AccountService(again).list(admin)}
        with again.read() as s:
            after = [e.entry_hash for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
            assert list(audit.verify_chain(s)) == []
        assert after[: len(before)] == before and len(after) == len(before) + 1
    finally:
        again.dispose()


@FILE_RESTORE
def test_a_backup_of_another_history_says_so(
    db: Database, accounts: dict[str, Principal], tmp_path: Path
) -> None:
    other = open_store(tmp_path / "other" / "huedesk.sqlite3")
    RecordService(other, "ai").create("person", {"full_name": "Máy khác"})
    taken = maintenance.backup_to(other, "ai", tmp_path / "other.sqlite3")
    other.dispose()
    RecordService(db, accounts["quantri"]).create("person", {"full_name": "Máy này"})
    plan = maintenance.plan_restore(db, accounts["quantri"], taken)
    assert plan.changes_since is None
    assert "kept only in the 'pre-restore' copy" in plan.describe("en")
    report = maintenance.restore(db, accounts["quantri"], taken)
    assert report.carried is not None and report.carried.audit_entries is None
    again = open_store(db.path)
    try:
        with again.read() as s:
            assert list(audit.verify_chain(s)) == []
        assert {a.name for a in AccountService(again).list(accounts["quantri"])} == set(accounts)
    finally:
        again.dispose()


def test_a_refused_restore_leaves_the_workspace_on_its_database(
    db: Database, accounts: dict[str, Principal], tmp_path: Path
) -> None:
    """A restore refused before it begins (a server database, which its administrator
    restores with the server's own tools; a file that is no backup) changes nothing: the
    workspace goes on working on the same database (on a server it had switched to a new,
    empty database file at the server's stand-in path)."""
    from huedesk.errors import HueDeskError
    from huedesk.workspace import Workspace

    ws = Workspace(db, accounts["quantri"])
    ws.records.create("person", {"full_name": "Nguyễn Văn An"})
    not_a_backup = tmp_path / "not-a-backup.sqlite3"
    not_a_backup.write_bytes(b"no database here")
    where = (ws.server, ws.path)
    with pytest.raises(HueDeskError) as refused:
        ws.backups.restore(not_a_backup)
    if ws.server:
        assert "pg_restore" in str(refused.value)
    assert (ws.server, ws.path) == where
    assert [r["full_name"] for r in ws.records.list("person").rows] == ["Nguyễn Văn An"]
    if ws.server:
        assert not ws.path.exists(), "no database file beside a server's"

"""Tamper evidence (issue #12 item 5): the audit head and account seals kept beside the database.

Each attack is made with the SQLite tool alone, as someone holding the file would:
the newest audit entries deleted, an entry edited and the chain recomputed after it,
an account's role changed. ``huedesk check`` reports each one; the edited account
cannot sign in.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from huedesk.accounts.service import AccountService
from huedesk.archive import export_bundle
from huedesk.audit.chain import _digest
from huedesk.audit.head import head_file, read_head
from huedesk.check import run_check
from huedesk.db.engine import Database
from huedesk.errors import PermissionDenied
from huedesk.records import RecordService
from tests.safety.support import column_in, run_sql

PASSWORD = "Mật-khẩu-dài-đủ-12"
UNGUARD = [
    "DROP TRIGGER IF EXISTS audit_entry_no_update",
    "DROP TRIGGER IF EXISTS audit_entry_no_delete",
]


@pytest.fixture
def used(db: Database) -> Database:
    accounts = AccountService(db)
    admin = accounts.create_first_admin("quantri", PASSWORD)
    accounts.add(admin, "xemthoi", PASSWORD, "viewer")
    svc = RecordService(db, actor="quantri")
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
        svc.create("person", {"full_name": name})
    return db


def _problems(db: Database) -> str:
    return " | ".join(en for _vi, en in run_check(db).problems)


def test_the_head_and_the_seals_are_kept_beside_the_database(used: Database) -> None:
    head = read_head(used.path)
    assert head is not None
    ids = column_in(used.path, "SELECT id FROM audit_entry")
    assert head.entries == len(ids) and head.last_id == max(ids)
    assert set(head.accounts) == {"quantri", "xemthoi"}
    assert run_check(used).ok, run_check(used).problems


def test_deleting_the_newest_entries_is_detected(used: Database) -> None:
    used.dispose()
    run_sql(
        used.path,
        *UNGUARD,
        "DELETE FROM audit_entry WHERE id > (SELECT max(id) - 2 FROM audit_entry)",
    )
    text = _problems(used)
    assert "fewer than" in text
    assert "cut or recomputed" in text


def test_a_recomputed_chain_is_detected(used: Database) -> None:
    used.dispose()
    conn = sqlite3.connect(used.path)
    for statement in UNGUARD:
        conn.execute(statement)
    rows = conn.execute(
        "SELECT id, prev_hash, at, actor, action, kind, record_uuid, record_ref, changes "
        "FROM audit_entry ORDER BY id"
    ).fetchall()
    prev = rows[0][1]
    for i, (entry_id, _prev, at, actor, action, kind, uuid, ref, changes) in enumerate(rows):
        if i == 1:
            actor = "someone-else"  # the edit the attacker wants to hide
        when = dt.datetime.fromisoformat(at).replace(tzinfo=dt.UTC)
        digest = _digest(prev, when, actor, action, kind, uuid, ref, changes)
        conn.execute(
            "UPDATE audit_entry SET actor = ?, prev_hash = ?, entry_hash = ? WHERE id = ?",
            (actor, prev, digest, entry_id),
        )
        prev = digest
    conn.commit()
    conn.close()
    text = _problems(used)
    assert "Audit log entry" not in text  # the chain itself holds together …
    assert "cut or recomputed" in text  # … but not with the head kept outside


def test_a_role_changed_in_sqlite_is_detected_and_refused_at_sign_in(used: Database) -> None:
    used.dispose()
    run_sql(used.path, "UPDATE user_account SET role = 'admin' WHERE name = 'xemthoi'")
    assert "The account 'xemthoi' was changed outside HueDesk" in _problems(used)
    with pytest.raises(PermissionDenied, match="changed outside HueDesk"):
        AccountService(used).authenticate("xemthoi", PASSWORD)
    AccountService(used).authenticate("quantri", PASSWORD)  # the others still sign in


def test_a_change_through_huedesk_keeps_the_seal(used: Database) -> None:
    admin = AccountService(used).authenticate("quantri", PASSWORD)
    AccountService(used).set_role(admin, "xemthoi", "officer")
    assert run_check(used).ok, run_check(used).problems
    AccountService(used).authenticate("xemthoi", PASSWORD)


def test_a_bundle_manifest_carries_the_head(used: Database, tmp_path: Path) -> None:
    bundle = tmp_path / "a.zip"
    export_bundle(used, bundle, actor="quantri")
    with zipfile.ZipFile(bundle) as zf:
        head = json.loads(zf.read("manifest.json"))["audit_head"]
    kept = read_head(used.path)
    assert kept is not None
    assert head["last_hash"] == kept.last_hash and head["entries"] == kept.entries
    assert head_file(used.path).is_file()

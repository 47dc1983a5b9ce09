"""Tamper evidence (issue #12 item 5): the audit head and account seals kept beside the database.

Each attack is made with the database's own tools alone (``sqlite3``, or ``psycopg`` on
a server), as someone holding the file or the program's login would: the newest audit
entries deleted, an entry edited and the chain recomputed after it, an account's role
changed. ``huedesk check`` reports each one; the edited account cannot sign in. A server
database has no side file: there the heads of bundles sent before are the witnesses.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select, update

from huedesk import backup
from huedesk.accounts.service import AccountService
from huedesk.archive import export_bundle
from huedesk.audit.chain import _digest
from huedesk.audit.head import current_head, head_file, read_head
from huedesk.check import run_check
from huedesk.db.engine import Database
from huedesk.db.models import AuditEntry
from huedesk.errors import PermissionDenied
from huedesk.records import RecordService
from tests.backends import outside, sqlite_only
from tests.safety.support import column_in, run_cli, run_sql

PASSWORD = "Mật-khẩu-dài-đủ-12"
# The head and the seals are written beside a database file; a server database has no side
# file (its writers are many computers): there the log is checked against the heads of
# bundles and backup files given to ``check --against`` (docs/access-and-privacy.md).
SIDE_FILE = sqlite_only("the audit head and the account seals kept beside the database file")
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


def _recompute_from(db: Database, edited: int) -> None:
    """Edit entry number ``edited`` (0-based) and recompute the chain after it, as an
    attacker with the database and the hash rule would (the guard triggers dropped with
    the database's own tool, the rows rewritten outside HueDesk's sessions)."""
    db.dispose()
    outside(
        db.location,
        "DROP TRIGGER audit_entry_no_update ON audit_entry",
        "DROP TRIGGER audit_entry_no_delete ON audit_entry",
    )
    log = AuditEntry.__table__
    with db.engine.begin() as conn:
        rows = conn.execute(select(log).order_by(log.c.id)).mappings().all()
        prev = rows[0]["prev_hash"]
        for i, row in enumerate(rows):
            actor = "someone-else" if i == edited else row["actor"]
            at = row["at"] if row["at"].tzinfo else row["at"].replace(tzinfo=dt.UTC)
            action = str(getattr(row["action"], "value", row["action"]))
            digest = _digest(
                prev, at, actor, action, row["kind"], row["record_uuid"], row["record_ref"],
                row["changes"],
            )  # fmt: skip
            conn.execute(
                update(log)
                .where(log.c.id == row["id"])
                .values(actor=actor, prev_hash=prev, entry_hash=digest)
            )
            prev = digest
    db.dispose()


@SIDE_FILE
def test_the_head_and_the_seals_are_kept_beside_the_database(used: Database) -> None:
    head = read_head(used.path)
    assert head is not None
    ids = column_in(used.path, "SELECT id FROM audit_entry")
    assert head.entries == len(ids) and head.last_id == max(ids)
    assert set(head.accounts) == {"quantri", "xemthoi"}
    assert run_check(used).ok, run_check(used).problems


@SIDE_FILE
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


@SIDE_FILE
def test_a_recomputed_chain_is_detected(used: Database) -> None:
    used.dispose()
    _recompute_from(used, 1)
    text = _problems(used)
    assert "Audit log entry" not in text  # the chain itself holds together …
    assert "cut or recomputed" in text  # … but not with the head kept outside


@SIDE_FILE
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
    with used.read() as s:
        now = current_head(s)
    assert now.entries > 0
    assert head["last_hash"] == now.last_hash and head["entries"] == now.entries
    if used.backend.files is not None:  # a database file: the same head beside it
        assert read_head(used.path) == now


@SIDE_FILE
def test_a_deleted_side_file_is_reported(used: Database) -> None:
    head_file(used.path).unlink()
    assert "is missing" in _problems(used)


def test_an_empty_log_needs_no_side_file(db: Database) -> None:
    assert not head_file(db.path).exists()
    assert run_check(db).ok, run_check(db).problems


@SIDE_FILE
def test_the_backups_remember_the_head_when_the_side_file_is_gone(used: Database) -> None:
    """Newest entries deleted together with the side file: the backup taken before says so."""
    backup.backup_now(used.path)
    used.dispose()
    head_file(used.path).unlink()
    run_sql(
        used.path,
        *UNGUARD,
        "DELETE FROM audit_entry WHERE id > (SELECT max(id) - 2 FROM audit_entry)",
    )
    text = _problems(used)
    assert "fewer than the" in text and "recorded in the backup" in text
    assert "cut or recomputed" in text


@SIDE_FILE
def test_a_recomputed_chain_is_caught_by_a_backup_and_by_a_bundle(
    used: Database, tmp_path: Path
) -> None:
    """The attacker rewrites the log and writes a matching side file: an earlier backup and
    a bundle sent elsewhere still hold the old head."""
    backup.backup_now(used.path)
    bundle = tmp_path / "sent.zip"
    export_bundle(used, bundle, actor="quantri")
    used.dispose()
    _recompute_from(used, 1)
    with used.read() as s:
        forged = current_head(s)
    kept = read_head(used.path)
    assert kept is not None and forged.accounts == kept.accounts
    head_file(used.path).write_text(json.dumps(forged.as_json()), encoding="utf-8")
    assert "recorded in the backup" in _problems(used)  # the backup alone …
    report = run_check(used, against=[bundle])  # … and the bundle, given to check
    text = " | ".join(en for _vi, en in report.problems)
    assert "differs from the one recorded in the bundle sent.zip" in text


def test_a_recomputed_chain_is_caught_by_the_bundle_sent_before(
    used: Database, tmp_path: Path
) -> None:
    """The chain rewritten from an edited entry onwards holds together by itself; the head
    in a bundle sent before does not match it (on a server, such copies are the only
    witness: it has no side file)."""
    bundle = tmp_path / "sent.zip"
    export_bundle(used, bundle, actor="quantri")
    _recompute_from(used, 1)
    report = run_check(used, against=[bundle])
    text = " | ".join(en for _vi, en in report.problems)
    assert "Audit log entry" not in text  # no break in the chain itself
    assert "differs from the one recorded in the bundle sent.zip" in text


def test_check_against_from_the_command_line(used: Database, db_arg: str, tmp_path: Path) -> None:
    """The newest entry deleted (and the side file of a database file with it): the bundle
    sent before says so, on a server too."""
    bundle = tmp_path / "sent.zip"
    export_bundle(used, bundle, actor="quantri")
    used.dispose()
    outside(
        used.location,
        "DROP TRIGGER audit_entry_no_update ON audit_entry",
        "DROP TRIGGER audit_entry_no_delete ON audit_entry",
        "DELETE FROM audit_entry WHERE id > (SELECT max(id) - 1 FROM audit_entry)",
    )
    head_file(used.path).unlink(missing_ok=True)
    bad = tmp_path / "not-a-bundle.txt"
    bad.write_text("x", encoding="utf-8")
    env = {"HUEDESK_USER": "quantri", "HUEDESK_PASSWORD": PASSWORD}
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        ran = run_cli("--db", db_arg, "check", "--lang", "en", "--against", str(bundle), str(bad))
    assert ran.returncode == 1, ran.stderr
    assert "recorded in the bundle sent.zip" in ran.stdout
    assert "not-a-bundle.txt: not a HueDesk bundle or backup" in ran.stdout
    assert "Traceback" not in ran.stderr

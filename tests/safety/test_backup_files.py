"""Backups hold the attached files too (issue #12 item 4): kept by content, brought back by a restore."""

from __future__ import annotations

from pathlib import Path

import pytest

from huedesk import backup, maintenance
from huedesk.attachments import Attachments
from huedesk.check import run_check
from huedesk.db.engine import Database
from huedesk.paths import attachments_dir
from huedesk.records import RecordService
from huedesk.safety.attachment_copies import companion_dir, keep_files, store_dir
from huedesk.store import open_store
from tests.backends import sqlite_only

pytestmark = sqlite_only(
    "backups of the database file keep the attached files beside them (a server keeps them in its table)"
)

LETTER = "Công văn số 12/SNV-HTQT — thư mời đoàn Gyeongju\n".encode()


def _attach(db: Database, tmp_path: Path, data: bytes = LETTER, name: str = "Cong van.txt") -> dict:
    svc = RecordService(db, actor="kiemthu")
    org = svc.create("organisation", {"name": f"Thành phố {name}", "org_type": "partner_locality"})
    source = tmp_path / name
    source.write_bytes(data)
    return Attachments(db, "kiemthu").add("organisation", org["id"], source)


def test_backup_delete_restore_gives_back_the_file(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    row = _attach(db, tmp_path)
    copy = attachments_dir(db_path) / row["stored_name"]
    taken = backup.backup_now(db_path)
    assert (store_dir(db_path) / row["stored_name"]).read_bytes() == LETTER

    Attachments(db, "kiemthu").remove(row["id"])
    assert not copy.exists()  # the only record using it is gone: so is the file

    report = maintenance.restore(db, "kiemthu", taken)
    assert copy.read_bytes() == LETTER
    assert any("brought back" in n for n in report.notes)
    again = open_store(db_path)
    try:
        assert run_check(again).ok, run_check(again).problems
    finally:
        again.dispose()


def test_a_file_is_kept_once_however_many_backups_name_it(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    row = _attach(db, tmp_path)
    first = backup.backup_now(db_path)
    second = backup.backup_now(db_path)
    assert keep_files(db_path, second).copied == 0  # already in the store
    kept = [p for p in store_dir(db_path).rglob("*") if p.is_file()]
    assert [p.relative_to(store_dir(db_path)).as_posix() for p in kept] == [row["stored_name"]]
    assert first != second


def test_a_backup_to_a_chosen_file_carries_its_files_beside_it(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    row = _attach(db, tmp_path)
    dest = tmp_path / "usb" / "huedesk-copy.sqlite3"
    dest.parent.mkdir()
    backup.backup_to(db_path, dest)
    assert (companion_dir(dest) / row["stored_name"]).read_bytes() == LETTER


def test_a_changed_file_is_not_kept_as_if_it_were_the_original(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    row = _attach(db, tmp_path)
    (attachments_dir(db_path) / row["stored_name"]).write_bytes(b"tampered")
    backup.backup_now(db_path)
    assert not (store_dir(db_path) / row["stored_name"]).exists()


def test_rotation_removes_files_no_backup_names(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    _attach(db, tmp_path)
    backup.backup_now(db_path)
    stray = store_dir(db_path) / "ff" / ("f" * 64 + ".txt")
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"left by a backup rotated away")
    for _ in range(11):  # 12 manual backups: rotation removes two, then the files none names
        backup.backup_now(db_path)
    assert not stray.exists()
    assert any(p.is_file() for p in store_dir(db_path).rglob("*"))


def test_a_pre_restore_backup_keeps_the_files_too(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    """The database a restore replaces is kept with its files: a file attached after the
    restored backup comes back from the pre-restore backup, even once deleted."""
    before = backup.backup_now(db_path)  # nothing attached yet
    row = _attach(db, tmp_path)
    copy = attachments_dir(db_path) / row["stored_name"]
    report = maintenance.restore(db, "kiemthu", before)
    assert report.kept is not None and "pre-restore" in report.kept.name
    assert (store_dir(db_path) / row["stored_name"]).read_bytes() == LETTER
    copy.unlink()  # lost later (a deleted record, a disk cleaned up …)
    reopened = open_store(db_path)
    maintenance.restore(reopened, "kiemthu", report.kept)
    assert copy.read_bytes() == LETTER


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection")
def test_a_pre_upgrade_backup_keeps_the_files_too(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    from alembic import command

    from huedesk.db.engine import make_engine
    from huedesk.db.migrate import alembic_config, head_revision

    row = _attach(db, tmp_path)
    db.dispose()
    engine = make_engine(db_path)
    cfg = alembic_config()
    with engine.begin() as conn:  # the file as an older HueDesk left it
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, f"{int(head_revision()) - 1:04d}")
    engine.dispose()
    upgraded = open_store(db_path)
    upgraded.dispose()
    assert upgraded.pre_upgrade is not None and upgraded.pre_upgrade.is_file()
    assert (store_dir(db_path) / row["stored_name"]).read_bytes() == LETTER

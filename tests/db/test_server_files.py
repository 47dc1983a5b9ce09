"""What a server database keeps outside its tables (issue #15): attached files in the shared
folder ``HUEDESK_SHARED_FILES`` names, so a file one officer attaches opens on another
officer's computer; backups with ``pg_dump`` (else an archive bundle)."""

from __future__ import annotations

import datetime as dt
import subprocess
import zipfile
from pathlib import Path

import psycopg
import pytest

from huedesk import clock, maintenance
from huedesk.archive import export_bundle, import_bundle, verify_bundle
from huedesk.attachments import Attachments
from huedesk.check import run_check
from huedesk.cli.main import main
from huedesk.db.backend.postgresql import dump
from huedesk.db.backend.postgresql.dump import find_pg_dump
from huedesk.db.engine import Database
from huedesk.db.location import ServerURL
from huedesk.errors import DatabaseError
from huedesk.paths import ENV_SHARED_FILES, attachments_dir, backups_dir
from huedesk.records import RecordService
from huedesk.store import open_store

CONTENT = "Biên bản ghi nhớ Huế – Gifu\n".encode()


def _computer(monkeypatch: pytest.MonkeyPatch, home: Path, shared: Path | None) -> None:
    """Be another computer: its own data folder, and the shared folder as it reaches it."""
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    if shared is None:
        monkeypatch.delenv(ENV_SHARED_FILES, raising=False)
    else:
        monkeypatch.setenv(ENV_SHARED_FILES, str(shared))


def test_a_file_attached_on_one_computer_opens_on_another(
    pg_ready: ServerURL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    _computer(monkeypatch, tmp_path / "lan", share)
    db = open_store(pg_ready)
    try:
        org = RecordService(db, "lan").create(
            "organisation", {"name": "Tỉnh Gifu", "org_type": "partner_locality"}
        )
        source = tmp_path / "bien-ban.txt"
        source.write_bytes(CONTENT)
        row = Attachments(db, "lan").add("organisation", org["id"], source)
        assert attachments_dir(db.path) == share.resolve()
        stored = [p.relative_to(share).as_posix() for p in share.rglob("*") if p.is_file()]
        assert stored == [row["stored_name"]]
        first_stand_in = db.path
    finally:
        db.dispose()

    # another computer reaches the same share by another path (a mapped drive, a mount)
    (tmp_path / "mnt").mkdir()
    mounted = tmp_path / "mnt" / "hue-files"
    mounted.symlink_to(share, target_is_directory=True)
    _computer(monkeypatch, tmp_path / "minh", mounted)
    db = open_store(pg_ready)
    try:
        assert db.path != first_stand_in  # each computer's own stand-in
        files = Attachments(db, "minh")
        assert files.path(row["id"]).read_bytes() == CONTENT
        out = tmp_path / "out"
        out.mkdir()
        assert files.copy_out(row["id"], out).read_bytes() == CONTENT
        assert run_check(db).ok
        bundle = tmp_path / "all.zip"
        export_bundle(db, bundle)
        with zipfile.ZipFile(bundle) as z:
            assert z.read(f"attachments/{row['uuid']}/bien-ban.txt") == CONTENT
    finally:
        db.dispose()

    # a computer without the setting looks for them in the server's table, where this
    # server (whose files went to the share) has none: check names what it lacks
    _computer(monkeypatch, tmp_path / "hoa", None)
    db = open_store(pg_ready)
    try:
        assert attachments_dir(db.path).parent == db.path.parent
        problems = [en for _vi, en in run_check(db).problems]
        assert len(problems) == 1 and "'bien-ban.txt' is missing" in problems[0]
    finally:
        db.dispose()


def test_a_database_file_keeps_its_files_beside_it(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_SHARED_FILES, str(tmp_path / "share"))
    assert attachments_dir(db_path) == db_path.parent / "huedesk-attachments"


def _people(db: Database) -> list[str]:
    return sorted(r["full_name"] for r in RecordService(db, "kiemthu").list("person").rows)


def _some_records(db: Database) -> None:
    svc = RecordService(db, "kiemthu")
    for name in ("Nguyễn Văn An", "Trần Thị Bích", "Kim Min-jun"):
        svc.create("person", {"full_name": name})


def test_a_server_backup_is_pg_dump_and_restores_with_pg_restore(
    pg_db: Database, pg_server: str, tmp_path: Path
) -> None:
    _some_records(pg_db)
    made = maintenance.backup_now(pg_db, "kiemthu")
    assert made.suffix == ".dump" and made.read_bytes()[:5] == b"PGDMP"
    assert made.parent == backups_dir(pg_db.path) and not list(made.parent.glob("*.partial"))
    chosen = maintenance.backup_to(pg_db, "kiemthu", tmp_path / "dem-truoc.dump")
    assert chosen == tmp_path / "dem-truoc.dump" and chosen.stat().st_size > 0

    program = find_pg_dump()
    assert program is not None
    admin = pg_server.replace("postgresql+psycopg", "postgresql") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("CREATE DATABASE restored")
    subprocess.run(
        [
            str(program.with_name("pg_restore")),
            "--no-owner",
            f"--dbname={admin[:-9]}/restored",
            str(made),
        ],
        check=True,
        capture_output=True,
    )
    again = open_store(ServerURL(f"{pg_server}/restored"))
    try:
        assert _people(again) == _people(pg_db)
        assert run_check(again, verify_attachments=False).ok  # guard triggers and chain too
    finally:
        again.dispose()


def test_without_pg_dump_the_backup_is_an_archive_bundle(
    pg_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _some_records(pg_db)
    monkeypatch.setattr(dump, "find_pg_dump", lambda: None)
    made = maintenance.backup_to(pg_db, "kiemthu", tmp_path)
    assert made.parent == tmp_path and made.suffix == ".zip"
    assert verify_bundle(made).ok
    laptop = open_store(tmp_path / "laptop" / "huedesk.sqlite3")
    try:
        import_bundle(laptop, made, actor="kiemthu")
        assert _people(laptop) == _people(pg_db)
    finally:
        laptop.dispose()


def test_a_failed_pg_dump_says_so_in_one_line_and_leaves_no_file(
    pg_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dump, "find_pg_dump", lambda: Path("/bin/false"))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DatabaseError) as refused:
        maintenance.backup_to(pg_db, "kiemthu", out / "x.dump")
    assert "\n" not in refused.value.en and "pg_dump could not back up" in refused.value.en
    assert list(out.iterdir()) == []
    monkeypatch.setattr(dump, "find_pg_dump", lambda: tmp_path / "no-such-pg_dump")
    with pytest.raises(DatabaseError, match="pg_dump could not be run"):
        maintenance.backup_now(pg_db, "kiemthu")


def test_server_backups_are_listed_and_a_restore_says_how_in_one_line(
    pg_db: Database,
    pg_location: ServerURL,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _some_records(pg_db)
    with clock.use(clock.fixed(dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.UTC))):
        first = maintenance.backup_now(pg_db, "kiemthu")
    monkeypatch.setattr(dump, "find_pg_dump", lambda: None)  # then one without pg_dump
    with clock.use(clock.fixed(dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC))):
        second = maintenance.backup_now(pg_db, "kiemthu")
    assert (first.suffix, second.suffix) == (".dump", ".zip")
    listed = maintenance.list_backups(pg_db, "kiemthu")
    assert [(b.path, b.kind) for b in listed] == [(second, "manual"), (first, "manual")]
    assert listed[1].created == dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.UTC)
    # a file lying in the folder is not taken for a backup
    (first.parent / "notes.dump").write_bytes(b"PGDMP")
    assert len(maintenance.list_backups(pg_db, "kiemthu")) == 2

    assert main(["--db", pg_location.url, "backup", "--list", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[-1] for line in out] == [str(second), str(first)]

    before = _people(pg_db)
    with pytest.raises(DatabaseError, match="pg_restore --clean --single-transaction") as no:
        maintenance.restore(pg_db, "kiemthu", first)
    assert "\n" not in no.value.en and "docs/server.md" in no.value.en
    assert main(["--db", pg_location.url, "restore", str(first), "--yes"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("huedesk: ") and err.count("\n") == 1 and "pg_restore" in err
    assert _people(pg_db) == before

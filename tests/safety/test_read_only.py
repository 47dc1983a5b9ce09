"""A database HueDesk may read but not write: reads work, nothing is written, changes are
refused in one line, and a read-only folder is never called damaged (issue #12, item 6)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from huedesk.db.integrity import DamagedDatabaseError
from huedesk.db.read_only import ReadOnlyDatabase, why_read_only
from huedesk.store import open_store
from huedesk.workspace import Door
from tests.backends import sqlite_only
from tests.safety.read_only import (
    MECHANISMS,
    PASSWORD,
    made_database,
    read_only,
    signed_in_as_admin,
    state_of,
)
from tests.safety.support import Ran, column_in, run_cli, run_sql

pytestmark = sqlite_only("a database file or folder HueDesk may only read")


@pytest.fixture
def made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    signed_in_as_admin(monkeypatch)
    return made_database(tmp_path / "ro" / "huedesk.sqlite3")


def first_ref(path: Path, table: str) -> str:
    return str(column_in(path, f"SELECT ref FROM {table} ORDER BY id")[0])


def one_line(ran: Ran) -> str:
    lines = ran.stderr.strip().splitlines()
    assert "Traceback" not in ran.stderr
    return lines[-1]


@pytest.mark.parametrize("how", MECHANISMS)
def test_reads_work_as_a_signed_in_user_and_nothing_is_written(
    made: Path, tmp_path: Path, how: str
) -> None:
    db = str(made)
    person = first_ref(made, "person")
    delegation = first_ref(made, "delegation")
    out = tmp_path / "out"
    out.mkdir()
    before = state_of(made.parent)
    with read_only(made.parent, how):
        assert why_read_only(made) is not None
        listed = run_cli("--db", db, "list", "person")
        assert listed.returncode == 0 and person in listed.stdout
        assert "chỉ đọc" in listed.stderr  # said once, at open, on the side
        assert run_cli("--db", db, "show", "person", person).returncode == 0
        assert run_cli("--db", db, "search", "Huế").returncode == 0
        pdf = out / "brief.pdf"
        ran = run_cli("--db", db, "brief", "delegation", delegation, "-o", str(pdf))
        assert ran.returncode == 0 and pdf.read_bytes().startswith(b"%PDF")
        bundle = out / "all.zip"
        assert run_cli("--db", db, "export", "-o", str(bundle)).returncode == 0
        assert bundle.stat().st_size > 0
        checked = run_cli("--db", db, "check", "--lang", "en")
        assert checked.returncode == 0, checked.stdout
        assert "search index was not checked" in checked.stdout
        refused = run_cli("--db", db, "add", "person", "full_name=Người mới")
        assert refused.returncode == 2
        assert "chỉ mở để xem" in one_line(refused)
        assert run_cli("--db", db, "import", str(bundle)).returncode == 2
        assert run_cli("--db", db, "user", "add", "b", "--role", "viewer").returncode == 2
    # not a byte, not a new file: no last_login_at, no lock, no -wal/-shm, no clean mark
    assert state_of(made.parent) == before


def test_sign_in_on_a_read_only_database_writes_no_last_login(made: Path) -> None:
    seen = column_in(made, "SELECT last_login_at FROM user_account")
    with read_only(made.parent, "immutable"):
        door = Door.open(made)
        try:
            ws = door.sign_in("admin", PASSWORD)
            assert ws.read_only_reason("en") is not None
            with pytest.raises(ReadOnlyDatabase, match="open read-only"):
                ws.records.create("person", {"full_name": "Không được"})
            with pytest.raises(Exception, match="Wrong user name or password"):
                door.sign_in("admin", "sai")
        finally:
            door.close()
    assert column_in(made, "SELECT last_login_at FROM user_account") == seen


def test_a_read_only_folder_is_not_called_damaged(made: Path) -> None:
    """Without the clean-close mark the file is checked at open: through a reader that
    writes nothing, it is found sound and opened read-only."""
    made.with_name(made.name + ".clean").unlink()
    with read_only(made.parent, "immutable"):
        db = open_store(made)
        try:
            assert db.read_only is not None and db.read_only.what in ("file", "folder")
        finally:
            db.dispose()
        ran = run_cli("--db", str(made), "list", "person")
        assert ran.returncode == 0
        assert "damaged" not in ran.stderr and "hỏng" not in ran.stderr


def test_read_only_folder_refuses_a_new_database_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    with read_only(folder, "mount"):
        with pytest.raises(ReadOnlyDatabase) as exc:
            open_store(folder / "new.sqlite3")
        assert "Cannot create the database" in exc.value.en and "read-only" in exc.value.en
        assert not isinstance(exc.value, DamagedDatabaseError)
    assert list(folder.iterdir()) == []


def test_an_older_schema_is_not_upgraded_in_a_read_only_folder(made: Path) -> None:
    run_sql(made, "UPDATE alembic_version SET version_num = '0001'")
    before = state_of(made.parent)
    with read_only(made.parent, "immutable"):
        ran = run_cli("--db", str(made), "list", "person")
    assert ran.returncode == 2
    assert "nâng cấp" in one_line(ran) and "chỉ đọc" in one_line(ran)
    assert state_of(made.parent) == before


def test_a_log_left_waiting_in_a_read_only_folder_is_named_not_damaged(made: Path) -> None:
    """A HueDesk killed after a commit leaves its log (-wal); without the shared memory
    beside it SQLite cannot read it in a folder it may not write to."""
    code = (
        "import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "c.execute('PRAGMA wal_autocheckpoint = 0'); "
        "c.execute(\"UPDATE person SET notes = 'x'\"); c.commit(); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code, str(made)], check=True)
    Path(f"{made}-shm").unlink()
    assert Path(f"{made}-wal").stat().st_size > 0
    with read_only(made.parent, "immutable"):
        ran = run_cli("--db", str(made), "list", "person")
    assert ran.returncode == 2
    line = one_line(ran)
    assert "-wal" in line and "hỏng" not in line


def _cut_off_write(path: Path) -> None:
    """A write killed half-way in rollback-journal mode: a hot journal beside the file."""
    run_sql(
        path,
        "PRAGMA journal_mode = DELETE",
        "CREATE TABLE filler (x TEXT)",
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000) "
        "INSERT INTO filler SELECT hex(randomblob(500)) FROM n",
    )
    code = (
        "import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('PRAGMA cache_size = 1'); c.execute('BEGIN'); "
        "c.execute(\"UPDATE filler SET x = 'changed'\"); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    assert Path(f"{path}-journal").stat().st_size > 0


def test_a_write_cut_off_is_rolled_back_not_called_damaged(made: Path) -> None:
    """SQLite's crash recovery needs a writer; the read-only check lets one roll it back."""
    _cut_off_write(made)
    db = open_store(made)  # not DamagedDatabaseError
    db.dispose()
    assert "changed" not in column_in(made, "SELECT DISTINCT x FROM filler")


def test_a_write_cut_off_in_a_read_only_folder_is_named_in_one_line(made: Path) -> None:
    _cut_off_write(made)
    with read_only(made.parent, "immutable"):
        ran = run_cli("--db", str(made), "list", "person")
    assert ran.returncode == 2
    line = one_line(ran)
    assert "-journal" in line and "hỏng" not in line

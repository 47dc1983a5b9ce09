"""A full disk, a read-only disk: one line naming the file, never a traceback, never
half-written data, for import, backup, restore, attach, demo and export (issue #12, item 6).

The file system's refusal is injected where HueDesk writes (``os.fsync`` of the file
being written, ``os.replace`` putting it in place), as the operating system would
raise it: ``OSError`` with ``ENOSPC`` or ``EROFS`` and the file's name. SQLite's own
"disk is full" comes from a page limit (``PRAGMA max_page_count``).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from huedesk.db.backend.sqlite import connection
from huedesk.errors import HueDeskError
from huedesk.paths import attachments_dir, backups_dir
from huedesk.safety.files import FileProblem
from huedesk.workspace import Workspace
from tests.backends import sqlite_only
from tests.safety.read_only import state_of
from tests.safety.support import Ran, column_in, run_cli

REFUSALS = {errno.ENOSPC: "is full", errno.EROFS: "read-only disk"}
# A server's backups are pg_dump files and it is restored with pg_restore (tests/db/test_server_files.py).
FILE_COPIES = sqlite_only("backups and restores of the database file")
_real_fsync, _real_replace = os.fsync, os.replace


def refuse_writes(monkeypatch: pytest.MonkeyPatch, code: int, hit: Callable[[Path], bool]) -> None:
    """Writes to files for which ``hit(path)`` holds fail as the disk would fail them."""

    def fail(path: Path) -> None:
        raise OSError(code, os.strerror(code), str(path))

    def fsync(fd: int) -> None:
        path = Path(os.readlink(f"/proc/self/fd/{fd}"))
        if hit(path):
            fail(path)
        _real_fsync(fd)

    def replace(src: Any, dst: Any, **kw: Any) -> None:
        if hit(Path(dst)):
            fail(Path(dst))
        _real_replace(src, dst, **kw)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)


def one_line(ran: Ran, *words: str) -> str:
    assert ran.returncode == 2, (ran.stdout, ran.stderr)
    assert "Traceback" not in ran.stderr
    lines = ran.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def made(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "huedesk.sqlite3"
    assert run_cli("--db", str(path), "demo", "--records", "30").returncode == 0
    return path


def an_organisation(ws: Workspace) -> dict[str, Any]:
    return ws.records.create("organisation", {"name": "Tỉnh Gifu", "org_type": "partner_locality"})


def people(path: Path) -> list[str]:
    return column_in(path, "SELECT uuid FROM person")


@FILE_COPIES
@pytest.mark.parametrize("code", REFUSALS)
def test_backup_to_a_full_or_read_only_disk(
    made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    before = state_of(made.parent)
    refuse_writes(monkeypatch, code, lambda p: p.parent == backups_dir(made))
    one_line(run_cli("--db", str(made), "backup", "--lang", "en"), REFUSALS[code])
    assert not [p for p in backups_dir(made).iterdir() if p.is_file()]  # no copy, no .part
    out = tmp_path / "usb" / "copy.sqlite3"
    refuse_writes(monkeypatch, code, lambda p: p.parent == out.parent)
    one_line(run_cli("--db", str(made), "backup", "-o", str(out)), str(out.parent))
    assert not out.parent.exists() or not list(out.parent.glob("copy.sqlite3*"))
    assert state_of(made.parent).keys() >= before.keys()


@FILE_COPIES
def test_a_backup_whose_files_cannot_be_kept_is_no_backup(
    made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = backups_dir(made) / "files"
    refuse_writes(monkeypatch, errno.ENOSPC, lambda p: store in p.parents)
    one_line(run_cli("--db", str(made), "backup"), str(store))
    assert not list(backups_dir(made).glob("*.sqlite3"))  # the database copy went too


@FILE_COPIES
@pytest.mark.parametrize("code", REFUSALS)
def test_restore_onto_a_full_or_read_only_disk(
    made: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    assert run_cli("--db", str(made), "backup").returncode == 0
    saved = next(backups_dir(made).glob("*.sqlite3"))
    run_cli("--db", str(made), "add", "person", "full_name=Sau sao lưu")
    then = people(made)
    refuse_writes(monkeypatch, code, lambda p: p.name.endswith(".restoring"))
    one_line(run_cli("--db", str(made), "restore", "--yes", str(saved)), ".restoring")
    assert people(made) == then  # the database as it was
    assert not list(made.parent.glob("*.restoring*"))


@pytest.mark.parametrize("code", REFUSALS)
def test_import_onto_a_full_or_read_only_disk(
    made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    bundle = tmp_path / "all.zip"
    assert run_cli("--db", str(made), "export", "-o", str(bundle)).returncode == 0
    target = tmp_path / "other" / "huedesk.sqlite3"
    assert run_cli("--db", str(target), "list", "person").returncode == 0  # an empty database
    folder = attachments_dir(target)
    refuse_writes(monkeypatch, code, lambda p: folder in p.parents)
    one_line(run_cli("--db", str(target), "import", str(bundle)), str(folder))
    assert people(target) == []  # nothing of the bundle kept
    assert not folder.exists() or not [p for p in folder.rglob("*") if p.is_file()]


@pytest.mark.parametrize("code", REFUSALS)
def test_export_to_a_full_or_read_only_disk(
    db_arg: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    assert run_cli("--db", db_arg, "demo", "--records", "30").returncode == 0
    out = tmp_path / "usb" / "all.zip"
    refuse_writes(monkeypatch, code, lambda p: p == out)
    one_line(run_cli("--db", db_arg, "export", "-o", str(out)), str(out))
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


@pytest.mark.parametrize("code", REFUSALS)
def test_attach_onto_a_full_or_read_only_disk(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    owner = an_organisation(ws)
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.4 scan" * 100)
    folder = attachments_dir(ws.path)
    refuse_writes(monkeypatch, code, lambda p: folder in p.parents or p.parent == folder)
    with pytest.raises(FileProblem) as exc:
        ws.attachments.add("organisation", owner["id"], source)
    assert REFUSALS[code] in exc.value.en and str(folder) in exc.value.en
    assert "\n" not in exc.value.en
    assert ws.attachments.of("organisation", owner["id"]) == []
    assert not folder.exists() or not [p for p in folder.rglob("*") if p.is_file()]


def test_copy_out_to_a_full_disk_leaves_no_half_file(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = an_organisation(ws)
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.4 scan" * 100)
    row = ws.attachments.add("organisation", owner["id"], source)
    usb = tmp_path / "usb"
    usb.mkdir()
    refuse_writes(monkeypatch, errno.ENOSPC, lambda p: p.parent == usb)
    with pytest.raises(FileProblem, match="is full"):
        ws.attachments.copy_out(row["id"], usb)
    assert list(usb.iterdir()) == []


@sqlite_only("SQLite's own 'disk is full' (PRAGMA max_page_count)")
def test_demo_data_onto_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's own "disk is full": the whole run is one transaction, so nothing is kept."""
    made = tmp_path / "new" / "huedesk.sqlite3"
    assert run_cli("--db", str(made), "list", "person").returncode == 0
    settings = connection._settings

    def small(dbapi_conn: Any, *, wal: bool) -> None:
        settings(dbapi_conn, wal=wal)
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    monkeypatch.setattr(connection, "_settings", small)
    line = one_line(run_cli("--db", str(made), "demo", "--records", "200"), str(made))
    assert "đầy" in line
    monkeypatch.undo()
    assert people(made) == []


def test_messages_are_errors_the_user_reads() -> None:
    assert issubclass(FileProblem, HueDeskError)

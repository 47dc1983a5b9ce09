"""A damaged or foreign file is refused untouched, with the newest good backup offered."""

from __future__ import annotations

import hashlib
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest

from huedesk import backup
from huedesk.db.engine import Database
from huedesk.db.integrity import DamagedDatabaseError
from huedesk.records import RecordService
from huedesk.store import open_store
from tests.backends import sqlite_only
from tests.safety.support import run_cli, run_sql

pytestmark = sqlite_only("a damaged or foreign database file and its file backups")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk or a bad copy would."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 4096 * 4] = bytes(range(256)) * 64
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(filled: RecordService, db: Database) -> tuple[Path, Path]:
    """A database with a good backup, then damaged; returns (database, backup)."""
    good = backup.backup_now(db.path)
    db.dispose()
    _damage(db.path)
    return db.path, good


def test_damaged_file_is_refused_untouched_with_the_backup_offered(
    damaged: tuple[Path, Path],
) -> None:
    path, good = damaged
    before = _digest(path)
    with pytest.raises(DamagedDatabaseError) as exc:
        open_store(path)
    err = exc.value
    assert err.path == path and err.backup == good
    assert str(path) in err.en and "damaged" in err.en
    assert f"The newest good backup is {good}" in err.en
    assert f"huedesk --db {path} restore {good}" in err.en
    assert "Để khôi phục" in err.vi
    assert _digest(path) == before  # nothing was written into it


def test_damaged_file_through_the_command_line_then_restore(damaged: tuple[Path, Path]) -> None:
    path, good = damaged
    done = run_cli("--db", str(path), "list", "person", "--lang", "en")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert "damaged" in done.stderr and str(good) in done.stderr
    command = done.stderr.split("To restore it: ", 1)[1].strip()
    args = shlex.split(command)
    assert args[0] == "huedesk"

    restored = run_cli(*args[1:], "--lang", "en")
    assert restored.returncode == 0, restored.stderr
    kept = backup.list_backups(path)[0]
    assert kept.kind == "pre-restore" and "damaged" in kept.path.name  # raw copy, for forensics

    listed = run_cli("--db", str(path), "list", "person", "--lang", "en")
    assert listed.returncode == 0, listed.stderr
    assert "Trần Thị Bình" in listed.stdout


def _text_file(path: Path) -> Path:
    path.write_text("Báo cáo tổng kết công tác đối ngoại năm 2025\n" * 50, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_text_file, "not an SQLite file"),
        (lambda p: run_sql(p, "CREATE TABLE photos (id INTEGER PRIMARY KEY)"), "not a HueDesk one"),
    ],
    ids=["text", "foreign-sqlite"],
)
def test_foreign_files_are_refused_byte_for_byte_untouched(
    tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    path = make(tmp_path / "huedesk.sqlite3")
    before = _digest(path)
    with pytest.raises(DamagedDatabaseError, match=message) as exc:
        open_store(path)
    assert exc.value.backup is None and "There is no good backup" in exc.value.en
    assert _digest(path) == before


def test_truncated_file(db: Database) -> None:
    db.dispose()
    data = db.path.read_bytes()
    db.path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DamagedDatabaseError):
        open_store(db.path)

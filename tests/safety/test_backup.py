"""Backups: the round trip, checks before restoring, automatic backups and rotation."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

from huedesk import backup, clock
from huedesk.db.engine import Database
from huedesk.errors import DatabaseError, HueDeskError
from huedesk.paths import backups_dir
from huedesk.records import RecordService
from huedesk.store import open_store
from tests.backends import sqlite_only
from tests.safety.support import names, names_in, run_cli, run_sql

pytestmark = sqlite_only(
    "backups, restores and rotation of the database file (a server's are pg_dump files: tests/db/test_server_files.py)"
)

ORIGINAL = ["Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_and_restore_round_trip(filled: RecordService, db_path: Path) -> None:
    taken = backup.backup_now(db_path)
    assert taken.parent == backups_dir(db_path)
    filled.create("person", {"full_name": "Phạm Thị Dung"})
    filled.delete("person", filled.find_id("person", ref=filled.list("person").rows[0]["ref"]))
    changed = names(filled)

    kept = backup.restore(db_path, taken)

    # the service's open Database works on, now on the restored file
    assert names(filled) == ORIGINAL
    assert kept is not None and names_in(kept) == changed
    kinds = [b.kind for b in backup.list_backups(db_path)]
    assert kinds == ["pre-restore", "manual"]
    assert not list(db_path.parent.glob("*.restoring*"))


def test_restore_refuses_a_damaged_backup_and_changes_nothing(
    filled: RecordService, db: Database, db_path: Path
) -> None:
    bad = backup.backup_now(db_path)
    data = bytearray(bad.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xa5" * (4096 * 3)
    bad.write_bytes(bytes(data))
    db.dispose()
    before = _digest(db_path)
    with pytest.raises(DatabaseError, match="damaged") as exc:
        backup.restore(db_path, bad)
    assert str(bad) in exc.value.en and "nothing was changed" in exc.value.en
    assert _digest(db_path) == before
    assert [b.kind for b in backup.list_backups(db_path)] == ["manual"]


def test_restore_refuses_files_that_are_not_hued_backups(db: Database, tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    with pytest.raises(DatabaseError, match="not an SQLite file"):
        backup.restore(db.path, text)
    other = run_sql(tmp_path / "other.sqlite3", "CREATE TABLE t (x)")
    with pytest.raises(DatabaseError, match="not a HueDesk backup"):
        backup.restore(db.path, other)


def test_restore_refuses_a_backup_from_a_newer_hued(db: Database, tmp_path: Path) -> None:
    newer = backup.backup_to(db.path, tmp_path / "newer.sqlite3")
    run_sql(newer, "UPDATE alembic_version SET version_num = 'ffffffffffff'")
    with pytest.raises(DatabaseError, match="newer HueDesk"):
        backup.restore(db.path, newer)


def test_backup_and_restore_through_the_command_line(
    filled: RecordService, db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "elsewhere" / "copy.sqlite3"
    db.dispose()
    done = run_cli("--db", str(db.path), "backup", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.exists() and names_in(out) == ORIGINAL
    filled.create("person", {"full_name": "Phạm Thị Dung"})
    db.dispose()

    done = run_cli("--db", str(db.path), "restore", str(out), "--yes", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "Restored" in done.stdout and "pre-restore" in done.stdout
    assert names_in(db.path) == ORIGINAL

    listed = run_cli("--db", str(db.path), "backup", "--list", "--lang", "en")
    assert listed.returncode == 0 and "pre-restore" in listed.stdout


def test_backup_refuses_to_write_over_the_database_itself(
    filled: RecordService, db: Database
) -> None:
    with pytest.raises(HueDeskError, match="over the database"):
        backup.backup_to(db.path, db.path)
    assert names(filled) == ORIGINAL


def test_restore_onto_a_new_computer_keeps_nothing_and_works(db: Database, tmp_path: Path) -> None:
    taken = backup.backup_now(db.path)
    fresh = tmp_path / "new-laptop" / "huedesk.sqlite3"
    assert backup.restore(fresh, taken) is None
    opened = open_store(fresh)
    try:
        assert RecordService(opened, "x").list("country").total > 50
    finally:
        opened.dispose()


# Moments of the day and month where a wall-clock test would go wrong: the morning (a
# day after "yesterday 12:00" is not yet over), noon, late evening, the first of a month
# and the turn of a year.
MOMENTS = [
    "2026-11-30T00:30",
    "2026-11-30T03:00",
    "2026-11-30T11:59",
    "2026-11-30T12:00",
    "2026-11-30T23:30",
    "2026-12-01T03:00",
    "2026-12-31T23:59",
]


@pytest.mark.parametrize("moment", MOMENTS)
def test_automatic_backup_once_a_day_with_a_monthly_copy(
    db: Database, db_path: Path, moment: str
) -> None:
    start = dt.datetime.fromisoformat(moment).replace(tzinfo=dt.UTC)
    db.dispose()
    assert backup.list_backups(db_path) == []  # a brand-new database is not backed up
    with clock.use(clock.fixed(start)):
        open_store(db_path).dispose()
    assert sorted(b.kind for b in backup.list_backups(db_path)) == ["daily", "monthly"]
    with clock.use(clock.fixed(start + dt.timedelta(hours=23, minutes=59))):
        open_store(db_path).dispose()
    assert len(backup.list_backups(db_path)) == 2  # not again within a day

    # a day later: a new daily backup; a second monthly one only in a new month
    later = start + dt.timedelta(days=1)
    with clock.use(clock.fixed(later)):
        open_store(db_path).dispose()
    kinds = sorted(b.kind for b in backup.list_backups(db_path))
    assert kinds.count("daily") == 2
    assert kinds.count("monthly") == (1 if later.month == start.month else 2)


def test_after_large_operation_names_the_reason(db: Database) -> None:
    taken = backup.after_large_operation(db.path, "bulk delete")
    assert taken is not None and "bulk-delete" in taken.name
    info = backup.list_backups(db.path)[-1]
    assert (info.kind, info.reason) in {("daily", "bulk delete"), ("monthly", "bulk delete")}


def test_after_large_operation_never_fails_the_operation(db: Database) -> None:
    backups_dir(db.path).parent.mkdir(parents=True, exist_ok=True)
    backups_dir(db.path).write_text("a file where the folder should be")
    assert backup.after_large_operation(db.path, "import") is None


def _name(db_path: Path, kind: str, *, days_ago: float, hour: int = 12) -> str:
    when = clock.now().replace(hour=hour) - dt.timedelta(days=days_ago)
    return f"{db_path.stem}-{kind}-{when:%Y%m%dT%H%M%S}.000Z.sqlite3"


def test_rotation_keeps_seven_days_and_twelve_months(db: Database, db_path: Path) -> None:
    one = backup.backup_to(db_path, db_path.parent / "one.sqlite3")
    folder = backups_dir(db_path)
    folder.mkdir()
    for day in range(20):
        for hour in (8, 12):  # two backups a day; the later one stands for the day
            shutil.copy(one, folder / _name(db_path, "daily", days_ago=day + 1, hour=hour))
    for month in range(15):
        shutil.copy(one, folder / _name(db_path, "monthly", days_ago=31 * month + 1))
    for n in range(12):
        shutil.copy(one, folder / _name(db_path, "manual", days_ago=n + 1))
    (folder / "unrelated.txt").write_text("kept")

    removed = backup.rotate(db_path)

    left = backup.list_backups(db_path)
    daily = [b for b in left if b.kind == "daily"]
    days = {b.created.astimezone().date() for b in daily}
    assert len(days) == 7
    assert len(daily) == 9  # the 5 newest (days 1, 1, 2, 2, 3) + the newest of days 4 to 7
    assert sum(b.kind == "monthly" for b in left) == 12
    assert sum(b.kind == "manual" for b in left) == 10
    assert len(removed) == 40 + 15 + 12 - len(left)
    assert (folder / "unrelated.txt").exists()


def test_newest_good_backup_skips_damaged_ones(db: Database, db_path: Path) -> None:
    good = backup.backup_now(db_path)
    bad = backup.backup_now(db_path)
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    assert backup.newest_good_backup(db_path) == good

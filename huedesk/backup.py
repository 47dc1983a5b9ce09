"""Backups of the database: taken automatically and on request, kept in rotation, listed.

Every backup is a consistent copy made by the database backend while the database
stays in use (SQLite's online backup API: ``DatabaseFiles.snapshot``), so HueDesk
can keep working while it is taken, read back once written (quick check), and
completed by the attached files its rows name, kept by content in the backups
folder's ``files/`` store (``huedesk.safety.attachment_copies``: a file is copied
once however many backups name it; a restore brings back the ones that are gone).
They go to the database's backups folder (``huedesk.paths.backups_dir``):

- ``daily``: on opening, when the newest backup is more than a day old, and after a
  large operation (an import, a bulk delete); the first of each month is also kept
  as ``monthly``;
- ``manual``: File → Back up now, ``huedesk backup``;
- ``pre-restore``: the database a restore replaced; ``pre-upgrade``: before a schema upgrade.

Rotation keeps the newest daily backup of each of the last 7 days with one plus
the 5 newest daily ones (so a day of imports keeps its steps), the 12 newest
monthly, 10 manual, 10 pre-restore and 5 pre-upgrade backups. This module is the
API the window and the command line use; restoring is ``restore`` below.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from huedesk import clock
from huedesk.db.backend import files_of
from huedesk.db.backup_files import SERVER_SUFFIXES, SUFFIX, new_backup_path, parse_backup_name
from huedesk.db.migrate import known_revisions
from huedesk.errors import HueDeskError
from huedesk.paths import backups_dir
from huedesk.safety.attachment_copies import keep_files, prune
from huedesk.safety.files import file_errors
from huedesk.safety.restore import restore

__all__ = [
    "BackupInfo",
    "after_large_operation",
    "auto_backup_if_due",
    "backup_now",
    "backup_to",
    "list_backups",
    "newest_good_backup",
    "restore",
    "rotate",
]

log = logging.getLogger(__name__)

AUTO_INTERVAL = dt.timedelta(days=1)
KEEP_DAYS = 7  # distinct days with a daily backup
KEEP_RECENT_DAILY = 5
KEEP = {"monthly": 12, "manual": 10, "pre-restore": 10, "pre-upgrade": 5}
_PART_MAX_AGE_S = 3600  # a ".part" older than this was left by a killed backup


@dataclass(frozen=True)
class BackupInfo:
    """One backup file, for the backup list in the window and ``huedesk backup --list``."""

    path: Path
    created: dt.datetime  # aware, UTC; show with .astimezone()
    size: int  # bytes
    kind: str  # daily / monthly / manual / pre-restore / pre-upgrade
    reason: str = ""  # "import", "bulk delete", "schema 0001_initial" …


def list_backups(db_path: Path, *, server: bool = False) -> list[BackupInfo]:
    """The backups of the database at ``db_path`` (``server``: of the server database whose
    stand-in path it is: ``pg_dump`` files and archive bundles), newest first."""
    suffixes = SERVER_SUFFIXES if server else (SUFFIX,)
    db_path = Path(db_path)
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found: list[BackupInfo] = []
    for path in folder.iterdir():
        name = parse_backup_name(path, suffixes)
        if name is None or name.stem != db_path.stem:
            continue
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            continue  # rotated away meanwhile
        found.append(BackupInfo(path, name.created, size, name.kind, name.reason))
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def _take(db_path: Path, kind: str, reason: str = "") -> Path:
    dest = new_backup_path(db_path, kind, reason)
    _written(db_path, dest, beside=False)
    log.info("backup %s of %s written to %s", kind, db_path, dest)
    return dest


def _written(db_path: Path, dest: Path, *, beside: bool) -> None:
    """Copy the database to ``dest``, read it back and keep the files its rows name; what
    the file system refuses is named in one line (``file_errors``), and a backup that
    could not be completed is removed: there is a whole backup, or none."""
    with file_errors(dest):
        files_of(db_path).snapshot(db_path, dest)
        try:
            _verified(dest)
            keep_files(db_path, dest, beside=beside)
        except BaseException:
            dest.unlink(missing_ok=True)
            raise


def _verified(dest: Path) -> Path:
    """Read the new backup back (the backend's quick check); a bad one is removed and refused."""
    problems = files_of(dest).problems(dest)
    if problems:
        with contextlib.suppress(OSError):
            dest.unlink()
        raise HueDeskError(
            f"Bản sao lưu vừa ghi {dest} đọc lại bị lỗi ({problems[0]}); đã xóa nó. "
            "Hãy kiểm tra ổ đĩa rồi thử lại.",
            f"The backup just written to {dest} did not read back ({problems[0]}); it was "
            "removed. Check the disk and try again.",
        )
    return dest


def backup_now(db_path: Path) -> Path:
    """A manual backup into the backups folder, now; returns its path."""
    db_path = Path(db_path)
    dest = _take(db_path, "manual")
    rotate(db_path)
    return dest


def backup_to(db_path: Path, dest: Path) -> Path:
    """A backup to a file the user chose (``huedesk backup -o FILE``), never half-written."""
    db_path, dest = Path(db_path), Path(dest)
    files = files_of(db_path)
    live = (*files.COMPANIONS, ".lock")  # the application lock file too
    if dest.resolve() in {db_path.resolve(), *(Path(f"{db_path}{s}").resolve() for s in live)}:
        raise HueDeskError(
            f"Không thể sao lưu đè lên chính cơ sở dữ liệu {db_path}; hãy chọn tệp khác.",
            f"Cannot back up over the database {db_path} itself; choose another file.",
        )
    _written(db_path, dest, beside=True)  # <dest>-files: carried together with the file
    return dest


def _automatic(db_path: Path, reason: str) -> Path:
    now = clock.now()
    month_has_one = any(
        b.kind == "monthly" and (b.created.year, b.created.month) == (now.year, now.month)
        for b in list_backups(db_path)
    )
    dest = _take(db_path, "daily", reason)
    if not month_has_one:
        monthly = new_backup_path(db_path, "monthly", reason)
        with file_errors(monthly):
            files_of(db_path).snapshot(dest, monthly)
    rotate(db_path)
    return dest


def auto_backup_if_due(db_path: Path) -> Path | None:
    """On opening: a daily backup when the newest backup is older than a day (else ``None``)."""
    db_path = Path(db_path)
    backups = list_backups(db_path)
    now = clock.now()
    if backups and now - backups[0].created < AUTO_INTERVAL:
        return None
    return _automatic(db_path, "")


def after_large_operation(db_path: Path, reason: str) -> Path | None:
    """Call after an import or a bulk delete has committed: a daily backup, rotated.

    ``reason`` ("import", "bulk delete") goes into the file name. A failure to back
    up is logged, not raised: the operation itself has already succeeded and must
    not look failed to the user.
    """
    try:
        return _automatic(Path(db_path), reason)
    except HueDeskError as exc:
        log.warning("backup after %s failed: %s", reason, exc.en)
    except OSError as exc:
        log.warning("backup after %s failed: %s", reason, exc)
    return None


def _keep_set(backups: list[BackupInfo]) -> set[Path]:
    keep: set[Path] = set()
    daily = [b for b in backups if b.kind == "daily"]  # newest first
    keep.update(b.path for b in daily[:KEEP_RECENT_DAILY])
    days: set[dt.date] = set()
    for b in daily:
        day = b.created.astimezone().date()
        if day in days:
            continue
        if len(days) == KEEP_DAYS:
            break
        days.add(day)
        keep.add(b.path)
    for kind, n in KEEP.items():
        keep.update(b.path for b in [b for b in backups if b.kind == kind][:n])
    return keep


def rotate(db_path: Path) -> list[Path]:
    """Delete backups beyond the rotation limits, and leftovers of killed backups; returns them."""
    db_path = Path(db_path)
    backups = list_backups(db_path)
    keep = _keep_set(backups)
    removed: list[Path] = []
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(FileNotFoundError):
                b.path.unlink()
                removed.append(b.path)
    folder = backups_dir(db_path)
    for part in folder.glob("*.part") if folder.is_dir() else []:
        with contextlib.suppress(OSError):
            if time.time() - part.stat().st_mtime > _PART_MAX_AGE_S:
                part.unlink()
                removed.append(part)
    if removed:  # attached files no remaining backup names
        removed.extend(prune(db_path, [b.path for b in list_backups(db_path)]))
    return removed


def is_good_backup(path: Path) -> bool:
    """A backup that passes the backend's quick check and carries a schema this HueDesk knows."""
    files = files_of(path)
    try:
        if files.problems(path):
            return False
        return files.schema_revision(path) in known_revisions()
    except (HueDeskError, OSError):  # an unreadable file is simply not a good backup
        return False


def newest_good_backup(db_path: Path) -> Path | None:
    """The newest backup that is sound and restorable, for the "restore" offer."""
    for b in list_backups(Path(db_path)):
        if is_good_backup(b.path):
            return b.path
    return None

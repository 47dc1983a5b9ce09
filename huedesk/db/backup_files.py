"""How backup files are named, so every writer of backups and the backup list agree.

A backup of ``huedesk.sqlite3`` is ``huedesk-<kind>-<UTC time>[--<reason>].sqlite3``
in the database's backups folder. The name alone tells what the file is and when it
was taken, so listing needs no index file that could itself get lost or disagree.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from huedesk import clock
from huedesk.paths import backups_dir

BACKUP_KINDS = ("daily", "monthly", "manual", "pre-restore", "pre-upgrade")
SUFFIX = ".sqlite3"
# A server database's backups (``huedesk.maintenance``): pg_dump's custom format, or an archive bundle.
SERVER_SUFFIXES = (".dump", ".zip")
_STAMP = "%Y%m%dT%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<kind>daily|monthly|manual|pre-restore|pre-upgrade)"
    r"-(?P<stamp>\d{8}T\d{6})\.(?P<ms>\d{3})Z(?:-(?P<n>\d+))?(?:--(?P<reason>[\w.-]+))?"
    r"(?P<suffix>\.sqlite3|\.dump|\.zip)$"
)


@dataclass(frozen=True)
class BackupName:
    """What a backup file's name says about it."""

    stem: str
    kind: str
    created: dt.datetime  # aware, UTC
    reason: str


def _slug(reason: str) -> str:
    return re.sub(r"[^\w.-]+", "-", reason.strip()).strip("-.")[:60]


def new_backup_path(db_path: Path, kind: str, reason: str = "", suffix: str = SUFFIX) -> Path:
    """A fresh, unused file name in the backups folder for a backup of ``kind`` taken now
    (``suffix``: ``.sqlite3``, or a server's ``SERVER_SUFFIXES``)."""
    if kind not in BACKUP_KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    folder = backups_dir(db_path)
    now = clock.now()
    stamp = f"{now.strftime(_STAMP)}.{now.microsecond // 1000:03d}Z"
    tail = f"--{_slug(reason)}" if _slug(reason) else ""
    n = 0
    while True:
        counter = f"-{n}" if n else ""
        candidate = folder / f"{db_path.stem}-{kind}-{stamp}{counter}{tail}{suffix}"
        taken = [candidate.with_suffix(other) for other in (suffix, *SERVER_SUFFIXES)]
        if not any(p.exists() or p.with_name(p.name + ".part").exists() for p in taken):
            return candidate
        n += 1


def parse_backup_name(path: Path, suffixes: tuple[str, ...] = (SUFFIX,)) -> BackupName | None:
    """The parts of a backup file's name, or ``None`` for a file that is not a backup (of
    one of these ``suffixes``: a database file's, or a server's)."""
    m = _NAME.match(path.name)
    if m is None or m["suffix"] not in suffixes:
        return None
    created = dt.datetime.strptime(m["stamp"], _STAMP).replace(tzinfo=dt.UTC)
    created += dt.timedelta(milliseconds=int(m["ms"]), microseconds=int(m["n"] or 0))
    return BackupName(m["stem"], m["kind"], created, (m["reason"] or "").replace("-", " "))


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

"""The attached files of backups: kept by content beside the backups, brought back by a restore.

A backup of the database alone would bring back an attachment's row without its
file. So every backup also keeps the files its rows name, in the backups folder's
``files/`` store, under the same content address as in the attachments folder
(``<sha256[:2]>/<sha256><suffix>``, ``huedesk.records.stored_files``): a file is
copied once however many backups name it, and checked against its SHA-256 as it
is copied. A backup written to a file the user chose keeps its files in a folder
beside it (``<file>-files``), so it can be carried elsewhere as a pair.

A restore copies back every file its rows name that the attachments folder lacks,
from the backup's own folder or the store, checked again. Rotation removes from
the store the files no remaining backup names.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from huedesk.db.backend import files_of
from huedesk.errors import HueDeskError
from huedesk.paths import attachments_dir, backups_dir
from huedesk.records.stored_files import OutsideAttachments, sha_of_name, stored_path

log = logging.getLogger(__name__)

_TABLE = "attachment"
_COLUMNS = ["stored_name", "sha256", "size"]


@dataclass
class FileCopies:
    """What keeping or restoring the files of one backup did."""

    copied: int = 0  # files copied now
    present: int = 0  # already there (kept by an earlier backup, or never removed)
    missing: list[str] = field(default_factory=list)  # named by a row, found nowhere
    changed: list[str] = field(default_factory=list)  # found, but not the content named


def store_dir(db_path: Path) -> Path:
    """The content-addressed store of the attached files the backups of ``db_path`` name."""
    return backups_dir(db_path) / "files"


def companion_dir(backup_file: Path) -> Path:
    """Where a backup written to a chosen file keeps its attached files."""
    return backup_file.with_name(backup_file.name + "-files")


def named_files(backup_file: Path) -> list[tuple[str, str, int]]:
    """(stored name, SHA-256, size) of every attachment row of the database file."""
    rows = files_of(backup_file).read_rows(backup_file, _TABLE, _COLUMNS)
    return [(str(n), str(h), int(s)) for n, h, s in rows]


def _copy_checked(src: Path, dest: Path, sha256: str) -> bool:
    """Copy ``src`` to ``dest`` (whole or not at all) if its content has ``sha256``."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.part")
    digest = hashlib.sha256()
    try:
        with src.open("rb") as fin, tmp.open("wb") as fout:
            while block := fin.read(1 << 20):
                digest.update(block)
                fout.write(block)
            fout.flush()
            os.fsync(fout.fileno())
        if digest.hexdigest() != sha256:
            return False
        os.replace(tmp, dest)
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _place(name: str, sha256: str, sources: list[Path], dest_root: Path, out: FileCopies) -> None:
    try:
        dest = stored_path(dest_root, name)
    except OutsideAttachments:
        out.missing.append(name)  # not a content address: no file is read or written for it
        return
    if dest.is_file():
        out.present += 1
        return
    found = [stored_path(root, name) for root in sources if stored_path(root, name).is_file()]
    for src in found:
        if _copy_checked(src, dest, sha256):
            out.copied += 1
            return
    (out.changed if found else out.missing).append(name)


def keep_files(db_path: Path, backup_file: Path, *, beside: bool = False) -> FileCopies:
    """Copy the files ``backup_file``'s rows name from the attachments folder into the
    store (or, ``beside``, into the backup's own folder), each once, checked."""
    root = companion_dir(backup_file) if beside else store_dir(db_path)
    out = FileCopies()
    for name, sha256, _size in named_files(backup_file):
        _place(name, sha256, [attachments_dir(db_path)], root, out)
    if out.missing or out.changed:
        log.warning(
            "backup %s: %d attached files missing, %d changed",
            backup_file,
            len(out.missing),
            len(out.changed),
        )
    return out


def unkept(db_path: Path, backup_file: Path) -> list[str]:
    """Files ``backup_file`` names that neither its own folder nor the store holds."""
    roots = [companion_dir(backup_file), store_dir(db_path)]
    out = []
    for name, _sha, _size in named_files(backup_file):
        try:
            if not any(stored_path(r, name).is_file() for r in roots):
                out.append(name)
        except OutsideAttachments:
            out.append(name)
    return out


def restore_files(db_path: Path, backup_file: Path) -> FileCopies:
    """After ``db_path`` was restored from ``backup_file``: copy back each file its rows
    name that the attachments folder lacks (from the backup's folder or the store)."""
    out = FileCopies()
    sources = [companion_dir(backup_file), store_dir(db_path)]
    for name, sha256, _size in named_files(db_path):
        _place(name, sha256, sources, attachments_dir(db_path), out)
    return out


def prune(db_path: Path, backups: list[Path]) -> list[Path]:
    """Remove from the store the files none of ``backups`` names; returns them."""
    root = store_dir(db_path)
    if not root.is_dir():
        return []
    wanted: set[str] = set()
    for backup_file in backups:
        try:
            wanted.update(sha_of_name(n) for n, _h, _s in named_files(backup_file) if _ok(n))
        except (HueDeskError, OSError):  # an unreadable backup: keep every file, to be safe
            log.warning("backup %s unreadable: attached files not pruned", backup_file)
            return []
    removed = []
    for path in root.glob("*/*"):
        if path.is_file() and path.name[:64] not in wanted:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _ok(name: str) -> bool:
    try:
        sha_of_name(name)
    except OutsideAttachments:
        return False
    return True

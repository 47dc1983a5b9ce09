"""Putting a backup in place of the database, without ever writing over the live file.

The order matters for a crash at any moment: (1) the backup is checked (quick
check, a schema revision this HueDesk knows); (2) it is copied beside the
database under a temporary name and that copy, the file that will be installed,
gets the full check; (3) the current database is kept as a ``pre-restore``
backup (a consistent copy with the attached files its rows name, or a raw copy
with its companion files when it is damaged); (4) the caller may prepare the copy to be installed from the two
(``prepare``: the service layer carries the current accounts and audit log into
it, ``huedesk.maintenance``); (5) the current database is made self-contained
(SQLite: its WAL is checkpointed and retired, which also proves no other program
has it open); (6) the temporary copy is renamed over it. The file operations are the backend's (``DatabaseFiles``).
Killed anywhere, the database file is either the old one or the new one, whole.
The caller reopens the database afterwards (``open_store``), which upgrades an
older backup's schema.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from huedesk.db.backend import files_of
from huedesk.db.backend.protocol import DatabaseFiles
from huedesk.db.backup_files import fsync_dir, new_backup_path
from huedesk.db.engine import dispose_engines
from huedesk.db.migrate import known_revisions
from huedesk.errors import DatabaseError
from huedesk.safety import applock
from huedesk.safety.attachment_copies import keep_files
from huedesk.safety.files import file_errors


def verify_backup(backup_file: Path) -> str:
    """Refuse a backup that is missing, damaged, not HueDesk's or too new; returns its revision."""
    files = files_of(backup_file)
    if not backup_file.is_file() or backup_file.stat().st_size == 0:
        raise DatabaseError(
            f"Không có tệp sao lưu {backup_file}.", f"There is no backup file {backup_file}."
        )
    if not files.is_database_file(backup_file):
        raise DatabaseError(
            f"Tệp {backup_file} không phải bản sao lưu HueDesk (không phải tệp SQLite); chưa thay đổi gì.",
            f"The file {backup_file} is not a HueDesk backup (not an SQLite file); nothing was changed.",
        )
    problems = files.problems(backup_file)  # the full check runs on the copy to be installed
    if problems:
        detail = "; ".join(problems[:3])
        raise DatabaseError(
            f"Bản sao lưu {backup_file} bị hỏng ({detail}); chưa thay đổi gì.",
            f"The backup {backup_file} is damaged ({detail}); nothing was changed.",
        )
    rev = files.schema_revision(backup_file)
    if rev is None:
        raise DatabaseError(
            f"Tệp {backup_file} không phải bản sao lưu HueDesk; chưa thay đổi gì.",
            f"The file {backup_file} is not a HueDesk backup; nothing was changed.",
        )
    if rev not in known_revisions():
        raise DatabaseError(
            f"Bản sao lưu {backup_file} do phiên bản HueDesk mới hơn tạo (lược đồ {rev}); hãy cập nhật HueDesk.",
            f"The backup {backup_file} was made by a newer HueDesk (schema {rev}); please update HueDesk.",
        )
    return rev


def _keep_current(files: DatabaseFiles, db_path: Path) -> Path:
    """Copy the current database to a ``pre-restore`` backup, with the attached files its
    rows name (as every backup keeps them); raw bytes if it is damaged."""
    dest = new_backup_path(db_path, "pre-restore")
    if files.is_database_file(db_path) and not files.problems(db_path):
        with file_errors(dest):
            files.snapshot(db_path, dest)
            try:
                keep_files(db_path, dest)
            except BaseException:
                dest.unlink(missing_ok=True)  # a pre-restore backup without its files is none
                raise
        return dest
    dest = new_backup_path(db_path, "pre-restore", "damaged")
    try:
        files.raw_copy(db_path, dest)
    except OSError as exc:
        raise DatabaseError(
            f"Không giữ lại được bản sao của {db_path} ({exc.strerror}); chưa khôi phục.",
            f"Cannot keep a copy of {db_path} ({exc.strerror}); nothing was restored.",
        ) from exc
    return dest


Prepare = Callable[[Path, Path | None], None]


def restore(db_path: Path, backup_file: Path, prepare: Prepare | None = None) -> Path | None:
    """Replace the database with ``backup_file``; returns the safety copy of the old one.

    ``None`` when there was no database to keep (restoring onto a new computer).
    Takes the application lock, so it refuses while another HueDesk has the file
    open; this process's own engines on the file are disposed first.
    ``prepare(staged, kept)`` may change the checked copy about to be installed,
    given the safety copy of the current database (``None`` without one); if it
    raises, nothing is restored.
    """
    db_path = Path(db_path)
    backup_file = Path(backup_file)
    if backup_file.resolve() == db_path.resolve():
        raise DatabaseError(
            "Không thể khôi phục một tệp lên chính nó.", "Cannot restore a file over itself."
        )
    files = files_of(db_path)
    verify_backup(backup_file)
    staged = db_path.with_name(db_path.name + ".restoring")
    with applock.held(db_path, "restore"):
        dispose_engines(db_path)
        try:
            with file_errors(staged):
                files.snapshot(backup_file, staged, full_check=True)
            safety: Path | None = None
            if db_path.exists() and db_path.stat().st_size > 0:
                safety = _keep_current(files, db_path)
            if prepare is not None:
                prepare(staged, safety)
            if safety is not None:
                files.detach(db_path, damaged="damaged" in safety.name)
            try:
                os.replace(staged, db_path)
                fsync_dir(db_path.parent)
            except OSError as exc:
                raise DatabaseError(
                    f"Không thay được tệp {db_path} ({exc.strerror}); tệp cũ vẫn nguyên.",
                    f"Cannot replace the file {db_path} ({exc.strerror}); the old file is unchanged.",
                ) from exc
        finally:
            with contextlib.suppress(FileNotFoundError):
                staged.unlink()
    return safety

"""A consistent copy of a live database, written beside its target and renamed into place.

Uses SQLite's online backup API, so the copy is consistent even while HueDesk
(or another reader) has the database open, and never a half-written file: the
copy goes to a temporary name, is checked, made durable (fsync of the file and
of its folder) and only then takes the final name. A full disk or any other
failure leaves no file under the final name and the source untouched (it is
opened read-only).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from huedesk.db.integrity import connect_readonly
from huedesk.errors import DatabaseError


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def snapshot(source: Path, dest: Path, *, full_check: bool = False) -> Path:
    """Copy the database at ``source`` to ``dest`` atomically; returns ``dest``.

    The copy is checked with ``PRAGMA quick_check`` (``integrity_check`` when
    ``full_check``) before it takes its name.
    """
    if not source.is_file():
        raise DatabaseError(
            f"Không có tệp cơ sở dữ liệu {source} để sao chép.",
            f"There is no database file {source} to copy.",
        )
    tmp = dest.with_name(dest.name + ".part")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        src_conn = connect_readonly(source)
        try:
            dst_conn = sqlite3.connect(tmp)
            try:
                src_conn.backup(dst_conn)
                dst_conn.execute("PRAGMA journal_mode = DELETE")
                pragma = "integrity_check" if full_check else "quick_check"
                verdict = dst_conn.execute(f"PRAGMA {pragma}").fetchone()[0]
            finally:
                dst_conn.close()
        finally:
            src_conn.close()
        if verdict != "ok":
            raise DatabaseError(
                f"Bản sao của {source} không toàn vẹn ({verdict}); chưa thay tệp nào.",
                f"The copy of {source} failed its check ({verdict}); nothing was replaced.",
            )
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except OSError as exc:
        raise DatabaseError(
            f"Không ghi được bản sao {dest} ({exc.strerror}); chưa thay tệp nào.",
            f"Cannot write the copy {dest} ({exc.strerror}); nothing was replaced.",
        ) from exc
    except sqlite3.Error as exc:
        text = str(exc)
        if "full" in text:
            raise DatabaseError(
                f"Ổ đĩa chứa {dest.parent} đã đầy; bản sao chưa được ghi, dữ liệu gốc không bị ảnh hưởng.",
                f"The disk holding {dest.parent} is full; the copy was not written and the original is unharmed.",
            ) from exc
        raise DatabaseError(
            f"Không sao chép được {source} ({text}).", f"Cannot copy {source} ({text})."
        ) from exc
    finally:
        for leftover in ("", "-journal", "-wal", "-shm"):  # a failed copy leaves its journal
            with contextlib.suppress(OSError):
                Path(f"{tmp}{leftover}").unlink()
    return dest

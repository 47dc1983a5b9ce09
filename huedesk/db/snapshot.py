"""A consistent copy of a live database, written beside its target and renamed into place.

Uses SQLite's online backup API, so the copy is consistent even while HueDesk
(or another reader) has the database open, and never a half-written file: the
copy goes to a temporary name, is checked, and only then takes the final name.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from huedesk.errors import DatabaseError


def snapshot(source: Path, dest: Path) -> Path:
    """Copy the database at ``source`` to ``dest`` atomically; returns ``dest``."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    src_conn = sqlite3.connect(source)
    try:
        dst_conn = sqlite3.connect(tmp)
        try:
            src_conn.backup(dst_conn)
            dst_conn.execute("PRAGMA journal_mode = DELETE")
            verdict = dst_conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst_conn.close()
        if verdict != "ok":
            raise DatabaseError(
                f"Bản sao {tmp} không toàn vẹn ({verdict}); chưa thay tệp nào.",
                f"The copy {tmp} failed its check ({verdict}); nothing was replaced.",
            )
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except OSError as exc:
        raise DatabaseError(
            f"Không ghi được bản sao {dest} ({exc.strerror}).",
            f"Cannot write the copy {dest} ({exc.strerror}).",
        ) from exc
    finally:
        src_conn.close()
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return dest

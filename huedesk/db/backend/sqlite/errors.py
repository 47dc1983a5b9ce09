"""SQLite's low-level failures as messages that name the file and the problem.

SQLite reports a locked file, a full disk, a damaged file and a read-only one as
``OperationalError`` or ``DatabaseError`` with a short English text; the user is
told, in both languages, which file and what to do (and, where the operating
system says, which program holds the lock).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from huedesk.db.backend.sqlite.lock_holders import describe_holders
from huedesk.db.integrity import DamagedDatabaseError
from huedesk.errors import DatabaseError


def translate(exc: BaseException, path: Path) -> Exception | None:
    """The user's message for ``exc``, or ``None`` when it is not one of SQLite's file problems."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(orig, sqlite3.DatabaseError) and not isinstance(orig, sqlite3.IntegrityError):
        return _message(str(orig), path)
    return None


def _message(text: str, path: Path) -> Exception | None:
    if "locked" in text or "busy" in text:
        who_vi, who_en = describe_holders(path)
        return DatabaseError(
            f"Cơ sở dữ liệu {path} đang bị chương trình khác khóa; hãy đóng chương trình đó rồi thử lại.{who_vi}",
            f"The database {path} is locked by another program; close it and try again.{who_en}",
        )
    if "disk is full" in text or "database or disk is full" in text:
        return DatabaseError(
            f"Ổ đĩa chứa {path} đã đầy; dữ liệu chưa được ghi, hãy giải phóng dung lượng.",
            f"The disk holding {path} is full; nothing was written, free some space.",
        )
    if "malformed" in text or "not a database" in text or "file is encrypted" in text:
        return DamagedDatabaseError(
            f"Tệp {path} bị hỏng hoặc không phải cơ sở dữ liệu HueDesk ({text}).",
            f"The file {path} is damaged or not a HueDesk database ({text}).",
            path=path,
        )
    if "unable to open" in text or "readonly" in text:
        return DatabaseError(
            f"Không mở được hoặc không ghi được tệp {path} ({text}).",
            f"Cannot open or write the file {path} ({text}).",
        )
    return None

"""A database file HueDesk may read but not write: how to tell, and the words for it.

A database on a read-only disk (a write-protected USB stick, a CD, a read-only
mount), in a folder the user may not write to, or a file marked read-only is
still worth reading: lists, records, search, briefs and exports work, and every
change is refused with one line that says why (``ReadOnlyDatabase``). HueDesk
then writes nothing at all: not into the file, and not beside it (no lock file,
no write-ahead log, no clean-close mark, no daily backup).

The question is asked of the operating system (``os.access``, and the mount's
read-only flag), so a file system that refuses even the administrator (a
read-only mount, an immutable file) counts, as a file merely marked read-only
does for an ordinary user.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from huedesk.errors import DatabaseError

_WORDS = {
    "disk": ("{path} nằm trên ổ chỉ đọc", "{path} is on a read-only disk"),
    "folder": (
        "thư mục {path} chỉ đọc (không được phép ghi)",
        "the folder {path} is read-only (writing is not allowed)",
    ),
    "file": (
        "tệp {path} chỉ đọc (không được phép ghi)",
        "the file {path} is read-only (writing is not allowed)",
    ),
}


@dataclass(frozen=True)
class ReadOnly:
    """Why the database at ``database`` cannot be written: ``what`` is ``"disk"``,
    ``"folder"`` or ``"file"``, and ``path`` is that disk's file, the folder or the file."""

    database: Path
    what: str
    path: Path

    @property
    def vi(self) -> str:
        return _WORDS[self.what][0].format(path=self.path)

    @property
    def en(self) -> str:
        return _WORDS[self.what][1].format(path=self.path)

    def refusal(self) -> ReadOnlyDatabase:
        """The one-line refusal of a change to this database."""
        return ReadOnlyDatabase(
            f"Cơ sở dữ liệu {self.database} chỉ mở để xem: {self.vi}; không thay đổi được gì. "
            "Hãy chép tệp sang thư mục ghi được nếu cần sửa.",
            f"The database {self.database} is open read-only: {self.en}; nothing can be changed. "
            "Copy it to a folder you can write to in order to make changes.",
        )


class ReadOnlyDatabase(DatabaseError):
    """A change was asked of a database HueDesk may only read."""


def _on_read_only_disk(path: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)  # not on Windows
    if statvfs is None:
        return False
    try:
        return bool(statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def why_read_only(path: Path) -> ReadOnly | None:
    """Why the database file ``path`` cannot be written, or ``None`` when it can.

    The folder counts as well as the file: SQLite keeps its write-ahead log and
    shared memory beside the database, and HueDesk its lock and side files.
    A file that does not exist yet is read-only when its folder is.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        return None  # created on open (or refused there, with its own words)
    if _on_read_only_disk(folder):
        return ReadOnly(path, "disk", path if path.exists() else folder)
    if path.exists() and not os.access(path, os.W_OK):
        return ReadOnly(path, "file", path)
    if not os.access(folder, os.W_OK):
        return ReadOnly(path, "folder", folder)
    return None

"""Clear words for what the file system says, and putting a finished file in place.

A full disk, a read-only folder or file, a missing folder, a file another program
holds, a network share or a cloud-synced folder: each is named as what it is,
with the path, instead of a traceback or "the file is damaged"
(``file_errors``). ``deliver`` moves a file finished in a scratch folder to where
the user asked for it, never leaving a half-written file under the final name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from huedesk.errors import HueDeskError
from huedesk.safety.storage import cloud_service, network_fs

if TYPE_CHECKING:
    from huedesk.safety.scratch import Scratch

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS}
_DENIED = {errno.EACCES, errno.EPERM}


class FileProblem(HueDeskError):
    """The file system refused: full, read-only, not allowed, missing, in use."""


def _where(path: Path) -> tuple[str, str]:
    """ " (a network share …)" words when the path is on one, for the message."""
    try:
        cloud = cloud_service(path)
        net = network_fs(path)
    except OSError:
        return "", ""
    if cloud:
        return f" (thư mục đồng bộ {cloud})", f" (a {cloud} synced folder)"
    if net:
        return f" (ổ mạng {net})", f" (a network share, {net})"
    return "", ""


def describe(exc: OSError, path: Path, action: str = "write") -> FileProblem:
    """``exc`` (met while ``action``-ing ``path``) as a message naming the path and the cause.

    The file the system names is named, unless it is ``path``'s own temporary
    sibling (``.name.partial``, ``name.part``): the user chose ``path``.
    """
    if isinstance(exc.filename, str):
        named = Path(exc.filename)
        if not (named.parent == path.parent and path.name in named.name):
            path = named
    in_vi, in_en = _where(path)
    reading = action == "read"
    code = exc.errno
    if code in _FULL:
        return FileProblem(
            f"Ổ đĩa chứa {path}{in_vi} đã đầy; chưa ghi gì. Hãy giải phóng dung lượng rồi thử lại.",
            f"The disk holding {path}{in_en} is full; nothing was written. Free some space and try again.",
        )
    if code in _READ_ONLY:
        return FileProblem(
            f"{path}{in_vi} nằm trên ổ chỉ đọc; hãy chọn nơi khác.",
            f"{path}{in_en} is on a read-only disk; choose another place.",
        )
    if code in _DENIED:
        what_vi = "đọc" if reading else "ghi vào"
        what_en = "read" if reading else "write to"
        return FileProblem(
            f"Không được phép {what_vi} {path}{in_vi} (tệp hoặc thư mục chỉ đọc, hoặc thuộc người khác).",
            f"Not allowed to {what_en} {path}{in_en} (the file or folder is read-only or belongs to someone else).",
        )
    if code == errno.ENOENT:
        return FileProblem(
            f"Không có {path}{in_vi} (thư mục không tồn tại, hoặc ổ USB đã được rút ra).",
            f"{path}{in_en} does not exist (the folder is missing, or the USB drive was removed).",
        )
    if code in (errno.EBUSY, errno.ETXTBSY, getattr(errno, "ESHARE", -1)):
        return FileProblem(
            f"{path}{in_vi} đang được chương trình khác dùng; hãy đóng chương trình đó rồi thử lại.",
            f"{path}{in_en} is in use by another program; close it and try again.",
        )
    if code == errno.EISDIR:
        return FileProblem(
            f"{path} là một thư mục, không phải tệp.", f"{path} is a folder, not a file."
        )
    reason = exc.strerror or str(exc)
    return FileProblem(
        f"Không {'đọc' if reading else 'ghi'} được {path}{in_vi} ({reason}).",
        f"Cannot {'read' if reading else 'write'} {path}{in_en} ({reason}).",
    )


@contextlib.contextmanager
def file_errors(path: Path, action: str = "write") -> Iterator[None]:
    """Turn the file system's refusals inside the block into ``FileProblem`` messages."""
    try:
        yield
    except OSError as exc:
        raise describe(exc, Path(path), action) from exc


def deliver(src: Path, dest: Path, work: Scratch | None = None) -> Path:
    """Put the finished file ``src`` at ``dest`` as a whole, or not at all.

    On the same drive a rename does it. Across drives (a USB stick) the file is
    copied next to ``dest`` under a hidden temporary name, saved to disk and then
    renamed; ``work`` notes that name first, so a copy left by a killed HueDesk is
    removed at the next start (``huedesk.safety.scratch.clear_leftovers``).
    """
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(src, dest)
        return dest
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
    partial = dest.with_name(f".{dest.name}.partial")
    if work is not None:
        work.note_outgoing(partial)
    try:
        with src.open("rb") as fin, partial.open("wb") as fout:
            shutil.copyfileobj(fin, fout, 1 << 20)
            fout.flush()
            os.fsync(fout.fileno())
        os.replace(partial, dest)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return dest

"""The application lock: one HueDesk window (or restore) per database at a time.

SQLite already serialises writers on a local disk, but on a network share its
locks are unreliable, and a restore must never replace a file another HueDesk has
open. So the window and ``huedesk restore`` hold a lock file beside the database,
``<database>.lock``, recording host, process, user, start time and purpose; a
second holder gets a message naming the first. A lock left by a crashed HueDesk
(its process no longer runs on this host) is cleared automatically. Ordinary
command-line commands do not take the lock: they only refuse a database held by a
HueDesk on another computer (see ``docs/your-data.md``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from huedesk import clock
from huedesk.errors import DatabaseError

# A lock file still empty after this long was left by a process that died between
# creating and writing it.
_EMPTY_GRACE_S = 5.0


@dataclass(frozen=True)
class LockInfo:
    """Who holds a database: written into the lock file as JSON."""

    host: str
    pid: int
    user: str
    started: str  # ISO 8601, UTC
    purpose: str
    boot_ticks: int | None = None  # Linux: process start time, tells a reused pid apart

    def describe(self, lang: str = "vi") -> str:
        """ "user on host (process N, purpose) since dd/mm/yyyy hh:mm" for messages."""
        try:
            since = dt.datetime.fromisoformat(self.started).astimezone().strftime("%d/%m/%Y %H:%M")
        except ValueError:
            since = self.started
        if lang == "en":
            return f"{self.user} on {self.host} (process {self.pid}, {self.purpose}) since {since}"
        return (
            f"{self.user} trên máy {self.host} (tiến trình {self.pid}, {self.purpose}) từ {since}"
        )


class AppLockHeld(DatabaseError):
    """Another HueDesk holds the database; ``holder`` says who."""

    def __init__(self, vi: str, en: str, *, holder: LockInfo, lock_file: Path) -> None:
        super().__init__(vi, en)
        self.holder = holder
        self.lock_file = lock_file


def lock_path(db_path: Path) -> Path:
    """The lock file of the database at ``db_path``."""
    return db_path.with_name(db_path.name + ".lock")


def this_host() -> str:
    return socket.gethostname()


def start_ticks(pid: int) -> int | None:
    """A process's start time in clock ticks since boot (Linux), to tell a reused pid apart."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    try:
        return int(stat.rsplit(")", 1)[1].split()[19])
    except (IndexError, ValueError):
        return None


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes  # Windows only: os.kill(pid, 0) would terminate the process there

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def read_lock(db_path: Path) -> LockInfo | None:
    """Who holds the database now, or ``None`` (no lock, or an unreadable one)."""
    try:
        data = json.loads(lock_path(db_path).read_text(encoding="utf-8"))
        known = {f.name for f in fields(LockInfo)}
        # fields a newer HueDesk may add are ignored, not taken for a broken lock
        return LockInfo(**{k: v for k, v in data.items() if k in known})
    except (OSError, ValueError, TypeError, AttributeError):
        return None


def is_stale(info: LockInfo) -> bool:
    """A lock from this computer whose process is gone (or is a different process now)."""
    if info.host != this_host():
        return False  # cannot see another computer's processes
    if not pid_alive(info.pid):
        return True
    ticks = start_ticks(info.pid)
    return info.boot_ticks is not None and ticks is not None and ticks != info.boot_ticks


def _held_error(info: LockInfo, lock_file: Path, db_path: Path) -> AppLockHeld:
    extra_vi = extra_en = ""
    if info.host != this_host():
        extra_vi = f" Nếu máy đó đã tắt hoặc HueDesk trên đó đã đóng, hãy xóa tệp {lock_file}."
        extra_en = (
            f" If that computer is off or HueDesk there has closed, delete the file {lock_file}."
        )
    return AppLockHeld(
        f"Cơ sở dữ liệu {db_path} đang được mở bởi {info.describe('vi')}; hãy đóng HueDesk ở đó trước.{extra_vi}",
        f"The database {db_path} is open in HueDesk by {info.describe('en')}; close it there first.{extra_en}",
        holder=info,
        lock_file=lock_file,
    )


def _clear_stale(lock_file: Path, seen_raw: str) -> None:
    """Remove a stale lock, unless another process replaced it with a live one meanwhile."""
    aside = lock_file.with_name(f"{lock_file.name}.stale-{os.getpid()}")
    try:
        os.replace(lock_file, aside)
    except FileNotFoundError:
        return
    try:
        moved = aside.read_text(encoding="utf-8")
    except OSError:
        moved = seen_raw
    if moved != seen_raw:
        # Someone took the lock between our read and the move: put theirs back.
        with contextlib.suppress(OSError):
            os.link(aside, lock_file)
    with contextlib.suppress(OSError):
        aside.unlink()


class AppLock:
    """A held application lock; release it (or use as a context manager) when done."""

    def __init__(self, db_path: Path, info: LockInfo) -> None:
        self.db_path = db_path
        self.info = info
        self.file = lock_path(db_path)
        self.cleared_stale: LockInfo | None = None

    def release(self) -> None:
        """Remove the lock file if it is still ours."""
        current = read_lock(self.db_path)
        if current is not None and current.pid == self.info.pid and current.host == self.info.host:
            with contextlib.suppress(FileNotFoundError):
                self.file.unlink()

    def __enter__(self) -> AppLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def acquire(db_path: Path, purpose: str) -> AppLock:
    """Take the application lock on ``db_path``; raises ``AppLockHeld`` naming the holder.

    Re-entrant for this process: if it already holds the lock (the window calling
    restore), the returned object's ``release`` leaves the lock held, so each caller
    releases only what it took.
    """
    db_path = Path(db_path)
    lock_file = lock_path(db_path)
    me = LockInfo(
        host=this_host(),
        pid=os.getpid(),
        user=getpass.getuser(),
        started=clock.now().isoformat(timespec="seconds"),
        purpose=purpose,
        boot_ticks=start_ticks(os.getpid()),
    )
    cleared: LockInfo | None = None
    contended = 0  # times another process took or cleared the lock between our steps
    while contended < 20:
        try:
            lock_file.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            pass
        except OSError as exc:
            raise DatabaseError(
                f"Không tạo được tệp khóa {lock_file} ({exc.strerror}).",
                f"Cannot create the lock file {lock_file} ({exc.strerror}).",
            ) from exc
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(me), fh)
                fh.flush()
                os.fsync(fh.fileno())
            lock = AppLock(db_path, me)
            lock.cleared_stale = cleared
            return lock
        try:
            raw = lock_file.read_text(encoding="utf-8")
            age = time.time() - lock_file.stat().st_mtime
        except FileNotFoundError:
            contended += 1
            continue
        info = read_lock(db_path)
        if info is None:
            if age < _EMPTY_GRACE_S:
                # Being written right now, or left empty by a process killed between
                # creating and writing it: wait until it is written or the grace period
                # has passed (a crash at that moment costs the next start a few seconds,
                # not a "try again").
                time.sleep(0.05)
                continue
            contended += 1
            _clear_stale(lock_file, raw)
            continue
        if info.host == me.host and info.pid == me.pid:
            return _Reentrant(db_path, info)
        if is_stale(info):
            contended += 1
            cleared = info
            _clear_stale(lock_file, raw)
            continue
        raise _held_error(info, lock_file, db_path)
    raise DatabaseError(
        f"Không lấy được khóa {lock_file} (nhiều tiến trình tranh nhau); hãy thử lại.",
        f"Could not take the lock {lock_file} (several processes competing); try again.",
    )


class _Reentrant(AppLock):
    """The lock this process already holds: releasing it here leaves it held."""

    def release(self) -> None:
        return None


def refuse_if_held_elsewhere(db_path: Path) -> None:
    """For commands that do not take the lock: refuse a database a HueDesk on another computer holds.

    On one computer SQLite's own locking keeps a command and an open window safe
    together; across computers (a network share) it does not.
    """
    info = read_lock(Path(db_path))
    if info is not None and info.host != this_host():
        raise _held_error(info, lock_path(Path(db_path)), Path(db_path))


@contextlib.contextmanager
def held(db_path: Path, purpose: str) -> Iterator[AppLock]:
    """``with held(path, "restore"): ...`` takes the lock for the block."""
    lock = acquire(db_path, purpose)
    try:
        yield lock
    finally:
        lock.release()

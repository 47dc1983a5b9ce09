"""Which other programs hold an SQLite database file open with a lock (where the OS tells us).

"Database is locked" alone leaves the user guessing; on Linux ``/proc/locks`` lists
the process holding each byte-range lock SQLite takes on the file and its ``-shm``,
so the message can say "held by sqlite3 (process 4242)". Elsewhere this returns
nothing and the message stays general.
"""

from __future__ import annotations

import os
from pathlib import Path

_PROC_LOCKS = Path("/proc/locks")


def _inodes(path: Path) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            st = candidate.stat()
        except OSError:
            continue
        found.add((st.st_dev, st.st_ino))
    return found


def _process_name(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return "?"
    args = [a.decode(errors="replace") for a in raw.split(b"\0") if a]
    if not args:
        return "?"
    shown = " ".join(Path(args[0]).name if i == 0 else a for i, a in enumerate(args[:3]))
    return " ".join(shown.split())[:80]


def lock_holders(path: Path) -> list[tuple[int, str]]:
    """``(pid, command line)`` of other processes holding a lock on the database, best effort."""
    if not _PROC_LOCKS.exists():
        return []
    wanted = _inodes(path)
    if not wanted:
        return []
    holders: dict[int, str] = {}
    try:
        lines = _PROC_LOCKS.read_text().splitlines()
    except OSError:
        return []
    for line in lines:
        parts = line.split()
        # "1: POSIX  ADVISORY  WRITE 4242 08:01:123456 0 EOF" ("->" marks a waiter)
        if "->" in parts:
            continue
        try:
            pid = int(parts[4])
            major, minor, inode = parts[5].split(":")
            dev = os.makedev(int(major, 16), int(minor, 16))
        except (IndexError, ValueError):
            continue
        if pid != os.getpid() and (dev, int(inode)) in wanted:
            holders.setdefault(pid, _process_name(pid))
    return sorted(holders.items())


def describe_holders(path: Path) -> tuple[str, str]:
    """A phrase naming the holders, in Vietnamese and English ("" when unknown)."""
    holders = lock_holders(path)
    if not holders:
        return "", ""
    names = ", ".join(f"{cmd} (pid {pid})" for pid, cmd in holders)
    return f" Đang giữ: {names}.", f" Held by: {names}."

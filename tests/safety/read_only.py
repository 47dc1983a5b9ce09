"""Making a folder really read-only, also for root (the tests run as root in CI).

``chmod`` does not stop root, so the folder is made read-only the way an office
laptop meets it: an immutable folder and file (``chattr +i``: what a
write-protected share looks like to the process), or a read-only mount (a
write-protected USB stick). As an ordinary user ``chmod`` is enough. A
mechanism the machine does not offer skips the test.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

MECHANISMS = ("immutable", "mount")
PASSWORD = "mat-khau-dai-123"


def signed_in_as_admin(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands sign in as ``admin`` (and ``user init`` creates it) without a terminal."""
    monkeypatch.setenv("HUEDESK_USER", "admin")
    monkeypatch.setenv("HUEDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("HUEDESK_NEW_PASSWORD", PASSWORD)


def made_database(path: Path) -> Path:
    """A database with demo records, an attached file and an administrator who has signed
    in once, closed cleanly (call ``signed_in_as_admin`` first)."""
    from tests.safety.support import run_cli

    assert run_cli("--db", str(path), "demo", "--records", "30").returncode == 0
    assert run_cli("--db", str(path), "user", "init", "admin").returncode == 0
    assert run_cli("--db", str(path), "list", "person").returncode == 0
    return path


def _run(*args: str) -> bool:
    return subprocess.run(list(args), capture_output=True).returncode == 0


@contextlib.contextmanager
def read_only(folder: Path, how: str) -> Iterator[None]:
    """``folder`` and the files directly in it cannot be written for the block."""
    if sys.platform != "linux":
        pytest.skip("needs Linux")
    if os.geteuid() != 0:  # chmod is enough for an ordinary user
        entries = [p for p in folder.iterdir() if p.is_file()]
        for p in entries:
            p.chmod(0o444)
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
            for p in entries:
                p.chmod(0o644)
        return
    if how == "immutable":
        paths = [str(folder), *(str(p) for p in folder.iterdir() if p.is_file())]
        if shutil.which("chattr") is None or not _run("chattr", "+i", *paths):
            pytest.skip("chattr +i is not available on this file system")
        try:
            yield
        finally:
            _run("chattr", "-i", *paths)
        return
    if shutil.which("mount") is None or not _run("mount", "--bind", str(folder), str(folder)):
        pytest.skip("cannot bind-mount here")
    try:
        if not _run("mount", "-o", "remount,ro,bind", str(folder)):
            pytest.skip("cannot remount read-only here")
        yield
    finally:
        _run("umount", "-l", str(folder))


def state_of(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under ``folder``: SHA-256 and modification time (what "nothing written" means)."""
    found: dict[str, tuple[str, int]] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[str(path.relative_to(folder))] = (digest, path.stat().st_mtime_ns)
        else:
            found[str(path.relative_to(folder))] = ("folder", 0)
    return found

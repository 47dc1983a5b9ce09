"""A throw-away PostgreSQL server for the tests: ``initdb`` in a temporary folder, on loopback.

Found from ``pg_ctl`` on the ``PATH`` or in Debian's ``/usr/lib/postgresql/*/bin``.
When the binaries are absent the PostgreSQL tests are skipped, unless
``HUEDESK_TEST_POSTGRES=required`` (set by ``.ci/run``, which installs them): then
they fail. The server runs as the current user; as root (CI's user), it runs as
Debian's ``postgres`` account, since PostgreSQL refuses to run as root. It is
tuned for tests (no fsync) and removed at the end of the session, or by its watchdog when
the process that started it dies without cleaning up (killed by a timeout, ``kill -9``):
no cluster outlives its test run.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REQUIRED_ENV = "HUEDESK_TEST_POSTGRES"


def bin_dir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl`` (``None`` when PostgreSQL is not installed)."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(os.path.realpath(on_path)).parent
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(Path(p).parts[4]) if Path(p).parts[4].isdigit() else 0,
    )
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# The watchdog: a child that waits for the end of its standard input, which only the
# process that started the server holds open, then stops the server and removes its folder.
# Its own session, so a signal sent to the test run's process group does not stop it first.
_WATCHDOG = """
import shutil, subprocess, sys
sys.stdin.buffer.read()
prefix, pg_ctl, data, folder = sys.argv[1].split(), sys.argv[2], sys.argv[3], sys.argv[4]
subprocess.run([*prefix, pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"],
               capture_output=True, timeout=120, check=False)
shutil.rmtree(folder, ignore_errors=True)
"""


def _watchdog(prefix: list[str], pg_ctl: Path, data: Path, folder: Path) -> subprocess.Popen[bytes]:
    args = [" ".join(prefix), str(pg_ctl), str(data), str(folder)]
    return subprocess.Popen(
        [sys.executable, "-c", _WATCHDOG, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


@contextmanager
def running_server() -> Iterator[str]:
    """Start a server; yields ``postgresql+psycopg://huedesk@127.0.0.1:PORT``."""
    binaries = bin_dir()
    if binaries is None:
        raise FileNotFoundError("PostgreSQL's initdb and pg_ctl are not installed")
    folder = Path(tempfile.mkdtemp(prefix="huedesk-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
    )

    def run(*args: str) -> None:
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=120, cwd=folder)

    watchdog = _watchdog(prefix, binaries / "pg_ctl", data, folder)
    try:
        run(
            str(binaries / "initdb"),
            "-D",
            str(data),
            "-U",
            "huedesk",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        run(
            str(binaries / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(folder / "log"),
            "-w",
            "-o",
            options,
            "start",
        )
        yield f"postgresql+psycopg://huedesk@127.0.0.1:{port}"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [
                    *prefix,
                    str(binaries / "pg_ctl"),
                    "-D",
                    str(data),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                ],
                capture_output=True,
                timeout=120,
                check=False,
            )
        shutil.rmtree(folder, ignore_errors=True)
        assert watchdog.stdin is not None
        watchdog.stdin.close()  # nothing left for it to do: it stops and removes nothing
        watchdog.wait(timeout=120)

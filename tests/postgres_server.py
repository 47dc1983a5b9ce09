"""A throw-away PostgreSQL server for the tests: ``initdb`` in a temporary folder, on loopback.

Found from ``pg_ctl`` on the ``PATH`` or in Debian's ``/usr/lib/postgresql/*/bin``.
When the binaries are absent the PostgreSQL tests are skipped, unless
``HUEDESK_TEST_POSTGRES=required`` (set by ``.ci/run``, which installs them): then
they fail. The server runs as the current user; as root (CI's user), it runs as
Debian's ``postgres`` account, since PostgreSQL refuses to run as root. It is
tuned for tests (no fsync) and removed at the end of the session.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
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

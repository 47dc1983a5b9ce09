"""Backups of a server database with PostgreSQL's own ``pg_dump`` (custom format).

Found on the ``PATH`` or in Debian's ``/usr/lib/postgresql/*/bin`` (the newest: a
``pg_dump`` older than the server refuses to dump it). The password goes to
``pg_dump`` in its environment, never on its command line, where other users of the
computer could read it. The dump is written under a temporary name and renamed when
``pg_dump`` has finished, so a failed run leaves no half-written backup; it is restored
with ``pg_restore --clean --dbname=… FILE`` (``docs/server.md``).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from huedesk.db.location import ServerURL
from huedesk.errors import DatabaseError

SUFFIX = ".dump"


def find_pg_dump() -> Path | None:
    """``pg_dump``, or ``None`` when PostgreSQL's client programs are not installed."""
    on_path = shutil.which("pg_dump")
    if on_path:
        return Path(on_path)
    found = glob.glob("/usr/lib/postgresql/*/bin/pg_dump")

    def version(p: str) -> int:
        part = Path(p).parts[4]
        return int(part) if part.isdigit() else 0

    return Path(max(found, key=version)) if found else None


def _libpq(location: ServerURL) -> tuple[str, dict[str, str]]:
    """The URL as libpq reads it (no SQLAlchemy driver, no password) and its environment."""
    parts = urlsplit(location.url)
    scheme = parts.scheme.split("+", 1)[0]
    netloc = parts.netloc.rsplit("@", 1)[-1]
    user = f"{parts.username}@" if parts.username else ""
    env = dict(os.environ)
    if parts.password is not None:
        env["PGPASSWORD"] = unquote(parts.password)
    return parts._replace(scheme=scheme, netloc=user + netloc).geturl(), env


def dump(location: ServerURL, dest: Path, program: Path) -> Path:
    """Write the database at ``location`` to ``dest`` with ``program`` (``pg_dump``)."""
    url, env = _libpq(location)
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    try:
        done = subprocess.run(
            [str(program), "--format=custom", f"--file={partial}", f"--dbname={url}"],
            env=env,
            capture_output=True,
            text=True,
            timeout=6 * 3600,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError(
            f"Không chạy được pg_dump ({exc}).", f"pg_dump could not be run ({exc})."
        ) from None
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        why = " ".join((done.stderr or "").split())[:300] or f"exit status {done.returncode}"
        raise DatabaseError(
            f"pg_dump không sao lưu được {location}: {why}",
            f"pg_dump could not back up {location}: {why}",
        )
    os.replace(partial, dest)
    return dest

"""Smoke-test the desktop build: run the built program the way an office would.

    python packaging/smoke_test.py [dist/HueDesk]

Runs, each as a fresh process of the built program (never this Python): ``--version``;
``demo`` into a new database; ``list``; a delegation ``brief`` (on Linux also checked not
to load Qt's libraries, which only the window needs); an archive ``export``
and ``verify``; a worker process (``-m huedesk.archive.verify_worker``, as large
exports and imports start it); the window, opened offscreen, drawn, printing the
brief through QtPdf, and closed (``-m huedesk.ui.smoke``); and, where PostgreSQL is
installed, ``demo`` and ``list`` on a throw-away server (the build's psycopg). Prints
how long each step took; exits non-zero on the first failure. Needs no Python packages: only the build.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from huedesk import __version__  # noqa: E402  (after the path line above)


def program(folder: Path) -> Path:
    for name in ("huedesk-cli.exe", "huedesk"):
        if (folder / name).is_file():
            return folder / name
    raise SystemExit(f"no HueDesk program in {folder}")


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "HueDesk").resolve()
    exe = program(folder)
    with tempfile.TemporaryDirectory(prefix="huedesk-smoke-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "HUEDESK_"))}
        env |= {
            "HUEDESK_DB": str(work / "data" / "huedesk.sqlite3"),
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(work / "home"),  # settings and the user data folder stay in tmp
            "XDG_CONFIG_HOME": str(work / "home" / ".config"),
            "XDG_DATA_HOME": str(work / "home" / ".local" / "share"),
        }

        def run(label: str, *args: str | Path, extra: dict[str, str] | None = None) -> str:
            started = time.monotonic()
            done = subprocess.run(
                [str(exe), *map(str, args)],
                capture_output=True,
                text=True,
                encoding="utf-8",
                env=env | (extra or {}),
                cwd=work,
                timeout=300,
            )
            took = time.monotonic() - started
            if done.returncode != 0:
                print(f"FAIL {label} (exit {done.returncode})\n{done.stdout}\n{done.stderr}")
                raise SystemExit(1)
            print(f"ok   {label:<34} {took:6.2f} s")
            return done.stdout + done.stderr if extra else done.stdout

        version = run("--version", "--version").strip()
        if version != f"HueDesk {__version__}":
            raise SystemExit(f"FAIL --version said {version!r}")
        run("demo --records 300", "demo", "--records", "300", "--seed", "1")
        listing = run("list delegation", "list", "delegation", "--json", "--limit", "1")
        ref = listing.split('"ref": "', 1)[1].split('"', 1)[0]
        brief = work / "brief.pdf"
        run(f"brief delegation {ref}", "brief", "delegation", ref, "-o", brief)
        if not brief.read_bytes().startswith(b"%PDF") or b"Tinos" not in brief.read_bytes():
            raise SystemExit("FAIL the brief is not a PDF set in Tinos")
        if sys.platform.startswith("linux"):  # glibc's loader names every library it opens
            loaded = run("brief without Qt (LD_DEBUG)", "brief", "delegation", ref,
                         "-o", brief, extra={"LD_DEBUG": "files"})  # fmt: skip
            if "libQt6Core" in loaded:
                raise SystemExit("FAIL a brief loaded Qt (a run-time hook imports PySide6?)")
        bundle = work / "bundle.zip"
        run("export", "export", "-o", bundle, "--year", "2025")
        if "manifest.json" not in zipfile.ZipFile(bundle).namelist():
            raise SystemExit("FAIL the bundle has no manifest")
        run("verify", "verify", bundle)
        run("worker process (verify_worker)", "-m", "huedesk.archive.verify_worker", bundle)
        shot = work / "window.png"
        said = run(
            "window offscreen, print, close",
            "-m",
            "huedesk.ui.smoke",
            env["HUEDESK_DB"],
            "--print",
            brief,
            "--screenshot",
            shot,
        )
        if "window ok" not in said or shot.stat().st_size < 10_000:
            raise SystemExit(f"FAIL the window: {said}")
        on_a_server(run)
    print(f"smoke test passed: {exe}")
    return 0


def on_a_server(run: Callable[..., str]) -> None:
    """The build carries the PostgreSQL driver: demo data and a list on a throw-away server
    (``tests/postgres_server.py``), where PostgreSQL is installed (CI installs it)."""
    from tests.postgres_server import bin_dir, running_server

    if bin_dir() is None:
        print("skip a server database (PostgreSQL is not installed here)")
        return
    with running_server() as url:
        db = f"{url}/postgres"  # the cluster's own first database, empty
        run("demo --records 50 on a server", "--db", db, "demo", "--records", "50")
        listing = run("list person on a server", "--db", db, "list", "person", "--json")
        if '"full_name"' not in listing:
            raise SystemExit(f"FAIL the list on a server: {listing[:300]}")


if __name__ == "__main__":
    raise SystemExit(main())

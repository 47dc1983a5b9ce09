"""The wheel is the whole application: built, installed in a fresh virtualenv, it prints a brief.

The fresh environment gets HueDesk only from the wheel; its dependencies (SQLAlchemy,
ReportLab, Qt…) are borrowed from the test environment through a ``.pth`` line, so
the test needs no network and takes seconds, yet fails if a font, a migration or any
other file the application reads is missing from the wheel, or is looked up beside a
source checkout instead of inside the package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from huedesk import __version__

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _run(*cmd: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )
    assert done.returncode == 0, f"{cmd}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # A copy of what the wheel is made of, so setuptools' build/ and *.egg-info stay out of
    # the checkout (and no stale file left in build/ from an earlier run slips into the wheel).
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "huedesk", source / "huedesk", ignore=shutil.ignore_patterns("__pycache__")
    )
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "-q",
        "-w",
        out,
        source,
        cwd=source,
    )
    (found,) = out.glob("huedesk-*.whl")
    return found


def test_the_wheel_holds_fonts_icons_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert f"huedesk/resources/fonts/Tinos-{face}.ttf" in names
    assert "huedesk/resources/fonts/OFL.txt" in names
    assert {"huedesk/resources/icons/huedesk.png", "huedesk/resources/icons/huedesk.ico"} <= names
    assert "huedesk/db/migrations/env.py" in names
    assert any(n.startswith("huedesk/db/migrations/versions/0001_") for n in names)
    assert not any(n.startswith(("tests/", "benchmarks/", "resources/")) for n in names)


def test_installed_wheel_prints_a_brief(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    site = Path(
        _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path)
        .strip()
        .splitlines()[-1]
    )
    # Dependencies from this environment; HueDesk itself only from the wheel.
    (site / "borrowed-deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "-q",
        "--no-deps",
        "--no-index",
        wheel,
        cwd=tmp_path,
    )
    elsewhere = tmp_path / "elsewhere"  # not the checkout: nothing can be found beside it
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "HUEDESK_DB"}}
    env["HUEDESK_DB"] = str(tmp_path / "data" / "huedesk.sqlite3")
    huedesk = bindir / ("huedesk.exe" if os.name == "nt" else "huedesk")

    where = _run(python, "-c", "import huedesk; print(huedesk.__file__)", cwd=elsewhere, env=env)
    assert Path(where.strip()).is_relative_to(venv)
    assert _run(huedesk, "--version", cwd=elsewhere, env=env).strip() == f"HueDesk {__version__}"
    _run(huedesk, "demo", "--records", "60", "--seed", "3", cwd=elsewhere, env=env)
    listing = _run(huedesk, "list", "delegation", "--json", "--limit", "1", cwd=elsewhere, env=env)
    ref = listing.split('"ref": "', 1)[1].split('"', 1)[0]
    pdf = elsewhere / "brief.pdf"
    _run(huedesk, "brief", "delegation", ref, "-o", pdf, cwd=elsewhere, env=env)

    reader = PdfReader(pdf)
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("Tinos" in name for name in fonts), fonts
    assert ref in "".join(page.extract_text() for page in reader.pages)

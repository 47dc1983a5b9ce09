"""The desktop build's own files: its entry point and the Linux desktop entry.

The build itself (PyInstaller) is made and smoke-tested by ``.ci/run``
(``packaging/build.py``, ``packaging/smoke_test.py``); these tests check the parts
that run without it.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from huedesk import __version__

ROOT = Path(__file__).resolve().parents[1]
MAIN = ROOT / "packaging" / "huedesk_main.py"


def _main(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, str(MAIN), *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_entry_point_is_the_huedesk_command() -> None:
    done = _main("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"HueDesk {__version__}"


def test_entry_point_runs_huedesk_modules_as_python_minus_m_would() -> None:
    """Workers start as ``[sys.executable, "-m", module, ...]``; in the build that is HueDesk."""
    done = _main("-m", "huedesk.cli.main", "--version")
    assert done.returncode == 0 and done.stdout.strip() == f"HueDesk {__version__}"


def test_entry_point_runs_no_other_module() -> None:
    done = _main("-m", "http.server")
    assert done.returncode == 2 and "error" in done.stderr and "Traceback" not in done.stderr


def test_linux_desktop_entry() -> None:
    path = ROOT / "packaging" / "linux" / "huedesk.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(path, encoding="utf-8")
    fields = entry["Desktop Entry"]
    assert fields["Type"] == "Application" and fields["Name"] == "HueDesk"
    assert fields["Exec"] == "huedesk" and fields["Icon"] == "huedesk"
    assert fields["Terminal"] == "false" and "Office;" in fields["Categories"]
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script")
def test_install_desktop_entry_points_the_menu_at_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Apps" / "HueDesk"
    folder.mkdir(parents=True)
    for name in ("huedesk.desktop", "install-desktop-entry.sh"):
        shutil.copy2(ROOT / "packaging" / "linux" / name, folder / name)
    shutil.copy2(ROOT / "huedesk" / "resources" / "icons" / "huedesk.png", folder / "huedesk.png")
    data = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "PATH": "/usr/bin:/bin"}
    subprocess.run(["sh", str(folder / "install-desktop-entry.sh")], check=True, env=env)
    installed = (data / "applications" / "huedesk.desktop").read_text(encoding="utf-8")
    assert f'Exec="{folder}/huedesk"' in installed
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "huedesk.png").is_file()

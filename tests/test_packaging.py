"""The desktop build's own files: its entry point and the Linux desktop entry.

The build itself (PyInstaller) is made and smoke-tested by ``.ci/run``
(``packaging/build.py``, ``packaging/smoke_test.py``); these tests check the parts
that run without it.
"""

from __future__ import annotations

import configparser
import hashlib
import importlib.util
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


WORKFLOW = ROOT / ".github" / "workflows" / "windows-build.yml"
INSTALLER = ROOT / "packaging" / "windows" / "huedesk.iss"


def test_windows_workflow_runs_scripts_that_exist_and_keeps_what_the_docs_promise() -> None:
    """No Windows runner here: the workflow is checked for what can go stale without one."""
    text = WORKFLOW.read_text(encoding="utf-8")
    scripts = {
        line.split("python ", 1)[1].split()[0]
        for line in text.splitlines()
        if "python packaging" in line
    }
    assert scripts == {"packaging/build.py", "packaging/smoke_test.py"}
    assert all((ROOT / script).is_file() for script in scripts)
    assert "packaging\\windows\\huedesk.iss" in text and INSTALLER.is_file()
    assert "choco install innosetup" in text  # not every runner image has Inno Setup
    # the docs promise the ZIP, the installer and a checksum of each
    for kept in (
        "HueDesk-*.zip",
        "HueDesk-*.zip.sha256",
        "HueDesk-*-setup.exe",
        "HueDesk-*-setup.exe.sha256",
    ):
        assert f"dist/{kept}\n" in text
    # the installer's checksum is written after it is signed (signing changes the file)
    assert text.index("Sign the installer") < text.index("--sha256")


def test_windows_installer_takes_the_files_the_build_makes() -> None:
    text = INSTALLER.read_text(encoding="utf-8")
    here = INSTALLER.parent
    icon = text.split("SetupIconFile=", 1)[1].splitlines()[0].replace("\\", "/")
    assert (here / icon).resolve() == ROOT / "huedesk" / "resources" / "icons" / "huedesk.ico"
    assert (here / icon).is_file()
    source = text.split('Source: "', 1)[1].split('"', 1)[0].replace("\\", "/")
    assert (here / source).parent.resolve() == ROOT / "dist" / "HueDesk"  # build.py's APP
    assert '{app}\\HueDesk.exe"' in text  # the windowed program the spec makes on Windows
    spec = (ROOT / "packaging" / "huedesk.spec").read_text(encoding="utf-8")
    assert 'program("HueDesk", console=False)' in spec
    assert 'program("huedesk-cli", console=True)' in spec
    output = text.split("OutputBaseFilename=", 1)[1].splitlines()[0]
    assert output == "HueDesk-{#Version}-setup"


def test_build_names_the_windows_zip_and_writes_checksums(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location("huedesk_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    app = tmp_path / "HueDesk"
    app.mkdir()
    (app / "HueDesk.exe").write_bytes(b"MZ")
    monkeypatch.setattr(build, "DIST", tmp_path)
    monkeypatch.setattr(build, "APP", app)
    monkeypatch.setattr(build, "WINDOWS", True)
    monkeypatch.setattr(build.sys, "platform", "win32")
    monkeypatch.setattr(build.platform, "machine", lambda: "AMD64")
    archive = build.make_zip()
    assert archive.name == f"HueDesk-{__version__}-windows-amd64.zip"
    sums = archive.with_name(archive.name + ".sha256").read_text(encoding="ascii")
    assert sums == f"{hashlib.sha256(archive.read_bytes()).hexdigest()}  {archive.name}\n"
    setup = tmp_path / f"HueDesk-{__version__}-setup.exe"
    setup.write_bytes(b"installer")
    monkeypatch.setattr(sys, "argv", ["build.py", "--sha256", str(setup)])
    assert build.main() == 0
    assert (
        (tmp_path / f"{setup.name}.sha256")
        .read_text(encoding="ascii")
        .startswith(hashlib.sha256(b"installer").hexdigest() + "  " + setup.name)
    )


_HOOK_PROBE = """
import importlib.util, os, runpy, sys, types

calls = []
utils = types.ModuleType("_pyi_rth_utils")
utils.is_macos_app_bundle = False
utils.prepend_path_to_environment_variable = lambda path, name: None
qt = types.ModuleType("_pyi_rth_utils.qt")
qt.ensure_single_qt_bindings_package = lambda name: None
qt.create_embedded_qt_conf = lambda name, path: calls.append((name, "PySide6.QtCore" in sys.modules))
utils.qt = qt
sys.modules.update({"_pyi_rth_utils": utils, "_pyi_rth_utils.qt": qt})
sys._MEIPASS = sys.argv[2]
finders = len(sys.meta_path)
runpy.run_path(sys.argv[1])
print("at start", "PySide6.QtCore" in sys.modules, calls, os.environ["QT_PLUGIN_PATH"])
importlib.util.find_spec("PySide6.QtCore")  # found, not loaded
print("asked", calls)
from PySide6 import QtCore
print("imported", calls, len(sys.meta_path) == finders)
"""


def test_pyside6_run_time_hook_registers_qt_conf_only_once_qt_is_imported(tmp_path: Path) -> None:
    """The desktop build's replacement for PyInstaller's PySide6 hook (which imported
    PySide6.QtCore into every command): Qt's qt.conf is registered right after the program
    imports QtCore, and a command that never does is not made to load Qt."""
    hook = ROOT / "packaging" / "hooks" / "rthooks" / "pyi_rth_huedesk_pyside6.py"
    rthooks = (ROOT / "packaging" / "hooks" / "rthooks.dat").read_text(encoding="utf-8")
    assert "'PySide6': ['pyi_rth_huedesk_pyside6.py']" in rthooks
    done = subprocess.run(
        [sys.executable, "-c", _HOOK_PROBE, str(hook), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    start, asked, imported = done.stdout.splitlines()
    plugins = str(tmp_path / "PySide6" / "Qt" / "plugins")
    assert start == f"at start False [] {plugins}" or sys.platform == "win32"
    assert asked == "asked []"
    assert imported == "imported [('PySide6', True)] True"

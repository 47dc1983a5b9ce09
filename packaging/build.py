"""Build HueDesk's one-folder desktop program with PyInstaller.

    python packaging/build.py [--zip]      # build dist/HueDesk/ (and pack it)
    python packaging/build.py --pack-only  # pack an existing dist/HueDesk/ (e.g. once signed)
    python packaging/build.py --sha256 FILE  # write FILE.sha256 (e.g. for the signed installer)

Run it with the Python that has HueDesk's dependencies and PyInstaller
(``pip install -e ".[build]"``); the same command builds on Linux and on Windows.
It writes ``dist/HueDesk/``; with ``--zip`` also ``dist/HueDesk-VERSION-PLATFORM.zip``
and its ``.sha256``, the file that is carried to offline laptops (see
``docs/desktop-build.md``). On Linux the folder also gets ``huedesk.desktop``, the
icon and ``install-desktop-entry.sh``; on Windows the installer made from
``packaging/windows/huedesk.iss`` adds the Start-menu shortcut.
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from huedesk import __version__  # noqa: E402  (after the path line above)

DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP = DIST / "HueDesk"
WINDOWS = sys.platform == "win32"


def windows_version_info() -> Path:
    """The version resource shown in HueDesk.exe's Properties (Windows only)."""
    numbers = [*map(int, __version__.split(".")[:3]), 0]
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={tuple(numbers)}, prodvers={tuple(numbers)}),
  kids=[
    StringFileInfo([StringTable('042a04b0', [
      StringStruct('CompanyName', 'Sở Ngoại vụ thành phố Huế'),
      StringStruct('FileDescription', 'HueDesk'),
      StringStruct('FileVersion', '{__version__}'),
      StringStruct('ProductName', 'HueDesk'),
      StringStruct('ProductVersion', '{__version__}')])]),
    VarFileInfo([VarStruct('Translation', [1066, 1200])])
  ]
)
"""
    path = ROOT / "build" / "version_info.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def add_linux_desktop_entry() -> None:
    linux = ROOT / "packaging" / "linux"
    shutil.copy2(linux / "huedesk.desktop", APP / "huedesk.desktop")
    shutil.copy2(linux / "install-desktop-entry.sh", APP / "install-desktop-entry.sh")
    shutil.copy2(ROOT / "huedesk" / "resources" / "icons" / "huedesk.png", APP / "huedesk.png")


def folder_size(folder: Path) -> int:
    """Bytes on disk, each file once (links to a library are not counted again)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def make_zip() -> Path:
    """The folder as one archive, with its SHA-256 beside it, to carry to offline laptops:
    a ZIP on Windows, a .tar.gz elsewhere (it keeps the build's library symlinks)."""
    system = {"win32": "windows", "linux": "linux", "darwin": "macos"}.get(sys.platform, "other")
    name = f"HueDesk-{__version__}-{system}-{platform.machine().lower()}"
    archive = Path(
        shutil.make_archive(str(DIST / name), "zip" if WINDOWS else "gztar", DIST, APP.name)
    )
    write_sha256(archive)
    return archive


def write_sha256(path: Path) -> Path:
    """``PATH.sha256`` beside ``path``, in ``sha256sum``'s format (``certutil -hashfile``
    prints the same digest on Windows)."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    sums = path.with_name(path.name + ".sha256")
    sums.write_text(f"{digest}  {path.name}\n", encoding="ascii")
    return sums


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--zip", action="store_true", help="also pack dist/HueDesk into a ZIP")
    parser.add_argument("--pack-only", action="store_true", help="only pack dist/HueDesk")
    parser.add_argument("--sha256", type=Path, metavar="FILE", help="only write FILE.sha256")
    args = parser.parse_args()
    if args.sha256 is not None:
        print(f"wrote {write_sha256(args.sha256)}")
        return 0
    if args.pack_only:
        archive = make_zip()
        print(f"packed {archive} ({archive.stat().st_size / 2**20:.0f} MiB)")
        return 0
    if WINDOWS:
        windows_version_info()
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
            str(ROOT / "packaging" / "huedesk.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    if sys.platform.startswith("linux"):
        add_linux_desktop_entry()
    seconds = time.monotonic() - started
    print(f"built {APP} in {seconds:.0f} s: {folder_size(APP) / 2**20:.0f} MiB")
    if args.zip:
        archive = make_zip()
        print(f"packed {archive} ({archive.stat().st_size / 2**20:.0f} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

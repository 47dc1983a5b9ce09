"""Warning when the database sits on a network share or in a cloud-synced folder.

SQLite's locking and its WAL need a local disk: sync clients (OneDrive, Dropbox,
Google Drive, iCloud) copy the file while it is being written and may bring back
an old or half-updated copy, and network file systems often get locks wrong. We
cannot forbid such places, but the window shows this warning where it can tell.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

# Folder names that sync clients use (any component of the path, case-insensitive).
_CLOUD_NAMES = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud",
    "iclouddrive": "iCloud",
    "mobile documents": "iCloud",
    "com~apple~clouddocs": "iCloud",
}
_CLOUD_PREFIXES = {"onedrive-": "OneDrive", "googledrive-": "Google Drive", "dropbox-": "Dropbox"}
_CLOUD_ENV = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb3", "smbfs", "afpfs", "webdav", "9p", "ncpfs"}


def cloud_service(path: Path) -> str | None:
    """The sync service whose folder holds ``path``, or ``None``."""
    for var in _CLOUD_ENV:
        root = os.environ.get(var)
        if root and path.is_relative_to(Path(root)):
            return "OneDrive"
    for part in path.parts:
        low = part.lower()
        if low in _CLOUD_NAMES:
            return _CLOUD_NAMES[low]
        for prefix, name in _CLOUD_PREFIXES.items():
            if low.startswith(prefix):
                return name
    return None


def _linux_fs_type(path: Path, mounts_file: Path = Path("/proc/mounts")) -> str | None:
    try:
        lines = mounts_file.read_text().splitlines()
    except OSError:
        return None
    best, fs = "", None
    target = str(path)
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount = fields[1].replace("\\040", " ")
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best):
            best, fs = mount, fields[2]
    return fs


def network_fs(path: Path, mounts_file: Path = Path("/proc/mounts")) -> str | None:
    """The network file system type holding ``path`` (``"nfs"``, ``"cifs"``, ``"fuse.sshfs"``…)."""
    if sys.platform == "win32":
        if str(path).startswith("\\\\"):
            return "UNC"
        drive = path.drive + "\\"
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        return "network drive" if drive and kernel32.GetDriveTypeW(drive) == 4 else None
    fs = _linux_fs_type(path, mounts_file)
    if fs is None:
        return None
    if fs in _NETWORK_FS or fs.startswith("fuse."):
        return fs
    return None


def storage_warning(db_path: Path, lang: str = "vi") -> str | None:
    """A warning to show when the database is on a network share or in a synced folder."""
    path = Path(db_path).expanduser().resolve()
    cloud = cloud_service(path)
    if cloud:
        if lang == "en":
            return (
                f"The database {path} is in a {cloud} folder. Sync can bring back an old or "
                "half-written copy: keep the database on this computer's own disk and let "
                "HueDesk's backups go to the synced folder instead."
            )
        return (
            f"Cơ sở dữ liệu {path} nằm trong thư mục {cloud}. Việc đồng bộ có thể đưa về bản cũ "
            "hoặc bản ghi dở: hãy để cơ sở dữ liệu trên ổ đĩa của máy này và chỉ sao lưu sang thư mục đồng bộ."
        )
    fs = network_fs(path.parent)
    if fs:
        if lang == "en":
            return (
                f"The database {path} is on a network drive ({fs}). File locks there are "
                "unreliable and a lost connection can damage the file: keep it on this computer's disk."
            )
        return (
            f"Cơ sở dữ liệu {path} nằm trên ổ mạng ({fs}). Khóa tệp ở đó không tin cậy và mất kết "
            "nối có thể làm hỏng tệp: hãy để cơ sở dữ liệu trên ổ đĩa của máy này."
        )
    return None

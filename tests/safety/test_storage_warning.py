"""Warnings for databases in synced folders and on network drives."""

from __future__ import annotations

from pathlib import Path

import pytest

from huedesk.safety.storage import cloud_service, network_fs, storage_warning


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/home/lan/OneDrive/HueDesk/huedesk.sqlite3", "OneDrive"),
        ("/Users/lan/Library/CloudStorage/OneDrive-SởNgoạivụ/huedesk.sqlite3", "OneDrive"),
        ("/home/lan/Dropbox/huedesk.sqlite3", "Dropbox"),
        (
            "/Users/lan/Library/CloudStorage/GoogleDrive-lan@gmail.com/My Drive/h.sqlite3",
            "Google Drive",
        ),
        ("/Users/lan/Library/Mobile Documents/com~apple~CloudDocs/h.sqlite3", "iCloud"),
        ("/home/lan/.local/share/HueDesk/huedesk.sqlite3", None),
    ],
)
def test_cloud_folders(path: str, service: str | None) -> None:
    assert cloud_service(Path(path)) == service


def test_onedrive_environment_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OneDriveCommercial", str(tmp_path / "Tài liệu cơ quan"))
    assert cloud_service(tmp_path / "Tài liệu cơ quan" / "h.sqlite3") == "OneDrive"


def test_network_file_systems_from_the_mount_table(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        "//nas/so-ngoai-vu /mnt/nas cifs rw 0 0\n"
        "server:/export /mnt/nfs nfs4 rw 0 0\n"
        "lan@host: /home/lan/remote fuse.sshfs rw 0 0\n"
        "tmpfs /tmp tmpfs rw 0 0\n"
    )
    assert network_fs(Path("/mnt/nas/HueDesk"), mounts) == "cifs"
    assert network_fs(Path("/mnt/nfs"), mounts) == "nfs4"
    assert network_fs(Path("/home/lan/remote/x"), mounts) == "fuse.sshfs"
    assert network_fs(Path("/mnt/nasty"), mounts) is None  # a prefix is not a mount
    assert network_fs(Path("/tmp/x"), mounts) is None


def test_storage_warning_names_the_service_and_stays_quiet_locally(tmp_path: Path) -> None:
    warning = storage_warning(tmp_path / "Dropbox" / "huedesk.sqlite3", lang="en")
    assert warning is not None and "Dropbox" in warning
    assert "Dropbox" in (storage_warning(tmp_path / "Dropbox" / "h.sqlite3") or "")
    assert storage_warning(tmp_path / "huedesk.sqlite3") is None

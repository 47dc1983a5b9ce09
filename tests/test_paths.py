"""Where the data lives: the user's data folder, ``--db``/``HUEDESK_DB``, and portable mode."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from huedesk import paths
from huedesk.db.location import resolve_location


@pytest.fixture
def frozen_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend to be the desktop build, with its program in ``tmp_path/HueDesk``."""
    folder = tmp_path / "HueDesk"
    folder.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "HueDesk.exe"))
    return folder


def test_default_is_the_user_data_folder(tmp_path: Path) -> None:
    assert paths.program_dir() is None and paths.portable_data_dir() is None
    db = resolve_location()
    assert db.name == paths.DB_FILENAME and db.parent.name == paths.APP_NAME
    assert db.is_relative_to(tmp_path / "home")  # conftest points XDG folders there


def test_the_desktop_build_without_marker_uses_the_user_data_folder(frozen_program: Path) -> None:
    assert paths.program_dir() == frozen_program.resolve()
    assert not resolve_location().is_relative_to(frozen_program)


def test_portable_marker_puts_data_and_settings_beside_the_program(frozen_program: Path) -> None:
    (frozen_program / paths.PORTABLE_MARKER).write_text("portable\n")
    data = frozen_program.resolve() / "data"
    assert resolve_location() == data / paths.DB_FILENAME
    assert paths.settings_dir() == data
    assert paths.backups_dir(resolve_location()) == data / "huedesk-backups"


def test_explicit_database_wins_over_portable_mode(
    frozen_program: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (frozen_program / paths.PORTABLE_MARKER).write_text("")
    monkeypatch.setenv(paths.ENV_DB, str(tmp_path / "env.sqlite3"))
    assert resolve_location() == (tmp_path / "env.sqlite3").resolve()
    assert resolve_location(tmp_path / "cli.sqlite3") == (tmp_path / "cli.sqlite3").resolve()


def test_a_folder_named_like_the_marker_is_not_a_marker(frozen_program: Path) -> None:
    (frozen_program / paths.PORTABLE_MARKER).mkdir()
    assert paths.portable_data_dir() is None


def test_package_resources_are_found_through_importlib() -> None:
    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert paths.resource("fonts", f"Tinos-{face}.ttf").read_bytes()[:4] == b"\x00\x01\x00\x00"
    assert paths.resource("icons", "huedesk.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

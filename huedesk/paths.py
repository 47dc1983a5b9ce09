"""Where HueDesk keeps its files, worked out in one place.

The default is the platform's per-user data folder for "HueDesk"
(``%LOCALAPPDATA%\\HueDesk`` on Windows, ``~/Library/Application Support/HueDesk``
on macOS, ``~/.local/share/HueDesk`` on Linux). ``HUEDESK_DB`` or ``huedesk --db PATH``
choose another database file; attachments and backups then live beside that file,
so a test or a second database never touches the user's real data.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "HueDesk"
DB_FILENAME = "huedesk.sqlite3"
ENV_DB = "HUEDESK_DB"


def default_data_dir() -> Path:
    """The user's data folder for HueDesk (not created here)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The database file to open: ``explicit``, else ``$HUEDESK_DB``, else the default."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir() / DB_FILENAME


def data_dir_for(db_path: Path) -> Path:
    """The folder that holds a database's companions (attachments, backups)."""
    return db_path.parent


def attachments_dir(db_path: Path) -> Path:
    """Where attached files of the database at ``db_path`` are stored."""
    return data_dir_for(db_path) / f"{db_path.stem}-attachments"


def backups_dir(db_path: Path) -> Path:
    """Where backups of the database at ``db_path`` are kept."""
    return data_dir_for(db_path) / f"{db_path.stem}-backups"


def resources_dir() -> Path:
    """The ``resources/`` folder (fonts, icons, translations) shipped with the source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", here / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("HueDesk resources folder not found beside the package")

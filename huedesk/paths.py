"""Where HueDesk keeps its files, worked out in one place.

The default is the platform's per-user data folder for "HueDesk"
(``%LOCALAPPDATA%\\HueDesk`` on Windows, ``~/Library/Application Support/HueDesk``
on macOS, ``~/.local/share/HueDesk`` on Linux). ``HUEDESK_DB`` or ``huedesk --db PATH``
choose another database file, or a server (``huedesk.db.location.resolve_location``);
attachments and backups then live beside that file, so a test or a second database
never touches the user's real data.

Portable mode: when the desktop build's folder holds a file named ``portable.txt``
(beside ``HueDesk.exe``), the data folder is ``data/`` in that same folder, and so are
the window's settings; the whole folder can then live on a USB stick or be copied
to another laptop with its data.

A database on a server has a stand-in path on each computer (``…/servers/NAME.server``)
whose companions are that computer's own. Its attached files belong with the server:
``HUEDESK_SHARED_FILES`` names the shared folder that holds them (the same folder on
every computer, each reaching it under its own path; ``docs/server.md``); without it,
they are kept in the server database itself and the folder beside the stand-in path
is this computer's cache of them (``files_in_database``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

# platformdirs and importlib.resources are imported where used: every command imports this
# module, and most of them (and ``huedesk --version``) need neither.

APP_NAME = "HueDesk"
DB_FILENAME = "huedesk.sqlite3"
ENV_DB = "HUEDESK_DB"
ENV_SHARED_FILES = "HUEDESK_SHARED_FILES"
SERVER_SUFFIX = ".server"  # the stand-in path of a server database (ServerURL.local)
PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA = "data"


def program_dir() -> Path | None:
    """The folder of the desktop build's program (``None`` when running from Python)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def portable_data_dir() -> Path | None:
    """``data/`` beside the program when a ``portable.txt`` marker is there, else ``None``."""
    folder = program_dir()
    if folder is not None and (folder / PORTABLE_MARKER).is_file():
        return folder / PORTABLE_DATA
    return None


def default_data_dir() -> Path:
    """The user's data folder for HueDesk, or the portable one (not created here)."""
    portable = portable_data_dir()
    if portable is not None:
        return portable
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def settings_dir() -> Path:
    """Where the window keeps its settings (size, language): the user's config folder,
    or the portable data folder."""
    portable = portable_data_dir()
    if portable is not None:
        return portable
    import platformdirs

    return Path(platformdirs.user_config_dir(appauthor=False, roaming=True))


def data_dir_for(db_path: Path) -> Path:
    """The folder that holds a database's companions (attachments, backups)."""
    return db_path.parent


def attachments_dir(db_path: Path) -> Path:
    """Where attached files of the database at ``db_path`` are stored: beside a file; for a
    server's stand-in path, the shared folder ``$HUEDESK_SHARED_FILES`` when it is set."""
    if db_path.suffix == SERVER_SUFFIX:
        shared = os.environ.get(ENV_SHARED_FILES, "").strip()
        if shared:
            return Path(shared).expanduser().resolve()
    return data_dir_for(db_path) / f"{db_path.stem}-attachments"


def files_in_database(db_path: Path | None) -> bool:
    """Whether the database at ``db_path`` keeps attached files' bytes in its own tables: a
    server's stand-in path with no shared folder configured (``huedesk.records.server_files``)."""
    return (
        db_path is not None
        and db_path.suffix == SERVER_SUFFIX
        and not os.environ.get(ENV_SHARED_FILES, "").strip()
    )


def scratch_dir(db_path: Path) -> Path:
    """Where work in progress (exports, imports, backups) keeps its private temporary files."""
    return data_dir_for(db_path) / f"{db_path.stem}-tmp"


def spare_scratch_dir() -> Path:
    """Where work in progress goes when the data folder cannot be written (a database
    opened read-only): the user's own cache folder."""
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "tmp"


def backups_dir(db_path: Path) -> Path:
    """Where backups of the database at ``db_path`` are kept."""
    return data_dir_for(db_path) / f"{db_path.stem}-backups"


def resource(*parts: str) -> Traversable:
    """A file shipped inside the package, in ``huedesk/resources/`` (fonts, icons).

    Read through ``importlib.resources``, so it is found wherever HueDesk is installed:
    a source checkout, a wheel in a virtual environment, or the frozen desktop build.
    """
    from importlib import resources

    return resources.files("huedesk").joinpath("resources", *parts)

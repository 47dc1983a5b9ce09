"""Opening the user's database for work: checked, schema brought up to date, reference data present.

This is the one entry point the UI, the command line and tests use to get a
``Database``; ``huedesk.db.migrate.open_database`` below it knows nothing of
countries, backups or services. On the way in: a database that a HueDesk on
another computer holds is refused; a damaged file is refused with the newest good
backup named (``DamagedDatabaseError.backup``); and once a day an automatic backup
is taken. Opening also installs the search index's listeners, so every change
made through the record services updates the index in its own transaction, and
builds the index when the file has none yet (the window takes the daily backup after
it is shown: ``back_up_if_due``). A database file HueDesk may not write
is opened for reading only, and nothing is written on the way in
(``huedesk.db.read_only``).
"""

from __future__ import annotations

import logging
import shlex
import subprocess
import sys
from pathlib import Path

from huedesk import (
    attachments,  # noqa: F401  (removes files of deleted attachments after commit)
    backup,
    search,
)
from huedesk.db.engine import Database
from huedesk.db.integrity import DamagedDatabaseError
from huedesk.db.location import Location, ServerURL
from huedesk.db.migrate import open_database
from huedesk.errors import HueDeskError
from huedesk.paths import backups_dir
from huedesk.records import events
from huedesk.reference_data import ensure_countries, has_countries
from huedesk.safety.applock import refuse_if_held_elsewhere
from huedesk.safety.attachment_copies import keep_files
from huedesk.safety.files import file_errors
from huedesk.safety.scratch import clear_leftovers

log = logging.getLogger(__name__)


def restore_command(db_path: Path, backup_file: Path) -> str:
    """The exact command line that restores ``backup_file`` over ``db_path``."""
    args = ["huedesk", "--db", str(db_path), "restore", str(backup_file)]
    return subprocess.list2cmdline(args) if sys.platform == "win32" else shlex.join(args)


def with_restore_offer(exc: DamagedDatabaseError, db_path: Path) -> DamagedDatabaseError:
    """The same error, naming the newest good backup and the command that restores it."""
    good = backup.newest_good_backup(db_path)
    if good is None:
        vi = f"{exc.vi} Không có bản sao lưu tốt nào trong {backups_dir(db_path)}."
        en = f"{exc.en} There is no good backup in {backups_dir(db_path)}."
    else:
        cmd = restore_command(db_path, good)
        vi = f"{exc.vi} Bản sao lưu tốt mới nhất: {good}. Để khôi phục: {cmd}"
        en = f"{exc.en} The newest good backup is {good}. To restore it: {cmd}"
    return DamagedDatabaseError(vi, en, path=db_path, backup=good)


def _keep_files_of(path: Path, pre_upgrade: Path) -> None:
    """The attached files the pre-upgrade backup names, kept as every backup keeps them.

    The upgrade is done; a disk too full for the copies must not stop the user from
    working (the files are still in the attachments folder): it is logged.
    """
    try:
        with file_errors(pre_upgrade):
            keep_files(path, pre_upgrade)
    except HueDeskError as exc:
        log.warning("attached files of %s not kept: %s", pre_upgrade, exc.en)


def open_store(location: Location, *, auto_backup: bool = True) -> Database:
    """Open (creating if needed) the database at ``location`` (a file or a server's URL),
    checked, migrated and seeded. The application lock, the damaged-file offer and the
    automatic backups are for database files; a server has its own."""
    path = location if isinstance(location, ServerURL) else Path(location)
    existed = isinstance(path, Path) and path.is_file() and path.stat().st_size > 0
    if isinstance(path, Path):
        refuse_if_held_elsewhere(path)
    search.install()
    try:
        # a pre-upgrade backup onto a full or read-only disk: named in one line
        with file_errors(backups_dir(path) if isinstance(path, Path) else Path(".")):
            db = open_database(path)
    except DamagedDatabaseError as exc:
        raise with_restore_offer(exc, exc.path) from exc
    if isinstance(path, Path):
        clear_leftovers(path)  # scratch folders of exports/imports/backups that were killed
        if db.pre_upgrade is not None:
            _keep_files_of(path, db.pre_upgrade)
    if db.read_only is not None:  # read as it is: no seeding, no index, no backup
        return db
    try:
        with db.read() as session:  # a write only when there is something to do: reading
            ready = has_countries(session) and search.index_is_current(session)  # needs no lock
        if not ready:
            with db.write() as session:
                if ensure_countries(session):
                    events.emit_bulk(session, frozenset({"country"}))
                search.ensure_index(session)
    except BaseException:
        db.dispose()
        raise
    if existed and auto_backup:
        back_up_if_due(db)
    return db


def back_up_if_due(db: Database) -> Path | None:
    """The automatic daily backup of a database file, when the newest backup is older than a
    day; the new file, else ``None`` (a server, a file opened read-only: none).

    ``open_store`` takes it on the way in; the window opens with ``auto_backup=False`` and
    takes it in the background once it is shown (a copy of the whole file, checked: seconds
    on a large database). A failure is logged: a full backup disk must not keep the user
    from working.
    """
    if not isinstance(db.location, Path) or db.read_only is not None:
        return None
    try:
        return backup.auto_backup_if_due(db.location)
    except HueDeskError as exc:
        log.warning("automatic backup of %s failed: %s", db.location, exc.en)
        return None

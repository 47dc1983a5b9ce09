"""Bringing a database to the current schema, safely.

Opening a database: a new one gets the whole schema; an older HueDesk database is
first copied to the backups folder and then upgraded, each migration in its own
transaction; a database from a newer HueDesk (a revision this version does not
know) is refused rather than touched; a file that is damaged, not a database or
not HueDesk's is refused untouched with a message naming it (the backend's
``DatabaseFiles.refuse_unsound``: ``DamagedDatabaseError``; ``huedesk.store`` adds
the newest good backup to it).

Alembic is imported only when a migration runs. Opening an up-to-date file reads
the stored revision with one query and compares it with the newest migration file
shipped in the package (files are named ``NNNN_what.py`` for revision ``NNNN``;
``tests/db/test_migrations.py`` holds Alembic to the same answer), so a command
on an up-to-date database never loads Alembic, Mako or the dialects Alembic
registers (PostgreSQL, MySQL, MSSQL, Oracle).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from huedesk.db import backend
from huedesk.db.backup_files import new_backup_path
from huedesk.db.engine import Database, make_engine, translated_errors
from huedesk.db.integrity import DamagedDatabaseError
from huedesk.db.location import Location
from huedesk.db.read_only import ReadOnly, ReadOnlyDatabase, why_read_only
from huedesk.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

# Tables kept outside the ORM (the search index's full-text table, its shadow tables
# and bookkeeping); migrations create them, model comparison must skip them.
UNMAPPED_TABLE_PREFIXES = ("search_",)
SORT_KEY_INDEX_PREFIX = "sk_"


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object | None
) -> bool:
    """Alembic ``include_object`` hook: leave unmapped service tables out of comparisons.

    Only tables found in the database but absent from the models are skipped, so a
    mapped table whose name happens to share the prefix is still compared. So are the
    expression indexes on stored sort keys (migration 0006: ``sk_<table>_<column>``),
    which the models cannot declare; PostgreSQL reflects them where SQLite does not.
    """
    if type_ == "table" and reflected and compare_to is None and name:
        return not name.startswith(UNMAPPED_TABLE_PREFIXES)
    if type_ == "index" and reflected and compare_to is None and name:
        return not name.startswith(SORT_KEY_INDEX_PREFIX)
    return True


def alembic_config() -> Config:
    """Alembic configuration pointing at the migrations inside the package."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "huedesk.db:migrations")
    return cfg


_MIGRATION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


@cache
def _shipped_revisions() -> tuple[str, ...]:
    """Revision ids of the migration files in the package, oldest first."""
    folder = resources.files(__package__ or "huedesk.db") / "migrations" / "versions"
    found = (_MIGRATION_FILE.match(entry.name) for entry in folder.iterdir())
    return tuple(sorted(m.group(1) for m in found if m))


def head_revision() -> str:
    """The newest schema revision this version of HueDesk knows."""
    return _shipped_revisions()[-1]


def known_revisions() -> set[str]:
    """Every revision id shipped with this version."""
    return set(_shipped_revisions())


def current_revision(engine: Engine) -> str | None:
    """The revision a database is at, or ``None`` for a database without HueDesk's schema.

    Reads Alembic's ``alembic_version`` table directly (Alembic itself is not loaded).
    """
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:  # HueDesk's history is linear: several heads mean someone else's schema
        raise DatabaseError(
            f"Tệp {engine.url.database} có nhiều phiên bản lược đồ ({', '.join(rows)}).",
            f"The file {engine.url.database} has several schema versions ({', '.join(rows)}).",
        )
    return rows[0] if rows else None


def upgrade(engine: Engine, target: str = "head") -> None:
    """Apply migrations up to ``target`` on ``engine``'s database."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def open_database(location: Location, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the HueDesk database at ``location``, upgraded to the current schema.

    A database file HueDesk may not write (``huedesk.db.read_only``) is opened for
    reading only, when it is at the current schema (``open_read_only``).
    """
    if isinstance(location, Path):
        files = backend.for_location(location).files
        read_only = why_read_only(location) if files is not None else None
        if read_only is not None:
            return open_read_only(location, read_only)
        if files is not None:
            with translated_errors(location):
                files.refuse_unsound(location)
        try:
            location.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"Không tạo được thư mục dữ liệu {location.parent} ({exc.strerror}).",
                f"Cannot create the data folder {location.parent} ({exc.strerror}).",
            ) from exc
    engine = make_engine(location)
    try:
        with translated_errors(location):
            kept = _prepare_schema(engine, location, migrate)
    except BaseException:
        engine.dispose()
        raise
    db = Database(location, engine)
    db.pre_upgrade = kept
    return db


def open_read_only(path: Path, why: ReadOnly) -> Database:
    """Open the database file ``path`` for reading only, writing nothing to it or beside it.

    It must exist and be a sound HueDesk database at the current schema: a missing
    file cannot be created and an older one cannot be upgraded where it is, and
    either is refused with one line naming what is read-only.
    """
    cannot_create = ReadOnlyDatabase(
        f"Không tạo được cơ sở dữ liệu {path}: {why.vi}.",
        f"Cannot create the database {path}: {why.en}.",
    )
    if not path.is_file() or path.stat().st_size == 0:
        raise cannot_create
    files = backend.for_location(path).files
    assert files is not None  # only file backends are opened this way
    with translated_errors(path):
        files.refuse_unsound(path)
    engine = make_engine(path, read_only=True)
    try:
        with translated_errors(path):
            rev = current_revision(engine)
            if rev is None:  # an empty SQLite file (one with tables was refused above)
                raise cannot_create
            if rev != head_revision():
                _refuse_unknown(rev, path)
                raise ReadOnlyDatabase(
                    f"Cơ sở dữ liệu {path} cần nâng cấp lên lược đồ {head_revision()} nhưng {why.vi}; "
                    "hãy chép tệp sang thư mục ghi được rồi mở lại.",
                    f"The database {path} needs upgrading to schema {head_revision()} but {why.en}; "
                    "copy it to a folder you can write to and open it there.",
                )
    except BaseException:
        engine.dispose()
        raise
    return Database(path, engine, read_only=why)


def _refuse_unknown(rev: str, location: Location) -> None:
    if rev not in known_revisions():
        raise DatabaseError(
            f"Cơ sở dữ liệu {location} được tạo bởi phiên bản HueDesk mới hơn (lược đồ {rev}); "
            "hãy cập nhật HueDesk.",
            f"The database {location} was made by a newer HueDesk (schema {rev}); "
            "please update HueDesk.",
        )


def _prepare_schema(engine: Engine, location: Location, migrate: bool) -> Path | None:
    """Create or upgrade the schema; returns the ``pre-upgrade`` backup taken, if any."""
    rev = current_revision(engine)
    head = head_revision()
    if rev is None:
        tables = set(inspect(engine).get_table_names())
        if tables:
            vi = f"Cơ sở dữ liệu {location} có dữ liệu nhưng không phải của HueDesk."
            en = f"The database {location} holds data but is not a HueDesk one."
            if isinstance(location, Path):
                raise DamagedDatabaseError(vi, en, path=location)
            raise DatabaseError(vi, en)
        if migrate:
            upgrade(engine)
        return None
    if rev == head:
        return None
    _refuse_unknown(rev, location)
    if not migrate:
        return None
    files = backend.of(engine).files
    kept = None
    if files is not None and isinstance(location, Path):
        engine.dispose()
        kept = files.snapshot(location, new_backup_path(location, "pre-upgrade", f"schema {rev}"))
    upgrade(engine)
    return kept


def integrity_errors(path: Path) -> list[str]:
    """Problems the backend's full check finds in the database file (empty when it is sound)."""
    files = backend.for_location(path).files
    return [] if files is None else files.problems(path, full=True)

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
from huedesk.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

# Tables kept outside the ORM (the search index's full-text table, its shadow tables
# and bookkeeping); migrations create them, model comparison must skip them.
UNMAPPED_TABLE_PREFIXES = ("search_",)


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object | None
) -> bool:
    """Alembic ``include_object`` hook: leave unmapped service tables out of comparisons.

    Only tables found in the database but absent from the models are skipped, so a
    mapped table whose name happens to share the prefix is still compared.
    """
    if type_ == "table" and reflected and compare_to is None and name:
        return not name.startswith(UNMAPPED_TABLE_PREFIXES)
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
    """Open (creating if needed) the HueDesk database at ``location``, upgraded to the current schema."""
    if isinstance(location, Path):
        files = backend.for_location(location).files
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
            _prepare_schema(engine, location, migrate)
    except BaseException:
        engine.dispose()
        raise
    return Database(location, engine)


def _prepare_schema(engine: Engine, location: Location, migrate: bool) -> None:
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
        return
    if rev == head:
        return
    if rev not in known_revisions():
        raise DatabaseError(
            f"Cơ sở dữ liệu {location} được tạo bởi phiên bản HueDesk mới hơn (lược đồ {rev}); "
            "hãy cập nhật HueDesk.",
            f"The database {location} was made by a newer HueDesk (schema {rev}); "
            "please update HueDesk.",
        )
    if not migrate:
        return
    files = backend.of(engine).files
    if files is not None and isinstance(location, Path):
        engine.dispose()
        files.snapshot(location, new_backup_path(location, "pre-upgrade", f"schema {rev}"))
    upgrade(engine)


def integrity_errors(path: Path) -> list[str]:
    """Problems the backend's full check finds in the database file (empty when it is sound)."""
    files = backend.for_location(path).files
    return [] if files is None else files.problems(path, full=True)

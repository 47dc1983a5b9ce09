"""Bringing a database to the current schema, safely.

Opening a database: a new one gets the whole schema; an older HueDesk database is
first copied to the backups folder and then upgraded, each migration in its own
transaction; a database from a newer HueDesk (a revision this version does not
know) is refused rather than touched; a file that is damaged, not a database or
not HueDesk's is refused untouched with a message naming it (the backend's
``DatabaseFiles.refuse_unsound``: ``DamagedDatabaseError``; ``huedesk.store`` adds
the newest good backup to it).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from huedesk.db import backend
from huedesk.db.backup_files import new_backup_path
from huedesk.db.engine import Database, make_engine, translated_errors
from huedesk.db.integrity import DamagedDatabaseError
from huedesk.errors import DatabaseError

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
    cfg = Config()
    cfg.set_main_option("script_location", "huedesk.db:migrations")
    return cfg


def head_revision() -> str:
    """The newest schema revision this version of HueDesk knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every revision id shipped with this version."""
    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision a database is at, or ``None`` for a database without HueDesk's schema."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Apply migrations up to ``target`` on ``engine``'s database."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def open_database(path: Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the HueDesk database at ``path``, upgraded to the current schema."""
    path = Path(path)
    files = backend.for_location(path).files
    if files is not None:
        with translated_errors(path):
            files.refuse_unsound(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            f"Không tạo được thư mục dữ liệu {path.parent} ({exc.strerror}).",
            f"Cannot create the data folder {path.parent} ({exc.strerror}).",
        ) from exc
    engine = make_engine(path)
    try:
        with translated_errors(path):
            _prepare_schema(engine, path, migrate)
    except BaseException:
        engine.dispose()
        raise
    return Database(path, engine)


def _prepare_schema(engine: Engine, path: Path, migrate: bool) -> None:
    rev = current_revision(engine)
    head = head_revision()
    if rev is None:
        tables = set(inspect(engine).get_table_names())
        if tables:
            raise DamagedDatabaseError(
                f"Cơ sở dữ liệu {path} có dữ liệu nhưng không phải của HueDesk.",
                f"The database {path} holds data but is not a HueDesk one.",
                path=path,
            )
        if migrate:
            upgrade(engine)
        return
    if rev == head:
        return
    if rev not in known_revisions():
        raise DatabaseError(
            f"Tệp {path} được tạo bởi phiên bản HueDesk mới hơn (lược đồ {rev}); hãy cập nhật HueDesk.",
            f"The file {path} was made by a newer HueDesk (schema {rev}); please update HueDesk.",
        )
    if not migrate:
        return
    files = backend.of(engine).files
    if files is not None:
        engine.dispose()
        files.snapshot(path, new_backup_path(path, "pre-upgrade", f"schema {rev}"))
    upgrade(engine)


def integrity_errors(path: Path) -> list[str]:
    """Problems the backend's full check finds in the database file (empty when it is sound)."""
    files = backend.for_location(path).files
    return [] if files is None else files.problems(path, full=True)

"""Bringing a database file to the current schema, safely.

Opening a database: a new file gets the whole schema; an older HueDesk file is
first copied to the backups folder and then upgraded, each migration in its own
transaction; a file from a newer HueDesk (a revision this version does not know)
is refused rather than touched; a file that is not SQLite, or SQLite but not
HueDesk's, is refused with a message naming it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from huedesk.db.engine import Database, make_engine, translate_operational_errors
from huedesk.db.snapshot import snapshot
from huedesk.errors import DatabaseError
from huedesk.paths import backups_dir

SQLITE_MAGIC = b"SQLite format 3\x00"

# Tables kept by services outside the ORM (the search index's FTS5 table, its shadow
# tables and bookkeeping); migrations create them, model comparison must skip them.
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


def check_file_is_sqlite(path: Path) -> None:
    """Refuse a file that exists but is not an SQLite database, before SQLite touches it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise DatabaseError(
            f"Tệp {path} không phải cơ sở dữ liệu HueDesk (không phải tệp SQLite).",
            f"The file {path} is not a HueDesk database (not an SQLite file).",
        )


def open_database(path: Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the HueDesk database at ``path``, upgraded to the current schema."""
    path = Path(path)
    check_file_is_sqlite(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            f"Không tạo được thư mục dữ liệu {path.parent} ({exc.strerror}).",
            f"Cannot create the data folder {path.parent} ({exc.strerror}).",
        ) from exc
    engine = make_engine(path)
    try:
        with translate_operational_errors(path):
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
            raise DatabaseError(
                f"Tệp {path} là cơ sở dữ liệu SQLite nhưng không phải của HueDesk.",
                f"The file {path} is an SQLite database but not a HueDesk one.",
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
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = backups_dir(path) / f"{path.stem}-before-upgrade-{rev}-{stamp}.sqlite3"
    engine.dispose()
    snapshot(path, dest)
    upgrade(engine)


def integrity_errors(path: Path) -> list[str]:
    """Problems ``PRAGMA integrity_check`` finds (empty when the file is sound)."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows if r[0] != "ok"]

"""Opening a HueDesk database: the engine, its connection settings, and units of work.

Every connection runs with WAL journaling, ``synchronous=FULL`` (a committed change
survives a power cut, not only a crash), foreign keys enforced and a busy timeout.
Write units of work begin with ``BEGIN IMMEDIATE`` so two writers queue at the start
of a transaction instead of failing half-way through it.

``Database.write()`` and ``Database.read()`` give one session per user action, the
scope SQLAlchemy recommends; services open one and never hand ORM objects out of it.
"""

from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from huedesk.db.backend.protocol import WRITE_OPTION
from huedesk.db.integrity import DamagedDatabaseError, record_clean_close
from huedesk.db.lock_holders import describe_holders
from huedesk.errors import DatabaseError
from huedesk.text import fold, sort_key

BUSY_TIMEOUT_MS = 5000
# Page cache per connection. SQLite's default (2 MB) thrashes when a bulk load inserts
# hundreds of thousands of random UUID and hash keys into indexes.
CACHE_KIB = 131072

# Every engine made in this process, so a restore can close them all before it
# renames a file over the database (an open pooled connection would keep using the
# replaced file's WAL).
_ENGINES: weakref.WeakSet[Engine] = weakref.WeakSet()


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" hook below issue BEGIN itself (pysqlite's own
    # implicit BEGIN would be DEFERRED and come too late for SAVEPOINTs).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA secure_delete = ON")
    cur.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    cur.close()
    dbapi_conn.create_function("hd_fold", 1, _sql_fold, deterministic=True)
    dbapi_conn.create_function("hd_sort_key", 1, _sql_sort_key, deterministic=True)


def _sql_fold(value: str | None) -> str | None:
    return None if value is None else fold(value)


def _sql_sort_key(value: str | None) -> str | None:
    return None if value is None else sort_key(value)


def _on_begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(path: Path) -> Engine:
    """An engine for the SQLite file at ``path`` with HueDesk's connection settings."""
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    _ENGINES.add(engine)
    return engine


def dispose_engines(path: Path) -> int:
    """Close the pooled connections of every engine in this process on ``path``; returns how many."""
    target = Path(path).resolve()
    n = 0
    for engine in list(_ENGINES):
        database = engine.url.database
        if database and Path(database).resolve() == target:
            engine.dispose()
            n += 1
    return n


class Database:
    """An open HueDesk database file: engine plus session factories for reads and writes."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)
        self._writer = sessionmaker(
            bind=engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write unit of work: commits on success, rolls back on any error."""
        with translate_operational_errors(self.path):
            session = self._writer()
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One read-only unit of work; closing it ends the transaction without committing."""
        with translate_operational_errors(self.path):
            session = self._reader()
            try:
                yield session
            finally:
                session.close()

    def dispose(self) -> None:
        """Close every pooled connection (before the file is moved or replaced).

        Closing the last connection checkpoints the write-ahead log into the file;
        a clean-close marker then lets the next open skip the quick check.
        """
        self.engine.dispose()
        record_clean_close(self.path)


@contextmanager
def translate_operational_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's low-level failures into messages that name the file and the problem."""
    try:
        yield
    except OperationalError as exc:
        raise _translate(exc.orig, path) from exc
    except sqlite3.OperationalError as exc:
        raise _translate(exc, path) from exc
    except sqlite3.DatabaseError as exc:
        raise _translate(exc, path) from exc


def _translate(exc: BaseException | None, path: Path) -> Exception:
    text = str(exc)
    if "locked" in text or "busy" in text:
        who_vi, who_en = describe_holders(path)
        return DatabaseError(
            f"Cơ sở dữ liệu {path} đang bị chương trình khác khóa; hãy đóng chương trình đó rồi thử lại.{who_vi}",
            f"The database {path} is locked by another program; close it and try again.{who_en}",
        )
    if "disk is full" in text or "database or disk is full" in text:
        return DatabaseError(
            f"Ổ đĩa chứa {path} đã đầy; dữ liệu chưa được ghi, hãy giải phóng dung lượng.",
            f"The disk holding {path} is full; nothing was written, free some space.",
        )
    if "malformed" in text or "not a database" in text or "file is encrypted" in text:
        return DamagedDatabaseError(
            f"Tệp {path} bị hỏng hoặc không phải cơ sở dữ liệu HueDesk ({text}).",
            f"The file {path} is damaged or not a HueDesk database ({text}).",
            path=path,
        )
    if "unable to open" in text or "readonly" in text:
        return DatabaseError(
            f"Không mở được hoặc không ghi được tệp {path} ({text}).",
            f"Cannot open or write the file {path} ({text}).",
        )
    return exc if isinstance(exc, Exception) else DatabaseError(text, text)

"""Opening a HueDesk database: the engine, and units of work on it.

``Database.write()`` and ``Database.read()`` give one session per user action, the
scope SQLAlchemy recommends; services open one and never hand ORM objects out of
it. A write unit of work is marked with ``WRITE_OPTION``, so the backend starts it
in a way that makes writers queue at its start (SQLite: ``BEGIN IMMEDIATE``). What
the engine's connections are set up with, and how the database's low-level
failures become messages, belongs to the backend (``huedesk.db.backend``).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from huedesk.db import backend
from huedesk.db.backend.protocol import WRITE_OPTION, Backend
from huedesk.db.location import Location
from huedesk.db.read_only import ReadOnly
from huedesk.db.stopping import Stopped, Stopper

# Every engine made in this process, so a restore can close them all before it
# renames a file over the database (an open pooled connection would keep using the
# replaced file's WAL).
_ENGINES: weakref.WeakSet[Engine] = weakref.WeakSet()
# session.info key of a write unit of work: ``Database.path``, the file or stand-in path whose
# companions (the attached files) belong to the database being written.
FILES_OF = "hd_files_of"


def make_engine(location: Location, *, read_only: bool = False) -> Engine:
    """An engine for the database at ``location`` with its backend's connection settings
    (``read_only``: for a database file HueDesk may not write, ``huedesk.db.read_only``)."""
    found = backend.for_location(location)
    if read_only and isinstance(location, Path) and found.files is not None:
        engine = found.files.open_read_only(location)
    else:
        engine = found.make_engine(location)
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
    """An open HueDesk database: engine, its backend, and session factories for reads and writes.

    ``location`` is where the database is (a file, or a server's URL); ``path`` is the
    file, or for a server database the stand-in path on this computer beside which
    HueDesk keeps its local folders (``huedesk.db.location.ServerURL.local``).
    ``read_only`` says why a database file may only be read (``None``: it may be
    written); ``write()`` then refuses with one line, and nothing is written beside it.
    """

    def __init__(
        self, location: Location, engine: Engine, read_only: ReadOnly | None = None
    ) -> None:
        self.location = location
        self.read_only = read_only
        # The backup taken before this open upgraded the schema (its attached files are
        # the service layer's to keep: ``huedesk.store``).
        self.pre_upgrade: Path | None = None
        self.path = location if isinstance(location, Path) else location.local
        self.engine = engine
        self.backend: Backend = backend.of(engine)
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)
        self._writer = sessionmaker(
            bind=engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write unit of work: commits on success, rolls back on any error."""
        if self.read_only is not None:
            raise self.read_only.refusal()
        with translated_errors(self.location, self.backend):
            session = self._writer()
            session.info[FILES_OF] = self.path
            if self.backend.files is not None:
                # for after-commit work: the audit head kept beside a database *file*. A
                # server's log is shared by every writer; one laptop's side file could
                # neither follow it nor be written safely by several processes at once.
                session.info["hd_db_path"] = self.path
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()

    @contextmanager
    def read(self, stopper: Stopper | None = None) -> Iterator[Session]:
        """One read-only unit of work; closing it ends the transaction without committing.

        With a ``stopper``, ``stopper.stop()`` from another thread interrupts the statement
        under way and the unit of work raises ``Stopped`` (``huedesk.db.stopping``).
        """
        if stopper is None:
            with translated_errors(self.location, self.backend):
                session = self._reader()
                try:
                    yield session
                finally:
                    session.close()
            return
        stopper.check()
        session = self._reader()
        try:
            with translated_errors(self.location, self.backend):
                interrupt = self.backend.interrupter(session)
            with stopper.attached(interrupt):
                try:
                    with translated_errors(self.location, self.backend):
                        yield session
                except Exception as exc:
                    if stopper.stopped:  # the statement failed because it was interrupted
                        raise Stopped() from exc
                    raise
            stopper.check()  # stopped between statements: the answer is not wanted
        finally:
            session.close()

    def dispose(self) -> None:
        """Close every pooled connection (before the file is moved or replaced).

        Closing the last connection checkpoints SQLite's write-ahead log into the
        file; the backend may then note the clean close (the next open skips its check).
        """
        self.engine.dispose()
        if self.backend.files is not None and self.read_only is None:
            self.backend.files.record_clean_close(self.path)


@contextmanager
def translated_errors(location: Location, db_backend: Backend | None = None) -> Iterator[None]:
    """Turn the database's low-level failures (locked, full, read-only, damaged) into messages."""
    found = db_backend or backend.for_location(location)
    try:
        yield
    except Exception as exc:
        better = found.translate_error(exc, location)
        if better is None:
            raise
        raise better from exc

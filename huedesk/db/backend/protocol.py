"""What a database backend gives HueDesk: the seam between the services and one dialect.

Services (records, search, archive, demo, briefs, accounts, audit, check,
backup) speak SQLAlchemy Core and ORM, which every backend understands, and call
the named operations declared here for everything SQLAlchemy leaves to the
dialect: how a write transaction starts and what it locks, how many rows are
written or read at once without SQLAlchemy's per-row machinery, the full-text
index (``huedesk.db.fulltext``), error messages, the database's own checks and,
where the database is a file on this computer, that file (``DatabaseFiles``). ``huedesk.db.backend.of`` finds the backend of a
session, connection or engine; ``huedesk.db.backend.sqlite`` is the one HueDesk
ships. A second backend (PostgreSQL) implements these protocols and registers
itself in ``huedesk.db.backend``; nothing above ``huedesk/db`` changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Column, Engine, Select, Table
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from huedesk.db.fulltext import FullTextIndex
    from huedesk.db.location import Location

Convert = Callable[[Any], Any]

# Execution option marking a write unit of work (``Database.write``): the backend
# starts its transaction so that writers queue at the start (SQLite: ``BEGIN IMMEDIATE``).
WRITE_OPTION = "hd_write"


class WriteBehind(Protocol):
    """Bulk inserts handed to the backend, possibly still being written in the background.

    Use as a context manager around a bulk load. Before reading anything a pending
    insert could change, call ``sync``; an error in a pending insert is raised by
    ``sync``, by the next insert through it, or on leaving the ``with`` block.
    """

    def sync(self) -> None: ...

    def close(self) -> None: ...

    def __enter__(self) -> WriteBehind: ...

    def __exit__(self, *exc: object) -> None: ...


class InsertPlan(Protocol):
    """How a backend inserts many rows into given columns of one table.

    ``convert`` lists, by column position, the function that turns a Python value
    (as validation returns it; never ``None``) into what the driver is given; a
    column not listed passes as it is. ``insert`` writes rows of converted values,
    in column order, inside the session's transaction (through ``behind`` if given).
    """

    @property
    def convert(self) -> Sequence[tuple[int, Convert]]: ...

    def insert(
        self, session: Session, rows: Sequence[Sequence[Any]], behind: WriteBehind | None
    ) -> None: ...


@dataclass(frozen=True)
class FileSummary:
    """What a database file holds: rows per table, account names and the audit chain's end."""

    counts: dict[str, int] = field(default_factory=dict)
    accounts: tuple[str, ...] = ()
    audit_entries: int = 0
    audit_last: tuple[int, str] | None = None  # (id, entry hash) of the newest entry


@dataclass(frozen=True)
class Carried:
    """What ``DatabaseFiles.carry`` copied: accounts, and audit entries (``None``: the
    histories differ, nothing appended)."""

    accounts: int
    audit_entries: int | None


class DatabaseFiles(Protocol):
    """A database that is one file on this computer (SQLite): checked, copied and replaced.

    Every operation takes the database file's path and reads it without writing,
    except ``snapshot`` (which writes only its destination) and ``detach``. A
    server backend has no files (``Backend.files`` is ``None``): its backups and
    checks are the server's own.
    """

    COMPANIONS: tuple[str, ...]  # suffixes of files beside the database that belong to it

    def is_database_file(self, path: Path) -> bool:
        """Whether the file is of this backend's kind at all (its header)."""
        ...

    def problems(self, path: Path, *, full: bool = False) -> list[str]:
        """What the backend's own check finds in the file (quick, or ``full``); empty when sound."""
        ...

    def schema_revision(self, path: Path) -> str | None:
        """The schema revision recorded in the file, ``None`` when it is not HueDesk's."""
        ...

    def refuse_unsound(self, path: Path) -> None:
        """Raise ``DamagedDatabaseError`` for a file that is damaged, not a database or not HueDesk's."""
        ...

    def open_read_only(self, path: Path) -> Engine:
        """An engine on the file whose connections write nothing, to it or beside it
        (a database in a read-only folder or file: ``huedesk.db.read_only``)."""
        ...

    def snapshot(self, source: Path, dest: Path, *, full_check: bool = False) -> Path:
        """A consistent, checked, durable copy of ``source`` at ``dest`` (even while it is in use);
        what the file system refuses is raised as its ``OSError``, with nothing left behind."""
        ...

    def raw_copy(self, path: Path, dest: Path) -> None:
        """Copy a (damaged) database's files byte for byte, durably; raises ``OSError``."""
        ...

    def detach(self, path: Path, *, damaged: bool) -> None:
        """Make the file self-contained before another file is renamed over it."""
        ...

    def record_clean_close(self, path: Path) -> None:
        """Note that the last connection closed cleanly (lets the next open skip its check)."""
        ...

    def summarise(self, path: Path, tables: list[str]) -> FileSummary:
        """Rows per table (0 for a table the file lacks), account names, the audit log's end."""
        ...

    def read_rows(self, path: Path, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
        """``columns`` of every row of ``table`` in the file, read without writing to it
        (empty when the file has no such table): a backup's attachment rows."""
        ...

    def audit_hash_at(self, path: Path, entry_id: int) -> str | None:
        """The hash of audit entry ``entry_id`` in the file (``None`` when it has none)."""
        ...

    def carry(
        self, target: Path, source: Path, account_columns: list[str], audit_columns: list[str]
    ) -> Carried:
        """Give ``target`` the accounts of ``source`` and the audit entries that follow its own.

        ``target`` (a file about to be installed by a restore, at the current schema)
        loses its accounts and gets ``source``'s exactly. If ``source``'s audit log
        continues ``target``'s (it holds ``target``'s newest entry with the same hash),
        the entries after it are appended unchanged. All of it or nothing.
        """
        ...


class Backend(Protocol):
    """One database product behind HueDesk (``name`` is SQLAlchemy's dialect name)."""

    name: str

    @property
    def files(self) -> DatabaseFiles | None:
        """File operations, for a backend whose database is a file on this computer."""
        ...

    @property
    def fulltext(self) -> FullTextIndex:
        """The search index (``huedesk.db.fulltext``)."""
        ...

    # -- connections and errors ----------------------------------------------------------
    def make_engine(self, location: Location) -> Engine:
        """An engine with HueDesk's connection settings, whose transactions begin as
        ``WRITE_OPTION`` asks; SQL functions ``huedesk.db.functions`` names are available."""
        ...

    def translate_error(self, exc: BaseException, location: Location) -> Exception | None:
        """A ``HueDeskError`` naming the database and what to do, for a locked, full, read-only
        or damaged database; ``None`` for anything else (it is raised as it is)."""
        ...

    # -- checks (``huedesk check``) --------------------------------------------------------
    def integrity_problems(self, session: Session) -> list[str]:
        """What the database's own integrity check finds; empty when sound."""
        ...

    def foreign_key_problems(self, session: Session) -> list[tuple[str, Any, str]]:
        """``(table, row, referenced table)`` of every row referring to a missing row."""
        ...

    def trigger_names(self, session: Session) -> set[str]:
        """The names of the triggers defined in the database."""
        ...

    # -- stopping a statement ---------------------------------------------------------------
    def interrupter(self, session: Session) -> Callable[[], None]:
        """A function that stops the statement running on ``session``'s connection, safe to
        call from another thread (a no-op when none runs); the statement then fails.

        Called on the session's own thread (it takes the session's connection).
        ``huedesk.db.stopping`` uses it for Cancel.
        """
        ...

    # -- transactions and locks ---------------------------------------------------------
    def hold(self, session: Session, key: str) -> None:
        """Serialise on ``key`` until ``session``'s transaction ends.

        Two writers that both ``hold`` the same key run the code after it one at a
        time, each seeing what the other committed: a counter or a chain head read
        after ``hold`` is still current when the transaction writes it. Only in a
        write unit of work (``Database.write``).
        """
        ...

    # -- bulk paths ----------------------------------------------------------------------
    def insert_plan(self, table: Table, columns: Sequence[str]) -> InsertPlan:
        """How rows of Python values go into ``columns`` of ``table``, fast."""
        ...

    def write_behind(self, session: Session) -> WriteBehind:
        """A bulk writer for ``session``'s transaction (background where the backend can)."""
        ...

    def driver_rows(self, session: Session, stmt: Select[Any]) -> Iterator[Sequence[Any]]:
        """The rows of ``stmt`` as the driver returns them, with no type processing.

        Only for statements whose parameters come from the database or the program
        (ids, UUIDs, kind names), never from user input.
        """
        ...

    def portable_converter(self, column: Column[Any]) -> Convert | None:
        """A ``driver_rows`` value → its portable JSON form (``None``: it is that form already).

        The portable form is ``huedesk.audit.jsonable`` of the value SQLAlchemy would
        load: ISO 8601 dates and times (UTC ones with ``+00:00``), decimals as text,
        enums by value, booleans as ``true``/``false``.
        """
        ...

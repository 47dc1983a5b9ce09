"""The database seam: every dialect-specific line of HueDesk lives below this package.

``of(session)`` gives the ``Backend`` (``huedesk.db.backend.protocol``) of whatever
database a session, connection or engine is on. Services never branch on the
dialect themselves; they call the backend's named operations, through the small
neutral modules beside this package (``huedesk.db.bulk``, ``huedesk.db.locks`` …).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from huedesk.db.backend.protocol import Backend, DatabaseFiles
from huedesk.db.backend.sqlite import SQLITE
from huedesk.db.location import Location, ServerURL
from huedesk.errors import DatabaseError

__all__ = [
    "Backend",
    "by_dialect",
    "dump_server",
    "files_of",
    "for_location",
    "of",
    "refuse_server",
]

_BY_DIALECT: dict[str, Backend] = {SQLITE.name: SQLITE}


def of(bind: Session | Connection | Engine) -> Backend:
    """The backend of the database ``bind`` is connected to."""
    return by_dialect(
        bind.get_bind().dialect.name if isinstance(bind, Session) else bind.dialect.name
    )


def by_dialect(name: str) -> Backend:
    """The backend for SQLAlchemy's dialect ``name``."""
    found = _BY_DIALECT.get(name)
    if found is None and name == "postgresql":
        # Imported on first use: psycopg is needed only for a server database.
        from huedesk.db.backend.postgresql import POSTGRESQL

        found = _BY_DIALECT[name] = POSTGRESQL
    if found is None:
        raise RuntimeError(f"HueDesk has no database backend for the dialect {name!r}")
    return found


def for_location(location: Location) -> Backend:
    """The backend of the database at ``location``: SQLite for a file path, the server's for a URL."""
    if isinstance(location, Path):
        return SQLITE
    try:
        return by_dialect(location.dialect)
    except ImportError as exc:  # psycopg is an optional dependency
        raise DatabaseError(
            f"Cần gói psycopg để làm việc với {location}: pip install 'huedesk[server]' ({exc}).",
            f"Working with {location} needs psycopg: pip install 'huedesk[server]' ({exc}).",
        ) from exc


def refuse_server(location: Location) -> Path:
    """The database file at ``location``; refused, with a message, for a server database."""
    if isinstance(location, Path) and for_location(location).files is not None:
        return location
    raise DatabaseError(
        f"Cơ sở dữ liệu {location} không phải một tệp trên máy này; hãy dùng công cụ của máy chủ.",
        f"The database {location} is not a file on this computer; use the server's own tools.",
    )


def files_of(location: Location) -> DatabaseFiles:
    """The file operations of the database at ``location`` (backups, restores, file checks).

    Refused, with a message, for a database that is not a file on this computer.
    """
    files = for_location(refuse_server(location)).files
    assert files is not None
    return files


def dump_server(location: ServerURL, stem: Path) -> Path | None:
    """Back the server database up with the server's own dump program, to ``stem`` plus its
    suffix (``.dump``: ``pg_dump``'s custom format); ``None`` when that program is not
    installed on this computer. A failed dump raises ``DatabaseError`` and leaves no file."""
    from huedesk.db.backend.postgresql import dump

    program = dump.find_pg_dump()
    if program is None:
        return None
    return dump.dump(location, stem.with_name(stem.name + dump.SUFFIX), program)

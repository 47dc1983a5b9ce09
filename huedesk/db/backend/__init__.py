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
from huedesk.errors import DatabaseError

__all__ = ["Backend", "by_dialect", "files_of", "for_location", "of"]

_BY_DIALECT: dict[str, Backend] = {SQLITE.name: SQLITE}


def of(bind: Session | Connection | Engine) -> Backend:
    """The backend of the database ``bind`` is connected to."""
    return by_dialect(
        bind.get_bind().dialect.name if isinstance(bind, Session) else bind.dialect.name
    )


def by_dialect(name: str) -> Backend:
    """The backend for SQLAlchemy's dialect ``name``."""
    try:
        return _BY_DIALECT[name]
    except KeyError:
        raise RuntimeError(f"HueDesk has no database backend for the dialect {name!r}") from None


def for_location(location: Path) -> Backend:
    """The backend of the database at ``location`` (a file path: SQLite, HueDesk's default)."""
    return SQLITE


def files_of(location: Path) -> DatabaseFiles:
    """The file operations of the database at ``location`` (backups, restores, file checks).

    Refused, with a message, for a database that is not a file on this computer.
    """
    files = for_location(location).files
    if files is None:
        raise DatabaseError(
            f"Cơ sở dữ liệu {location} không phải một tệp trên máy này; hãy dùng công cụ của máy chủ.",
            f"The database {location} is not a file on this computer; use the server's own tools.",
        )
    return files

"""The database seam: every dialect-specific line of HueDesk lives below this package.

``of(session)`` gives the ``Backend`` (``huedesk.db.backend.protocol``) of whatever
database a session, connection or engine is on. Services never branch on the
dialect themselves; they call the backend's named operations, through the small
neutral modules beside this package (``huedesk.db.bulk``, ``huedesk.db.locks`` …).
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from huedesk.db.backend.protocol import Backend
from huedesk.db.backend.sqlite import SQLITE

__all__ = ["Backend", "of"]

_BY_DIALECT: dict[str, Backend] = {SQLITE.name: SQLITE}


def of(bind: Session | Connection | Engine) -> Backend:
    """The backend of the database ``bind`` is connected to."""
    name = bind.get_bind().dialect.name if isinstance(bind, Session) else bind.dialect.name
    try:
        return _BY_DIALECT[name]
    except KeyError:
        raise RuntimeError(f"HueDesk has no database backend for the dialect {name!r}") from None

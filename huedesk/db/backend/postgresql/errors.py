"""PostgreSQL's failures as messages naming the server and what to do.

psycopg reports an unreachable server or a refused login as ``OperationalError``
and everything else by SQLSTATE: disk full (``53100``), read-only transaction
(``25006``), lock timeout (``55P03``), serialisation failure or deadlock
(``40001``, ``40P01``). The password never appears in a message.
"""

from __future__ import annotations

import psycopg
from sqlalchemy.exc import DBAPIError

from huedesk.db.location import Location
from huedesk.errors import DatabaseError


def translate(exc: BaseException, location: Location) -> Exception | None:
    """The user's message for ``exc``, or ``None`` when it is not a server or connection problem."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(orig, psycopg.Error):
        return None
    state = orig.sqlstate or ""
    detail = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if state == "53100":
        return DatabaseError(
            f"Máy chủ cơ sở dữ liệu {location} đã hết dung lượng; chưa ghi gì.",
            f"The database server {location} is out of disk space; nothing was written.",
        )
    if state == "25006":
        return DatabaseError(
            f"Cơ sở dữ liệu {location} chỉ cho đọc; chưa ghi gì.",
            f"The database {location} is read-only; nothing was written.",
        )
    if state in ("55P03", "40001", "40P01"):
        return DatabaseError(
            f"Cơ sở dữ liệu {location} đang bận với người dùng khác; chưa ghi gì, hãy thử lại.",
            f"The database {location} is busy with another user; nothing was written, try again.",
        )
    if isinstance(orig, psycopg.OperationalError) and not state.startswith(("23", "42")):
        return DatabaseError(
            f"Không kết nối được máy chủ cơ sở dữ liệu {location} ({detail}).",
            f"Cannot reach the database server {location} ({detail}).",
        )
    return None

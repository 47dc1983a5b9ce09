"""Where a database is: a file on this computer, or a database server named by a URL.

``huedesk --db`` and ``HUEDESK_DB`` take either. Text that starts with a scheme
(``letters:``, two letters or more, so ``C:\\…`` stays a Windows path) is a URL and is
never taken for a file name: ``postgresql://…`` and ``postgresql+psycopg://…`` name a
PostgreSQL server (SQLAlchemy's URL, ``user:password@host:port/dbname``), ``sqlite:///PATH``
names a file, and any other scheme, or a scheme without ``//``, is refused with one line
(a file whose name has a colon is written ``./name:with:colon``). A server's stand-in
path (below) is refused too: it is no database.

A server database has no file, but HueDesk still keeps a few things on this computer
for it (the window's undo stash, attachments until they move to the server): they
live in a folder named after the server and database in the user's data folder
(``ServerURL.local``). This module imports nothing heavy: every command reads it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from huedesk.errors import DatabaseError

# Scheme → the SQLAlchemy driver HueDesk connects with.
SERVER_SCHEMES = {"postgresql": "postgresql+psycopg", "postgresql+psycopg": "postgresql+psycopg"}
FILE_SCHEMES = ("sqlite",)

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class ServerURL:
    """A database on a server. ``url`` is what SQLAlchemy connects with (password included);
    ``str()`` shows it with the password hidden, for messages."""

    url: str

    @property
    def dialect(self) -> str:
        """SQLAlchemy's dialect name (``postgresql``)."""
        return self.url.split(":", 1)[0].split("+", 1)[0]

    @property
    def name(self) -> str:
        """``host-port-dbname``, safe as a file name."""
        parts = urlsplit(self.url)
        raw = f"{parts.hostname or 'localhost'}-{parts.port or 'default'}-{parts.path.lstrip('/')}"
        return _SAFE.sub("_", unquote(raw)).strip("_") or "server"

    @property
    def shown(self) -> str:
        """``user@host:port/dbname``: the server as the window names it (no password, no scheme)."""
        parts = urlsplit(self.url)
        user = f"{unquote(parts.username)}@" if parts.username else ""
        port = f":{parts.port}" if parts.port else ""
        return f"{user}{parts.hostname or 'localhost'}{port}/{unquote(parts.path.lstrip('/'))}"

    @property
    def local(self) -> Path:
        """The stand-in path on this computer whose folders hold what HueDesk keeps locally."""
        from huedesk.paths import SERVER_SUFFIX, default_data_dir

        return default_data_dir() / "servers" / f"{self.name}{SERVER_SUFFIX}"

    def __str__(self) -> str:
        parts = urlsplit(self.url)
        if parts.password is None:
            return self.url
        user = parts.username or ""
        host = parts.netloc.rsplit("@", 1)[1]
        return parts._replace(netloc=f"{user}:***@{host}").geturl()


Location = Path | ServerURL


def resolve_location(explicit: str | os.PathLike[str] | None = None) -> Location:
    """The database to open: ``explicit`` (``--db``), else ``$HUEDESK_DB``, else the default file."""
    from huedesk import paths

    chosen = explicit or os.environ.get(paths.ENV_DB)
    if chosen:
        return parse_location(chosen)
    return paths.default_data_dir() / paths.DB_FILENAME


def _refuse(text: str, why_vi: str, why_en: str) -> DatabaseError:
    return DatabaseError(f"Cơ sở dữ liệu {text!r}: {why_vi}", f"Database {text!r}: {why_en}")


def _file(text: str | os.PathLike[str]) -> Path:
    """A database file's resolved path; a server's stand-in path (``….server``) is refused:
    opened as a file, it would silently become a new, empty SQLite database."""
    from huedesk.paths import SERVER_SUFFIX

    path = Path(text).expanduser().resolve()
    if path.suffix == SERVER_SUFFIX:
        raise _refuse(
            str(path),
            "đây là chỗ HueDesk giữ đồ của một máy chủ trên máy này, không phải cơ sở dữ "
            "liệu; hãy dùng địa chỉ máy chủ (postgresql+psycopg://người_dùng@máy/tên).",
            "this is where HueDesk keeps a server's things on this computer, not a "
            "database; give the server's URL (postgresql+psycopg://user@host/dbname).",
        )
    return path


def parse_location(text: str | os.PathLike[str]) -> Location:
    """The database ``text`` names: a resolved file path, or a server URL (refused when unknown)."""
    if isinstance(text, os.PathLike):
        return _file(text)
    found = _SCHEME.match(text)
    if found is None:
        return _file(text)
    scheme = found.group(1).lower()
    rest = text[found.end() :]
    shown = str(ServerURL(text)) if "@" in text else text
    if not rest.startswith("//"):
        raise _refuse(
            shown,
            f"'{scheme}:' không phải tên tệp hay địa chỉ HueDesk hiểu; tệp có dấu hai chấm "
            "trong tên hãy viết ./tên.",
            f"'{scheme}:' is neither a file nor a URL HueDesk understands; write a file "
            "whose name has a colon as ./name.",
        )
    if scheme in FILE_SCHEMES:
        path = rest[3:] if rest.startswith("///") else ""
        if not path:
            raise _refuse(
                shown, "hãy viết sqlite:///ĐƯỜNG_DẪN.", "write sqlite:///PATH for a file."
            )
        return _file(unquote(path))
    if scheme in SERVER_SCHEMES:
        if not urlsplit(text).path.lstrip("/"):
            raise _refuse(
                shown,
                "thiếu tên cơ sở dữ liệu (…@máy/tên).",
                "the URL names no database (…@host/dbname).",
            )
        return ServerURL(SERVER_SCHEMES[scheme] + text[found.end() - 1 :])
    known = ", ".join(sorted({*SERVER_SCHEMES, "sqlite"}))
    raise _refuse(
        shown,
        f"HueDesk không làm việc với loại '{scheme}' (chỉ: {known}, hoặc một đường dẫn tệp).",
        f"HueDesk does not work with '{scheme}' databases (only {known}, or a file path).",
    )

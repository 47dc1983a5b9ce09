"""What a capability needs of the workspace it belongs to (so it need not import it)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from huedesk.accounts.principal import Actor
from huedesk.accounts.roles import Principal
from huedesk.db.engine import Database

if TYPE_CHECKING:
    from huedesk.records import RecordService


class Bound(Protocol):
    """The workspace as its capabilities see it: the user, the database, the records."""

    @property
    def records(self) -> RecordService: ...

    @property
    def db(self) -> Database: ...

    @property
    def actor(self) -> Actor: ...

    @property
    def principal(self) -> Principal: ...

    @property
    def path(self) -> Path: ...

    def replace_database(self, db: Database) -> None: ...

"""``Workspace``: one signed-in user on one open database, the door every caller goes through.

Like Anki's ``Collection``, it is the one object the window and the command line
hold. It never hands out the database, a session or an ORM object: each
capability (``records``, ``attachments``, ``search`` …) is a small service
bound to this user, and each call is one unit of work that applies the access
rules itself (``docs/access-and-privacy.md`` has the table of who may do what).
Screens receive ids and plain data objects (dictionaries and frozen dataclasses).

Capabilities::

    records      RecordService: get, list, ids/rows for lazy tables, save with child
                 lines, check a line, delete impact, delete
    undo         delete with a snapshot (record, child lines, attachments) and restore it
    lookups      choices for pickers (countries)
    attachments  add a file, list, open, copy out, remove
    search       the search box and ``huedesk search``; rebuilding the index
    start_page   what needs attention today
    stats        the year in figures (statistics service, the start page's figures, the
                 spreadsheet); regions and the written parts of a yearly review
    briefs       PDF briefs, aid statements, the yearly review
    documents    what the briefs' frame prints: agency names, signer, numbering
    audit        the audit log as this user may read it
    accounts     accounts and roles (administrators)
    archive      export and import bundles
    backups      back up now, list, restore
    demo         demo data
    maintenance  integrity check
    privacy      retention review, anonymisation
    operations   merge duplicate people or organisations; undo a merge or an import
    sheets       spreadsheet import: report first, then the good rows, undoable
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from huedesk.accounts.principal import Actor, actor_name, resolve
from huedesk.accounts.roles import Principal
from huedesk.db.engine import Database
from huedesk.safety.storage import storage_warning

if TYPE_CHECKING:
    from huedesk.attachments import Attachments
    from huedesk.records import RecordService
    from huedesk.records.history import AuditLog
    from huedesk.stats import Statistics
    from huedesk.workspace.admin import (
        Accounts,
        Archive,
        Backups,
        Demo,
        Maintenance,
        Privacy,
    )
    from huedesk.workspace.documents import Documents
    from huedesk.workspace.operations import Operations, Sheets
    from huedesk.workspace.reading import Briefs, Lookups, Search, StartPage
    from huedesk.workspace.undo import Undo

# Each capability is made (and its code imported) on first use: a command that prints
# one brief never loads backups, statistics, search or the archive (issue #16).
CAPABILITIES = (
    "records",
    "undo",
    "lookups",
    "attachments",
    "search",
    "stats",
    "start_page",
    "briefs",
    "documents",
    "audit",
    "accounts",
    "archive",
    "backups",
    "demo",
    "maintenance",
    "privacy",
    "operations",
    "sheets",
)


class Workspace:
    """One user (``actor``: a signed-in ``Principal``, or a name on a database without
    accounts) working on one database."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._actor = actor
        self._bind(db)

    def _bind(self, db: Database) -> None:
        """Work on ``db``; capabilities bound to another database are dropped."""
        self._db = db
        for name in CAPABILITIES:
            self.__dict__.pop(name, None)

    @cached_property
    def records(self) -> RecordService:
        from huedesk.records import RecordService  # on first use: see CAPABILITIES

        return RecordService(self._db, self._actor)

    @cached_property
    def undo(self) -> Undo:
        from huedesk.workspace.undo import Undo

        return Undo(self)

    @cached_property
    def lookups(self) -> Lookups:
        from huedesk.workspace.reading import Lookups

        return Lookups(self.records)

    @cached_property
    def attachments(self) -> Attachments:
        from huedesk.attachments import Attachments

        return Attachments(self._db, self._actor)

    @cached_property
    def search(self) -> Search:
        from huedesk.workspace.reading import Search

        return Search(self)

    @cached_property
    def stats(self) -> Statistics:
        from huedesk.stats import Statistics

        return Statistics(self._db, self._actor)

    @cached_property
    def start_page(self) -> StartPage:
        from huedesk.workspace.reading import StartPage

        return StartPage(self)

    @cached_property
    def briefs(self) -> Briefs:
        from huedesk.workspace.reading import Briefs

        return Briefs(self)

    @cached_property
    def documents(self) -> Documents:
        from huedesk.workspace.documents import Documents

        return Documents(self)

    @cached_property
    def audit(self) -> AuditLog:
        from huedesk.records.history import AuditLog

        return AuditLog(self._db, self._actor)

    @cached_property
    def accounts(self) -> Accounts:
        from huedesk.workspace.admin import Accounts

        return Accounts(self)

    @cached_property
    def archive(self) -> Archive:
        from huedesk.workspace.admin import Archive

        return Archive(self)

    @cached_property
    def backups(self) -> Backups:
        from huedesk.workspace.admin import Backups

        return Backups(self)

    @cached_property
    def demo(self) -> Demo:
        from huedesk.workspace.admin import Demo

        return Demo(self)

    @cached_property
    def maintenance(self) -> Maintenance:
        from huedesk.workspace.admin import Maintenance

        return Maintenance(self)

    @cached_property
    def privacy(self) -> Privacy:
        from huedesk.workspace.admin import Privacy

        return Privacy(self)

    @cached_property
    def operations(self) -> Operations:
        from huedesk.workspace.operations import Operations

        return Operations(self)

    @cached_property
    def sheets(self) -> Sheets:
        from huedesk.workspace.operations import Sheets

        return Sheets(self)

    # --- who and where ---------------------------------------------------------------------
    @property
    def principal(self) -> Principal:
        """Who is working, with the role the database gives them now (a role changed or an
        account disabled meanwhile takes effect here)."""
        with self._db.read() as s:
            return resolve(s, self._actor)

    @property
    def user_name(self) -> str:
        """The account name the audit log records for this user."""
        return actor_name(self._actor)

    @property
    def path(self) -> Path:
        """The database file (shown to the user; its folder holds attachments and backups)."""
        return self._db.path

    @property
    def server(self) -> str | None:
        """``user@host:port/dbname`` when the database is on a server (``None`` for a file)."""
        location = self._db.location
        return None if isinstance(location, Path) else location.shown

    def read_typed_text_as(self, lang: str) -> None:
        """Read what the user types in ``lang``'s convention (``huedesk.reading``: in Vietnamese
        ``25.450`` is twenty-five thousand, in English twenty-five point four five)."""
        from huedesk.reading import convention  # on first use: see CAPABILITIES

        self.records.reading = convention(lang)

    def read_only_reason(self, lang: str = "vi") -> str | None:
        """Why the database may only be read (the sentence every change is refused with),
        or ``None`` when it may be written."""
        why = self._db.read_only
        return None if why is None else why.refusal().message(lang)

    def back_up_if_due(self) -> Path | None:
        """The automatic daily backup (any signed-in user, as opening the file takes it),
        when the newest backup is older than a day; the new file or ``None``. For a window
        opened with ``Door.open(..., back_up_later=True)``; safe beside other work (the copy
        reads one consistent state of the file)."""
        from huedesk.store import back_up_if_due  # on first use: see CAPABILITIES

        return back_up_if_due(self._db)

    def storage_warning(self, lang: str = "vi") -> str | None:
        """A warning when the file lies on a network share or in a synced folder."""
        return storage_warning(self._db.path, lang)

    # --- for the capabilities (not for screens) --------------------------------------------
    @property
    def db(self) -> Database:
        """The open database: for the services this workspace binds, never for a screen
        (``tests/test_layering.py`` keeps the window from importing what it would need)."""
        return self._db

    @property
    def actor(self) -> Actor:
        return self._actor

    def replace_database(self, db: Database) -> None:
        """Work on ``db`` from now on (the same file reopened after a restore); undo
        snapshots of the old file are dropped with their capabilities."""
        from huedesk.attachments import forget_undo  # on first use: see CAPABILITIES

        forget_undo(self._db.path)
        self._bind(db)

    def close(self) -> None:
        """Forget undo snapshots (and the files kept for them) and close the database."""
        from huedesk.attachments import forget_undo  # on first use: see CAPABILITIES

        forget_undo(self._db.path)
        self._db.dispose()

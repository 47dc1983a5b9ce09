"""Opening the user's database for work: schema brought up to date, reference data present.

This is the one entry point the UI, the command line and tests use to get a
``Database``; ``huedesk.db.migrate.open_database`` below it knows nothing of
countries or services. Opening also installs the search index's listeners, so
every change made through the record services updates the index in its own
transaction, and builds the index when the file has none yet.
"""

from __future__ import annotations

from pathlib import Path

from huedesk import (
    attachments,  # noqa: F401  (removes files of deleted attachments after commit)
    search,
)
from huedesk.db.engine import Database
from huedesk.db.migrate import open_database
from huedesk.records import events
from huedesk.reference_data import ensure_countries


def open_store(path: Path) -> Database:
    """Open (creating if needed) the database at ``path``, migrated and seeded."""
    search.install()
    db = open_database(Path(path))
    try:
        with db.write() as session:
            if ensure_countries(session):
                events.emit_bulk(session, frozenset({"country"}))
            search.ensure_index(session)
    except BaseException:
        db.dispose()
        raise
    return db

"""The error for a database file that is damaged or not HueDesk's.

The checks that find it belong to the backend whose file it is
(``huedesk.db.backend.protocol.DatabaseFiles``; SQLite's in
``huedesk.db.backend.sqlite.files``).
"""

from __future__ import annotations

from pathlib import Path

from huedesk.errors import DatabaseError


class DamagedDatabaseError(DatabaseError):
    """The file is damaged or not a HueDesk database; ``backup`` is the newest good backup.

    The UI catches this to offer "Restore the newest good backup"; the command line
    prints the message, which names the backup and the exact ``huedesk restore`` command.
    """

    def __init__(self, vi: str, en: str, *, path: Path, backup: Path | None = None) -> None:
        super().__init__(vi, en)
        self.path = path
        self.backup = backup

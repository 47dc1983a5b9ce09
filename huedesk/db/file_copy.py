"""Reading a database file that is not open (a backup), and carrying rows between two files.

A restore installs a backup in place of the database, but must not silently take
away what the backup does not have: the accounts as they are now and the audit
log's later entries. These are the database file's operations for it
(``huedesk.db.backend.protocol.DatabaseFiles``; SQLite's in
``huedesk.db.backend.sqlite.carry``), for the service that restores
(``huedesk.maintenance``).
"""

from __future__ import annotations

from pathlib import Path

from huedesk.db.backend import files_of
from huedesk.db.backend.protocol import Carried, FileSummary

__all__ = ["Carried", "FileSummary", "audit_hash_at", "carry", "summarise"]


def summarise(path: Path, tables: list[str]) -> FileSummary:
    """What the database file at ``path`` holds (read without writing)."""
    return files_of(path).summarise(path, tables)


def audit_hash_at(path: Path, entry_id: int) -> str | None:
    """The hash of audit entry ``entry_id`` in the file at ``path``."""
    return files_of(path).audit_hash_at(path, entry_id)


def carry(
    target: Path, source: Path, account_columns: list[str], audit_columns: list[str]
) -> Carried:
    """``target`` gets ``source``'s accounts and the audit entries that follow its own."""
    return files_of(target).carry(target, source, account_columns, audit_columns)

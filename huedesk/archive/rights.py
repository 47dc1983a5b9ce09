"""Who may move records in and out of the database in bulk.

A bundle holds every field of every record it carries, personal data and
consular cases included, and an import writes thousands of records at once:
both are for administrators and consular officers. The record services enforce
roles row by row; bulk paths check once here, before any work starts.
"""

from __future__ import annotations

from huedesk.accounts.principal import Actor, resolve
from huedesk.accounts.roles import Principal, require_sensitive, require_write
from huedesk.db.engine import Database


def require_archive_rights(db: Database, actor: Actor, *, writing: bool) -> Principal:
    """The acting user, refused unless they may see personal data (and write, for imports)."""
    with db.read() as s:
        who = resolve(s, actor)
    if writing:
        require_write(who)
    require_sensitive(
        who, "hồ sơ lưu trữ (chứa dữ liệu cá nhân)", "archive bundles (they hold personal data)"
    )
    return who

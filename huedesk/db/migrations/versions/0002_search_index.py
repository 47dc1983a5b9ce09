"""Search index: an FTS5 table over every record's text, and its bookkeeping.

On PostgreSQL: the index table of ``huedesk.db.backend.postgresql.fulltext`` and
HueDesk's SQL functions ``hd_fold``/``hd_sort_key`` (SQLite registers those on each
connection instead).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 16:55:00

The table is filled by ``huedesk.search`` the first time the upgraded database
is opened (``search_meta`` has no document version yet), not here: what a
record's searchable text is belongs to the application, not to a migration.
The ``search_*`` tables are not mapped models; ``huedesk.db.migrate.include_object``
keeps Alembic's model comparison away from them.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        from huedesk.db.backend.postgresql import connection, fulltext

        for statement in connection.function_statements() + fulltext.create_statements():
            op.execute(statement)
        return
    # unicode61 without diacritic removal: the folded columns are already folded by
    # huedesk.text.fold (which, unlike unicode61, also folds đ), and the original
    # columns must keep their marks so an accented query can rank exact matches first.
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "ref, title, body, ref_x, title_x, body_x, "
        "tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')"
    )
    op.execute("CREATE TABLE search_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")


def downgrade() -> None:
    op.execute("DROP TABLE search_meta")
    op.execute("DROP TABLE search_fts")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION hd_fold(text)")
        op.execute("DROP FUNCTION hd_sort_key(text)")

"""Search on a server: each document's ``tsvector`` in a narrow table of its own.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 17:40:00

On PostgreSQL, ranking the first 2,000 matches of a common word read 2,000
``tsvector``s that ``search_fts`` had moved out to TOAST (a row there also holds
the document's six texts). ``search_words`` (``key``, ``tsv``) keeps them apart,
in rows kept on their page (``STORAGE MAIN``), GIN-indexed; ``search_fts`` keeps the
texts. Both tables are written afresh in key order (the old ``search_fts`` is renamed,
copied out and dropped, so the space of its ``tsv`` column is given back), so no
index rebuild is needed and every document, its words and its texts are kept as they
were. On SQLite, where FTS5 keeps its own positions in its index, nothing changes.
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_TEXTS = "key, ref, title, body, ref_x, title_x, body_x"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in (
        "ALTER TABLE search_fts RENAME TO search_fts_0008",
        "ALTER INDEX search_fts_pkey RENAME TO search_fts_0008_pkey",
        "CREATE TABLE search_fts (key bigint PRIMARY KEY, ref text, title text, body text, "
        "ref_x text, title_x text, body_x text)",
        f"INSERT INTO search_fts ({_TEXTS}) SELECT {_TEXTS} FROM search_fts_0008 ORDER BY key",
        "CREATE TABLE search_words (key bigint PRIMARY KEY "
        "REFERENCES search_fts (key) ON DELETE CASCADE, tsv tsvector NOT NULL)",
        "ALTER TABLE search_words ALTER COLUMN tsv SET STORAGE MAIN",
        "INSERT INTO search_words (key, tsv) SELECT key, tsv FROM search_fts_0008 ORDER BY key",
        "CREATE INDEX ix_search_words_tsv ON search_words USING gin (tsv)",
        "DROP TABLE search_fts_0008",
        "ANALYZE search_fts, search_words",
    ):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in (
        "ALTER TABLE search_fts ADD COLUMN tsv tsvector",
        "UPDATE search_fts AS f SET tsv = w.tsv FROM search_words AS w WHERE w.key = f.key",
        "ALTER TABLE search_fts ALTER COLUMN tsv SET NOT NULL",
        "DROP TABLE search_words",
        "CREATE INDEX ix_search_fts_tsv ON search_fts USING gin (tsv)",
    ):
        op.execute(statement)

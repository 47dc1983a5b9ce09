"""Stored Vietnamese sort keys: an index on ``sort_key(column)`` for each text column a list sorts by.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 08:40:00

Sorting 60,000 people by name computed ``huedesk.text.sort_key`` for every row on
every click, and no index could serve the ORDER BY (issue #13). An index on the
expression ``sort_key(column)`` (``huedesk.db.functions.sort_key``; on SQLite the
function ``hd_sort_key`` every HueDesk connection registers, deterministic) stores
each key once, when the row is written, and serves ``ORDER BY sort_key(column), id``
with a walk in key order: the list query needs no sort at all.

The function is part of the schema from here on: a connection without it (another
SQLite tool) reads these tables but cannot write them or run ``integrity_check``;
HueDesk's own plain connections register it (``huedesk.db.backend.sqlite.connection``).
The country list, which other tools may well edit, has no such index.

Two promises keep the stored keys true:

- ``huedesk.text.sort_key`` gives the same key for the same text for ever; a change
  to it needs a migration that rebuilds these indexes (SQLite: ``REINDEX``);
- a later migration that rebuilds one of these tables in batch mode (which does not
  carry expression indexes over) creates its indexes again;
  ``tests/db/test_sort_keys.py`` fails on a database at head that lacks one.

The list is written out here (a migration is frozen); the test holds it equal to
``huedesk.records.query.stored_sort_fields``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from huedesk.db.functions import sort_key

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SORTED = {
    "organisation": ("name",),
    "person": ("full_name", "position"),
    "agreement": ("title",),
    "delegation": ("title",),
    "consular_case": ("title",),
    "aid_project": ("title", "currency"),
    "fdi_project": ("name", "currency"),
    "event": ("title", "venue"),
    "follow_up_task": ("title", "assignee"),
}


def index_name(table: str, column: str) -> str:
    return f"sk_{table}_{column}"


def upgrade() -> None:
    for table, columns in SORTED.items():
        for column in columns:
            op.create_index(index_name(table, column), table, [sort_key(sa.column(column))])


def downgrade() -> None:
    for table, columns in SORTED.items():
        for column in columns:
            op.drop_index(index_name(table, column), table_name=table)

"""Attached files inside a server database: the ``stored_file`` table.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 14:30:00

A server database without a shared folder keeps the bytes of attached files in
``stored_file`` (by SHA-256, in parts; ``huedesk.records.server_files``), so every
computer reaches them. A new table only; existing data is untouched. The index on
``attachment.sha256`` lets a deleted attachment's bytes be dropped once no other row
names the same content.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stored_file",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("part", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "part", name=op.f("pk_stored_file")),
    )
    op.create_index(op.f("ix_attachment_sha256"), "attachment", ["sha256"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_attachment_sha256"), table_name="attachment")
    op.drop_table("stored_file")

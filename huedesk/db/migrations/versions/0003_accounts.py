"""User accounts, and triggers that keep the audit log append-only.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 17:00:00

The triggers make SQLite itself refuse UPDATE and DELETE on ``audit_entry``, so
no code path in HueDesk (or a slip in a future one) can rewrite history. Someone
editing the file with another tool can drop them; the hash chain
(``huedesk.audit.verify_chain``, run by ``huedesk check``) still finds that.
A later migration that rebuilds ``audit_entry`` in batch mode must re-create them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

AUDIT_TRIGGERS = {
    "audit_entry_no_update": "UPDATE",
    "audit_entry_no_delete": "DELETE",
}


def upgrade() -> None:
    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=True),
        sa.Column(
            "role",
            sa.Enum(
                "admin",
                "officer",
                "consular_officer",
                "viewer",
                name="user_role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("name", name=op.f("uq_user_account_name")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION hd_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'audit entries cannot be changed or deleted'; END $$"
        )
        for name, operation in AUDIT_TRIGGERS.items():
            op.execute(
                f"CREATE TRIGGER {name} BEFORE {operation} ON audit_entry "
                "FOR EACH ROW EXECUTE FUNCTION hd_audit_append_only()"
            )
        return
    for name, operation in AUDIT_TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {operation} ON audit_entry "
            "BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed or deleted'); END"
        )


def downgrade() -> None:
    for name in AUDIT_TRIGGERS:
        op.execute(
            f"DROP TRIGGER IF EXISTS {name} ON audit_entry"
            if op.get_bind().dialect.name == "postgresql"
            else f"DROP TRIGGER IF EXISTS {name}"
        )
    op.drop_table("user_account")

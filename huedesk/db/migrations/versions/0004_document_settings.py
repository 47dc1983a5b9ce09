"""Document settings (agency names, signer, numbering) and the register of document numbers.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 09:00:00

Only new tables: existing data is untouched. The settings row is created here
with the department's own heading, so a brief printed right after the upgrade
looks as it did before (the signer's name is left for the user to fill in).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from huedesk import clock

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    settings = op.create_table(
        "document_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_agency", sa.String(length=200), nullable=False),
        sa.Column("parent_agency_en", sa.String(length=200), nullable=False),
        sa.Column("agency", sa.String(length=200), nullable=False),
        sa.Column("agency_en", sa.String(length=200), nullable=False),
        sa.Column("agency_code", sa.String(length=20), nullable=False),
        sa.Column("place", sa.String(length=60), nullable=False),
        sa.Column(
            "authority", _enum("sign_authority", "direct", "kt", "tl", "tuq", "tm"), nullable=False
        ),
        sa.Column("head_title", sa.String(length=120), nullable=False),
        sa.Column("head_title_en", sa.String(length=120), nullable=False),
        sa.Column("signer_title", sa.String(length=120), nullable=False),
        sa.Column("signer_title_en", sa.String(length=120), nullable=False),
        sa.Column("signer_name", sa.String(length=120), nullable=False),
        sa.Column("number_mode", _enum("number_mode", "blank", "register"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=True),
        sa.CheckConstraint("id = 1", name=op.f("ck_document_settings_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_settings")),
    )
    op.create_table(
        "document_number",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("doc_code", sa.String(length=10), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_number")),
        sa.UniqueConstraint("year", "number", name="uq_document_number_year_number"),
        sa.UniqueConstraint("year", "doc_code", "subject", name="uq_document_number_subject"),
    )
    op.bulk_insert(
        settings,
        [
            {
                "id": 1,
                "parent_agency": "UBND thành phố Huế",
                "parent_agency_en": "Huế City People's Committee",
                "agency": "Sở Ngoại vụ",
                "agency_en": "Department of Foreign Affairs",
                "agency_code": "SNV",
                "place": "Huế",
                "authority": "direct",
                "head_title": "Giám đốc",
                "head_title_en": "Director",
                "signer_title": "Giám đốc",
                "signer_title_en": "Director",
                "signer_name": "",
                "number_mode": "blank",
                "updated_at": clock.now().replace(tzinfo=None),
                "updated_by": None,
            }
        ],
    )


def downgrade() -> None:
    op.drop_table("document_number")
    op.drop_table("document_settings")

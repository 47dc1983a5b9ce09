"""Initial schema: every record kind, the audit log and reference counters.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 16:36:50.518532
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("owner_kind", sa.String(length=40), nullable=False),
        sa.Column("owner_uuid", sa.String(length=36), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("stored_name", sa.String(length=300), nullable=False),
        sa.Column("media_type", sa.String(length=120), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("size >= 0", name=op.f("ck_attachment_size_ok")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
        sa.UniqueConstraint("uuid", name=op.f("uq_attachment_uuid")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_owner_kind"), ["owner_kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_owner_uuid"), ["owner_uuid"], unique=False)

    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                "create",
                "update",
                "delete",
                "system",
                name="audit_action",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=True),
        sa.Column("record_ref", sa.String(length=40), nullable=True),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
        sa.UniqueConstraint("entry_hash", name=op.f("uq_audit_entry_entry_hash")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_record_ref"), ["record_ref"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_entry_record_uuid"), ["record_uuid"], unique=False
        )

    op.create_table(
        "country",
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.Column("name_vi", sa.String(length=120), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_country")),
        sa.UniqueConstraint("code", name=op.f("uq_country_code")),
        sa.UniqueConstraint("uuid", name=op.f("uq_country_uuid")),
    )
    op.create_table(
        "event",
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column(
            "event_type",
            sa.Enum(
                "festival",
                "conference",
                "workshop",
                "exhibition",
                "cultural",
                "sport",
                "other",
                name="event_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("venue", sa.String(length=300), nullable=True),
        sa.Column("organiser", sa.String(length=300), nullable=True),
        sa.Column("foreign_participants", sa.Integer(), nullable=True),
        sa.Column("partner_countries", sa.String(length=300), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "confirmed",
                "held",
                "reported",
                "cancelled",
                name="event_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("ref", sa.String(length=24), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_event_dates_ordered")
        ),
        sa.CheckConstraint(
            "foreign_participants IS NULL OR foreign_participants >= 0",
            name=op.f("ck_event_participants_ok"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        sa.UniqueConstraint("ref", name=op.f("uq_event_ref")),
        sa.UniqueConstraint("uuid", name=op.f("uq_event_uuid")),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_event_type"), ["event_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_start_date"), ["start_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_status"), ["status"], unique=False)

    op.create_table(
        "follow_up_task",
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "in_progress",
                "done",
                "cancelled",
                name="task_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("assignee", sa.String(length=200), nullable=True),
        sa.Column("source_kind", sa.String(length=40), nullable=True),
        sa.Column("source_uuid", sa.String(length=36), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("ref", sa.String(length=24), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_task")),
        sa.UniqueConstraint("ref", name=op.f("uq_follow_up_task_ref")),
        sa.UniqueConstraint("uuid", name=op.f("uq_follow_up_task_uuid")),
    )
    with op.batch_alter_table("follow_up_task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_up_task_due_date"), ["due_date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_follow_up_task_source_kind"), ["source_kind"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_follow_up_task_source_uuid"), ["source_uuid"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_follow_up_task_status"), ["status"], unique=False)

    op.create_table(
        "ref_counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("prefix", sa.String(length=8), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ref_counter")),
        sa.UniqueConstraint("prefix", "year", name=op.f("uq_ref_counter_prefix")),
    )
    op.create_table(
        "organisation",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=True),
        sa.Column(
            "org_type",
            sa.Enum(
                "partner_locality",
                "embassy",
                "consulate",
                "government",
                "international_org",
                "ngo",
                "donor",
                "investor",
                "company",
                "university",
                "vietnamese_agency",
                "other",
                name="org_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("ref", sa.String(length=24), nullable=False),
        sa.ForeignKeyConstraint(
            ["country_code"], ["country.code"], name=op.f("fk_organisation_country_code_country")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
        sa.UniqueConstraint("ref", name=op.f("uq_organisation_ref")),
        sa.UniqueConstraint("uuid", name=op.f("uq_organisation_uuid")),
    )
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_organisation_country_code"), ["country_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_organisation_org_type"), ["org_type"], unique=False)

    op.create_table(
        "aid_project",
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("donor_id", sa.Integer(), nullable=False),
        sa.Column(
            "sector",
            sa.Enum(
                "health",
                "education",
                "disaster_relief",
                "social",
                "environment",
                "infrastructure",
                "culture",
                "agriculture",
                "tourism",
                "manufacturing",
                "energy",
                "real_estate",
                "other",
                name="aid_sector",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("beneficiary", sa.String(length=500), nullable=True),
        sa.Column("approval_decision", sa.String(length=120), nullable=True),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("committed_amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "approved",
                "in_progress",
                "completed",
                "closed",
                "cancelled",
                name="aid_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("ref", sa.String(length=24), nullable=False),
        sa.CheckConstraint(
            "committed_amount >= 0", name=op.f("ck_aid_project_committed_not_negative")
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_aid_project_dates_ordered"),
        ),
        sa.ForeignKeyConstraint(
            ["donor_id"],
            ["organisation.id"],
            name=op.f("fk_aid_project_donor_id_organisation"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aid_project")),
        sa.UniqueConstraint("ref", name=op.f("uq_aid_project_ref")),
        sa.UniqueConstraint("uuid", name=op.f("uq_aid_project_uuid")),
    )
    with op.batch_alter_table("aid_project", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_aid_project_approved_on"), ["approved_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_aid_project_donor_id"), ["donor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_aid_project_sector"), ["sector"], unique=False)
        batch_op.create_index(batch_op.f("ix_aid_project_status"), ["status"], unique=False)

    op.create_table(
        "delegation",
        sa.Column(
            "direction",
            sa.Enum(
                "in", "out", name="direction", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "approved",
                "in_progress",
                "completed",
                "reported",
                "cancelled",
                name="delegation_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("hosts", sa.String(length=500), nullable=True),
        sa.Column("talking_points", sa.Text(), nullable=True),
        sa.Column("press", sa.Text(), nullable=True),
        sa.Column("outcomes", sa.Text(), nullable=True),
        sa.Column("documents_signed", sa.Text(), nullable=True),
        sa.Column("approval_decision", sa.String(length=120), nullable=True),
        sa.Column("budget_vnd", sa.BigInteger(), nullable=True),
        sa.Column("itinerary", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("ref", sa.String(length=24), nullable=False),
        sa.CheckConstraint(
            "budget_vnd IS NULL OR budget_vnd >= 0", name=op.f("ck_delegation_budget_not_negative")
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_delegation_dates_ordered")
        ),
        sa.ForeignKeyConstraint(
            ["country_code"], ["country.code"], name=op.f("fk_delegation_country_code_country")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["organisation.id"],
            name=op.f("fk_delegation_partner_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delegation")),
        sa.UniqueConstraint("ref", name=op.f("uq_delegation_ref")),
        sa.UniqueConstraint("uuid", name=op.f("uq_delegation_uuid")),
    )
    with op.batch_alter_table("delegation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_delegation_country_code"), ["country_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_delegation_direction"), ["direction"], unique=False)
        batch_op.create_index(batch_op.f("ix_delegation_partner_id"), ["partner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_delegation_start_date"), ["start_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_delegation_status"), ["status"], unique=False)

    op.create_table(
        "fdi_project",
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("investor_id", sa.Integer(), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.Column(
            "sector",
            sa.Enum(
                "health",
                "education",
                "disaster_relief",
                "social",
                "environment",
                "infrastructure",
                "culture",
                "agriculture",
                "tourism",
                "manufacturing",
                "energy",
                "real_estate",
                "other",
                name="fdi_sector",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("registered_capital", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("licence_no", sa.String(length=120), nullable=True),
        sa.Column("licence_date", sa.Date(), nullable=True),
        sa.Column("location", sa.String(length=300), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "licensed",
                "under_construction",
                "operating",
                "suspended",
                "terminated",
                name="fdi_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("ref", sa.String(length=24), nullable=False),
        sa.CheckConstraint(
            "registered_capital >= 0", name=op.f("ck_fdi_project_capital_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["country_code"], ["country.code"], name=op.f("fk_fdi_project_country_code_country")
        ),
        sa.ForeignKeyConstraint(
            ["investor_id"],
            ["organisation.id"],
            name=op.f("fk_fdi_project_investor_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fdi_project")),
        sa.UniqueConstraint("ref", name=op.f("uq_fdi_project_ref")),
        sa.UniqueConstraint("uuid", name=op.f("uq_fdi_project_uuid")),
    )
    with op.batch_alter_table("fdi_project", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_fdi_project_country_code"), ["country_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_fdi_project_investor_id"), ["investor_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_fdi_project_licence_date"), ["licence_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_fdi_project_sector"), ["sector"], unique=False)
        batch_op.create_index(batch_op.f("ix_fdi_project_status"), ["status"], unique=False)

    op.create_table(
        "partnership",
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "province",
                "city",
                "county",
                "region",
                "other",
                name="locality_level",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "relation_type",
            sa.Enum(
                "friendship",
                "twinning",
                "cooperation",
                name="relation_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "negotiating",
                "established",
                "suspended",
                "ended",
                name="partnership_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("hue_side", sa.String(length=300), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("ref", sa.String(length=24), nullable=False),
        sa.ForeignKeyConstraint(
            ["country_code"], ["country.code"], name=op.f("fk_partnership_country_code_country")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["organisation.id"],
            name=op.f("fk_partnership_partner_id_organisation"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partnership")),
        sa.UniqueConstraint("ref", name=op.f("uq_partnership_ref")),
        sa.UniqueConstraint("uuid", name=op.f("uq_partnership_uuid")),
    )
    with op.batch_alter_table("partnership", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partnership_country_code"), ["country_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_partnership_partner_id"), ["partner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_partnership_status"), ["status"], unique=False)

    op.create_table(
        "person",
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column(
            "gender",
            sa.Enum(
                "female",
                "male",
                "other",
                name="gender",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("nationality", sa.String(length=2), nullable=True),
        sa.Column("passport_no", sa.String(length=40), nullable=True),
        sa.Column("position", sa.String(length=300), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=60), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("ref", sa.String(length=24), nullable=False),
        sa.ForeignKeyConstraint(
            ["nationality"], ["country.code"], name=op.f("fk_person_nationality_country")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_person_organisation_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("ref", name=op.f("uq_person_ref")),
        sa.UniqueConstraint("uuid", name=op.f("uq_person_uuid")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_nationality"), ["nationality"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_person_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "agreement",
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column(
            "agreement_type",
            sa.Enum(
                "mou",
                "cooperation",
                "twinning",
                "letter_of_intent",
                "other",
                name="agreement_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("counterpart_id", sa.Integer(), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("partnership_id", sa.Integer(), nullable=True),
        sa.Column("hue_signatory", sa.String(length=300), nullable=True),
        sa.Column(
            "signing_level",
            sa.Enum(
                "city_committee",
                "city_agency",
                "central_agency",
                name="signing_level",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("effective_from", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "negotiating",
                "signed",
                "in_force",
                "expired",
                "terminated",
                name="agreement_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("fields", sa.String(length=500), nullable=True),
        sa.Column("follow_up", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("ref", sa.String(length=24), nullable=False),
        sa.ForeignKeyConstraint(
            ["counterpart_id"],
            ["organisation.id"],
            name=op.f("fk_agreement_counterpart_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["country_code"], ["country.code"], name=op.f("fk_agreement_country_code_country")
        ),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["partnership.id"],
            name=op.f("fk_agreement_partnership_id_partnership"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
        sa.UniqueConstraint("ref", name=op.f("uq_agreement_ref")),
        sa.UniqueConstraint("uuid", name=op.f("uq_agreement_uuid")),
    )
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_counterpart_id"), ["counterpart_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agreement_country_code"), ["country_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agreement_expires_on"), ["expires_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_agreement_partnership_id"), ["partnership_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agreement_signed_on"), ["signed_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreement_status"), ["status"], unique=False)

    op.create_table(
        "aid_transaction",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column(
            "tx_type",
            sa.Enum(
                "pledge",
                "commitment",
                "disbursement",
                name="transaction_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("value_date", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("rate_to_vnd", sa.String(length=40), nullable=True),
        sa.Column("amount_vnd", sa.BigInteger(), nullable=False),
        sa.Column("tranche", sa.String(length=60), nullable=True),
        sa.Column("document_ref", sa.String(length=120), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "currency = 'VND' OR rate_to_vnd IS NOT NULL",
            name=op.f("ck_aid_transaction_rate_for_foreign"),
        ),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_aid_transaction_amount_not_negative")),
        sa.CheckConstraint(
            "amount_vnd >= 0", name=op.f("ck_aid_transaction_amount_vnd_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["aid_project.id"],
            name=op.f("fk_aid_transaction_project_id_aid_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aid_transaction")),
        sa.UniqueConstraint("uuid", name=op.f("uq_aid_transaction_uuid")),
    )
    with op.batch_alter_table("aid_transaction", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_aid_transaction_project_id"), ["project_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_aid_transaction_tx_type"), ["tx_type"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_aid_transaction_value_date"), ["value_date"], unique=False
        )

    op.create_table(
        "consular_case",
        sa.Column(
            "case_type",
            sa.Enum(
                "citizen_protection",
                "foreigner_in_hue",
                "accident",
                "arrest",
                "death",
                "lost_documents",
                "labour_dispute",
                "trafficking",
                "document_request",
                "visa_invitation",
                "other",
                name="case_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=True),
        sa.Column("facts", sa.Text(), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "in_progress",
                "awaiting_response",
                "resolved",
                "closed",
                "cancelled",
                name="case_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column(
            "information_source",
            sa.Enum(
                "family",
                "self_report",
                "embassy",
                "ministry",
                "police",
                "hospital",
                "media",
                "other",
                name="information_source",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("source_detail", sa.String(length=500), nullable=True),
        sa.Column("consulate_notified_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("ref", sa.String(length=24), nullable=False),
        sa.CheckConstraint(
            "closed_on IS NULL OR closed_on >= opened_on",
            name=op.f("ck_consular_case_dates_ordered"),
        ),
        sa.ForeignKeyConstraint(
            ["country_code"], ["country.code"], name=op.f("fk_consular_case_country_code_country")
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["person.id"],
            name=op.f("fk_consular_case_officer_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consular_case")),
        sa.UniqueConstraint("ref", name=op.f("uq_consular_case_ref")),
        sa.UniqueConstraint("uuid", name=op.f("uq_consular_case_uuid")),
    )
    with op.batch_alter_table("consular_case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consular_case_case_type"), ["case_type"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_consular_case_country_code"), ["country_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_consular_case_deadline"), ["deadline"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_consular_case_officer_id"), ["officer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_consular_case_opened_on"), ["opened_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_consular_case_status"), ["status"], unique=False)

    op.create_table(
        "delegation_member",
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("form_of_address", sa.String(length=120), nullable=True),
        sa.Column("precedence", sa.Integer(), nullable=False),
        sa.Column("is_head", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(length=80), nullable=True),
        sa.Column("dietary_needs", sa.String(length=300), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["delegation_id"],
            ["delegation.id"],
            name=op.f("fk_delegation_member_delegation_id_delegation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_delegation_member_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delegation_member")),
        sa.UniqueConstraint("uuid", name=op.f("uq_delegation_member_uuid")),
    )
    with op.batch_alter_table("delegation_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_delegation_member_delegation_id"), ["delegation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_delegation_member_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "gift",
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column(
            "direction",
            sa.Enum(
                "given",
                "received",
                name="gift_direction",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("giver", sa.String(length=300), nullable=True),
        sa.Column("recipient", sa.String(length=300), nullable=True),
        sa.Column("value_vnd", sa.BigInteger(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("value_vnd IS NULL OR value_vnd >= 0", name=op.f("ck_gift_value_ok")),
        sa.ForeignKeyConstraint(
            ["delegation_id"],
            ["delegation.id"],
            name=op.f("fk_gift_delegation_id_delegation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gift")),
        sa.UniqueConstraint("uuid", name=op.f("uq_gift_uuid")),
    )
    with op.batch_alter_table("gift", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gift_delegation_id"), ["delegation_id"], unique=False)

    op.create_table(
        "programme_item",
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=True),
        sa.Column("activity", sa.String(length=500), nullable=False),
        sa.Column("hue_participants", sa.String(length=500), nullable=True),
        sa.Column("responsible_office", sa.String(length=300), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "ends_at IS NULL OR ends_at >= starts_at", name=op.f("ck_programme_item_times_ordered")
        ),
        sa.ForeignKeyConstraint(
            ["delegation_id"],
            ["delegation.id"],
            name=op.f("fk_programme_item_delegation_id_delegation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_item")),
        sa.UniqueConstraint("uuid", name=op.f("uq_programme_item_uuid")),
    )
    with op.batch_alter_table("programme_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_programme_item_delegation_id"), ["delegation_id"], unique=False
        )

    op.create_table(
        "case_action",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("officer", sa.String(length=200), nullable=True),
        sa.Column("next_step", sa.String(length=500), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["consular_case.id"],
            name=op.f("fk_case_action_case_id_consular_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_action")),
        sa.UniqueConstraint("uuid", name=op.f("uq_case_action_uuid")),
    )
    with op.batch_alter_table("case_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_action_case_id"), ["case_id"], unique=False)

    op.create_table(
        "case_consent",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(length=300), nullable=False),
        sa.Column("scope", sa.String(length=500), nullable=True),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "withdrawn_on IS NULL OR withdrawn_on >= given_on",
            name=op.f("ck_case_consent_dates_ordered"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["consular_case.id"],
            name=op.f("fk_case_consent_case_id_consular_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_case_consent_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_consent")),
        sa.UniqueConstraint("uuid", name=op.f("uq_case_consent_uuid")),
    )
    with op.batch_alter_table("case_consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_consent_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_consent_person_id"), ["person_id"], unique=False)

    op.create_table(
        "case_person",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "subject",
                "relative",
                "contact",
                "witness",
                "officer",
                "foreign_official",
                name="case_role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["consular_case.id"],
            name=op.f("fk_case_person_case_id_consular_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_case_person_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_person")),
        sa.UniqueConstraint("uuid", name=op.f("uq_case_person_uuid")),
    )
    with op.batch_alter_table("case_person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_person_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_person_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_person_person_id"))
        batch_op.drop_index(batch_op.f("ix_case_person_case_id"))

    op.drop_table("case_person")
    with op.batch_alter_table("case_consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_consent_person_id"))
        batch_op.drop_index(batch_op.f("ix_case_consent_case_id"))

    op.drop_table("case_consent")
    with op.batch_alter_table("case_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_action_case_id"))

    op.drop_table("case_action")
    with op.batch_alter_table("programme_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_item_delegation_id"))

    op.drop_table("programme_item")
    with op.batch_alter_table("gift", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gift_delegation_id"))

    op.drop_table("gift")
    with op.batch_alter_table("delegation_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegation_member_person_id"))
        batch_op.drop_index(batch_op.f("ix_delegation_member_delegation_id"))

    op.drop_table("delegation_member")
    with op.batch_alter_table("consular_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consular_case_status"))
        batch_op.drop_index(batch_op.f("ix_consular_case_opened_on"))
        batch_op.drop_index(batch_op.f("ix_consular_case_officer_id"))
        batch_op.drop_index(batch_op.f("ix_consular_case_deadline"))
        batch_op.drop_index(batch_op.f("ix_consular_case_country_code"))
        batch_op.drop_index(batch_op.f("ix_consular_case_case_type"))

    op.drop_table("consular_case")
    with op.batch_alter_table("aid_transaction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aid_transaction_value_date"))
        batch_op.drop_index(batch_op.f("ix_aid_transaction_tx_type"))
        batch_op.drop_index(batch_op.f("ix_aid_transaction_project_id"))

    op.drop_table("aid_transaction")
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_status"))
        batch_op.drop_index(batch_op.f("ix_agreement_signed_on"))
        batch_op.drop_index(batch_op.f("ix_agreement_partnership_id"))
        batch_op.drop_index(batch_op.f("ix_agreement_expires_on"))
        batch_op.drop_index(batch_op.f("ix_agreement_country_code"))
        batch_op.drop_index(batch_op.f("ix_agreement_counterpart_id"))

    op.drop_table("agreement")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_person_nationality"))

    op.drop_table("person")
    with op.batch_alter_table("partnership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partnership_status"))
        batch_op.drop_index(batch_op.f("ix_partnership_partner_id"))
        batch_op.drop_index(batch_op.f("ix_partnership_country_code"))

    op.drop_table("partnership")
    with op.batch_alter_table("fdi_project", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fdi_project_status"))
        batch_op.drop_index(batch_op.f("ix_fdi_project_sector"))
        batch_op.drop_index(batch_op.f("ix_fdi_project_licence_date"))
        batch_op.drop_index(batch_op.f("ix_fdi_project_investor_id"))
        batch_op.drop_index(batch_op.f("ix_fdi_project_country_code"))

    op.drop_table("fdi_project")
    with op.batch_alter_table("delegation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegation_status"))
        batch_op.drop_index(batch_op.f("ix_delegation_start_date"))
        batch_op.drop_index(batch_op.f("ix_delegation_partner_id"))
        batch_op.drop_index(batch_op.f("ix_delegation_direction"))
        batch_op.drop_index(batch_op.f("ix_delegation_country_code"))

    op.drop_table("delegation")
    with op.batch_alter_table("aid_project", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aid_project_status"))
        batch_op.drop_index(batch_op.f("ix_aid_project_sector"))
        batch_op.drop_index(batch_op.f("ix_aid_project_donor_id"))
        batch_op.drop_index(batch_op.f("ix_aid_project_approved_on"))

    op.drop_table("aid_project")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_org_type"))
        batch_op.drop_index(batch_op.f("ix_organisation_country_code"))

    op.drop_table("organisation")
    op.drop_table("ref_counter")
    with op.batch_alter_table("follow_up_task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_up_task_status"))
        batch_op.drop_index(batch_op.f("ix_follow_up_task_source_uuid"))
        batch_op.drop_index(batch_op.f("ix_follow_up_task_source_kind"))
        batch_op.drop_index(batch_op.f("ix_follow_up_task_due_date"))

    op.drop_table("follow_up_task")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_status"))
        batch_op.drop_index(batch_op.f("ix_event_start_date"))
        batch_op.drop_index(batch_op.f("ix_event_event_type"))

    op.drop_table("event")
    op.drop_table("country")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_record_uuid"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_record_ref"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_kind"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_at"))

    op.drop_table("audit_entry")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_owner_uuid"))
        batch_op.drop_index(batch_op.f("ix_attachment_owner_kind"))

    op.drop_table("attachment")

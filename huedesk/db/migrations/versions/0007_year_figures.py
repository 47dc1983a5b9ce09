"""The year in figures: status history, end dates, regions, texts of the yearly review.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 06:00:00

Adds the days partnerships end and agreements and FDI projects are terminated,
the ``status_change`` history (``huedesk.records.status_history`` keeps it from
now on), named regions of partner localities (the southern Lao provinces are
made here, with the localities of this database that are theirs), and the
texts people write for a yearly review.

The history of the records already here is read from the audit log: each
entry that set a status is a change on the day it was made (or on the record's
own date for that status, such as an agreement's ``signed_on``). A record the
log says nothing about (demo data, bundles imported by older versions) starts
in its present status on the day it was last changed, after the milestones its
dates show. An ended partnership or a terminated agreement or project whose
end day is empty gets the day the log saw it end, when the log saw it.

The replay is written out here, apart from the application's code, so this
migration does the same thing whatever that code becomes.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
import uuid as uuidlib
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from alembic import op

from huedesk import clock

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# kind -> ({status: date field}, {status: dated milestones passed}), as on 30/11/2026
TRACKED: dict[str, tuple[dict[str, str], dict[str, tuple[str, ...]]]] = {
    "partnership": (
        {"established": "since", "ended": "ended_on"},
        {"suspended": ("established",), "ended": ("established",)},
    ),
    "agreement": (
        {
            "signed": "signed_on",
            "in_force": "effective_from",
            "expired": "expires_on",
            "terminated": "terminated_on",
        },
        {
            "in_force": ("signed",),
            "expired": ("signed", "in_force"),
            "terminated": ("signed", "in_force"),
        },
    ),
    "fdi_project": (
        {"licensed": "licence_date", "terminated": "terminated_on"},
        {s: ("licensed",) for s in ("under_construction", "operating", "suspended", "terminated")},
    ),
    "consular_case": (
        {"open": "opened_on", "resolved": "closed_on", "closed": "closed_on"},
        {
            s: ("open",)
            for s in ("in_progress", "awaiting_response", "resolved", "closed", "cancelled")
        },
    ),
    "aid_project": (
        {"approved": "approved_on"},
        {s: ("approved",) for s in ("in_progress", "completed", "closed")},
    ),
    "delegation": ({}, {}),
    "event": ({}, {}),
}
END_FIELDS = {"partnership": ("ended", "ended_on"), "agreement": ("terminated", "terminated_on"),
              "fdi_project": ("terminated", "terminated_on")}  # fmt: skip

SOUTHERN_LAOS = ("Các tỉnh Nam Lào", "Southern Lao provinces")
SOUTHERN_LAOS_KEYS = (
    "salavan", "saravan", "salavane", "champasak", "champassak", "champasac", "champaxac",
    "sekong", "xekong", "savannakhet", "xavanakhet", "attapeu", "attapu", "attopu", "atapu",
)  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("partnership") as batch:
        batch.add_column(sa.Column("ended_on", sa.Date(), nullable=True))
    with op.batch_alter_table("agreement") as batch:
        batch.add_column(sa.Column("terminated_on", sa.Date(), nullable=True))
    with op.batch_alter_table("fdi_project") as batch:
        batch.add_column(sa.Column("terminated_on", sa.Date(), nullable=True))
    status_change = op.create_table(
        "status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("date_field", sa.String(length=40), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_change")),
    )
    op.create_index("ix_status_change_record", "status_change", ["record_uuid", "effective_on"])
    region = op.create_table(
        "region",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_region")),
        sa.UniqueConstraint("name", name=op.f("uq_region_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_region_uuid")),
    )
    member = op.create_table(
        "region_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_region_member_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["region.id"],
            name=op.f("fk_region_member_region_id_region"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_region_member")),
        sa.UniqueConstraint(
            "region_id", "organisation_id", name=op.f("uq_region_member_region_id")
        ),
    )
    op.create_index(op.f("ix_region_member_region_id"), "region_member", ["region_id"])
    op.create_index(op.f("ix_region_member_organisation_id"), "region_member", ["organisation_id"])
    op.create_table(
        "review_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(length=20), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_text")),
        sa.UniqueConstraint("year", "section", "lang", name=op.f("uq_review_text_year")),
    )
    conn = op.get_bind()
    now = clock.now().replace(tzinfo=None)  # the clock tests and demo data set
    for kind in TRACKED:
        _history_of(conn, kind, status_change, now)
    _southern_laos(conn, region, member, now)


def downgrade() -> None:
    op.drop_table("review_text")
    op.drop_index(op.f("ix_region_member_organisation_id"), table_name="region_member")
    op.drop_index(op.f("ix_region_member_region_id"), table_name="region_member")
    op.drop_table("region_member")
    op.drop_table("region")
    op.drop_index("ix_status_change_record", table_name="status_change")
    op.drop_table("status_change")
    with op.batch_alter_table("fdi_project") as batch:
        batch.drop_column("terminated_on")
    with op.batch_alter_table("agreement") as batch:
        batch.drop_column("terminated_on")
    with op.batch_alter_table("partnership") as batch:
        batch.drop_column("ended_on")


def _day(value: Any) -> dt.date | None:
    """A date column's value as read back through a plain connection (text on SQLite)."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])


def _local_day(value: Any) -> dt.date:
    """The local date of a naive UTC timestamp (text or datetime)."""
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().date()


def _status_changes(conn: Any, kind: str) -> dict[str, list[tuple[dt.date, str]]]:
    """uuid -> the statuses the audit log saw each record take, with the day, in order."""
    found: dict[str, list[tuple[dt.date, str]]] = {}
    rows = conn.execute(
        sa.text(
            "SELECT record_uuid, at, changes FROM audit_entry WHERE kind = :kind "
            "AND action IN ('create', 'update') AND changes LIKE '%\"status\"%' ORDER BY id"
        ),
        {"kind": kind},
    )
    for uuid, at, changes in rows:
        try:
            status = json.loads(changes).get("status")
        except (ValueError, AttributeError):
            continue
        if not (isinstance(status, list) and len(status) == 2 and isinstance(status[1], str)):
            continue
        found.setdefault(uuid, []).append((_local_day(at), status[1]))
    return found


def _history_of(conn: Any, kind: str, status_change: Any, now: dt.datetime) -> None:
    dates = TRACKED[kind][0]
    fields = sorted(set(dates.values()))
    columns = ", ".join(["id", "uuid", "status", "updated_at", *fields])
    seen = _status_changes(conn, kind)
    end = END_FIELDS.get(kind)
    rows_out: list[dict[str, Any]] = []
    for rec in conn.execute(sa.text(f"SELECT {columns} FROM {kind}")).mappings():
        row = {k: (_day(v) if k in fields else v) for k, v in rec.items()}
        changes = seen.get(row["uuid"], [])
        if end is not None and row[end[1]] is None and row["status"] == end[0]:
            ended = [day for day, status in changes if status == end[0]]
            if ended:
                row[end[1]] = ended[-1]
                conn.execute(
                    sa.text(f"UPDATE {kind} SET {end[1]} = :day WHERE id = :id"),
                    {"day": ended[-1], "id": row["id"]},
                )
        rows_out += _replay(kind, row, changes, now)
    for i in range(0, len(rows_out), 1000):
        conn.execute(status_change.insert(), rows_out[i : i + 1000])


def _replay(
    kind: str, row: Mapping[str, Any], changes: list[tuple[dt.date, str]], now: dt.datetime
) -> list[dict[str, Any]]:
    dates, passed = TRACKED[kind]
    out: list[dict[str, Any]] = []

    def add(status: str, day: dt.date, field: str | None, source: str) -> None:
        out.append(
            {
                "kind": kind,
                "record_uuid": row["uuid"],
                "status": status,
                "effective_on": day,
                "date_field": field,
                "source": source,
                "recorded_at": now,
            }
        )

    def take(status: str, on: dt.date, source: str) -> None:
        field = dates.get(status)
        first = not any(e["status"] == status for e in out)
        if field and row.get(field) is not None and first:
            add(status, row[field], field, source)
        else:
            add(status, on, None, source)
        for earlier in passed.get(status, ()):
            day = row.get(dates[earlier])
            if (
                day is not None
                and day <= out[-1]["effective_on"]
                and not any(e["status"] == earlier for e in out)
            ):
                implied = {"status": earlier, "effective_on": day, "date_field": dates[earlier]}
                out.insert(len(out) - 1, {**out[-1], **implied, "source": "implied"})

    last: str | None = None
    for day, status in changes:
        if status != last:
            take(status, day, "audit")
            last = status
    if last != row["status"]:
        take(row["status"], _local_day(row["updated_at"]), "initial")
    return out


def _fold(text: str | None) -> str:
    if not text:
        return ""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return "".join(c for c in bare.replace("đ", "d").replace("Đ", "D").lower() if c.isalnum())


def _southern_laos(conn: Any, region: Any, member: Any, now: dt.datetime) -> None:
    result = conn.execute(
        region.insert().values(
            name=SOUTHERN_LAOS[0],
            name_en=SOUTHERN_LAOS[1],
            uuid=str(uuidlib.uuid4()),
            created_at=now,
            updated_at=now,
        )
    )
    region_id = result.inserted_primary_key[0]
    orgs = conn.execute(
        sa.text(
            "SELECT id, name, name_en FROM organisation "
            "WHERE org_type = 'partner_locality' AND country_code = 'LA'"
        )
    )
    for org_id, name, name_en in orgs:
        folded = _fold(name) + " " + _fold(name_en)
        if any(key in folded for key in SOUTHERN_LAOS_KEYS):
            conn.execute(member.insert().values(region_id=region_id, organisation_id=org_id))

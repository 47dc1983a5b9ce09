"""Writing a checked sheet: the ready and warning rows, in one transaction, audited.

Each row goes through the record services' own create and update (validation,
access rules, reference numbers, audit entry and search index in the same
transaction), so a sheet obeys every rule a record typed in the window does. If
any row fails now (the database changed since the check), nothing is written.

The engineer building the one bulk writer (``huedesk.records.bulk``) makes
many-row writes fast with the same rules; once it is on main this module writes
through it instead, so there is never a second bulk path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from huedesk.accounts.principal import Actor
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError, ValidationError
from huedesk.reading import Convention
from huedesk.records.kinds import KINDS
from huedesk.records.service import create_in, update_in
from huedesk.sheets.plan import ImportPlan


@dataclass
class ImportOutcome:
    """What an import wrote."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    uuids: list[str] = field(default_factory=list)  # records added or changed


def import_plan(db: Database, actor: Actor, plan: ImportPlan, lang: str = "vi") -> ImportOutcome:
    """Write the plan's ready and warning rows in one transaction; returns the counts."""
    conv = Convention(plan.mapping.lang or lang, spreadsheet=True)
    outcome = ImportOutcome()
    spec = KINDS[plan.kind]
    with db.write() as session:
        for result in plan.to_write:
            try:
                if result.record_id is None:
                    row = create_in(session, actor, plan.kind, result.values, reading=conv)
                    outcome.added += 1
                else:
                    stored = session.get(spec.model, result.record_id)
                    before = getattr(stored, "updated_at", None)
                    row = update_in(
                        session, actor, plan.kind, result.record_id, result.values, reading=conv
                    )
                    if row.get("updated_at") == before:
                        outcome.unchanged += 1
                    else:
                        outcome.updated += 1
            except ValidationError as exc:
                raise HueDeskError(
                    f"Dòng {result.row}: {exc.vi} — không nhập gì.",
                    f"Row {result.row}: {exc.en} — nothing was imported.",
                ) from None
            outcome.uuids.append(str(row["uuid"]))
    return outcome

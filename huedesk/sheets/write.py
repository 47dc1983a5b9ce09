"""Writing a checked sheet: the ready and warning rows, in one transaction, audited.

Each row goes through the record services' own create and update (validation,
access rules, reference numbers, audit entry and search index in the same
transaction), so a sheet obeys every rule a record typed in the window does. If
any row fails now (the database changed since the check), or the user presses
Cancel, nothing is written. The import is logged (``huedesk.records.operations``)
with what it added and the values it changed, so it can be undone as a whole.

The engineer building the one bulk writer (``huedesk.records.bulk``) makes
many-row writes fast with the same rules; once it is on main this module writes
through it instead, so there is never a second bulk path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from huedesk.accounts.principal import Actor
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError, ValidationError
from huedesk.reading import Convention
from huedesk.records.kinds import KINDS
from huedesk.records.operations import ImportLog, log_import_in
from huedesk.records.service import create_in, row_dict, update_in
from huedesk.sheets.plan import ImportPlan


@dataclass
class ImportOutcome:
    """What an import wrote."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    uuids: list[str] = field(default_factory=list)  # records added or changed
    operation_id: int | None = None  # the logged operation that undoes it (None: nothing changed)


class ImportCancelled(HueDeskError):
    """The user pressed Cancel while the rows were written: nothing was imported."""

    def __init__(self) -> None:
        super().__init__("Đã hủy: không nhập gì.", "Cancelled: nothing was imported.")


def import_plan(
    db: Database,
    actor: Actor,
    plan: ImportPlan,
    lang: str = "vi",
    *,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportOutcome:
    """Write the plan's ready and warning rows in one transaction; the counts, with the id
    of the logged operation that undoes it."""
    conv = Convention(plan.mapping.lang or lang, spreadsheet=True)
    outcome = ImportOutcome()
    spec = KINDS[plan.kind]
    log = ImportLog(plan.kind)
    rows = plan.to_write
    with db.write() as session:
        for done, result in enumerate(rows, start=1):
            if should_cancel is not None and done % 50 == 0 and should_cancel():
                raise ImportCancelled()
            try:
                if result.record_id is None:
                    row = create_in(session, actor, plan.kind, result.values, reading=conv)
                    outcome.added += 1
                    log.add_created(plan.kind, row)
                else:
                    before = row_dict(session.get(spec.model, result.record_id))
                    row = update_in(
                        session, actor, plan.kind, result.record_id, result.values, reading=conv
                    )
                    if row.get("updated_at") == before.get("updated_at"):
                        outcome.unchanged += 1
                    else:
                        outcome.updated += 1
                        log.add_changed(plan.kind, before, row)
            except ValidationError as exc:
                raise HueDeskError(
                    f"Dòng {result.row}: {exc.vi} — không nhập gì.",
                    f"Row {result.row}: {exc.en} — nothing was imported.",
                ) from None
            outcome.uuids.append(str(row["uuid"]))
            if progress is not None and (done % 200 == 0 or done == len(rows)):
                progress(done, len(rows))
        if should_cancel is not None and should_cancel():
            raise ImportCancelled()
        if log.created or log.changed:
            summary = f"{plan.source.path.name}: +{outcome.added} ~{outcome.updated}"
            outcome.operation_id = log_import_in(session, actor, log, summary)
    return outcome

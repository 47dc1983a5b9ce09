"""Writing a checked sheet: the ready and warning rows, in one transaction, audited.

The rows go through the one bulk writer (``huedesk.records.bulk``): the same
validation, access rules, reference numbers, audit entries and search index
events as a record typed in the window, without a query and a flush per row.
If any row fails now (the database changed since the check), or the user
presses Cancel, nothing is written. The import is logged
(``huedesk.records.operations``) with what it added and the values it changed,
so it can be undone as a whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from huedesk.accounts.principal import Actor
from huedesk.db.bulk import write_behind
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError, ValidationError
from huedesk.reading import Convention
from huedesk.records.bulk import BulkWriter
from huedesk.records.kinds import KINDS
from huedesk.records.operations import ImportLog, log_import_in
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
    kind = plan.kind
    table = KINDS[kind].table
    log = ImportLog(kind)
    rows = plan.to_write
    with db.write() as session, write_behind(session) as behind:
        writer = BulkWriter(session, actor, behind=behind, reading=conv)
        for done, result in enumerate(rows, start=1):
            if should_cancel is not None and done % 200 == 0 and should_cancel():
                raise ImportCancelled()
            try:
                if result.record_id is None:
                    row = writer.add(kind, result.values)
                    outcome.added += 1
                    log.add_created(kind, row)
                else:
                    writer.sync()
                    stmt = select(table).where(table.c.id == result.record_id)
                    before = dict(session.execute(stmt).one()._mapping)
                    row = writer.update(kind, result.record_id, result.values, before)
                    if row == before:
                        outcome.unchanged += 1
                    else:
                        outcome.updated += 1
                        log.add_changed(kind, before, row)
            except ValidationError as exc:
                raise HueDeskError(
                    f"Dòng {result.row}: {exc.vi} — không nhập gì.",
                    f"Row {result.row}: {exc.en} — nothing was imported.",
                ) from None
            outcome.uuids.append(str(row["uuid"]))
            if progress is not None and (done % 500 == 0 or done == len(rows)):
                progress(done, len(rows))
        if should_cancel is not None and should_cancel():
            raise ImportCancelled()
        writer.finish()
        if log.created or log.changed:
            summary = f"{plan.source.path.name}: +{outcome.added} ~{outcome.updated}"
            outcome.operation_id = log_import_in(session, actor, log, summary)
    return outcome

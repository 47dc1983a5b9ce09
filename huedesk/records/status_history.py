"""Status history: every write keeps ``status_change`` in step, so figures can be read as of a date.

The record services report each change to ``huedesk.records.events``; this
module listens there (as the search index does), so single writes, the bulk
writer and anything else that reports its changes keep the history without
knowing about it. For each record it keeps:

* a row for each status the record entered, effective on the day the record's
  own date for that status says (``TRACKED``: an agreement is signed on its
  ``signed_on``, a partnership ends on its ``ended_on``) or else on the day the
  change was recorded; correcting the date later moves the row with it;
* the milestones a new record has evidently passed (an agreement entered as in
  force was signed on its ``signed_on``), marked ``implied``.

``status_on(entries, day)`` answers "which status did the record have on that
day": the latest row in effect by then; before the first row, nothing if that
row's day comes from the record's own dates, else the first status known (a
record entered after the day, such as a visit written up in January, counts as
it was first recorded). A change written later with an earlier day replaces what
was recorded before it for the days after (a proposal recorded in 2024, then
"established since 2010": established from 2010 on). Deleting a record keeps its rows: they name only a UUID, a
status and dates, and an undone delete continues its history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from huedesk import clock
from huedesk.db.models import StatusChange
from huedesk.records import events
from huedesk.records.kinds import kind_spec

CHUNK = 500


@dataclass(frozen=True)
class Tracked:
    """How one kind's statuses take effect.

    ``dates``: status → the record's field holding the day it took effect.
    ``passed``: status → the dated milestones a record in that status has passed.
    """

    dates: Mapping[str, str] = field(default_factory=dict)
    passed: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


TRACKED: dict[str, Tracked] = {
    "partnership": Tracked(
        {"established": "since", "ended": "ended_on"},
        {"suspended": ("established",), "ended": ("established",)},
    ),
    "agreement": Tracked(
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
    "fdi_project": Tracked(
        {"licensed": "licence_date", "terminated": "terminated_on"},
        {s: ("licensed",) for s in ("under_construction", "operating", "suspended", "terminated")},
    ),
    "consular_case": Tracked(
        {"open": "opened_on", "resolved": "closed_on", "closed": "closed_on"},
        {
            s: ("open",)
            for s in ("in_progress", "awaiting_response", "resolved", "closed", "cancelled")
        },
    ),
    "aid_project": Tracked(
        {"approved": "approved_on"},
        {s: ("approved",) for s in ("in_progress", "completed", "closed")},
    ),
    "delegation": Tracked(),
    "event": Tracked(),
}

WRITE, IMPLIED = "write", "implied"


@dataclass(slots=True)
class Entry:
    """One ``status_change`` row as this module works with it."""

    status: str
    effective_on: dt.date
    date_field: str | None
    source: str
    recorded_on: dt.date | None  # the local day it was written (not needed to read a status)
    id: int | None = None

    @property
    def order(self) -> tuple[dt.date, int, int]:
        """Sort key: by day; on one day an implied (earlier) milestone first, then as written."""
        return (self.effective_on, 0 if self.source == IMPLIED else 1, self.id or 1 << 62)


def timeline(entries: Sequence[Entry]) -> list[Entry]:
    """The record's statuses in the order they took effect, later knowledge first.

    Entries are taken in the order they were written; a change (not an implied
    milestone) drops what was written before it to take effect after its own day.
    """
    if len(entries) == 1:  # most records: nothing to reorder or drop
        return list(entries)
    kept: list[Entry] = []
    for entry in sorted(entries, key=lambda e: e.id or 1 << 62):
        if entry.source != IMPLIED:
            kept = [e for e in kept if e.effective_on <= entry.effective_on]
        kept.append(entry)
    return sorted(kept, key=lambda e: e.order)


def status_on(entries: Sequence[Entry], day: dt.date) -> str | None:
    """The status a record had on ``day`` (``entries`` in any order).

    ``None`` when there is no history, or when the history begins after ``day``
    with a status the record's own date places there (a partnership established
    on its ``since`` did not exist before). A history that begins with the day a
    status was merely recorded answers with that first status.
    """
    ordered = timeline(entries)
    if not ordered:
        return None
    current = ordered[0]
    if current.effective_on > day and current.date_field is not None:
        return None
    for entry in ordered:
        if entry.effective_on > day:
            break
        current = entry
    return current.status


def _latest_written(entries: Sequence[Entry]) -> Entry | None:
    written = [e for e in entries if e.source != IMPLIED]
    return max(written, key=lambda e: e.id or 1 << 62) if written else None


@dataclass
class Plan:
    """Rows to add to ``status_change``, rows whose day moves, implied rows no longer shown."""

    inserts: list[dict[str, Any]] = field(default_factory=list)
    moves: list[dict[str, Any]] = field(default_factory=list)  # row_id, effective_on, date_field
    drops: list[int] = field(default_factory=list)


def plan(
    kind: str, row: Mapping[str, Any], entries: list[Entry], today: dt.date, work: Plan
) -> None:
    """What ``status_change`` needs so that it agrees with ``row`` (the record as now stored)."""
    tracked = TRACKED[kind]
    status = _value(row.get("status"))
    if status is None:
        return
    uuid = row["uuid"]
    # 1. dates corrected since: rows that took their day from a field follow it
    for entry in list(entries):
        if entry.date_field is None or entry.id is None:
            continue
        day = row.get(entry.date_field)
        if not isinstance(day, dt.date) and entry.source == IMPLIED:
            entries.remove(entry)  # the date that showed the milestone is gone
            work.drops.append(entry.id)
            continue
        target = day if isinstance(day, dt.date) else entry.recorded_on
        if target is not None and target != entry.effective_on:
            entry.effective_on = target
            work.moves.append(_move(entry))
    # ... and a day given after the change was recorded without one becomes its day
    for status_name, date_field in tracked.dates.items():
        day = row.get(date_field)
        if not isinstance(day, dt.date) or any(e.date_field == date_field for e in entries):
            continue
        undated = [e for e in entries if e.status == status_name and e.id is not None]
        if undated:
            entry = max(undated, key=lambda e: e.id or 0)
            entry.effective_on, entry.date_field = day, date_field
            work.moves.append(_move(entry))
    # 2. the status itself, when it changed since the last write (or was never written)
    latest = _latest_written(entries)
    added: Entry | None = None
    if latest is None or latest.status != status:
        tied = tracked.dates.get(status)
        day = row.get(tied) if tied else None
        first_time = not any(e.status == status for e in entries)
        if isinstance(day, dt.date) and first_time:
            added = Entry(status, day, tied, WRITE, today)
        else:
            added = Entry(status, today, None, WRITE, today)
    # 3. milestones the record's dates show it has passed, not yet in its history
    effective = added.effective_on if added else (latest.effective_on if latest else today)
    for earlier in tracked.passed.get(status, ()):
        date_field = tracked.dates[earlier]
        day = row.get(date_field)
        if not isinstance(day, dt.date) or day > effective:
            continue
        if any(e.status == earlier for e in entries):
            continue
        entries.append(Entry(earlier, day, date_field, IMPLIED, today))
        work.inserts.append(_insert_row(kind, uuid, entries[-1]))
    if added is not None:
        entries.append(added)
        work.inserts.append(_insert_row(kind, uuid, added))


def _move(entry: Entry) -> dict[str, Any]:
    return {"row_id": entry.id, "effective_on": entry.effective_on, "date_field": entry.date_field}


def _value(status: Any) -> str | None:
    if status is None:
        return None
    return str(getattr(status, "value", status))


def _insert_row(kind: str, uuid: str, entry: Entry) -> dict[str, Any]:
    return {
        "kind": kind,
        "record_uuid": uuid,
        "status": entry.status,
        "effective_on": entry.effective_on,
        "date_field": entry.date_field,
        "source": entry.source,
        "recorded_at": clock.now(),
    }


def _entry(r: Any) -> Entry:
    recorded = r.recorded_at
    return Entry(r.status, r.effective_on, r.date_field, r.source, local_day(recorded), r.id)


def local_day(moment: dt.datetime) -> dt.date:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().date()


def entries_for(session: Session, uuids: Iterable[str]) -> dict[str, list[Entry]]:
    """The history of each record in ``uuids`` (records without one are left out)."""
    t = StatusChange.__table__
    found: dict[str, list[Entry]] = {}
    wanted = list(dict.fromkeys(uuids))
    for i in range(0, len(wanted), CHUNK):
        stmt = select(t).where(t.c.record_uuid.in_(wanted[i : i + CHUNK]))
        for r in session.execute(stmt):
            found.setdefault(r.record_uuid, []).append(_entry(r))
    return found


def record_rows(session: Session, kind: str, rows: Sequence[Mapping[str, Any]]) -> int:
    """Bring the history of ``rows`` (records of ``kind`` as stored now) in step; rows written."""
    if kind not in TRACKED or not rows:
        return 0
    known = entries_for(session, (r["uuid"] for r in rows))
    work = Plan()
    today = clock.today()
    for row in rows:
        plan(kind, row, known.setdefault(row["uuid"], []), today, work)
    _apply(session, work)
    return len(work.inserts) + len(work.moves) + len(work.drops)


def _apply(session: Session, work: Plan) -> None:
    t = cast(Table, StatusChange.__table__)
    if work.drops:
        session.execute(delete(t).where(t.c.id.in_(work.drops)))
    if work.inserts:
        session.execute(insert(t), work.inserts)
    if work.moves:
        stmt = (
            update(t)
            .where(t.c.id == bindparam("row_id"))
            .values(effective_on=bindparam("effective_on"), date_field=bindparam("date_field"))
        )
        session.execute(stmt, work.moves)


def reconcile_kind(session: Session, kind: str) -> int:
    """Bring the history of every record of ``kind`` in step (after a load that reported no rows)."""
    if kind not in TRACKED:
        return 0
    table = kind_spec(kind).table
    columns = [table.c.uuid, table.c.status, *(table.c[f] for f in TRACKED[kind].dates.values())]
    changed = 0
    batch: list[dict[str, Any]] = []
    for r in session.execute(select(*dict.fromkeys(columns))):
        batch.append(dict(r._mapping))
        if len(batch) >= CHUNK * 4:
            changed += record_rows(session, kind, batch)
            batch = []
    return changed + record_rows(session, kind, batch)


def on_change(
    session: Session, kind: str, operation: events.Operation, rows: Sequence[dict[str, Any]]
) -> None:
    """A single write's change or a bulk writer's batch: the history of each row, in one go."""
    if operation != "delete" and kind in TRACKED:
        record_rows(session, kind, rows)


def on_bulk(session: Session, kinds: frozenset[str]) -> None:
    for kind in kinds:
        reconcile_kind(session, kind)


events.subscribe(on_change)
events.subscribe_bulk(on_bulk)

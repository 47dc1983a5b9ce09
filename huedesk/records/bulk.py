"""Writing many records in one transaction, with exactly the rules of single writes.

Archive import, demo data and spreadsheet import write thousands of records at
once. ``BulkWriter`` gives each of them what ``create_in`` and ``update_in``
give one record:

* the caller's role, checked once per load (and once per kind: consular cases
  and their children only for roles that may see them; personal values only
  from those roles, row by row, with the same rule as ``permitted_values``);
* every value cleaned and checked by ``validate`` (the same coercion, rules and
  reference checks; references are looked up in memory instead of one query each);
* reference numbers from the same counters (``RefCounters``): a number given
  with a record is kept and never handed out again, a record without one gets
  the next of its series, and a number already used by another record is
  replaced by the next free one (``on_taken_ref="renumber"``, listed in
  ``renumbered``) or refused;
* audit entries with the same masked bodies (``huedesk.records.audit_body``),
  continuing the same hash chain (``huedesk.audit.AuditBatch``);
* the same change events (``huedesk.records.events``), row for row, settled
  once at the end.

What it does not do is a query and a flush per row: rows are inserted in
multi-row statements, optionally in a background thread (``WriteBehind``), so
the load runs at the speed of the database.

Records match existing ones by a key (``write(..., match=, by=)``): refused,
skipped or updated. Callers with their own matching rule (archive import:
newer version wins) use ``add``, ``update`` and ``keep_local`` directly.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from huedesk.accounts.principal import Actor, resolve
from huedesk.accounts.roles import Principal, require_sensitive, require_write
from huedesk.audit import AuditBatch, diff
from huedesk.db.bulk import BulkInsert, WriteBehind
from huedesk.db.enums import AuditAction
from huedesk.db.models import Country
from huedesk.db.types import utcnow
from huedesk.errors import FieldProblem, ValidationError
from huedesk.reading import VI, Convention
from huedesk.records import audit_body, events
from huedesk.records.coerce import shown
from huedesk.records.kinds import KindSpec, kind_spec
from huedesk.records.refs import RefCounters, parse_ref, ref_series
from huedesk.records.service import (
    duplicate_error,
    permitted_values,
    refuse_file_change,
    refuse_loose_attachment,
)
from huedesk.records.validation import validate
from huedesk.records.visibility import require_kind, require_row

BATCH = 2000


class Match(enum.Enum):
    """What ``write`` does with a row whose key names a record that exists already."""

    REFUSE = "refuse"  # the load fails, naming the row
    SKIP = "skip"  # the existing record stays as it is
    UPDATE = "update"  # the existing record takes the row's values


@dataclass
class KindOutcome:
    """How many rows of one kind were added, skipped, updated, or lost to the local version."""

    added: int = 0
    skipped: int = 0
    updated: int = 0
    kept_local: int = 0


@dataclass(frozen=True)
class Renumbered:
    """A record whose reference number was taken here by another record, and its new one."""

    kind: str
    uuid: str
    given_ref: str
    new_ref: str


class RejectedRecord(ValidationError):
    """A row failed validation; names the kind and the row with the problems.

    The row is named by its UUID or reference number, else by its place among the
    load's rows of its kind (``#3``); ``index`` is that place (1-based) either way.
    """

    def __init__(
        self, kind: str, key: str, problems: list[FieldProblem], index: int | None = None
    ) -> None:
        super().__init__(problems)
        self.kind = kind
        self.key = key
        self.index = index
        self.vi = f"{kind} {key}: {self.vi}"
        self.en = f"{kind} {key}: {self.en}"


def require_bulk_rights(who: Principal, kinds: Iterable[str], *, personal: bool) -> None:
    """Refuse a load before it starts if ``who`` may not write all of it.

    ``personal``: the load carries personal data (dates of birth, passports …).
    """
    require_write(who)
    for kind in kinds:
        require_kind(who, kind)
    if personal:
        require_sensitive(who, "dữ liệu cá nhân", "personal data")


@dataclass
class _Kind:
    """One kind's state during a load: ids and keys known, rows waiting to be written."""

    spec: KindSpec
    inserter: BulkInsert
    next_id: int
    ids: set[int]
    keys: dict[str, dict[Any, int]] = field(default_factory=dict)
    given: int = 0  # rows of the kind given to the writer so far
    pending: list[dict[str, Any]] = field(default_factory=list)  # to insert
    held: list[dict[str, Any]] = field(default_factory=list)  # waiting for a new number
    unannounced: list[dict[str, Any]] = field(default_factory=list)  # inserted, not reported


class BulkWriter:
    """Creates and updates many records in ``session``'s transaction; ``finish`` completes it.

    ``restoring`` puts records back as they were elsewhere (UUID, reference number
    and times given; no status workflow), as archive import and demo data do.
    ``behind`` writes inserts in a background thread. Use as a context manager, or
    call ``finish`` before the transaction commits.
    """

    def __init__(
        self,
        session: Session,
        actor: Actor,
        *,
        restoring: bool = False,
        on_taken_ref: Literal["renumber", "refuse"] = "renumber",
        behind: WriteBehind | None = None,
        reading: Convention = VI,
    ) -> None:
        self.session = session
        self.reading = reading  # how typed text is read (spreadsheet import: the sheet's)
        self.who = resolve(session, actor)
        require_write(self.who)
        self.restoring = restoring
        self.on_taken_ref = on_taken_ref
        self.behind = behind
        self.audit = AuditBatch(session, self.who.name, behind)
        self.refs = RefCounters(session)
        self.outcomes: dict[str, KindOutcome] = {}
        self.renumbered: list[Renumbered] = []
        self._kinds: dict[str, _Kind] = {}
        self._current: _Kind | None = None
        self._countries = set(session.scalars(select(Country.code)))
        self._finished = False

    # --- what is known -----------------------------------------------------------------

    def sync(self) -> None:
        """Wait until every row handed to the background thread is written."""
        if self.behind is not None:
            self.behind.sync()

    def _kind(self, kind: str) -> _Kind:
        found = self._kinds.get(kind)
        if found is None:
            spec = kind_spec(kind)
            require_kind(self.who, kind)  # once per kind
            self.sync()
            table = spec.table
            ids = set(self.session.scalars(select(table.c.id)))
            found = self._kinds[kind] = _Kind(spec, BulkInsert(table), max(ids, default=0) + 1, ids)
            self.outcomes.setdefault(kind, KindOutcome())
        return found

    def ids_by(self, kind: str, key: str = "uuid") -> dict[Any, int]:
        """``key`` value → id of every record of ``kind``, stored or written in this load.

        The dictionary stays current as the load goes on (callers may keep it).
        """
        state = self._kind(kind)
        found = state.keys.get(key)
        if found is None:
            self.sync()
            table = state.spec.table
            rows = self.session.execute(select(table.c[key], table.c.id))
            found = state.keys[key] = {value: record_id for value, record_id in rows}
            for row in (*state.pending, *state.held, *state.unannounced):
                if row.get(key) is not None:
                    found[row[key]] = row["id"]
        return found

    def record_exists(self, kind: str, record_id: int) -> bool:
        return record_id in self._kind(kind).ids

    def country_exists(self, code: str) -> bool:
        return code in self._countries

    # --- writing ---------------------------------------------------------------------------

    def write(
        self, kind: str, values: Mapping[str, Any], *, match: Match = Match.REFUSE, by: str = "uuid"
    ) -> tuple[str, int]:
        """Add the record, or deal with the one already there whose ``by`` equals the row's.

        Returns what happened (``added``, ``skipped`` or ``updated``) and the record's id.
        """
        key = values.get(by)
        found = self.ids_by(kind, by).get(key) if key is not None else None
        if found is None:
            return "added", self.add(kind, values)["id"]
        if match is Match.SKIP:
            self.outcomes[kind].skipped += 1
            return "skipped", found
        if match is Match.UPDATE:
            self.update(kind, found, {k: v for k, v in values.items() if k != by})
            return "updated", found
        raise duplicate_error(kind_spec(kind), by, key)

    def add(
        self,
        kind: str,
        values: Mapping[str, Any],
        *,
        id: int | None = None,
        prepare: Callable[[dict[str, Any]], Any] | None = None,
        stored_file: bool = False,
    ) -> dict[str, Any]:
        """Create one record; returns its values as they will be stored (with its id).

        ``id`` may be given by a caller that numbered its rows ahead (it must be above
        every id of the kind). ``prepare`` sees the validated row before it is logged
        and written. A record whose reference number is taken gets its new number when
        the kind's rows are next written. An attachment row is made only by a caller
        that stores and hashes its file (``stored_file``), as for single writes.
        """
        if kind == "attachment" and not stored_file:
            refuse_loose_attachment()
        state = self._enter(kind)
        spec = state.spec
        row = self._cleaned(state, values)
        if prepare is not None:
            prepare(row)
        if id is not None and id < state.next_id:
            raise ValueError(f"{kind} id {id} is already used")
        row["id"] = id if id is not None else state.next_id
        state.next_id = row["id"] + 1
        state.inserter.complete(row)
        for key in ("uuid", "code"):  # a code only countries have
            if row.get(key) is not None:
                keys = self.ids_by(kind, key)
                if row[key] in keys:
                    raise duplicate_error(spec, key, row[key])
                keys[row[key]] = row["id"]
        state.ids.add(row["id"])
        if spec.has_ref:
            refs = self.ids_by(kind, "ref")
            given = row.get("ref")
            if given and given in refs:
                if self.on_taken_ref == "refuse":
                    raise duplicate_error(spec, "ref", given)
                state.held.append(row)
                self.outcomes[kind].added += 1
                return row
            if given:
                self.refs.note(given)
            else:
                row["ref"] = self.refs.next(*ref_series(spec, row))
            refs[row["ref"]] = row["id"]
        self._created(state, row)
        return row

    def update(
        self,
        kind: str,
        record_id: int,
        changes: Mapping[str, Any],
        before: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Change one record (``before``: its stored values, if the caller has them)."""
        state = self._enter(kind)
        spec = state.spec
        table = spec.table
        self.sync()
        if before is None:
            stmt = select(table).where(table.c.id == record_id)
            before = dict(self.session.execute(stmt).one()._mapping)
        allowed = permitted_values(self.who, spec, changes, before)
        self._check_owner(spec, {**before, **allowed})
        try:
            cleaned = validate(
                self.session,
                spec,
                allowed,
                before,
                restoring=self.restoring,
                reading=self.reading,
                known=self,
            )
        except ValidationError as exc:
            raise RejectedRecord(kind, _key(before), exc.problems) from exc
        changed = diff(before, cleaned)
        refuse_file_change(kind, changed)
        if not changed:
            self.outcomes[kind].skipped += 1
            return dict(before)
        values = {n: new for n, (_old, new) in changed.items()}
        if "updated_at" not in values and not self.restoring:
            values["updated_at"] = utcnow()  # as the column's onupdate sets it for single writes
        self.session.execute(update(table).where(table.c.id == record_id).values(values))
        after = {**before, **values}
        self.audit.add(
            AuditAction.UPDATE,
            kind,
            after["uuid"],
            _ref_of(spec, after),
            audit_body.updated(spec, changed),
        )
        self.outcomes[kind].updated += 1
        events.emit_many(self.session, kind, "update", [after])
        return after

    def keep_local(self, kind: str, incoming: Mapping[str, Any], stored: Mapping[str, Any]) -> None:
        """Log a version of a record that lost to the one kept here (nothing else changes).

        ``incoming`` are the losing version's values where it differs, ``stored`` the
        kept record as stored. The incoming values are validated like any write and
        masked in the log like any change: a hostile version cannot put control
        characters or personal data into the log.
        """
        state = self._enter(kind)
        spec = state.spec
        values = {k: v for k, v in incoming.items() if k not in ("id", "uuid")}
        try:
            cleaned = validate(self.session, spec, values, stored, restoring=True, known=self)
        except ValidationError as exc:
            raise RejectedRecord(kind, _key(stored), exc.problems) from exc
        self.audit.add(
            AuditAction.SYSTEM,
            kind,
            stored.get("uuid"),
            _ref_of(spec, stored),
            audit_body.kept_local(
                spec, {k: cleaned.get(k) for k in values}, {k: stored.get(k) for k in values}
            ),
        )
        self.outcomes[kind].kept_local += 1

    def finish(self) -> None:
        """Write everything still waiting, store the counters and settle the listeners."""
        if self._finished:
            return
        if self._current is not None:
            self._end_kind(self._current)
            self._current = None
        self.audit.flush()
        self.sync()
        self.refs.save()
        events.settle(self.session)
        self._finished = True

    def __enter__(self) -> BulkWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.finish()

    # --- inside ----------------------------------------------------------------------------

    def _enter(self, kind: str) -> _Kind:
        """The kind's state; rows of the kind written before are completed first.

        Rows go to the database kind by kind, so a record is always inserted before
        the records of another kind written after it (which may refer to it).
        """
        state = self._kind(kind)
        if self._current is not state:
            if self._current is not None:
                self._end_kind(self._current)
            self._current = state
        return state

    def _cleaned(self, state: _Kind, values: Mapping[str, Any]) -> dict[str, Any]:
        spec = state.spec
        state.given += 1
        allowed = values if self.who.can_see_sensitive else permitted_values(self.who, spec, values)
        self._check_owner(spec, allowed)
        try:
            return validate(
                self.session,
                spec,
                allowed,
                restoring=self.restoring,
                reading=self.reading,
                known=self,
            )
        except ValidationError as exc:
            key = _key(values) or f"#{state.given}"
            raise RejectedRecord(spec.name, key, exc.problems, state.given) from exc

    def _check_owner(self, spec: KindSpec, row: Mapping[str, Any]) -> None:
        if spec.name == "attachment" and not self.who.can_see_sensitive:
            require_row(self.who, spec, row)

    def _created(self, state: _Kind, row: dict[str, Any]) -> None:
        spec = state.spec
        state.pending.append(row)
        self.audit.add(
            AuditAction.CREATE,
            spec.name,
            row["uuid"],
            _ref_of(spec, row),
            audit_body.created(spec, row),
        )
        self.outcomes[spec.name].added += 1
        if len(state.pending) >= BATCH:
            self._flush(state)

    def _flush(self, state: _Kind) -> None:
        """Insert the kind's waiting rows; report the rows inserted before them.

        Listeners may read what was reported, so the report waits until those rows
        are written; one batch behind, that wait costs nothing in a background load.
        """
        self._announce(state)
        if state.pending:
            state.inserter.run(self.session, state.pending, self.behind)
            state.unannounced, state.pending = state.pending, []

    def _announce(self, state: _Kind) -> None:
        if state.unannounced:
            self.sync()
            events.emit_many(self.session, state.spec.name, "create", state.unannounced)
            state.unannounced = []

    def _end_kind(self, state: _Kind) -> None:
        spec = state.spec
        refs = self.ids_by(spec.name, "ref") if spec.has_ref else {}
        for row in state.held:
            given = row["ref"]
            parsed = parse_ref(given)
            series = parsed[:2] if parsed is not None else ref_series(spec, row)
            row["ref"] = self.refs.next(*series)
            refs[row["ref"]] = row["id"]
            self.renumbered.append(Renumbered(spec.name, row["uuid"], given, row["ref"]))
            self.outcomes[spec.name].added -= 1  # counted when held; counted again below
            self._created(state, row)
        state.held = []
        self._flush(state)
        self._announce(state)


def _ref_of(spec: KindSpec, row: Mapping[str, Any]) -> str | None:
    return row.get("ref") if spec.has_ref else row.get("code")


def _key(row: Mapping[str, Any]) -> str:
    """How a rejected row is named: its UUID, else its reference number or code."""
    for name in ("uuid", "ref", "code"):
        if isinstance(row.get(name), str) and row[name]:
            return shown(row[name])
    return ""

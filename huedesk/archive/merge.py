"""Merging one kind's incoming records into the database, by UUID.

Rules (also in ``docs/archive-format.md``):

* a UUID not known here: the record is added, with its UUID, reference number,
  creation and change times as in the bundle;
* known and identical (every field but the reference number): skipped;
* known and different: the version with the newer ``updated_at`` wins (on a tie
  the local one); the losing version stays in the audit log — as the old values
  of the update when the bundle wins, as a ``system`` entry holding the
  bundle's values when the local record wins — and the conflict is listed;
* a reference number already used here by a *different* record: the incoming
  record keeps its UUID and gets the next free number of its series; listed;
* a record keeps the reference number it has on this laptop (numbers are never
  changed by an import);
* countries are matched by ISO code, not UUID (every laptop seeds its own).

Every value goes through ``huedesk.records.validation.validate`` (restoring
mode). References are resolved from UUIDs to local ids here, in bulk, and
checked against the records known or added so far; rows, audit entries and
listeners' catch-up are then written in batches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from huedesk import clock
from huedesk.archive.bulk_audit import AuditBatch
from huedesk.archive.layout import reference_target
from huedesk.archive.portable import iter_portable
from huedesk.db.bulk import BulkInsert, WriteBehind
from huedesk.db.enums import AuditAction
from huedesk.db.models import Country
from huedesk.errors import FieldProblem, ValidationError
from huedesk.reading import read_any_decimal
from huedesk.records.fields import SYSTEM_FIELDS
from huedesk.records.kinds import KINDS, KindSpec
from huedesk.records.refs import REF_PATTERN, next_ref, note_used_ref
from huedesk.records.rules import problem
from huedesk.records.validation import validate

BATCH = 2000
# Bundle values in machine form (ISO 8601, decimals as "25450.5"), read as such rather than
# in the convention of a person's language (where "25.450" would be twenty-five thousand).
_ISO: dict[type, Callable[[str], Any]] = {
    dt.datetime: dt.datetime.fromisoformat,
    dt.date: dt.date.fromisoformat,
    Decimal: read_any_decimal,
}


@dataclass(frozen=True)
class Conflict:
    """A record changed differently here and in the bundle, and which version was kept."""

    kind: str
    uuid: str
    ref: str | None
    winner: str  # "bundle" or "local"
    local_updated_at: str
    bundle_updated_at: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Renumbered:
    """An incoming record whose reference number was taken here by another record."""

    kind: str
    uuid: str
    bundle_ref: str
    new_ref: str


class RejectedRecord(ValidationError):
    """An incoming record failed validation; names the kind and UUID with the field problems."""

    def __init__(self, kind: str, uuid: str, problems: list[FieldProblem]) -> None:
        super().__init__(problems)
        self.kind = kind
        self.uuid = uuid
        self.vi = f"{kind} {uuid}: {self.vi}"
        self.en = f"{kind} {uuid}: {self.en}"


@dataclass
class KindOutcome:
    added: int = 0
    skipped: int = 0
    updated: int = 0
    kept_local: int = 0


class Merger:
    """State shared across kinds during one import: UUID → local id maps and the audit chain."""

    def __init__(self, session: Session, actor: str, behind: WriteBehind | None = None) -> None:
        self.session = session
        # Inserts may be written in the background; every read below that could see them
        # waits for them first (``_sync``).
        self.behind = behind
        self.audit = AuditBatch(session, actor, behind)
        self.ids: dict[str, dict[str, int]] = {}
        self.conflicts: list[Conflict] = []
        self.renumbered: list[Renumbered] = []
        self.touched: set[str] = set()
        # Called with each new attachment row before it is written; returns the stored name
        # under which its file was placed (the importer copies the file out of the bundle).
        self.place_attachment: Callable[[dict[str, Any]], str] | None = None
        self.codes = set(session.scalars(select(Country.code)))

    def _sync(self) -> None:
        if self.behind is not None:
            self.behind.sync()

    def id_map(self, kind: str) -> dict[str, int]:
        if kind not in self.ids:
            self._sync()
            table = KINDS[kind].table
            self.ids[kind] = dict(self.session.execute(select(table.c.uuid, table.c.id)).all())
        return self.ids[kind]

    def merge_kind(self, kind: str, records: Iterable[dict[str, Any]]) -> KindOutcome:
        """Merge all incoming records of ``kind`` (in bundle order)."""
        spec = KINDS[kind]
        table = spec.table
        outcome = KindOutcome()
        self._sync()
        ids = self.id_map(kind)
        local_codes: dict[str, int] = {}
        if kind == "country":
            local_codes = dict(self.session.execute(select(table.c.code, table.c.id)).all())
        refs_here: dict[str, str] = {}
        if spec.has_ref:
            refs_here = dict(self.session.execute(select(table.c.ref, table.c.uuid)).all())
        next_id = (self.session.scalar(select(table.c.id).order_by(table.c.id.desc())) or 0) + 1
        pending: list[dict[str, Any]] = []
        renumber: list[dict[str, Any]] = []
        batch: list[dict[str, Any]] = []
        used_refs: dict[tuple[str, int], str] = {}

        inserter = BulkInsert(table)

        def flush_inserts() -> None:
            if pending:
                inserter.run(self.session, pending, self.behind)
                pending.clear()

        def handle_batch() -> None:
            nonlocal next_id
            known = [r for r in batch if r["uuid"] in ids]
            if known:
                self._sync()
            local = self._local_rows(spec, [ids[r["uuid"]] for r in known])
            for rec in batch:
                if kind == "country" and rec["code"] in local_codes:
                    ids.setdefault(rec["uuid"], local_codes[rec["code"]])
                    outcome.skipped += 1
                    continue
                if rec["uuid"] in ids:
                    self._merge_existing(spec, rec, local[ids[rec["uuid"]]], outcome)
                    continue
                row = self._validated(spec, rec)
                row["id"] = next_id
                ids[rec["uuid"]] = next_id
                next_id += 1
                if spec.has_ref:
                    if row["ref"] in refs_here:
                        renumber.append(row)
                        continue
                    refs_here[row["ref"]] = row["uuid"]
                    _note_max(used_refs, row["ref"])
                if kind == "country":
                    self.codes.add(row["code"])
                if kind == "attachment" and self.place_attachment is not None:
                    row["stored_name"] = self.place_attachment(row)
                pending.append(row)
                self._audit_create(spec, row)
                outcome.added += 1
            flush_inserts()
            batch.clear()

        for rec in records:
            batch.append(rec)
            if len(batch) >= BATCH:
                handle_batch()
        handle_batch()
        self._sync()
        for ref in used_refs.values():
            note_used_ref(self.session, ref)
        for row in renumber:
            new = self._new_ref(spec, row)
            self.renumbered.append(Renumbered(kind, row["uuid"], row["ref"], new))
            row["ref"] = new
            pending.append(row)
            self._audit_create(spec, row)
            outcome.added += 1
        flush_inserts()
        self.audit.flush()
        self._sync()
        if outcome.added or outcome.updated:
            self.touched.add(kind)
        return outcome

    def _local_rows(self, spec: KindSpec, local_ids: list[int]) -> dict[int, dict[str, Any]]:
        if not local_ids:
            return {}
        return {r.pop("id"): r for r in iter_portable(self.session, spec, local_ids)}

    def _split(
        self, spec: KindSpec, rec: dict[str, Any]
    ) -> tuple[dict[str, Any], dict[str, Any], list[FieldProblem]]:
        """Incoming values as (plain fields to validate, resolved references, problems)."""
        plain: dict[str, Any] = {}
        fixed: dict[str, Any] = {}
        problems: list[FieldProblem] = []
        modes = _field_modes(spec.name)
        for name, value in rec.items():
            mode, target = modes[name]
            if value is None or mode == "plain":
                (fixed if mode in ("ref", "country") else plain)[name] = value
            elif mode == "ref":
                found = self.id_map(target).get(value)
                if found is None:
                    problems.append(
                        problem(
                            spec.fields[name],
                            f"trỏ tới hồ sơ {value} không có",
                            f"refers to record {value}, which does not exist",
                        )
                    )
                fixed[name] = found
            elif mode == "country":
                if value not in self.codes:
                    problems.append(
                        problem(
                            spec.fields[name],
                            f"không có mã quốc gia '{value}'",
                            f"unknown country code '{value}'",
                        )
                    )
                fixed[name] = value
            else:
                # Parsed here from ISO 8601 (the bundle's form) so validate() gets a date or
                # datetime and does not try the formats people type first.
                try:
                    plain[name] = _ISO[spec.fields[name].type](value)
                except (TypeError, ValueError):  # Unreadable is a ValueError
                    plain[name] = value  # validate() reports it, naming the field
        if "status" in plain:
            fixed["status"] = plain["status"]
        return plain, fixed, problems

    def _validated(
        self, spec: KindSpec, rec: dict[str, Any], existing: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        plain, fixed, problems = self._split(spec, rec)
        if problems:
            raise RejectedRecord(spec.name, rec["uuid"], problems)
        try:
            # References and countries were checked above against the records known so far;
            # passing them (and the status, restored as it was) as existing values keeps
            # validate() from querying each one again and from applying workflow steps.
            cleaned = validate(
                self.session, spec, plain, {**(existing or {}), **fixed}, restoring=True
            )
        except ValidationError as exc:
            raise RejectedRecord(spec.name, rec["uuid"], exc.problems) from exc
        return {**fixed, **cleaned}

    def _merge_existing(
        self, spec: KindSpec, rec: dict[str, Any], local: dict[str, Any], outcome: KindOutcome
    ) -> None:
        differing = [n for n in rec if n != "ref" and rec[n] != local.get(n)]
        if not differing:
            outcome.skipped += 1
            return
        mine = dt.datetime.fromisoformat(local["updated_at"])
        theirs = dt.datetime.fromisoformat(rec["updated_at"])
        ref = local.get("ref") if spec.has_ref else local.get("code")
        bundle_wins = theirs > mine
        self.conflicts.append(
            Conflict(
                spec.name,
                rec["uuid"],
                ref,
                "bundle" if bundle_wins else "local",
                local["updated_at"],
                rec["updated_at"],
                tuple(differing),
            )
        )
        if not bundle_wins:
            self.audit.add(
                AuditAction.SYSTEM,
                spec.name,
                rec["uuid"],
                ref,
                {n: (rec[n], local.get(n)) for n in differing},
            )
            outcome.kept_local += 1
            return
        table = spec.table
        record_id = self.id_map(spec.name)[rec["uuid"]]
        current = dict(
            self.session.execute(select(table).where(table.c.id == record_id)).one()._mapping
        )
        incoming = {n: rec[n] for n in differing}
        incoming["uuid"] = rec["uuid"]
        values = self._validated(spec, incoming, current)
        values.pop("uuid", None)
        changes = {n: (current.get(n), v) for n, v in values.items() if current.get(n) != v}
        if changes:
            self.session.execute(
                update(table)
                .where(table.c.id == record_id)
                .values({n: v for n, (_o, v) in changes.items()})
            )
            self.audit.add(
                AuditAction.UPDATE,
                spec.name,
                rec["uuid"],
                ref,
                {n: c for n, c in changes.items() if n not in SYSTEM_FIELDS or n == "updated_at"},
            )
        outcome.updated += 1

    def _audit_create(self, spec: KindSpec, row: dict[str, Any]) -> None:
        self.audit.add(
            AuditAction.CREATE,
            spec.name,
            row["uuid"],
            row.get("ref") if spec.has_ref else row.get("code"),
            {k: (None, v) for k, v in row.items() if v is not None and k not in SYSTEM_FIELDS},
        )

    def _new_ref(self, spec: KindSpec, row: dict[str, Any]) -> str:
        match = REF_PATTERN.match(row["ref"])
        if match:
            return next_ref(self.session, match["prefix"], int(match["year"]))
        when = row.get(spec.ref_date_field) if spec.ref_date_field else None
        year = when.year if isinstance(when, dt.date) else clock.today().year
        return next_ref(self.session, spec.prefix_for(row), year)


@cache
def _field_modes(kind: str) -> dict[str, tuple[str, str]]:
    """How each field of ``kind`` arrives: a record reference, a country code, ISO text, plain."""
    spec = KINDS[kind]
    modes: dict[str, tuple[str, str]] = {}
    for name, fs in spec.fields.items():
        target = reference_target(spec, name)
        if target is not None:
            modes[name] = ("ref", target)
        elif fs.is_country:
            modes[name] = ("country", "")
        elif fs.type in _ISO:
            modes[name] = ("iso", "")
        else:
            modes[name] = ("plain", "")
    return modes


def _note_max(used: dict[tuple[str, int], str], ref: str) -> None:
    match = REF_PATTERN.match(ref)
    if not match:
        return
    key = (match["prefix"], int(match["year"]))
    best = used.get(key)
    if best is None or int(match["num"]) > int(REF_PATTERN.match(best)["num"]):  # type: ignore[index]
        used[key] = ref

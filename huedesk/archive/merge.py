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

The records are written by the bulk writer (``huedesk.records.bulk``), so they
are validated, numbered, logged (personal data masked) and announced exactly
as records typed into a form; even a losing version is validated before its
values go into the log. What is the archive's own is here: references arrive
as UUIDs and are resolved to local ids, and local records are compared with
incoming ones in the bundle's portable form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huedesk.archive.layout import reference_target
from huedesk.archive.portable import iter_portable
from huedesk.db.bulk import WriteBehind
from huedesk.errors import FieldProblem
from huedesk.reading import read_any_decimal
from huedesk.records.bulk import BulkWriter, KindOutcome, RejectedRecord, Renumbered
from huedesk.records.kinds import KINDS, KindSpec
from huedesk.records.rules import problem

__all__ = ["Conflict", "KindOutcome", "Merger", "RejectedRecord", "Renumbered"]

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


class Merger:
    """One import's merge, kind after kind, through one bulk writer (one audit chain)."""

    def __init__(self, session: Session, actor: str, behind: WriteBehind | None = None) -> None:
        self.session = session
        self.writer = BulkWriter(session, actor, restoring=True, behind=behind)
        self.conflicts: list[Conflict] = []
        # Called with each new attachment row (validated) before it is written: sets the
        # stored name under which its file was placed (the importer copies it out of the bundle).
        self.place_attachment: Callable[[dict[str, Any]], None] | None = None

    @property
    def renumbered(self) -> list[Renumbered]:
        return self.writer.renumbered

    def merge_kind(self, kind: str, records: Iterable[dict[str, Any]]) -> KindOutcome:
        """Merge all incoming records of ``kind`` (in bundle order)."""
        spec = KINDS[kind]
        writer = self.writer
        ids = writer.ids_by(kind, "uuid")
        codes = writer.ids_by(kind, "code") if kind == "country" else {}
        outcome = writer.outcomes[kind]
        batch: list[dict[str, Any]] = []

        def handle_batch() -> None:
            known = [ids[r["uuid"]] for r in batch if r["uuid"] in ids]
            local = self._local_rows(spec, known)
            for rec in batch:
                if kind == "country" and rec.get("code") in codes:
                    ids.setdefault(rec["uuid"], codes[rec["code"]])
                    outcome.skipped += 1
                elif rec["uuid"] in ids:
                    self._merge_existing(spec, rec, local[ids[rec["uuid"]]], outcome)
                else:
                    prepare = self.place_attachment if kind == "attachment" else None
                    # An attachment's file comes with it: the importer unpacks and checks it.
                    writer.add(
                        kind,
                        self._values(spec, rec),
                        prepare=prepare,
                        stored_file=kind == "attachment",
                    )
            batch.clear()

        for rec in records:
            batch.append(rec)
            if len(batch) >= BATCH:
                handle_batch()
        handle_batch()
        return outcome

    def finish(self) -> None:
        """Write what is still waiting and bring the search index up to date."""
        self.writer.finish()

    def _local_rows(self, spec: KindSpec, local_ids: list[int]) -> dict[int, dict[str, Any]]:
        if not local_ids:
            return {}
        self.writer.sync()
        return {r.pop("id"): r for r in iter_portable(self.session, spec, local_ids)}

    def _values(self, spec: KindSpec, rec: dict[str, Any]) -> dict[str, Any]:
        """Incoming portable values as the writer takes them: references resolved to
        local ids, dates and times parsed from ISO 8601 (the bundle's form)."""
        values: dict[str, Any] = {}
        problems: list[FieldProblem] = []
        modes = _field_modes(spec.name)
        for name, value in rec.items():
            mode, target = modes[name]
            if value is None or mode == "plain":
                values[name] = value
            elif mode == "ref":
                found = self.writer.ids_by(target, "uuid").get(value)
                if found is None:
                    problems.append(
                        problem(
                            spec.fields[name],
                            f"trỏ tới hồ sơ {value} không có",
                            f"refers to record {value}, which does not exist",
                        )
                    )
                values[name] = found
            else:
                # Parsed here so validate() gets a date or datetime and does not try the
                # formats people type first.
                try:
                    values[name] = _ISO[spec.fields[name].type](value)
                except (TypeError, ValueError):  # Unreadable is a ValueError
                    values[name] = value  # validate() reports it, naming the field
        if problems:
            raise RejectedRecord(spec.name, str(rec.get("uuid")), problems)
        return values

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
        table = spec.table
        record_id = self.writer.ids_by(spec.name, "uuid")[rec["uuid"]]
        self.writer.sync()
        stored = dict(
            self.session.execute(select(table).where(table.c.id == record_id)).one()._mapping
        )
        incoming = self._values(spec, {n: rec[n] for n in differing})
        if bundle_wins:
            self.writer.update(spec.name, record_id, incoming, before=stored)
        else:
            self.writer.keep_local(spec.name, incoming, stored)


@cache
def _field_modes(kind: str) -> dict[str, tuple[str, str]]:
    """How each field of ``kind`` arrives: a record reference, ISO text, or plain."""
    spec = KINDS[kind]
    modes: dict[str, tuple[str, str]] = {}
    for name, fs in spec.fields.items():
        target = reference_target(spec, name)
        if target is not None:
            modes[name] = ("ref", target)
        elif fs.type in _ISO and not fs.is_country:
            modes[name] = ("iso", "")
        else:
            modes[name] = ("plain", "")
    return modes

"""Bulk generation of realistic demo records.

Rows are built in Python with a seeded ``random.Random`` (same seed, same data)
and written by the bulk writer (``huedesk.records.bulk``) like any other records:
validated, logged (personal data masked) and indexed for search, in multi-row
inserts, so 100,000 records take seconds rather than minutes. The whole load is
one transaction: a cancelled or failed run leaves nothing behind. One more audit
entry records the run itself (records asked for, seed).
"""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huedesk import audit, clock
from huedesk.accounts.principal import Actor, resolve
from huedesk.db import enums as e
from huedesk.db import models as m
from huedesk.db.bulk import write_behind
from huedesk.db.engine import Database
from huedesk.demo import casework, people, relations, visits
from huedesk.demo import vocabulary as v
from huedesk.demo.people import People
from huedesk.paths import attachments_dir
from huedesk.records.bulk import BulkWriter, require_bulk_rights
from huedesk.records.kinds import KINDS
from huedesk.records.refs import format_ref
from huedesk.stats.regions import fill_empty_default_region

Progress = Callable[[int, int], None]

# Share of the requested records per kind (persons and organisations are the pool others use).
SHARES = {
    "person": 0.30,
    "delegation": 0.25,
    "consular_case": 0.13,
    "follow_up_task": 0.08,
    "aid_project": 0.06,
    "fdi_project": 0.05,
    "event": 0.05,
    "agreement": 0.03,
    "organisation": 0.03,
    "partnership": 0.02,
}
BATCH = 2000
# A small demo still needs officials on both sides: a city leader and foreign-affairs staff
# to receive and travel, and a partner's head with two officials to visit (people._staff_slots).
MIN_PERSONS = 12


@dataclass
class DemoSummary:
    """What a demo run wrote."""

    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    cancelled: bool = False
    generated_at: dt.datetime | None = None  # no record was created or changed after this

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class _Builder:
    """Holds the random source, id and reference counters while rows are built."""

    def __init__(self, session: Session, seed: int, today: dt.date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        # Records are stamped as entered before the start of ``today`` (local time), so
        # none is created or changed after the moment of generation, and the same seed
        # gives the same stamps all day long.
        self.moment = dt.datetime.combine(today, dt.time()).astimezone().astimezone(dt.UTC)
        self.next_id: dict[str, int] = {}
        self.refs: dict[tuple[str, int], int] = {}
        for k in KINDS:
            table = KINDS[k].table
            self.next_id[k] = (session.scalar(select(func.max(table.c.id))) or 0) + 1
        for c in session.scalars(select(m.RefCounter)):
            self.refs[(c.prefix, c.year)] = c.last

    def id(self, kind: str) -> int:
        value = self.next_id[kind]
        self.next_id[kind] = value + 1
        return value

    def uuid(self) -> str:
        return str(uuidlib.UUID(int=self.rng.getrandbits(128), version=4))

    def ref(self, prefix: str, year: int) -> str:
        n = self.refs.get((prefix, year), 0) + 1
        self.refs[(prefix, year)] = n
        return format_ref(prefix, year, n)

    def stamp(
        self, day: dt.date, until: dt.date | None = None, *, recorded: bool = False
    ) -> dict[str, Any]:
        """UUID and times of a record about ``day``; never after ``moment``.

        A plan (a visit, an event, a project) is entered some days before ``day``. A record of
        something that happened (``recorded``: a case received, an action taken, a payment, a
        licence) is entered on that day or within two days after it, as an office writes
        things down, never before. It is last changed by ``until`` (when it was closed or
        done) or soon after. The random draws are the same either way, so the rest of the
        generated data does not depend on which records are ``recorded``."""
        offset = self.rng.randint(5, 60)
        hour = dt.time(1 + self.rng.randint(0, 8), self.rng.randint(0, 59))
        lag = self.rng.randint(60, 6000)
        if recorded:
            created = dt.datetime.combine(day + dt.timedelta(days=offset % 3), hour, tzinfo=dt.UTC)
            created = min(created, self.moment - dt.timedelta(minutes=1 + lag % 60))
        else:
            created = dt.datetime.combine(day - dt.timedelta(days=offset), hour, tzinfo=dt.UTC)
            created = min(created, self.moment - dt.timedelta(minutes=lag))
        if until is not None:
            last = dt.datetime.combine(until, dt.time(9, self.rng.randint(0, 59)), tzinfo=dt.UTC)
        else:
            last = created + dt.timedelta(
                days=self.rng.randint(0, 30), minutes=self.rng.randint(0, 600)
            )
        updated = max(created, min(last, self.moment - dt.timedelta(minutes=1)))
        return {"uuid": self.uuid(), "created_at": created, "updated_at": updated}

    def day(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def pick(self, seq: list[Any] | tuple[Any, ...]) -> Any:
        return seq[self.rng.randrange(len(seq))]

    def maybe(self, p: float, value: Any) -> Any:
        return value if self.rng.random() < p else None


def plan(records: int) -> dict[str, int]:
    """How many top-level records of each kind ``records`` asks for (at least one of each,
    and at least the fixed partners and the people a small demo needs)."""
    counts = {k: max(1, int(records * share)) for k, share in SHARES.items()}
    counts["organisation"] = max(counts["organisation"], _fixed_org_count())
    counts["person"] = max(counts["person"], MIN_PERSONS)
    counts["partnership"] = min(counts["partnership"], len(v.PARTNER_LOCALITIES))
    # Whatever the fixed lists could not take goes to delegations, the department's main work.
    counts["delegation"] = max(1, counts["delegation"] + records - sum(counts.values()))
    return counts


def _fixed_org_count() -> int:
    return people.fixed_org_count()


def generate(
    db: Database,
    *,
    records: int = 2000,
    seed: int = 1,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
    actor: Actor = "demo",
    today: dt.date | None = None,
) -> DemoSummary:
    """Add about ``records`` top-level demo records (plus their child rows) to ``db``."""
    if records < 1:
        from huedesk.errors import HueDeskError

        raise HueDeskError(
            "Số hồ sơ mẫu phải lớn hơn 0.", "The number of demo records must be positive."
        )
    with db.read() as s:  # refuse before any work: demo data holds consular cases, personal data
        who = resolve(s, actor)
    require_bulk_rights(who, KINDS, personal=True)
    started = time.perf_counter()
    counts = plan(records)
    summary = DemoSummary()
    summary.generated_at = clock.now()
    try:
        with db.write() as s, write_behind(s) as behind:
            writer = BulkWriter(s, who, restoring=True, behind=behind)
            _fill(
                writer,
                _Builder(s, seed, today or clock.today()),
                counts,
                records,
                db,
                summary,
                progress,
                should_cancel,
            )
            writer.finish()
            audit.record(
                s,
                actor=who.name,
                action=e.AuditAction.SYSTEM,
                kind="demo",
                record_uuid=None,
                record_ref=None,
                changes={"demo_records": (None, summary.total), "seed": (None, seed)},
            )
            fill_empty_default_region(s, who)
    except _Cancelled:
        summary.counts.clear()
        summary.cancelled = True
    summary.seconds = time.perf_counter() - started
    return summary


class _Cancelled(Exception):
    """Raised inside the load's transaction to roll a cancelled run back."""


def _fill(
    writer: BulkWriter,
    b: _Builder,
    counts: dict[str, int],
    records: int,
    db: Database,
    summary: DemoSummary,
    progress: Progress | None,
    should_cancel: Callable[[], bool] | None,
) -> None:
    pools = _Pools(planned=counts)
    steps: list[tuple[str, Callable[[_Builder, _Pools, int], dict[str, list[dict[str, Any]]]]]] = [
        ("organisation", _organisations),
        ("person", _persons),
        ("partnership", relations.partnerships),
        ("agreement", relations.agreements),
        ("delegation", visits.delegations),
        ("consular_case", casework.cases),
        ("aid_project", casework.aid),
        ("fdi_project", relations.fdi),
        ("event", relations.events),
        ("follow_up_task", casework.tasks),
    ]
    total = sum(counts.values())
    done = 0
    for kind, build in steps:
        remaining = counts[kind]
        while remaining > 0:
            if should_cancel is not None and should_cancel():
                raise _Cancelled
            n = min(BATCH, remaining)
            _write(writer, build(b, pools, n), summary)
            remaining -= n
            done += n
            if progress is not None:
                progress(done, total)
    rows = relations.attachments(b, pools, max(1, records // 200), attachments_dir(db.path))
    _write(writer, {"attachment": rows}, summary)
    people.sign_briefs(writer.session, pools.people)


def _write(
    writer: BulkWriter, tables: dict[str, list[dict[str, Any]]], summary: DemoSummary
) -> None:
    for kind, rows in tables.items():
        for row in rows:
            values = dict(row)
            writer.add(kind, values, id=values.pop("id"), stored_file=kind == "attachment")
        summary.counts[kind] = summary.counts.get(kind, 0) + len(rows)


@dataclass(frozen=True)
class _Source:
    """A record that follow-up tasks and attachments may point at."""

    kind: str
    uuid: str
    ref: str
    day: dt.date
    partner: str | None
    end: dt.date | None = None


@dataclass
class _Pools:
    """What earlier steps wrote that later records refer to."""

    planned: dict[str, int] = field(default_factory=dict)
    people: People = field(default_factory=People)
    partnerships: list[tuple[int, int, str]] = field(default_factory=list)  # (id, org, country)
    since: dict[int, dt.date] = field(default_factory=dict)  # partner org -> relations since
    gifts: dict[int, list[str]] = field(default_factory=dict)  # partner org -> gifts given
    sources: list[_Source] = field(default_factory=list)

    def add_source(
        self,
        kind: str,
        row: dict[str, Any],
        day: dt.date,
        partner: str | None,
        end: dt.date | None = None,
    ) -> None:
        self.sources.append(_Source(kind, row["uuid"], row["ref"], day, partner, end))


def _organisations(b: _Builder, p: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    return people.organisations(b, p.people, n)


def _persons(b: _Builder, p: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    return people.persons(b, p.people, n, p.planned.get("person", n))

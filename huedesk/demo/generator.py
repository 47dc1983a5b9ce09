"""Bulk generation of realistic demo records.

Rows are built in Python with a seeded ``random.Random`` (same seed, same data)
and written with core ``INSERT … VALUES`` batches, one transaction per batch of
complete records (a delegation always lands together with its members and
programme), so 100,000 records take seconds rather than minutes and a cancelled
run leaves only whole records behind. One audit entry records the load, and
bulk listeners (the search index) are told which kinds changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import time
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huedesk import audit, clock
from huedesk.accounts.principal import Actor, resolve
from huedesk.accounts.roles import require_write
from huedesk.db import enums as e
from huedesk.db import models as m
from huedesk.db.bulk import BulkInsert
from huedesk.db.engine import Database
from huedesk.demo import vocabulary as v
from huedesk.money import to_vnd
from huedesk.paths import attachments_dir
from huedesk.records import events
from huedesk.records.kinds import KINDS
from huedesk.records.refs import format_ref

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

# Rough VND rates per unit by year, for disbursements in foreign currency.
RATES = {
    "USD": {
        2021: "23150",
        2022: "23420",
        2023: "24030",
        2024: "25080",
        2025: "25950",
        2026: "26300",
    },
    "EUR": {
        2021: "27300",
        2022: "24600",
        2023: "26050",
        2024: "27100",
        2025: "28900",
        2026: "30100",
    },
    "JPY": {
        2021: "210.5",
        2022: "178.3",
        2023: "171.2",
        2024: "165.4",
        2025: "172.8",
        2026: "170.1",
    },
    "KRW": {
        2021: "20.15",
        2022: "18.12",
        2023: "18.45",
        2024: "18.30",
        2025: "18.05",
        2026: "18.40",
    },
}


@dataclass
class DemoSummary:
    """What a demo run wrote."""

    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    cancelled: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class _Builder:
    """Holds the random source, id and reference counters while rows are built."""

    def __init__(self, session: Session, seed: int, today: dt.date) -> None:
        self.rng = random.Random(seed)
        self.today = today
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

    def stamp(self, day: dt.date) -> dict[str, Any]:
        created = dt.datetime.combine(
            day - dt.timedelta(days=self.rng.randint(5, 60)),
            dt.time(8, self.rng.randint(0, 59)),
            tzinfo=dt.UTC,
        )
        updated = created + dt.timedelta(
            days=self.rng.randint(0, 30), minutes=self.rng.randint(0, 600)
        )
        return {"uuid": self.uuid(), "created_at": created, "updated_at": updated}

    def day(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def pick(self, seq: list[Any] | tuple[Any, ...]) -> Any:
        return seq[self.rng.randrange(len(seq))]

    def maybe(self, p: float, value: Any) -> Any:
        return value if self.rng.random() < p else None


def plan(records: int) -> dict[str, int]:
    """How many top-level records of each kind ``records`` asks for (at least one of each)."""
    counts = {k: max(1, int(records * share)) for k, share in SHARES.items()}
    counts["organisation"] = max(counts["organisation"], _fixed_org_count())
    counts["partnership"] = min(counts["partnership"], len(v.PARTNER_LOCALITIES))
    # Whatever the fixed lists could not take goes to delegations, the department's main work.
    counts["delegation"] = max(1, counts["delegation"] + records - sum(counts.values()))
    return counts


def _fixed_org_count() -> int:
    return (
        len(v.PARTNER_LOCALITIES)
        + len(v.EMBASSIES)
        + len(v.DONORS)
        + len(v.INVESTORS)
        + len(v.UNIVERSITIES)
    )


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
    with db.read() as s:  # bulk rows skip the per-row role checks: check the user once
        who = resolve(s, actor)
    require_write(who)
    started = time.perf_counter()
    counts = plan(records)
    total = sum(counts.values())
    summary = DemoSummary()
    done = 0
    with db.read() as s:
        b = _Builder(s, seed, today or clock.today())
    pools = _Pools()
    steps: list[tuple[str, Callable[[_Builder, _Pools, int], dict[str, list[dict[str, Any]]]]]] = [
        ("organisation", _organisations),
        ("person", _persons),
        ("partnership", _partnerships),
        ("agreement", _agreements),
        ("delegation", _delegations),
        ("consular_case", _cases),
        ("aid_project", _aid),
        ("fdi_project", _fdi),
        ("event", _events),
        ("follow_up_task", _tasks),
    ]
    for kind, build in steps:
        remaining = counts[kind]
        while remaining > 0:
            if should_cancel is not None and should_cancel():
                summary.cancelled = True
                break
            n = min(BATCH, remaining)
            tables = build(b, pools, n)
            with db.write() as s:
                _write(s, tables)
                _save_counters(s, b)
            for name, rows in tables.items():
                summary.counts[name] = summary.counts.get(name, 0) + len(rows)
            remaining -= n
            done += n
            if progress is not None:
                progress(done, total)
        if summary.cancelled:
            break
    if not summary.cancelled:
        rows = _attachments(b, pools, max(1, records // 200), attachments_dir(db.path))
        with db.write() as s:
            _write(s, {"attachment": rows})
        summary.counts["attachment"] = len(rows)
    with db.write() as s:
        audit.record(
            s,
            actor=who.name,
            action=e.AuditAction.SYSTEM,
            kind="demo",
            record_uuid=None,
            record_ref=None,
            changes={
                "demo_records": (None, summary.total),
                "seed": (None, seed),
                "cancelled": (None, summary.cancelled),
            },
        )
        events.emit_bulk(s, frozenset(summary.counts))
    summary.seconds = time.perf_counter() - started
    return summary


def _write(session: Session, tables: dict[str, list[dict[str, Any]]]) -> None:
    for kind, rows in tables.items():
        if rows:
            BulkInsert(KINDS[kind].table).run(session, rows)


def _save_counters(session: Session, b: _Builder) -> None:
    existing = {(c.prefix, c.year): c for c in session.scalars(select(m.RefCounter))}
    for (prefix, year), last in b.refs.items():
        counter = existing.get((prefix, year))
        if counter is None:
            session.add(m.RefCounter(prefix=prefix, year=year, last=last))
        elif counter.last < last:
            counter.last = last
    session.flush()


@dataclass
class _Pools:
    """Ids already written that later records point at."""

    partners: list[tuple[int, str]] = field(default_factory=list)  # (id, country)
    embassies: list[tuple[int, str]] = field(default_factory=list)
    donors: list[tuple[int, str]] = field(default_factory=list)
    investors: list[tuple[int, str, str]] = field(default_factory=list)  # (id, country, sector)
    others: list[tuple[int, str]] = field(default_factory=list)
    foreigners: dict[str, list[int]] = field(default_factory=dict)  # country -> person ids
    vietnamese: list[int] = field(default_factory=list)
    officers: list[int] = field(default_factory=list)
    partnerships: list[tuple[int, int, str]] = field(default_factory=list)
    records: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, uuid, ref)
    org_names: dict[int, str] = field(default_factory=dict)
    person_names: dict[int, str] = field(default_factory=dict)

    def org_name(self, org_id: int) -> str:
        return self.org_names.get(org_id, "đối tác nước ngoài")


def _org(
    b: _Builder,
    name: str,
    name_en: str | None,
    org_type: e.OrgType,
    country: str | None,
    notes: str | None = None,
) -> dict[str, Any]:
    day = b.day(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    return {
        "id": b.id("organisation"),
        "ref": b.ref("TC", day.year),
        "name": name,
        "name_en": name_en,
        "org_type": org_type,
        "country_code": country,
        "address": None,
        "website": None,
        "notes": notes,
        **b.stamp(day),
    }


def _organisations(b: _Builder, p: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    rows: list[dict[str, Any]] = []
    if not p.partners:
        for vi, en, cc, *_ in v.PARTNER_LOCALITIES:
            rows.append(_org(b, vi, en, e.OrgType.PARTNER_LOCALITY, cc))
            p.partners.append((rows[-1]["id"], cc))
        for vi, en, cc in v.EMBASSIES:
            rows.append(
                _org(b, vi, en, e.OrgType.EMBASSY if "Đại sứ" in vi else e.OrgType.CONSULATE, cc)
            )
            p.embassies.append((rows[-1]["id"], cc))
        for vi, en, cc, kind in v.DONORS:
            rows.append(_org(b, vi, en, e.OrgType(kind), cc))
            p.donors.append((rows[-1]["id"], cc))
        for vi, en, cc, sector in v.INVESTORS:
            rows.append(_org(b, vi, en, e.OrgType.INVESTOR, cc))
            p.investors.append((rows[-1]["id"], cc, sector))
        for vi, en, cc in v.UNIVERSITIES:
            rows.append(_org(b, vi, en, e.OrgType.UNIVERSITY, cc))
            p.others.append((rows[-1]["id"], cc))
    while len(rows) < n:
        cc = b.pick(list(v.FOREIGN_NAMES))
        fam = b.pick(v.FOREIGN_NAMES[cc][0])
        kind = b.pick([e.OrgType.COMPANY, e.OrgType.INVESTOR, e.OrgType.NGO, e.OrgType.DONOR])
        label = {"company": "Công ty", "investor": "Tập đoàn", "ngo": "Tổ chức", "donor": "Quỹ"}[
            kind.value
        ]
        name = f"{label} {fam} {b.pick(_ORG_SUFFIXES[kind.value])}"
        rows.append(_org(b, name, None, kind, cc))
        if kind is e.OrgType.DONOR or kind is e.OrgType.NGO:
            p.donors.append((rows[-1]["id"], cc))
        elif kind is e.OrgType.INVESTOR:
            p.investors.append((rows[-1]["id"], cc, b.pick(["manufacturing", "tourism", "energy"])))
        else:
            p.others.append((rows[-1]["id"], cc))
    p.org_names.update((r["id"], r["name"]) for r in rows)
    return {"organisation": rows}


_ORG_SUFFIXES = {
    "company": ["Việt Nam", "Holdings", "Trading", "Logistics", "Tech", "Huế"],
    "investor": ["Group", "Capital", "Industries", "Development", "Asia"],
    "ngo": ["Foundation", "vì trẻ em", "vì cộng đồng", "Hữu nghị", "Hope"],
    "donor": ["Hy vọng", "Tương lai", "Ánh sáng", "Nhân ái", "Học bổng"],
}


def _vn_name(b: _Builder) -> tuple[str, e.Gender]:
    female = b.rng.random() < 0.5
    mid = b.pick(v.VN_MIDDLE_F if female else v.VN_MIDDLE_M)
    given = b.pick(v.VN_GIVEN_F if female else v.VN_GIVEN_M)
    return f"{b.pick(v.VN_FAMILY)} {mid} {given}", e.Gender.FEMALE if female else e.Gender.MALE


def _persons(b: _Builder, p: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    rows: list[dict[str, Any]] = []
    if not p.officers:
        for name in v.OFFICERS:
            rows.append(
                _person(
                    b,
                    name,
                    e.Gender.FEMALE if " Thị " in name else e.Gender.MALE,
                    "VN",
                    "Chuyên viên Sở Ngoại vụ",
                    None,
                )
            )
            p.officers.append(rows[-1]["id"])
    while len(rows) < n:
        if b.rng.random() < 0.45:
            name, gender = _vn_name(b)
            rows.append(_person(b, name, gender, "VN", None, None))
            p.vietnamese.append(rows[-1]["id"])
        else:
            cc = b.pick(list(v.FOREIGN_NAMES))
            fams, givens = v.FOREIGN_NAMES[cc]
            fam, given = b.pick(fams), b.pick(givens)
            name = f"{fam} {given}" if cc in ("JP", "KR", "CN") else f"{given} {fam}"
            org = next((o for o, c in p.partners + p.embassies if c == cc), None)
            rows.append(
                _person(b, name, b.pick(list(e.Gender)[:2]), cc, b.pick(v.MEMBER_TITLES), org)
            )
            p.foreigners.setdefault(cc, []).append(rows[-1]["id"])
    p.person_names.update((r["id"], r["full_name"]) for r in rows)
    return {"person": rows}


def _person(
    b: _Builder, name: str, gender: e.Gender, cc: str, position: str | None, org: int | None
) -> dict[str, Any]:
    day = b.day(dt.date(2021, 1, 1), b.today)
    born = b.day(dt.date(1950, 1, 1), dt.date(2004, 12, 31))
    passport = f"{'C' if cc == 'VN' else cc[0]}{b.rng.randint(1000000, 9999999)}"
    return {
        "id": b.id("person"),
        "ref": b.ref("NG", day.year),
        "full_name": name,
        "gender": gender,
        "date_of_birth": born,
        "nationality": cc,
        "passport_no": passport,
        "position": position,
        "organisation_id": org,
        "phone": f"+84 9{b.rng.randint(10, 99)} {b.rng.randint(100, 999)} {b.rng.randint(100, 999)}"
        if cc == "VN"
        else None,
        "email": None,
        "address": None,
        "notes": None,
        **b.stamp(day),
    }


def _partnerships(b: _Builder, p: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    rows = []
    for (org_id, cc), loc in zip(p.partners[:n], v.PARTNER_LOCALITIES[:n], strict=False):
        since = b.day(dt.date(1995, 1, 1), dt.date(2024, 12, 31))
        status = e.PartnershipStatus.NEGOTIATING if cc == "RU" else e.PartnershipStatus.ESTABLISHED
        rows.append(
            {
                "id": b.id("partnership"),
                "ref": b.ref("HT", since.year),
                "partner_id": org_id,
                "country_code": cc,
                "level": e.LocalityLevel(loc[3]),
                "relation_type": e.RelationType(loc[4]),
                "since": since,
                "status": status,
                "hue_side": "UBND thành phố Huế",
                "notes": None,
                **b.stamp(since),
            }
        )
        p.partnerships.append((rows[-1]["id"], org_id, cc))
        p.records.append(("partnership", rows[-1]["uuid"], rows[-1]["ref"]))
    return {"partnership": rows}


def _agreements(b: _Builder, p: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    rows = []
    for _ in range(n):
        ps = b.pick(p.partnerships) if p.partnerships and b.rng.random() < 0.7 else None
        org, cc = (ps[1], ps[2]) if ps else b.pick(p.donors + p.others)
        signed = b.day(dt.date(2005, 1, 1), b.today)
        expires = signed + dt.timedelta(days=365 * b.pick([3, 5, 5, 10]))
        if expires < b.today:
            status = e.AgreementStatus.EXPIRED
        else:
            status = b.pick(
                [e.AgreementStatus.IN_FORCE, e.AgreementStatus.IN_FORCE, e.AgreementStatus.SIGNED]
            )
        atype = b.pick(list(e.AgreementType)[:3])
        fields = ", ".join(b.rng.sample(v.AGREEMENT_FIELDS, 2))
        rows.append(
            {
                "id": b.id("agreement"),
                "ref": b.ref("TT", signed.year),
                "title": f"{atype.label('vi')} về hợp tác trong lĩnh vực {fields}",
                "agreement_type": atype,
                "counterpart_id": org,
                "country_code": cc,
                "partnership_id": ps[0] if ps else None,
                "hue_signatory": b.pick(["UBND thành phố Huế", "Sở Ngoại vụ", "Đại học Huế"]),
                "signing_level": b.pick(list(e.SigningLevel)),
                "signed_on": signed,
                "effective_from": signed,
                "expires_on": expires,
                "status": status,
                "fields": fields,
                "follow_up": None,
                "notes": None,
                **b.stamp(signed),
            }
        )
        p.records.append(("agreement", rows[-1]["uuid"], rows[-1]["ref"]))
    return {"agreement": rows}


def _delegations(b: _Builder, p: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {
        "delegation": [],
        "delegation_member": [],
        "programme_item": [],
        "gift": [],
    }
    for _ in range(n):
        outbound = b.rng.random() < 0.3
        org, cc = b.pick(p.partners + p.embassies + p.donors[: len(v.DONORS)])
        start = b.day(dt.date(2021, 1, 1), b.today + dt.timedelta(days=150))
        end = start + dt.timedelta(days=b.rng.randint(0, 6))
        status = _delegation_status(b, start, end)
        partner_name = p.org_name(org)
        country = cc
        if outbound:
            title = f"Đoàn lãnh đạo thành phố Huế thăm và làm việc tại {partner_name}"
            prefix = "ĐR"
        else:
            title = f"Đoàn {partner_name} thăm và làm việc tại Huế"
            prefix = "ĐV"
        did = b.id("delegation")
        done = status in (e.DelegationStatus.COMPLETED, e.DelegationStatus.REPORTED)
        row = {
            "id": did,
            "ref": b.ref(prefix, start.year),
            "direction": e.Direction.OUTBOUND if outbound else e.Direction.INBOUND,
            "title": title,
            "partner_id": org,
            "country_code": country,
            "purpose": b.pick(v.PURPOSES),
            "start_date": start,
            "end_date": end,
            "status": status,
            "hosts": b.pick(v.HUE_LEADERS),
            "talking_points": "Cảm ơn đối tác; đề nghị tăng cường hợp tác giáo dục, y tế, du lịch.",
            "press": b.maybe(0.3, "Báo Thừa Thiên Huế, Đài Phát thanh - Truyền hình Huế đưa tin."),
            "outcomes": b.pick(v.OUTCOMES) if done else None,
            "documents_signed": b.maybe(0.2, "Biên bản ghi nhớ hợp tác") if done else None,
            "approval_decision": f"{b.rng.randint(100, 3999)}/QĐ-UBND" if outbound else None,
            "budget_vnd": b.rng.randint(50, 900) * 1_000_000 if outbound else None,
            "itinerary": None,
            "notes": None,
            **b.stamp(start),
        }
        out["delegation"].append(row)
        p.records.append(("delegation", row["uuid"], row["ref"]))
        people = p.vietnamese if outbound else p.foreigners.get(cc) or p.vietnamese
        for rank, pid in enumerate(b.rng.sample(people, min(len(people), b.rng.randint(2, 7)))):
            out["delegation_member"].append(
                {
                    "id": b.id("delegation_member"),
                    "delegation_id": did,
                    "person_id": pid,
                    "title": "Trưởng đoàn" if rank == 0 else b.pick(v.MEMBER_TITLES),
                    "form_of_address": b.pick(v.FORMS_OF_ADDRESS),
                    "precedence": rank + 1,
                    "is_head": rank == 0,
                    "language": "Tiếng Việt" if outbound else v.LANGUAGES.get(cc, "Tiếng Anh"),
                    "dietary_needs": b.pick(v.DIETS),
                    "notes": None,
                    **b.stamp(start),
                }
            )
        moment = dt.datetime.combine(start, dt.time(8, 0))
        for _i in range(b.rng.randint(3, 9)):
            day = moment.date()
            moment += dt.timedelta(hours=b.rng.randint(1, 5))
            if moment.date() != day or moment.hour >= 21:  # working hours only: next morning
                moment = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(8, 0))
            out["programme_item"].append(
                {
                    "id": b.id("programme_item"),
                    "delegation_id": did,
                    "starts_at": moment,
                    "ends_at": moment + dt.timedelta(minutes=b.pick([45, 60, 90, 120])),
                    "place": b.pick(v.HUE_PLACES),
                    "activity": b.pick(v.ACTIVITIES),
                    "hue_participants": b.pick(v.HUE_LEADERS),
                    "responsible_office": b.pick(v.HUE_OFFICES),
                    "notes": None,
                    **b.stamp(start),
                }
            )
        for _i in range(b.rng.randint(0, 2) if done else 0):
            given = b.rng.random() < 0.5
            out["gift"].append(
                {
                    "id": b.id("gift"),
                    "delegation_id": did,
                    "direction": e.GiftDirection.GIVEN if given else e.GiftDirection.RECEIVED,
                    "description": b.pick(v.GIFTS),
                    "giver": "Chủ tịch UBND thành phố" if given else None,
                    "recipient": None if given else "Chủ tịch UBND thành phố",
                    "value_vnd": b.rng.randint(5, 50) * 100_000,
                    "notes": None,
                    **b.stamp(start),
                }
            )
    return out


def _delegation_status(b: _Builder, start: dt.date, end: dt.date) -> e.DelegationStatus:
    if b.rng.random() < 0.04:
        return e.DelegationStatus.CANCELLED
    if end < b.today:
        return e.DelegationStatus.REPORTED if b.rng.random() < 0.7 else e.DelegationStatus.COMPLETED
    if start <= b.today:
        return e.DelegationStatus.IN_PROGRESS
    return e.DelegationStatus.APPROVED if b.rng.random() < 0.5 else e.DelegationStatus.PLANNED


def _cases(b: _Builder, p: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {
        "consular_case": [],
        "case_person": [],
        "case_consent": [],
        "case_action": [],
    }
    types = list(e.CaseType)
    for _ in range(n):
        ctype = b.pick(types)
        foreigner = ctype in (e.CaseType.FOREIGNER_IN_HUE, e.CaseType.VISA_INVITATION)
        if foreigner:
            cc = b.pick([c for c in p.foreigners if p.foreigners[c]])
            subject = b.pick(p.foreigners[cc])
            place = b.pick(v.HUE_PLACES)
        else:
            cc = b.pick(list(v.FOREIGN_PLACES))
            subject = b.pick(p.vietnamese)
            place = b.pick(v.FOREIGN_PLACES[cc])
        opened = b.day(dt.date(2021, 1, 1), b.today)
        age = (b.today - opened).days
        closed = (
            opened + dt.timedelta(days=b.rng.randint(3, max(3, min(120, age - 1))))
            if age > 150 or (age > 45 and b.rng.random() < 0.5)
            else None
        )
        status = (
            e.CaseStatus.CLOSED
            if closed
            else b.pick(
                [
                    e.CaseStatus.OPEN,
                    e.CaseStatus.IN_PROGRESS,
                    e.CaseStatus.AWAITING_RESPONSE,
                    e.CaseStatus.RESOLVED,
                ]
            )
        )
        cid = b.id("consular_case")
        name = p.person_names.get(subject, "công dân")
        row = {
            "id": cid,
            "ref": b.ref("LS", opened.year),
            "case_type": ctype,
            "title": v.CASE_TITLES[ctype.value].format(name=name, place=place),
            "country_code": "VN" if foreigner else cc,
            "location": place,
            "facts": f"Ngày {opened.strftime('%d/%m/%Y')}, Sở Ngoại vụ nhận được thông tin về vụ việc tại {place}.",
            "opened_on": opened,
            "closed_on": closed,
            "deadline": None if closed else opened + dt.timedelta(days=b.rng.randint(7, 60)),
            "status": status,
            "officer_id": b.pick(p.officers),
            "information_source": b.pick(list(e.InformationSource)),
            "source_detail": None,
            "consulate_notified_at": dt.datetime.combine(opened, dt.time(10, 0), tzinfo=dt.UTC)
            if foreigner
            else None,
            "outcome": "Vụ việc đã được giải quyết, công dân an toàn." if closed else None,
            "notes": None,
            **b.stamp(opened),
        }
        out["consular_case"].append(row)
        p.records.append(("consular_case", row["uuid"], row["ref"]))
        out["case_person"].append(
            {
                "id": b.id("case_person"),
                "case_id": cid,
                "person_id": subject,
                "role": e.CaseRole.SUBJECT,
                "notes": None,
                **b.stamp(opened),
            }
        )
        relative = b.pick(p.vietnamese)
        if relative != subject:
            out["case_person"].append(
                {
                    "id": b.id("case_person"),
                    "case_id": cid,
                    "person_id": relative,
                    "role": e.CaseRole.RELATIVE,
                    "notes": None,
                    **b.stamp(opened),
                }
            )
        if b.rng.random() < 0.4:
            out["case_consent"].append(
                {
                    "id": b.id("case_consent"),
                    "case_id": cid,
                    "person_id": subject,
                    "recipient": "Bộ Ngoại giao (Cục Lãnh sự)",
                    "scope": "Thông tin nhân thân và diễn biến vụ việc",
                    "given_on": opened,
                    "withdrawn_on": None,
                    **b.stamp(opened),
                }
            )
        when = dt.datetime.combine(opened, dt.time(9, 0))
        steps = b.rng.randint(2, 6)
        for i in range(steps):
            when += dt.timedelta(days=b.rng.randint(0, 5), hours=b.rng.randint(1, 6))
            last = closed is not None and i == steps - 1
            out["case_action"].append(
                {
                    "id": b.id("case_action"),
                    "case_id": cid,
                    "taken_at": when,
                    "action": "Đóng hồ sơ"
                    if last
                    else v.CASE_ACTIONS[min(i, len(v.CASE_ACTIONS) - 2)],
                    "officer": b.pick(v.OFFICERS),
                    "next_step": None if last else b.pick(v.CASE_ACTIONS[1:6]),
                    **b.stamp(opened),
                }
            )
    return out


def _aid(b: _Builder, p: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"aid_project": [], "aid_transaction": []}
    for _ in range(n):
        donor, cc = b.pick(p.donors)
        approved = b.day(dt.date(2021, 1, 1), b.today)
        currency = (
            {"JP": "JPY", "KR": "KRW", "BE": "EUR", "DE": "EUR", "FI": "EUR", "CH": "EUR"}.get(
                cc, "USD"
            )
            if b.rng.random() < 0.6
            else "VND"
        )
        committed_vnd = b.rng.randint(2, 400) * 50_000_000
        committed = _from_vnd(committed_vnd, currency, approved.year)
        pid = b.id("aid_project")
        end = approved + dt.timedelta(days=b.rng.randint(90, 900))
        status = (
            e.AidStatus.COMPLETED
            if end < b.today
            else b.pick([e.AidStatus.APPROVED, e.AidStatus.IN_PROGRESS])
        )
        row = {
            "id": pid,
            "ref": b.ref("VT", approved.year),
            "title": b.pick(v.AID_TITLES).format(p=b.pick(v.HUE_LOCALITIES)),
            "donor_id": donor,
            "sector": b.pick(
                [e.Sector.HEALTH, e.Sector.EDUCATION, e.Sector.DISASTER_RELIEF, e.Sector.SOCIAL]
            ),
            "beneficiary": f"UBND {b.pick(v.HUE_LOCALITIES)}",
            "approval_decision": f"{b.rng.randint(100, 3999)}/QĐ-UBND",
            "approved_on": approved,
            "start_date": approved,
            "end_date": end,
            "committed_amount": committed,
            "currency": currency,
            "status": status,
            "notes": None,
            **b.stamp(approved),
        }
        out["aid_project"].append(row)
        p.records.append(("aid_project", row["uuid"], row["ref"]))
        out["aid_transaction"].append(
            _tx(b, pid, e.TransactionType.COMMITMENT, approved, committed, currency, None)
        )
        if status is e.AidStatus.APPROVED:
            continue
        tranches = b.rng.randint(1, 4)
        paid = 0
        for t in range(tranches):
            share = committed // tranches if t < tranches - 1 else committed - paid
            if status is not e.AidStatus.COMPLETED and t == tranches - 1:
                break
            paid += share
            when = min(b.today, approved + dt.timedelta(days=30 + 90 * t))
            out["aid_transaction"].append(
                _tx(b, pid, e.TransactionType.DISBURSEMENT, when, share, currency, f"Đợt {t + 1}")
            )
    return out


def _from_vnd(vnd: int, currency: str, year: int) -> int:
    if currency == "VND":
        return vnd
    rate = Decimal(RATES[currency][year])
    from huedesk.money import exponent

    return int((Decimal(vnd) / rate).scaleb(exponent(currency)).to_integral_value())


def _tx(
    b: _Builder,
    pid: int,
    kind: e.TransactionType,
    day: dt.date,
    amount: int,
    currency: str,
    tranche: str | None,
) -> dict[str, Any]:
    rate = None if currency == "VND" else Decimal(RATES[currency][day.year])
    return {
        "id": b.id("aid_transaction"),
        "project_id": pid,
        "tx_type": kind,
        "value_date": day,
        "amount": amount,
        "currency": currency,
        "rate_to_vnd": rate,
        "amount_vnd": to_vnd(amount, currency, rate),
        "tranche": tranche,
        "document_ref": f"PT-{day.year}-{b.rng.randint(1, 9999):04d}"
        if kind is e.TransactionType.DISBURSEMENT
        else None,
        "notes": None,
        **b.stamp(day),
    }


def _fdi(b: _Builder, p: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    rows = []
    for _ in range(n):
        inv, cc, sector = b.pick(p.investors)
        licensed = b.day(dt.date(2005, 1, 1), b.today)
        status = b.pick(
            [
                e.FdiStatus.OPERATING,
                e.FdiStatus.OPERATING,
                e.FdiStatus.UNDER_CONSTRUCTION,
                e.FdiStatus.LICENSED,
                e.FdiStatus.SUSPENDED,
            ]
        )
        loc = b.pick(v.FDI_LOCATIONS)
        name = b.pick(v.FDI_NAMES).format(
            s=e.Sector(sector).label("vi").lower(), n=p.org_name(inv), l=loc
        )
        rows.append(
            {
                "id": b.id("fdi_project"),
                "ref": b.ref("FDI", licensed.year),
                "name": name,
                "investor_id": inv,
                "country_code": cc,
                "sector": e.Sector(sector),
                "registered_capital": b.rng.randint(5, 3000) * 10_000_000,
                "currency": "USD",
                "licence_no": f"{b.rng.randint(1000000000, 9999999999)}",
                "licence_date": licensed,
                "location": loc,
                "status": status,
                "notes": None,
                **b.stamp(licensed),
            }
        )
        p.records.append(("fdi_project", rows[-1]["uuid"], rows[-1]["ref"]))
    return {"fdi_project": rows}


def _events(b: _Builder, p: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    rows = []
    codes = list(v.FOREIGN_NAMES)
    for _ in range(n):
        start = b.day(dt.date(2021, 1, 1), b.today + dt.timedelta(days=200))
        title, etype = b.pick(v.EVENTS)
        end = start + dt.timedelta(days=b.rng.randint(0, 7))
        status = (
            (e.EventStatus.REPORTED if b.rng.random() < 0.6 else e.EventStatus.HELD)
            if end < b.today
            else b.pick([e.EventStatus.PLANNED, e.EventStatus.CONFIRMED])
        )
        rows.append(
            {
                "id": b.id("event"),
                "ref": b.ref("SK", start.year),
                "title": title.format(y=start.year),
                "event_type": e.EventType(etype),
                "start_date": start,
                "end_date": end,
                "venue": b.pick(v.HUE_PLACES),
                "organiser": "UBND thành phố Huế",
                "foreign_participants": b.rng.randint(5, 800),
                "partner_countries": " ".join(sorted(b.rng.sample(codes, b.rng.randint(1, 5)))),
                "status": status,
                "notes": None,
                **b.stamp(start),
            }
        )
        p.records.append(("event", rows[-1]["uuid"], rows[-1]["ref"]))
    return {"event": rows}


def _tasks(b: _Builder, p: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    rows = []
    for _ in range(n):
        kind, src_uuid, src_ref = b.pick(p.records) if p.records else (None, None, "")
        due = b.day(dt.date(2021, 3, 1), b.today + dt.timedelta(days=90))
        status = (
            b.pick([e.TaskStatus.DONE, e.TaskStatus.DONE])
            if due < b.today
            else b.pick([e.TaskStatus.OPEN, e.TaskStatus.IN_PROGRESS])
        )
        rows.append(
            {
                "id": b.id("follow_up_task"),
                "ref": b.ref("CV", due.year),
                "title": b.pick(v.TASKS).format(r=src_ref, p="đối tác"),
                "due_date": due,
                "status": status,
                "assignee": b.pick(v.OFFICERS),
                "source_kind": kind,
                "source_uuid": src_uuid,
                "done_on": due if status is e.TaskStatus.DONE else None,
                "notes": None,
                **b.stamp(due),
            }
        )
    return {"follow_up_task": rows}


def _attachments(b: _Builder, p: _Pools, n: int, folder: Path) -> list[dict[str, Any]]:
    """Small official-letter text files attached to some records, stored by content hash."""
    rows: list[dict[str, Any]] = []
    for i in range(min(n, len(p.records))):
        kind, owner_uuid, ref = b.pick(p.records)
        number = b.rng.randint(100, 4999)
        text = (
            f"UBND THÀNH PHỐ HUẾ\nSỞ NGOẠI VỤ\nSố: {number}/SNV-HTQT\n\n"
            f"V/v triển khai hồ sơ {ref}\n\nSở Ngoại vụ kính gửi các cơ quan liên quan "
            f"nội dung phối hợp thực hiện hồ sơ {ref}.\n"
        )
        data = text.encode("utf-8")
        sha = hashlib.sha256(data).hexdigest()
        stored = f"{sha[:2]}/{sha}.txt"
        target = folder / stored
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(target.name + ".part")
            tmp.write_bytes(data)
            os.replace(tmp, target)
        rows.append(
            {
                "id": b.next_id["attachment"] + i,
                "owner_kind": kind,
                "owner_uuid": owner_uuid,
                "filename": f"Cong van {number}-SNV.txt",
                "stored_name": stored,
                "media_type": "text/plain",
                "size": len(data),
                "sha256": sha,
                "description": f"Công văn số {number}/SNV-HTQT",
                **b.stamp(b.today),
            }
        )
    return rows

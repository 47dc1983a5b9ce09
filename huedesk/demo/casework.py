"""Demo consular cases, aid projects and follow-up tasks that hang together.

A case about a Huế citizen abroad is in a country where Huế people work or
study, its actions follow the steps such a case takes, dated between its
opening and its closing; a case about a foreigner is in Huế. An aid project's
title matches its sector and its currency its donor's country; disbursements
never exceed the commitment and come after it, converted at the rate of their
own month. A follow-up task names its source and is due after it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from huedesk.db import enums as e
from huedesk.demo import vocabulary as v
from huedesk.demo.people import mid
from huedesk.money import exponent, to_vnd

if TYPE_CHECKING:  # the builder lives in the generator, which imports this module
    from huedesk.demo.generator import _Builder, _Pools

# Rough VND rates per unit by year, for transactions in foreign currency.
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
CURRENCY_BY_COUNTRY = {"JP": "JPY", "KR": "KRW", "BE": "EUR", "DE": "EUR", "FI": "EUR", "CH": "EUR"}
_FOREIGN_CASES = (e.CaseType.FOREIGNER_IN_HUE, e.CaseType.VISA_INVITATION)


def rate(currency: str, day: dt.date) -> Decimal:
    """The rate of a day: the year's rate moved by up to ±1.5 % across the months."""
    year = min(max(day.year, 2021), 2026)
    base = Decimal(RATES[currency][year])
    drift = Decimal(((day.month * 7) % 13) - 6) / Decimal(400)  # −1.5 % … +1.5 %
    places = 2 if base < 1000 else 0
    return (base * (1 + drift)).quantize(Decimal(1).scaleb(-places))


def cases(b: _Builder, pools: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {
        "consular_case": [],
        "case_person": [],
        "case_consent": [],
        "case_action": [],
    }
    p = pools.people
    types = list(e.CaseType)
    weights = [
        6 if t in (e.CaseType.LABOUR_DISPUTE, e.CaseType.CITIZEN_PROTECTION) else 2 for t in types
    ]
    for _ in range(n):
        ctype = b.rng.choices(types, weights)[0]
        spec = v.CASES[ctype.value]
        foreigner = ctype in _FOREIGN_CASES and any(p.visitors.values())
        if foreigner:
            cc = b.pick(sorted(c for c in p.visitors if p.visitors[c]))
            subject = b.pick(p.visitors[cc])
            place = b.pick(v.HUE_PLACES)
            country = "VN"
            mission = ""
        else:
            cc = b.pick(sorted(v.FOREIGN_PLACES))
            subject = b.pick(p.citizens) if p.citizens else b.pick(p.officers)
            place = b.pick(v.FOREIGN_PLACES[cc])
            country = cc
            mission = v.VN_MISSIONS.get(cc, "Cơ quan đại diện Việt Nam ở nước sở tại")
        if ctype is e.CaseType.DOCUMENT_REQUEST:
            place, country = "Sở Ngoại vụ", cc
        opened = b.day(dt.date(2021, 1, 1), b.today)
        steps = [s.format(mission=mission) for s in spec["actions"]]
        age = (b.today - opened).days
        closed = None
        if age > 150 or (age > 30 and b.rng.random() < 0.6):
            closed = opened + dt.timedelta(
                days=b.rng.randint(len(steps) * 3, max(len(steps) * 3, min(120, age)))
            )
        # steps taken so far: all of a closed case's, at least the first of an open one's
        done = len(steps) if closed else b.rng.randint(1, max(1, len(steps) - 1))
        if closed:
            status = e.CaseStatus.CLOSED if b.rng.random() < 0.8 else e.CaseStatus.RESOLVED
        elif done == 1:
            status = e.CaseStatus.OPEN  # only received so far ("Mới tiếp nhận")
        else:
            status = b.pick([e.CaseStatus.IN_PROGRESS, e.CaseStatus.AWAITING_RESPONSE])
        officer_id = b.pick(p.officers) if p.officers else None
        name = p.names.get(subject, "công dân")
        cid = b.id("consular_case")
        row = {
            "id": cid,
            "ref": b.ref("LS", opened.year),
            "case_type": ctype,
            "title": str(spec["title"]).format(name=name, place=place),
            "country_code": country,
            "location": place,
            "facts": str(spec["facts"]).format(
                day=f"{opened:%d/%m/%Y}", name=name, place=place, mission=mission
            ),
            "opened_on": opened,
            "closed_on": closed,
            "deadline": None if closed else _deadline(b, opened),
            "status": status,
            "officer_id": officer_id,
            "information_source": e.InformationSource(b.pick(spec["sources"])),
            "source_detail": None,
            "consulate_notified_at": dt.datetime.combine(opened, dt.time(10, 0), tzinfo=dt.UTC)
            if foreigner
            else None,
            "outcome": spec["outcome"] if closed else None,
            "notes": None,
            **b.stamp(opened, until=closed, recorded=True),
        }
        out["consular_case"].append(row)
        pools.add_source("consular_case", row, opened, None)
        out["case_person"].append(_case_person(b, cid, subject, e.CaseRole.SUBJECT, None, opened))
        relative = None if foreigner else _relative(b, pools, subject)
        if relative is not None and ctype is not e.CaseType.DOCUMENT_REQUEST:
            out["case_person"].append(
                _case_person(b, cid, relative[0], e.CaseRole.RELATIVE, relative[1], opened)
            )
        if b.rng.random() < 0.5:
            out["case_consent"].append(
                {
                    "id": b.id("case_consent"),
                    "case_id": cid,
                    "person_id": subject,
                    "recipient": "Bộ Ngoại giao (Cục Lãnh sự)",
                    "scope": "Thông tin nhân thân và diễn biến vụ việc",
                    "given_on": opened,
                    "withdrawn_on": None,
                    **b.stamp(opened, recorded=True),
                }
            )
        officer = p.names.get(officer_id) if officer_id is not None else None
        out["case_action"] += _actions(b, cid, steps[:done], steps, opened, closed, officer)
    return out


def _relative(b: _Builder, pools: _Pools, subject: int) -> tuple[int, str] | None:
    """A family member who reported the case, with how they are related to the subject.

    A father or brother shares the subject's family name; a mother or sister need not.
    """
    p = pools.people
    if len(p.citizens) < 2:
        return None
    other = b.pick(p.citizens)
    if other == subject:
        return None
    name, kin = p.names[subject], p.names[other]
    same_family = name.split(" ")[0] == kin.split(" ")[0]
    female = p.genders.get(other) is e.Gender.FEMALE
    subject_female = p.genders.get(subject) is e.Gender.FEMALE
    if female:
        role = b.pick(["Mẹ", "Chị gái", "Vợ"] if not subject_female else ["Mẹ", "Chị gái"])
    elif same_family:
        role = b.pick(["Cha", "Anh trai"])
    elif subject_female:
        role = "Chồng"
    else:
        return None
    return other, f"{role} của công dân {name}"


def _case_person(
    b: _Builder, cid: int, person: int, role: e.CaseRole, notes: str | None, day: dt.date
) -> dict[str, Any]:
    return {
        "id": b.id("case_person"),
        "case_id": cid,
        "person_id": person,
        "role": role,
        "notes": notes,
        **b.stamp(day, recorded=True),
    }


def _deadline(b: _Builder, opened: dt.date) -> dt.date:
    """An open case's deadline: set 15–60 days after it was received and, for most cases
    still open when it ran out, moved on by the officer (a few stay overdue, as in life)."""
    first = opened + dt.timedelta(days=b.rng.randint(15, 60))
    if first < b.today and b.rng.random() < 0.75:
        return b.today + dt.timedelta(days=b.rng.randint(3, 45))
    return first


def _actions(
    b: _Builder,
    cid: int,
    todo: list[str],
    steps: list[str],
    opened: dt.date,
    closed: dt.date | None,
    officer: str | None,
) -> list[dict[str, Any]]:
    """The steps taken (``todo``, the first of ``steps``) in order, dated from the case's
    opening to its closing (or up to today), by the officer the case is assigned to."""
    last_day = closed or b.today
    span = max(0, (last_day - opened).days)
    rows = []
    officer = officer or b.pick(v.OFFICERS)
    for i, action in enumerate(todo):
        day = opened + dt.timedelta(days=span * i // max(1, len(todo)))
        when = dt.datetime.combine(day, dt.time(8 + (i * 3) % 9, 30))
        nxt = (
            todo[i + 1]
            if i + 1 < len(todo)
            else (None if closed else steps[len(todo)] if len(todo) < len(steps) else None)
        )
        rows.append(
            {
                "id": b.id("case_action"),
                "case_id": cid,
                "taken_at": when,
                "action": action,
                "officer": officer,
                "next_step": nxt,
                **b.stamp(day, recorded=True),
            }
        )
    if closed:
        rows.append(
            {
                "id": b.id("case_action"),
                "case_id": cid,
                "taken_at": dt.datetime.combine(closed, dt.time(16, 0)),
                "action": "Đóng hồ sơ vụ việc",
                "officer": officer,
                "next_step": None,
                **b.stamp(closed, recorded=True),
            }
        )
    return rows


def aid(b: _Builder, pools: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"aid_project": [], "aid_transaction": []}
    p = pools.people
    donors = p.of_type("donor", "ngo", "government", "international_org")
    for _ in range(n):
        donor = b.pick(donors)
        approved = b.day(dt.date(2021, 1, 1), b.today)
        currency = CURRENCY_BY_COUNTRY.get(donor.country, "USD")
        if (donor.org_type == "donor" and b.rng.random() < 0.7) or b.rng.random() < 0.3:
            currency = "VND"
        committed_vnd = b.rng.randint(2, 400) * 50_000_000
        committed = _from_vnd(committed_vnd, currency, approved)
        pid = b.id("aid_project")
        end = approved + dt.timedelta(days=b.rng.randint(180, 900))
        status = (
            e.AidStatus.COMPLETED
            if end < b.today
            else b.pick([e.AidStatus.APPROVED, e.AidStatus.IN_PROGRESS, e.AidStatus.IN_PROGRESS])
        )
        sector = b.pick(sorted(v.AID_TITLES))
        locality = b.pick(v.HUE_LOCALITIES)
        row = {
            "id": pid,
            "ref": b.ref("VT", approved.year),
            "title": b.pick(v.AID_TITLES[sector]).format(p=locality),
            "donor_id": donor.id,
            "sector": e.Sector(sector),
            "beneficiary": f"UBND {locality}",
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
        pools.add_source("aid_project", row, approved, donor.name)
        out["aid_transaction"].append(
            _tx(b, pid, e.TransactionType.COMMITMENT, approved, committed, currency, None)
        )
        if status is e.AidStatus.APPROVED:
            continue
        tranches = b.rng.randint(1, 4)
        paid = 0
        for t in range(tranches):
            when = approved + dt.timedelta(days=30 + 90 * t)
            if status is e.AidStatus.COMPLETED:  # all paid by the project's end
                when = min(when, end)
            elif when > b.today or t == tranches - 1:  # the last tranche is still to come
                break
            share = committed // tranches if t < tranches - 1 else committed - paid
            paid += share
            out["aid_transaction"].append(
                _tx(b, pid, e.TransactionType.DISBURSEMENT, when, share, currency, f"Đợt {t + 1}")
            )
    return out


def _from_vnd(vnd: int, currency: str, day: dt.date) -> int:
    if currency == "VND":
        return vnd
    whole = Decimal(vnd) / rate(currency, day)
    # Donors commit round sums: to the thousand in the currency.
    return int((whole / 1000).to_integral_value() * 1000 * 10 ** exponent(currency))


def _tx(
    b: _Builder,
    pid: int,
    kind: e.TransactionType,
    day: dt.date,
    amount: int,
    currency: str,
    tranche: str | None,
) -> dict[str, Any]:
    day_rate = None if currency == "VND" else rate(currency, day)
    return {
        "id": b.id("aid_transaction"),
        "project_id": pid,
        "tx_type": kind,
        "value_date": day,
        "amount": amount,
        "currency": currency,
        "rate_to_vnd": day_rate,
        "amount_vnd": to_vnd(amount, currency, day_rate),
        "tranche": tranche,
        "document_ref": f"PT-{day.year}-{b.rng.randint(1, 9999):04d}"
        if kind is e.TransactionType.DISBURSEMENT
        else f"{b.rng.randint(100, 3999)}/QĐ-UBND",
        "notes": None,
        **b.stamp(day, recorded=True),
    }


_TASKS = {
    "delegation": [
        ("Báo cáo kết quả đón đoàn {r}", 7),
        ("Gửi thư cảm ơn {p}", 10),
        ("Triển khai nội dung đã thống nhất với {p}", 60),
    ],
    "agreement": [
        ("Chuẩn bị hồ sơ gia hạn thỏa thuận {r}", -60),
        ("Báo cáo sơ kết thực hiện {r}", 365),
    ],
    "partnership": [("Xây dựng kế hoạch hợp tác năm tới với {p}", 30)],
    "consular_case": [("Theo dõi kết quả xác minh vụ việc {r}", 14)],
    "fdi_project": [("Theo dõi tiến độ triển khai dự án {r}", 180)],
    "event": [("Báo cáo kết quả tổ chức sự kiện {r}", 14)],
    "aid_project": [
        ("Tổng hợp số liệu giải ngân dự án {r}", 90),
        ("Báo cáo nhà tài trợ {p} tiến độ dự án {r}", 180),
    ],
}


def tasks(b: _Builder, pools: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    rows = []
    for _ in range(n):
        src = b.pick(pools.sources) if pools.sources else None
        if src is None:
            title, due = "Tổng hợp báo cáo công tác đối ngoại tháng", b.today
            kind = uuid = None
        else:
            template, days = b.pick(_TASKS[src.kind])
            partner = mid(src.partner) if src.partner else "đối tác"
            title = template.format(r=src.ref, p=partner)
            due = (src.day if days >= 0 else src.end or src.day) + dt.timedelta(days=days)
            kind, uuid = src.kind, src.uuid
        raised = min(b.today, max(src.day if src else b.today, due - dt.timedelta(days=45)))
        if due < b.today - dt.timedelta(days=120):  # an office closes what is long past
            status = e.TaskStatus.DONE
        elif due < b.today:
            status = (
                e.TaskStatus.DONE
                if b.rng.random() < 0.85
                else b.pick([e.TaskStatus.OPEN, e.TaskStatus.IN_PROGRESS])
            )
        else:
            status = b.pick([e.TaskStatus.OPEN, e.TaskStatus.IN_PROGRESS])
        done_on = None
        if status is e.TaskStatus.DONE:
            done_on = min(b.today, max(raised, due - dt.timedelta(days=b.rng.randint(0, 10))))
        rows.append(
            {
                "id": b.id("follow_up_task"),
                "ref": b.ref("CV", raised.year),
                "title": title,
                "due_date": due,
                "status": status,
                "assignee": b.pick(v.OFFICERS),
                "source_kind": kind,
                "source_uuid": uuid,
                "done_on": done_on,
                "notes": None,
                **b.stamp(raised, until=done_on, recorded=True),
            }
        )
    return {"follow_up_task": rows}

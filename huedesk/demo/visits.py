"""Demo delegations: who comes or goes, why, the programme day by day, gifts and outcomes.

An inbound delegation is made of officials of its partner organisation, headed
by its highest-ranking member; an outbound one of Huế officials. The programme
runs from the first to the last day of the visit, in Huế for an inbound visit
(arrival at Phú Bài or the border gate, a call on the city's leaders, working
sessions on the visit's topic, site visits, farewell) and in the partner's
locality for an outbound one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from huedesk.db import enums as e
from huedesk.demo import vocabulary as v
from huedesk.demo.people import Org, People, Staff, mid
from huedesk.reference_data import COUNTRIES

if TYPE_CHECKING:  # the builder lives in the generator, which imports this module
    from huedesk.demo.generator import _Builder, _Pools

COUNTRY_VI = {code: vi for code, vi, _en in COUNTRIES}
# How likely a partner of each type is to be the other side of a visit (inbound).
INBOUND_WEIGHTS = {
    "partner_locality": 6.0,
    "embassy": 3.0,
    "consulate": 2.0,
    "government": 2.0,
    "international_org": 1.5,
    "ngo": 1.0,
    "donor": 0.5,
    "university": 1.5,
    "investor": 1.0,
    "company": 0.3,
}
# Days a visit lasts, first to last, by partner type (inbound; outbound trips add travel).
DURATION = {
    "partner_locality": (2, 4),
    "embassy": (1, 2),
    "consulate": (1, 2),
    "university": (2, 3),
    "investor": (1, 2),
    "company": (1, 2),
}


@dataclass(frozen=True)
class Item:
    """One programme line before it becomes a row."""

    at: dt.datetime
    minutes: int
    activity: str
    place: str
    participants: str
    office: str


def delegations(b: _Builder, pools: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {
        "delegation": [],
        "delegation_member": [],
        "programme_item": [],
        "gift": [],
    }
    p = pools.people
    inbound = p.staffed(*INBOUND_WEIGHTS) or p.staffed(*INBOUND_WEIGHTS, minimum=1)
    # Huế goes abroad to its partner localities, and now and then to a partner university.
    abroad = [o for o in p.of_type("partner_locality") if o.country != "VN"]
    universities = [o for o in p.of_type("university") if o.country != "VN"]
    hue = p.hue_staff()
    for _ in range(n):
        if hue and abroad and (b.rng.random() < 0.3 or not inbound):
            choice = b.pick(universities) if universities and b.rng.random() < 0.1 else None
            _visit(b, pools, out, choice or b.pick(abroad), outbound=True)
        else:
            pool = inbound or [o for o in p.orgs.values() if o.country != "VN"]
            weights = [INBOUND_WEIGHTS.get(o.org_type, 0.3) for o in pool]
            _visit(b, pools, out, b.rng.choices(pool, weights)[0], outbound=False)
    return out


def _visit(
    b: _Builder, pools: _Pools, out: dict[str, list[dict[str, Any]]], org: Org, *, outbound: bool
) -> None:
    p = pools.people
    lo, hi = DURATION.get(org.org_type, (1, 3))
    if outbound:
        lo, hi = (3, 5) if org.country == "LA" else (4, 7)
    start = b.day(dt.date(2021, 1, 1), b.today + dt.timedelta(days=150))
    end = start + dt.timedelta(days=b.rng.randint(lo, hi) - 1)
    status = _status(b, start, end)
    done = status in (e.DelegationStatus.COMPLETED, e.DelegationStatus.REPORTED)
    topic_name = b.pick(v.TOPICS_BY_PARTNER.get(org.org_type, ["friendship"]))
    topic = v.TOPICS[topic_name]
    partner, country = mid(org.name), COUNTRY_VI.get(org.country, org.country)
    team = _hue_team(b, p, topic_name) if outbound else _guests(b, p, org)
    host = _hue_host(b, p, team[0] if team and not outbound else None)
    head_abroad = p.staff.get(org.id, [None])[0] if outbound else None
    did = b.id("delegation")
    row = {
        "id": did,
        "ref": b.ref("ĐR" if outbound else "ĐV", start.year),
        "direction": e.Direction.OUTBOUND if outbound else e.Direction.INBOUND,
        "title": _title(b, pools, org, topic, start, outbound),
        "partner_id": org.id,
        "country_code": org.country,
        "purpose": b.pick(topic["purpose"]),
        "start_date": start,
        "end_date": end,
        "status": status,
        "hosts": _who(p, head_abroad) if outbound else _who(p, host),
        "talking_points": _talking_points(b, topic, partner, country, start.year),
        "press": b.maybe(0.3, "Báo và Phát thanh, Truyền hình Huế đưa tin.") if done else None,
        "outcomes": b.pick(topic["outcome"]) if done else None,
        "documents_signed": b.maybe(
            0.2,
            f"Biên bản ghi nhớ hợp tác về {b.pick(v.AGREEMENT_FIELDS)} giữa UBND thành phố "
            f"Huế và {partner}",
        )
        if done
        else None,
        "approval_decision": _decision(b, start) if outbound else None,
        "budget_vnd": _budget(b, org.country) if outbound else None,
        "itinerary": None,
        "notes": None,
        **b.stamp(start),
    }
    out["delegation"].append(row)
    pools.add_source("delegation", row, start, org.name)
    for rank, (member, role) in enumerate(_roles(team), 1):
        out["delegation_member"].append(_member(b, did, member, role, rank, org, outbound, start))
    items = (
        _abroad(b, p, org, topic_name, start, end)
        if outbound
        else _in_hue(b, p, org, topic_name, host, start, end)
    )
    for item in items:
        out["programme_item"].append(
            {
                "id": b.id("programme_item"),
                "delegation_id": did,
                "starts_at": item.at,
                "ends_at": item.at + dt.timedelta(minutes=item.minutes),
                "place": item.place,
                "activity": item.activity,
                "hue_participants": item.participants,
                "responsible_office": item.office,
                "notes": None,
                **b.stamp(start),
            }
        )
    if status is not e.DelegationStatus.CANCELLED and (done or b.rng.random() < 0.6):
        ours = (team[0] if team else None) if outbound else host
        theirs = head_abroad if outbound else (team[0] if team else None)
        out["gift"] += _gifts(b, p, did, org, ours, theirs, start, pools.gifts, received=done)


def _status(b: _Builder, start: dt.date, end: dt.date) -> e.DelegationStatus:
    if b.rng.random() < 0.04:
        return e.DelegationStatus.CANCELLED
    if end < b.today:
        return e.DelegationStatus.REPORTED if b.rng.random() < 0.7 else e.DelegationStatus.COMPLETED
    if start <= b.today:
        return e.DelegationStatus.IN_PROGRESS
    return e.DelegationStatus.APPROVED if b.rng.random() < 0.5 else e.DelegationStatus.PLANNED


def _title(
    b: _Builder,
    pools: _Pools,
    org: Org,
    topic: dict[str, Any],
    start: dt.date,
    outbound: bool,
) -> str:
    partner, country = mid(org.name), COUNTRY_VI.get(org.country, org.country)
    if outbound:
        what = b.pick(topic["title_out"]).format(p=partner, c=country)
        if org.country not in partner and org.org_type == "partner_locality":
            what += f", {country}"
        title = f"{b.pick(v.OUTBOUND_LEADS)} {what}"
    else:
        lead = b.pick(v.DELEGATION_LEADS.get(org.org_type, ["Đoàn {p}"]))
        title = f"{lead.format(p=partner, c=country)} {b.pick(topic['title_in'])}"
    since = pools.since.get(org.id)
    years = start.year - since.year if since else 0
    if since and years > 0 and years % 5 == 0 and start.month >= since.month:
        title += f" nhân kỷ niệm {years} năm thiết lập quan hệ"
    elif not outbound and start.month == 6 and b.rng.random() < 0.5:
        title += f" và dự Festival Huế {start.year}"
    return title


def _guests(b: _Builder, p: People, org: Org) -> list[Staff]:
    """The partner's officials on this visit, its head first."""
    staff = [s for s in p.staff.get(org.id, []) if s.office != "Phiên dịch"]
    if not staff:
        return []
    top = [s for s in staff if s.rank == 1]
    second = [s for s in staff if s.rank == 2]
    if top and (b.rng.random() < 0.35 or not second):
        head = top[0]
    elif second:
        head = b.pick(second)
    else:
        head = staff[0]
    others = [s for s in staff if s is not head and s.rank >= head.rank]
    team = [head, *b.rng.sample(others, b.rng.randint(min(1, len(others)), min(4, len(others))))]
    interpreters = [s for s in p.staff.get(org.id, []) if s.office == "Phiên dịch"]
    if interpreters and b.rng.random() < 0.8:
        team.append(interpreters[0])
    return team


def _hue_team(b: _Builder, p: People, topic: str) -> list[Staff]:
    """Huế officials going abroad: a city leader or the foreign-affairs director, and staff."""
    committee = p.staff.get(p.committee or -1, [])
    snv = p.staff.get(p.departments.get("Sở Ngoại vụ", -1), [])
    leaders = [s for s in committee if s.rank <= 2]
    roll = b.rng.random()
    if leaders and roll < 0.8:
        chair = [s for s in leaders if s.rank == 1]
        head = chair[0] if chair and roll < 0.2 else b.pick(leaders)
    elif snv:
        head = snv[0]
    else:  # a small demo may have no leader and no foreign-affairs official yet
        officials = sorted(p.hue_staff(), key=lambda s: s.rank)
        if not officials:
            return []
        head = officials[0]
    team = [head]
    dept = p.department_for(topic)
    for org_id in dict.fromkeys([dept, p.departments.get("Sở Ngoại vụ")]):
        chiefs = [s for s in p.staff.get(org_id or -1, []) if s.rank <= 4 and s not in team]
        if chiefs:
            team.append(chiefs[0] if b.rng.random() < 0.6 else b.pick(chiefs))
    clerks = [s for s in snv if s.rank >= 5 and s not in team]
    if clerks:
        team.append(clerks[0])
    return team


def _hue_host(b: _Builder, p: People, guest: Staff | None) -> Staff | None:
    """Who receives an inbound delegation: the chairman for a head of government, else a deputy."""
    committee = p.staff.get(p.committee or -1, [])
    snv = p.staff.get(p.departments.get("Sở Ngoại vụ", -1), [])
    if guest is not None and guest.rank == 1 and committee:
        return committee[0]
    deputies = [s for s in committee if s.rank == 2]
    if deputies and (guest is None or guest.rank <= 2):
        return b.pick(deputies)
    return snv[0] if snv else (committee[0] if committee else None)


def _who(p: People, s: Staff | None) -> str | None:
    """``Đồng chí Nguyễn Văn A, Phó Chủ tịch UBND thành phố`` / ``Ngài X, Thống đốc tỉnh Gifu``."""
    if s is None:
        return None
    form = s.address.split(" ")[0] if s.address.startswith("Ngài") else s.address
    return f"{form} {s.name}, {p.title(s)}"


def _roles(team: list[Staff]) -> list[tuple[Staff, str]]:
    roles: list[tuple[Staff, str]] = []
    deputy_given = False
    for i, s in enumerate(team):
        if i == 0:
            role = v.MEMBER_ROLES["head"]
        elif s.office in ("Phiên dịch",):
            role = v.MEMBER_ROLES["interpreter"]
        elif not deputy_given and s.rank <= 3:
            role, deputy_given = v.MEMBER_ROLES["deputy"], True
        elif i == len(team) - 1 and s.rank >= 5:
            role = v.MEMBER_ROLES["secretary"]
        else:
            role = v.MEMBER_ROLES["member"]
        roles.append((s, role))
    return roles


def _member(
    b: _Builder,
    did: int,
    s: Staff,
    role: str,
    precedence: int,
    org: Org,
    outbound: bool,
    start: dt.date,
) -> dict[str, Any]:
    theirs = v.LANGUAGES.get(org.country, "Tiếng Anh")
    if role == v.MEMBER_ROLES["interpreter"]:
        language = f"{theirs}, tiếng Việt"
    elif outbound:
        language = "Tiếng Việt" if b.rng.random() < 0.7 else "Tiếng Việt, tiếng Anh"
    else:
        language = theirs
    return {
        "id": b.id("delegation_member"),
        "delegation_id": did,
        "person_id": s.id,
        "title": role,
        "form_of_address": s.address,
        "precedence": precedence,
        "is_head": precedence == 1,
        "language": language,
        "dietary_needs": None if outbound else b.pick(v.DIETS),
        "notes": None,
        **b.stamp(start),
    }


def _talking_points(
    b: _Builder, topic: dict[str, Any], partner: str, country: str, year: int
) -> str:
    points = [str(t).format(p=partner, c=country) for t in topic["talk"]]
    extra = [
        f"Thông tin về tình hình kinh tế - xã hội của thành phố Huế năm {year - 1}",
        f"Đề nghị {partner} tiếp tục quan tâm, hỗ trợ công dân Huế đang sinh sống tại {country}",
        "Đề xuất duy trì trao đổi đoàn các cấp hằng năm",
    ]
    points += b.rng.sample(extra, b.rng.randint(0, 2))
    return "\n".join(f"- {t}" for t in points)


def _decision(b: _Builder, start: dt.date) -> str:
    signed = start - dt.timedelta(days=b.rng.randint(10, 40))
    return f"{b.rng.randint(100, 3999)}/QĐ-UBND ngày {signed:%d/%m/%Y}"


def _budget(b: _Builder, cc: str) -> int:
    low, high = (40, 150) if cc == "LA" else (200, 700) if cc in ("JP", "KR", "CN") else (600, 1500)
    return b.rng.randint(low, high) * 1_000_000


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def _split(entry: str) -> tuple[str, str]:
    activity, _, place = entry.partition("|")
    return activity, place or v.HUE_COMMITTEE_SEAT


def _session_place(text: str) -> str:
    for key, place in v.SESSION_PLACES.items():
        if key in text:
            return place
    return v.HUE_COMMITTEE_SEAT


def _office_for(p: People, text: str, fallback: str) -> str:
    for name in p.departments:
        if name in text:
            return name
    return fallback


def _in_hue(
    b: _Builder,
    p: People,
    org: Org,
    topic_name: str,
    host: Staff | None,
    start: dt.date,
    end: dt.date,
) -> list[Item]:
    topic = v.TOPICS[topic_name]
    arrival = org.arrival if org.country == "LA" and org.arrival else v.HUE_AIRPORT
    host_title = p.title(host) if host else "Lãnh đạo UBND thành phố"
    dept = p.department_for(topic_name)
    dept_name = p.orgs[dept].name if dept else "Sở Ngoại vụ"
    visits = [_split(str(x)) for x in topic["visit"]]
    b.rng.shuffle(visits)
    pending = [(str(s), _session_place(str(s)), True) for s in topic["session"]]
    pending += [(a, place, False) for a, place in visits]
    courtesy = org.org_type in ("embassy", "consulate")
    call = (
        "Chào xã giao Lãnh đạo UBND thành phố" if courtesy else "Hội kiến Lãnh đạo UBND thành phố"
    )
    call_who = f"{host_title}; lãnh đạo Sở Ngoại vụ"
    items: list[Item] = []
    if start == end:
        items.append(
            Item(
                _at(start, 9), 60, call, v.HUE_COMMITTEE_SEAT, call_who, "Văn phòng UBND thành phố"
            )
        )
        slots = [(start, 10, 30), (start, 14, 0)]
    else:
        items += [
            Item(
                _at(start, 8, 30),
                45,
                f"Đón đoàn tại {arrival}",
                arrival,
                "Lãnh đạo Sở Ngoại vụ",
                "Sở Ngoại vụ",
            ),
            Item(
                _at(start, 10), 60, call, v.HUE_COMMITTEE_SEAT, call_who, "Văn phòng UBND thành phố"
            ),
            Item(
                _at(start, 18, 30),
                120,
                "Chiêu đãi của Lãnh đạo thành phố",
                b.pick(v.HUE_DINNER),
                host_title,
                "Sở Ngoại vụ",
            ),
            Item(
                _at(end, 11),
                45,
                f"Tiễn đoàn tại {arrival}",
                arrival,
                "Lãnh đạo Sở Ngoại vụ",
                "Sở Ngoại vụ",
            ),
        ]
        slots = [(start, 14, 0)]
        day = start + dt.timedelta(days=1)
        while day < end:
            slots += [(day, 8, 30), (day, 10, 30), (day, 14, 0), (day, 15, 30)]
            day += dt.timedelta(days=1)
        slots.append((end, 8, 30))
    for (day, hour, minute), (activity, place, session) in zip(slots, pending, strict=False):
        office = _office_for(p, activity, dept_name if session else "Sở Ngoại vụ")
        who = f"Lãnh đạo {office}" if session else "Đại diện Sở Ngoại vụ"
        items.append(Item(_at(day, hour, minute), 90, activity, place, who, office))
    items.sort(key=lambda it: it.at)
    return items


def _abroad(
    b: _Builder, p: People, org: Org, topic: str, start: dt.date, end: dt.date
) -> list[Item]:
    partner, country = mid(org.name), COUNTRY_VI.get(org.country, org.country)
    arrival = org.arrival or v.COUNTRY_AIRPORTS.get(org.country, f"Sân bay quốc tế tại {country}")
    seat = org.seat or f"Trụ sở {partner}"
    by_road = org.country == "LA"
    dept = p.department_for(topic)
    dept_name = p.orgs[dept].name if dept else "Sở Ngoại vụ"
    items = [
        Item(
            _at(start, 7, 30),
            60 if not by_road else 240,
            f"Khởi hành đi {partner} qua {arrival}" if by_road else f"Khởi hành từ {v.HUE_AIRPORT}",
            arrival if by_road else v.HUE_AIRPORT,
            "Toàn đoàn",
            "Sở Ngoại vụ",
        ),
        Item(
            _at(start, 16),
            60,
            f"Đến {partner}; đại diện {partner} đón đoàn"
            if by_road
            else f"Đến {arrival}; đại diện {partner} đón đoàn",
            seat if by_road else arrival,
            "Toàn đoàn",
            "Sở Ngoại vụ",
        ),
    ]
    plan = [f"Hội kiến Lãnh đạo {partner}"]
    plan += [t.format(p=partner, c=country) for t in v.ABROAD_BY_TOPIC.get(topic, [])]
    if org.org_type == "partner_locality":
        plan += [t.format(p=partner, c=country) for t in v.ABROAD_SESSIONS[1:]]
    visits = [t.format(p=partner, c=country) for t in v.ABROAD_VISITS]
    day, spare = start + dt.timedelta(days=1), 0
    while day < end:
        todo, plan = plan[:3], plan[3:]
        if not todo:  # the days left go to visits in the partner's area
            todo, spare = [visits[spare % len(visits)]], spare + 1
        for (hour, minute), activity in zip(((9, 0), (14, 0), (16, 0)), todo, strict=False):
            call = "Lãnh đạo" in activity
            place = seat if call else partner[0].upper() + partner[1:]
            who = "Toàn đoàn" if call else f"Trưởng đoàn; lãnh đạo {dept_name}"
            office = "Sở Ngoại vụ" if call else dept_name
            items.append(Item(_at(day, hour, minute), 90, activity, place, who, office))
        if day == start + dt.timedelta(days=1):
            dinner = f"Dự tiệc chiêu đãi của Lãnh đạo {partner}"
            items.append(Item(_at(day, 18, 30), 120, dinner, seat, "Toàn đoàn", "Sở Ngoại vụ"))
        day += dt.timedelta(days=1)
    items.append(
        Item(
            _at(end, 9 if by_road else 13),
            60,
            "Về đến Huế, kết thúc chuyến công tác",
            v.HUE_COMMITTEE_SEAT if by_road else v.HUE_AIRPORT,
            "Toàn đoàn",
            "Sở Ngoại vụ",
        )
    )
    return items


def _gifts(
    b: _Builder,
    p: People,
    did: int,
    org: Org,
    ours: Staff | None,
    theirs: Staff | None,
    start: dt.date,
    gifts_given: dict[int, list[str]],
    *,
    received: bool,
) -> list[dict[str, Any]]:
    """Gifts given by the Huế side (planned before the visit) and, once it is over, received."""
    hue_side = _who(p, ours) or "Lãnh đạo UBND thành phố"
    their_side = _who(p, theirs) or org.name
    given_before = gifts_given.setdefault(org.id, [])
    fresh = [g for g in v.GIFTS_GIVEN if g not in given_before[-4:]]  # not what they had lately
    gift = b.pick(fresh or v.GIFTS_GIVEN)
    given_before.append(gift)
    rows = [(e.GiftDirection.GIVEN, gift, hue_side, their_side)]
    if received:
        options = v.GIFTS_RECEIVED.get(org.country, v.GIFTS_RECEIVED_OTHER)
        rows.append((e.GiftDirection.RECEIVED, b.pick(options), their_side, hue_side))
    return [
        {
            "id": b.id("gift"),
            "delegation_id": did,
            "direction": direction,
            "description": description,
            "giver": giver,
            "recipient": recipient,
            "value_vnd": b.rng.randint(5, 50) * 100_000
            if direction is e.GiftDirection.GIVEN
            else None,
            "notes": None,
            **b.stamp(start),
        }
        for direction, description, giver, recipient in rows
    ]

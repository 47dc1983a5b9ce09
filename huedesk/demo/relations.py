"""Demo partnerships, agreements, FDI projects, events and attached letters.

Partnerships are the department's real partner localities; agreements are
signed with a partner (most under a partnership) by the Huế body their signing
level names; an FDI project's name fits its investor's sector; events recur in
the month they are held in, with partner countries that fit their subject.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from huedesk.db import enums as e
from huedesk.demo import vocabulary as v
from huedesk.demo.people import mid

if TYPE_CHECKING:  # the builder lives in the generator, which imports this module
    from huedesk.demo.generator import _Builder, _Pools

_SECTOR_OF_INVESTOR = {vi: sector for vi, _en, _cc, sector in v.INVESTORS}
WORKSHOP_TOPICS = [
    "du lịch bền vững",
    "bảo tồn di sản đô thị",
    "y học cổ truyền",
    "thích ứng biến đổi khí hậu",
    "kinh tế biển",
    "chuyển đổi số trong quản lý di sản",
    "giáo dục nghề nghiệp",
    "nông nghiệp hữu cơ",
]


def partnerships(b: _Builder, pools: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    rows = []
    localities = pools.people.of_type("partner_locality")
    for org, spec in zip(localities[:n], v.PARTNER_LOCALITIES[:n], strict=False):
        early = org.country == "LA"
        since = b.day(
            dt.date(1995 if early else 2005, 1, 1), dt.date(2012 if early else 2024, 12, 31)
        )
        status = (
            e.PartnershipStatus.NEGOTIATING
            if org.country == "RU"
            else e.PartnershipStatus.ESTABLISHED
        )
        row = {
            "id": b.id("partnership"),
            "ref": b.ref("HT", since.year),
            "partner_id": org.id,
            "country_code": org.country,
            "level": e.LocalityLevel(spec[3]),
            "relation_type": e.RelationType(spec[4]),
            "since": None if status is e.PartnershipStatus.NEGOTIATING else since,
            "status": status,
            "hue_side": v.HUE_COMMITTEE,
            "notes": None,
            **b.stamp(since),
        }
        rows.append(row)
        if row["since"] is not None:
            pools.since[org.id] = since
        pools.partnerships.append((row["id"], org.id, org.country))
        pools.add_source("partnership", row, since, org.name)
    return {"partnership": rows}


def agreements(b: _Builder, pools: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    rows = []
    p = pools.people
    others = p.of_type("donor", "ngo", "government", "international_org", "university")
    departments = sorted(p.departments)
    for _ in range(n):
        ps = b.pick(pools.partnerships) if pools.partnerships and b.rng.random() < 0.7 else None
        org = p.orgs[ps[1]] if ps else b.pick(others)
        start = pools.since.get(org.id, dt.date(2005, 1, 1))
        signed = b.day(max(start, dt.date(2005, 1, 1)), b.today)
        expires = signed + dt.timedelta(days=365 * b.pick([3, 5, 5, 10]) - 1)
        if expires < b.today:
            status = e.AgreementStatus.EXPIRED
        else:
            status = b.pick(
                [e.AgreementStatus.IN_FORCE, e.AgreementStatus.IN_FORCE, e.AgreementStatus.SIGNED]
            )
        atype = b.pick(
            list(e.AgreementType)[:3] if ps else [e.AgreementType.MOU, e.AgreementType.COOPERATION]
        )
        level = b.pick(list(e.SigningLevel))
        signatory = {
            e.SigningLevel.CITY_COMMITTEE: v.HUE_COMMITTEE,
            e.SigningLevel.CITY_AGENCY: b.pick(departments) if departments else "Sở Ngoại vụ",
            e.SigningLevel.CENTRAL_AGENCY: "Đại học Huế",
        }[level]
        fields = ", ".join(b.rng.sample(v.AGREEMENT_FIELDS, 2))
        row = {
            "id": b.id("agreement"),
            "ref": b.ref("TT", signed.year),
            "title": f"{atype.label('vi')} hợp tác về {fields} giữa {signatory} và {mid(org.name)}",
            "agreement_type": atype,
            "counterpart_id": org.id,
            "country_code": org.country,
            "partnership_id": ps[0] if ps else None,
            "hue_signatory": signatory,
            "signing_level": level,
            "signed_on": signed,
            "effective_from": signed,
            "expires_on": expires,
            "status": status,
            "fields": fields,
            "follow_up": b.maybe(
                0.4, "Trao đổi đoàn hằng năm; Sở Ngoại vụ theo dõi, tổng hợp kết quả thực hiện."
            ),
            "notes": None,
            **b.stamp(signed),
        }
        rows.append(row)
        pools.add_source("agreement", row, signed, org.name, end=expires)
    return {"agreement": rows}


def fdi(b: _Builder, pools: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    rows = []
    investors = pools.people.of_type("investor") or pools.people.of_type("company")
    for _ in range(n):
        inv = b.pick(investors)
        sector = _SECTOR_OF_INVESTOR.get(inv.name) or b.pick(sorted(v.FDI_NAMES))
        licensed = b.day(dt.date(2005, 1, 1), b.today)
        age = (b.today - licensed).days
        status = (
            b.pick([e.FdiStatus.OPERATING, e.FdiStatus.OPERATING, e.FdiStatus.SUSPENDED])
            if age > 730
            else b.pick([e.FdiStatus.LICENSED, e.FdiStatus.UNDER_CONSTRUCTION])
        )
        short = (inv.name_en or inv.name).split(" Co.,")[0]
        loc = b.pick(v.FDI_LOCATIONS)
        capital = (
            b.rng.randint(5, 3000) * 10_000_000
            if sector != "energy"
            else b.rng.randint(500, 4000) * 10_000_000
        )
        rows.append(
            {
                "id": b.id("fdi_project"),
                "ref": b.ref("FDI", licensed.year),
                "name": b.pick(v.FDI_NAMES[sector]).format(n=short),
                "investor_id": inv.id,
                "country_code": inv.country,
                "sector": e.Sector(sector),
                "registered_capital": capital,
                "currency": "USD",
                "licence_no": f"{b.rng.randint(1000000000, 9999999999)}",
                "licence_date": licensed,
                "location": loc,
                "status": status,
                "notes": None,
                **b.stamp(licensed, recorded=True),
            }
        )
        pools.add_source("fdi_project", rows[-1], licensed, inv.name)
    return {"fdi_project": rows}


def events(b: _Builder, pools: _Pools, n: int) -> dict[str, list[dict[str, Any]]]:
    rows = []
    countries = sorted(v.FOREIGN_NAMES)
    last_year = (b.today + dt.timedelta(days=200)).year
    for _ in range(n):
        year = b.rng.randint(2021, last_year)
        if b.rng.random() < 0.5:
            title, etype, month, days = b.pick(v.EVENTS)
            title = title.format(y=year)
        else:
            etype, days = b.pick(["workshop", "conference"]), b.rng.randint(1, 2)
            month = b.rng.randint(1, 12)
            title = f"Hội thảo quốc tế về {b.pick(WORKSHOP_TOPICS)} năm {year}"
        start = dt.date(year, month, b.rng.randint(1, 20))
        end = start + dt.timedelta(days=days - 1)
        status = (
            (e.EventStatus.REPORTED if b.rng.random() < 0.6 else e.EventStatus.HELD)
            if end < b.today
            else b.pick([e.EventStatus.PLANNED, e.EventStatus.CONFIRMED])
        )
        partners = _event_countries(b, title, countries)
        scale = 300 if etype == "festival" else 60 if etype in ("conference", "sport") else 25
        rows.append(
            {
                "id": b.id("event"),
                "ref": b.ref("SK", start.year),
                "title": title,
                "event_type": e.EventType(etype),
                "start_date": start,
                "end_date": end,
                "venue": b.pick(v.EVENT_VENUES[etype]),
                "organiser": v.HUE_COMMITTEE,
                "foreign_participants": b.rng.randint(scale // 3, scale * 3),
                "partner_countries": " ".join(partners),
                "status": status,
                "notes": None,
                **b.stamp(start),
            }
        )
        pools.add_source("event", rows[-1], start, None)
    return {"event": rows}


def _event_countries(b: _Builder, title: str, countries: list[str]) -> list[str]:
    for word, code in (("Nhật", "JP"), ("Gifu", "JP"), ("Hàn Quốc", "KR"), ("Thụy Sĩ", "CH")):
        if word in title:
            return [code]
    return sorted(b.rng.sample(countries, b.rng.randint(2, 6)))


def attachments(b: _Builder, pools: _Pools, n: int, folder: Path) -> list[dict[str, Any]]:
    """Small official-letter text files attached to some records, stored by content hash."""
    rows: list[dict[str, Any]] = []
    sources = [s for s in pools.sources if s.kind != "event"] or pools.sources
    for i in range(min(n, len(sources))):
        src = b.pick(sources)
        number = b.rng.randint(100, 4999)
        text = (
            f"UBND THÀNH PHỐ HUẾ\nSỞ NGOẠI VỤ\nSố: {number}/SNV-HTQT\n\n"
            f"V/v triển khai hồ sơ {src.ref}\n\nSở Ngoại vụ kính gửi các cơ quan liên quan "
            f"nội dung phối hợp thực hiện hồ sơ {src.ref}.\n"
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
                "owner_kind": src.kind,
                "owner_uuid": src.uuid,
                "filename": f"Cong van {number}-SNV.txt",
                "stored_name": stored,
                "media_type": "text/plain",
                "size": len(data),
                "sha256": sha,
                "description": f"Công văn số {number}/SNV-HTQT",
                **b.stamp(min(src.day, b.today)),
            }
        )
    return rows

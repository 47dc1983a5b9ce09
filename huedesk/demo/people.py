"""Demo organisations and people: who works where, in which office, and how they are addressed.

Every official belongs to one organisation and holds an office of that kind of
organisation (a governor in a prefecture, a counsellor in an embassy, a vice
chairman in the City People's Committee). Their form of address follows from
the office and their gender: "Ngài <office>" for senior foreign officials and
envoys, "Ông"/"Bà" for other foreigners, "Đồng chí" for Huế officials.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from huedesk.db import enums as e
from huedesk.db.models import DocumentSettings
from huedesk.demo import vocabulary as v

if TYPE_CHECKING:  # the builder lives in the generator, which imports this module
    from huedesk.demo.generator import _Builder

# Words that start an administrative unit's name; inside a sentence they are lower case.
_UNIT_WORDS = ("Tỉnh ", "Thành phố ", "Huyện ", "Vùng ", "Phủ ", "Khu tự trị ")
# Share of the planned people who are officials with an office (the rest are citizens).
STAFF_SHARE = 0.4


def mid(name: str) -> str:
    """A partner's name as written inside a sentence: ``Tỉnh Gifu`` → ``tỉnh Gifu``."""
    for word in _UNIT_WORDS:
        if name.startswith(word):
            return name[0].lower() + name[1:]
    return name


@dataclass(frozen=True)
class Org:
    """An organisation the demo data refers to."""

    id: int
    name: str
    name_en: str | None
    org_type: str
    country: str
    profile: str | None = None  # which office list its staff come from
    arrival: str | None = None  # where a delegation arrives (partner localities)
    seat: str | None = None  # the seat of its authority (partner localities)
    topics: tuple[str, ...] = ()  # what a Huế department works on


@dataclass(frozen=True)
class Staff:
    """An official: a person holding an office in an organisation."""

    id: int
    org: int
    name: str
    gender: e.Gender
    office: str
    rank: int
    address: str  # form of address

    @property
    def female(self) -> bool:
        return self.gender is e.Gender.FEMALE


@dataclass
class People:
    """Organisations and people already written, for the records that refer to them."""

    orgs: dict[int, Org] = field(default_factory=dict)
    staff: dict[int, list[Staff]] = field(default_factory=dict)  # org id -> by rank
    committee: int | None = None
    departments: dict[str, int] = field(default_factory=dict)  # name -> org id
    officers: list[int] = field(default_factory=list)  # person ids in the consular office
    citizens: list[int] = field(default_factory=list)  # Vietnamese, no office
    visitors: dict[str, list[int]] = field(default_factory=dict)  # country -> foreigners
    names: dict[int, str] = field(default_factory=dict)
    genders: dict[int, e.Gender] = field(default_factory=dict)

    def of_type(self, *types: str) -> list[Org]:
        return [o for o in self.orgs.values() if o.org_type in types]

    def staffed(self, *types: str, minimum: int = 2) -> list[Org]:
        """Foreign organisations of these types with at least ``minimum`` officials."""
        return [
            o
            for o in self.of_type(*types)
            if o.country != "VN" and len(self.staff.get(o.id, ())) >= minimum
        ]

    def hue_staff(self) -> list[Staff]:
        out: list[Staff] = []
        for org in [self.committee, *self.departments.values()]:
            if org is not None:
                out += self.staff.get(org, [])
        return out

    def title(self, s: Staff) -> str:
        """``Phó Chủ tịch UBND thành phố``, ``Thống đốc tỉnh Gifu``: office and organisation."""
        if s.org == self.committee:
            return f"{s.office} UBND thành phố"
        return f"{s.office} {mid(self.orgs[s.org].name)}"

    def department_for(self, topic: str) -> int | None:
        for org_id in self.departments.values():
            if topic in self.orgs[org_id].topics:
                return org_id
        return self.departments.get("Sở Ngoại vụ")


def fixed_org_count() -> int:
    return (
        1
        + len(v.HUE_DEPARTMENTS)
        + len(v.PARTNER_LOCALITIES)
        + len(v.EMBASSIES)
        + len(v.DONORS)
        + len(v.INVESTORS)
        + len(v.UNIVERSITIES)
    )


def _org_row(b: _Builder, org: Org) -> dict[str, Any]:
    day = b.day(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    return {
        "id": org.id,
        "ref": b.ref("TC", day.year),
        "name": org.name,
        "name_en": org.name_en,
        "org_type": e.OrgType(org.org_type),
        "country_code": org.country,
        "address": None,
        "website": None,
        "notes": None,
        **b.stamp(day),
    }


def organisations(b: _Builder, p: People, n: int) -> dict[str, list[dict[str, Any]]]:
    """The department's real partners first (once), then companies, funds and NGOs."""
    made: list[Org] = []
    if not p.orgs:
        p.committee = b.id("organisation")
        made.append(
            Org(
                p.committee,
                v.HUE_COMMITTEE,
                "Huế City People's Committee",
                "vietnamese_agency",
                "VN",
            )
        )
        for name, name_en, topics in v.HUE_DEPARTMENTS:
            org = Org(b.id("organisation"), name, name_en, "vietnamese_agency", "VN", topics=topics)
            p.departments[name] = org.id
            made.append(org)
        for vi, en, cc, _level, _rel, profile, arrival, seat in v.PARTNER_LOCALITIES:
            made.append(
                Org(b.id("organisation"), vi, en, "partner_locality", cc, profile, arrival, seat)
            )
        for vi, en, cc in v.EMBASSIES:
            kind = "embassy" if vi.startswith("Đại sứ") else "consulate"
            made.append(Org(b.id("organisation"), vi, en, kind, cc, kind))
        for vi, en, cc, kind in v.DONORS:
            made.append(Org(b.id("organisation"), vi, en, kind, cc, "donor"))
        for vi, en, cc, _sector in v.INVESTORS:
            made.append(Org(b.id("organisation"), vi, en, "investor", cc, "company"))
        for vi, en, cc in v.UNIVERSITIES:
            made.append(Org(b.id("organisation"), vi, en, "university", cc, "university"))
    countries = sorted(v.FOREIGN_NAMES)
    while len(made) < n:
        cc = b.pick(countries)
        kind = b.pick(sorted(v.ORG_PATTERNS))
        vi, en = b.pick(v.ORG_PATTERNS[kind])
        family = b.pick(v.FOREIGN_NAMES[cc][0])
        profile = "donor" if kind in ("ngo", "donor") else "company"
        made.append(
            Org(b.id("organisation"), vi.format(f=family), en.format(f=family), kind, cc, profile)
        )
    for org in made:
        p.orgs[org.id] = org
    return {"organisation": [_org_row(b, o) for o in made]}


def vn_name(b: _Builder, female: bool | None = None) -> tuple[str, e.Gender]:
    if female is None:
        female = b.rng.random() < 0.5
    family = b.pick(v.VN_FAMILY)
    while family in v.VN_FEMALE_FAMILY and not female:
        family = b.pick(v.VN_FAMILY)
    mid_name = b.pick(v.VN_MIDDLE_F if female else v.VN_MIDDLE_M)
    given = b.pick(v.VN_GIVEN_F if female else v.VN_GIVEN_M)
    return f"{family} {mid_name} {given}", e.Gender.FEMALE if female else e.Gender.MALE


def foreign_name(b: _Builder, cc: str, female: bool) -> str:
    families, men, women = v.FOREIGN_NAMES[cc]
    family = b.pick(families)
    if female and cc in v.FEMININE_FAMILY:
        family += v.FEMININE_FAMILY[cc]
    given = b.pick(women if female else men)
    return f"{family} {given}" if cc in v.FAMILY_FIRST else f"{given} {family}"


def _address(profile: str | None, office: str, rank: int, female: bool, hue: bool) -> str:
    """How the department addresses an official (Decree-style protocol forms)."""
    if hue:
        return "Đồng chí"
    if profile in v.EXCELLENCY_PROFILES and rank <= 2:
        return f"Ngài {office}"
    if office == "Hiệu trưởng" or office.startswith("Giáo sư"):
        return "Giáo sư"
    return "Bà" if female else "Ông"


def _staff_slots(p: People) -> list[tuple[int, str, int]]:
    """(organisation, office, rank) to fill, most needed first.

    A small demo still needs a city leader and a foreign-affairs official to
    receive visitors, and a few partners with a head and two officials each,
    so offices are handed out in rounds: those first, then the rest.
    """
    hue: list[tuple[int, str, int]] = []
    if p.committee is not None:
        hue += [(p.committee, office, rank) for office, rank in v.HUE_COMMITTEE_OFFICES]
    snv = p.departments.get("Sở Ngoại vụ")
    for org_id in p.departments.values():
        hue += [(org_id, office, rank) for office, rank in v.HUE_DEPARTMENT_OFFICES]
    picked = [i for i, s in enumerate(hue) if s[2] <= 2 and s[0] == p.committee][:2]
    picked += [i for i, s in enumerate(hue) if s[0] == snv and s[2] in (3, 6)]
    essential = [hue[i] for i in picked]
    order = ("partner_locality", "embassy", "consulate", "university", "investor")
    fixed = [o for t in order for o in p.of_type(t)]
    fixed += p.of_type("government", "ngo", "international_org")
    fixed += [o for o in p.of_type("donor") if o.name in {d[0] for d in v.DONORS}]
    random_orgs = [o for o in p.orgs.values() if o not in fixed and o.country != "VN"]
    first: list[tuple[int, str, int]] = []
    rest: list[tuple[int, str, int]] = []
    for org in fixed:
        offices = [(org.id, office, rank) for office, rank in v.OFFICES.get(org.profile or "", [])]
        first += offices[:3]
        rest += offices[3:]
    extra = [
        (org.id, office, rank)
        for org in random_orgs
        for office, rank in v.OFFICES.get(org.profile or "", [])[1:3]
    ]
    later_hue = [s for i, s in enumerate(hue) if i not in picked]
    return essential + first + later_hue + rest + extra


def _person_row(
    b: _Builder,
    p: People,
    name: str,
    gender: e.Gender,
    cc: str,
    position: str | None,
    org: int | None,
    born: tuple[int, int],
) -> dict[str, Any]:
    day = b.day(dt.date(2021, 1, 1), b.today)
    row = {
        "id": b.id("person"),
        "ref": b.ref("NG", day.year),
        "full_name": name,
        "gender": gender,
        "date_of_birth": b.day(dt.date(born[0], 1, 1), dt.date(born[1], 12, 31)),
        "nationality": cc,
        "passport_no": _passport(b, cc),
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
    p.names[row["id"]] = name
    p.genders[row["id"]] = gender
    return row


def _passport(b: _Builder, cc: str) -> str:
    prefix = {"VN": "C", "JP": "TK", "KR": "M", "LA": "P", "CN": "E", "FR": "1", "US": ""}
    return f"{prefix.get(cc, cc[0])}{b.rng.randint(1000000, 9999999)}"


def persons(b: _Builder, p: People, n: int, planned: int) -> dict[str, list[dict[str, Any]]]:
    """Officials first (their offices, within a share of ``planned``), then citizens and visitors."""
    rows: list[dict[str, Any]] = []
    if not p.staff and not p.officers:
        for name in v.OFFICERS[: max(1, min(len(v.OFFICERS), n // 4))]:
            female = " Thị " in name
            row = _person_row(
                b,
                p,
                name,
                e.Gender.FEMALE if female else e.Gender.MALE,
                "VN",
                "Chuyên viên Phòng Lãnh sự",
                p.departments.get("Sở Ngoại vụ"),
                (1975, 1998),
            )
            rows.append(row)
            p.officers.append(row["id"])
        budget = min(n - len(rows), max(int(planned * STAFF_SHARE), 8))
        for org_id, office, rank in _staff_slots(p)[: max(0, budget)]:
            org = p.orgs[org_id]
            hue = org.country == "VN"
            female = b.rng.random() < (0.3 if rank <= 2 else 0.5)
            taken = {s.name for s in p.staff.get(org_id, [])}
            for _try in range(20):  # no two colleagues share a name
                if hue:
                    name, gender = vn_name(b, female)
                else:
                    name = foreign_name(b, org.country, female)
                    gender = e.Gender.FEMALE if female else e.Gender.MALE
                if name not in taken:
                    break
            row = _person_row(b, p, name, gender, org.country, office, org_id, (1962, 1992))
            rows.append(row)
            address = _address(org.profile, office, rank, female, hue)
            p.staff.setdefault(org_id, []).append(
                Staff(row["id"], org_id, name, gender, office, rank, address)
            )
        for staff in p.staff.values():
            staff.sort(key=lambda s: (s.rank, s.id))
    countries = sorted(v.FOREIGN_NAMES)
    while len(rows) < n:
        if b.rng.random() < 0.55:
            name, gender = vn_name(b)
            rows.append(_person_row(b, p, name, gender, "VN", None, None, (1950, 2004)))
            p.citizens.append(rows[-1]["id"])
        else:
            cc = b.pick(countries)
            female = b.rng.random() < 0.5
            gender = e.Gender.FEMALE if female else e.Gender.MALE
            name = foreign_name(b, cc, female)
            rows.append(_person_row(b, p, name, gender, cc, None, None, (1950, 2004)))
            p.visitors.setdefault(cc, []).append(rows[-1]["id"])
    return {"person": rows}


def sign_briefs(session: Session, p: People) -> None:
    """Briefs printed from demo data are signed by the demo's foreign-affairs director.

    Only when no signer is set yet: a user's own settings are never changed.
    """
    snv = p.staff.get(p.departments.get("Sở Ngoại vụ", -1), [])
    director = next((s for s in snv if s.office == "Giám đốc"), None)
    settings = session.get(DocumentSettings, 1)
    if director is not None and settings is not None and not settings.signer_name:
        settings.signer_name = director.name

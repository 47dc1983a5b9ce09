"""Named regions of partner localities, which users edit ("the southern Lao provinces").

Reading is open to every role; changing needs a role that may write. Each
change is audited like a record change (kind ``region``), members listed by
their reference numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from huedesk import audit
from huedesk.accounts.principal import Actor, resolve
from huedesk.accounts.roles import require_write
from huedesk.db.engine import Database
from huedesk.db.enums import AuditAction
from huedesk.db.functions import folded
from huedesk.db.models import Organisation, Region, RegionMember
from huedesk.db.types import utcnow
from huedesk.errors import HueDeskError, NotFoundError
from huedesk.text import clean, fold, sort_key

AUDIT_KIND = "region"
# The region HueDesk starts with (migration 0004 makes it), and how its localities are named.
SOUTHERN_LAOS = ("Các tỉnh Nam Lào", "Southern Lao provinces")
_SOUTHERN_LAOS_NAMES = (
    "salavan",
    "saravan",
    "champasak",
    "champassak",
    "sekong",
    "xekong",
    "savannakhet",
    "attapeu",
    "attapu",
)
NAME_LIMIT = 200


@dataclass(frozen=True)
class Member:
    """A partner locality in a region."""

    id: int
    ref: str
    name: str


@dataclass(frozen=True)
class RegionInfo:
    """A region with its members, by name."""

    id: int
    name: str
    name_en: str | None
    members: tuple[Member, ...]

    def label(self, lang: str = "vi") -> str:
        return (self.name_en or self.name) if lang == "en" else self.name


def regions_in(session: Session) -> list[RegionInfo]:
    """Every region with its members, in Vietnamese alphabetical order."""
    members: dict[int, list[Member]] = {}
    rows = session.execute(
        select(RegionMember.region_id, Organisation.id, Organisation.ref, Organisation.name).join(
            Organisation, Organisation.id == RegionMember.organisation_id
        )
    )
    for region_id, org_id, ref, name in rows:
        members.setdefault(region_id, []).append(Member(org_id, ref, name))
    found = [
        RegionInfo(
            rid,
            name,
            name_en,
            tuple(sorted(members.get(rid, []), key=lambda m: sort_key(m.name))),
        )
        for rid, name, name_en in session.execute(select(Region.id, Region.name, Region.name_en))
    ]
    return sorted(found, key=lambda r: sort_key(r.name))


def find_region_in(session: Session, name: str) -> int:
    """The region called ``name`` (tone marks and case optional when that is unambiguous)."""
    wanted = clean(name)
    exact = session.scalar(select(Region.id).where(Region.name == wanted))
    if exact is not None:
        return int(exact)
    loose = [
        rid
        for rid, rname, rname_en in session.execute(select(Region.id, Region.name, Region.name_en))
        if fold(wanted) in (fold(rname), fold(rname_en or ""))
    ]
    if len(loose) == 1:
        return int(loose[0])
    raise NotFoundError(f"Không có vùng '{wanted}'.", f"No region named '{wanted}'.")


def find_member_in(session: Session, text: str) -> int:
    """The organisation a user means: its reference number, its name, or a unique part of it."""
    wanted = clean(text)
    by_ref = session.scalar(select(Organisation.id).where(Organisation.ref == wanted))
    if by_ref is not None:
        return int(by_ref)
    exact = session.scalars(
        select(Organisation.id).where(
            (Organisation.name == wanted) | (Organisation.name_en == wanted)
        )
    ).all()
    if len(exact) == 1:
        return int(exact[0])
    key = f"%{fold(wanted)}%"
    loose = session.execute(
        select(Organisation.id, Organisation.ref, Organisation.name)
        .where(folded(Organisation.name).like(key) | folded(Organisation.name_en).like(key))
        .order_by(Organisation.ref)
        .limit(6)
    ).all()
    if len(loose) == 1 and len(exact) == 0:
        return int(loose[0][0])
    if not loose:
        raise NotFoundError(
            f"Không tìm thấy cơ quan, tổ chức '{wanted}'.", f"No organisation matches '{wanted}'."
        )
    names = "; ".join(f"{ref} {name}" for _i, ref, name in loose[:5])
    raise HueDeskError(
        f"Có nhiều cơ quan, tổ chức khớp '{wanted}' ({names}); hãy ghi số hiệu.",
        f"Several organisations match '{wanted}' ({names}); give the reference number.",
    )


def _check_name(session: Session, name: str, region_id: int | None) -> str:
    text = clean(name or "")
    if not text:
        raise HueDeskError("Tên vùng: không được để trống.", "Region name: must not be empty.")
    if len(text) > NAME_LIMIT:
        raise HueDeskError(
            f"Tên vùng: dài quá {NAME_LIMIT} ký tự.",
            f"Region name: longer than {NAME_LIMIT} characters.",
        )
    clash = session.scalar(
        select(Region.id).where(folded(Region.name) == fold(text), Region.id != (region_id or 0))
    )
    if clash is not None:
        raise HueDeskError(f"Đã có vùng tên '{text}'.", f"A region named '{text}' exists already.")
    return text


def _members(session: Session, ids: Iterable[int]) -> list[tuple[int, str]]:
    wanted = sorted(set(ids))
    found = dict(
        session.execute(
            select(Organisation.id, Organisation.ref).where(Organisation.id.in_(wanted))
        ).all()
    )
    missing = [i for i in wanted if i not in found]
    if missing:
        raise NotFoundError(
            f"Thành viên của vùng: không có cơ quan, tổ chức số {missing[0]}.",
            f"Region member: no organisation with id {missing[0]}.",
        )
    return [(i, found[i]) for i in wanted]


def save_region_in(
    session: Session,
    actor: Actor,
    name: str,
    members: Iterable[int],
    *,
    name_en: str | None = None,
    region_id: int | None = None,
) -> int:
    """Create a region (``region_id`` ``None``) or replace one's names and members; its id."""
    who = resolve(session, actor)
    require_write(who)
    text = _check_name(session, name, region_id)
    english = clean(name_en) if name_en else None
    if english and len(english) > NAME_LIMIT:
        raise HueDeskError(
            f"Tên tiếng Anh của vùng: dài quá {NAME_LIMIT} ký tự.",
            f"Region English name: longer than {NAME_LIMIT} characters.",
        )
    chosen = _members(session, members)
    now = utcnow()
    if region_id is None:
        region = Region(name=text, name_en=english, created_at=now, updated_at=now)
        session.add(region)
        session.flush()
        before: dict[str, object] = {}
        action = AuditAction.CREATE
    else:
        found = session.get(Region, region_id)
        if found is None:
            raise NotFoundError(f"Không có vùng số {region_id}.", f"No region with id {region_id}.")
        region = found
        refs = session.scalars(
            select(Organisation.ref)
            .join(RegionMember, RegionMember.organisation_id == Organisation.id)
            .where(RegionMember.region_id == region.id)
            .order_by(Organisation.ref)
        ).all()
        before = {"name": region.name, "name_en": region.name_en, "members": ", ".join(refs)}
        region.name, region.name_en, region.updated_at = text, english, now
        session.execute(delete(RegionMember).where(RegionMember.region_id == region.id))
        action = AuditAction.UPDATE
    if chosen:
        session.execute(
            insert(RegionMember),
            [{"region_id": region.id, "organisation_id": i} for i, _ref in chosen],
        )
    after = {"name": text, "name_en": english, "members": ", ".join(sorted(r for _i, r in chosen))}
    changes = audit.diff(before, after)
    if changes:
        audit.record(
            session,
            actor=who.name,
            action=action,
            kind=AUDIT_KIND,
            record_uuid=region.uuid,
            record_ref=text,
            changes=changes,
        )
    return int(region.id)


def delete_region_in(session: Session, actor: Actor, region_id: int) -> None:
    """Delete a region (its localities stay; only the grouping goes)."""
    who = resolve(session, actor)
    require_write(who)
    region = session.get(Region, region_id)
    if region is None:
        raise NotFoundError(f"Không có vùng số {region_id}.", f"No region with id {region_id}.")
    audit.record(
        session,
        actor=who.name,
        action=AuditAction.DELETE,
        kind=AUDIT_KIND,
        record_uuid=region.uuid,
        record_ref=region.name,
        changes={"name": (region.name, None)},
    )
    session.delete(region)
    session.flush()


def fill_empty_default_region(session: Session, actor: Actor) -> int:
    """Put the southern Lao provinces of this database into their region while it is empty
    (demo data adds the localities after the region was made); how many were added."""
    region_id = session.scalar(select(Region.id).where(Region.name == SOUTHERN_LAOS[0]))
    if region_id is None or session.scalar(
        select(RegionMember.id).where(RegionMember.region_id == region_id).limit(1)
    ):
        return 0
    found = [
        oid
        for oid, name, name_en in session.execute(
            select(Organisation.id, Organisation.name, Organisation.name_en).where(
                Organisation.country_code == "LA", Organisation.org_type == "partner_locality"
            )
        )
        if any(
            key in fold(f"{name} {name_en or ''}").replace(" ", "") for key in _SOUTHERN_LAOS_NAMES
        )
    ]
    if found:
        save_region_in(
            session, actor, SOUTHERN_LAOS[0], found, name_en=SOUTHERN_LAOS[1], region_id=region_id
        )
    return len(found)


class Regions:
    """Regions for one user: each call one unit of work."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def list(self) -> list[RegionInfo]:
        with self.db.read() as s:
            resolve(s, self.actor)  # a disabled account is refused here
            return regions_in(s)

    def find(self, name: str) -> int:
        with self.db.read() as s:
            resolve(s, self.actor)
            return find_region_in(s, name)

    def find_member(self, text: str) -> int:
        with self.db.read() as s:
            resolve(s, self.actor)
            return find_member_in(s, text)

    def save(
        self,
        name: str,
        members: Iterable[int],
        *,
        name_en: str | None = None,
        region_id: int | None = None,
    ) -> int:
        with self.db.write() as s:
            return save_region_in(
                s, self.actor, name, members, name_en=name_en, region_id=region_id
            )

    def delete(self, region_id: int) -> None:
        with self.db.write() as s:
            delete_region_in(s, self.actor, region_id)

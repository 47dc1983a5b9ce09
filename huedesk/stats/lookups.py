"""What the areas look up besides their own rows: names, regions, levels and status histories.

Each lookup is one query for the whole period, whatever the number of records.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from huedesk.db.enums import LabelledEnum
from huedesk.db.models import (
    Country,
    Organisation,
    Partnership,
    Region,
    RegionMember,
    StatusChange,
)
from huedesk.records.status_history import Entry
from huedesk.stats.model import Names

NONE_KEY = "-"
_NONE = Names("(không có)", "(none)")


class Lookups:
    """Names and groupings for one count, read once and kept."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._countries: dict[str, Names] | None = None
        self._orgs: dict[int, tuple[Names, str | None, str]] = {}
        self._regions: tuple[dict[int, tuple[str, ...]], dict[str, Names]] | None = None
        self._levels: dict[int, str] | None = None

    # --- countries and organisations -----------------------------------------------------------
    def country(self, code: str) -> Names:
        if self._countries is None:
            rows = self.session.execute(select(Country.code, Country.name_vi, Country.name_en))
            self._countries = {c: Names(vi, en) for c, vi, en in rows}
        if code == NONE_KEY:
            return _NONE
        return self._countries.get(code, Names(code))

    def load_orgs(self, ids: set[int]) -> None:
        wanted = [i for i in ids if i not in self._orgs]
        for i in range(0, len(wanted), 900):
            rows = self.session.execute(
                select(
                    Organisation.id,
                    Organisation.name,
                    Organisation.name_en,
                    Organisation.country_code,
                    Organisation.org_type,
                ).where(Organisation.id.in_(wanted[i : i + 900]))
            )
            for oid, name, name_en, country, org_type in rows:
                self._orgs[oid] = (Names(name, name_en), country, str(org_type.value))

    def org(self, key: str) -> Names:
        if key == NONE_KEY:
            return _NONE
        found = self._orgs.get(int(key))
        return found[0] if found else Names(f"#{key}")

    def org_country(self, org_id: int | None) -> str:
        found = self._orgs.get(org_id) if org_id is not None else None
        return (found[1] or NONE_KEY) if found else NONE_KEY

    def org_type(self, org_id: int | None) -> str:
        found = self._orgs.get(org_id) if org_id is not None else None
        return found[2] if found else NONE_KEY

    # --- regions and levels ----------------------------------------------------------------------
    def _region_data(self) -> tuple[dict[int, tuple[str, ...]], dict[str, Names]]:
        if self._regions is None:
            names = {
                str(rid): Names(name, name_en)
                for rid, name, name_en in self.session.execute(
                    select(Region.id, Region.name, Region.name_en)
                )
            }
            members: dict[int, list[str]] = {}
            for rid, oid in self.session.execute(
                select(RegionMember.region_id, RegionMember.organisation_id)
            ):
                members.setdefault(oid, []).append(str(rid))
            self._regions = ({k: tuple(v) for k, v in members.items()}, names)
        return self._regions

    def regions_of(self, org_id: int | None) -> tuple[str, ...]:
        """The regions (ids as text) the organisation belongs to."""
        if org_id is None:
            return ()
        return self._region_data()[0].get(org_id, ())

    def region(self, key: str) -> Names:
        return self._region_data()[1].get(key, Names(f"#{key}"))

    def level_of(self, org_id: int | None) -> str:
        """The level (province, city, county …) of the partnership with this locality."""
        if self._levels is None:
            rows = self.session.execute(
                select(Partnership.partner_id, Partnership.level).order_by(Partnership.id)
            )
            self._levels = {pid: str(level.value) for pid, level in rows}
        if org_id is None:
            return NONE_KEY
        return self._levels.get(org_id, NONE_KEY)

    # --- status histories ------------------------------------------------------------------------
    def histories(self, kind: str, uuids: Select[Any]) -> dict[str, list[Entry]]:
        """The status history of each record whose UUID ``uuids`` selects."""
        t = StatusChange.__table__
        stmt = select(
            t.c.id,
            t.c.record_uuid,
            t.c.status,
            t.c.effective_on,
            t.c.date_field,
            t.c.source,
        ).where(t.c.kind == kind, t.c.record_uuid.in_(uuids))
        found: dict[str, list[Entry]] = {}
        for rid, uuid, status, day, date_field, source in self.session.execute(stmt).all():
            entry = Entry(status, day, date_field, source, None, rid)
            found.setdefault(uuid, []).append(entry)
        return found


def enum_names(enum: type[LabelledEnum]) -> Callable[[str], Names]:
    """Row labels of a dimension whose keys are ``enum``'s values."""

    def names(key: str) -> Names:
        if key == NONE_KEY:
            return _NONE
        member = enum(key)
        return Names(member.label("vi"), member.label("en"))

    return names


def month_names(key: str) -> Names:
    month = int(key)
    return Names(f"Tháng {month}", calendar.month_abbr[month])


def none_names(key: str) -> Names:
    return _NONE if key == NONE_KEY else Names(key)

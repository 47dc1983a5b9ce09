"""Which records an export takes: the filter, its children and everything they refer to.

A bundle must import on a laptop that has none of its records, so a filtered
export also carries each selected record's child rows (members, programme,
transactions …), every record they refer to (donors, people, partnerships,
countries), and their attachments. Without a filter everything is exported and
no id sets are built at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huedesk.accounts.roles import Principal, Role
from huedesk.archive.layout import kind_order, reference_target
from huedesk.db.models import Attachment, Country
from huedesk.errors import HueDeskError
from huedesk.records.kinds import KINDS
from huedesk.records.query import ListQuery, apply_filters

BATCH = 2000

# Kinds that can be asked for by name (children come with their parent, attachments with
# their record, countries with the records that name them).
SELECTABLE = tuple(
    k for k in kind_order() if KINDS[k].parent is None and k not in ("attachment", "country")
)


@dataclass(frozen=True)
class Selection:
    """The filter of an export, as given on the command line or in the UI.

    ``year`` takes records by their reference year (the year in ``ĐV-2025-0012``);
    ``review_year`` takes the records behind the figures of that year's review,
    by the dates of what happened (visits in the year, partnerships in force at
    its end, disbursements made in it …; ``huedesk.stats``).
    """

    kinds: tuple[str, ...] | None = None
    year: int | None = None
    since: dt.date | None = None
    review_year: int | None = None

    def __post_init__(self) -> None:
        if self.year is not None and self.review_year is not None:
            raise HueDeskError(
                "Chọn theo năm của số hiệu hoặc theo báo cáo năm, không cả hai.",
                "Select by reference year or by the yearly review, not both.",
            )
        for kind in self.kinds or ():
            if kind not in SELECTABLE:
                raise HueDeskError(
                    f"Không xuất riêng được loại '{kind}' (chọn: {', '.join(SELECTABLE)}).",
                    f"Kind '{kind}' cannot be exported on its own (choose: {', '.join(SELECTABLE)}).",
                )

    @property
    def everything(self) -> bool:
        return (
            self.kinds is None
            and self.year is None
            and self.since is None
            and self.review_year is None
        )

    def describe(self) -> dict[str, Any]:
        """The filter as written to the manifest."""
        return {
            "kinds": list(self.kinds) if self.kinds else None,
            "year": self.year,
            "since": self.since.isoformat() if self.since else None,
            "review_year": self.review_year,
            "includes": "selected records, their child rows, the records they refer to, "
            "and their attachments",
        }


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ordered = sorted(ids)
    for i in range(0, len(ordered), BATCH):
        yield ordered[i : i + BATCH]


def selected_ids(session: Session, sel: Selection) -> dict[str, set[int]] | None:
    """Ids to export per kind, or ``None`` when the selection is everything."""
    if sel.everything:
        return None
    ids: dict[str, set[int]] = {k: set() for k in KINDS}
    behind = _behind_review(session, sel.review_year) if sel.review_year is not None else None
    for name in sel.kinds or SELECTABLE:
        spec = KINDS[name]
        table = spec.table
        stmt = apply_filters(spec, select(table.c.id), ListQuery(year=sel.year))
        if sel.since is not None:
            start = dt.datetime.combine(sel.since, dt.time(), tzinfo=dt.UTC)
            stmt = stmt.where(table.c.updated_at >= start)
        if behind is not None:
            chosen = sorted(behind.get(name, ()))
            ids[name].update(
                i
                for chunk in _chunks(chosen)
                for i in session.scalars(stmt.where(table.c.id.in_(chunk)))
            )
            continue
        ids[name].update(session.scalars(stmt))
    _add_children(session, ids)
    _add_references(session, ids)
    _add_attachments(session, ids)
    return ids


def _behind_review(session: Session, year: int) -> dict[str, set[int]]:
    """The records behind the figures of ``year``'s review (bundles hold consular cases:
    only roles that may see them export, so every figure's records are taken)."""
    from huedesk.stats.service import records_behind_in, year_period  # on use: export only

    return records_behind_in(session, Principal("archive", Role.ADMIN), year_period(year))


def _add_children(session: Session, ids: dict[str, set[int]]) -> None:
    for name in kind_order():
        spec = KINDS[name]
        if spec.parent is None:
            continue
        parent, fk = spec.parent
        table = spec.table
        for chunk in _chunks(ids[parent]):
            ids[name].update(session.scalars(select(table.c.id).where(table.c[fk].in_(chunk))))


def _add_references(session: Session, ids: dict[str, set[int]]) -> None:
    codes: set[str] = set()
    for name in reversed(kind_order()):
        spec = KINDS[name]
        table = spec.table
        for field, fs in spec.fields.items():
            target = reference_target(spec, field)
            if target is None and not fs.is_country:
                continue
            for chunk in _chunks(ids[name]):
                found = session.scalars(
                    select(table.c[field]).where(table.c.id.in_(chunk), table.c[field].isnot(None))
                )
                if target is None:
                    codes.update(found)
                else:
                    ids[target].update(found)
    if codes:
        ids["country"].update(session.scalars(select(Country.id).where(Country.code.in_(codes))))


def _add_attachments(session: Session, ids: dict[str, set[int]]) -> None:
    for name, chosen in ids.items():
        if name == "attachment" or not chosen:
            continue
        table = KINDS[name].table
        for chunk in _chunks(chosen):
            uuids = select(table.c.uuid).where(table.c.id.in_(chunk))
            ids["attachment"].update(
                session.scalars(
                    select(Attachment.id).where(
                        Attachment.owner_kind == name, Attachment.owner_uuid.in_(uuids)
                    )
                )
            )

"""Warnings: values that are allowed but probably wrong, shown to the person before they move on.

Unlike validation problems these do not stop a save: a partnership may be
recorded under a country other than its partner's while the partner record is
being corrected. Each warning names its field like a problem does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huedesk.db.models import AidProject, Country, Organisation
from huedesk.errors import FieldProblem
from huedesk.formatting import format_date
from huedesk.reading import rate_warning
from huedesk.records.kinds import KindSpec
from huedesk.records.rules import problem


class Saved(dict[str, Any]):
    """A record's stored values, with the warnings its save raised (``warnings``)."""

    warnings: list[FieldProblem]

    def __init__(self, row: Mapping[str, Any], warnings: list[FieldProblem] | None = None) -> None:
        super().__init__(row)
        self.warnings = list(warnings or [])


def _country_names(session: Session, code: str) -> tuple[str, str]:
    row = session.execute(
        select(Country.name_vi, Country.name_en).where(Country.code == code)
    ).first()
    return (row.name_vi, row.name_en) if row is not None else (code, code)


def _partner_country(
    session: Session, spec: KindSpec, values: Mapping[str, Any], partner_field: str
) -> list[FieldProblem]:
    """The record's country should be its partner organisation's (Nara is in Japan, not Laos)."""
    partner_id, code = values.get(partner_field), values.get("country_code")
    if partner_id is None or code is None:
        return []
    row = session.execute(
        select(Organisation.name, Organisation.country_code).where(Organisation.id == partner_id)
    ).first()
    if row is None or row.country_code is None or row.country_code == code:
        return []
    theirs = _country_names(session, row.country_code)
    mine = _country_names(session, code)
    return [
        problem(
            spec.fields["country_code"],
            f"là {mine[0]} ({code}) nhưng {row.name} thuộc {theirs[0]} ({row.country_code})",
            f"is {mine[1]} ({code}) but {row.name} is in {theirs[1]} ({row.country_code})",
        )
    ]


def _within_project(
    session: Session, spec: KindSpec, values: Mapping[str, Any]
) -> list[FieldProblem]:
    day, project_id = values.get("value_date"), values.get("project_id")
    tx_type = getattr(values.get("tx_type"), "value", values.get("tx_type"))
    if not isinstance(day, dt.date) or project_id is None or tx_type != "disbursement":
        return []
    cache = session.info.setdefault("advice_project_dates", {})  # a sheet repeats projects
    if project_id not in cache:
        cache[project_id] = session.execute(
            select(AidProject.ref, AidProject.start_date, AidProject.end_date).where(
                AidProject.id == project_id
            )
        ).first()
    row = cache[project_id]
    if row is None:
        return []
    start, end = row.start_date, row.end_date
    if (start is None or day >= start) and (end is None or day <= end):
        return []
    span = f"{format_date(start) or '…'}–{format_date(end) or '…'}"
    return [
        problem(
            spec.fields["value_date"],
            f"{format_date(day)} nằm ngoài thời gian dự án {row.ref} ({span})",
            f"{format_date(day)} is outside the dates of project {row.ref} ({span})",
        )
    ]


def _rate(spec: KindSpec, values: Mapping[str, Any]) -> list[FieldProblem]:
    why = rate_warning(values.get("currency"), values.get("rate_to_vnd"))
    return [] if why is None else [problem(spec.fields["rate_to_vnd"], *why)]


def advise(session: Session, spec: KindSpec, values: Mapping[str, Any]) -> list[FieldProblem]:
    """Warnings about a record's values as they will be stored (``values``: the whole record)."""
    out: list[FieldProblem] = []
    if spec.name in ("partnership", "delegation"):
        out += _partner_country(session, spec, values, "partner_id")
    elif spec.name == "agreement":
        out += _partner_country(session, spec, values, "counterpart_id")
    elif spec.name == "aid_transaction":
        out += _rate(spec, values)
        out += _within_project(session, spec, values)
    return out

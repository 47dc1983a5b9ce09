"""Checking a record's values before they are written, with field-named messages.

``validate`` coerces each given value, then checks what only the whole record
can show: required fields, references to other records, cross-field rules and
the status workflow. All problems are collected, so a form can mark every bad
field at once, and raised together as one ``ValidationError``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from huedesk.db.base import MAX_ID
from huedesk.db.models import Country
from huedesk.errors import FieldProblem, ValidationError
from huedesk.money import CURRENCY_EXPONENTS
from huedesk.reading import VI, Convention, Unreadable, read_amount
from huedesk.records.coerce import Invalid, coerce
from huedesk.records.fields import FieldSpec
from huedesk.records.kinds import KINDS, KindSpec
from huedesk.records.lookup import resolve_country, resolve_country_list, resolve_reference

# Fields a caller may set only when restoring records exactly (archive import, demo data).
RESTORABLE = frozenset({"uuid", "ref", "created_at", "updated_at"})


class Known(Protocol):
    """Answers whether a record or a country a value refers to exists."""

    def record_exists(self, kind: str, record_id: int) -> bool: ...

    def country_exists(self, code: str) -> bool: ...


class InSession:
    """``Known`` by asking the session (one query per reference: for single writes)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def record_exists(self, kind: str, record_id: int) -> bool:
        if not 0 < record_id <= MAX_ID:
            return False
        return self.session.get(KINDS[kind].model, record_id) is not None

    def country_exists(self, code: str) -> bool:
        return self.session.scalar(select(Country.id).where(Country.code == code)) is not None


def _problem(spec: FieldSpec, vi: str, en: str) -> FieldProblem:
    return FieldProblem(spec.name, spec.label_vi, spec.label_en, vi, en)


def validate(
    session: Session,
    kind: KindSpec,
    changes: Mapping[str, Any],
    existing: Mapping[str, Any] | None = None,
    *,
    restoring: bool = False,
    reading: Convention = VI,
    known: Known | None = None,
) -> dict[str, Any]:
    """The cleaned values to write for ``changes`` (to a new record if ``existing`` is None).

    Text is read in the ``reading`` convention (``huedesk.reading``); references may
    be given as ids, reference numbers, UUIDs or exact names, countries as codes or
    names. ``restoring`` puts back a record as it was elsewhere (archive import, undo,
    demo data): system fields may be given and the status workflow does not apply.
    References are checked with ``known`` (default: queries in ``session``; the bulk
    writer knows them in memory). Raises ``ValidationError`` listing every problem found.
    """
    fields = kind.fields
    problems: list[FieldProblem] = []
    cleaned: dict[str, Any] = {}
    known = known or InSession(session)
    changes, problems = _resolved(session, kind, changes, known)
    currency = changes.get("currency") or (existing or {}).get("currency")
    currency = str(currency).strip().upper() if currency else None
    if currency is None and "currency" in fields and "currency" not in changes:
        currency = _currency_in_amounts(kind, changes, reading)
        if currency is not None:
            cleaned["currency"] = currency

    for name, raw in changes.items():
        if any(p.field == name for p in problems):
            continue
        spec = fields.get(name)
        allowed_system = restoring and name in RESTORABLE
        if (
            spec is None
            or (spec.computed and not restoring)
            or (name in ("id", "uuid", "created_at", "updated_at", "ref") and not allowed_system)
        ):
            problems.append(
                FieldProblem(
                    name,
                    name,
                    name,
                    "không phải trường nhập được",
                    "is not a field that can be set",
                )
            )
            continue
        try:
            cleaned[name] = coerce(spec, raw, currency, reading)
        except Invalid as exc:
            problems.append(_problem(spec, exc.vi, exc.en))
            continue
        if cleaned[name] is None and not spec.nullable and not spec.required:
            # A column with a default: empty input for a value not stored yet means "the
            # default"; on a stored record it would erase a value the column must have.
            del cleaned[name]
            if (existing or {}).get(name) is not None:
                problems.append(_problem(spec, "không được để trống", "must not be empty"))

    if existing is not None and not restoring:
        problems.extend(_keep_amounts_on_new_currency(kind, existing, changes, cleaned))
    values = {**(existing or {}), **cleaned}
    already = {p.field for p in problems}
    for spec in fields.values():
        if spec.required and values.get(spec.name) is None and spec.name not in already:
            problems.append(_problem(spec, "bắt buộc phải nhập", "is required"))

    problems.extend(_reference_problems(known, kind, cleaned))
    problems.extend(_whole_record_problems(kind, existing, values, cleaned, problems, restoring))
    if problems:
        raise ValidationError(problems)

    if kind.derive is not None:
        cleaned.update(kind.derive(values))
    return cleaned


def _resolved(
    session: Session, kind: KindSpec, changes: Mapping[str, Any], known: Known
) -> tuple[dict[str, Any], list[FieldProblem]]:
    """``changes`` with references and countries given as text turned into ids and codes."""
    referring = _referring_fields(kind.name)
    out = dict(changes)
    problems: list[FieldProblem] = []
    for name in [n for n in changes if n in referring]:
        raw = changes[name]
        if not isinstance(raw, str) or not raw.strip():
            continue
        spec = kind.fields[name]
        if _known_codes(known, raw, listed=spec.country_list):
            continue  # ISO codes already (what programs and bundles give): nothing to look up
        try:
            if spec.is_country:
                out[name] = resolve_country(session, raw)
            elif spec.country_list:
                out[name] = resolve_country_list(session, raw)
            elif spec.references:
                out[name] = resolve_reference(session, spec.references.split(".")[0], raw)
        except Unreadable as exc:
            problems.append(_problem(spec, exc.vi, exc.en))
    return out, problems


def _currency_in_amounts(
    kind: KindSpec, changes: Mapping[str, Any], reading: Convention
) -> str | None:
    """The currency an amount names (``4,5 triệu USD``) when the record does not give one."""
    for name, raw in changes.items():
        spec = kind.fields.get(name)
        if spec is None or not spec.is_money or not isinstance(raw, str):
            continue
        try:
            _value, named = read_amount(raw, reading)
        except Unreadable:
            continue  # coerce() names the problem
        if named is not None:
            return named
    return None


def _keep_amounts_on_new_currency(
    kind: KindSpec,
    existing: Mapping[str, Any],
    changes: Mapping[str, Any],
    cleaned: dict[str, Any],
) -> list[FieldProblem]:
    """A new currency keeps each stored amount as people read it (4.500.000 đồng → 4.500.000
    USD), not as its count of minor units (which would make it 45.000,00 USD)."""
    old, new = existing.get("currency"), cleaned.get("currency")
    if not old or not new or old == new:
        return []
    if old not in CURRENCY_EXPONENTS or new not in CURRENCY_EXPONENTS:
        return []
    shift = CURRENCY_EXPONENTS[new] - CURRENCY_EXPONENTS[old]
    problems: list[FieldProblem] = []
    for name, spec in kind.fields.items():
        minor = existing.get(name)
        if not spec.is_money or name in changes or minor is None or shift == 0:
            continue
        if shift > 0:
            cleaned[name] = minor * 10**shift
        elif minor % 10**-shift:
            problems.append(
                _problem(
                    spec,
                    f"số tiền đã lưu có phần lẻ mà {new} không có; hãy nhập lại số tiền",
                    f"the stored amount has decimals {new} does not have; enter the amount again",
                )
            )
        else:
            cleaned[name] = minor // 10**-shift
    return problems


def _known_codes(known: Known, raw: str, *, listed: bool) -> bool:
    """Whether ``raw`` is one (or, ``listed``, several) known ISO country code as stored."""
    codes = raw.replace(",", " ").split() if listed else [raw]
    return all(len(c) == 2 and c.isupper() and known.country_exists(c) for c in codes)


def _whole_record_problems(
    kind: KindSpec,
    existing: Mapping[str, Any] | None,
    values: Mapping[str, Any],
    cleaned: Mapping[str, Any],
    found: list[FieldProblem],
    restoring: bool = False,
) -> list[FieldProblem]:
    """Cross-field rules and the workflow, checked even when single fields were refused.

    A user who typed a negative budget and an end date before the start date is
    told both at once. The rules see only values that were read: a refused field
    is left out (as if empty), so no rule speaks about a value nobody typed, and a
    field already named keeps its first problem.
    """
    named = {p.field for p in found}
    readable = {k: v for k, v in values.items() if k not in named}
    problems: list[FieldProblem] = []
    for rule in kind.rules:
        problems.extend(p for p in rule(readable, kind.fields) if p.field not in named)
    if (
        existing is not None
        and kind.workflow is not None
        and not restoring
        and "status" not in named
    ):
        problems.extend(_workflow_problems(kind, existing, cleaned))
    return problems


@functools.cache
def _referring_fields(kind: str) -> frozenset[str]:
    """Fields of ``kind`` whose value names another record or a country."""
    return frozenset(
        name
        for name, spec in KINDS[kind].fields.items()
        if spec.is_country or spec.country_list or spec.references
    )


def _reference_problems(
    known: Known, kind: KindSpec, cleaned: Mapping[str, Any]
) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    fields = kind.fields
    referring = _referring_fields(kind.name)
    for name in [n for n in cleaned if n in referring]:
        spec = fields[name]
        value = cleaned[name]
        if value is None:
            continue
        if spec.is_country:
            if not known.country_exists(value):
                problems.append(
                    _problem(
                        spec, f"không có mã quốc gia '{value}'", f"unknown country code '{value}'"
                    )
                )
        elif spec.country_list:
            unknown = [
                c for c in value.replace(",", " ").split() if not known.country_exists(c.upper())
            ]
            if unknown:
                problems.append(
                    _problem(
                        spec,
                        f"không có mã quốc gia {', '.join(unknown)}",
                        f"unknown country codes {', '.join(unknown)}",
                    )
                )
        elif spec.references:
            table, _col = spec.references.split(".")
            if not known.record_exists(table, value):
                problems.append(
                    _problem(
                        spec,
                        f"không có {KINDS[table].label_vi.lower()} số {value}",
                        f"there is no {KINDS[table].label_en.lower()} with id {value}",
                    )
                )
    return problems


def _workflow_problems(
    kind: KindSpec, existing: Mapping[str, Any], cleaned: Mapping[str, Any]
) -> list[FieldProblem]:
    assert kind.workflow is not None
    if "status" not in cleaned:
        return []
    old, new = str(existing["status"]), str(cleaned["status"])
    if kind.workflow.allowed(old, new):
        return []
    enum = kind.workflow.enum
    nxt = kind.workflow.next_statuses(old)
    old_m, new_m = enum(old), enum(new)
    allowed_vi = ", ".join(m.label("vi") for m in nxt) or "không có"
    allowed_en = ", ".join(m.label("en") for m in nxt) or "none"
    spec = kind.fields["status"]
    return [
        _problem(
            spec,
            f"không chuyển được từ '{old_m.label('vi')}' sang '{new_m.label('vi')}' (được phép: {allowed_vi})",
            f"cannot go from '{old_m.label('en')}' to '{new_m.label('en')}' (allowed: {allowed_en})",
        )
    ]

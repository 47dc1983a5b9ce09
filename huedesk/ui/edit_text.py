"""The text a form field starts with: what the services' ``coerce`` reads back unchanged.

Lists and other read-only places use ``huedesk.records.display.display_value``; a form
needs text that round-trips instead: dd/mm/yyyy dates, local times, and numbers
without digit grouping (``1.250`` would read as one and a quarter).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from huedesk.formatting import format_date, format_datetime
from huedesk.money import CURRENCY_EXPONENTS, from_minor
from huedesk.records.fields import FieldSpec


def _local(value: dt.datetime) -> dt.datetime:
    """UTC timestamps shown in local time; wall-clock times (programme items) as stored."""
    return value.astimezone() if value.tzinfo is not None else value


def edit_text(spec: FieldSpec, row: dict[str, Any], lang: str) -> str:
    """The text a form field starts with for ``spec``'s value (what ``coerce`` reads back)."""
    value = row.get(spec.name)
    if value is None:
        return ""
    if spec.is_money:
        currency = str(row.get("currency") or "VND")
        major = from_minor(int(value), currency) if currency in CURRENCY_EXPONENTS else value
        return _plain_number(Decimal(major), lang)
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, Decimal):
        return _plain_number(value, lang)
    if isinstance(value, dt.datetime):
        return format_datetime(_local(value), lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    return str(value)


def _plain_number(value: Decimal, lang: str) -> str:
    """A number without digit grouping (``1250,5``): unambiguous for the parser in both languages."""
    text = (
        format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    )
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "vi" else text


def is_numeric(spec: FieldSpec) -> bool:
    """Numbers and money align right in lists."""
    return spec.type in (int, Decimal) and spec.choices is None and not spec.references

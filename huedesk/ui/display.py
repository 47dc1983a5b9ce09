"""How a stored value reads in a list cell and in a form field.

Lists show labels (enum labels, referenced records by name, dd/mm/yyyy dates,
money with Vietnamese grouping); forms show text the services parse back
(``coerce`` accepts dd/mm/yyyy, decimal commas and grouped digits). Both
read the field's ``FieldSpec``, so there is one rule per field type.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from huedesk.formatting import format_date, format_datetime
from huedesk.money import CURRENCY_EXPONENTS, format_money, from_minor, group_digits
from huedesk.records.fields import FieldSpec


def _local(value: dt.datetime) -> dt.datetime:
    """UTC timestamps shown in local time; wall-clock times (programme items) as stored."""
    return value.astimezone() if value.tzinfo is not None else value


def cell_text(spec: FieldSpec, row: dict[str, Any], lang: str) -> str:
    """The text of ``spec``'s value in ``row`` as a list cell shows it."""
    value = row.get(spec.name)
    if spec.references and not spec.is_country:
        label = row.get(f"{spec.name}__label")
        return "" if value is None else str(label if label is not None else value)
    if value is None:
        return ""
    if spec.is_country:
        label = row.get(f"{spec.name}__label")
        return f"{label}" if label else str(value)
    if spec.choices is not None:
        return spec.choices(str(value)).label(lang)
    if spec.is_money:
        currency = str(row.get("currency") or "VND")
        if currency not in CURRENCY_EXPONENTS:
            return group_digits(int(value), lang)
        return format_money(int(value), currency, lang)
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, int):
        return group_digits(value, lang)
    if isinstance(value, Decimal):
        places = max(0, -int(value.as_tuple().exponent))  # type: ignore[arg-type]
        return group_digits(value, lang, places)
    if isinstance(value, dt.datetime):
        return format_datetime(_local(value), lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    text = str(value)
    return text.replace("\n", " ⏎ ") if spec.multiline else text


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

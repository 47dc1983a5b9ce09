"""How a stored value reads to a person: enum labels, dd/mm/yyyy, Vietnamese money, yes/no.

Used by every place that shows values as text (lists, the command line, exports
for people), so a date or an amount reads the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from huedesk.formatting import format_date, format_datetime
from huedesk.money import CURRENCY_EXPONENTS, format_money, group_digits
from huedesk.records.fields import FieldSpec


def display_value(spec: FieldSpec, row: Mapping[str, Any], lang: str = "vi") -> str:
    """The text for field ``spec`` of ``row`` (uses ``<field>__label`` for references)."""
    value = row.get(spec.name)
    if value is None:
        return ""
    if spec.references and not spec.is_country:
        return str(row.get(f"{spec.name}__label") or value)
    if spec.is_country and row.get(f"{spec.name}__label"):
        return f"{row[f'{spec.name}__label']} ({value})"
    if spec.choices is not None:
        return spec.choices(getattr(value, "value", value)).label(lang)
    if spec.is_money:
        cur = row.get("currency") or "VND"
        return format_money(int(value), cur if cur in CURRENCY_EXPONENTS else "VND", lang)
    if isinstance(value, bool):
        return ("Có" if value else "Không") if lang == "vi" else ("Yes" if value else "No")
    if isinstance(value, dt.datetime):
        return format_datetime(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, int):
        return group_digits(value, lang)
    if isinstance(value, Decimal):
        exp = value.as_tuple().exponent
        places = max(0, -exp) if isinstance(exp, int) else 0
        return group_digits(value, lang, places)
    return str(value)

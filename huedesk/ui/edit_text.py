"""The text a form field starts with: what the services' ``coerce`` reads back unchanged.

Lists and other read-only places use ``huedesk.records.display.display_value``; a form
needs text that round-trips instead: dd/mm/yyyy dates, local times, and numbers
written the way the language writes them (``huedesk.reading.written``: ``5.000.000``
and ``503.802,28`` in Vietnamese, ``5,000,000`` and ``503,802.28`` in English), which
the one reader of typed values reads back in the same language, so a number looks
the same in the list, in the form and after saving (issue #13). Money keeps its
currency's decimal places unless it is whole, as ``format_money`` writes it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from huedesk.formatting import format_date, format_datetime
from huedesk.money import CURRENCY_EXPONENTS, from_minor
from huedesk.reading import convention, written
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
        if currency in CURRENCY_EXPONENTS:
            return number_text(from_minor(int(value), currency), lang, keep_places=True)
        return number_text(Decimal(value), lang)
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, int | Decimal):
        return number_text(Decimal(value), lang)
    if isinstance(value, dt.datetime):
        return format_datetime(_local(value), lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    return str(value)


def number_text(value: Decimal, lang: str, *, keep_places: bool = False) -> str:
    """``value`` grouped in ``lang``'s convention; trailing zeros dropped (all of them when
    whole, the others unless ``keep_places``: ``1.250,50`` USD stays as the list shows it)."""
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    elif not keep_places:
        value = value.normalize()
    return written(value, convention(lang))


def is_numeric(spec: FieldSpec) -> bool:
    """Numbers and money align right in lists."""
    return spec.type in (int, Decimal) and spec.choices is None and not spec.references

"""How a stored value reads to a person: enum labels, dd/mm/yyyy, Vietnamese money, yes/no.

Used by every place that shows values as text (lists, the command line, exports
for people), so a date or an amount reads the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from huedesk.formatting import format_date, format_datetime
from huedesk.money import CURRENCY_EXPONENTS, format_money, from_minor, group_digits
from huedesk.records.fields import FieldSpec


def display_value(spec: FieldSpec, row: Mapping[str, Any], lang: str = "vi") -> str:
    """The text for field ``spec`` of ``row`` (uses ``<field>__label`` for references)."""
    value = row.get(spec.name)
    if value is None:
        return ""
    if spec.references and not spec.is_country:
        return str(row.get(f"{spec.name}__label") or value)
    if spec.is_country and row.get(f"{spec.name}__label"):
        name = (lang == "en" and row.get(f"{spec.name}__label_en")) or row[f"{spec.name}__label"]
        return f"{name} ({value})"
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


def aid_totals(
    project: Mapping[str, Any], lines: Sequence[Mapping[str, Any]], lang: str = "vi"
) -> str:
    """Committed, disbursed and remaining for an aid project, in its currency and in VND.

    ``lines`` are its transactions as the form holds them (saved or not yet): stored
    values with ``amount_vnd`` worked out. Disbursements in another currency than the
    project's are counted in VND only; the commitment in VND is estimated at the
    latest rate given on a line (marked ``≈``) when the project is not in VND.
    """
    currency = str(project.get("currency") or "VND")
    if currency not in CURRENCY_EXPONENTS:
        currency = "VND"
    committed = project.get("committed_amount")
    paid = [
        ln
        for ln in lines
        if getattr(ln.get("tx_type"), "value", ln.get("tx_type")) == "disbursement"
    ]
    paid_vnd = sum(int(ln.get("amount_vnd") or 0) for ln in paid)
    same = all(ln.get("currency") == currency for ln in paid)
    paid_own = sum(int(ln.get("amount") or 0) for ln in paid) if same else None
    vi = lang != "en"

    def money(minor: int, cur: str = currency) -> str:
        return format_money(minor, cur, lang)

    parts = []
    if committed is not None:
        text = money(int(committed))
        if currency != "VND":
            rated = [ln for ln in lines if ln.get("rate_to_vnd") and ln.get("currency") == currency]
            if rated:
                latest = max(rated, key=lambda ln: ln.get("value_date") or dt.date.min)
                estimate = from_minor(int(committed), currency) * Decimal(latest["rate_to_vnd"])
                text += f" (≈ {money(int(estimate.to_integral_value()), 'VND')})"
        parts.append(("Cam kết: " if vi else "Committed: ") + text)
    paid_text = money(paid_vnd, "VND")
    if paid_own is not None and currency != "VND":
        paid_text = f"{money(paid_own)} ({paid_text})"
    parts.append(("Đã giải ngân: " if vi else "Disbursed: ") + paid_text)
    if committed is not None and paid_own is not None:
        parts.append(("Còn lại: " if vi else "Remaining: ") + money(int(committed) - paid_own))
    return " · ".join(parts)

"""Plausible exchange rates to VND, per currency: a rate outside them is probably mistyped.

A rate far from these (``25,45`` for the US dollar instead of ``25.450``, a rate
typed in the wrong direction) is accepted but flagged, so the person sees it
before every VND figure built on it is wrong. The bounds are wide on purpose
(about half to twice the rates of 2015–2026): they catch slips of a factor of
ten or a thousand, not market moves.
"""

from __future__ import annotations

from decimal import Decimal

from huedesk.reading.convention import EN, VI
from huedesk.reading.numbers import written

# VND per one unit of the currency: (lowest plausible, highest plausible).
PLAUSIBLE_RATES: dict[str, tuple[Decimal, Decimal]] = {
    code: (Decimal(low), Decimal(high))
    for code, (low, high) in {
        "VND": ("1", "1"),
        "USD": ("15000", "40000"),
        "EUR": ("15000", "45000"),
        "GBP": ("20000", "55000"),
        "CHF": ("15000", "45000"),
        "JPY": ("100", "350"),
        "KRW": ("10", "30"),
        "CNY": ("2000", "6000"),
        "TWD": ("450", "1200"),
        "HKD": ("2000", "5000"),
        "SGD": ("10000", "30000"),
        "AUD": ("10000", "30000"),
        "NZD": ("9000", "25000"),
        "CAD": ("10000", "30000"),
        "THB": ("400", "1200"),
        "LAK": ("0.5", "4"),
        "RUB": ("100", "800"),
        "SEK": ("1500", "4000"),
        "NOK": ("1500", "4000"),
        "DKK": ("2000", "6000"),
    }.items()
}


def rate_warning(currency: str | None, rate: Decimal | None) -> tuple[str, str] | None:
    """Why ``rate`` (VND per unit of ``currency``) looks wrong, or ``None`` if it looks right."""
    if currency is None or rate is None or currency not in PLAUSIBLE_RATES:
        return None
    low, high = PLAUSIBLE_RATES[currency]
    if low <= rate <= high:
        return None
    vi = [written(v, VI) for v in (rate, low, high)]
    en = [written(v, EN) for v in (rate, low, high)]
    return (
        f"tỷ giá {vi[0]} đồng/{currency} nằm ngoài khoảng thường gặp ({vi[1]}–{vi[2]}); hãy "
        "kiểm tra (dấu chấm ngăn cách hàng nghìn: 25.450 là hai mươi lăm nghìn bốn trăm năm mươi)",
        f"a rate of {en[0]} VND per {currency} is outside the usual range ({en[1]}–{en[2]}); "
        "please check it (in Vietnamese notation 25.450 is twenty-five thousand four hundred "
        "and fifty)",
    )

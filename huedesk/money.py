"""Exact money: integer amounts in a currency's minor unit, never floats.

An amount is stored as an integer count of the currency's smallest unit
(đồng for VND, cents for USD) next to its ISO 4217 code. Amounts in different
currencies are never added together; they are converted to VND first with the
exchange rate recorded for the value date, using ``Decimal`` and half-up rounding
to whole đồng.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# ISO 4217 codes the department meets, with the number of minor-unit digits.
CURRENCY_EXPONENTS: dict[str, int] = {
    "VND": 0,
    "USD": 2,
    "EUR": 2,
    "JPY": 0,
    "KRW": 0,
    "CNY": 2,
    "AUD": 2,
    "CAD": 2,
    "CHF": 2,
    "GBP": 2,
    "LAK": 2,
    "THB": 2,
    "SGD": 2,
    "NZD": 2,
    "RUB": 2,
    "SEK": 2,
    "NOK": 2,
    "DKK": 2,
    "TWD": 2,
    "HKD": 2,
}

CURRENCY_NAMES_VI: dict[str, str] = {"VND": "đồng", "USD": "đô la Mỹ", "EUR": "euro"}


def exponent(currency: str) -> int:
    """Minor-unit digits of ``currency``; raises ``KeyError`` for an unknown code."""
    return CURRENCY_EXPONENTS[currency]


def to_minor(amount: Decimal | int | str, currency: str) -> int:
    """Convert a major-unit amount (``"1234.56"``) to an integer of minor units.

    Raises ``ValueError`` if the amount has more decimals than the currency allows.
    """
    try:
        value = Decimal(str(amount).replace(" ", "").replace("_", ""))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {amount!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not a finite number: {amount!r}")
    scaled = value.scaleb(exponent(currency))
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{currency} allows {exponent(currency)} decimal places")
    return int(scaled)


def from_minor(minor: int, currency: str) -> Decimal:
    """The major-unit ``Decimal`` for an integer of minor units."""
    return Decimal(minor).scaleb(-exponent(currency))


def to_vnd(minor: int, currency: str, rate_to_vnd: Decimal | None) -> int:
    """The amount in whole đồng: VND stays as it is, others need a rate (VND per unit)."""
    if currency == "VND":
        return minor
    if rate_to_vnd is None:
        raise ValueError(f"a rate to VND is needed for {currency}")
    vnd = from_minor(minor, currency) * rate_to_vnd
    return int(vnd.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def group_digits(value: int | Decimal, lang: str = "vi", places: int = 0) -> str:
    """Digits grouped the Vietnamese way (``53.000.000.000``, comma for decimals) or English."""
    q = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{q:,.{places}f}"
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def format_money(minor: int, currency: str, lang: str = "vi") -> str:
    """``53.000.000.000 đồng`` / ``1.250,50 USD`` in Vietnamese; ``VND 53,000,000,000`` in English."""
    places = exponent(currency)
    major = from_minor(minor, currency)
    if places and major == major.to_integral_value():
        places = 0
    digits = group_digits(major, lang, places)
    if lang == "vi":
        return f"{digits} đồng" if currency == "VND" else f"{digits} {currency}"
    return f"{currency} {digits}"


_SCALES = ((10**9, "tỷ", "billion"), (10**6, "triệu", "million"))


def format_short(minor: int, currency: str, lang: str = "vi") -> str:
    """A sum as prose says it: ``53,20 tỷ đồng`` / ``VND 53.20 billion``, ``39,27 triệu USD``;
    sums under a million in full (``format_money``)."""
    major = from_minor(minor, currency)
    for size, vi, en in _SCALES:
        if abs(major) >= size:
            shown = group_digits(major / size, lang, 2)
            unit = "đồng" if currency == "VND" else currency
            return f"{shown} {vi} {unit}" if lang == "vi" else f"{currency} {shown} {en}"
    return format_money(minor, currency, lang)

"""Reading numbers and amounts of money as people write them.

Digits follow the convention (``huedesk.reading.convention``); a number may be
followed by a scale word (``53 tỷ``, ``1,2 triệu``, ``1 tỷ 200 triệu``,
``2.5 million``), and an amount may carry its currency before or after it
(``1,2 triệu USD``, ``53.000.000.000 đồng``, ``USD 1,250.50``). Everything is
exact (``Decimal``); what could be read two ways is refused with the form
the convention expects, never guessed:

* ``25.450`` is 25450 in Vietnamese and 25.45 in English — each reads its own;
* ``2500.50`` is not Vietnamese (the point groups thousands): refused, with
  ``2500,50`` suggested;
* ``1.5.5``, ``1e-30``, ``12..5`` are refused as malformed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from huedesk.money import CURRENCY_EXPONENTS
from huedesk.reading.convention import EN, VI, Convention, Unreadable, shown

# Spaces that may group thousands (typed, or pasted from a word processor or a PDF).
_SPACE = "[ \u00a0\u202f\u2009]"
_SPACES = re.compile(_SPACE)
_MINUS = "\u2212\u2013"  # the minus sign and the en dash, as pasted from documents

# Scale words: longest first so "triệu" wins over "tr".
SCALES: dict[str, int] = {
    "nghìn": 3,
    "ngàn": 3,
    "thousand": 3,
    "triệu": 6,
    "million": 6,
    "tr": 6,
    "tỷ": 9,
    "tỉ": 9,
    "billion": 9,
    "bn": 9,
}
_SCALE_RE = "|".join(sorted(map(re.escape, SCALES), key=len, reverse=True))

# Currency marks an amount may carry, besides the ISO codes HueDesk knows.
_CURRENCY_WORDS = {
    "đồng": "VND",
    "đ": "VND",
    "₫": "VND",
    "vnđ": "VND",
    "€": "EUR",
    "£": "GBP",
    "us$": "USD",
}
# Marks that name more than one currency: refused with the codes to choose from.
_AMBIGUOUS_MARKS = {"$": "USD, AUD, CAD, SGD, HKD, NZD, TWD", "¥": "JPY, CNY"}


def _core(conv: Convention) -> str:
    g, d = re.escape(conv.group), re.escape(conv.decimal)
    return (
        rf"[0-9]{{1,3}}(?:{g}[0-9]{{3}})+(?:{d}[0-9]+)?"
        rf"|[0-9]{{1,3}}(?:{_SPACE}[0-9]{{3}})+(?:{d}[0-9]+)?"
        rf"|[0-9]+(?:{d}[0-9]+)?"
    )


def _part_pattern(conv: Convention) -> re.Pattern[str]:
    return re.compile(
        rf"{_SPACE}*(?P<num>{_core(conv)}){_SPACE}*(?P<scale>{_SCALE_RE})?(?!\w)",
        re.IGNORECASE,
    )


_PARTS = {c.lang: _part_pattern(c) for c in (VI, EN)}
_EXPONENT = re.compile(r"\d[eE][+-]?\d")


def _plain(num: str, conv: Convention) -> Decimal:
    """The value of one matched number: group marks and spaces removed, decimal mark a point."""
    text = _SPACES.sub("", num).replace(conv.group, "").replace(conv.decimal, ".")
    return Decimal(text)


def _example(conv: Convention) -> tuple[str, str]:
    if conv.lang == "vi":
        return (
            "viết như 1.250.000 hoặc 1.250,50 (dấu chấm ngăn cách hàng nghìn, dấu phẩy trước phần thập phân)",
            "write it like 1.250.000 or 1.250,50 (Vietnamese: a point groups thousands, a comma marks decimals)",
        )
    return (
        "viết như 1,250,000 hoặc 1,250.50 (tiếng Anh: dấu phẩy ngăn cách hàng nghìn, dấu chấm trước phần thập phân)",
        "write it like 1,250,000 or 1,250.50 (comma groups thousands, point marks decimals)",
    )


def written(value: Decimal, conv: Convention, *, grouped: bool = True) -> str:
    """``value`` written in ``conv`` (``1.250,5`` / ``1,250.5``): what the reader reads back."""
    text = format(value, "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    if grouped:
        whole = f"{int(whole):,}".replace(",", conv.group)
    return sign + whole + (conv.decimal + frac if frac else "")


def _refusal(text: str, conv: Convention) -> Unreadable:
    """Why ``text`` is not a number in ``conv``, with the form that would be read."""
    how_vi, how_en = _example(conv)
    if _EXPONENT.search(text):
        return Unreadable(
            f"'{shown(text)}' viết dạng lũy thừa; hãy viết đủ chữ số ({how_vi})",
            f"'{shown(text)}' is in exponent notation; write the digits out ({how_en})",
        )
    other = EN if conv.lang == "vi" else VI
    value = _parse(text, other)
    if value is not None:
        mine = written(value, conv)
        if conv.lang == "vi":
            return Unreadable(
                f"'{shown(text)}' không theo cách viết số tiếng Việt (dấu chấm ngăn cách hàng "
                f"nghìn, dấu phẩy trước phần thập phân); nếu là {written(value, other)} theo "
                f"cách viết tiếng Anh thì hãy viết {mine}",
                f"'{shown(text)}' is not written the Vietnamese way (a point groups thousands, "
                f"a comma marks decimals); for {written(value, other)} in English notation "
                f"write {mine}",
            )
        return Unreadable(
            f"'{shown(text)}' không theo cách viết số tiếng Anh (dấu phẩy ngăn cách hàng "
            f"nghìn, dấu chấm trước phần thập phân); nếu là {written(value, other)} theo "
            f"cách viết tiếng Việt thì hãy viết {mine}",
            f"'{shown(text)}' is not written the English way (a comma groups thousands, a "
            f"point marks decimals); for {written(value, other)} in Vietnamese notation "
            f"write {mine}",
        )
    return Unreadable(
        f"'{shown(text)}' không phải số hợp lệ; {how_vi}",
        f"'{shown(text)}' is not a valid number; {how_en}",
    )


def _normalised(text: str) -> str:
    text = unicodedata.normalize("NFC", text).strip()
    for ch in _MINUS:
        text = text.replace(ch, "-")
    return text


def read_decimal(text: str, conv: Convention = VI) -> Decimal:
    """The exact value of a number written in ``conv``, scale words allowed.

    Raises ``Unreadable`` for anything else (with the form that would be read).
    """
    value = _parse(text, conv)
    if value is None:
        raise _refusal(text, conv)
    return value


def _parse(text: str, conv: Convention) -> Decimal | None:
    """``read_decimal`` without the explanation: ``None`` for what ``conv`` does not read."""
    t = _normalised(text)
    negative = False
    if t and t[0] in "+-":
        negative = t[0] == "-"
        t = t[1:].lstrip()
    parts = _PARTS[conv.lang]
    pos = 0
    total = Decimal(0)
    last_scale: int | None = None
    while pos < len(t):
        m = parts.match(t, pos)
        if m is None or m.end() == pos:
            return None
        value = _plain(m["num"], conv)
        scale_word = m["scale"]
        scale = SCALES[scale_word.lower()] if scale_word else 0
        if last_scale is not None and (
            last_scale == 0 or scale >= last_scale or value >= Decimal(10) ** (last_scale - scale)
        ):
            # "1 tỷ 200 triệu" adds up; "200 triệu 1 tỷ" or "1 triệu 2000 nghìn" does not.
            return None
        total += value.scaleb(scale)
        last_scale = scale
        pos = m.end()
    if last_scale is None:
        return None
    return -total if negative else total


def read_integer(text: str, conv: Convention = VI) -> int:
    """A whole number written in ``conv`` (``1.500``, ``2 nghìn``)."""
    value = read_decimal(text, conv)
    if value != value.to_integral_value():
        raise Unreadable(
            f"'{shown(text)}' phải là số nguyên (không có phần thập phân)",
            f"'{shown(text)}' must be a whole number (no decimals)",
        )
    return int(value)


def from_spreadsheet_number(value: float | int) -> Decimal:
    """A number cell of a workbook as the ``Decimal`` its program shows (15 significant digits).

    Spreadsheets keep numbers as binary floats; ``0.1 + 0.2`` is shown as 0.3 and so
    read here, while the float's own digits (``0.30000000000000004``) would be wrong.
    """
    if isinstance(value, bool):
        raise Unreadable(
            "là giá trị đúng/sai, không phải số", "is a true/false value, not a number"
        )
    if isinstance(value, int):
        return Decimal(value)
    if not math.isfinite(value):
        raise Unreadable("không phải số hữu hạn", "is not a finite number")
    return Decimal(format(value, ".15g"))


_CODES = frozenset(c.lower() for c in CURRENCY_EXPONENTS)
_MARKS = r"(?P<mark>[A-Za-z]{3}|us\$|vnđ|đồng|đ|₫|€|\$|¥|£)"
# A mark stands alone or touches digits ("USD1,250", "500đ"), never other letters.
_MARK = re.compile(rf"^{_MARKS}(?![^\W\d])", re.IGNORECASE)
_MARK_END = re.compile(rf"(?<![^\W\d]){_MARKS}$", re.IGNORECASE)


def _currency_of(mark: str, text: str) -> str | None:
    low = mark.lower()
    if low in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[low]
    if low in _CODES:
        return low.upper()
    if len(mark) == 3 and mark.isupper():
        known = ", ".join(sorted(CURRENCY_EXPONENTS))
        raise Unreadable(
            f"'{shown(text)}': mã tiền tệ '{mark}' không được hỗ trợ (dùng: {known})",
            f"'{shown(text)}': currency code '{mark}' is not supported (use: {known})",
        )
    if mark in _AMBIGUOUS_MARKS:
        codes = _AMBIGUOUS_MARKS[mark]
        raise Unreadable(
            f"'{shown(text)}': ký hiệu '{mark}' dùng cho nhiều loại tiền; hãy ghi mã ({codes})",
            f"'{shown(text)}': the sign '{mark}' stands for several currencies; write the code ({codes})",
        )
    return None


def read_amount(text: str, conv: Convention = VI) -> tuple[Decimal, str | None]:
    """An amount in the currency's major unit, and the currency it names (``None`` if none).

    ``1,2 triệu USD`` → (1200000, "USD"); ``53 tỷ đồng`` → (53000000000, "VND").
    """
    t = _normalised(text)
    currency: str | None = None
    for pattern, cut in ((_MARK, "start"), (_MARK_END, "end")):
        m = pattern.search(t)
        if m is None:
            continue
        found = _currency_of(m["mark"], text)
        if found is None:
            continue
        if currency is not None and found != currency:
            raise Unreadable(
                f"'{shown(text)}' ghi hai loại tiền khác nhau",
                f"'{shown(text)}' names two different currencies",
            )
        currency = found
        t = (t[m.end() :] if cut == "start" else t[: m.start()]).strip()
    return read_decimal(t, conv), currency


def read_any_decimal(text: str) -> Decimal:
    """Machine text (``"25450.5"``, the form of bundles and the audit log) as a ``Decimal``."""
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise Unreadable(
            f"'{shown(text)}' không phải số", f"'{shown(text)}' is not a number"
        ) from exc
    if not value.is_finite():
        raise Unreadable(f"'{shown(text)}' không phải số", f"'{shown(text)}' is not a number")
    return value

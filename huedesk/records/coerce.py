"""Turning what a user typed (or a caller passed) into a field's stored value.

Text is read by the one reader of typed values (``huedesk.reading``) in the
caller's convention; each function returns the value or raises ``Invalid``
with a short bilingual reason; ``validation`` turns those into field-named
problems.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from typing import Any

from huedesk.money import CURRENCY_EXPONENTS, exponent
from huedesk.reading import (
    EN,
    VI,
    Convention,
    Unreadable,
    read_amount,
    read_date,
    read_datetime,
    read_decimal,
    read_integer,
    shown,
    written,
)
from huedesk.reading.dates import EARLIEST_YEAR, LATEST_YEAR
from huedesk.records.fields import FieldSpec
from huedesk.text import CONTROL_RE, clean

# A value that does not fit its field; ``vi``/``en`` say why (the reader's error: one kind).
Invalid = Unreadable


def coerce(spec: FieldSpec, raw: Any, currency: str | None, conv: Convention = VI) -> Any:
    """The stored form of ``raw`` for field ``spec``; ``None`` for empty input.

    Text is read with ``conv`` (``huedesk.reading``); exact Python values (``int``,
    ``Decimal``, ``date``) are taken as they are, an ``int`` amount of money being
    minor units and a ``Decimal`` one major units. Floats are refused: they are
    never exact.
    """
    if raw is None or (isinstance(raw, str) and (not raw or raw.isspace())):
        return None
    if spec.choices is not None:
        return _choice(spec, raw)
    handler = _HANDLERS[spec.type]
    return handler(spec, raw, currency, conv)


@functools.cache
def _choice_names(choices: type[Any]) -> dict[str, Any]:
    """Each member of an enum by its value and its two labels (the first member wins a tie)."""
    names: dict[str, Any] = {}
    for member in choices:
        for name in (member.value, member.label("vi"), member.label("en")):
            names.setdefault(name, member)
    return names


def _choice(spec: FieldSpec, raw: Any) -> Any:
    assert spec.choices is not None
    text = clean(str(raw))
    found = _choice_names(spec.choices).get(text)
    if found is not None:
        return found
    options = ", ".join(m.value for m in spec.choices)
    raise Invalid(
        f"giá trị '{shown(text)}' không hợp lệ (chọn: {options})",
        f"'{shown(text)}' is not allowed (choose: {options})",
    )


def storable(raw: str) -> str:
    """``raw`` cleaned (``huedesk.text.clean``), or ``Invalid`` if no database may store it:
    lone surrogates (broken clipboard or files) and control characters (NUL among them,
    which PostgreSQL refuses; SQLite refuses it here too, so data moves between the two)."""
    if not raw.isascii():
        try:
            raw.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise Invalid("chứa ký tự không hợp lệ", "contains an invalid character") from exc
    text = clean(raw)
    if CONTROL_RE.search(text):
        raise Invalid("chứa ký tự điều khiển không hợp lệ", "contains an invalid control character")
    return text


def _str(spec: FieldSpec, raw: Any, _cur: str | None, _conv: Convention) -> str | None:
    if not isinstance(raw, str):
        raise Invalid("phải là văn bản", "must be text")
    text = storable(raw)
    if spec.upper:
        text = text.upper()
    if spec.max_length is not None and len(text) > spec.max_length:
        raise Invalid(
            f"dài quá {spec.max_length} ký tự", f"is longer than {spec.max_length} characters"
        )
    return text or None


_NOT_FLOAT = (
    "phải là số thập phân chính xác (không dùng float)",
    "must be an exact decimal (not a float)",
)


def _int(spec: FieldSpec, raw: Any, currency: str | None, conv: Convention) -> int:
    if isinstance(raw, bool):
        raise Invalid("phải là số", "must be a number")
    if isinstance(raw, float):
        raise Invalid(*_NOT_FLOAT)
    if isinstance(raw, int):
        value = raw
    elif spec.is_money and isinstance(raw, str | Decimal):
        value = _money(raw, currency, conv)
    elif isinstance(raw, str):
        value = read_integer(raw, conv)
        _check_size(Decimal(value))
    elif isinstance(raw, Decimal) and raw.is_finite() and raw == raw.to_integral_value():
        value = int(raw)
    else:
        raise Invalid("phải là số nguyên", "must be a whole number")
    if value < 0 and not spec.references:
        raise Invalid("không được âm", "must not be negative")
    if abs(value) > 2**63 - 1:
        raise Invalid("quá lớn", "is too large")
    return value


def _money(raw: str | Decimal, currency: str | None, conv: Convention) -> int:
    """Minor units of an amount typed in the currency's major unit (``1.250,50`` USD → 125050)."""
    if isinstance(raw, Decimal):
        major, named = raw, None
        if not raw.is_finite():
            raise Invalid("không phải số hợp lệ", "is not a valid number")
    else:
        major, named = read_amount(raw, conv)
    _check_size(major)
    if named is not None and currency is not None and named != currency:
        raise Invalid(
            f"số tiền ghi {named} nhưng loại tiền của hồ sơ là {currency}",
            f"the amount says {named} but the record's currency is {currency}",
        )
    currency = currency or named
    if currency is None:
        example = written(major, conv)
        raise Invalid(
            f"cần biết loại tiền: ghi trường currency (ví dụ currency=USD) hoặc ghi kèm số "
            f"tiền, như '{example} USD'",
            f"needs its currency: give the currency field (e.g. currency=USD) or write it "
            f"with the amount, as '{example} USD'",
        )
    if currency not in CURRENCY_EXPONENTS:
        # the currency field's own rule names the unknown code; the sign is kept so a
        # negative amount is named in the same round (issue #13: all problems at once)
        return -1 if major < 0 else 0
    places = exponent(currency)
    if not isinstance(raw, Decimal):
        _refuse_a_thousand_read_as_one(raw, major, currency, places, conv)
    scaled = major.scaleb(places)
    if scaled != scaled.to_integral_value():
        raise Invalid(
            f"{currency} chỉ có {places} chữ số thập phân"
            if places
            else f"{currency} không có phần thập phân",
            f"{currency} has {places} decimal places" if places else f"{currency} has no decimals",
        )
    return int(scaled)


def _refuse_a_thousand_read_as_one(
    raw: str, major: Decimal, currency: str, places: int, conv: Convention
) -> None:
    """Refuse "1,000" or "50,000" typed for an amount in a currency with fewer than 3 decimals.

    Read the Vietnamese way, "50,000" is fifty with three decimals (zeros), which VND and
    USD allow, so it would be stored as 50 đồng; written the English way it is fifty
    thousand. One to three digits, the decimal mark and exactly three digits is the other
    convention's thousands group, and a currency without a third decimal place would never
    be written so: the two readings are a thousand times apart, so neither is guessed.
    """
    exp = major.as_tuple().exponent
    if places >= 3 or exp != -3 or not 1 <= abs(major) < 1000:
        return
    other = EN if conv.lang == "vi" else VI
    as_other = (major * 1000).to_integral_value()
    mine, theirs = written(major.normalize(), conv), written(as_other, conv)
    raise Invalid(
        f"'{shown(raw)}' không rõ: là {mine} hay {theirs} ({written(as_other, other)} theo "
        f"cách viết tiếng Anh)? {currency} không có ba chữ số thập phân; hãy viết {theirs} "
        f"hoặc {mine}",
        f"'{shown(raw)}' is ambiguous: {mine} or {theirs} ({written(as_other, other)} in "
        f"{'English' if other is EN else 'Vietnamese'} notation)? {currency} has no third "
        f"decimal place; write {theirs} or {mine}",
    )


# Far beyond any amount or exchange rate, and small enough that arithmetic stays instant
# (``1e999999`` would otherwise become a million-digit integer and freeze the window).
_MAX_DIGITS = 28
_MAX_MAGNITUDE = 24


def _check_size(value: Decimal) -> None:
    if value.is_finite() and (
        value.adjusted() > _MAX_MAGNITUDE or len(value.as_tuple().digits) > _MAX_DIGITS
    ):
        raise Invalid("quá lớn hoặc quá nhiều chữ số", "is too large or has too many digits")


def _decimal(spec: FieldSpec, raw: Any, _cur: str | None, conv: Convention) -> Decimal:
    if isinstance(raw, bool | float):
        raise Invalid(*_NOT_FLOAT)
    if isinstance(raw, str):
        value = read_decimal(raw, conv)
    elif isinstance(raw, Decimal | int):
        value = Decimal(raw)
    else:
        raise Invalid("phải là số", "must be a number")
    if not value.is_finite():
        raise Invalid("không phải số hợp lệ", "is not a valid number")
    _check_size(value)
    if value < 0:
        raise Invalid("không được âm", "must not be negative")
    return value


def _check_year(value: dt.date) -> None:
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise Invalid(
            f"năm phải từ {EARLIEST_YEAR} đến {LATEST_YEAR}",
            f"the year must be between {EARLIEST_YEAR} and {LATEST_YEAR}",
        )


def _date(spec: FieldSpec, raw: Any, _cur: str | None, conv: Convention) -> dt.date:
    if isinstance(raw, dt.datetime):
        value = raw.date()
    elif isinstance(raw, dt.date):
        value = raw
    elif isinstance(raw, str):
        return read_date(raw, conv)
    else:
        raise Invalid(
            f"'{shown(raw)}' không phải ngày (viết ngày/tháng/năm, ví dụ 05/03/2024)",
            f"'{shown(raw)}' is not a date (write day/month/year, e.g. 05/03/2024)",
        )
    _check_year(value)
    return value


def _datetime(spec: FieldSpec, raw: Any, _cur: str | None, conv: Convention) -> dt.datetime:
    if isinstance(raw, dt.datetime):
        value = raw
    elif isinstance(raw, dt.date):
        value = dt.datetime.combine(raw, dt.time())
    elif isinstance(raw, str):
        value = read_datetime(raw, conv)
    else:
        raise Invalid(
            f"'{shown(raw)}' không phải thời điểm (viết ngày/tháng/năm giờ:phút)",
            f"'{shown(raw)}' is not a date and time (write day/month/year hour:minute)",
        )
    _check_year(value)
    if spec_wants_aware(spec):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return value.replace(tzinfo=None) if value.tzinfo else value


def spec_wants_aware(spec: FieldSpec) -> bool:
    """UTC timestamps (system times, notifications) are aware; programme times are local wall time."""
    return spec.name in {"created_at", "updated_at", "consulate_notified_at", "at"}


def _bool(spec: FieldSpec, raw: Any, _cur: str | None, _conv: Convention) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str) and raw.strip().lower() in {"1", "true", "yes", "có", "co", "x"}:
        return True
    if isinstance(raw, str) and raw.strip().lower() in {"0", "false", "no", "không", "khong"}:
        return False
    raise Invalid("phải là có/không", "must be yes or no")


_HANDLERS = {
    str: _str,
    int: _int,
    Decimal: _decimal,
    dt.date: _date,
    dt.datetime: _datetime,
    bool: _bool,
}

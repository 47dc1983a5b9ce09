"""Turning what a user typed (or a caller passed) into a field's stored value.

Each function returns the value or raises ``ValueError`` with a short
bilingual reason; ``validation`` turns those into field-named problems.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from huedesk.formatting import parse_date, parse_datetime
from huedesk.money import to_minor
from huedesk.records.fields import FieldSpec
from huedesk.text import clean


class Invalid(ValueError):
    """A value that does not fit its field; ``vi``/``en`` say why."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en


# C0 and C1 control characters other than tab and line breaks: they corrupt terminal
# output (escape sequences), exports and PDFs, and are never typed on purpose.
_CONTROL = frozenset(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))) - {"\t", "\n", "\r"}
_CONTROL_RE = re.compile("[" + "".join(sorted(_CONTROL)) + "]")  # the same set, searched in C
_SHOWN_MAX = 40


def shown(raw: Any) -> str:
    """``raw`` as it may appear inside an error message: short, printable, valid UTF-8."""
    text = str(raw).encode("utf-8", "replace").decode("utf-8")
    text = "".join("?" if ch in _CONTROL else ch for ch in text)
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


def coerce(spec: FieldSpec, raw: Any, currency: str | None) -> Any:
    """The stored form of ``raw`` for field ``spec``; ``None`` for empty input."""
    if raw is None or (isinstance(raw, str) and (not raw or raw.isspace())):
        return None
    if spec.choices is not None:
        return _choice(spec, raw)
    handler = _HANDLERS[spec.type]
    return handler(spec, raw, currency)


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


def _str(spec: FieldSpec, raw: Any, _cur: str | None) -> str | None:
    if not isinstance(raw, str):
        raise Invalid("phải là văn bản", "must be text")
    if not raw.isascii():
        try:
            raw.encode("utf-8")
        except UnicodeEncodeError as exc:  # lone surrogates from broken clipboard or files
            raise Invalid("chứa ký tự không hợp lệ", "contains an invalid character") from exc
    text = clean(raw)
    if _CONTROL_RE.search(text):
        raise Invalid("chứa ký tự điều khiển không hợp lệ", "contains an invalid control character")
    if spec.upper:
        text = text.upper()
    if spec.max_length is not None and len(text) > spec.max_length:
        raise Invalid(
            f"dài quá {spec.max_length} ký tự", f"is longer than {spec.max_length} characters"
        )
    return text or None


def _int(spec: FieldSpec, raw: Any, currency: str | None) -> int:
    if isinstance(raw, bool):
        raise Invalid("phải là số", "must be a number")
    if isinstance(raw, int):
        value = raw
    elif spec.is_money and isinstance(raw, str | Decimal):
        try:
            text = _normalise_number(raw)
            _check_size(Decimal(text))
            value = to_minor(text, currency or "VND")
        except Invalid:
            raise
        except (ValueError, KeyError, ArithmeticError) as exc:
            raise Invalid(
                f"không phải số tiền hợp lệ ({shown(exc)})", f"is not a valid amount ({shown(exc)})"
            ) from exc
    elif isinstance(raw, str):
        try:
            value = int(_normalise_number(raw))
        except ValueError as exc:
            raise Invalid("phải là số nguyên", "must be a whole number") from exc
    else:
        raise Invalid("phải là số", "must be a number")
    if value < 0 and not spec.references:
        raise Invalid("không được âm", "must not be negative")
    if abs(value) > 2**63 - 1:
        raise Invalid("quá lớn", "is too large")
    return value


def _normalise_number(text: str | Decimal) -> str:
    """Accept ``53.000.000.000`` and ``1.250,50`` (Vietnamese) as well as ``1250.50``."""
    if isinstance(text, Decimal):
        return str(text)
    t = text.strip().replace(" ", "").replace("\u00a0", "")
    if "," in t and "." in t:
        t = (
            t.replace(".", "").replace(",", ".")
            if t.rfind(",") > t.rfind(".")
            else t.replace(",", "")
        )
    elif t.count(".") > 1:
        t = t.replace(".", "")
    elif "," in t:
        t = (
            t.replace(",", ".")
            if t.count(",") == 1 and len(t.split(",")[1]) != 3
            else t.replace(",", "")
        )
    return t


# Far beyond any amount or exchange rate, and small enough that arithmetic stays instant
# (``1e999999`` would otherwise become a million-digit integer and freeze the window).
_MAX_DIGITS = 28
_MAX_MAGNITUDE = 24


def _check_size(value: Decimal) -> None:
    if value.is_finite() and (
        value.adjusted() > _MAX_MAGNITUDE or len(value.as_tuple().digits) > _MAX_DIGITS
    ):
        raise Invalid("quá lớn hoặc quá nhiều chữ số", "is too large or has too many digits")


def _decimal(spec: FieldSpec, raw: Any, _cur: str | None) -> Decimal:
    if isinstance(raw, bool | float):
        raise Invalid(
            "phải là số thập phân chính xác (không dùng float)",
            "must be an exact decimal (not a float)",
        )
    try:
        value = Decimal(_normalise_number(str(raw)))
    except InvalidOperation as exc:
        raise Invalid("không phải số hợp lệ", "is not a valid number") from exc
    if not value.is_finite():
        raise Invalid("không phải số hợp lệ", "is not a valid number")
    _check_size(value)
    if value < 0:
        raise Invalid("không được âm", "must not be negative")
    return value


def _date(spec: FieldSpec, raw: Any, _cur: str | None) -> dt.date:
    value: dt.date | None = None
    if isinstance(raw, dt.datetime):
        value = raw.date()
    elif isinstance(raw, dt.date):
        value = raw
    elif isinstance(raw, str):
        try:
            value = parse_date(raw)
        except ValueError:
            value = None
    if value is not None and 1900 <= value.year <= 2200:
        return value
    raise Invalid(
        f"'{shown(raw)}' không phải ngày hợp lệ (dd/mm/yyyy)",
        f"'{shown(raw)}' is not a valid date (dd/mm/yyyy)",
    )


def _datetime(spec: FieldSpec, raw: Any, _cur: str | None) -> dt.datetime:
    value: dt.datetime | None = None
    if isinstance(raw, dt.datetime):
        value = raw
    elif isinstance(raw, dt.date):
        value = dt.datetime.combine(raw, dt.time())
    elif isinstance(raw, str):
        try:
            value = parse_datetime(raw)
        except ValueError:
            value = None
    if value is None or not 1900 <= value.year <= 2200:
        raise Invalid(
            f"'{shown(raw)}' không phải thời điểm hợp lệ (dd/mm/yyyy HH:MM)",
            f"'{shown(raw)}' is not a valid date and time (dd/mm/yyyy HH:MM)",
        )
    if spec_wants_aware(spec):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return value.replace(tzinfo=None) if value.tzinfo else value


def spec_wants_aware(spec: FieldSpec) -> bool:
    """UTC timestamps (system times, notifications) are aware; programme times are local wall time."""
    return spec.name in {"created_at", "updated_at", "consulate_notified_at", "at"}


def _bool(spec: FieldSpec, raw: Any, _cur: str | None) -> bool:
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

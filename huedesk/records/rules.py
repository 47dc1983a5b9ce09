"""Validation rules that span fields, and fields derived from others.

Each rule gets the record's values as they will be stored (existing values
merged with the changes) and returns the problems it finds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from huedesk.errors import FieldProblem
from huedesk.money import CURRENCY_EXPONENTS, to_vnd
from huedesk.records.fields import FieldSpec
from huedesk.records.stored_files import MAX_BYTES, SHA256, stored_name

Fields = dict[str, FieldSpec]


def problem(spec: FieldSpec, vi: str, en: str) -> FieldProblem:
    """A problem with the field ``spec``, worded in both languages."""
    return FieldProblem(spec.name, spec.label_vi, spec.label_en, vi, en)


def dates_ordered(
    first: str, second: str
) -> Callable[[dict[str, Any], Fields], list[FieldProblem]]:
    """``second`` must not come before ``first`` (end date before start date, …)."""

    def rule(values: dict[str, Any], fields: Fields) -> list[FieldProblem]:
        a, b = values.get(first), values.get(second)
        if a is None or b is None or b >= a:
            return []
        fa = fields[first]
        return [
            problem(
                fields[second],
                f"không được trước {fa.label_vi.lower()}",
                f"must not be before the {fa.label_en.lower()}",
            )
        ]

    rule.__name__ = f"dates_ordered_{first}_{second}"
    return rule


def currency_known(values: dict[str, Any], fields: Fields) -> list[FieldProblem]:
    cur = values.get("currency")
    if cur is None or cur in CURRENCY_EXPONENTS:
        return []
    known = ", ".join(sorted(CURRENCY_EXPONENTS))
    return [
        problem(
            fields["currency"],
            f"mã tiền tệ '{cur}' không được hỗ trợ (dùng: {known})",
            f"currency code '{cur}' is not supported (use: {known})",
        )
    ]


# An exchange rate to VND has at most this many decimal places (the State Bank quotes whole
# đồng for most currencies and two decimals for the weakest).
RATE_PLACES = 6


def rate_for_foreign_currency(values: dict[str, Any], fields: Fields) -> list[FieldProblem]:
    cur, rate = values.get("currency"), values.get("rate_to_vnd")
    spec = fields["rate_to_vnd"]
    if rate is not None and rate <= 0:
        return [problem(spec, "phải lớn hơn 0", "must be greater than 0")]
    exp = rate.normalize().as_tuple().exponent if rate is not None else 0
    if isinstance(exp, int) and -exp > RATE_PLACES:
        return [
            problem(
                spec,
                f"có nhiều nhất {RATE_PLACES} chữ số thập phân",
                f"has at most {RATE_PLACES} decimal places",
            )
        ]
    amount = values.get("amount")
    if (
        rate is not None
        and cur in CURRENCY_EXPONENTS
        and cur != "VND"
        and isinstance(amount, int)
        and amount > 0
        and to_vnd(amount, cur, rate) == 0
    ):
        return [
            problem(
                spec,
                "làm số tiền thành 0 đồng; tỷ giá là số đồng cho một đơn vị ngoại tệ",
                "makes the amount 0 VND; the rate is VND per unit of the currency",
            )
        ]
    if cur and cur != "VND" and rate is None:
        return [
            problem(
                spec,
                f"cần tỷ giá quy đổi sang đồng cho {cur} tại ngày giá trị",
                f"a rate to VND at the value date is needed for {cur}",
            )
        ]
    return []


def vnd_value(values: dict[str, Any]) -> dict[str, Any]:
    """The VND equivalent of a transaction, from its amount, currency and rate."""
    amount, cur = values.get("amount"), values.get("currency")
    rate = values.get("rate_to_vnd")
    if amount is None or cur is None or (cur != "VND" and rate is None):
        return {}
    if cur == "VND":
        return {"amount_vnd": amount, "rate_to_vnd": None if rate is None else Decimal(1)}
    return {"amount_vnd": to_vnd(amount, cur, rate)}


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email_ok(values: dict[str, Any], fields: Fields) -> list[FieldProblem]:
    email = values.get("email")
    if not email or _EMAIL.match(email):
        return []
    return [
        problem(fields["email"], "không đúng dạng địa chỉ thư điện tử", "is not an email address")
    ]


def attachment_ok(values: dict[str, Any], fields: Fields) -> list[FieldProblem]:
    """An attachment names its content by SHA-256 (64 lower-case hex digits) and is no
    larger than any attached file may be."""
    problems = []
    sha = values.get("sha256")
    if sha is not None and not SHA256.match(str(sha)):
        problems.append(
            problem(fields["sha256"], "phải là 64 chữ số hệ 16", "must be 64 hexadecimal digits")
        )
    filename = values.get("filename")
    if isinstance(filename, str) and (
        filename in (".", "..") or "/" in filename or "\\" in filename
    ):
        problems.append(
            problem(
                fields["filename"],
                "phải là tên tệp, không phải đường dẫn (/, \\)",
                "must be a file name, not a path (/, \\)",
            )
        )
    size = values.get("size")
    if size is not None and size > MAX_BYTES:
        problems.append(
            problem(
                fields["size"],
                f"lớn hơn {MAX_BYTES // (1024 * 1024)} MB",
                f"is larger than {MAX_BYTES // (1024 * 1024)} MB",
            )
        )
    return problems


def attachment_stored_name(values: dict[str, Any]) -> dict[str, Any]:
    """Where the copy lives: derived from the content, never taken from the caller."""
    sha, filename = values.get("sha256"), values.get("filename")
    if not isinstance(sha, str) or not SHA256.match(sha) or not isinstance(filename, str):
        return {}
    return {"stored_name": stored_name(sha, filename)}

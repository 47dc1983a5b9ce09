"""What each field of a kind takes, in words people read: for ``add KIND --help`` and sheet mapping.

Each field is described by the key to type, what kind of value it holds, its
allowed values, whether it must be given, and an example written in the
language's convention (``huedesk.reading``), so the help and the reader agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from huedesk.money import CURRENCY_EXPONENTS
from huedesk.reading import convention, written
from huedesk.records.fields import SYSTEM_FIELDS, FieldSpec
from huedesk.records.kinds import KINDS, KindSpec
from huedesk.records.lookup import example_ref


@dataclass(frozen=True)
class FieldHelp:
    """One field as the help lists it."""

    key: str
    label: str
    type_text: str
    required: bool
    allowed: str  # allowed values or how to name a record; "" if anything of the type goes
    example: str


def _t(lang: str, vi: str, en: str) -> str:
    return en if lang == "en" else vi


def settable_fields(spec: KindSpec) -> list[FieldSpec]:
    """Fields a person can give when adding a record (no ids, system times or computed ones)."""
    return [
        f
        for f in spec.fields.values()
        if f.name not in SYSTEM_FIELDS and f.name != "ref" and not f.computed
    ]


def type_text(spec: FieldSpec, lang: str = "vi") -> str:
    if spec.choices is not None:
        return _t(lang, "lựa chọn", "choice")
    if spec.is_country:
        return _t(lang, "quốc gia", "country")
    if spec.country_list:
        return _t(lang, "danh sách quốc gia", "list of countries")
    if spec.references:
        target = KINDS[spec.references.split(".")[0]]
        return _t(lang, f"hồ sơ {target.label_vi.lower()}", f"{target.label_en.lower()} record")
    if spec.is_money:
        return _t(lang, "số tiền (đơn vị chính)", "amount (major unit)")
    if spec.type is Decimal:
        return _t(lang, "số thập phân", "decimal number")
    if spec.type is int:
        return _t(lang, "số nguyên", "whole number")
    if spec.type is dt.date:
        return _t(lang, "ngày", "date")
    if spec.type is dt.datetime:
        return _t(lang, "ngày giờ", "date and time")
    if spec.type is bool:
        return _t(lang, "có/không", "yes/no")
    if spec.name == "currency":
        return _t(lang, "mã tiền tệ", "currency code")
    if spec.max_length:
        return _t(lang, f"văn bản (≤{spec.max_length})", f"text (≤{spec.max_length})")
    return _t(lang, "văn bản", "text")


def allowed_text(spec: FieldSpec, lang: str = "vi") -> str:
    if spec.choices is not None:
        return ", ".join(f"{m.value} ({m.label(lang)})" for m in spec.choices)
    if spec.is_country:
        return _t(lang, "mã ISO (JP) hoặc tên (Nhật Bản)", "ISO code (JP) or name (Japan)")
    if spec.country_list:
        return _t(lang, "mã ISO cách nhau bởi dấu cách (KR JP FR)", "ISO codes (KR JP FR)")
    if spec.references:
        target = KINDS[spec.references.split(".")[0]]
        ref = example_ref(target)
        return _t(
            lang,
            f"số tham chiếu ({ref}), UUID hoặc tên đúng như đã lưu",
            f"reference number ({ref}), UUID or exact name",
        )
    if spec.name == "currency":
        return ", ".join(sorted(CURRENCY_EXPONENTS))
    if spec.is_money:
        return _t(
            lang,
            "theo loại tiền của hồ sơ (trường currency), hoặc ghi kèm: 1,2 triệu USD",
            "in the record's currency (field currency), or written with it: 1.2 million USD",
        )
    return ""


def example(spec: FieldSpec, lang: str = "vi") -> str:
    conv = convention(lang)
    if spec.choices is not None:
        return next(iter(spec.choices)).value
    if spec.is_country:
        return "JP"
    if spec.country_list:
        return "KR JP"
    if spec.is_money:
        return written(Decimal("1250000.50"), conv)
    if spec.type is Decimal:
        return written(Decimal("25450"), conv)
    if spec.type is int and not spec.references:
        return written(Decimal(1500), conv)
    if spec.type is dt.date:
        return "05/03/2025"
    if spec.type is dt.datetime:
        return "05/03/2025 14:30"
    if spec.type is bool:
        return _t(lang, "có", "yes")
    if spec.name == "currency":
        return "USD"
    return ""


def describe_fields(kind: str, lang: str = "vi") -> list[FieldHelp]:
    """Every field a person gives for ``kind``, described in ``lang``."""
    spec = KINDS[kind]
    return [
        FieldHelp(
            f.name,
            f.label(lang),
            type_text(f, lang),
            f.required,
            allowed_text(f, lang),
            example(f, lang),
        )
        for f in settable_fields(spec)
    ]

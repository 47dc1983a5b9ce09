"""Field descriptions read off the models, so forms, validation and export share one source.

A ``FieldSpec`` says what a field holds (``str``, ``int``, ``date`` …), whether it is
required, its length limit, its choices, what it refers to, and its labels.
"""

from __future__ import annotations

import builtins
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    Enum,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase

from huedesk.db.enums import LabelledEnum
from huedesk.db.types import ExactDecimal, UTCDateTime

SYSTEM_FIELDS = ("id", "uuid", "created_at", "updated_at")


@dataclass(frozen=True)
class FieldSpec:
    """What one field of a record kind holds and how it is labelled."""

    name: str
    type: builtins.type
    required: bool
    label_vi: str
    label_en: str
    max_length: int | None = None
    choices: builtins.type[LabelledEnum] | None = None
    references: str | None = None  # "table.column" of a foreign key
    personal: bool = False
    computed: bool = False
    country_list: bool = False
    multiline: bool = False
    upper: bool = False  # codes stored in capitals (ISO country and currency codes)
    nullable: bool = True  # False: the column cannot hold NULL (it may have a default)

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang == "en" else self.label_vi

    @property
    def is_country(self) -> bool:
        return self.references == "country.code"

    @property
    def is_money(self) -> bool:
        return self.type is int and self.name in MONEY_FIELDS


# Integer amounts in a currency given by the record's ``currency`` field (minor units).
MONEY_FIELDS = frozenset({"committed_amount", "amount", "registered_capital"})


def _python_type(col: ColumnElement[Any]) -> type:
    t = col.type
    if isinstance(t, Enum):
        return str
    if isinstance(t, UTCDateTime | DateTime):
        return dt.datetime
    if isinstance(t, Date):
        return dt.date
    if isinstance(t, ExactDecimal):
        return Decimal
    if isinstance(t, Boolean):
        return bool
    if isinstance(t, BigInteger | Integer):
        return int
    if isinstance(t, String | Text):
        return str
    raise TypeError(f"no field type for column {col}")


def fields_of(model: type[DeclarativeBase]) -> dict[str, FieldSpec]:
    """Field specs of every column of ``model`` in declaration order (system fields included)."""
    specs: dict[str, FieldSpec] = {}
    table = model.__table__  # type: ignore[attr-defined]
    for col in table.columns:
        info = col.info
        vi, en = info.get("label", (col.name, col.name))
        fk = next(iter(col.foreign_keys), None)
        enum_cls = None
        if isinstance(col.type, Enum) and col.type.enum_class is not None:
            enum_cls = cast(builtins.type[LabelledEnum], col.type.enum_class)
        has_default = col.default is not None or col.server_default is not None
        specs[col.name] = FieldSpec(
            name=col.name,
            type=_python_type(col),
            required=not col.nullable
            and not has_default
            and col.name not in SYSTEM_FIELDS
            and not info.get("computed", False)
            and col.name != "ref",
            label_vi=vi,
            label_en=en,
            max_length=getattr(col.type, "length", None) if not enum_cls else None,
            choices=enum_cls,
            references=fk.target_fullname if fk is not None else None,
            personal=bool(info.get("personal", False)),
            computed=bool(info.get("computed", False)),
            country_list=bool(info.get("country_list", False)),
            multiline=isinstance(col.type, Text),
            upper=bool(info.get("upper", False))
            or col.name == "currency"
            or bool(fk is not None and fk.target_fullname == "country.code"),
            nullable=bool(col.nullable),
        )
    return specs

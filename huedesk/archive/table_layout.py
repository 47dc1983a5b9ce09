"""The columns of a bundle's tables for people, and each record's cells in them.

The JSON Lines stay exact and machine-facing; the CSV files and the workbook are
for the archivists who open them: field labels as headers in the chosen
language, amounts in the currency's major unit beside their currency, dates as
people write them, enum labels, referenced records by name and reference number
(``KOICA (TC-2025-0004)``, what ``huedesk import-sheet`` reads back), and the
UUIDs of the record and of every record it refers to in extra columns at the end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from huedesk.archive.layout import portable_fields, reference_target
from huedesk.money import CURRENCY_EXPONENTS, from_minor
from huedesk.records.kinds import KINDS

# Own-record columns moved to the end of a table (people read the record first).
_TRAILING = ("uuid", "created_at", "updated_at")
UUID_SUFFIX = " (UUID)"


@dataclass(frozen=True)
class Column:
    """One column: its header, the field it shows, and how (``value``, ``uuid`` of a reference)."""

    header: str
    field: str
    role: str = "value"  # "value": the field as people read it; "uuid": a reference's UUID


def _yes_no(lang: str) -> tuple[str, str]:
    return ("Yes", "No") if lang == "en" else ("Có", "Không")


def table_columns(kind: str, lang: str = "vi") -> list[Column]:
    """The columns of ``kind``'s table in ``lang``: fields first, UUIDs and times at the end."""
    spec = KINDS[kind]
    fields = portable_fields(spec)
    front = [f for f in fields if f not in _TRAILING]
    if "ref" in front:
        front.remove("ref")
        front.insert(0, "ref")
    columns = [Column(spec.fields[f].label(lang), f) for f in front]
    columns += [Column(spec.fields[f].label(lang), f) for f in _TRAILING if f in fields]
    columns += [
        Column(spec.fields[f].label(lang) + UUID_SUFFIX, f, "uuid")
        for f in front
        if reference_target(spec, f) is not None
    ]
    # Headers must tell columns apart (a sheet is mapped back by them).
    seen: dict[str, int] = {}
    for c in columns:
        seen[c.header] = seen.get(c.header, 0) + 1
    return [
        Column(f"{c.header} [{c.field}]", c.field, c.role) if seen[c.header] > 1 else c
        for c in columns
    ]


def column_width(kind: str, column: Column) -> int:
    """A workbook column's width in characters: wide enough for what the column holds."""
    fs = KINDS[kind].fields[column.field]
    if column.role == "uuid" or column.field == "uuid":
        width = 37
    elif fs.type is dt.datetime:
        width = 17
    elif fs.type is dt.date:
        width = 12
    elif fs.type in (int, Decimal) and not fs.references:
        width = 16
    elif fs.references or fs.is_country or fs.multiline or (fs.max_length or 0) > 100:
        width = 36
    else:
        width = 14
    return min(max(width, len(column.header) + 2), 45)


def _local(value: dt.datetime) -> dt.datetime:
    """UTC times as the reader's wall clock; wall-clock times (programme items) as stored."""
    return value.astimezone().replace(tzinfo=None) if value.tzinfo is not None else value


class CellMaker:
    """Turns portable records of one kind into the cells people read.

    ``names`` maps a UUID (and a country code) to how the referenced record is
    named: ``"KOICA (TC-2025-0004)"``, ``"Nhật Bản (JP)"``. Cells are Python
    values: text, ``int``/``Decimal`` numbers, ``date``/``datetime``, ``None``.
    """

    def __init__(self, kind: str, lang: str, names: Mapping[str, str]) -> None:
        self.spec = KINDS[kind]
        self.lang = lang
        self.names = names
        self.columns = table_columns(kind, lang)
        self._yes, self._no = _yes_no(lang)
        self._plan = [self._converter(c) for c in self.columns]

    def _converter(self, column: Column) -> Any:
        fs = self.spec.fields[column.field]
        name = column.field
        if column.role == "uuid":
            return lambda r: r.get(name)
        if reference_target(self.spec, name) is not None:
            return lambda r: None if r.get(name) is None else self.names.get(r[name], r[name])
        if fs.is_country:
            return lambda r: None if r.get(name) is None else self.names.get(r[name], r[name])
        if fs.country_list:
            return lambda r: (
                None
                if not r.get(name)
                else ", ".join(self.names.get(c, c) for c in str(r[name]).split())
            )
        if fs.choices is not None:
            enum = fs.choices
            return lambda r: None if r.get(name) is None else enum(r[name]).label(self.lang)
        if fs.is_money:
            return lambda r: self._money(r.get(name), r.get("currency"))
        if fs.type is bool:
            return lambda r: None if r.get(name) is None else (self._yes if r[name] else self._no)
        if fs.type is Decimal:
            return lambda r: None if r.get(name) is None else Decimal(str(r[name]))
        if fs.type is dt.date:
            return lambda r: None if r.get(name) is None else dt.date.fromisoformat(r[name])
        if fs.type is dt.datetime:
            return lambda r: (
                None if r.get(name) is None else _local(dt.datetime.fromisoformat(r[name]))
            )
        return lambda r: r.get(name)

    @staticmethod
    def _money(minor: Any, currency: Any) -> Any:
        if minor is None:
            return None
        if currency in CURRENCY_EXPONENTS:
            return from_minor(int(minor), currency)
        return int(minor)

    def cells(self, record: Mapping[str, Any]) -> list[Any]:
        return [convert(record) for convert in self._plan]

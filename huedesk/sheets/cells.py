"""One cell of a sheet as the value of a field: the reader of typed values, for spreadsheets.

Text cells go through ``huedesk.reading`` in the sheet's convention; number and
date cells come from the spreadsheet program already typed (numbers as shown,
15 significant digits; serial day numbers for dates). A column's unit applies:
``Số tiền (triệu đồng)`` multiplies by a million and says the currency.
References and countries are looked up once per distinct text. A cell HueDesk
cut at export, or neutralised against formulas, is read back as it was meant.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from huedesk.archive.tables import CUT_PATTERN, unneutralise
from huedesk.reading import (
    Convention,
    Unreadable,
    from_excel_serial,
    from_spreadsheet_number,
    read_amount,
    shown,
)
from huedesk.records.kinds import KINDS, KindSpec
from huedesk.records.lookup import resolve_country, resolve_country_list, resolve_reference
from huedesk.sheets.mapping import ColumnRule


class Skip(Exception):
    """The cell gives no value: blank, or cut at export (``vi``/``en`` say why, if worth saying)."""

    def __init__(self, vi: str = "", en: str = "") -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en


class CellReader:
    """Cells of one kind's sheet to field values; lookups cached for the whole sheet."""

    def __init__(
        self, session: Session, spec: KindSpec, conv: Convention, *, blank_erases: bool = False
    ) -> None:
        self.session = session
        self.spec = spec
        self.conv = conv
        self.blank_erases = blank_erases
        self._refs: dict[tuple[str, str], Any] = {}  # id, country code(s) or the refusal
        self._raw: dict[str, str] = {}
        self._held: list[Any] = []

    def start_row(self) -> None:
        self._raw.clear()

    def raw_of(self, name: str) -> str:
        """The cell given for ``name`` in the current row, as it may be shown in a message."""
        return self._raw.get(name, "")

    def put(self, values: dict[str, Any], rule: ColumnRule, raw: Any) -> None:
        """Set ``values[rule.field]`` from the cell ``raw`` (and the currency its unit names)."""
        name = rule.field
        assert name is not None
        if isinstance(raw, str):
            raw = unneutralise(raw.strip())
            if CUT_PATTERN.search(raw):
                raise Skip(
                    "ô đã bị cắt bớt khi xuất (quá 32.767 ký tự); giữ nguyên nội dung đã lưu",
                    "the cell was cut at export (over 32,767 characters); the stored text is kept",
                )
        if raw is None or raw == "":
            if self.blank_erases and name not in ("uuid", "ref"):
                values[name] = None
            raise Skip()
        self._raw[name] = shown(raw)
        fs = self.spec.fields[name]
        if rule.role == "uuid" or (fs.references and not fs.is_country):
            values[name] = self._reference(
                fs.references.split(".")[0] if fs.references else "", raw
            )
        elif fs.is_country:
            values[name] = self._country(str(raw), listed=False)
        elif fs.country_list:
            values[name] = self._country(str(raw), listed=True)
        elif fs.is_money:
            self._money(values, rule, raw)
        elif fs.type is Decimal:
            values[name] = self._number(raw, rule)
        elif fs.type is int:
            number = self._number(raw, rule)
            values[name] = number if isinstance(number, str) else _whole(number, raw)
        elif fs.type is dt.date:
            values[name] = _date(raw)
        elif fs.type is dt.datetime:
            values[name] = raw if isinstance(raw, dt.datetime | str) else _date(raw)
        elif fs.type is bool:
            values[name] = raw if isinstance(raw, bool) else str(raw)
        else:
            values[name] = _text(raw)

    def _number(self, raw: Any, rule: ColumnRule) -> Decimal | str:
        if isinstance(raw, bool):
            raise Unreadable("là đúng/sai, không phải số", "is true/false, not a number")
        if isinstance(raw, int | float):
            return from_spreadsheet_number(raw).scaleb(rule.scale)
        if rule.scale:
            value, _cur = read_amount(str(raw), self.conv)
            return value.scaleb(rule.scale)
        return str(raw)  # read by validation in the sheet's convention

    def _money(self, values: dict[str, Any], rule: ColumnRule, raw: Any) -> None:
        assert rule.field is not None
        named = None
        if rule.currency and "currency" in self.spec.fields and values.get("currency") is None:
            values["currency"] = rule.currency  # the column's unit, even if the amount is refused
        if isinstance(raw, bool):
            raise Unreadable("là đúng/sai, không phải số tiền", "is true/false, not an amount")
        if isinstance(raw, int | float):
            amount = from_spreadsheet_number(raw)
        elif isinstance(raw, Decimal):
            amount = raw
        else:
            amount, named = read_amount(str(raw), self.conv)
        values[rule.field] = amount.scaleb(rule.scale)
        currency = named
        if currency is not None and "currency" in self.spec.fields:
            given = values.get("currency")
            if given is None:
                values["currency"] = currency
            elif str(given).strip().upper() != currency:
                raise Unreadable(
                    f"số tiền ghi {currency} nhưng cột loại tiền ghi {given}",
                    f"the amount says {currency} but the currency column says {given}",
                )

    def _reference(self, target: str, raw: Any) -> int:
        text = str(raw).strip() if not isinstance(raw, float) else str(from_spreadsheet_number(raw))
        key = (target, text)
        found = self._refs.get(key)
        if found is None:
            try:
                found = resolve_reference(self.session, target, text)
                # Held here so the session's identity map keeps it: validation looks each
                # referenced record up again, row after row.
                self._held.append(self.session.get(KINDS[target].model, found))
            except Unreadable as exc:
                found = exc
            self._refs[key] = found
        if isinstance(found, Unreadable):
            raise found
        return int(found)

    def _country(self, text: str, *, listed: bool) -> str:
        key = ("country" + ("[]" if listed else ""), text)
        found = self._refs.get(key)
        if found is None:
            try:
                code = (
                    resolve_country_list(self.session, text)
                    if listed
                    else resolve_country(self.session, text)
                )
                found = code
            except Unreadable as exc:
                found = exc
            self._refs[key] = found
        if isinstance(found, Unreadable):
            raise found
        return str(found)


def _whole(value: Decimal, raw: Any) -> int:
    if value != value.to_integral_value():
        raise Unreadable(
            f"'{shown(raw)}' phải là số nguyên", f"'{shown(raw)}' must be a whole number"
        )
    return int(value)


def _date(raw: Any) -> Any:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date | str):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return from_excel_serial(raw)
    raise Unreadable(f"'{shown(raw)}' không phải ngày", f"'{shown(raw)}' is not a date")


def _text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))  # a number typed in a text column (a phone number, a decision no.)
    if isinstance(raw, dt.datetime):
        return raw.strftime("%d/%m/%Y")
    return str(raw)

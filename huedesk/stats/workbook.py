"""The year's figures as a spreadsheet: a summary, one sheet per area, and the records behind them.

``write_workbook(figures, out, lang)`` writes an ``.xlsx`` (openpyxl, streaming):

* *Tổng hợp / Summary*: every headline figure, the year before, the change;
* one sheet per area: its headline figures, then each breakdown as a table
  (a row per country, donor, sector … with each measure and the year before);
* one sheet of records per area: a row per record behind any of its figures,
  with what it adds to each headline figure and where each breakdown puts it,
  so any figure can be traced (or re-counted with a filter).

Amounts are real numbers in major units with the currency in the header (VND
and USD are exact: spreadsheets hold 15 significant digits). Text is always a
string cell, never a formula (OWASP "CSV Injection"), and characters a
worksheet cannot hold are left out. The file is written to a temporary name
and renamed, so a failed write leaves no half-written workbook.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from huedesk.errors import HueDeskError
from huedesk.money import exponent, format_money, from_minor
from huedesk.stats.model import COUNT, Area, Breakdown, Figure, Figures, RecordLink

_WORDS = {
    "summary": ("Tổng hợp", "Summary"),
    "records": ("hồ sơ", "records"),
    "area": ("Lĩnh vực", "Area"),
    "figure": ("Chỉ tiêu", "Figure"),
    "unit": ("Đơn vị", "Unit"),
    "change": ("Tăng/giảm", "Change"),
    "percent": ("Tỷ lệ (%)", "Change (%)"),
    "count": ("số lượng", "count"),
    "ref": ("Số hiệu", "Reference"),
    "title": ("Tên", "Title"),
    "date": ("Ngày", "Date"),
    "kind": ("Loại hồ sơ", "Record kind"),
    "originals": ("Theo nguyên tệ", "In original currencies"),
    "counts_only": (
        "Chỉ có số liệu tổng hợp: vai trò của bạn không được xem vụ việc lãnh sự.",
        "Counts only: your role may not see consular cases.",
    ),
    "period": ("Kỳ báo cáo", "Period"),
    "as_of": ("Số liệu tính đến ngày", "Counted as of"),
    "estimated": ("(ước tính: có khoản thiếu tỷ giá)", "(estimated: an amount lacks a rate)"),
}
# Sheet names (at most 31 characters in a workbook), by area.
SHEETS = {
    "delegations": ("Đoàn vào, đoàn ra", "Delegations"),
    "partnerships": ("Quan hệ đối tác", "Partnerships"),
    "agreements": ("Thỏa thuận quốc tế", "Agreements"),
    "fdi": ("Đầu tư FDI", "FDI"),
    "aid": ("Viện trợ", "Aid"),
    "consular": ("Lãnh sự", "Consular"),
    "events": ("Sự kiện quốc tế", "Events"),
}
SHEET_NAME_LIMIT = 31
_SHEET_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def _w(key: str, lang: str) -> str:
    vi, en = _WORDS[key]
    return en if lang == "en" else vi


def _sheet_name(text: str, taken: set[str]) -> str:
    base = " ".join(text.translate(_SHEET_FORBIDDEN).split())[:SHEET_NAME_LIMIT].strip()
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
        n += 1
    taken.add(name.casefold())
    return name


def _area_name(area: Area, lang: str) -> str:
    vi, en = SHEETS.get(area.key, (area.label.vi, area.label.get("en")))
    return en if lang == "en" else vi


def _unit_label(unit: str, lang: str) -> str:
    return _w("count", lang) if unit == COUNT else unit


def _number(value: int, unit: str) -> int | Decimal:
    """A count as it is; an amount in major units of its currency."""
    return value if unit == COUNT else from_minor(value, unit)


def _number_format(unit: str) -> str:
    places = 0 if unit == COUNT else exponent(unit)
    return "#,##0." + "0" * places if places else "#,##0"


def _originals_text(pairs: Iterable[tuple[str, int]], lang: str) -> str:
    return "; ".join(format_money(v, c, lang) for c, v in pairs)


class _Sheet:
    """A write-only worksheet with typed, safe cells."""

    def __init__(self, book: Any, name: str) -> None:
        self.ws = book.create_sheet(name)
        self.book = book

    def row(
        self, values: Sequence[Any], formats: Sequence[str | None] = (), *, bold: bool = False
    ) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.styles import Font

        cells = []
        for i, value in enumerate(values):
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell = WriteOnlyCell(self.ws, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text is text, never a formula
            fmt = formats[i] if i < len(formats) else None
            if fmt:
                cell.number_format = fmt
            if isinstance(value, dt.date):
                cell.number_format = "DD/MM/YYYY"
            if bold:
                cell.font = Font(bold=True)
            cells.append(cell)
        self.ws.append(cells)

    def widths(self, widths: Sequence[int]) -> None:
        from openpyxl.utils import get_column_letter

        for i, width in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(i)].width = width


def _change(f: Figure) -> tuple[int | Decimal, float | None]:
    return _number(f.change, f.unit), f.change_percent


def _summary(book: Any, figures: Figures, lang: str, taken: set[str]) -> None:
    sheet = _Sheet(book, _sheet_name(_w("summary", lang), taken))
    sheet.widths([34, 44, 10, 18, 18, 16, 12, 40])
    period, previous = figures.period, figures.previous
    sheet.row([_w("period", lang), period.label(lang)], bold=True)
    sheet.row([_w("as_of", lang), period.as_of])
    sheet.row([])
    heads = [
        _w("area", lang),
        _w("figure", lang),
        _w("unit", lang),
        period.label(lang),
        previous.label(lang),
        _w("change", lang),
        _w("percent", lang),
        _w("originals", lang),
    ]
    sheet.row(heads, bold=True)
    for area in figures.areas:
        for f in area.figures:
            fmt = _number_format(f.unit)
            change, percent = _change(f)
            sheet.row(
                [
                    area.label.get(lang),
                    f.label.get(lang) + (" " + _w("estimated", lang) if f.estimated else ""),
                    _unit_label(f.unit, lang),
                    _number(f.value, f.unit),
                    _number(f.previous, f.unit),
                    change,
                    percent,
                    _originals_text(f.originals, lang),
                ],
                [None, None, None, fmt, fmt, fmt, "0.0"],
            )


def _area_sheet(book: Any, figures: Figures, area: Area, lang: str, taken: set[str]) -> None:
    sheet = _Sheet(book, _sheet_name(_area_name(area, lang), taken))
    period, previous = figures.period.label(lang), figures.previous.label(lang)
    sheet.widths([44, 18, 18, 16, 18, 18, 16, 18, 18])
    sheet.row([area.label.get(lang)], bold=True)
    if area.restriction == "counts_only":
        sheet.row([_w("counts_only", lang)])
    sheet.row(
        [_w("figure", lang), period, previous, _w("change", lang), _w("unit", lang)], bold=True
    )
    for f in area.figures:
        fmt = _number_format(f.unit)
        change, _percent = _change(f)
        sheet.row(
            [f.label.get(lang), _number(f.value, f.unit), _number(f.previous, f.unit), change,
             _unit_label(f.unit, lang)],
            [None, fmt, fmt, fmt],
        )  # fmt: skip
    for part in area.breakdowns:
        _breakdown(sheet, part, period, previous, lang)


def _breakdown(sheet: _Sheet, part: Breakdown, period: str, previous: str, lang: str) -> None:
    sheet.row([])
    sheet.row([part.label.get(lang)], bold=True)
    if not part.rows:
        return
    measures = part.rows[0].figures
    heads: list[str] = [""]
    for m in measures:
        unit = "" if m.unit == COUNT else f" ({m.unit})"
        heads += [
            f"{m.label.get(lang)}{unit} – {period}",
            f"{m.label.get(lang)}{unit} – {previous}",
        ]
    sheet.row(heads, bold=True)
    for row in part.rows:
        values: list[Any] = [row.label.get(lang)]
        formats: list[str | None] = [None]
        for f in row.figures:
            values += [_number(f.value, f.unit), _number(f.previous, f.unit)]
            formats += [_number_format(f.unit)] * 2
        sheet.row(values, formats)


def _records_sheet(book: Any, area: Area, lang: str, taken: set[str]) -> None:
    order: dict[tuple[str, int], RecordLink] = {}
    shares: dict[tuple[str, int], dict[str, int]] = {}
    for f in area.figures:
        for link, share in f.behind():
            key = (link.kind, link.id)
            order.setdefault(key, link)
            shares.setdefault(key, {})[f.key] = share
    places: dict[tuple[str, int], dict[str, list[str]]] = {}
    for part in area.breakdowns:
        for row in part.rows:
            for f in row.figures:
                for link in f.records:
                    key = (link.kind, link.id)
                    order.setdefault(key, link)
                    found = places.setdefault(key, {}).setdefault(part.key, [])
                    label = row.label.get(lang)
                    if label not in found:
                        found.append(label)
    if not order:
        return
    sheet = _Sheet(book, _sheet_name(f"{_area_name(area, lang)} – {_w('records', lang)}", taken))
    heads = [_w("ref", lang), _w("title", lang), _w("date", lang)]
    heads += [f.label.get(lang) + ("" if f.unit == COUNT else f" ({f.unit})") for f in area.figures]
    heads += [p.label.get(lang) for p in area.breakdowns]
    sheet.widths([16, 60, 12, *([16] * len(area.figures)), *([24] * len(area.breakdowns))])
    sheet.row(heads, bold=True)
    formats: list[str | None] = [None, None, None, *(_number_format(f.unit) for f in area.figures)]
    for key, link in sorted(order.items(), key=lambda kv: (kv[1].day or dt.date.min, kv[1].ref)):
        mine = shares.get(key, {})
        where = places.get(key, {})
        values: list[Any] = [link.ref, link.title, link.day]
        values += [_number(mine[f.key], f.unit) if f.key in mine else None for f in area.figures]
        values += ["; ".join(where.get(p.key, [])) for p in area.breakdowns]
        sheet.row(values, formats)


def write_workbook(figures: Figures, out: Path, lang: str = "vi") -> Path:
    """Write the figures to ``out`` (``.xlsx``) and return the path."""
    from openpyxl import Workbook  # on first use: every huedesk command need not load it

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise HueDeskError(
            f"Tệp bảng tính phải có đuôi .xlsx: {out.name}",
            f"The spreadsheet file must end in .xlsx: {out.name}",
        )
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise HueDeskError(
            f"Không có thư mục {folder} để ghi bảng tính.",
            f"There is no folder {folder} to write the spreadsheet to.",
        )
    book = Workbook(write_only=True)
    taken: set[str] = set()
    _summary(book, figures, lang, taken)
    for area in figures.areas:
        _area_sheet(book, figures, area, lang, taken)
    for area in figures.areas:
        _records_sheet(book, area, lang, taken)
    handle, temp = tempfile.mkstemp(prefix=".huedesk-", suffix=".xlsx", dir=folder)
    os.close(handle)
    try:
        book.save(temp)
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return out

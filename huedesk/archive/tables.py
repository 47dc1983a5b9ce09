"""The human-readable copies in a bundle: one CSV per kind and one workbook.

Both show what ``huedesk.archive.table_layout`` makes of each record: labels as
headers, amounts in major units, dates, enum labels, references by name and
number. CSV files are UTF-8 with a byte-order mark (spreadsheet programs need it
to show Vietnamese), numbers written in the language's convention without
digit grouping (``1250,50`` in Vietnamese: never misread by a program set to the
other language) and dates ``dd/mm/yyyy``. The workbook has real numbers and
dates with display formats, a bold frozen header row, and text as inline strings.

Spreadsheet safety (OWASP "CSV Injection"): a CSV text cell that begins with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` so
no spreadsheet program runs it as a formula (``huedesk import-sheet`` removes
the mark again); workbook text is an inline string, which is never a formula.
A cell longer than Excel's limit of 32,767 characters is cut, ends with a
marker saying so, and is listed in the manifest; the JSON Lines keep it whole.

The workbook is written here as plain SpreadsheetML rather than through
openpyxl: openpyxl's streaming writer spends about 15 µs per cell, a minute and
more for the half-million rows of a large office database, while this writer
streams each sheet to a file at the speed of string formatting. openpyxl reads
the result (the tests check it does, row for row).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from huedesk.archive.layout import iter_lines, records_path
from huedesk.archive.table_layout import CellMaker, column_width
from huedesk.reading import convention, written
from huedesk.reading.convention import Convention

# Spreadsheets keep 15 significant digits; numbers with more are written as text.
SIGNIFICANT_DIGITS = 15
EXACT_IN_SPREADSHEET = 10**SIGNIFICANT_DIGITS
# Excel's limit on the characters of one cell (LibreOffice and Excel cut or refuse beyond it).
EXCEL_CELL_LIMIT = 32_767
# First characters that make a spreadsheet program read a cell as a formula (OWASP).
FORMULA_START = frozenset("=+-@\t\r")
FORMULA_GUARD = "'"
CUT_MARK = " …[cắt bớt / cut: {length} ký tự / characters; đủ trong / in full in {file}]"
CUT_PATTERN = re.compile(r" …\[cắt bớt / cut: \d+ ký tự / characters; đủ trong / in full in \S+\]$")
# Characters XML 1.0 does not allow (validation keeps them out; never let one break a sheet).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_BOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"

# Cell styles of the workbook (indexes into cellXfs of styles.xml).
STYLE_DATE, STYLE_DATETIME, STYLE_HEADER = 1, 2, 3
_STYLE_PLACES0 = 4  # "#,##0", then "#,##0.0" … "#,##0.000000" for 1–6 decimal places
_MAX_PLACES = 6


@dataclass
class TableReport:
    """What making one kind's tables changed for spreadsheet safety (for the manifest)."""

    neutralised: int = 0  # CSV text cells given a leading ' so they are not formulas
    overlong: list[dict[str, Any]] = field(default_factory=list)  # cells cut at Excel's limit


def neutralise(text: str) -> str:
    """``text`` made safe for a CSV cell: a leading ``'`` when it would start a formula."""
    return FORMULA_GUARD + text if text[:1] in FORMULA_START else text


def unneutralise(text: str) -> str:
    """The text ``neutralise`` was given (what an imported CSV cell meant)."""
    if text[:1] == FORMULA_GUARD and text[1:2] in FORMULA_START and len(text) > 1:
        return text[1:]
    return text


def _cut(text: str, file: str) -> str:
    mark = CUT_MARK.format(length=len(text), file=file)
    return text[: EXCEL_CELL_LIMIT - len(mark)] + mark


def _csv_text(value: Any, conv: Convention) -> Any:
    """A cell as CSV text: numbers in the convention without grouping, dates day first."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return 1 if value else 0
    if isinstance(value, int | Decimal):
        return written(Decimal(value), conv, grouped=False)
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


class CsvTable:
    """A CSV file being written, one row of cells per record."""

    def __init__(self, path: Path, header: list[str], conv: Convention) -> None:
        # The byte-order mark written by hand: the "utf-8-sig" codec encodes in Python, per row.
        self._fh = path.open("w", encoding="utf-8", newline="")
        self._fh.write("\ufeff")
        self._writer = csv.writer(self._fh)
        self._writer.writerow([neutralise(h) for h in header])
        self._conv = conv
        self.neutralised = 0

    def add(self, cells: list[Any]) -> None:
        row = []
        for value in cells:
            text = _csv_text(value, self._conv)
            if isinstance(text, str) and text[:1] in FORMULA_START:
                text = neutralise(text)
                self.neutralised += 1
            row.append(text)
        self._writer.writerow(row)

    def close(self) -> None:
        self._fh.close()


# Text that needs more than copying into the sheet: XML markup, or characters XML forbids.
_NEEDS_WORK = re.compile("[<>&\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text_cell(text: str, style: int = 0) -> str:
    if _NEEDS_WORK.search(text):
        text = escape(_XML_ILLEGAL.sub("", text))
    s = f' s="{style}"' if style else ""
    if text[:1].isspace() or text[-1:].isspace():
        # Spreadsheet programs trim leading and trailing spaces unless told not to.
        return f'<c t="inlineStr"{s}><is><t xml:space="preserve">{text}</t></is></c>'
    return f'<c t="inlineStr"{s}><is><t>{text}</t></is></c>'


def _number_style(value: Decimal) -> int:
    exp = value.as_tuple().exponent
    places = -exp if isinstance(exp, int) and exp < 0 else 0
    return _STYLE_PLACES0 + places if places <= _MAX_PLACES else 0


def _cell(value: Any) -> str:
    if value is None:
        return "<c/>"
    kind = type(value)
    if kind is str:
        return _text_cell(value)
    if kind is bool:
        return f"<c><v>{int(value)}</v></c>"
    if kind is int:
        if abs(value) < EXACT_IN_SPREADSHEET:
            return f'<c s="{_STYLE_PLACES0}"><v>{value}</v></c>'
        return _text_cell(str(value))
    if kind is Decimal:
        digits = len(value.as_tuple().digits)
        if value.is_finite() and digits <= SIGNIFICANT_DIGITS:
            return f'<c s="{_number_style(value)}"><v>{value}</v></c>'
        return _text_cell(str(value))
    if kind is dt.datetime:
        serial = (value - _EXCEL_EPOCH) / dt.timedelta(days=1)
        return f'<c s="{STYLE_DATETIME}"><v>{serial!r}</v></c>'
    if kind is dt.date:
        serial = (value - _EXCEL_EPOCH.date()).days
        return f'<c s="{STYLE_DATE}"><v>{serial}</v></c>'
    return _text_cell(str(value))


def _column_widths(header: list[str], widths: list[int] | None) -> str:
    sizes = widths or [min(max(len(h) + 2, 10), 45) for h in header]
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
        for i, w in enumerate(sizes, start=1)
    )
    return f"<cols>{cols}</cols>" if cols else ""


def write_sheet(
    path: Path,
    header: list[str],
    rows: Iterable[Iterable[Any]],
    widths: list[int] | None = None,
) -> None:
    """One worksheet part: a bold, frozen header, then one row per item of ``rows``."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write(
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{_MAIN}"><sheetViews><sheetView workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            f"</sheetView></sheetViews>{_column_widths(header, widths)}<sheetData>"
        )
        head = "".join(_text_cell(h, STYLE_HEADER) for h in header)
        fh.write(f'<row r="1">{head}</row>\n')
        for n, values in enumerate(rows, start=2):
            fh.write(f'<row r="{n}">{"".join(map(_cell, values))}</row>\n')
        fh.write("</sheetData></worksheet>")


def tables_from_jsonl(
    jsonl: Path,
    csv_file: Path,
    sheet: Path,
    kind: str,
    lang: str,
    names_file: Path | None,
    report_file: Path,
) -> None:
    """The CSV table and the worksheet of one kind, made from its JSON Lines file.

    Large exports run this in a worker process beside the main process reading the
    database (``huedesk.archive.pipeline``). ``names_file`` (JSON) says how each
    referenced record is named; what was neutralised or cut goes to ``report_file``.
    """
    names: dict[str, str] = {}
    if names_file is not None and names_file.exists():
        names = json.loads(names_file.read_text(encoding="utf-8"))
    maker = CellMaker(kind, lang, names)
    header = [c.header for c in maker.columns]
    table = CsvTable(csv_file, header, convention(lang))
    report = TableReport()
    source = records_path(kind)

    def rows() -> Iterator[list[Any]]:
        with jsonl.open("rb") as fh:
            for n, raw in enumerate(iter_lines(fh), start=2):
                record = json.loads(raw)
                cells = maker.cells(record)
                for i, value in enumerate(cells):
                    if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
                        cells[i] = _cut(value, source)
                        report.overlong.append(
                            {
                                "row": n,
                                "column": header[i],
                                "field": maker.columns[i].field,
                                "uuid": record.get("uuid"),
                                "length": len(value),
                            }
                        )
                table.add(cells)
                yield cells

    widths = [column_width(kind, c) for c in maker.columns]
    try:
        write_sheet(sheet, header, rows(), widths)
    finally:
        table.close()
    report.neutralised = table.neutralised
    report_file.write_text(json.dumps(asdict(report), ensure_ascii=False), encoding="utf-8")


def _styles() -> str:
    fmts = [(164, "dd/mm/yyyy"), (165, "dd/mm/yyyy hh:mm")]
    fmts += [(166 + p, "#,##0" + ("." + "0" * p if p else "")) for p in range(_MAX_PLACES + 1)]
    num_fmts = "".join(f'<numFmt numFmtId="{i}" formatCode={quoteattr(c)}/>' for i, c in fmts)
    xfs = [
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
        '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
    ]
    xfs += [
        f'<xf numFmtId="{166 + p}" fontId="0" fillId="0" borderId="0" xfId="0" '
        'applyNumberFormat="1"/>'
        for p in range(_MAX_PLACES + 1)
    ]
    return (
        f'<styleSheet xmlns="{_MAIN}"><numFmts count="{len(fmts)}">{num_fmts}</numFmts>'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
        '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )


def save_workbook(path: Path, sheets: list[tuple[str, Path]]) -> None:
    """Assemble the ``.xlsx`` package from worksheet parts, one sheet per ``(title, part)``."""
    if not sheets:
        empty = path.with_name(path.name + ".empty.xml")
        write_sheet(empty, [], [])
        sheets = [("empty", empty)]
    n = len(sheets)
    types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_SHEET_TYPE}"/>'
        for i in range(1, n + 1)
    )
    names = "".join(
        f'<sheet name={quoteattr(title[:31])} sheetId="{i}" r:id="rId{i}"/>'
        for i, (title, _p) in enumerate(sheets, start=1)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, n + 1)
    )
    rels += f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr(
            "[Content_Types].xml",
            f'{head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_BOOK_TYPE}"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_STYLES_TYPE}"/>{types}</Types>',
        )
        zf.writestr(
            "_rels/.rels",
            f'{head}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        zf.writestr(
            "xl/workbook.xml",
            f'{head}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{names}</sheets></workbook>',
        )
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            f'{head}<Relationships xmlns="{_PKG_REL}">{rels}</Relationships>',
        )
        zf.writestr("xl/styles.xml", head + _styles())
        for i, (_title, sheet) in enumerate(sheets, start=1):
            zf.write(sheet, f"xl/worksheets/sheet{i}.xml")


def read_csv_rows(data: bytes) -> list[list[str]]:
    """Rows of a bundle CSV (header first); used by tests and the verifier's spot checks."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))

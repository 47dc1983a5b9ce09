"""The human-readable copies in a bundle: one CSV per kind and one workbook.

CSV files are UTF-8 with a byte-order mark, which spreadsheet programs need to
show Vietnamese correctly. The workbook (Office Open XML, ``.xlsx``) has one
sheet per kind with the same header and rows as the CSV; numbers small enough
for a spreadsheet to hold exactly are written as numbers, everything else as
the CSV's text.

The workbook is written here as plain SpreadsheetML with inline strings rather
than through openpyxl: openpyxl's streaming writer spends about 15 µs per cell,
a minute and more for the half-million rows of a large office database, while
this writer streams each sheet to a file at the speed of string formatting.
openpyxl reads the result (the tests check it does, row for row).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from huedesk.archive.layout import iter_lines

# Spreadsheets keep 15 significant digits; larger amounts are written as text.
EXACT_IN_SPREADSHEET = 10**15
# Characters XML 1.0 does not allow (validation keeps them out; never let one break a sheet).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_BOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


class CsvTable:
    """A CSV file being written, one row per record.

    Rows go to the csv module as they are (it writes nothing for ``None`` and
    numbers as digits); only booleans need turning into ``1``/``0`` — what
    ``huedesk.archive.portable.cell_text`` makes of every value.
    """

    def __init__(self, path: Path, header: list[str], booleans: Iterable[str] = ()) -> None:
        # The byte-order mark written by hand: the "utf-8-sig" codec encodes in Python, per row.
        self._fh = path.open("w", encoding="utf-8", newline="")
        self._fh.write("\ufeff")
        self._writer = csv.writer(self._fh)
        self._writer.writerow(header)
        self._header = header
        wanted = set(booleans)
        self._bools = [i for i, name in enumerate(header) if name in wanted]

    def add(self, record: dict[str, Any]) -> None:
        row = [record[name] for name in self._header]
        for i in self._bools:
            if row[i] is not None:
                row[i] = 1 if row[i] else 0
        self._writer.writerow(row)

    def close(self) -> None:
        self._fh.close()


# Text that needs more than copying into the sheet: XML markup, or characters XML forbids.
_NEEDS_WORK = re.compile("[<>&\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text_cell(text: str) -> str:
    if _NEEDS_WORK.search(text):
        text = escape(_XML_ILLEGAL.sub("", text))
    if text[:1].isspace() or text[-1:].isspace():
        # Spreadsheet programs trim leading and trailing spaces unless told not to.
        return f'<c t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


def _cell(value: Any) -> str:
    if value is None:
        return "<c/>"
    kind = type(value)
    if kind is str:
        return _text_cell(value)
    if kind is bool:
        return f"<c><v>{int(value)}</v></c>"
    if kind is int and abs(value) < EXACT_IN_SPREADSHEET:
        return f"<c><v>{value}</v></c>"
    return _text_cell(str(value))


def write_sheet(path: Path, header: list[str], rows: Iterable[Iterable[Any]]) -> None:
    """One worksheet part: the header, then one row per item of ``rows``."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write(
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{_MAIN}"><sheetData>'
        )
        fh.write(f'<row r="1">{"".join(map(_cell, header))}</row>\n')
        for n, values in enumerate(rows, start=2):
            fh.write(f'<row r="{n}">{"".join(map(_cell, values))}</row>\n')
        fh.write("</sheetData></worksheet>")


def tables_from_jsonl(
    jsonl: Path, csv_file: Path, sheet: Path, header: list[str], booleans: list[str]
) -> None:
    """The CSV table and the worksheet of one kind, made from its JSON Lines file.

    Large exports run this in a worker process beside the main process reading the
    database (``huedesk.archive.pipeline``). Each line holds the header's keys.
    """
    table = CsvTable(csv_file, header, booleans)

    def rows() -> Iterator[list[Any]]:
        with jsonl.open("rb") as fh:
            for raw in iter_lines(fh):
                record = json.loads(raw)
                table.add(record)
                yield [record[name] for name in header]

    try:
        write_sheet(sheet, header, rows())
    finally:
        table.close()


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
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr(
            "[Content_Types].xml",
            f'{head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_BOOK_TYPE}"/>{types}</Types>',
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
        for i, (_title, sheet) in enumerate(sheets, start=1):
            zf.write(sheet, f"xl/worksheets/sheet{i}.xml")


def read_csv_rows(data: bytes) -> list[list[str]]:
    """Rows of a bundle CSV (header first); used by tests and the verifier's spot checks."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))

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
import re
import zipfile
from pathlib import Path
from typing import Any, TextIO
from xml.sax.saxutils import escape, quoteattr

from huedesk.archive.portable import cell_text

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
    """A CSV file being written, one row per record."""

    def __init__(self, path: Path, header: list[str]) -> None:
        self._fh = path.open("w", encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._fh)
        self._writer.writerow(header)
        self._header = header

    def add(self, record: dict[str, Any]) -> None:
        self._writer.writerow([cell_text(record[name]) for name in self._header])

    def close(self) -> None:
        self._fh.close()


def _cell(value: Any) -> str:
    if value is None:
        return "<c/>"
    if isinstance(value, bool):
        return f"<c><v>{int(value)}</v></c>"
    if isinstance(value, int) and abs(value) < EXACT_IN_SPREADSHEET:
        return f"<c><v>{value}</v></c>"
    text = _XML_ILLEGAL.sub("", str(value))
    return f'<c t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


class SheetBook:
    """A workbook with one sheet per record kind, each streamed to its own file."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._sheets: list[tuple[str, Path]] = []
        self._fh: TextIO | None = None
        self._header: list[str] = []
        self._row = 0

    def start_sheet(self, title: str, header: list[str]) -> None:
        self._end_sheet()
        path = self._folder / f"sheet{len(self._sheets) + 1}.xml"
        self._sheets.append((title[:31], path))
        self._fh = path.open("w", encoding="utf-8")
        self._fh.write(
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{_MAIN}"><sheetData>'
        )
        self._header = header
        self._row = 0
        self._write([*header])

    def add(self, record: dict[str, Any]) -> None:
        self._write([record[name] for name in self._header])

    def _write(self, values: list[Any]) -> None:
        assert self._fh is not None
        self._row += 1
        self._fh.write(f'<row r="{self._row}">{"".join(map(_cell, values))}</row>\n')

    def _end_sheet(self) -> None:
        if self._fh is not None:
            self._fh.write("</sheetData></worksheet>")
            self._fh.close()
            self._fh = None

    def save(self, path: Path) -> None:
        """Assemble the ``.xlsx`` package from the sheets written so far."""
        self._end_sheet()
        if not self._sheets:
            self.start_sheet("empty", [])
            self._end_sheet()
        n = len(self._sheets)
        types = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_SHEET_TYPE}"/>'
            for i in range(1, n + 1)
        )
        sheets = "".join(
            f'<sheet name={quoteattr(title)} sheetId="{i}" r:id="rId{i}"/>'
            for i, (title, _p) in enumerate(self._sheets, start=1)
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
                f'{head}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{sheets}</sheets></workbook>',
            )
            zf.writestr(
                "xl/_rels/workbook.xml.rels",
                f'{head}<Relationships xmlns="{_PKG_REL}">{rels}</Relationships>',
            )
            for i, (_title, sheet) in enumerate(self._sheets, start=1):
                zf.write(sheet, f"xl/worksheets/sheet{i}.xml")


def read_csv_rows(data: bytes) -> list[list[str]]:
    """Rows of a bundle CSV (header first); used by tests and the verifier's spot checks."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))

"""The human-readable copies in a bundle: one CSV per kind and one workbook.

CSV files are UTF-8 with a byte-order mark, which spreadsheet programs need to
show Vietnamese correctly. The workbook has one sheet per kind with the same
header and rows as the CSV; numbers small enough for a spreadsheet to hold
exactly are written as numbers, everything else as the CSV's text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from huedesk.archive.portable import cell_text

# Spreadsheets keep 15 significant digits; larger amounts are written as text.
EXACT_IN_SPREADSHEET = 10**15


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


def workbook_cell(value: Any) -> Any:
    """A portable value as a workbook cell."""
    if isinstance(value, bool):
        return 1 if value else 0
    if isinstance(value, int) and abs(value) < EXACT_IN_SPREADSHEET:
        return value
    return cell_text(value) or None


class SheetBook:
    """A streaming (write-only) workbook with one sheet per record kind."""

    def __init__(self) -> None:
        self._wb = Workbook(write_only=True)
        self._sheet: Any = None
        self._header: list[str] = []

    def start_sheet(self, title: str, header: list[str]) -> None:
        self._sheet = self._wb.create_sheet(title[:31])
        self._sheet.append(header)
        self._header = header

    def add(self, record: dict[str, Any]) -> None:
        self._sheet.append([workbook_cell(record[name]) for name in self._header])

    def save(self, path: Path) -> None:
        if not self._wb.worksheets:
            self._wb.create_sheet("empty")
        self._wb.save(path)


def read_csv_rows(data: bytes) -> list[list[str]]:
    """Rows of a bundle CSV (header first); used by tests and the verifier's spot checks."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))

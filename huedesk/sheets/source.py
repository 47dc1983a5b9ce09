"""Opening a spreadsheet someone typed: an XLSX workbook or a CSV file, whatever its encoding.

Workbooks are read with openpyxl (read-only, cached values of formulas); CSV
files with the ``csv`` module after their encoding and separator are found:
UTF-8 (with or without a byte-order mark), Windows-1258 (Vietnamese) or
Windows-1252 (Western), ``;`` or ``,`` or a tab. Both may be given instead.
Files come from outside and are hostile until read: sizes, rows and columns
are capped, a workbook's ZIP is checked for bombs before openpyxl opens it,
and every failure is a one-line ``HueDeskError`` naming the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from huedesk.errors import HueDeskError

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # a workbook's XML parts, all together
MAX_RATIO = 200  # unpacked / packed, per part
MAX_ROWS = 1_000_000
MAX_COLUMNS = 300
ENCODINGS = ("utf-8-sig", "utf-8", "cp1258", "cp1252")
# Bytes where Windows-1258 and Windows-1252 differ: tone marks and ă đ ơ ư in 1258.
_VI_MARK_BYTES = frozenset(b"\xcc\xd2\xde\xec\xf2")  # combining grave, hook, tilde, acute, dot
_VI_LETTER_BYTES = frozenset(b"\xc3\xd0\xd5\xdd\xe3\xf0\xf5\xfd")  # Ă Đ Ơ Ư ă đ ơ ư
_ONLY_1252 = frozenset(b"\x8a\x8e\x9a\x9e")  # Š Ž š ž: not in Windows-1258


class SheetError(HueDeskError):
    """A spreadsheet that cannot be read; the message names the file."""


@dataclass
class SheetData:
    """The cells of one sheet as read (values: text, numbers, dates, booleans, ``None``)."""

    path: Path
    rows: list[list[Any]]
    sheet: str | None = None  # the workbook sheet read
    sheets: list[str] = field(default_factory=list)  # every sheet of the workbook
    encoding: str | None = None  # CSV only
    delimiter: str | None = None  # CSV only
    is_csv: bool = False


def _refuse(path: Path, vi: str, en: str) -> SheetError:
    return SheetError(f"{path.name}: {vi}", f"{path.name}: {en}")


def read_sheet(
    path: Path,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> SheetData:
    """The rows of ``path`` (the first sheet of a workbook unless ``sheet`` names one)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _refuse(
            path, f"không mở được tệp ({exc.strerror})", f"cannot open ({exc.strerror})"
        ) from None
    if size > MAX_FILE_BYTES:
        raise _refuse(
            path,
            f"tệp quá lớn (trên {MAX_FILE_BYTES // 1048576} MB)",
            f"the file is too large (over {MAX_FILE_BYTES // 1048576} MB)",
        )
    data = path.read_bytes()
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(path, data, sheet)
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raise _refuse(
            path,
            "không phải tệp Excel .xlsx (tệp .xls cũ: hãy lưu lại dưới dạng .xlsx)",
            "is not an Excel .xlsx file (an old .xls: save it again as .xlsx)",
        )
    return _read_csv(path, data, encoding, delimiter)


def _check_zip(path: Path, data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = 0
            for info in zf.infolist():
                total += info.file_size
                packed = max(info.compress_size, 1)
                if info.file_size > 1_000_000 and info.file_size / packed > MAX_RATIO:
                    raise _refuse(
                        path,
                        f"phần {info.filename} nén bất thường (có thể là tệp độc hại)",
                        f"part {info.filename} is compressed abnormally (possibly hostile)",
                    )
            if total > MAX_UNPACKED_BYTES:
                raise _refuse(path, "nội dung giải nén quá lớn", "unpacks to too much data")
    except zipfile.BadZipFile as exc:
        raise _refuse(path, "tệp Excel bị hỏng", f"the Excel file is damaged ({exc})") from None


def _read_xlsx(path: Path, data: bytes, wanted: str | None) -> SheetData:
    from openpyxl import load_workbook  # loaded only when a workbook is read

    _check_zip(path, data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise _refuse(
            path,
            f"không đọc được tệp Excel ({type(exc).__name__})",
            f"cannot read the workbook ({exc})",
        ) from None
    try:
        names = list(book.sheetnames)
        if wanted is None:
            chosen = names[0]
        elif wanted in names:
            chosen = wanted
        else:
            raise _refuse(
                path,
                f"không có trang '{wanted}' (có: {', '.join(names)})",
                f"there is no sheet '{wanted}' (sheets: {', '.join(names)})",
            )
        rows: list[list[Any]] = []
        for values in book[chosen].iter_rows(values_only=True):
            if len(rows) >= MAX_ROWS:
                raise _refuse(path, f"quá {MAX_ROWS} dòng", f"more than {MAX_ROWS} rows")
            row = list(values[:MAX_COLUMNS])
            while row and (row[-1] is None or row[-1] == ""):
                row.pop()
            rows.append([_plain_cell(v) for v in row])
    finally:
        book.close()
    return SheetData(path, rows, sheet=chosen, sheets=names)


def _plain_cell(value: Any) -> Any:
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return value


def detect_encoding(data: bytes) -> str:
    """The encoding of CSV bytes: UTF-8 (with or without BOM), else Windows-1258 or -1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if any(b in _ONLY_1252 for b in data):
        return "cp1252"
    vietnamese = 0
    previous = 0
    for b in data:
        if b in _VI_MARK_BYTES and (65 <= previous <= 122 or previous >= 0xC0):
            vietnamese += 1  # a tone mark after a letter
        elif b in _VI_LETTER_BYTES:
            vietnamese += 1
        previous = b
    try:
        data.decode("cp1258")
    except UnicodeDecodeError:
        return "cp1252"
    return "cp1258" if vietnamese else "cp1252"


def detect_delimiter(text: str) -> str:
    """``;``, ``,`` or a tab: whichever splits the first lines most evenly."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ";,\t"}
        return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _read_csv(path: Path, data: bytes, encoding: str | None, delimiter: str | None) -> SheetData:
    enc = encoding or detect_encoding(data)
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError) as exc:
        raise _refuse(
            path,
            f"không đọc được theo bảng mã {enc}",
            f"cannot be read as {enc} ({type(exc).__name__})",
        ) from None
    if "\x00" in text:
        raise _refuse(path, "không phải tệp văn bản CSV", "is not a CSV text file")
    text = text.removeprefix("\ufeff")
    lines = text.splitlines()
    if lines and lines[0].lower().startswith("sep=") and len(lines[0]) == 5:
        delimiter = delimiter or lines[0][4]  # Excel's hint line
        text = "\n".join(lines[1:])
    sep = delimiter or detect_delimiter(text)
    rows: list[list[Any]] = []
    try:
        for row in _csv_rows(text, sep):
            if len(rows) >= MAX_ROWS:
                raise _refuse(path, f"quá {MAX_ROWS} dòng", f"more than {MAX_ROWS} rows")
            rows.append(list(row[:MAX_COLUMNS]))
    except csv.Error as exc:
        raise _refuse(path, f"tệp CSV hỏng ({exc})", f"the CSV file is damaged ({exc})") from None
    return SheetData(path, rows, encoding=enc, delimiter=sep, is_csv=True)


def _csv_rows(text: str, sep: str) -> Iterator[list[str]]:
    csv.field_size_limit(1 << 24)
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=sep)

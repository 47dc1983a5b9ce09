"""Reading dates and times as people and spreadsheets write them.

Always day first, in both languages. Accepted: ``05/03/2024``, ``5/3/2024``,
``5-3-2024``, ``5.3.2024``, ``5/3/24`` (two-digit years as Excel reads them:
00–29 are 2000–2029, 30–99 are 1930–1999), ISO ``2024-03-05``, Vietnamese
``ngày 5 tháng 3 năm 2024`` (also without ``ngày``), English ``5 March 2024``
and ``March 5, 2024``; from spreadsheets also Excel serial day numbers
(``45356``). Times: ``14:30``, ``14:30:05``, ``14h30``, ``14h``. A month-first
date (``03/25/2024``), a day that does not exist (``31/02/2025``) and a year
outside 1900–2200 are refused with the form expected.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

from huedesk.reading.convention import VI, Convention, Unreadable, shown

EARLIEST_YEAR = 1900
LATEST_YEAR = 2200
# Day 0 of Excel's 1900 date system, counted so that serials from 61 on (1 March 1900) are right.
_EXCEL_EPOCH = dt.date(1899, 12, 30)

_MONTHS_EN = {
    name: n
    for n, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_NAME = "|".join(sorted(_MONTHS_EN, key=len, reverse=True))

_NUMERIC = re.compile(r"(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})")
_ISO = re.compile(r"(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})")
_VIETNAMESE = re.compile(
    r"(?:ngày\s*)?(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*(?:năm|,)?\s*(?P<y>\d{4})",
    re.IGNORECASE,
)
_DAY_MONTH_NAME = re.compile(
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_NAME})\.?,?\s+(?P<y>\d{{4}})", re.IGNORECASE
)
_MONTH_NAME_DAY = re.compile(
    rf"(?P<m>{_MONTH_NAME})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.IGNORECASE
)
_TIME = re.compile(
    r"(?P<h>\d{1,2})(?:[:h](?P<mi>\d{2})?(?::(?P<s>\d{2}))?|\s*giờ(?:\s*(?P<mi2>\d{1,2})\s*(?:phút)?)?)",
    re.IGNORECASE,
)


def _hint(conv: Convention) -> tuple[str, str]:
    return ("dd/mm/yyyy, ví dụ 05/03/2024", "dd/mm/yyyy, e.g. 05/03/2024")


def _refused(text: str, conv: Convention, why_vi: str = "", why_en: str = "") -> Unreadable:
    how_vi, how_en = _hint(conv)
    return Unreadable(
        f"'{shown(text)}' không phải ngày hợp lệ{why_vi} (viết {how_vi})",
        f"'{shown(text)}' is not a valid date{why_en} (write {how_en})",
    )


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        return 2000 + year if year < 30 else 1900 + year
    return year


def _make(text: str, conv: Convention, year: int, month: int, day: int) -> dt.date:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise _refused(
            text,
            conv,
            f": năm phải từ {EARLIEST_YEAR} đến {LATEST_YEAR}",
            f": the year must be between {EARLIEST_YEAR} and {LATEST_YEAR}",
        )
    if 1 <= day <= 12 < month <= 31:
        raise _refused(
            text,
            conv,
            f": ngày đứng trước tháng (có phải {day:02d}/{month:02d}… là tháng {day}, ngày {month}?)",
            f": the day comes first (is it month {day}, day {month}?)",
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _refused(text, conv, ": không có ngày này", ": there is no such day") from None


# Whole numbers read as years, never as Excel day numbers (which would be dates in 1904-1905).
YEAR_ALONE = (1800, 2100)


def from_excel_serial(serial: int | Decimal | float) -> dt.date:
    """The date of an Excel serial day number (1900 date system)."""
    if isinstance(serial, bool) or serial != int(serial) or not 1 <= serial <= 2_958_465:
        raise Unreadable(
            f"'{shown(serial)}' không phải số ngày của Excel",
            f"'{shown(serial)}' is not an Excel day number",
        )
    if YEAR_ALONE[0] <= serial <= YEAR_ALONE[1]:
        # Day 1975 is in 1905: a sheet's 1975 is the year someone typed, not a date.
        raise Unreadable(
            f"'{shown(serial)}' là một năm, không phải ngày (viết dd/mm/yyyy, ví dụ 05/03/{int(serial)})",
            f"'{shown(serial)}' is a year, not a date (write dd/mm/yyyy, e.g. 05/03/{int(serial)})",
        )
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial))


def read_date(text: str, conv: Convention = VI) -> dt.date:
    """The date ``text`` writes (day first); raises ``Unreadable`` with the expected form."""
    t = unicodedata.normalize("NFC", text).strip()
    for pattern, two_digit in (
        (_NUMERIC, True),
        (_ISO, False),
        (_VIETNAMESE, False),
        (_DAY_MONTH_NAME, False),
        (_MONTH_NAME_DAY, False),
    ):
        m = pattern.fullmatch(t)
        if m is None:
            continue
        month = m["m"]
        month_n = _MONTHS_EN[month.lower()] if month.isalpha() else int(month)
        year = _year(m["y"]) if two_digit else int(m["y"])
        return _make(text, conv, year, month_n, int(m["d"]))
    if conv.spreadsheet and t.isdigit() and len(t) <= 7:
        date = from_excel_serial(int(t))
        return _make(text, conv, date.year, date.month, date.day)
    raise _refused(text, conv)


def read_time(text: str) -> dt.time:
    """``14:30``, ``14:30:05``, ``14h30``, ``14h``, ``14 giờ 30``."""
    m = _TIME.fullmatch(text.strip())
    if m is not None:
        hour = int(m["h"])
        minute = int(m["mi"] or m["mi2"] or 0)
        second = int(m["s"] or 0)
        if hour < 24 and minute < 60 and second < 60:
            return dt.time(hour, minute, second)
    raise Unreadable(
        f"'{shown(text)}' không phải giờ hợp lệ (viết HH:MM, ví dụ 14:30)",
        f"'{shown(text)}' is not a valid time (write HH:MM, e.g. 14:30)",
    )


_SPLIT = re.compile(
    r"^(?P<date>.+?)(?:[ T,]+|\s+lúc\s+|\s+at\s+)(?P<time>\d{1,2}(?:[:h]\d{0,2}(?::\d{2})?|\s*giờ.*))$",
    re.IGNORECASE,
)


def read_datetime(text: str, conv: Convention = VI) -> dt.datetime:
    """A date and time of day (``05/03/2024 14:30``, ISO ``2024-03-05T14:30``); the time may be
    left out (midnight). Naive: the caller decides the time zone."""
    t = unicodedata.normalize("NFC", text).strip()
    m = _SPLIT.match(t)
    try:
        if m is None:
            try:
                return dt.datetime.combine(read_date(t, conv), dt.time())
            except Unreadable:
                parsed = dt.datetime.fromisoformat(t)  # ISO with seconds or an offset
                if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
                    raise ValueError("year out of range") from None
                return parsed
        return dt.datetime.combine(read_date(m["date"], conv), read_time(m["time"]))
    except (Unreadable, ValueError):
        raise Unreadable(
            f"'{shown(text)}' không phải thời điểm hợp lệ (viết ngày/tháng/năm giờ:phút, ví dụ 05/03/2024 14:30)",
            f"'{shown(text)}' is not a valid date and time (write day/month/year hour:minute, e.g. 05/03/2024 14:30)",
        ) from None

"""Dates and numbers as officials read them: dd/mm/yyyy and Vietnamese digit grouping."""

from __future__ import annotations

import datetime as dt


def format_date(value: dt.date | None, lang: str = "vi") -> str:
    """``23/11/2026``; an empty string for ``None`` (both languages use day first)."""
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y")


def format_datetime(value: dt.datetime | None, lang: str = "vi") -> str:
    """``23/11/2026 14:30``."""
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y %H:%M")


def parse_date(text: str) -> dt.date:
    """Parse ``dd/mm/yyyy`` (as typed by users) or ISO ``yyyy-mm-dd``; raises ``ValueError``."""
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"not a date: {text!r}")


def parse_datetime(text: str) -> dt.datetime:
    """Parse ``dd/mm/yyyy HH:MM`` or ISO 8601; raises ``ValueError``."""
    text = text.strip()
    for fmt in ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    return dt.datetime.fromisoformat(text)


def place_date_line(day: dt.date, place: str = "Huế") -> str:
    """The place and date line of a state document: ``Huế, ngày 05 tháng 3 năm 2026``.

    Decree 30/2020 (Appendix I, II.4): days below 10 and the months January and
    February are written with a leading zero (``ngày 05``, ``tháng 01``, ``tháng 02``);
    the other months are not (``tháng 3``, ``tháng 11``).
    """
    return f"{place}, ngày {written_date(day)}"


def written_date(day: dt.date) -> str:
    """``05 tháng 3 năm 2026``: a date as a document's text writes it (Decree 30's padding)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d} tháng {month} năm {day.year}"


def format_size(n: int, lang: str = "vi") -> str:
    """A file size people read: ``1,5 MB`` / ``12 kB`` (decimal comma in Vietnamese)."""
    if n >= 1_048_576:
        text = f"{n / 1_048_576:.1f} MB"
        return text.replace(".", ",") if lang == "vi" else text
    return f"{max(1, n // 1024)} kB"

"""Vietnamese text handling shared by every text path (forms, search, sort, PDF, export).

Text is stored NFC (precomposed), because that is what Vietnamese keyboards on
Windows produce, what fonts shape correctly in ReportLab subsets, and what makes
string equality behave. ``fold`` is the search/sort key: no tone marks, no case,
and ``đ`` folded to ``d`` (it has no Unicode decomposition, so NFD alone misses it).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Names:
    """A label in Vietnamese and (optionally) English."""

    vi: str
    en: str | None = None

    def get(self, lang: str) -> str:
        return (self.en or self.vi) if lang == "en" else self.vi


# C0 and C1 control characters other than tab and line breaks: they corrupt terminal
# output (escape sequences), exports and PDFs, are never typed on purpose, and NUL
# cannot be stored on PostgreSQL at all (it ends a C string), so neither backend stores them.
CONTROL_CHARACTERS = frozenset(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))) - {
    "\t",
    "\n",
    "\r",
}
CONTROL_RE = re.compile("[" + "".join(sorted(CONTROL_CHARACTERS)) + "]")  # the same set, in C

_D_FOLD = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})

# Vietnamese alphabetical order of base letters, with f j w z (foreign names) where Latin puts them.
_VI_ORDER = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_VI_RANK = {ch: i for i, ch in enumerate(_VI_ORDER)}
# Tone marks in the order Vietnamese dictionaries use: none, grave, hook, tilde, acute, dot below.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve (ă), circumflex (â ê ô), horn (ơ ư)


def nfc(value: str) -> str:
    """Return ``value`` in Unicode NFC form (precomposed Vietnamese letters)."""
    return unicodedata.normalize("NFC", value)


def clean(value: str) -> str:
    """NFC-normalise and strip outer whitespace; the form every stored string takes."""
    return nfc(value).strip()


def fold(value: str) -> str:
    """Fold Vietnamese text for matching: lower case, no diacritics, đ → d.

    >>> fold("Đoàn Đại sứ Huế")
    'doan dai su hue'
    """
    decomposed = unicodedata.normalize("NFD", value.translate(_D_FOLD))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()


def sort_key(value: str) -> str:
    """A key that sorts Vietnamese text in dictionary order with plain binary comparison.

    Letters compare first by base letter in Vietnamese order (so ``đ`` follows ``d``
    and ``ơ`` follows ``ô``), then tone marks break ties. The key is a string so it
    can be stored in an indexed column and sorted by SQLite without a Python collation.
    """
    letters: list[str] = []
    tones: list[str] = []
    for ch in nfc(value).casefold():
        parts = unicodedata.normalize("NFD", ch)
        base = parts[0]
        marks = parts[1:]
        letter = unicodedata.normalize(
            "NFC", base + "".join(m for m in marks if m in _LETTER_MARKS)
        )
        tone = next((_TONES[m] for m in marks if m in _TONES), 0)
        rank = _VI_RANK.get(letter)
        if rank is not None:
            letters.append(chr(0x100 + rank))
        elif letter.isdigit() and len(letter) == 1 and letter.isascii():
            letters.append(chr(0x80 + int(letter)))
        elif letter.isalnum():
            letters.append(chr(0x200 + ord(letter)) if ord(letter) < 0xFE00 else letter)
        else:
            letters.append(" " if letter.isspace() else chr(0x20 + (ord(letter) % 0x5F)))
        tones.append(chr(0x30 + tone))
    return "".join(letters) + "\x01" + "".join(tones)

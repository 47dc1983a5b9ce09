"""How numbers and dates are written in each language HueDesk speaks, and the reader's error.

One convention per language, the same one HueDesk prints with:

* **Vietnamese** (``vi``): ``.`` groups thousands and ``,`` is the decimal mark
  (``53.000.000.000``, ``1.250,50``, ``25.450``);
* **English** (``en``): ``,`` groups thousands and ``.`` is the decimal mark
  (``53,000,000,000``, ``1,250.50``, ``25,450``).

In both, a space (also a no-break space) may group thousands, dates are day
first (``dd/mm/yyyy``), and what a convention does not allow is refused with
the form it expects rather than guessed. A spreadsheet convention also reads
Excel's serial day numbers as dates.
"""

from __future__ import annotations

from dataclasses import dataclass

from huedesk.text import CONTROL_CHARACTERS


@dataclass(frozen=True)
class Convention:
    """How typed numbers and dates are read: the language's marks, and where they come from."""

    lang: str = "vi"
    spreadsheet: bool = False  # cells of a workbook or CSV file: Excel serial dates are dates

    @property
    def group(self) -> str:
        """The mark that groups thousands."""
        return "." if self.lang == "vi" else ","

    @property
    def decimal(self) -> str:
        """The decimal mark."""
        return "," if self.lang == "vi" else "."

    def for_sheets(self) -> Convention:
        return Convention(self.lang, spreadsheet=True)


VI = Convention("vi")
EN = Convention("en")


def convention(lang: str | None) -> Convention:
    """The convention of ``lang`` (``"vi"`` unless ``"en"``)."""
    return EN if lang == "en" else VI


class Unreadable(ValueError):
    """Text that cannot be read as the value asked for; ``vi``/``en`` say why and how to write it."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en


_SHOWN_MAX = 40


def shown(raw: object) -> str:
    """``raw`` as it may appear inside an error message: short, printable, valid UTF-8."""
    text = str(raw).encode("utf-8", "replace").decode("utf-8")
    text = "".join("?" if ch in CONTROL_CHARACTERS else ch for ch in text)
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"

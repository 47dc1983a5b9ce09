"""The one reader of typed values: numbers, money, rates, dates, times.

Record windows, the command line, archive import and spreadsheet import all read
what people type through these functions, so ``25.450`` means the same
everywhere and what HueDesk prints reads back exactly. The conventions are in
``huedesk.reading.convention`` and ``docs/typing-values.md``; references to other
records are read in ``huedesk.records.lookup`` (they need the database).
"""

from huedesk.reading.convention import EN, VI, Convention, Unreadable, convention, shown
from huedesk.reading.dates import from_excel_serial, read_date, read_datetime, read_time
from huedesk.reading.numbers import (
    from_spreadsheet_number,
    read_amount,
    read_any_decimal,
    read_decimal,
    read_integer,
    written,
)
from huedesk.reading.rates import PLAUSIBLE_RATES, rate_warning

__all__ = [
    "EN",
    "PLAUSIBLE_RATES",
    "VI",
    "Convention",
    "Unreadable",
    "convention",
    "from_excel_serial",
    "from_spreadsheet_number",
    "rate_warning",
    "read_amount",
    "read_any_decimal",
    "read_date",
    "read_datetime",
    "read_decimal",
    "read_integer",
    "read_time",
    "shown",
    "written",
]

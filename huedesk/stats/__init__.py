"""The year in figures: counts and sums of the department's work for any period.

``Statistics(db, actor).year(2025)`` gives every area's figures (delegations,
partnerships, agreements, FDI, aid, consular work, events) as of 31 December
2025, each beside the same figure for 2024 and with the records behind it,
split by country, partner, level, region, sector, donor, type and status.
Figures of a closed year stand on the status history (``status_change``), so
they do not move when a record changes afterwards. Nothing here imports Qt;
the window, the yearly review and the spreadsheet read the plain values of
``huedesk.stats.model``.
"""

from huedesk.stats.model import (
    COUNT,
    Area,
    Breakdown,
    Figure,
    Figures,
    Names,
    Period,
    RecordLink,
    Row,
)
from huedesk.stats.service import AREAS, Statistics, count_in, period_of, year_period

__all__ = [
    "AREAS",
    "COUNT",
    "Area",
    "Breakdown",
    "Figure",
    "Figures",
    "Names",
    "Period",
    "RecordLink",
    "Row",
    "Statistics",
    "count_in",
    "period_of",
    "year_period",
]

"""``huedesk report``: the year's figures, printed or written as a spreadsheet.

    huedesk report 2025                         # headline figures beside 2024
    huedesk report 2025 -o so-lieu-2025.xlsx    # one sheet per area plus the records behind them
    huedesk report --from 01/01/2025 --to 30/06/2025 -o nua-dau-2025.xlsx

openpyxl is imported only when a spreadsheet is written (see ``brief_cmd``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from huedesk.cli.arguments import day, year
from huedesk.cli.context import CommandContext
from huedesk.cli.table import table_lines
from huedesk.errors import HueDeskError
from huedesk.formatting import format_date
from huedesk.stats import COUNT, Figure, period_of, year_period


def register(sub: Any) -> None:
    p = sub.add_parser(
        "report",
        help="số liệu tổng hợp năm / the year in figures",
        description="Số liệu công tác đối ngoại của một năm (hoặc một kỳ) so với cùng kỳ năm "
        "trước. The figures of a year (or period) beside the same days a year earlier; "
        "with -o, a spreadsheet with one sheet per area and the records behind each figure.",
    )
    p.add_argument("year", metavar="YYYY", type=year, nargs="?", help="năm / year")
    p.add_argument("--from", dest="start", type=day, metavar="DATE", help="từ ngày (dd/mm/yyyy)")
    p.add_argument("--to", dest="end", type=day, metavar="DATE", help="đến ngày (dd/mm/yyyy)")
    p.add_argument("-o", "--output", type=Path, metavar="OUT.xlsx", help="bảng tính / spreadsheet")
    p.add_argument("--lang", choices=("vi", "en"), default="vi", help="language (default vi)")
    p.set_defaults(handler=run)


def shown(f: Figure, value: int, lang: str) -> str:
    """A figure's value as people read it: 1.250 or 8.550.000.000 đồng or 39.270.000 USD."""
    from huedesk.money import format_money, group_digits

    return group_digits(value, lang) if f.unit == COUNT else format_money(value, f.unit, lang)


def run(ctx: CommandContext) -> int:
    a = ctx.args
    stats = ctx.workspace().stats
    if a.year is not None and (a.start or a.end):
        raise HueDeskError(
            "Chọn một năm hoặc --from/--to, không cả hai.", "Give a year or --from/--to, not both."
        )
    if a.year is not None:
        period = year_period(a.year)
    elif a.start and a.end:
        period = period_of(a.start, a.end)
    else:
        raise HueDeskError(
            "Cần một năm (YYYY) hoặc cả --from và --to.",
            "Give a year (YYYY) or both --from and --to.",
        )
    lang = ctx.lang
    if a.output is not None:
        ctx.print(str(stats.spreadsheet(period, a.output, lang)))
        return 0
    figures = stats.period(period, links=False)
    previous = figures.previous
    as_of = "tính đến" if lang == "vi" else "as of"
    ctx.print(f"{period.label(lang)} ({as_of} {format_date(period.as_of, lang)})")
    rows = [["", "", period.label(lang), previous.label(lang)]]
    for area in figures.areas:
        for f in area.figures:
            rows.append(
                [area.label.get(lang), f.label.get(lang), shown(f, f.value, lang),
                 shown(f, f.previous, lang)]
            )  # fmt: skip
    for line in table_lines(rows):
        ctx.print(line)
    return 0

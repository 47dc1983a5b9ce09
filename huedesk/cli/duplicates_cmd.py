"""``huedesk duplicates [--kind K]``: people and organisations that are probably the same record."""

from __future__ import annotations

from typing import Any

from huedesk.cli.context import CommandContext
from huedesk.cli.table import table_lines
from huedesk.records.duplicates import DUPLICATE_KINDS


def register(sub: Any) -> None:
    p = sub.add_parser(
        "duplicates",
        description="List people and organisations (partner localities included) that are "
        "probably the same, with a score and the reason: names compared without tone marks "
        "or case, in any order, without spaces, and across common transliterations.",
    )
    p.add_argument("--kind", choices=DUPLICATE_KINDS, help="only this kind (default: both)")
    p.add_argument("--min-score", type=int, default=60, metavar="N", help="0–100 (default 60)")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--lang", choices=["vi", "en"], default="vi")
    p.set_defaults(handler=run)


def run(ctx: CommandContext) -> int:
    svc = ctx.workspace().records
    en = ctx.lang == "en"
    rows = [
        ["score", "record", "likely the same as", "why"]
        if en
        else ["điểm", "hồ sơ", "có thể trùng với", "lý do"]
    ]
    total = 0
    for kind in [ctx.args.kind] if ctx.args.kind else list(DUPLICATE_KINDS):
        pairs = svc.duplicates(kind, min_score=ctx.args.min_score)
        total += len(pairs)
        for p in pairs[: ctx.args.limit]:
            rows.append(
                [
                    str(p.score),
                    f"{p.first.ref} {p.first.name}",
                    f"{p.second.ref} {p.second.name}",
                    p.reason(ctx.lang),
                ]
            )
    for line in table_lines(rows, free_last=True):
        ctx.print(line)
    ctx.print(f"({total} {'pairs' if en else 'cặp'})")
    return 0

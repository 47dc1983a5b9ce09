"""``huedesk demo``: fill the database with realistic Vietnamese demo records."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from huedesk.cli.context import CommandContext


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "demo",
        description="Add realistic demo records (delegations, consular cases, aid, partners, "
        "agreements, FDI, events, tasks). The same --seed gives the same data.",
    )
    p.add_argument(
        "--records", type=_positive, default=2000, help="top-level records to add (default 2000)"
    )
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    p.set_defaults(handler=run)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def run(ctx: CommandContext) -> int:
    show = not ctx.args.quiet and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\r  {done}/{total}", end="", file=sys.stderr, flush=True)

    summary = ctx.workspace().demo.generate(ctx.args.records, seed=ctx.args.seed, progress=progress)
    if show:
        print(file=sys.stderr)
    ctx.print(
        f"Đã tạo {summary.total} dòng dữ liệu mẫu trong {summary.seconds:.1f} giây "
        f"/ wrote {summary.total} demo rows in {summary.seconds:.1f} s into {ctx.db_path}"
    )
    return 0

"""``huedesk audit``: the audit log as a table, newest first, optionally for one record."""

from __future__ import annotations

import argparse
from typing import Any

from huedesk.cli.context import CommandContext
from huedesk.cli.table import table_lines
from huedesk.formatting import format_datetime


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "audit",
        description="Who changed what and when (newest first). Read-only: HueDesk never edits "
        "the log; 'huedesk check' verifies its hash chain.",
    )
    p.add_argument("--record", metavar="REF", help="only this record (reference or UUID)")
    p.add_argument("--kind", help="only this record kind (e.g. consular_case)")
    p.add_argument("--by", metavar="USER", help="only changes by this user")
    p.add_argument("--limit", type=int, default=50, help="entries to show (default 50)")
    p.add_argument("--lang", choices=["vi", "en"], default="vi")
    p.set_defaults(handler=run)


def run(ctx: CommandContext) -> int:
    log = ctx.workspace().audit
    args = ctx.args
    rows = log.page(args.record, args.kind, args.by, limit=max(args.limit, 0))
    total = log.count(args.record, args.kind, args.by)
    lang = ctx.lang
    en = lang == "en"
    head = (
        ("Time", "User", "Action", "Record", "Ref", "Changes")
        if en
        else (
            "Thời gian",
            "Người thực hiện",
            "Thao tác",
            "Loại hồ sơ",
            "Số hiệu",
            "Thay đổi",
        )
    )
    table = [head] + [
        (
            format_datetime(r.at.astimezone()),
            r.actor,
            r.action.label(lang),
            r.kind_label(lang),
            r.record_ref or "",
            r.describe(lang),
        )
        for r in rows
    ]
    for line in table_lines(table, free_last=True):
        ctx.print(line)
    shown = f"{len(rows)}/{total}"
    ctx.print(f"({shown} entries)" if en else f"({shown} mục)")
    return 0

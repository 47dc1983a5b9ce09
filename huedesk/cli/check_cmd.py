"""``huedesk check``: integrity check with a clear verdict (exit 1 when problems are found)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from huedesk.cli.context import CommandContext
from huedesk.records.kinds import KINDS


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "check",
        description="Run SQLite's integrity check, foreign keys, schema revision, the audit "
        "hash chain and its head (kept beside the database, in each backup and in the "
        "bundles given with --against), reference counters, task sources and attachment "
        "hashes.",
    )
    p.add_argument("--lang", choices=["vi", "en"], default="vi")
    p.add_argument(
        "--skip-attachments", action="store_true", help="do not re-hash attachment files"
    )
    p.add_argument(
        "--against",
        nargs="+",
        default=[],
        metavar="FILE",
        type=Path,
        help="bundles (.zip) exported from this database, or backup files kept elsewhere: "
        "the audit log must hold the head each one recorded (the backups folder's are "
        "always compared)",
    )
    p.set_defaults(handler=run)


def run(ctx: CommandContext) -> int:
    report = ctx.workspace().maintenance.check(
        verify_attachments=not ctx.args.skip_attachments, against=ctx.args.against
    )
    en = ctx.lang == "en"
    ctx.print(f"{'Database' if en else 'Cơ sở dữ liệu'}: {ctx.db_path}")
    for kind, n in report.counts.items():
        if n:
            ctx.print(f"  {KINDS[kind].label(ctx.lang)}: {n}")
    for vi, en_text in report.notes:
        ctx.print(f"{'Note' if en else 'Lưu ý'}: {en_text if en else vi}")
    if report.ok:
        ctx.print("OK — no problems found." if en else "TỐT — không phát hiện lỗi.")
        return 0
    ctx.print(f"{'PROBLEMS' if en else 'CÓ LỖI'} ({len(report.problems)}):")
    for vi, en_text in report.problems:
        ctx.print(f"  - {en_text if en else vi}")
    return 1

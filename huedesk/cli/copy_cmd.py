"""``huedesk copy --from A --to B``: move a whole database between a file and a server.

An administrator's action on the source (``--user``, as every command). The target
must be empty (it is created and given the schema if need be) or already an exact
copy, in which case nothing is written. See ``huedesk.transfer``.
"""

from __future__ import annotations

import argparse
import sys

from huedesk.cli.context import CommandContext


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "copy",
        description="Copy a whole database (records, audit log, accounts, attachments) into an "
        "empty one: a laptop's file to a PostgreSQL server (--to postgresql://user@host/db) or "
        "back. Every table is counted and checksummed on both sides afterwards; run again, it "
        "changes nothing.",
    )
    p.add_argument("--from", dest="source", required=True, metavar="DB", help="file or URL")
    p.add_argument("--to", dest="target", required=True, metavar="DB", help="file or URL")
    p.add_argument("--lang", choices=["vi", "en"], default="vi")
    p.set_defaults(handler=run_copy)


def run_copy(ctx: CommandContext) -> int:
    from huedesk.accounts.roles import require_admin
    from huedesk.cli.signin import sign_in
    from huedesk.db.location import parse_location
    from huedesk.db.migrate import open_database
    from huedesk.errors import HueDeskError
    from huedesk.store import open_store
    from huedesk.transfer import copy_database
    from huedesk.workspace import Door

    en = ctx.lang == "en"
    source_at, target_at = parse_location(ctx.args.source), parse_location(ctx.args.target)
    if source_at == target_at:
        raise HueDeskError("Nguồn và đích là một.", "The source and the target are the same.")
    source = open_store(source_at, auto_backup=False)
    try:
        require_admin(sign_in(Door(source), getattr(ctx.args, "user", None)).principal)
        target = open_database(target_at)
        try:

            def progress(table: str, done: int, total: int) -> None:
                if done == total:
                    print(f"  {table}: {total}", file=sys.stderr)

            report = copy_database(source, target, progress=progress)
        finally:
            target.dispose()
    finally:
        source.dispose()
    if not report.copied:
        ctx.print(
            f"{target_at} already holds exactly this data ({report.total} rows, {report.files} "
            "files); nothing was changed."
            if en
            else f"{target_at} đã có đúng dữ liệu này ({report.total} dòng, {report.files} tệp); "
            "không thay đổi gì."
        )
        return 0
    ctx.print(
        f"Copied {report.total} rows in {len(report.rows)} tables and {report.files} files to "
        f"{target_at}; counts and checksums equal."
        if en
        else f"Đã chép {report.total} dòng ({len(report.rows)} bảng) và {report.files} tệp sang "
        f"{target_at}; số lượng và mã kiểm tra khớp."
    )
    return 0

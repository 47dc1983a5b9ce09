"""``huedesk backup`` and ``huedesk restore``: copies of the database, and putting one back.

Both are administrator actions (``huedesk.maintenance``): the command signs in
first. Backing up needs no lock (SQLite's online backup reads a consistent state
while others work); restoring takes the application lock, so it refuses while a
HueDesk window has the database open. A restore first says what it will undo and
asks (``--yes`` to skip); it keeps the current accounts and the audit log. Only a
database too damaged to open is restored without a sign-in (``maintenance.rescue``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from huedesk import backup
from huedesk.cli.context import CommandContext
from huedesk.db.integrity import DamagedDatabaseError
from huedesk.errors import HueDeskError
from huedesk.formatting import format_size
from huedesk.paths import backups_dir

_KIND_VI = {
    "daily": "hằng ngày",
    "monthly": "hằng tháng",
    "manual": "thủ công",
    "pre-restore": "trước khôi phục",
    "pre-upgrade": "trước nâng cấp",
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "backup",
        description="Back up the database with SQLite's online backup (safe while HueDesk runs). "
        "Without -o the copy goes to the backups folder beside the database.",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write the backup to FILE instead")
    p.add_argument("--list", action="store_true", help="list the backups in the backups folder")
    p.add_argument("--lang", choices=["vi", "en"], default="vi")
    p.set_defaults(handler=run_backup)

    r = sub.add_parser(
        "restore",
        description="Replace the database with a backup, after checking the backup's integrity "
        "and schema. The current database is kept as a 'pre-restore' backup first.",
    )
    r.add_argument("file", nargs="?", metavar="FILE", help="the backup file to restore")
    r.add_argument(
        "--newest", action="store_true", help="restore the newest good backup in the backups folder"
    )
    r.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    r.add_argument("--lang", choices=["vi", "en"], default="vi")
    r.set_defaults(handler=run_restore)


def run_backup(ctx: CommandContext) -> int:
    vi = ctx.lang != "en"
    backups_of = ctx.workspace().backups
    if ctx.args.list:
        backups = backups_of.list()
        if not backups:
            folder = backups_dir(ctx.workspace().path)  # a server's: beside its stand-in path
            ctx.print(
                f"Chưa có bản sao lưu nào trong {folder}." if vi else f"No backups in {folder} yet."
            )
            return 0
        for b in backups:
            when = b.created.astimezone().strftime("%d/%m/%Y %H:%M:%S")
            kind = _KIND_VI[b.kind] if vi else b.kind
            note = f" ({b.reason})" if b.reason else ""
            ctx.print(f"{when}  {kind + note:<28} {format_size(b.size, ctx.lang):>9}  {b.path}")
        return 0
    if ctx.args.output:
        dest = backups_of.to(Path(ctx.args.output).expanduser())
    else:
        dest = backups_of.now()
    ctx.print(f"Đã sao lưu vào {dest}" if vi else f"Backed up to {dest}")
    return 0


def run_restore(ctx: CommandContext) -> int:
    if ctx.args.newest == bool(ctx.args.file):
        raise HueDeskError(
            "Hãy chỉ rõ một tệp sao lưu, hoặc dùng --newest.",
            "Name one backup file, or use --newest.",
        )
    source = Path(ctx.args.file).expanduser() if ctx.args.file else None
    if source is None:
        source = backup.newest_good_backup(ctx.db_file)
        if source is None:
            raise HueDeskError(
                f"Không có bản sao lưu tốt nào trong {backups_dir(ctx.db_file)}.",
                f"There is no good backup in {backups_dir(ctx.db_file)}.",
            )
    try:
        ctx.db()
    except DamagedDatabaseError:  # nobody can sign in to it: the one restore without sign-in
        from huedesk.workspace import Door

        _say_restored(ctx, source, Door.rescue(ctx.db_file, source))
        return 0
    backups_of = ctx.workspace().backups
    plan = backups_of.plan(source)
    ctx.print(plan.describe(ctx.lang))
    if not ctx.args.yes:
        if not sys.stdin.isatty():
            raise HueDeskError(
                "Khôi phục cần được xác nhận: chạy tại cửa sổ lệnh hoặc thêm --yes.",
                "A restore must be confirmed: run it at a terminal or add --yes.",
            )
        answer = input("Khôi phục? / Restore? [y/N] ")
        if answer.strip().lower() not in {"y", "yes", "c", "có"}:
            ctx.print("Không khôi phục. / Not restored.")
            return 1
    report = backups_of.restore(source)  # the workspace reopens the restored file
    _say_restored(ctx, source, report.kept)
    for note in report.notes:
        ctx.print(note)
    return 0


def _say_restored(ctx: CommandContext, source: Path, kept: Path | None) -> None:
    if ctx.lang != "en":
        ctx.print(f"Đã khôi phục {ctx.db_file} từ {source}.")
        if kept:
            ctx.print(f"Cơ sở dữ liệu cũ được giữ tại {kept}.")
    else:
        ctx.print(f"Restored {ctx.db_file} from {source}.")
        if kept:
            ctx.print(f"The replaced database is kept at {kept}.")

"""``huedesk privacy``: retention review, anonymisation, and encrypting an export bundle."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from huedesk.cli.context import CommandContext
from huedesk.cli.signin import ask_new_secret
from huedesk.cli.table import table_lines
from huedesk.errors import HueDeskError
from huedesk.formatting import format_date
from huedesk.privacy.retention import (
    DEFAULT_RETENTION_YEARS,
    RETENTION_ENV,
    retention_years,
)

PASSPHRASE_ENV = "HUEDESK_EXPORT_PASSPHRASE"


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "privacy",
        description="Retention review of closed consular cases, anonymisation, encrypted export.",
    )
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=["vi", "en"], default="vi")
    ps = p.add_subparsers(dest="privacy_command", metavar="ACTION", required=True)

    q = ps.add_parser(
        "review", help="closed consular cases past the retention period", parents=[lang]
    )
    q.add_argument(
        "--older-than-years",
        type=int,
        help=f"period in years (default ${RETENTION_ENV} or {DEFAULT_RETENTION_YEARS})",
    )
    q.set_defaults(handler=run_review)

    q = ps.add_parser(
        "anonymise", help="remove the personal content of a closed case", parents=[lang]
    )
    q.add_argument("ref", help="case reference, e.g. LS-2019-0004")
    q.add_argument("--yes", action="store_true", help="confirm (the change cannot be undone)")
    q.set_defaults(handler=run_anonymise)

    q = ps.add_parser(
        "encrypt", help="write a folder or ZIP bundle as an AES-256 ZIP", parents=[lang]
    )
    q.add_argument("src", type=Path)
    q.add_argument("dest", type=Path)
    q.set_defaults(handler=run_encrypt)


def run_review(ctx: CommandContext) -> int:
    years = retention_years(ctx.args.older_than_years)
    items = ctx.workspace().privacy.review(years)
    en = ctx.lang == "en"
    if not items:
        ctx.print(
            f"No closed case older than {years} years."
            if en
            else f"Không có vụ việc nào đã đóng quá {years} năm."
        )
        return 0
    head = (
        ("Ref", "Closed on", "Status", "People", "Summary")
        if en
        else (
            "Số hiệu",
            "Ngày kết thúc",
            "Tình trạng",
            "Số người",
            "Tóm tắt",
        )
    )
    rows = [head] + [
        (i.ref, format_date(i.closed_on), i.status.label(ctx.lang), str(i.people), i.title)
        for i in items
    ]
    for line in table_lines(rows, free_last=True):
        ctx.print(line)
    ctx.print(
        f"({len(items)} cases closed more than {years} years ago; "
        "'huedesk privacy anonymise REF --yes' anonymises one)"
        if en
        else f"({len(items)} vụ việc đã đóng quá {years} năm; "
        "'huedesk privacy anonymise SỐ-HIỆU --yes' để ẩn danh)"
    )
    return 0


def run_anonymise(ctx: CommandContext) -> int:
    if not ctx.args.yes:
        raise HueDeskError(
            f"Ẩn danh {ctx.args.ref} không hoàn tác được; thêm --yes để xác nhận.",
            f"Anonymising {ctx.args.ref} cannot be undone; add --yes to confirm.",
        )
    r = ctx.workspace().privacy.anonymise(ctx.args.ref)
    en = ctx.lang == "en"
    ctx.print(
        f"{r.ref} anonymised: {len(r.people_anonymised)} people, {r.actions} actions, "
        f"{r.consents} consents."
        if en
        else f"Đã ẩn danh {r.ref}: {len(r.people_anonymised)} người, {r.actions} diễn biến, "
        f"{r.consents} đồng ý."
    )
    if r.people_kept:
        kept = ", ".join(r.people_kept)
        ctx.print(
            f"Kept (also in other records): {kept}"
            if en
            else f"Giữ lại (còn có trong hồ sơ khác): {kept}"
        )
    if r.undo_data_removed:
        ctx.print(
            f"Undo data removed: {r.undo_data_removed} merges/imports can no longer be undone."
            if en
            else f"Đã xóa dữ liệu hoàn tác: {r.undo_data_removed} thao tác gộp/nhập "
            "không hoàn tác được nữa."
        )
    if r.attachments:
        ctx.print(
            f"{r.attachments} attachments of the case still need review."
            if en
            else f"Còn {r.attachments} tệp đính kèm của vụ việc cần xem xét."
        )
    return 0


def _passphrase() -> str:
    return ask_new_secret(
        PASSPHRASE_ENV, "Cụm mật khẩu / Passphrase: ", "cụm mật khẩu", "a passphrase"
    )


def run_encrypt(ctx: CommandContext) -> int:
    from huedesk.privacy.encrypted_zip import encrypt_zip  # pyzipper: only this action needs it

    dest = encrypt_zip(ctx.args.src, ctx.args.dest, _passphrase())
    ctx.print(f"{'Written' if ctx.lang == 'en' else 'Đã ghi'}: {dest}")
    return 0

"""``huedesk brief``: print a delegation brief, a consular case summary or an aid statement to PDF.

    huedesk brief delegation ĐV-2025-0012 -o doan-gifu.pdf [--full]
    huedesk brief delegation ĐV-2025-0012 -o to-trinh.pdf --as to-trinh [--to "UBND thành phố Huế"]
    huedesk brief case LS-2025-0007 -o vu-viec.pdf --redact
    huedesk brief aid VT-2025-0003 -o vien-tro.pdf
    huedesk brief aid --donor "KOICA" -o koica.pdf --lang en
    huedesk brief aid --year 2025 -o vien-tro-2025.pdf [--detail]
    huedesk brief year 2025 -o tong-ket-2025.pdf

A reference may be typed without tone marks or ``Đ`` (``DV-2025-0012``).

Briefs are made through the workspace (``ws.briefs``), which loads ReportLab on
first use: every ``huedesk`` command builds this module's parser, and loading
ReportLab would add 0.15–0.3 s to the start-up of commands that print nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from huedesk.cli.arguments import year
from huedesk.cli.context import CommandContext
from huedesk.db.enums import DocKind
from huedesk.errors import HueDeskError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "brief",
        description="In tài liệu PDF theo thể thức Nghị định 30/2020/NĐ-CP. "
        "Print a PDF brief in the Decree 30/2020 format.",
    )
    which = parser.add_subparsers(dest="brief_kind", metavar="KIND", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="PDF file to write")
        p.add_argument("--lang", choices=("vi", "en"), default="vi", help="language (default vi)")

    def addressed(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--as",
            dest="doc",
            choices=[k.value for k in DocKind],
            default="bao-cao",
            help="loại văn bản: báo cáo, công văn, tờ trình / document kind (default bao-cao)",
        )
        p.add_argument(
            "--to",
            default="",
            metavar="TEXT",
            help="(công văn, tờ trình) Kính gửi / addressee (default: the parent agency)",
        )

    p = which.add_parser("delegation", help="tài liệu phục vụ đoàn / delegation brief")
    p.add_argument("ref", metavar="REF", help="số hiệu đoàn, e.g. ĐV-2025-0012")
    p.add_argument(
        "--full",
        action="store_true",
        help="kèm phụ lục quá trình hợp tác / add the full history with the partner",
    )
    common(p)
    addressed(p)
    p.set_defaults(handler=_delegation)

    p = which.add_parser("case", help="tóm tắt vụ việc lãnh sự / consular case summary")
    p.add_argument("ref", metavar="REF", help="số hiệu vụ việc, e.g. LS-2025-0007")
    p.add_argument(
        "--redact",
        action="store_true",
        help="che số hộ chiếu, ngày sinh, liên hệ / mask passport numbers, birth dates, contacts",
    )
    common(p)
    addressed(p)
    p.set_defaults(handler=_case)

    p = which.add_parser("aid", help="báo cáo viện trợ / aid statement")
    scope = p.add_mutually_exclusive_group(required=True)
    scope.add_argument("ref", metavar="REF", nargs="?", help="số hiệu dự án, e.g. VT-2025-0003")
    scope.add_argument("--donor", metavar="NAME", help="nhà tài trợ (tên hoặc số hiệu) / donor")
    scope.add_argument("--year", metavar="YYYY", type=year, help="năm / year")
    p.add_argument(
        "--detail",
        action="store_true",
        help="(--year) kèm phụ lục chi tiết giao dịch / add every transaction as an appendix",
    )
    common(p)
    addressed(p)
    p.set_defaults(handler=_aid)

    p = which.add_parser("year", help="báo cáo tổng kết năm / yearly review")
    p.add_argument("year", metavar="YYYY", type=year, help="năm / year")
    common(p)
    p.set_defaults(handler=_year_review)


def _done(ctx: CommandContext, out: Path) -> int:
    ctx.print(str(out))
    return 0


def _record_brief(ctx: CommandContext, kind: str, **options: bool) -> int:
    """The brief of the record ``ctx.args.ref`` of ``kind``, through the signed-in workspace."""
    ws = ctx.workspace()
    record_id = ws.records.find_id(kind, ref=ctx.args.ref, loose=True)
    doc, to = _doc(ctx)
    out = ws.briefs.render(
        kind, record_id, ctx.args.output, lang=ctx.lang, doc=doc, to=to, **options
    )
    return _done(ctx, out)


def _doc(ctx: CommandContext) -> tuple[str, str]:
    """The kind of document asked for (``--as``) and its addressee (``--to``)."""
    if ctx.args.to.strip() and ctx.args.doc == "bao-cao":
        raise HueDeskError(
            "--to chỉ dùng với --as cong-van hoặc --as to-trinh.",
            "--to goes with --as cong-van or --as to-trinh only.",
        )
    return DocKind(ctx.args.doc).code, ctx.args.to


def _delegation(ctx: CommandContext) -> int:
    return _record_brief(ctx, "delegation", full=ctx.args.full)


def _case(ctx: CommandContext) -> int:
    return _record_brief(ctx, "consular_case", redact=ctx.args.redact)


def _aid(ctx: CommandContext) -> int:
    ws = ctx.workspace()
    args = ctx.args
    out = Path(args.output)
    doc, to = _doc(ctx)
    if args.detail and args.year is None:
        raise HueDeskError("--detail chỉ dùng với --year.", "--detail goes with --year only.")
    if args.year is not None:
        statement = ws.briefs.aid_statement(
            out, year=args.year, lang=ctx.lang, detail=args.detail, doc=doc, to=to
        )
        return _done(ctx, statement)
    if args.donor is not None:
        donor_id = ws.briefs.find_donor(args.donor)
        return _done(
            ctx, ws.briefs.aid_statement(out, donor_id=donor_id, lang=ctx.lang, doc=doc, to=to)
        )
    if not args.ref:  # argparse's group is required, but an empty REF ("") slips through
        raise HueDeskError(
            "Cần số hiệu dự án, --donor hoặc --year.",
            "Give a project reference, --donor or --year.",
        )
    project_id = ws.records.find_id("aid_project", ref=args.ref, loose=True)
    statement = ws.briefs.aid_statement(out, project_id=project_id, lang=ctx.lang, doc=doc, to=to)
    return _done(ctx, statement)


def _year_review(ctx: CommandContext) -> int:
    out = ctx.workspace().briefs.year_review(ctx.args.year, Path(ctx.args.output), lang=ctx.lang)
    return _done(ctx, out)

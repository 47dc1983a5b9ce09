"""``huedesk brief``: print a delegation brief, a consular case summary or an aid statement to PDF.

    huedesk brief delegation ĐV-2025-0012 -o doan-gifu.pdf
    huedesk brief case LS-2025-0007 -o vu-viec.pdf --redact
    huedesk brief aid VT-2025-0003 -o vien-tro.pdf
    huedesk brief aid --donor "KOICA" -o koica.pdf --lang en
    huedesk brief aid --year 2025 -o vien-tro-2025.pdf
    huedesk brief year 2025 -o tong-ket-2025.pdf

A reference may be typed without tone marks or ``Đ`` (``DV-2025-0012``).

``huedesk.briefs`` (and with it ReportLab) is imported inside the handlers, not
at the top: every ``huedesk`` command builds this module's parser, and loading
ReportLab would add 0.15–0.3 s to the start-up of commands that print nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huedesk.cli.context import CommandContext
from huedesk.db.functions import folded
from huedesk.errors import HueDeskError, NotFoundError
from huedesk.records.kinds import kind_spec
from huedesk.records.service import find_id_in
from huedesk.records.visibility import require_kind
from huedesk.text import fold


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

    p = which.add_parser("delegation", help="tài liệu phục vụ đoàn / delegation brief")
    p.add_argument("ref", metavar="REF", help="số hiệu đoàn, e.g. ĐV-2025-0012")
    common(p)
    p.set_defaults(handler=_delegation)

    p = which.add_parser("case", help="tóm tắt vụ việc lãnh sự / consular case summary")
    p.add_argument("ref", metavar="REF", help="số hiệu vụ việc, e.g. LS-2025-0007")
    p.add_argument(
        "--redact",
        action="store_true",
        help="che số hộ chiếu, ngày sinh, liên hệ / mask passport numbers, birth dates, contacts",
    )
    common(p)
    p.set_defaults(handler=_case)

    p = which.add_parser("aid", help="báo cáo viện trợ / aid statement")
    scope = p.add_mutually_exclusive_group(required=True)
    scope.add_argument("ref", metavar="REF", nargs="?", help="số hiệu dự án, e.g. VT-2025-0003")
    scope.add_argument("--donor", metavar="NAME", help="nhà tài trợ (tên hoặc số hiệu) / donor")
    scope.add_argument("--year", metavar="YYYY", type=_year, help="năm / year")
    common(p)
    p.set_defaults(handler=_aid)

    p = which.add_parser("year", help="báo cáo tổng kết năm / yearly review")
    p.add_argument("year", metavar="YYYY", type=_year, help="năm / year")
    common(p)
    p.set_defaults(handler=_year_review)


def _year(text: str) -> int:
    if not (text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"not a year: {text!r}")
    return int(text)


def find_by_ref(session: Session, kind: str, ref: str) -> int:
    """The record with reference ``ref``; falls back to ignoring tone marks and ``Đ``."""
    try:
        return find_id_in(session, kind, ref=ref)
    except NotFoundError:
        table = kind_spec(kind).model.__table__  # type: ignore[attr-defined]
        found = session.scalars(
            select(table.c.id).where(folded(table.c.ref) == fold(ref.strip()))
        ).all()
        if len(found) == 1:
            return int(found[0])
        raise


def _done(ctx: CommandContext, out: Path) -> int:
    ctx.print(str(out))
    return 0


def _delegation(ctx: CommandContext) -> int:
    from huedesk.briefs import render_brief  # on use: see the module docstring

    db = ctx.db()
    with db.read() as s:
        record_id = find_by_ref(s, "delegation", ctx.args.ref)
    return _done(
        ctx, render_brief(db, "delegation", record_id, Path(ctx.args.output), lang=ctx.lang)
    )


def _case(ctx: CommandContext) -> int:
    from huedesk.briefs import render_brief  # on use: see the module docstring

    db = ctx.db()
    require_kind(ctx.principal(), "consular_case")
    with db.read() as s:
        record_id = find_by_ref(s, "consular_case", ctx.args.ref)
    out = render_brief(
        db, "consular_case", record_id, Path(ctx.args.output), lang=ctx.lang, redact=ctx.args.redact
    )
    return _done(ctx, out)


def _aid(ctx: CommandContext) -> int:
    from huedesk.briefs import render_aid_statement  # on use: see the module docstring
    from huedesk.briefs.gather_aid import find_donor_id

    db = ctx.db()
    args = ctx.args
    out = Path(args.output)
    if args.year is not None:
        return _done(ctx, render_aid_statement(db, out, year=args.year, lang=ctx.lang))
    with db.read() as s:
        if args.donor is not None:
            donor_id = find_donor_id(s, args.donor)
            project_id = None
        elif args.ref:
            project_id = find_by_ref(s, "aid_project", args.ref)
            donor_id = None
        else:  # argparse's group is required, but an empty REF ("") slips through
            raise HueDeskError(
                "Cần số hiệu dự án, --donor hoặc --year.",
                "Give a project reference, --donor or --year.",
            )
    return _done(
        ctx, render_aid_statement(db, out, project_id=project_id, donor_id=donor_id, lang=ctx.lang)
    )


def _year_review(ctx: CommandContext) -> int:
    from huedesk.briefs import render_year_review  # on use: see the module docstring

    out = render_year_review(ctx.db(), ctx.args.year, Path(ctx.args.output), lang=ctx.lang)
    return _done(ctx, out)

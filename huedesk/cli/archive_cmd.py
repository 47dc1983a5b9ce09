"""``huedesk export``, ``huedesk verify`` and ``huedesk import``: archive bundles on the command line.

Export writes a bundle (see ``docs/archive-format.md``); verify checks one and
lists every problem by file and record (exit status 2 for a refused bundle, as
for every refusal; issue #12); import verifies,
then merges in one transaction, printing what was added, skipped, updated, each
conflict and each renumbered record. ``--dry-run`` prints the same report and
writes nothing.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from huedesk.archive import (
    BundleRejected,
    ImportReport,
    VerifyReport,
    verify_bundle,
)
from huedesk.archive.selection import SELECTABLE
from huedesk.cli.arguments import day
from huedesk.cli.context import CommandContext
from huedesk.formatting import format_size
from huedesk.money import group_digits
from huedesk.records.kinds import KINDS


def register(sub: Any) -> None:
    p = sub.add_parser("export")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.zip")
    p.add_argument(
        "--year", type=int, help="theo năm của số hiệu / by the year in the reference number"
    )
    p.add_argument(
        "--review",
        type=int,
        metavar="YYYY",
        dest="review_year",
        help="hồ sơ làm căn cứ số liệu báo cáo năm (theo ngày diễn ra) / "
        "the records behind that year's review (by the dates of events)",
    )
    p.add_argument(
        "--kind",
        action="append",
        choices=SELECTABLE,
        metavar="KIND",
        help=f"loại hồ sơ (lặp lại được) / record kind, repeatable: {', '.join(SELECTABLE)}",
    )
    p.add_argument(
        "--since", type=day, metavar="DATE", help="sửa từ ngày / changed since (dd/mm/yyyy)"
    )
    p.add_argument(
        "--with-briefs",
        action="store_true",
        help="kèm tài liệu PDF của từng đoàn, vụ việc, dự án viện trợ / add each record's PDF brief",
    )
    p.add_argument(
        "--lang", choices=["vi", "en"], default="vi", help="ngôn ngữ / language (also of the PDFs)"
    )
    p.set_defaults(handler=run_export)

    p = sub.add_parser(
        "verify",
        description="Check a bundle and list each problem by file and record. Exit status: "
        "0 when it passes, 2 when it is refused (as import refuses it).",
    )
    p.add_argument("bundle", type=Path, metavar="IN.zip")
    p.set_defaults(handler=run_verify)

    p = sub.add_parser("import")
    p.add_argument("bundle", type=Path, metavar="IN.zip")
    p.add_argument(
        "--dry-run", action="store_true", help="chỉ báo cáo, không ghi / report only, write nothing"
    )
    p.add_argument("--lang", choices=["vi", "en"], default="vi")
    p.set_defaults(handler=run_import)


def _label(kind: str, lang: str) -> str:
    return KINDS[kind].label(lang) if kind in KINDS else kind


def run_export(ctx: CommandContext) -> int:
    a = ctx.args
    report = ctx.workspace().archive.export(
        a.output,
        kinds=a.kind,
        year=a.year,
        since=a.since,
        review_year=a.review_year,
        with_briefs=a.with_briefs,
        lang=ctx.lang,
    )
    en = ctx.lang == "en"
    for kind, n in report.counts.items():
        ctx.print(f"  {_label(kind, ctx.lang)}: {n}")
    for w in report.warnings:
        ctx.print(("warning: " if en else "cảnh báo: ") + w)
    lang = ctx.lang
    ctx.print(
        f"{'Wrote' if en else 'Đã ghi'} {report.path} — {group_digits(report.total, lang)} "
        f"{'records' if en else 'hồ sơ'}, {group_digits(report.files, lang)} "
        f"{'files' if en else 'tệp'}, {format_size(report.size, lang)}, "
        f"{_seconds(report.seconds, lang)}" + (f", {report.briefs} PDF" if report.briefs else "")
    )
    return 0


def _seconds(seconds: float, lang: str) -> str:
    return f"{group_digits(Decimal(str(round(seconds, 1))), lang, 1)} s"


def print_problems(ctx: CommandContext, report: VerifyReport) -> None:
    for problem in report.problems:
        ctx.print(f"  {problem.message(ctx.lang)}")


def run_verify(ctx: CommandContext) -> int:
    report = verify_bundle(ctx.args.bundle)
    en = ctx.lang == "en"
    for warning in report.manifest.get("warnings", []):
        ctx.print(("export warning: " if en else "cảnh báo khi xuất: ") + str(warning))
    for vi, note_en in report.notes:
        ctx.print(("note: " if en else "lưu ý: ") + (note_en if en else vi))
    if report.ok:
        total = sum(report.counts.values())
        ctx.print(
            f"OK: {report.path} — {total} {'records' if en else 'hồ sơ'}, "
            f"{'schema' if en else 'lược đồ'} {report.schema_revision}"
        )
        return 0
    ctx.print(
        f"{report.path}: {len(report.problems)} {'problems' if en else 'lỗi'}"
        + ("" if en else " / problems")
    )
    print_problems(ctx, report)
    return 2  # refused: the status of every refusal (huedesk.cli.main.EXIT_ERROR, as import)


def run_import(ctx: CommandContext) -> int:
    a = ctx.args
    try:
        report = ctx.workspace().archive.import_(a.bundle, dry_run=a.dry_run)
    except BundleRejected as exc:
        print_problems(ctx, exc.report)
        raise
    print_import(ctx, report)
    return 0


def print_import(ctx: CommandContext, report: ImportReport) -> None:
    en = ctx.lang == "en"
    if report.dry_run:
        ctx.print("Dry run — nothing was written." if en else "Chạy thử — không ghi gì.")
    if report.schema_revision:
        ctx.print(f"{'Bundle schema' if en else 'Lược đồ của gói'}: {report.schema_revision}")
    head = (
        "added / skipped / updated / kept local"
        if en
        else "thêm / bỏ qua / cập nhật / giữ bản máy này"
    )
    ctx.print(f"  ({head})")
    for kind, o in report.outcomes.items():
        ctx.print(
            f"  {_label(kind, ctx.lang)}: {o.added} / {o.skipped} / {o.updated} / {o.kept_local}"
        )
    if report.conflicts:
        ctx.print(f"{'Conflicts' if en else 'Xung đột'} ({len(report.conflicts)}):")
    for c in report.conflicts:
        won = {
            "bundle": "bundle" if en else "bản trong gói",
            "local": "local" if en else "bản máy này",
        }
        ctx.print(
            f"  {_label(c.kind, ctx.lang)} {c.ref or c.uuid}: {'kept' if en else 'giữ'} "
            f"{won[c.winner]} ({'here' if en else 'máy này'} {c.local_updated_at}, "
            f"{'bundle' if en else 'gói'} {c.bundle_updated_at}; {', '.join(c.fields)})"
        )
    for r in report.renumbered:
        ctx.print(
            f"  {_label(r.kind, ctx.lang)} {r.uuid}: {r.given_ref} → {r.new_ref} "
            f"({'number already used here' if en else 'số hiệu đã dùng ở máy này'})"
        )
    n = {
        what: group_digits(report.total(what), ctx.lang) for what in ("added", "skipped", "updated")
    }
    ctx.print(
        f"{'Done' if en else 'Xong'}: +{n['added']}, ={n['skipped']}, ~{n['updated']}, "
        f"{len(report.conflicts)} {'conflicts' if en else 'xung đột'}, "
        f"{_seconds(report.seconds, ctx.lang)}"
    )

"""``huedesk import-sheet FILE --kind K``: the department's spreadsheets, checked, then imported.

The report comes first: how the columns were mapped, every row classed ready,
warning or error with row, column and value. ``--dry-run`` stops there;
otherwise the ready and warning rows are imported in one transaction (the rows
left out are listed), and ``--strict`` refuses the whole file if any row has an
error. ``--report OUT.xlsx`` saves the sheet with a column of problems beside
its rows; ``--save-mapping M`` keeps the column mapping for next time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from huedesk.cli.context import CommandContext
from huedesk.errors import HueDeskError
from huedesk.records import KINDS


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import-sheet",
        description="Import records from an XLSX workbook or a CSV file (UTF-8, Windows-1258 "
        "or Windows-1252; ';' or ','): columns are matched from Vietnamese or English "
        "headers; every row is checked and reported before anything is written.",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--kind", required=True, choices=sorted(KINDS), metavar="KIND")
    p.add_argument("--mapping", type=Path, metavar="M", help="a saved column mapping (JSON)")
    p.add_argument("--save-mapping", type=Path, metavar="M", help="save the mapping used")
    p.add_argument("--dry-run", action="store_true", help="check and report only")
    p.add_argument("--report", type=Path, metavar="OUT.xlsx", help="save the report as a workbook")
    p.add_argument("--strict", action="store_true", help="refuse the file if any row has an error")
    p.add_argument("--sheet", help="the workbook sheet to read (default: the first)")
    p.add_argument("--encoding", choices=["utf-8", "utf-8-sig", "cp1258", "cp1252"])
    p.add_argument("--delimiter", choices=[",", ";", "tab"])
    p.add_argument(
        "--blank-erases",
        action="store_true",
        help="an empty cell erases the stored value (default: empty cells change nothing)",
    )
    p.add_argument(
        "--numbers",
        choices=["vi", "en"],
        help="how numbers are written in the file (default: --lang): vi 1.250,5 / en 1,250.5",
    )
    p.add_argument("--lang", choices=["vi", "en"], default="vi")
    p.set_defaults(handler=run)


def run(ctx: CommandContext) -> int:
    # Loaded only when the command runs (openpyxl and the archive's table writer are large).
    from huedesk.sheets.report import problem_lines, skipped_lines, summary_lines

    args = ctx.args
    lang = ctx.lang
    sheets = ctx.workspace().sheets
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    plan = sheets.preview(
        args.file,
        args.kind,
        sheet=args.sheet,
        encoding=args.encoding,
        delimiter=delimiter,
        mapping_file=args.mapping,
        lang=args.numbers or lang,
        blank_erases=args.blank_erases,
    )
    for line in summary_lines(plan, lang):
        ctx.print(line)
    for line in problem_lines(plan, lang):
        ctx.print(line)
    skipped = skipped_lines(plan, lang)
    if skipped:
        ctx.print("Bỏ qua:" if lang == "vi" else "Skipped:")
        for line in skipped:
            ctx.print(line)
    if args.report is not None:
        sheets.save_report(plan, args.report, lang)
        ctx.print(("Báo cáo: " if lang == "vi" else "Report: ") + str(args.report))
    if args.save_mapping is not None:
        plan.mapping.save(args.save_mapping)
        ctx.print(
            ("Đã lưu cách ghép cột: " if lang == "vi" else "Mapping saved: ")
            + str(args.save_mapping)
        )
    if args.dry_run:
        return 1 if plan.errors else 0
    if args.strict and plan.errors:
        raise HueDeskError(
            f"Không nhập gì: {len(plan.errors)} dòng có lỗi (--strict).",
            f"Nothing imported: {len(plan.errors)} rows have errors (--strict).",
        )
    outcome = sheets.import_(plan, lang=lang)
    if lang == "en":
        ctx.print(
            f"Imported: {outcome.added} added, {outcome.updated} updated, {outcome.unchanged} unchanged."
        )
    else:
        ctx.print(
            f"Đã nhập: thêm {outcome.added}, sửa {outcome.updated}, không đổi {outcome.unchanged}."
        )
    if outcome.operation_id is not None:
        ctx.print(
            f"Undo the whole import: huedesk undo {outcome.operation_id}"
            if lang == "en"
            else f"Hoàn tác cả lần nhập: huedesk undo {outcome.operation_id}"
        )
    left = [r.row for r in plan.errors]
    if left:
        ctx.print(
            ("Rows left out (errors): " if lang == "en" else "Các dòng không nhập (có lỗi): ")
            + ", ".join(map(str, left))
        )
    return 0

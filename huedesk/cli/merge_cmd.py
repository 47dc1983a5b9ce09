"""``huedesk merge KEEP OTHER`` and ``huedesk undo [N]``: combine duplicates, take an operation back.

``merge`` keeps the first record and merges the second into it: every link moves
to the kept record, the other name becomes one of its other names (search finds
it), and the operation number it prints undoes it. ``undo`` without a number
lists the recent merges and spreadsheet imports; with one it undoes it as a whole.
"""

from __future__ import annotations

from typing import Any

from huedesk.cli.context import CommandContext
from huedesk.cli.table import table_lines
from huedesk.errors import HueDeskError, NotFoundError
from huedesk.records.duplicates import DUPLICATE_KINDS


def register(sub: Any) -> None:
    p = sub.add_parser(
        "merge",
        description="Merge two people or two organisations (partner localities included): "
        "KEEP stays, OTHER is merged into it — visits, cases, agreements, aid and attachments "
        "move to KEEP, KEEP's empty fields are filled from OTHER, and OTHER's name is kept as "
        "another name that search finds. 'huedesk undo N' takes it back.",
    )
    p.add_argument("keep", metavar="KEEP", help="reference number, UUID or exact name")
    p.add_argument("other", metavar="OTHER", help="reference number, UUID or exact name")
    p.add_argument(
        "--kind", choices=DUPLICATE_KINDS, help="person or organisation (found if not given)"
    )
    p.add_argument("--lang", choices=["vi", "en"], default="vi")
    p.set_defaults(handler=run_merge)

    p = sub.add_parser(
        "undo",
        description="Undo a merge or a spreadsheet import as a whole; without N, list the "
        "recent ones with their numbers.",
    )
    p.add_argument("operation", nargs="?", type=int, metavar="N")
    p.add_argument(
        "--show",
        action="store_true",
        help="show what undoing N would put back (personal data masked unless your role "
        "may see it), and undo nothing",
    )
    p.add_argument("--lang", choices=["vi", "en"], default="vi")
    p.set_defaults(handler=run_undo)


def _locate_pair(ctx: CommandContext) -> tuple[str, int, int]:
    records = ctx.workspace().records
    kinds = [ctx.args.kind] if ctx.args.kind else list(DUPLICATE_KINDS)
    found = []
    for kind in kinds:
        try:
            found.append(
                (kind, records.locate(kind, ctx.args.keep), records.locate(kind, ctx.args.other))
            )
        except NotFoundError:
            continue
    if len(found) != 1:
        raise HueDeskError(
            f"Không tìm thấy hai hồ sơ cùng loại '{ctx.args.keep}' và '{ctx.args.other}' "
            "(dùng số hiệu, và --kind person|organisation).",
            f"No two records of one kind named '{ctx.args.keep}' and '{ctx.args.other}' "
            "(use reference numbers, and --kind person|organisation).",
        )
    return found[0]


def run_merge(ctx: CommandContext) -> int:
    kind, keep_id, other_id = _locate_pair(ctx)
    result = ctx.workspace().operations.merge(kind, keep_id, other_id)
    ctx.print(result.describe(ctx.lang))
    ctx.print(
        f"Undo: huedesk undo {result.operation_id}"
        if ctx.lang == "en"
        else f"Hoàn tác: huedesk undo {result.operation_id}"
    )
    return 0


def run_undo(ctx: CommandContext) -> int:
    ops = ctx.workspace().operations
    en = ctx.lang == "en"
    if ctx.args.operation is None:
        rows = [
            ["N", "time", "user", "what", "kind", "summary"]
            if en
            else ["N", "lúc", "người", "thao tác", "loại", "tóm tắt"]
        ]
        for op in ops.recent():
            what = {"merge": ("gộp", "merge"), "import": ("nhập bảng tính", "sheet import")}
            label = what.get(op.action, (op.action, op.action))[1 if en else 0]
            if op.note is not None:
                label += f" ({op.note_text(ctx.lang)})"
            rows.append(
                [
                    str(op.id),
                    op.at.strftime("%Y-%m-%d %H:%M"),
                    op.actor,
                    label,
                    op.kind,
                    op.summary_text(ctx.lang),
                ]
            )
        for line in table_lines(rows, free_last=True):
            ctx.print(line)
        return 0
    if ctx.args.show:
        for line in ops.detail(ctx.args.operation, ctx.lang):
            ctx.print(line)
        return 0
    ctx.print(ops.undo(ctx.args.operation).describe(ctx.lang))
    return 0

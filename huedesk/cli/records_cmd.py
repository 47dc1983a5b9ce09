"""Record commands: ``list``, ``show``, ``add``, ``set``, ``delete`` for any record kind.

They go through the same ``RecordService`` as the desktop window, so validation,
workflows and the audit log apply to the command line too.
"""

from __future__ import annotations

import json
from typing import Any

from huedesk.audit import jsonable
from huedesk.cli.context import CommandContext
from huedesk.errors import HueDeskError
from huedesk.records import KINDS, ListQuery, RecordService, kind_spec
from huedesk.records.display import display_value


def _command(sub: Any, name: str, description: str, handler: Any, *positionals: str) -> Any:
    """A record subcommand: ``KIND`` and the given positionals, ``--lang``, its handler."""
    p = sub.add_parser(name, description=description)
    p.add_argument("kind", help=f"record kind ({', '.join(KINDS)})")
    for arg in positionals:
        p.add_argument(arg)
    p.add_argument("--lang", choices=["vi", "en"], default="vi")
    p.set_defaults(handler=handler)
    return p


def register(sub: Any) -> None:
    p = _command(sub, "list", "List records of one kind.", run_list)
    p.add_argument("--status")
    p.add_argument("--year", type=int)
    p.add_argument("--country", help="ISO country code")
    p.add_argument("--text", help="free text (diacritics optional)")
    p.add_argument("--sort", help="field to sort by")
    p.add_argument("--desc", action="store_true", help="sort descending")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")

    p = _command(
        sub,
        "show",
        "Show one record by its reference number (ISO code for countries).",
        run_show,
        "ref",
    )
    p.add_argument("--json", action="store_true")

    p = _command(
        sub,
        "add",
        "Add a record: huedesk add KIND field=value ... (dates dd/mm/yyyy; references by id).",
        run_add,
    )
    p.add_argument("values", nargs="*", metavar="FIELD=VALUE")

    p = _command(
        sub,
        "set",
        "Change fields: huedesk set KIND REF field=value ...",
        run_set,
        "ref",
    )
    p.add_argument("values", nargs="+", metavar="FIELD=VALUE")

    p = _command(
        sub,
        "delete",
        "Delete a record with its child rows (asks unless --yes).",
        run_delete,
        "ref",
    )
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def _pairs(items: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise HueDeskError(
                f"'{item}' không có dạng trường=giá trị.",
                f"'{item}' is not of the form field=value.",
            )
        values[name.strip()] = value
    return values


def _service(ctx: CommandContext) -> RecordService:
    return ctx.workspace().records


def run_list(ctx: CommandContext) -> int:
    spec = kind_spec(ctx.args.kind)
    filters: dict[str, Any] = {}
    if ctx.args.status:
        filters["status"] = ctx.args.status
    if ctx.args.country:
        field = "country_code" if "country_code" in spec.fields else "nationality"
        filters[field] = ctx.args.country.upper()
    for name in filters:
        if name not in spec.fields:
            raise HueDeskError(
                f"{spec.label_vi} không có trường '{name}'.",
                f"{spec.label_en} has no field '{name}'.",
            )
    try:
        query = ListQuery(
            filters=filters,
            year=ctx.args.year,
            text=ctx.args.text,
            sort=ctx.args.sort,
            descending=ctx.args.desc,
            limit=ctx.args.limit,
        )
        page = _service(ctx).list(spec.name, query)
    except KeyError as exc:
        raise HueDeskError(f"Không có trường {exc}.", f"No field {exc}.") from None
    if ctx.args.json:
        ctx.print(
            json.dumps(
                {
                    "total": page.total,
                    "rows": [{k: jsonable(v) for k, v in r.items()} for r in page.rows],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    cols = [spec.fields[c] for c in spec.list_columns]
    ctx.print(" | ".join(c.label(ctx.lang) for c in cols))
    for row in page.rows:
        ctx.print(" | ".join(display_value(c, row, ctx.lang) for c in cols))
    ctx.print(f"({len(page.rows)}/{page.total})")
    return 0


def run_show(ctx: CommandContext) -> int:
    spec = kind_spec(ctx.args.kind)
    row = _service(ctx).get_by_ref(spec.name, ctx.args.ref)
    if ctx.args.json:
        ctx.print(
            json.dumps({k: jsonable(v) for k, v in row.items()}, ensure_ascii=False, indent=2)
        )
        return 0
    for fs in spec.fields.values():
        text = display_value(fs, row, ctx.lang)
        if text:
            ctx.print(f"{fs.label(ctx.lang)}: {text}")
    return 0


def run_add(ctx: CommandContext) -> int:
    spec = kind_spec(ctx.args.kind)
    row = _service(ctx).create(spec.name, _pairs(ctx.args.values))
    ctx.print(row.get("ref") or row.get("code") or row["id"])
    return 0


def run_set(ctx: CommandContext) -> int:
    spec = kind_spec(ctx.args.kind)
    svc = _service(ctx)
    record_id = svc.find_id(spec.name, ref=ctx.args.ref)
    svc.update(spec.name, record_id, _pairs(ctx.args.values))
    ctx.print(ctx.args.ref)
    return 0


def run_delete(ctx: CommandContext) -> int:
    spec = kind_spec(ctx.args.kind)
    svc = _service(ctx)
    record_id = svc.find_id(spec.name, ref=ctx.args.ref)
    impact = svc.delete_impact(spec.name, record_id)
    if not ctx.args.yes:
        answer = input(f"{impact.describe(ctx.lang)} Xóa {ctx.args.ref}? [y/N] ")
        if answer.strip().lower() not in {"y", "yes", "c", "có"}:
            ctx.print("Không xóa. / Not deleted.")
            return 1
    svc.delete(spec.name, record_id)
    ctx.print(f"Đã xóa / deleted {ctx.args.ref}")
    return 0

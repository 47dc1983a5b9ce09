"""Record commands: ``list``, ``show``, ``add``, ``set``, ``delete`` for any record kind.

They go through the same ``RecordService`` as the desktop window, so validation,
workflows and the audit log apply to the command line too. Records are named
as people see them: reference number, UUID or exact name, and child rows by
their parent and place (``VT-2025-0003/2``). ``add KIND --help`` lists the
fields of the kind; problems name the key to type; warnings go to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from huedesk.audit import jsonable
from huedesk.cli.context import CommandContext
from huedesk.cli.table import table_lines
from huedesk.errors import FieldProblem, HueDeskError, ValidationError
from huedesk.records import KINDS, ListQuery, RecordService, kind_spec
from huedesk.records.describe import describe_fields
from huedesk.records.display import display_value
from huedesk.records.kinds import KindSpec
from huedesk.records.lookup import example_ref

# Options that name a child row's parent: ``--project VT-2025-0003`` for aid transactions.
PARENT_OPTIONS = sorted({k.parent[1].removesuffix("_id") for k in KINDS.values() if k.parent})


class _KindHelp(argparse.Action):
    """``--help`` that also lists the fields of the kind given before it."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: Any, values: Any, option: Any = None
    ) -> None:
        lang = getattr(namespace, "lang", None) or "vi"  # --lang en before --help
        parser.print_help()
        kind = getattr(namespace, "kind", None)
        print()
        if kind in KINDS:
            print("\n".join(field_help_lines(kind, lang)))
        else:
            print(
                "Loại hồ sơ / record kinds: "
                + ", ".join(KINDS)
                + "\n(huedesk add KIND --help: các trường / the fields of KIND)"
            )
        parser.exit()


def field_help_lines(kind: str, lang: str = "vi") -> list[str]:
    """The field table of ``add KIND --help``: key, type, required, allowed values."""
    spec = KINDS[kind]
    en = lang == "en"
    rows = [
        ["key", "type", "required", "allowed values" if en else "giá trị"]
        if en
        else ["trường", "kiểu", "bắt buộc", "giá trị"]
    ]
    fields = describe_fields(kind, lang)
    for f in fields:
        needed = ("yes" if en else "có") if f.required else ""
        rows.append([f.key, f"{f.type_text} — {f.label}", needed, f.allowed])
    title = (
        f"Fields of “{spec.label_en}” ({kind}):"
        if en
        else f"Các trường của “{spec.label_vi}” ({kind}):"
    )
    required = [f for f in fields if f.required or f.key == "currency"]
    sample = " ".join(f"{f.key}={_quoted(f.example or f.label)}" for f in required)
    lines = [title, *("  " + line for line in table_lines(rows, free_last=True))]
    lines.append("")
    lines.append(("Example: " if en else "Ví dụ: ") + f"huedesk add {kind} {sample}".rstrip())
    if spec.parent is not None:
        parent = KINDS[spec.parent[0]]
        opt = spec.parent[1].removesuffix("_id")
        ref = example_ref(parent, 3)
        lines.append(
            f"Rows are named by their parent and the order they were entered: "
            f"huedesk list {kind} --{opt} {ref}; huedesk show {kind} {ref}/2"
            if en
            else f"Dòng con được gọi theo hồ sơ cha và thứ tự nhập: huedesk list {kind} --{opt} "
            f"{ref}; huedesk show {kind} {ref}/2"
        )
    lines.append(
        "Numbers: 1,250,000.50 (comma groups thousands); dates dd/mm/yyyy."
        if en
        else "Số: 1.250.000,50 (dấu chấm ngăn cách hàng nghìn, dấu phẩy thập phân); "
        "cũng viết được 53 tỷ, 1,2 triệu USD; ngày dd/mm/yyyy."
    )
    return lines


def _quoted(text: str) -> str:
    return f'"{text}"' if " " in text else text


def _command(sub: Any, name: str, description: str, handler: Any, *positionals: str) -> Any:
    """A record subcommand: ``KIND`` and the given positionals, ``--lang``, its handler."""
    p = sub.add_parser(name, description=description, add_help=False)
    p.add_argument("-h", "--help", action=_KindHelp, help="show this help (and the fields of KIND)")
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
    p.add_argument("--country", help="ISO country code or name")
    p.add_argument("--text", help="free text (diacritics optional)")
    p.add_argument("--sort", help="field to sort by")
    p.add_argument("--desc", action="store_true", help="sort descending")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--parent", metavar="REF", help="child rows of this parent record (reference number)"
    )
    for opt in PARENT_OPTIONS:
        p.add_argument(f"--{opt}", metavar="REF", help=f"same as --parent, for {opt} rows")

    p = _command(
        sub,
        "show",
        "Show one record by its reference number, UUID or exact name (ISO code for countries; "
        "PARENT-REF/N for child rows such as VT-2025-0003/2).",
        run_show,
        "ref",
    )
    p.add_argument("--json", action="store_true")

    p = _command(
        sub,
        "add",
        "Add a record: huedesk add KIND field=value ... (huedesk add KIND --help lists the "
        "fields; references by reference number, UUID or exact name; dates dd/mm/yyyy).",
        run_add,
    )
    p.add_argument("values", nargs="*", metavar="FIELD=VALUE")
    p.add_argument(
        "--yes",
        action="store_true",
        help="add even if the record probably repeats a stored one (asked otherwise)",
    )

    p = _command(
        sub,
        "set",
        "Change fields: huedesk set KIND REF field=value ... (REF: reference number, UUID, "
        "exact name, or PARENT-REF/N for child rows).",
        run_set,
        "ref",
    )
    p.add_argument("values", nargs="+", metavar="FIELD=VALUE")
    p.add_argument(
        "--yes",
        action="store_true",
        help="save even if the new name probably repeats a stored record (asked otherwise)",
    )

    p = _command(
        sub,
        "delete",
        "Delete a record with its child rows (asks unless --yes). REF as for show.",
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
                f"'{item}' không có dạng trường=giá trị (xem: huedesk add KIND --help).",
                f"'{item}' is not of the form field=value (see: huedesk add KIND --help).",
            )
        values[name.strip()] = value
    return values


def _service(ctx: CommandContext) -> RecordService:
    ws = ctx.workspace()
    ws.read_typed_text_as(ctx.lang)
    return ws.records


def _keyed(p: FieldProblem, lang: str) -> str:
    """A problem naming the key to type first: ``rate_to_vnd (Tỷ giá quy đổi): …``."""
    label = p.label_en if lang == "en" else p.label_vi
    what = p.problem_en if lang == "en" else p.problem_vi
    return f"{p.field} ({label}): {what}" if label != p.field else f"{p.field}: {what}"


def _with_keys(exc: ValidationError) -> HueDeskError:
    return HueDeskError(
        "; ".join(_keyed(p, "vi") for p in exc.problems),
        "; ".join(_keyed(p, "en") for p in exc.problems),
    )


def _warn(ctx: CommandContext, warnings: list[FieldProblem]) -> None:
    for w in warnings:
        print(f"huedesk: cảnh báo / warning: {_keyed(w, ctx.lang)}", file=sys.stderr)


def _parent_filter(ctx: CommandContext, spec: KindSpec, svc: RecordService) -> dict[str, Any]:
    """``--parent`` (or ``--project`` …) as a filter on the child kind's parent field."""
    given = [
        (opt, getattr(ctx.args, opt)) for opt in PARENT_OPTIONS if getattr(ctx.args, opt, None)
    ]
    if ctx.args.parent:
        given.append(("parent", ctx.args.parent))
    if not given:
        return {}
    opt, ref = given[0]
    if spec.parent is None or (opt != "parent" and spec.parent[1] != f"{opt}_id") or len(given) > 1:
        where = f"--{spec.parent[1].removesuffix('_id')}" if spec.parent else "không có / none"
        raise HueDeskError(
            f"--{opt} không dùng được cho {spec.name} (dùng: {where}).",
            f"--{opt} does not apply to {spec.name} (use: {where}).",
        )
    return {spec.parent[1]: svc.locate(spec.parent[0], ref)}


def run_list(ctx: CommandContext) -> int:
    spec = kind_spec(ctx.args.kind)
    svc = _service(ctx)
    filters: dict[str, Any] = _parent_filter(ctx, spec, svc)
    if ctx.args.status:
        filters["status"] = ctx.args.status
    if ctx.args.country:
        field = "country_code" if "country_code" in spec.fields else "nationality"
        filters[field] = svc.country_code(ctx.args.country)
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
        page = svc.list(spec.name, query)
    except KeyError as exc:
        raise HueDeskError(f"Không có trường {exc}.", f"No field {exc}.") from None
    keys = svc.child_keys(spec.name, [r["id"] for r in page.rows]) if spec.parent else {}
    if ctx.args.json:
        rows = [{k: jsonable(v) for k, v in r.items()} for r in page.rows]
        for r in rows:
            if r["id"] in keys:
                r["key"] = keys[r["id"]]
        ctx.print(json.dumps({"total": page.total, "rows": rows}, ensure_ascii=False, indent=2))
        return 0
    cols = [spec.fields[c] for c in spec.list_columns]
    head = [c.label(ctx.lang) for c in cols]
    if spec.parent:
        head = ["Số" if ctx.lang == "vi" else "Key", *head]
    ctx.print(" | ".join(head))
    for row in page.rows:
        cells = [display_value(c, row, ctx.lang) for c in cols]
        if spec.parent:
            cells = [keys.get(row["id"], ""), *cells]
        ctx.print(" | ".join(cells))
    ctx.print(f"({len(page.rows)}/{page.total})")
    return 0


def run_show(ctx: CommandContext) -> int:
    spec = kind_spec(ctx.args.kind)
    svc = _service(ctx)
    row = svc.get_by_ref(spec.name, ctx.args.ref)
    if ctx.args.json:
        ctx.print(
            json.dumps({k: jsonable(v) for k, v in row.items()}, ensure_ascii=False, indent=2)
        )
        return 0
    if spec.parent is not None:
        key = svc.child_keys(spec.name, [row["id"]]).get(row["id"])
        ctx.print(f"{'Số' if ctx.lang == 'vi' else 'Key'}: {key}")
    for fs in spec.fields.values():
        text = display_value(fs, row, ctx.lang)
        if text:
            ctx.print(f"{fs.label(ctx.lang)}: {text}")
    return 0


def _name_of(svc: RecordService, spec: KindSpec, row: dict[str, Any]) -> str:
    if spec.parent is not None:
        return svc.child_keys(spec.name, [row["id"]]).get(row["id"]) or str(row["uuid"])
    return str(row.get("ref") or row.get("code") or row["uuid"])


def _confirm_not_duplicate(
    ctx: CommandContext, svc: RecordService, kind: str, values: Any, record_id: int | None = None
) -> bool:
    """Name the stored records a new one (or one renamed: ``record_id``) probably repeats,
    and ask (``--yes`` saves anyway; without a terminal to ask, the save is refused)."""
    found = svc.likely_duplicates(kind, values, record_id)
    if not found or ctx.args.yes:
        return True
    en = ctx.lang == "en"
    for pair in found:
        other = pair.second
        print(
            f"huedesk: {'probably the same as' if en else 'có thể trùng với'} "
            f"{other.ref} {other.name} ({pair.score}: {pair.reason(ctx.lang)})",
            file=sys.stderr,
        )
    if not sys.stdin.isatty():
        if record_id is not None:
            raise HueDeskError(
                "Không lưu: tên mới có thể trùng với hồ sơ đã có (thêm --yes để vẫn lưu; "
                "huedesk merge gộp hai hồ sơ).",
                "Not saved: the new name probably repeats a stored record (add --yes to save "
                "it anyway; huedesk merge combines two records).",
            )
        raise HueDeskError(
            "Không thêm: có thể trùng với hồ sơ đã có (thêm --yes để vẫn thêm, "
            "hoặc dùng hồ sơ đã có; huedesk merge gộp hai hồ sơ).",
            "Not added: it probably repeats a stored record (add --yes to add it anyway, "
            "or use the stored one; huedesk merge combines two records).",
        )
    if record_id is not None:
        answer = input("Save it anyway? [y/N] " if en else "Vẫn lưu? [y/N] ")
    else:
        answer = input("Add it anyway? [y/N] " if en else "Vẫn thêm? [y/N] ")
    return answer.strip().lower() in {"y", "yes", "c", "có"}


def run_add(ctx: CommandContext) -> int:
    spec = kind_spec(ctx.args.kind)
    svc = _service(ctx)
    values = _pairs(ctx.args.values)
    if not _confirm_not_duplicate(ctx, svc, spec.name, values):
        ctx.print("Không thêm. / Not added.")
        return 1
    try:
        row = svc.create(spec.name, values)
    except ValidationError as exc:
        raise _with_keys(exc) from None
    ctx.print(_name_of(svc, spec, row))
    _warn(ctx, row.warnings)
    return 0


def run_set(ctx: CommandContext) -> int:
    spec = kind_spec(ctx.args.kind)
    svc = _service(ctx)
    record_id = svc.locate(spec.name, ctx.args.ref)
    values = _pairs(ctx.args.values)
    if not _confirm_not_duplicate(ctx, svc, spec.name, values, record_id):
        ctx.print("Không lưu. / Not saved.")
        return 1
    try:
        row = svc.update(spec.name, record_id, values)
    except ValidationError as exc:
        raise _with_keys(exc) from None
    ctx.print(ctx.args.ref)
    _warn(ctx, row.warnings)
    return 0


def run_delete(ctx: CommandContext) -> int:
    spec = kind_spec(ctx.args.kind)
    svc = _service(ctx)
    record_id = svc.locate(spec.name, ctx.args.ref)
    impact = svc.delete_impact(spec.name, record_id)
    if not ctx.args.yes:
        if spec.parent is not None:  # say which row: its number alone is easy to mistake
            row = svc.get(spec.name, record_id)
            cols = [spec.fields[c] for c in spec.list_columns]
            ctx.print(" | ".join(display_value(c, row, ctx.lang) for c in cols))
        answer = input(f"{impact.describe(ctx.lang)} Xóa {ctx.args.ref}? [y/N] ")
        if answer.strip().lower() not in {"y", "yes", "c", "có"}:
            ctx.print("Không xóa. / Not deleted.")
            return 1
    svc.delete(spec.name, record_id)
    ctx.print(f"Đã xóa / deleted {ctx.args.ref}")
    return 0

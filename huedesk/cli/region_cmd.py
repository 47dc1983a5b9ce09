"""``huedesk region``: the named groups of partner localities the figures are split by.

    huedesk region list
    huedesk region add "Các tỉnh Nam Lào" --en "Southern Lao provinces" --member Salavan --member TC-2024-0003
    huedesk region set "Các tỉnh Nam Lào" --add Attapeu --drop Sekong
    huedesk region set "Các tỉnh Nam Lào" --name "Nam Lào" --en "Southern Laos"
    huedesk region delete "Nam Lào" --yes

A member is named by its reference number, its name, or a part of its name that
only one organisation has.
"""

from __future__ import annotations

from typing import Any

from huedesk.cli.context import CommandContext
from huedesk.errors import HueDeskError
from huedesk.stats.regions import Regions


def register(sub: Any) -> None:
    p = sub.add_parser(
        "region",
        help="vùng (nhóm địa phương đối tác) / regions of partner localities",
        description="Named groups of partner localities that the figures are split by.",
    )
    which = p.add_subparsers(dest="region_action", metavar="ACTION", required=True)
    q = which.add_parser("list", help="liệt kê / list regions and their members")
    q.add_argument("--lang", choices=("vi", "en"), default="vi")
    q.set_defaults(handler=_list)
    q = which.add_parser("add", help="thêm vùng / add a region")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--en", metavar="NAME_EN", help="tên tiếng Anh / English name")
    q.add_argument("--member", action="append", default=[], metavar="ORG")
    q.add_argument("--lang", choices=("vi", "en"), default="vi")
    q.set_defaults(handler=_add)
    q = which.add_parser("set", help="sửa vùng / change a region")
    q.add_argument("region", metavar="NAME")
    q.add_argument("--name", metavar="NEW_NAME", help="tên mới / new name")
    q.add_argument("--en", metavar="NAME_EN", help="tên tiếng Anh / English name")
    q.add_argument("--add", action="append", default=[], metavar="ORG")
    q.add_argument("--drop", action="append", default=[], metavar="ORG")
    q.add_argument("--lang", choices=("vi", "en"), default="vi")
    q.set_defaults(handler=_set)
    q = which.add_parser("delete", help="xóa vùng / delete a region (its localities stay)")
    q.add_argument("region", metavar="NAME")
    q.add_argument("--yes", action="store_true", help="không hỏi lại / do not ask")
    q.add_argument("--lang", choices=("vi", "en"), default="vi")
    q.set_defaults(handler=_delete)


def _regions(ctx: CommandContext) -> Regions:
    return ctx.workspace().stats.regions


def _list(ctx: CommandContext) -> int:
    for region in _regions(ctx).list():
        ctx.print(f"{region.label(ctx.lang)} ({len(region.members)})")
        for m in region.members:
            ctx.print(f"  {m.ref}  {m.name}")
    return 0


def _add(ctx: CommandContext) -> int:
    regions = _regions(ctx)
    members = [regions.find_member(m) for m in ctx.args.member]
    regions.save(ctx.args.name, members, name_en=ctx.args.en)
    return _list(ctx)


def _set(ctx: CommandContext) -> int:
    a = ctx.args
    regions = _regions(ctx)
    region_id = regions.find(a.region)
    current = next(r for r in regions.list() if r.id == region_id)
    members = {m.id for m in current.members}
    members |= {regions.find_member(m) for m in a.add}
    members -= {regions.find_member(m) for m in a.drop}
    name_en = a.en if a.en is not None else current.name_en
    regions.save(a.name or current.name, members, name_en=name_en, region_id=region_id)
    return _list(ctx)


def _delete(ctx: CommandContext) -> int:
    a = ctx.args
    regions = _regions(ctx)
    region_id = regions.find(a.region)
    if not a.yes:
        answer = input(f"Xóa vùng '{a.region}'? / Delete region '{a.region}'? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "c", "có"):
            raise HueDeskError("Không xóa.", "Nothing deleted.")
    regions.delete(region_id)
    ctx.print("Đã xóa." if ctx.lang == "vi" else "Deleted.")
    return 0

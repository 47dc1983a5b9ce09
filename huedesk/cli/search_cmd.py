"""``huedesk search "QUERY"`` and ``huedesk reindex``: the search index from the command line."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from huedesk.cli.context import CommandContext
from huedesk.records.kinds import kind_spec
from huedesk.search import SearchHit, group_by_kind
from huedesk.search.schema import KIND_CODES
from huedesk.search.snippets import plain

_BOLD, _RESET = "\x1b[1m", "\x1b[0m"


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser(
        "search",
        description="Tìm hồ sơ theo tên, đối tác, địa điểm, số hiệu — gõ có dấu hay không dấu đều được. "
        "Search every record by name, partner, place or reference, with or without tone marks.",
    )
    p.add_argument(
        "query", help='nội dung tìm / what to look for, e.g. "doan dai su" or LS-2025-0007'
    )
    p.add_argument(
        "--kind",
        action="append",
        choices=sorted(KIND_CODES),
        metavar="K",
        help=f"chỉ tìm loại hồ sơ này (lặp lại được) / only this kind, repeatable: {', '.join(KIND_CODES)}",
    )
    p.add_argument("--limit", type=int, default=20, help="số kết quả tối đa / at most N hits (20)")
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON / print JSON")
    p.set_defaults(handler=run_search)

    r = sub.add_parser(
        "reindex",
        description="Lập lại toàn bộ chỉ mục tìm kiếm từ các hồ sơ. Rebuild the whole search index.",
    )
    r.set_defaults(handler=run_reindex)


def _hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "kind": hit.kind,
        "record_id": hit.record_id,
        "ref": hit.ref,
        "title": hit.title,
        "snippet": hit.snippet_text,
        "snippet_html": hit.snippet_html,
        "score": round(hit.score, 4),
    }


def _terminal_snippet(hit: SearchHit, bold: bool) -> str:
    if not bold:
        return hit.snippet_text
    marked = hit.snippet_html.replace("<b>", "\x00").replace("</b>", "\x01")
    return plain(marked).replace("\x00", _BOLD).replace("\x01", _RESET)


def run_search(ctx: CommandContext) -> int:
    args = ctx.args
    hits = ctx.workspace().search.find(args.query, kinds=args.kind, limit=max(0, args.limit))
    if args.json:
        ctx.print(json.dumps([_hit_json(h) for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        ctx.print("Không tìm thấy hồ sơ nào." if ctx.lang == "vi" else "Nothing found.")
        return 0
    bold = ctx.out is sys.stdout and sys.stdout.isatty()
    for kind, group in group_by_kind(hits):
        ctx.print(f"{kind_spec(kind).label(ctx.lang)} ({len(group)})")
        for hit in group:
            ctx.print(f"  {hit.ref or '#' + str(hit.record_id):<14} {hit.title}")
            snippet = _terminal_snippet(hit, bold)
            if snippet and snippet != hit.title:
                ctx.print(f"  {'':<14} {snippet}")
    return 0


def run_reindex(ctx: CommandContext) -> int:
    tty = sys.stderr.isatty()
    shown = -1

    def progress(done: int, total: int) -> None:
        nonlocal shown
        pct = 100 * done // total if total else 100
        if tty:
            print(
                f"\rĐang lập chỉ mục / indexing: {done}/{total} ({pct}%)", end="", file=sys.stderr
            )
        elif pct // 10 != shown:
            shown = pct // 10
            print(f"Đang lập chỉ mục / indexing: {done}/{total} ({pct}%)", file=sys.stderr)

    ws = ctx.workspace()
    started = time.perf_counter()
    count = ws.search.reindex(progress)
    if tty:
        print(file=sys.stderr)
    seconds = time.perf_counter() - started
    if ctx.lang == "en":
        ctx.print(f"Indexed {count} records in {seconds:.1f} s.")
    else:
        ctx.print(f"Đã lập chỉ mục {count} hồ sơ trong {seconds:.1f} giây.")
    return 0

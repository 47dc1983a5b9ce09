"""``huedesk review-text``: the parts of a yearly review that people write.

    huedesk review-text 2025 assessment --file danh-gia-2025.txt
    huedesk review-text 2025 tasks --text "1. Tổ chức thành công Festival Huế 2026 …"
    huedesk review-text 2025 assessment --lang en --file assessment-2025.txt
    huedesk review-text 2025 assessment            # prints what is kept
    huedesk review-text 2025 tasks --clear

The review (``huedesk brief year``) prints them under "Đánh giá chung" and
"Nhiệm vụ năm tới". A file is read as UTF-8 (a byte-order mark is allowed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from huedesk.cli.arguments import year
from huedesk.cli.context import CommandContext
from huedesk.errors import HueDeskError
from huedesk.stats.review_texts import SECTIONS, TEXT_LIMIT

FILE_LIMIT = TEXT_LIMIT * 4  # bytes: UTF-8 needs at most four per character


def register(sub: Any) -> None:
    p = sub.add_parser(
        "review-text",
        help="phần đánh giá, nhiệm vụ của báo cáo năm / written parts of the yearly review",
        description="Keep, show or clear the assessment or next year's tasks of a yearly review.",
    )
    p.add_argument("year", metavar="YYYY", type=year)
    p.add_argument("section", choices=SECTIONS)
    p.add_argument("--lang", choices=("vi", "en"), default="vi", help="language of the text")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--file", type=Path, metavar="FILE.txt", help="đọc từ tệp / read from a file")
    what.add_argument("--text", metavar="TEXT", help="nội dung / the text")
    what.add_argument("--clear", action="store_true", help="xóa / remove the text")
    p.set_defaults(handler=run)


def _read(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > FILE_LIMIT:
            raise HueDeskError(
                f"Tệp {path} quá lớn ({size} byte; tối đa {FILE_LIMIT}).",
                f"The file {path} is too large ({size} bytes; at most {FILE_LIMIT}).",
            )
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise HueDeskError(
            f"Tệp {path} không phải văn bản UTF-8.", f"The file {path} is not UTF-8 text."
        ) from None
    except OSError as exc:
        raise HueDeskError(
            f"Không đọc được tệp {path} ({exc.strerror}).",
            f"Cannot read the file {path} ({exc.strerror}).",
        ) from None


def run(ctx: CommandContext) -> int:
    a = ctx.args
    texts = ctx.workspace().stats.texts
    if a.file is not None or a.text is not None or a.clear:
        value = "" if a.clear else (_read(a.file) if a.file is not None else a.text)
        texts.set(a.year, a.section, value, lang=a.lang)
    shown = texts.get(a.year, a.lang).section(a.section)
    if shown:
        ctx.print(shown)
    return 0

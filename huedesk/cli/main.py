"""Entry point of the ``huedesk`` command.

Each subcommand lives in a module exposing ``register(subparsers)``, which adds its
parser and sets ``handler`` to a function ``(CommandContext) -> int``. ``COMMANDS``
names each subcommand's module and one-line help; a module is imported only when
its subcommand is on the command line, so ``huedesk --version`` or ``huedesk list``
never loads the archive, encryption, demo or PDF code (start-up is paid only for
what a command uses; ``tests/cli/test_startup.py``). ``huedesk --help`` lists every
subcommand from the table without importing any of them.

Expected errors (``HueDeskError``) print one line and exit with status 2; a
traceback is only ever shown for a bug.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Sequence

from huedesk import __version__
from huedesk.cli.context import CommandContext
from huedesk.errors import HueDeskError

# Allocations between young collections in a command's process (Python's default is 700).
# Starting a command and doing its work leaves objects that mostly live until it ends: a
# brief makes 161,000 (net), of which a young collection at 100,000 found 35,000 garbage
# for 0.025 s of CPU and ~1 MB. With this threshold a brief, ``list`` or ``show`` never
# collects, and long commands collect every 250,000 allocations (``demo`` of 2,000
# records: the same CPU, 1 MB more at its peak).
COMMAND_GC_THRESHOLD = 250_000

# Subcommand → (module that registers it, one-line help), in the order ``huedesk --help`` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("huedesk.cli.demo_cmd", "tạo dữ liệu mẫu / fill the database with demo data"),
    "check": (
        "huedesk.cli.check_cmd",
        "kiểm tra toàn vẹn cơ sở dữ liệu / check database integrity",
    ),
    "list": ("huedesk.cli.records_cmd", "liệt kê hồ sơ / list records"),
    "show": ("huedesk.cli.records_cmd", "xem một hồ sơ / show one record"),
    "add": ("huedesk.cli.records_cmd", "thêm hồ sơ / add a record"),
    "set": ("huedesk.cli.records_cmd", "sửa hồ sơ / change fields of a record"),
    "delete": ("huedesk.cli.records_cmd", "xóa hồ sơ / delete a record"),
    "search": ("huedesk.cli.search_cmd", "tìm hồ sơ / search records"),
    "reindex": ("huedesk.cli.search_cmd", "lập lại chỉ mục tìm kiếm / rebuild the search index"),
    "brief": ("huedesk.cli.brief_cmd", "in tài liệu PDF / print a PDF brief"),
    "report": ("huedesk.cli.report_cmd", "số liệu tổng hợp năm / the year in figures"),
    "review-text": (
        "huedesk.cli.review_cmd",
        "phần đánh giá, nhiệm vụ của báo cáo năm / written parts of the yearly review",
    ),
    "region": ("huedesk.cli.region_cmd", "vùng địa phương đối tác / regions of partner localities"),
    "backup": ("huedesk.cli.backup_cmd", "sao lưu cơ sở dữ liệu / back up the database"),
    "restore": ("huedesk.cli.backup_cmd", "khôi phục từ bản sao lưu / restore a backup"),
    "copy": (
        "huedesk.cli.copy_cmd",
        "chép cả cơ sở dữ liệu sang tệp/máy chủ khác / copy a database (file ↔ server)",
    ),
    "export": (
        "huedesk.cli.archive_cmd",
        "xuất hồ sơ ra gói lưu trữ .zip / export records to a bundle",
    ),
    "verify": ("huedesk.cli.archive_cmd", "kiểm tra gói lưu trữ / verify a bundle"),
    "import": ("huedesk.cli.archive_cmd", "nhập gói lưu trữ / import (merge) a bundle"),
    "import-sheet": ("huedesk.cli.sheet_cmd", "nhập bảng tính XLSX/CSV / import a spreadsheet"),
    "duplicates": ("huedesk.cli.duplicates_cmd", "tìm hồ sơ trùng / find likely duplicates"),
    "merge": ("huedesk.cli.merge_cmd", "gộp hai hồ sơ trùng / merge two duplicates"),
    "undo": (
        "huedesk.cli.merge_cmd",
        "hoàn tác một lần gộp hay nhập bảng tính / undo a merge or a sheet import",
    ),
    "user": ("huedesk.cli.user_cmd", "tài khoản người dùng / user accounts"),
    "audit": ("huedesk.cli.audit_cmd", "nhật ký thay đổi / audit log"),
    "privacy": ("huedesk.cli.privacy_cmd", "dữ liệu cá nhân / personal data"),
}

EXIT_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line plus a pointer to ``--help``."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"{self.prog}: lỗi / error: {message} (see {self.prog} --help)\n")


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: $HUEDESK_DB or the user data folder)"
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="account to sign in as (default: $HUEDESK_USER or the OS account); "
        "the password comes from $HUEDESK_PASSWORD or a prompt",
    )


class _Lenient(argparse.ArgumentParser):
    """A parser that leaves reporting usage errors to the real one."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise ValueError(message)


def chosen_command(argv: Sequence[str]) -> str | None:
    """The subcommand named on a command line (``None`` for none), read past the global options."""
    pre = _Lenient(add_help=False)
    _add_global_options(pre)
    try:
        _known, rest = pre.parse_known_args(list(argv))
    except ValueError:  # e.g. ``--db`` without a path: the full parser says so
        return None
    return next((arg for arg in rest if not arg.startswith("-")), None)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: the subcommand it names registered in full, the others by name only."""
    argv = sys.argv[1:] if argv is None else argv
    parser = _Parser(
        prog="huedesk",
        description="HueDesk — quản lý hồ sơ đối ngoại, Sở Ngoại vụ thành phố Huế. "
        "Without a subcommand, opens the desktop window.",
    )
    parser.add_argument("--version", action="version", version=f"HueDesk {__version__}")
    _add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    chosen = chosen_command(argv)
    if chosen in COMMANDS:
        importlib.import_module(COMMANDS[chosen][0]).register(sub)
    for name, (_module, help_text) in COMMANDS.items():
        if name in sub.choices:  # registered in full above: its --help starts with the same line
            sub.choices[name].description = sub.choices[name].description or help_text
        else:
            sub.add_parser(name, help=help_text, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(argv).parse_args(argv)
    ctx = CommandContext(args)
    try:
        if args.command is None:
            from huedesk.cli.gui import launch  # Qt is imported only when the window opens

            return launch(ctx)
        return int(args.handler(ctx) or 0)
    except HueDeskError as exc:
        lang = ctx.lang
        print(f"huedesk: {exc.message(lang)}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # Output piped into a program that stopped reading (``huedesk list … | head``): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("huedesk: đã dừng / interrupted", file=sys.stderr)
        return 130
    finally:
        ctx.close()


def run() -> None:
    """The ``huedesk`` program: console script, ``python -m huedesk`` and the desktop build.

    When ``main`` returns, a command's work is done: its database is closed (the
    write-ahead log checkpointed, the clean-close mark written), its output written,
    its worker processes waited for and its threads (all daemons) finished with. The
    process then ends at once with ``os._exit`` instead of letting Python tear down
    the several hundred modules and objects the command loaded, which took a fifth
    of a brief's whole run (``benchmarks/startup_bench.py``). The window, and
    ``--help``/``--version`` (which exit inside ``main``), end the ordinary way.
    """
    argv = sys.argv[1:]
    command = chosen_command(argv)
    if command is not None:
        # A command loads several hundred modules whose objects live until it ends, and the
        # garbage collector's default (a young collection every 700 allocations) walked them
        # 250 times for one brief, a tenth of its CPU. A command collects rarely instead; the
        # window (no command) keeps Python's default for its long life.
        gc.set_threshold(COMMAND_GC_THRESHOLD, 10, 10)
    code = main(argv)
    if command is None:
        raise SystemExit(code)
    if "logging" in sys.modules:
        sys.modules["logging"].shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()

"""Entry point of the ``huedesk`` command.

Each subcommand lives in its own module exposing ``register(subparsers)``, which
adds its parser and sets ``handler`` to a function ``(CommandContext) -> int``.
Expected errors (``HueDeskError``) print one line and exit with status 2; a
traceback is only ever shown for a bug.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from huedesk import __version__
from huedesk.cli.context import CommandContext
from huedesk.errors import HueDeskError

# Subcommand modules, in the order ``huedesk --help`` lists them.
COMMANDS = [
    "huedesk.cli.demo_cmd",
    "huedesk.cli.check_cmd",
    "huedesk.cli.records_cmd",
    "huedesk.cli.search_cmd",
    "huedesk.cli.brief_cmd",
    "huedesk.cli.backup_cmd",
    "huedesk.cli.archive_cmd",
    "huedesk.cli.user_cmd",
    "huedesk.cli.audit_cmd",
    "huedesk.cli.privacy_cmd",
]

EXIT_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line plus a pointer to ``--help``."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"{self.prog}: lỗi / error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="huedesk",
        description="HueDesk — quản lý hồ sơ đối ngoại, Sở Ngoại vụ thành phố Huế. "
        "Without a subcommand, opens the desktop window.",
    )
    parser.add_argument("--version", action="version", version=f"HueDesk {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: $HUEDESK_DB or the user data folder)"
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="account to sign in as (default: $HUEDESK_USER or the OS account); "
        "the password comes from $HUEDESK_PASSWORD or a prompt",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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


if __name__ == "__main__":
    raise SystemExit(main())

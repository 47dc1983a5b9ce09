"""Opening the desktop window from the command line (the only CLI module that reaches Qt)."""

from __future__ import annotations

from huedesk.cli.context import CommandContext


def launch(ctx: CommandContext) -> int:
    """Start the Qt application on the chosen database and run until the window closes."""
    from huedesk.ui.app import run

    return run(ctx.db_path, actor=ctx.actor)

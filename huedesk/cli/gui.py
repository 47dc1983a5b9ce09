"""Opening the desktop window from the command line (the only CLI module that reaches Qt).

The window signs its user in with its own dialog: nothing here reads the
command-line principal (``ctx.actor`` would ask for a password at a terminal, and a
desktop shortcut has none). ``--user NAME`` only fills in the dialog's name field.

The window holds the application lock for its whole session, so a second window
on the same database (here or on another computer) is refused with a message
naming the first.
"""

from __future__ import annotations

from huedesk.cli.context import CommandContext
from huedesk.safety import applock


def launch(ctx: CommandContext) -> int:
    """Start the Qt application on the chosen database and run until the window closes."""
    from huedesk.ui.app import run

    with applock.held(ctx.db_path, "HueDesk window"):
        return run(ctx.db_path, user_name=getattr(ctx.args, "user", None))

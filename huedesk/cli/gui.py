"""Opening the desktop window from the command line (the only CLI module that reaches Qt).

The window signs its user in with its own dialog: nothing here reads the
command-line principal (``ctx.actor`` would ask for a password at a terminal, and a
desktop shortcut has none). ``--user NAME`` only fills in the dialog's name field.

The window holds the application lock for its whole session, so a second window
on the same database (here or on another computer) is refused with a message
naming the first.
"""

from __future__ import annotations

from pathlib import Path

from huedesk.cli.context import CommandContext
from huedesk.db.read_only import why_read_only
from huedesk.safety import applock


def launch(ctx: CommandContext) -> int:
    """Start the Qt application on the chosen database and run until the window closes."""
    from huedesk.ui.app import run

    location = ctx.db_path
    if not isinstance(location, Path):  # a server database: several windows share it
        return run(location, user_name=getattr(ctx.args, "user", None))
    if why_read_only(location) is not None:  # nobody here can change it; a lock would be a write
        return run(location, user_name=getattr(ctx.args, "user", None))
    with applock.held(location, "HueDesk window"):
        return run(location, user_name=getattr(ctx.args, "user", None))

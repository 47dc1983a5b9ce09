"""Allow ``python -m huedesk``."""

from huedesk.cli.main import run

run()

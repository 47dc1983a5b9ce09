"""Allow ``python -m huedesk``."""

from huedesk.cli.main import main

raise SystemExit(main())

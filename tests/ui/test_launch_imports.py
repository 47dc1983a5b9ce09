"""The window's launch loads only what the first window needs (issue #13 item 12).

Like ``tests/cli/test_startup.py`` for the command line: a fresh interpreter goes the
window's way — the door opened, the sign-in dialog shown, the user signed in, the main
window shown with its start page — and the test reads which modules it had loaded at
each step (``sys.modules``). Printing, PDF, spreadsheets, archives, briefs, demo data
and the windows the user opens later load on first use; password hashing loads with
the first password. How long a launch takes belongs in ``benchmarks/ui_startup.py``;
this holds the line on *what* is loaded, which does not depend on the machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from huedesk.accounts import AccountService
from huedesk.records import RecordService
from huedesk.store import open_store
from tests.cli.test_startup import _under

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "mat-khau-khoi-dong-1"

# Libraries and HueDesk code that no first window needs (each belongs to an action).
NOT_BEFORE_THE_WINDOW = (
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtPrintSupport",
    "reportlab",
    "openpyxl",
    "lxml",
    "pypdf",
    "pyzipper",
    "alembic",
    "mako",
    "sqlalchemy.dialects.postgresql",
    "psycopg",
    "huedesk.archive",
    "huedesk.sheets",
    "huedesk.briefs",
    "huedesk.demo",
    "huedesk.maintenance",
    "huedesk.privacy",
    "huedesk.transfer",
    # windows and dialogs of the window that the user opens later
    "huedesk.ui.editor",
    "huedesk.ui.form",
    "huedesk.ui.children",
    "huedesk.ui.printing",
    "huedesk.ui.sheet_wizard",
    "huedesk.ui.first_run",
    "huedesk.ui.audit_view",
    "huedesk.ui.settings_dialog",
    "huedesk.ui.figure_records",
    "huedesk.ui.review_dialog",
    "huedesk.ui.regions_dialog",
    "huedesk.ui.accounts_dialog",
    "huedesk.ui.duplicates_view",
    "huedesk.ui.operations_view",
)

CHILD = r"""
import json, sys
from pathlib import Path
from huedesk.ui.app import Desk, application
from huedesk.ui.backup_ui import open_or_rescue
from huedesk.ui.login_dialog import LoginDialog

app = application()
door = open_or_rescue(Path(sys.argv[1]), "vi")
dialog = LoginDialog(door, "vi", user_name="quantri")
dialog.show()
app.processEvents()
steps = {"imported": sorted(sys.modules)}
ws = door.sign_in("quantri", sys.argv[2])  # what the dialog's OK does
dialog.close()
steps["signed_in"] = sorted(sys.modules)
desk = Desk(ws, "vi")
desk.window.show_page("attention")
desk.window.show()
desk.window.repaint()
app.processEvents()
steps["window"] = sorted(sys.modules)
print(json.dumps(steps))
desk.close()
"""


def test_the_window_launch_loads_no_module_the_first_window_does_not_need(
    db_path: Path, tmp_path: Path
) -> None:
    db = open_store(db_path)  # created and migrated: the window finds it current
    admin = AccountService(db).create_first_admin("quantri", PASSWORD, "Nguyễn Quản Trị")
    RecordService(db, admin).create(
        "organisation", {"name": "Tỉnh Gifu", "org_type": "partner_locality", "country_code": "JP"}
    )
    db.dispose()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # no remembered window state
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(db_path), PASSWORD],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    steps = {k: set(v) for k, v in json.loads(done.stdout.strip().splitlines()[-1]).items()}

    # the lists are real: the window's code, the database's, and the start page are there
    assert {"huedesk.ui.main_window", "sqlalchemy.orm", "huedesk.db.models"} <= steps["imported"]
    assert "huedesk.ui.dashboard_page" in steps["window"]

    # the password hashing loads with the first password, not with the sign-in dialog
    assert not _under(steps["imported"], "argon2")
    assert _under(steps["signed_in"], "argon2")

    for step in ("imported", "signed_in", "window"):
        assert not _under(steps[step], *NOT_BEFORE_THE_WINDOW), step

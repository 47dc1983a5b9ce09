"""Screenshots of the window at 1366×768 for docs/screenshots (issue #13).

Usage (a virtual screen of an office laptop's size)::

    huedesk --db /tmp/shot/huedesk.sqlite3 demo --records 300 --quiet
    xvfb-run -s "-screen 0 1366x768x24" python -m huedesk.ui.screenshots \
        /tmp/shot/huedesk.sqlite3 docs/screenshots

Writes ``laptop-*.png`` into the folder given in Vietnamese and English: the start page,
a delegation, a consular case, an aid project, the print preview of a brief and (for an
administrator) the accounts screen.
Each shot is the whole screen, so what does not fit shows as cut off.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from huedesk.ui.app import Desk, application
from huedesk.ui.dashboard_page import DashboardPage
from huedesk.ui.i18n import set_language
from huedesk.ui.printing import BriefDialog, PreviewDialog
from huedesk.workspace import Door, ListQuery


def settle(seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def shoot(out: Path, name: str) -> None:
    settle()
    path = out / f"laptop-{name}.png"
    QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
    print("wrote", path)


def first(ws: object, kind: str) -> int:
    rows = ws.records.list(kind, ListQuery(limit=1)).rows  # type: ignore[attr-defined]
    return int(rows[0]["id"])


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m huedesk.ui.screenshots",
        description="Shoot the window at the screen's size (run under xvfb-run at 1366x768).",
    )
    parser.add_argument("db", type=Path, help="an existing database file (e.g. fresh demo data)")
    parser.add_argument(
        "out",
        type=Path,
        nargs="?",
        default=Path("docs/screenshots"),
        help="folder for the laptop-*.png files (default: docs/screenshots)",
    )
    parser.add_argument("name", nargs="?", help="account to sign in as (databases with accounts)")
    parser.add_argument("password", nargs="?")
    args = parser.parse_args(argv)
    if not args.db.is_file():  # Door.open would create an empty database there
        parser.error(f"no database file {args.db}")
    return args


def main() -> None:
    args = arguments()
    app = application()
    door = Door.open(args.db)
    out = args.out
    ws = door.enter("quantri") if door.first_run else door.sign_in(args.name, args.password)
    for lang in ("vi", "en"):
        set_language(lang)
        desk = Desk(ws, lang)
        w = desk.window
        w.show()
        start = w.show_page("attention")
        while isinstance(start, DashboardPage) and start.is_counting():  # figures come in
            settle(0.1)
        shoot(out, f"{lang}-start")
        for kind in ("delegation", "consular_case", "aid_project"):
            editor = w.open_record(kind, first(ws, kind))
            assert editor is not None
            editor.show()
            editor.raise_()
            shoot(out, f"{lang}-{kind}")
            if kind == "aid_project":
                editor.print_brief()
                dialog = editor.findChild(BriefDialog)
                assert dialog is not None
                dialog.build()
                for _ in range(300):
                    settle(0.1)
                    preview = dialog.findChild(PreviewDialog)
                    if preview is not None:
                        break
                shoot(out, f"{lang}-print-preview")
                dialog.close()
            editor.discard_changes()
            editor.close()
        if ws.accounts.can_manage():  # File → User accounts
            accounts = w.show_accounts()
            if accounts is not None:
                shoot(out, f"{lang}-accounts")
                accounts.close()
        w.save_state()
        w.close()
        settle()
    app.quit()


if __name__ == "__main__":
    main()

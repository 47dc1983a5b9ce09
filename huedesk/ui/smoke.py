"""A self-check of an installed or built HueDesk: the window opens, prints a brief, closes.

    huedesk -m huedesk.ui.smoke DB [--print BRIEF.pdf] [--screenshot OUT.png]   (desktop build)
    python -m huedesk.ui.smoke DB [--print BRIEF.pdf] [--screenshot OUT.png]

It opens the main window on DB (a database without accounts, such as a fresh demo
database) at 1366×768, waits until it is drawn, optionally saves a screenshot,
prints BRIEF.pdf through QtPdf onto a PDF "printer" (the path the Print button
takes, so a build missing QtPdf or a Qt plugin fails here), closes the window and
the database, and prints one line. ``packaging/smoke_test.py`` runs it on the
desktop build with ``QT_QPA_PLATFORM=offscreen``. Exit status 0 when all went well.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter

from huedesk.ui.app import Desk, application, configure_settings
from huedesk.ui.backup_ui import open_or_rescue
from huedesk.ui.printing import print_pdf

TIMEOUT_S = 60


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="huedesk -m huedesk.ui.smoke")
    parser.add_argument("db", type=Path)
    parser.add_argument("--print", dest="brief", type=Path, metavar="BRIEF.pdf")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png")
    args = parser.parse_args(argv)

    app = application()
    configure_settings()
    door = open_or_rescue(args.db, "vi")  # as the window opens it
    if door is None:
        print(f"huedesk smoke: could not open {args.db}", file=sys.stderr)
        return 1
    desk = Desk(door.enter(getpass.getuser()), "vi")  # a fresh build's database has no accounts
    window = desk.window
    try:
        window.resize(1366, 768)
        window.show()
        deadline = time.monotonic() + TIMEOUT_S
        while not window.windowHandle() or not window.windowHandle().isExposed():
            if time.monotonic() > deadline:
                print("huedesk smoke: the window was never shown", file=sys.stderr)
                return 1
            app.processEvents()
            time.sleep(0.01)
        app.processEvents()
        image = window.grab()
        if args.screenshot is not None and not image.save(str(args.screenshot)):
            print(f"huedesk smoke: could not save {args.screenshot}", file=sys.stderr)
            return 1
        pages = _print(args.brief) if args.brief is not None else 0
    finally:
        window.close()
        app.processEvents()
        desk.ws.close()
    print(f"window ok: {image.width()}x{image.height()}, printed {pages} page(s)")
    return 0


def _print(brief: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setResolution(150)
        printer.setOutputFileName(str(Path(tmp) / "printed.pdf"))
        return print_pdf(brief, printer)


if __name__ == "__main__":
    raise SystemExit(main())

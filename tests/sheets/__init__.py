"""Spreadsheet import tests, and a helper other tests use to check a small CSV sheet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from huedesk.sheets import ImportPlan
    from huedesk.workspace import Workspace


def checked_csv(ws: Workspace, folder: Path, kind: str, *lines: str) -> ImportPlan:
    """``lines`` written as ``<kind>.csv`` (UTF-8, semicolons) and checked by ``ws``."""
    sheet = folder / f"{kind}.csv"
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ws.sheets.preview(sheet, kind)

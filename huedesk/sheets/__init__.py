"""Spreadsheet import: the department's XLSX and CSV files read, mapped, checked and reported.

``preview`` reads a file against a record kind and classes every row without
writing anything (``huedesk import-sheet --dry-run``; the window's import
wizard shows the same report). The file is hostile until read (``source``); its
columns are matched to fields (``mapping``); each cell is read by the one
reader of typed values (``cells``); each row is validated like a record typed in
the window (``plan``); the report names row, column and value (``report``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from huedesk.accounts.principal import Actor, resolve
from huedesk.db.engine import Database
from huedesk.records.kinds import kind_spec
from huedesk.records.visibility import require_kind
from huedesk.sheets.mapping import ColumnRule, Mapping
from huedesk.sheets.plan import ImportPlan, Problem, Progress, RowResult, plan_rows
from huedesk.sheets.source import SheetData, SheetError, read_sheet

__all__ = [
    "ColumnRule",
    "ImportPlan",
    "Mapping",
    "Problem",
    "RowResult",
    "SheetData",
    "SheetError",
    "preview",
    "read_sheet",
]


def preview(
    db: Database,
    actor: Actor,
    path: Path,
    kind: str,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    mapping_file: Path | None = None,
    columns: list[ColumnRule] | None = None,
    lang: str = "vi",
    blank_erases: bool = False,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportPlan:
    """Read ``path`` as records of ``kind`` and class every row; nothing is written."""
    spec = kind_spec(kind)
    data = read_sheet(path, sheet=sheet, encoding=encoding, delimiter=delimiter)
    with db.read() as session:
        who = resolve(session, actor)
        require_kind(who, spec.name)
        return plan_rows(
            session,
            spec.name,
            data,
            lang=lang,
            mapping_file=mapping_file,
            columns=columns,
            blank_erases=blank_erases,
            progress=progress,
            should_cancel=should_cancel,
        )

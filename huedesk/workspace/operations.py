"""Merging duplicates and importing spreadsheets, each undoable as a whole.

``Operations`` merges two people or organisations, lists the logged merges and
imports, and undoes one (``huedesk.records.operations``). ``Sheets`` reads a
spreadsheet into a report (nothing written), imports its good rows in one unit
of work with progress and Cancel, saves the report, and logs the import so that
``Operations.undo`` takes it back (``huedesk.sheets``). The window's import
wizard and duplicates view, and ``huedesk import-sheet``/``merge``/``undo``, use
these and nothing below them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from huedesk.accounts.roles import require_write
from huedesk.records.kinds import kind_spec
from huedesk.records.operations import (
    MergeResult,
    OperationInfo,
    UndoResult,
    detail_in,
    merge_in,
    recent_in,
    undo_in,
)
from huedesk.records.visibility import require_kind
from huedesk.workspace.protocol import Bound

# openpyxl and the sheet readers load on first use (few sessions import a spreadsheet).
if TYPE_CHECKING:
    from huedesk.sheets import ColumnRule, ImportPlan
    from huedesk.sheets.write import ImportOutcome

Progress = Callable[[int, int], None]


class Operations:
    """Merges of duplicate records, and undo of a merge or an import."""

    def __init__(self, ws: Bound) -> None:
        self._ws = ws

    def merge(self, kind: str, keep_id: int, other_id: int) -> MergeResult:
        """Merge ``other_id`` into ``keep_id``: links re-pointed, the other name kept as an
        alias, the other record deleted; undo with ``undo(result.operation_id)``."""
        with self._ws.db.write() as s:
            return merge_in(s, self._ws.actor, kind, keep_id, other_id)

    def recent(self, limit: int = 50) -> list[OperationInfo]:
        """The newest merges and imports, newest first."""
        self._ws.principal  # noqa: B018  (a disabled account is refused here)
        with self._ws.db.read() as s:
            return recent_in(s, self._ws.actor, limit)

    def detail(self, operation_id: int, lang: str = "vi") -> list[str]:
        """What undoing the operation would put back, one line each (personal data masked
        for roles that may not see it); or why it can no longer be undone."""
        with self._ws.db.read() as s:
            return detail_in(s, self._ws.actor, operation_id, lang)

    def undo(self, operation_id: int) -> UndoResult:
        """Undo a merge or an import as a whole (all or nothing)."""
        with self._ws.db.write() as s:
            return undo_in(s, self._ws.actor, operation_id)


class Sheets:
    """Spreadsheets (XLSX, CSV) read, checked and imported as records."""

    def __init__(self, ws: Bound) -> None:
        self._ws = ws

    def preview(
        self,
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
        """Read ``path`` as records of ``kind`` and class every row; nothing is written.
        ``progress``/``should_cancel`` as for ``import_``."""
        from huedesk.sheets import preview  # on first use: see the imports

        return preview(
            self._ws.db,
            self._ws.actor,
            Path(path),
            kind,
            sheet=sheet,
            encoding=encoding,
            delimiter=delimiter,
            mapping_file=mapping_file,
            columns=columns,
            lang=lang,
            blank_erases=blank_erases,
            progress=progress,
            should_cancel=should_cancel,
        )

    def import_(
        self,
        plan: ImportPlan,
        *,
        lang: str = "vi",
        progress: Progress | None = None,
        should_cancel: Callable[[], bool] | None = None,
    ) -> ImportOutcome:
        """Write the plan's ready and warning rows in one unit of work, logged so that
        ``Operations.undo`` takes the whole import back; Cancel writes nothing."""
        from huedesk.sheets.write import import_plan  # on first use: see the imports

        who = self._ws.principal
        require_write(who)
        require_kind(who, kind_spec(plan.kind).name)
        return import_plan(
            self._ws.db,
            self._ws.actor,
            plan,
            lang,
            progress=progress,
            should_cancel=should_cancel,
        )

    @staticmethod
    def save_report(plan: ImportPlan, out: Path, lang: str = "vi") -> Path:
        """The sheet's rows with their status and problems, as a workbook."""
        from huedesk.sheets.report import save_report  # on first use

        save_report(plan, Path(out), lang)
        return Path(out)

"""The one door: a signed-in user's ``Workspace`` on one database, and the ``Door`` to it.

The window and the command line hold a ``Workspace`` and nothing below it; what
they receive from it are ids and plain data objects, named here so that a
screen imports them from the door (``tests/test_layering.py``). The archive's
report types load on first use (``__getattr__``), like the archive itself.
"""

from typing import TYPE_CHECKING, Any

from huedesk.accounts import AccountInfo, Principal, Role
from huedesk.backup import BackupInfo
from huedesk.dashboard import Attention, AttentionItem
from huedesk.db.integrity import DamagedDatabaseError
from huedesk.db.location import Location
from huedesk.records import ChildEdits, DeleteImpact, ListQuery, Page
from huedesk.records.duplicates import DuplicatePair
from huedesk.records.history import AuditRow
from huedesk.records.operations import MergeResult, OperationInfo, UndoResult
from huedesk.safety.applock import AppLockHeld
from huedesk.search import SearchHit, group_by_kind
from huedesk.stats import Area, Breakdown, Figure, Figures, Period, RecordLink, Row
from huedesk.stats.regions import RegionInfo
from huedesk.stats.review_texts import ReviewWriting
from huedesk.workspace.door import Door
from huedesk.workspace.undo import Deleted
from huedesk.workspace.workspace import Workspace

if TYPE_CHECKING:
    from huedesk.archive import BundleRejected, ExportReport, ImportReport
    from huedesk.archive.selection import SELECTABLE as EXPORTABLE_KINDS
    from huedesk.sheets import ColumnRule, ImportPlan
    from huedesk.sheets.write import ImportOutcome

_ON_FIRST_USE = {
    "BundleRejected": ("huedesk.archive", "BundleRejected"),
    "ExportReport": ("huedesk.archive", "ExportReport"),
    "ImportReport": ("huedesk.archive", "ImportReport"),
    "EXPORTABLE_KINDS": ("huedesk.archive.selection", "SELECTABLE"),
    "ColumnRule": ("huedesk.sheets", "ColumnRule"),
    "ImportPlan": ("huedesk.sheets", "ImportPlan"),
    "ImportOutcome": ("huedesk.sheets.write", "ImportOutcome"),
}


def __getattr__(name: str) -> Any:
    if name in _ON_FIRST_USE:
        import importlib

        module, attr = _ON_FIRST_USE[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "EXPORTABLE_KINDS",
    "AccountInfo",
    "AppLockHeld",
    "Area",
    "Attention",
    "AttentionItem",
    "AuditRow",
    "BackupInfo",
    "Breakdown",
    "BundleRejected",
    "ChildEdits",
    "ColumnRule",
    "DamagedDatabaseError",
    "DeleteImpact",
    "Deleted",
    "Door",
    "DuplicatePair",
    "ExportReport",
    "Figure",
    "Figures",
    "ImportOutcome",
    "ImportPlan",
    "ImportReport",
    "ListQuery",
    "Location",
    "MergeResult",
    "OperationInfo",
    "Page",
    "Period",
    "Principal",
    "RecordLink",
    "RegionInfo",
    "ReviewWriting",
    "Role",
    "Row",
    "SearchHit",
    "UndoResult",
    "Workspace",
    "group_by_kind",
]

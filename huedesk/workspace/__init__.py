"""The one door: a signed-in user's ``Workspace`` on one database, and the ``Door`` to it.

The window and the command line hold a ``Workspace`` and nothing below it; what
they receive from it are ids and plain data objects, named here so that a
screen imports them from the door (``tests/test_layering.py``). They load on
first use (``__getattr__``), as the capabilities of a ``Workspace`` do, so a command
pays only for the code it uses.
"""

from typing import TYPE_CHECKING, Any

from huedesk.accounts.roles import Principal, Role
from huedesk.db.location import Location
from huedesk.workspace.door import Door
from huedesk.workspace.workspace import Workspace

if TYPE_CHECKING:
    from huedesk.accounts import AccountInfo
    from huedesk.archive import BundleRejected, ExportReport, ImportReport
    from huedesk.archive.selection import SELECTABLE as EXPORTABLE_KINDS
    from huedesk.backup import BackupInfo
    from huedesk.dashboard import Attention, AttentionItem
    from huedesk.db.integrity import DamagedDatabaseError
    from huedesk.db.stopping import Stopped, Stopper
    from huedesk.records import ChildEdits, DeleteImpact, ListQuery, Page
    from huedesk.records.duplicates import DuplicatePair
    from huedesk.records.history import AuditRow
    from huedesk.records.operations import MergeResult, OperationInfo, UndoResult
    from huedesk.safety.applock import AppLockHeld
    from huedesk.search import SearchHit, group_by_kind
    from huedesk.sheets import ColumnRule, ImportPlan
    from huedesk.sheets.write import ImportOutcome
    from huedesk.stats import Area, Breakdown, Figure, Figures, Period, RecordLink, Row
    from huedesk.stats.regions import RegionInfo
    from huedesk.stats.review_texts import ReviewWriting
    from huedesk.workspace.undo import Deleted

# Loaded when a screen first names them, not by every command that opens the door:
# a brief from the command line needs none of the backup, statistics, search,
# duplicate or archive code (issue #16: start-up paid only for what a command uses).
_ON_FIRST_USE = {
    "AccountInfo": ("huedesk.accounts", "AccountInfo"),
    "AppLockHeld": ("huedesk.safety.applock", "AppLockHeld"),
    "Area": ("huedesk.stats", "Area"),
    "Attention": ("huedesk.dashboard", "Attention"),
    "AttentionItem": ("huedesk.dashboard", "AttentionItem"),
    "AuditRow": ("huedesk.records.history", "AuditRow"),
    "BackupInfo": ("huedesk.backup", "BackupInfo"),
    "Breakdown": ("huedesk.stats", "Breakdown"),
    "BundleRejected": ("huedesk.archive", "BundleRejected"),
    "ChildEdits": ("huedesk.records", "ChildEdits"),
    "ColumnRule": ("huedesk.sheets", "ColumnRule"),
    "DamagedDatabaseError": ("huedesk.db.integrity", "DamagedDatabaseError"),
    "DeleteImpact": ("huedesk.records", "DeleteImpact"),
    "Deleted": ("huedesk.workspace.undo", "Deleted"),
    "DuplicatePair": ("huedesk.records.duplicates", "DuplicatePair"),
    "EXPORTABLE_KINDS": ("huedesk.archive.selection", "SELECTABLE"),
    "ExportReport": ("huedesk.archive", "ExportReport"),
    "Figure": ("huedesk.stats", "Figure"),
    "Figures": ("huedesk.stats", "Figures"),
    "ImportOutcome": ("huedesk.sheets.write", "ImportOutcome"),
    "ImportPlan": ("huedesk.sheets", "ImportPlan"),
    "ImportReport": ("huedesk.archive", "ImportReport"),
    "ListQuery": ("huedesk.records", "ListQuery"),
    "MergeResult": ("huedesk.records.operations", "MergeResult"),
    "OperationInfo": ("huedesk.records.operations", "OperationInfo"),
    "Page": ("huedesk.records", "Page"),
    "Period": ("huedesk.stats", "Period"),
    "RecordLink": ("huedesk.stats", "RecordLink"),
    "RegionInfo": ("huedesk.stats.regions", "RegionInfo"),
    "ReviewWriting": ("huedesk.stats.review_texts", "ReviewWriting"),
    "Row": ("huedesk.stats", "Row"),
    "SearchHit": ("huedesk.search", "SearchHit"),
    "Stopped": ("huedesk.db.stopping", "Stopped"),
    "Stopper": ("huedesk.db.stopping", "Stopper"),
    "UndoResult": ("huedesk.records.operations", "UndoResult"),
    "group_by_kind": ("huedesk.search", "group_by_kind"),
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
    "Stopped",
    "Stopper",
    "UndoResult",
    "Workspace",
    "group_by_kind",
]

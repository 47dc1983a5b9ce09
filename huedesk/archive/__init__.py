"""Archive bundles: export records to a verifiable ZIP, verify one, import (merge) one.

The same bundle serves two needs: archiving (a self-describing copy an
archivist can read without HueDesk, see ``docs/archive-format.md``) and moving
records between office laptops that never share a network (import merges by
UUID, all or nothing). Nothing here imports Qt; the UI calls these functions
from its background-work wrapper with a progress callback.
"""

from huedesk.archive.export import ExportCancelled, ExportReport, export_bundle
from huedesk.archive.importer import BundleRejected, ImportReport, import_bundle
from huedesk.archive.merge import Conflict, Renumbered
from huedesk.archive.verify import Problem, VerifyReport, verify_bundle

__all__ = [
    "BundleRejected",
    "Conflict",
    "ExportCancelled",
    "ExportReport",
    "ImportReport",
    "Problem",
    "Renumbered",
    "VerifyReport",
    "export_bundle",
    "import_bundle",
    "verify_bundle",
]

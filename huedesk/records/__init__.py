"""Record services: one create/read/update/delete/list API for every record kind.

``RecordService`` (``huedesk.records.api``) is that API for one user; it
validates, writes an audit entry in the same transaction, and hands out plain
dictionaries, never live ORM objects. The ``*_in`` functions of
``huedesk.records.service`` do the same work inside a session a service already
holds; nothing above the services calls them.
"""

from huedesk.records import (
    operation_log,  # noqa: F401  (a deleted record's undo data goes)
    server_files,  # noqa: F401  (a server keeps new attached files' bytes in its tables)
    status_history,  # noqa: F401  (every write keeps the status history)
)
from huedesk.records.api import RecordService
from huedesk.records.compound import ChildEdits, Snapshot
from huedesk.records.kinds import KINDS, KindSpec, kind_spec
from huedesk.records.query import ListQuery, Page
from huedesk.records.service import DeleteImpact

__all__ = [
    "KINDS",
    "ChildEdits",
    "DeleteImpact",
    "KindSpec",
    "ListQuery",
    "Page",
    "RecordService",
    "Snapshot",
    "kind_spec",
]

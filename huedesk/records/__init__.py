"""Record services: one create/read/update/delete/list API for every record kind.

The UI, the command line, archive import and tests all go through
``RecordService``; it validates, writes an audit entry in the same transaction,
and hands out plain dictionaries, never live ORM objects.
"""

from huedesk.records.kinds import KINDS, KindSpec, kind_spec
from huedesk.records.query import ListQuery, Page
from huedesk.records.service import DeleteImpact, RecordService

__all__ = ["KINDS", "DeleteImpact", "KindSpec", "ListQuery", "Page", "RecordService", "kind_spec"]

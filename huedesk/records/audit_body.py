"""What the audit log keeps of one change: the same for single and bulk writes.

``huedesk.records.service`` (one record) and ``huedesk.records.bulk`` (many)
both build every entry's changes here, so an imported or generated record is
logged exactly like one typed into a form: its stored values, with personal
data and a consular case's free text replaced by a mark
(``huedesk.records.masking.audit_changes``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from huedesk.records import masking
from huedesk.records.fields import SYSTEM_FIELDS
from huedesk.records.kinds import KindSpec

Changes = dict[str, tuple[Any, Any]]


def created(spec: KindSpec, row: Mapping[str, Any]) -> Changes:
    """A new record: every value it was given (system fields left out)."""
    return masking.audit_changes(
        spec, {k: (None, v) for k, v in row.items() if v is not None and k not in SYSTEM_FIELDS}
    )


def updated(spec: KindSpec, changed: Mapping[str, tuple[Any, Any]]) -> Changes:
    """A changed record: each changed field's old and new value (``updated_at`` kept)."""
    return masking.audit_changes(
        spec,
        {k: c for k, c in changed.items() if k not in SYSTEM_FIELDS or k == "updated_at"},
    )


def deleted(spec: KindSpec, row: Mapping[str, Any]) -> Changes:
    """A deleted record: every value it had."""
    return masking.audit_changes(
        spec, {k: (v, None) for k, v in row.items() if v is not None and k not in SYSTEM_FIELDS}
    )


def kept_local(spec: KindSpec, incoming: Mapping[str, Any], local: Mapping[str, Any]) -> Changes:
    """Another version of a record that lost to the one kept here: (its value, the kept value)."""
    return masking.audit_changes(spec, {k: (v, local.get(k)) for k, v in incoming.items()})

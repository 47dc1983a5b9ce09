"""Which records a user may see: the one place that answers it for every reader.

The rules (``huedesk.accounts.roles``): consular cases, their child rows and the
attachments of a case (``KindSpec.sensitive``), and personal data
(``FieldSpec.personal``), are for consular officers and administrators only.
The record services, the audit log reader, search and briefs all ask here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from huedesk.accounts.roles import Principal, require_sensitive
from huedesk.records import masking
from huedesk.records.kinds import KINDS, KindSpec
from huedesk.records.query import ListQuery

SENSITIVE_KINDS: tuple[str, ...] = tuple(name for name, spec in KINDS.items() if spec.sensitive)


def hidden_kinds(who: Principal) -> frozenset[str]:
    """The record kinds ``who`` may not see at all (empty for those who see everything)."""
    return frozenset() if who.can_see_sensitive else frozenset(SENSITIVE_KINDS)


def require_kind(who: Principal, kind: str) -> None:
    """Refuse ``kind`` (consular cases and their children) to roles that may not see it."""
    spec = KINDS.get(kind)
    if spec is not None and spec.sensitive:
        require_sensitive(who, "vụ việc lãnh sự", "consular cases")


def require_row(who: Principal, spec: KindSpec, row: Mapping[str, Any] | None = None) -> None:
    """Refuse a sensitive kind, or an attachment of one, to roles that may not see it."""
    owner = row.get("owner_kind") if row is not None and spec.name == "attachment" else None
    if spec.sensitive or (isinstance(owner, str) and owner in KINDS and KINDS[owner].sensitive):
        require_sensitive(who, "vụ việc lãnh sự", "consular cases")


def visible_kinds(
    who: Principal, asked: Iterable[str] | None, every: Iterable[str]
) -> list[str] | None:
    """The kinds to search: ``asked`` (each checked), or ``every`` kind ``who`` may see.

    Returns ``None`` (no restriction) when nothing was asked and ``who`` sees everything.
    """
    if asked:
        kinds = list(asked)
        for kind in kinds:
            require_kind(who, kind)
        return kinds
    if who.can_see_sensitive:
        return None
    return [k for k in every if not (k in KINDS and KINDS[k].sensitive)]


def visible_query(who: Principal, spec: KindSpec, query: ListQuery) -> ListQuery:
    """``query`` narrowed to what ``who`` may see; filtering or sorting on personal data is
    refused to roles that may not see it (the answer would reveal it)."""
    if who.can_see_sensitive:
        return query
    personal = set(masking.personal_fields(spec))
    used = personal & ({*query.filters, query.sort} - {None})
    if used:
        require_sensitive(who, "dữ liệu cá nhân", "personal data")
    if spec.name == "attachment":
        hidden = set(SENSITIVE_KINDS)
        wanted = query.filters.get("owner_kind")
        asked = set(wanted) if isinstance(wanted, list | tuple | set | frozenset) else {wanted}
        if wanted is not None and asked & hidden:
            require_sensitive(who, "tệp của vụ việc lãnh sự", "files of consular cases")
        allowed = (
            sorted(str(k) for k in asked - hidden)
            if wanted is not None
            else sorted(set(KINDS) - hidden)
        )
        query = replace(query, filters={**query.filters, "owner_kind": allowed})
    return query

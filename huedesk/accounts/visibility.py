"""Which record kinds a user may see, for readers outside the record services.

The record services check every call themselves. Search and briefs read the
database directly (for speed and layout), so their callers narrow what they ask
for with ``visible_kinds`` and ``require_kind`` first.
"""

from __future__ import annotations

from collections.abc import Iterable

from huedesk.accounts.roles import Principal, require_sensitive
from huedesk.records.kinds import KINDS


def require_kind(who: Principal, kind: str) -> None:
    """Refuse ``kind`` (consular cases and their children) to roles that may not see it."""
    spec = KINDS.get(kind)
    if spec is not None and spec.sensitive:
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

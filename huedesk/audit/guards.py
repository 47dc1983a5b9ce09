"""The database triggers that keep the audit log append-only, as ``huedesk check`` looks for them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from huedesk.db import backend

AUDIT_GUARDS = ("audit_entry_no_update", "audit_entry_no_delete")  # migration 0003


def audit_guard_problems(session: Session) -> list[tuple[str, str]]:
    """(vi, en) problems for ``huedesk check``: the triggers that keep the log append-only."""
    present = backend.of(session).trigger_names(session)
    return [
        (
            f"Thiếu trigger bảo vệ nhật ký thay đổi '{name}' (tệp đã bị sửa ngoài HueDesk?)",
            f"The audit log guard trigger '{name}' is missing (was the file edited outside HueDesk?)",
        )
        for name in AUDIT_GUARDS
        if name not in present
    ]

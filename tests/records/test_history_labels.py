"""The audit log speaks in labels: no stored key and no True/False reaches the history view.

Issue #13 item 8: the English log showed "cancelled: ∅ → False". Records use their
field specs; entries about accounts, regions, document settings, yearly review
texts, restores, demo data, merges and imports have labels of their own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from huedesk.accounts import AccountService
from huedesk.db.engine import Database
from huedesk.db.enums import AuditAction
from huedesk.document_settings import DocSettings
from huedesk.records.history import AuditLog, AuditRow
from huedesk.stats.review_texts import SECTIONS
from huedesk.workspace import Workspace

# The keys of the entries written by huedesk.maintenance (restore), huedesk.demo,
# huedesk.records.operations (merge, import, undo) and huedesk.privacy.retention.
SYSTEM_KEYS = {
    "restore": (
        "backup",
        "backup_taken_at",
        "pre_restore_copy",
        "rescue",
        "accounts_carried",
        "history_carried",
    ),
    "demo": ("demo_records", "seed"),
    "person": ("merged", "unmerged", "import", "import undone", "operation", "added", "updated"),
    "consular_case": ("anonymised",),
    "region": ("name", "name_en", "members"),
    "review_text": SECTIONS,
    "document_settings": tuple(f.name for f in dataclasses.fields(DocSettings)),
    "user_account": ("name", "display_name", "role", "password", "active"),
}


def _row(kind: str, changes: dict[str, tuple[Any, Any]]) -> AuditRow:
    at = dt.datetime(2026, 11, 30, tzinfo=dt.UTC)
    return AuditRow(1, at, "quantri", AuditAction.UPDATE, kind, None, None, changes)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", sorted(SYSTEM_KEYS))
def test_every_key_of_a_system_entry_has_a_label(kind: str, lang: str) -> None:
    row = _row(kind, {})
    assert row.kind_label(lang) != kind
    for key in SYSTEM_KEYS[kind]:
        assert row.field_label(key, lang) != key, f"{kind}.{key} has no {lang} label"


def test_flags_read_as_words() -> None:
    row = _row("user_account", {"active": (True, False)})
    assert row.describe("en") == "Active: Yes → No"
    assert row.describe("vi") == "Đang hoạt động: Có → Không"


def test_real_entries_in_english(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    from huedesk.accounts import passwords

    monkeypatch.setattr(
        passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )
    accounts = AccountService(db)
    accounts.create_first_admin("quantri", "mat-khau-dai-1")
    accounts.add("quantri", "xem", "mat-khau-dai-2", "viewer")
    accounts.set_active("quantri", "xem", False)
    ws = Workspace(db, "quantri")
    ws.documents.save({**ws.documents.values(), "signer_name": "Nguyễn Văn Phương"})
    ws.stats.texts.set(2026, "tasks", "Mở rộng hợp tác", lang="vi")

    rows = AuditLog(db, "quantri").page(limit=50)
    text = "\n".join(f"{r.kind_label('en')}: {r.describe('en')}" for r in rows)
    assert "Account: Active: Yes → No" in text
    assert "Document settings: Signer's name" in text
    assert "Yearly review (written parts): Tasks for next year" in text
    for raw in ("active", "signer_name", "tasks", "False", "True", "user_account"):
        assert raw not in text.replace("Active", "").replace("Tasks", ""), raw

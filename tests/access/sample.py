"""Valid values for every record kind, built from the field specs (one record per kind)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from huedesk.attachments import Attachments
from huedesk.records import KINDS, RecordService
from huedesk.records.fields import FieldSpec

# Kinds in an order where every kind's references already exist when it is made.
ORDER = [k for k in KINDS if k != "country"]


def value_for(fs: FieldSpec, ids: dict[str, int]) -> Any:
    if fs.choices is not None:
        return next(iter(fs.choices)).value
    if fs.is_country:
        return "JP"
    if fs.references:
        return ids[fs.references.split(".")[0]]
    if fs.name == "currency":
        return "VND"
    if fs.type is int:
        return 1000
    if fs.type is dt.date:
        return dt.date(2025, 3, 10)
    if fs.type is dt.datetime:
        return dt.datetime(2025, 3, 10, 9, 0)
    if fs.name == "sha256":
        return "0" * 64
    return f"Mẫu {fs.name}"


def valid_values(kind: str, ids: dict[str, int]) -> dict[str, Any]:
    """Values for the required fields of ``kind`` (references point at ``ids``)."""
    values = {n: value_for(fs, ids) for n, fs in KINDS[kind].fields.items() if fs.required}
    if kind == "attachment":
        values["owner_kind"] = "delegation"
    return values


def one_of_each(svc: RecordService) -> dict[str, int]:
    """Create one record of every kind (as ``svc``'s actor); returns ids by kind.

    The attachment is attached to the delegation from a file, the only way one is made.
    """
    ids: dict[str, int] = {}
    for kind in ORDER:
        if kind == "attachment":
            ids[kind] = attach_file(svc, "delegation", ids["delegation"])["id"]
        else:
            ids[kind] = svc.create(kind, valid_values(kind, ids))["id"]
    return ids


def attach_file(
    svc: RecordService, owner_kind: str, owner_id: int, name: str = "Mẫu filename.pdf"
) -> dict[str, Any]:
    """Attach a small file called ``name`` to a record, as ``svc``'s actor."""
    source = Path(svc.db.path).parent / "mau-tep" / name
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(f"%PDF-1.4 {owner_kind} {owner_id}".encode())
    return Attachments(svc.db, svc.actor).add(owner_kind, owner_id, source)

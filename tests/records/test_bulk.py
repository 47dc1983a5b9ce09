"""The bulk writer: the rules of single writes (roles, validation, numbers, audit, events)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from sqlalchemy import select

from huedesk import audit
from huedesk.accounts.roles import Principal, Role
from huedesk.db.bulk import write_behind
from huedesk.db.engine import Database
from huedesk.db.models import AuditEntry
from huedesk.errors import HueDeskError, PermissionDenied
from huedesk.records import RecordService, events
from huedesk.records.bulk import BulkWriter, Match, RejectedRecord
from huedesk.records.service import create_in, update_in
from huedesk.search import search

PERSON = {
    "full_name": "Nguyễn Văn Bình",
    "gender": "male",
    "date_of_birth": "02/09/1985",
    "nationality": "VN",
    "passport_no": "B7654321",
    "phone": "0905 123 456",
}
EVENT = {"event_type": "festival", "status": "planned", "start_date": "06/06/2026"}
DELEGATION = {
    "direction": "in",
    "title": "Đoàn tỉnh Savannakhet",
    "country_code": "LA",
    "start_date": "12/03/2025",
    "status": "planned",
}


@pytest.fixture
def heard() -> Iterator[list[tuple[str, str, dict[str, Any]]]]:
    """Every change the listeners are told of, as (kind, operation, row)."""
    seen: list[tuple[str, str, dict[str, Any]]] = []

    def listener(_s: Any, kind: str, op: str, rows: Sequence[dict[str, Any]]) -> None:
        seen.extend((kind, op, dict(r)) for r in rows)

    events.subscribe(listener)
    yield seen
    events.unsubscribe(listener)


def _entries(db: Database, kind: str) -> list[AuditEntry]:
    with db.read() as s:
        return list(
            s.scalars(select(AuditEntry).where(AuditEntry.kind == kind).order_by(AuditEntry.id))
        )


def _comparable(row: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v for k, v in row.items() if k not in ("id", "uuid", "ref", "created_at", "updated_at")
    }


def test_a_bulk_record_is_stored_logged_and_announced_like_a_single_one(
    db: Database, heard: list[tuple[str, str, dict[str, Any]]]
) -> None:
    with db.write() as s:
        single = create_in(s, "kiemthu", "person", PERSON)
    with db.write() as s, BulkWriter(s, "kiemthu") as writer:
        bulk = writer.add("person", PERSON)
    assert _comparable(bulk) == _comparable(single)
    one, many = _entries(db, "person")
    body = json.loads(many.changes)
    assert {**json.loads(one.changes), "ref": None} == {**body, "ref": None}
    assert body["passport_no"] == [None, "•••"] and body["date_of_birth"] == [None, "•••"]
    assert "B7654321" not in many.changes and "0905" not in many.changes
    assert [(k, op) for k, op, _r in heard] == [("person", "create"), ("person", "create")]
    assert _comparable(heard[0][2]) == _comparable(heard[1][2])
    with db.read() as s:
        assert list(audit.verify_chain(s)) == []


def test_numbers_continue_the_counters_and_taken_numbers_are_renumbered(
    db: Database, svc: RecordService
) -> None:
    first = svc.create("delegation", DELEGATION)
    assert first["ref"] == "ĐV-2025-0001"
    with db.write() as s, BulkWriter(s, "kiemthu", restoring=True) as writer:
        numbered = writer.add("delegation", DELEGATION)
        taken = writer.add("delegation", {**DELEGATION, "ref": "ĐV-2025-0001"})
        given = writer.add("delegation", {**DELEGATION, "ref": "ĐV-2025-0007"})
    assert numbered["ref"] == "ĐV-2025-0002" and given["ref"] == "ĐV-2025-0007"
    assert taken["ref"] == "ĐV-2025-0008"  # after every number the load brought
    assert [(r.given_ref, r.new_ref) for r in writer.renumbered] == [
        ("ĐV-2025-0001", "ĐV-2025-0008")
    ]
    assert svc.create("delegation", DELEGATION)["ref"] == "ĐV-2025-0009"


def test_children_are_indexed_with_their_parent(db: Database) -> None:
    with (
        db.write() as s,
        write_behind(s) as behind,
        BulkWriter(s, "kiemthu", behind=behind) as writer,
    ):
        person = writer.add("person", {"full_name": "Khamphone Sisavath", "nationality": "LA"})
        for n in range(1500):  # enough for the background path
            writer.add("delegation", {**DELEGATION, "title": f"Đoàn số {n}"})
        dl = max(writer.ids_by("delegation").values())
        writer.add("delegation_member", {"delegation_id": dl, "person_id": person["id"]})
    hits = search(db, "khamphone", kinds=["delegation"])
    assert [h.record_id for h in hits] == [dl]
    assert len(search(db, "doan so 1499", kinds=["delegation"])) >= 1


def test_a_bad_row_names_itself_and_nothing_is_written(db: Database, svc: RecordService) -> None:
    before = svc.list("event").total
    with (
        pytest.raises(RejectedRecord) as err,
        db.write() as s,
        BulkWriter(s, "kiemthu") as writer,
    ):
        writer.add("event", {**EVENT, "title": "Festival"})
        writer.add("event", {**EVENT, "title": "Lễ hội\x1b[31m"})
    assert err.value.en.startswith("event #2: ") and "control character" in err.value.en
    assert err.value.index == 2
    assert svc.list("event").total == before


def test_matches_are_refused_skipped_or_updated(db: Database, svc: RecordService) -> None:
    dl = svc.create("delegation", DELEGATION)
    with db.write() as s, BulkWriter(s, "kiemthu") as writer:
        assert writer.write(
            "delegation", {"ref": dl["ref"], "title": "X"}, match=Match.SKIP, by="ref"
        ) == (
            "skipped",
            dl["id"],
        )
        outcome = writer.write(
            "delegation", {"ref": dl["ref"], "purpose": "Hội đàm"}, match=Match.UPDATE, by="ref"
        )
        assert outcome == ("updated", dl["id"])
    assert svc.get("delegation", dl["id"])["purpose"] == "Hội đàm"
    assert writer.outcomes["delegation"].skipped == 1 and writer.outcomes["delegation"].updated == 1
    update = _entries(db, "delegation")[-1]
    assert json.loads(update.changes) == {"purpose": [None, "Hội đàm"]}  # like update_in's
    with (
        pytest.raises(HueDeskError, match="already in the database"),
        db.write() as s,
        BulkWriter(s, "kiemthu") as writer,
    ):
        writer.write("delegation", {"ref": dl["ref"]}, by="ref")


def test_a_bulk_update_logs_what_update_in_logs(db: Database, svc: RecordService) -> None:
    a = svc.create("person", PERSON)
    b = svc.create("person", PERSON)
    change = {"passport_no": "C1111111", "position": "Phó Giám đốc"}
    with db.write() as s:
        update_in(s, "kiemthu", "person", a["id"], change)
    with db.write() as s, BulkWriter(s, "kiemthu") as writer:
        writer.update("person", b["id"], change)
    one, many = _entries(db, "person")[-2:]
    assert json.loads(one.changes) == json.loads(many.changes)
    assert "C1111111" not in many.changes
    assert svc.get("person", b["id"])["updated_at"] > b["updated_at"]


@pytest.mark.parametrize(
    ("role", "kind", "values", "refused"),
    [
        (Role.VIEWER, "event", {"title": "Hội chợ", "event_type": "fair"}, "only view"),
        (Role.OFFICER, "consular_case", {}, "consular officers"),
        (Role.OFFICER, "person", PERSON, "personal data"),
    ],
)
def test_roles_are_checked_as_for_single_writes(
    db: Database, role: Role, kind: str, values: dict[str, Any], refused: str
) -> None:
    who = Principal("ai_do", role)
    with pytest.raises(PermissionDenied, match=refused), db.write() as s, BulkWriter(s, who) as w:
        w.add(kind, values)
    with db.read() as s:
        assert s.scalar(select(AuditEntry.id)) is None


def test_an_officer_loads_records_without_personal_data(db: Database) -> None:
    who = Principal("canbo", Role.OFFICER)
    with db.write() as s, BulkWriter(s, who) as writer:
        writer.add("person", {"full_name": "Lê Thị Hoa", "nationality": "VN"})
    assert _entries(db, "person")[0].actor == "canbo"

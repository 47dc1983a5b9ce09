"""The index stays in step with every change, in the same transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, text

from huedesk.attachments import Attachments
from huedesk.db.engine import Database
from huedesk.db.models import Organisation
from huedesk.records import ListQuery, RecordService
from huedesk.records.events import emit_bulk
from huedesk.records.service import create_in
from huedesk.search import index_problems, reindex_all, search
from huedesk.search.schema import key_of
from tests.backends import index_key


def index_rows(db: Database) -> dict[int, tuple[str, ...]]:
    with db.read() as s:
        rows = s.execute(
            text(
                f"SELECT {index_key(db)}, ref, title, body, ref_x, title_x, body_x FROM search_fts"
            )
        )
        return {r[0]: tuple(r[1:]) for r in rows}


def found(db: Database, query: str, kind: str) -> list[int]:
    return [h.record_id for h in search(db, query) if h.kind == kind]


def assert_same_as_rebuilt(db: Database) -> None:
    incremental = index_rows(db)
    with db.write() as s:
        reindex_all(s)
    assert index_rows(db) == incremental


def test_update_and_delete(db: Database, svc: RecordService, sample: dict[str, Any]) -> None:
    lao = sample["lao"]["id"]
    svc.update("delegation", lao, {"title": "Đoàn tỉnh Champasak thăm Huế"})
    assert lao in found(db, "champasak", "delegation")
    assert "Champasak" in search(db, "champasak")[0].title
    svc.update("delegation", lao, {"partner_id": None})
    assert lao not in found(db, "salavan", "delegation")
    svc.delete("delegation", lao)
    assert lao not in found(db, "champasak", "delegation")
    assert_same_as_rebuilt(db)


def test_child_rows_update_their_parent(
    db: Database, svc: RecordService, sample: dict[str, Any]
) -> None:
    amb = sample["ambassador"]["id"]
    svc.update("delegation_member", sample["member"]["id"], {"title": "Bí thư thứ nhất"})
    assert amb in found(db, "bi thu thu nhat", "delegation")
    svc.delete("delegation_member", sample["member"]["id"])
    assert amb not in found(db, "kim min", "delegation")
    svc.create(
        "programme_item",
        {"delegation_id": amb, "starts_at": "2025-03-02 09:00", "activity": "Tham quan Đại Nội"},
    )
    assert amb in found(db, "dai noi", "delegation")
    case = sample["case"]["id"]
    action = svc.create(
        "case_action",
        {"case_id": case, "taken_at": "2025-04-02 10:00", "action": "Liên hệ Tổng Lãnh sự quán"},
    )
    assert case in found(db, "tong lanh su", "consular_case")
    svc.create(
        "case_person", {"case_id": case, "person_id": sample["hue_person"]["id"], "role": "subject"}
    )
    assert case in found(db, "tran thi hue", "consular_case")
    svc.delete("case_action", action["id"])
    assert case not in found(db, "tong lanh su", "consular_case")
    assert_same_as_rebuilt(db)


def test_aid_transactions_and_attachments(
    tmp_path: Path, db: Database, svc: RecordService, sample: dict[str, Any]
) -> None:
    donor = svc.create("organisation", {"name": "Quỹ Hỗ trợ Y tế", "org_type": "donor"})
    project = svc.create(
        "aid_project",
        {
            "title": "Trang thiết bị y tế cho A Lưới",
            "donor_id": donor["id"],
            "sector": "health",
            "committed_amount": "53000000000",
            "currency": "VND",
            "status": "approved",
        },
    )
    svc.create(
        "aid_transaction",
        {
            "project_id": project["id"],
            "tx_type": "disbursement",
            "value_date": "2025-06-01",
            "amount": "1000000000",
            "currency": "VND",
            "tranche": "Đợt 1",
            "document_ref": "PT-8841",
        },
    )
    assert project["id"] in found(db, "PT-8841", "aid_project")
    assert project["id"] in found(db, "quy ho tro", "aid_project")  # the donor's name
    source = tmp_path / "bien-ban-ban-giao.pdf"
    source.write_bytes(b"%PDF-1.4 handover")
    Attachments(db, "kiemthu").add("aid_project", project["id"], source)
    assert project["id"] in found(db, "bien ban ban giao", "aid_project")
    assert_same_as_rebuilt(db)


def test_renaming_or_deleting_a_referenced_record_updates_documents(
    db: Database, svc: RecordService, sample: dict[str, Any]
) -> None:
    amb = sample["ambassador"]["id"]
    twinning = svc.create(
        "partnership",
        {
            "partner_id": sample["gifu"]["id"],
            "country_code": "JP",
            "level": "province",
            "relation_type": "friendship",
            "status": "established",
        },
    )
    svc.update("person", sample["kim"]["id"], {"full_name": "Park Ji-sung"})
    assert amb in found(db, "park ji", "delegation")
    assert amb not in found(db, "kim min", "delegation")
    svc.update("organisation", sample["gifu"]["id"], {"name": "Tỉnh Niigata"})
    assert amb in found(db, "niigata", "delegation")
    assert amb not in found(db, "gifu", "delegation")
    assert [h.title for h in search(db, "niigata", kinds=["partnership"])] == ["Tỉnh Niigata"]
    assert twinning["id"] not in found(db, "gifu", "partnership")
    svc.delete("partnership", twinning["id"])
    assert search(db, "niigata", kinds=["partnership"]) == []
    # deleting the partner sets the delegation's partner to nothing (no event for it)
    svc.delete("organisation", sample["gifu"]["id"])
    assert amb not in found(db, "niigata", "delegation")
    assert_same_as_rebuilt(db)


def test_failed_transaction_leaves_index_unchanged(db: Database, sample: dict[str, Any]) -> None:
    before = index_rows(db)
    with pytest.raises(RuntimeError), db.write() as s:
        create_in(
            s,
            "kiemthu",
            "organisation",
            {"name": "Tỉnh Savannakhet", "org_type": "partner_locality"},
        )
        assert search_in_session(s, "savannakhet")
        raise RuntimeError("boom")
    assert index_rows(db) == before
    assert search(db, "savannakhet") == []


def search_in_session(session: Any, query: str) -> list[Any]:
    from huedesk.search import search_in

    return search_in(session, query)


def test_bulk_load_is_indexed(db: Database, sample: dict[str, Any]) -> None:
    with db.write() as s:
        s.execute(
            insert(Organisation),
            [
                {
                    "ref": f"TC-2025-{n:04d}",
                    "name": f"Tỉnh Attapeu {n}",
                    "org_type": "partner_locality",
                }
                for n in range(1, 4)
            ],
        )
        emit_bulk(s, frozenset({"organisation"}))
    assert len(found(db, "attapeu", "organisation")) == 3
    assert_same_as_rebuilt(db)


def test_list_text_filter_uses_the_index(
    db: Database, svc: RecordService, sample: dict[str, Any]
) -> None:
    amb = sample["ambassador"]["id"]
    page = svc.list("delegation", ListQuery(text="kim min"))
    assert [r["id"] for r in page.rows] == [amb] and page.total == 1
    assert svc.list("delegation", ListQuery(text="salav")).total == 1
    assert svc.list("delegation", ListQuery(text="   ")).total == 2
    assert svc.list("delegation", ListQuery(text='"(NEAR AND')).total == 0
    assert svc.list("delegation", ListQuery(text="🙂")).total == 0
    # kinds without index rows keep their own scan
    assert svc.list("delegation_member", ListQuery(text="tham tan")).total == 1


def test_index_problems_found_and_repaired(db: Database, sample: dict[str, Any]) -> None:
    with db.read() as s:
        assert index_problems(s) == []
    with db.write() as s:
        s.execute(
            text(f"DELETE FROM search_fts WHERE {index_key(db)} = :r"),
            {"r": key_of("person", sample["kim"]["id"])},
        )
    with db.read() as s:
        problems = index_problems(s)
    assert len(problems) == 1 and "reindex" in problems[0][1] and "person" in problems[0][1]
    with db.write() as s:
        reindex_all(s)
        assert index_problems(s) == []

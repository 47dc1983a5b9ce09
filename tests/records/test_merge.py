"""Merging duplicates: every link kept, the other name an alias search finds, undo exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from huedesk.cli.main import main
from huedesk.errors import HueDeskError
from huedesk.records import ListQuery
from huedesk.workspace import Workspace


def _org(ws: Workspace, name: str, **extra: str) -> int:
    values = {"name": name, "org_type": "partner_locality", "country_code": "LA", **extra}
    return int(ws.records.create("organisation", values)["id"])


def _linked_world(ws: Workspace) -> dict[str, int]:
    keep = _org(ws, "Tỉnh Champasak")
    other = _org(ws, "Champassak", name_en="Champassak Province", website="https://cps.la")
    p = ws.records.create(
        "partnership",
        {
            "partner_id": other,
            "country_code": "LA",
            "level": "province",
            "relation_type": "friendship",
            "status": "established",
        },
    )
    d = ws.records.create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn Champassak",
            "partner_id": other,
            "country_code": "LA",
            "start_date": "01/03/2025",
            "status": "planned",
        },
    )
    a = ws.records.create(
        "agreement",
        {
            "title": "Biên bản ghi nhớ",
            "agreement_type": "mou",
            "counterpart_id": other,
            "signing_level": "city_committee",
            "status": "signed",
        },
    )
    return {
        "keep": keep,
        "other": other,
        "partnership": p["id"],
        "delegation": d["id"],
        "agreement": a["id"],
    }


def test_merge_keeps_every_link_and_remembers_the_other_name(ws: Workspace) -> None:
    ids = _linked_world(ws)
    result = ws.operations.merge("organisation", ids["keep"], ids["other"])
    assert result.moved == {"agreement": 1, "delegation": 1, "partnership": 1}
    assert ws.records.get("partnership", ids["partnership"])["partner_id"] == ids["keep"]
    assert ws.records.get("delegation", ids["delegation"])["partner_id"] == ids["keep"]
    assert ws.records.get("agreement", ids["agreement"])["counterpart_id"] == ids["keep"]
    kept = ws.records.get("organisation", ids["keep"])
    assert kept["website"] == "https://cps.la" and kept["name_en"] == "Champassak Province"
    assert kept["aliases"] == "Champassak"
    with pytest.raises(HueDeskError):
        ws.records.get("organisation", ids["other"])
    # The other spelling is found by search, and a new entry under it is flagged.
    hits = ws.search.find("Champassak")
    assert [h.record_id for h in hits if h.kind == "organisation"] == [ids["keep"]]
    found = ws.records.likely_duplicates(
        "organisation", {"name": "CHAMPASSAK", "org_type": "partner_locality", "country_code": "LA"}
    )
    assert [p.second.id for p in found] == [ids["keep"]]
    # The audit log names the merge on the kept record.
    kept_ref = str(kept["ref"])
    assert any("merged" in r.changes for r in ws.audit.page(record_ref=kept_ref))


def test_undo_of_a_merge_brings_the_record_and_its_links_back(ws: Workspace) -> None:
    ids = _linked_world(ws)
    before = ws.records.get("organisation", ids["other"])
    result = ws.operations.merge("organisation", ids["keep"], ids["other"])
    undone = ws.operations.undo(result.operation_id)
    assert undone.restored == 1 and undone.kept == ()
    back_id = ws.records.find_id("organisation", uuid=before["uuid"])
    back = ws.records.get("organisation", back_id)
    assert (back["ref"], back["name"], back["website"]) == (
        before["ref"],
        "Champassak",
        "https://cps.la",
    )
    assert ws.records.get("partnership", ids["partnership"])["partner_id"] == back_id
    assert ws.records.get("agreement", ids["agreement"])["counterpart_id"] == back_id
    kept = ws.records.get("organisation", ids["keep"])
    assert kept["website"] is None and kept["aliases"] is None and kept["name_en"] is None
    with pytest.raises(HueDeskError, match="undone already"):
        ws.operations.undo(result.operation_id)
    assert [o.undone for o in ws.operations.recent()] == [True]


def test_undo_leaves_values_changed_since(ws: Workspace) -> None:
    ids = _linked_world(ws)
    result = ws.operations.merge("organisation", ids["keep"], ids["other"])
    ws.records.update("organisation", ids["keep"], {"website": "https://hue.vn"})
    undone = ws.operations.undo(result.operation_id)
    assert undone.kept and "website" in undone.kept[0]
    assert ws.records.get("organisation", ids["keep"])["website"] == "https://hue.vn"


def test_merging_people_keeps_cases_and_members(ws: Workspace) -> None:
    keep = ws.records.create("person", {"full_name": "Nguyễn Văn An", "nationality": "VN"})["id"]
    other = ws.records.create(
        "person", {"full_name": "NGUYEN VAN AN", "passport_no": "C1234567", "phone": "0905"}
    )["id"]
    d = ws.records.create(
        "delegation",
        {
            "direction": "out",
            "title": "Đoàn đi Lào",
            "country_code": "LA",
            "start_date": "01/03/2025",
            "status": "planned",
        },
    )
    member = ws.records.create("delegation_member", {"delegation_id": d["id"], "person_id": other})
    result = ws.operations.merge("person", keep, other)
    assert result.moved == {"delegation_member": 1}
    assert ws.records.get("delegation_member", member["id"])["person_id"] == keep
    kept = ws.records.get("person", keep)
    assert kept["passport_no"] == "C1234567" and kept["aliases"] == "NGUYEN VAN AN"
    ws.operations.undo(result.operation_id)
    page = ws.records.list("person", ListQuery(limit=None))
    assert sorted(r["full_name"] for r in page.rows) == ["NGUYEN VAN AN", "Nguyễn Văn An"]
    assert ws.records.get("person", keep)["passport_no"] is None


def test_what_cannot_be_merged_is_refused(ws: Workspace) -> None:
    a = _org(ws, "Tỉnh Sê Kông")
    with pytest.raises(HueDeskError, match="itself"):
        ws.operations.merge("organisation", a, a)
    with pytest.raises(HueDeskError, match="people and organisations"):
        ws.operations.merge("country", 1, 2)


def test_merge_and_undo_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "h.sqlite3")
    for name in ("Sê Kông", "Sekong"):
        assert (
            main(
                [
                    "--db",
                    db,
                    "add",
                    "organisation",
                    f"name={name}",
                    "org_type=partner_locality",
                    "--yes",
                ]
            )
            == 0
        )
    out = capsys.readouterr().out.split()
    keep, other = out[0], out[1]
    assert main(["--db", db, "merge", keep, other, "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert f"{other} merged into {keep}" in text and "huedesk undo 1" in text
    assert main(["--db", db, "undo", "--lang", "en"]) == 0
    assert "merge" in capsys.readouterr().out
    assert main(["--db", db, "undo", "1", "--lang", "en"]) == 0
    assert "undone" in capsys.readouterr().out
    assert main(["--db", db, "merge", keep, "nobody", "--lang", "en"]) == 2
    assert "No two records" in capsys.readouterr().err


def test_an_entry_that_repeats_a_stored_record_is_asked_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "h.sqlite3")
    assert main(["--db", db, "add", "person", "full_name=Nguyễn Văn A"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "add", "person", "full_name=Văn A Nguyễn", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "probably the same as" in err and "another order" in err and "--yes" in err
    assert main(["--db", db, "add", "person", "full_name=Văn A Nguyễn", "--yes"]) == 0


def test_the_merge_message_names_fields_as_officials_see_them(ws: Workspace) -> None:
    keep = ws.records.create("person", {"full_name": "Trần Thị Bình", "position": "Giám đốc"})
    other = ws.records.create(
        "person", {"full_name": "Tran Thi Binh", "position": "Phó giám đốc", "phone": "0905111222"}
    )
    result = ws.operations.merge("person", keep["id"], other["id"])
    assert (result.filled, tuple(result.dropped)) == (("phone",), ("full_name", "position"))
    vi, en = result.describe(), result.describe("en")
    assert "Lấy từ hồ sơ kia: điện thoại." in vi
    assert "Giữ họ và tên, chức vụ của hồ sơ này (hồ sơ kia khác)." in vi
    assert "Filled from the other: phone." in en
    assert "Kept this record's full name, position (the other's differed)." in en
    assert not {"full_name", "position", "phone"} & set(vi.replace(".", " ").split())

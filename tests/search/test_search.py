"""Searching the way Vietnamese users type: folding, prefixes, ranking, references, snippets."""

from __future__ import annotations

from typing import Any

import pytest

from huedesk.db.engine import Database
from huedesk.errors import HueDeskError
from huedesk.records import RecordService
from huedesk.search import SearchHit, group_by_kind, search


def ids(hits: list[SearchHit], kind: str | None = None) -> list[int]:
    return [h.record_id for h in hits if kind is None or h.kind == kind]


def test_found_with_or_without_marks_in_any_case(db: Database, sample: dict[str, Any]) -> None:
    for query in ("doan dai su", "Đoàn Đại sứ", "ĐOÀN ĐẠI SỨ", "DOAN dai SU", "đoàn đại sứ"):
        assert sample["ambassador"]["id"] in ids(search(db, query), "delegation"), query


def test_decomposed_input_is_folded_like_composed(db: Database, sample: dict[str, Any]) -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Đại sứ Nhật Bản")
    assert sample["ambassador"]["id"] in ids(search(db, nfd), "delegation")


def test_d_with_stroke_folds_to_d(db: Database, sample: dict[str, Any]) -> None:
    hits = search(db, "dai su")
    assert sample["ambassador"]["id"] in ids(hits, "delegation")
    assert search(db, "đại sứ")[0].record_id == sample["ambassador"]["id"]


def test_prefix_as_you_type(db: Database, sample: dict[str, Any]) -> None:
    for typed in ("sal", "salav", "Salava"):
        assert sample["salavan"]["id"] in ids(search(db, typed), "organisation"), typed
    # a finished word (space typed after it) is not a prefix any more
    assert not search(db, "salav ")


def test_member_name_finds_the_delegation(db: Database, sample: dict[str, Any]) -> None:
    hits = search(db, "kim min")
    assert sample["ambassador"]["id"] in ids(hits, "delegation")
    assert sample["kim"]["id"] in ids(hits, "person")


def test_partner_and_country_names_find_the_delegation(
    db: Database, sample: dict[str, Any]
) -> None:
    assert sample["ambassador"]["id"] in ids(search(db, "gifu"), "delegation")
    assert sample["lao"]["id"] in ids(search(db, "lao"), "delegation")


def test_accented_query_ranks_exact_spelling_first(
    db: Database, svc: RecordService, sample: dict[str, Any]
) -> None:
    exact = search(db, "Huệ")
    assert (exact[0].kind, exact[0].record_id) == ("person", sample["hue_person"]["id"])
    assert {h.kind for h in exact} >= {"person", "delegation"}  # "Huế" still found, below
    city = search(db, "Huế")
    assert city[0].kind != "person"
    assert "Huế" in city[0].snippet_html or "Huế" in city[0].title
    person = next(h for h in city if h.kind == "person")
    assert person.score < city[0].score


def test_exact_reference_number_first(db: Database, sample: dict[str, Any]) -> None:
    hits = search(db, "LS-2025-0007")
    assert (hits[0].kind, hits[0].record_id, hits[0].ref) == (
        "consular_case",
        sample["case"]["id"],
        "LS-2025-0007",
    )
    # the other case only mentions it: found, but after
    assert ids(hits, "consular_case") == [sample["case"]["id"], sample["case70"]["id"]]
    assert ids(search(db, "LS-2025-0070"), "consular_case")[0] == sample["case70"]["id"]


@pytest.mark.parametrize("query", ["lang co", "Lăng Cô"])
def test_a_hit_in_the_name_ranks_above_one_in_the_notes(
    svc: RecordService, db: Database, query: str
) -> None:
    """The weights search ranks with (docs/search.md): the same words count more in a
    record's title than in the rest of it, however the query is typed."""
    org = {"org_type": "partner_locality", "country_code": "VN"}
    in_name = svc.create(
        "organisation", {**org, "name": "Khu du lịch Lăng Cô", "notes": "Đối tác của tỉnh."}
    )
    in_notes = svc.create(
        "organisation", {**org, "name": "Khu du lịch Bạch Mã", "notes": "Gần Lăng Cô."}
    )
    assert ids(search(db, query)) == [in_name["id"], in_notes["id"]]


def test_delegation_refs_with_d_stroke(db: Database, sample: dict[str, Any]) -> None:
    ref = sample["ambassador"]["ref"]
    assert ref == "ĐV-2025-0001"
    for typed in ("ĐV-2025-0001", "DV-2025-0001", "dv-2025-0001", "đv 2025 0001"):
        hits = search(db, typed)
        assert (hits[0].kind, hits[0].ref) == ("delegation", ref), typed


def test_snippet_marks_original_words_and_escapes_html(
    db: Database, svc: RecordService, sample: dict[str, Any]
) -> None:
    svc.update(
        "delegation",
        sample["lao"]["id"],
        {"notes": 'Chuẩn bị <quà> & "hoa" cho đoàn Salavan tại Đại Nội'},
    )
    hit = next(h for h in search(db, "dai noi") if h.record_id == sample["lao"]["id"])
    assert "<b>Đại</b> <b>Nội</b>" in hit.snippet_html
    assert "&lt;quà&gt; &amp; &quot;hoa&quot;" in hit.snippet_html
    assert "<quà>" not in hit.snippet_html
    assert "Đại Nội" in hit.snippet_text and "<b>" not in hit.snippet_text
    assert '<quà> & "hoa"' in hit.snippet_text


def test_snippet_of_long_text_is_a_window_around_the_match(
    db: Database, svc: RecordService, sample: dict[str, Any]
) -> None:
    long_notes = " ".join(["chuẩn bị tài liệu"] * 60) + " gặp Thị trưởng Gyeongju " + "xong " * 60
    svc.update("delegation", sample["lao"]["id"], {"notes": long_notes})
    hit = search(db, "gyeongju")[0]
    assert "<b>Gyeongju</b>" in hit.snippet_html
    assert hit.snippet_html.startswith("…") and hit.snippet_html.endswith("…")
    assert len(hit.snippet_text) < 200


def test_personal_data_is_not_searchable(db: Database, sample: dict[str, Any]) -> None:
    assert search(db, "M12345678") == []


def test_results_grouped_by_kind_best_group_first(db: Database, sample: dict[str, Any]) -> None:
    hits = search(db, "kim")
    kinds = [h.kind for h in hits]
    # each kind's hits are contiguous
    assert kinds == sorted(kinds, key=kinds.index)
    groups = group_by_kind(hits)
    assert [k for k, _ in groups] == list(dict.fromkeys(kinds))
    for _kind, group in groups:
        assert [h.score for h in group] == sorted((h.score for h in group), reverse=True)


def test_kinds_and_limit(db: Database, sample: dict[str, Any]) -> None:
    only = search(db, "hue", kinds=["consular_case"])
    assert only and {h.kind for h in only} == {"consular_case"}
    assert len(search(db, "hue", limit=1)) == 1
    assert search(db, "hue", limit=0) == []
    with pytest.raises(HueDeskError):
        search(db, "hue", kinds=["delegation_member"])

"""Likely duplicates: tone marks, case, Vietnamese name order, spaces, transliterations."""

from __future__ import annotations

from pathlib import Path

import pytest

from huedesk.cli.main import main
from huedesk.records import RecordService


def _pairs(svc: RecordService, kind: str) -> dict[frozenset[str], tuple[int, str]]:
    return {
        frozenset((p.first.name, p.second.name)): (p.score, p.reason_en)
        for p in svc.duplicates(kind)
    }


def test_people_written_differently_are_found(svc: RecordService) -> None:
    for name in ("Nguyễn Văn A", "NGUYEN VAN A", "Văn A Nguyễn", "Trần Thị Bình", "Lê Văn Cường"):
        svc.create("person", {"full_name": name})
    pairs = _pairs(svc, "person")
    assert pairs[frozenset(("Nguyễn Văn A", "NGUYEN VAN A"))][1].startswith("the same without tone")
    assert "another order" in pairs[frozenset(("Nguyễn Văn A", "Văn A Nguyễn"))][1]
    assert len(pairs) == 3  # the three spellings of one person; Bình and Cường are alone


def test_partner_localities_across_transliterations(svc: RecordService) -> None:
    for name in ("Champasak", "Champassak", "Sê Kông", "Sekong", "Salavan", "Attapeu"):
        svc.create(
            "organisation", {"name": name, "org_type": "partner_locality", "country_code": "LA"}
        )
    pairs = _pairs(svc, "organisation")
    assert set(pairs) == {frozenset(("Champasak", "Champassak")), frozenset(("Sê Kông", "Sekong"))}
    assert "transliteration" in pairs[frozenset(("Champasak", "Champassak"))][1]
    assert "without spaces" in pairs[frozenset(("Sê Kông", "Sekong"))][1]


def test_other_facts_lower_the_score(svc: RecordService) -> None:
    svc.create("person", {"full_name": "Nguyễn Văn An", "date_of_birth": "01/01/1980"})
    svc.create("person", {"full_name": "Nguyen Van An", "date_of_birth": "02/02/1990"})
    svc.create(
        "organisation", {"name": "Tỉnh Nara", "org_type": "partner_locality", "country_code": "JP"}
    )
    svc.create(
        "organisation", {"name": "Tinh Nara", "org_type": "partner_locality", "country_code": "LA"}
    )
    assert svc.duplicates("person") == []  # different dates of birth
    (pair,) = svc.duplicates("organisation", min_score=0)
    assert pair.score == 65 and "different countries" in pair.reason_en


def test_duplicates_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "h.sqlite3")
    for name in ("Nguyễn Văn A", "NGUYEN VAN A"):
        assert main(["--db", db, "add", "person", f"full_name={name}", "--yes"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "duplicates", "--kind", "person", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "NG-2026-0001 Nguyễn Văn A" in out and "NG-2026-0002 NGUYEN VAN A" in out
    assert "(1 pairs)" in out


def test_a_place_is_found_with_or_without_province_or_city(svc: RecordService) -> None:
    for name in ("Tỉnh Champassak", "Champasak", "Thành phố Kanazawa", "Kanazawa City", "Osaka"):
        svc.create(
            "organisation", {"name": name, "org_type": "partner_locality", "country_code": "LA"}
        )
    pairs = _pairs(svc, "organisation")
    assert set(pairs) == {
        frozenset(("Tỉnh Champassak", "Champasak")),
        frozenset(("Thành phố Kanazawa", "Kanazawa City")),
    }
    assert all("without 'Province'" in why for _score, why in pairs.values())
    # People are not places: 'Tịnh' is a given name, not a province.
    svc.create("person", {"full_name": "Lê Văn Tịnh"})
    svc.create("person", {"full_name": "Lê Văn"})
    assert svc.duplicates("person") == []


def test_set_asks_before_a_rename_that_repeats_a_stored_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "h.sqlite3")
    for name in ("Nguyễn Văn A", "Lê Văn Cường"):
        assert main(["--db", db, "add", "person", f"full_name={name}"]) == 0
    first, second = capsys.readouterr().out.split()
    # Without a terminal to ask, the rename is refused in one line, the record unchanged.
    assert main(["--db", db, "set", "person", second, "full_name=NGUYEN VAN A"]) != 0
    err = capsys.readouterr().err
    assert f"có thể trùng với {first} Nguyễn Văn A" in err
    assert err.strip().splitlines()[-1].startswith("huedesk: Không lưu: tên mới có thể trùng")
    assert main(["--db", db, "show", "person", second]) == 0
    assert "Lê Văn Cường" in capsys.readouterr().out
    # Asked at a terminal: "n" keeps it, as add does.
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    args = ["--db", db, "set", "person", second, "full_name=NGUYEN VAN A", "--lang", "en"]
    assert main(args) == 1
    assert "Not saved" in capsys.readouterr().out
    # --yes saves; a change of anything but a name is not asked about.
    assert main([*args, "--yes"]) == 0
    assert main(["--db", db, "set", "person", second, "position=Chuyên viên"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "show", "person", second]) == 0
    assert "NGUYEN VAN A" in capsys.readouterr().out

"""Countries as people write them: "Mỹ", "Anh", "Hàn" read; "Korea", "my" refused as ambiguous."""

from __future__ import annotations

from pathlib import Path

import pytest

from huedesk.cli.main import main
from huedesk.errors import ValidationError
from huedesk.records import RecordService
from huedesk.reference_data import AMBIGUOUS_COUNTRY_NAMES, COUNTRIES, COUNTRY_ALIASES
from huedesk.text import fold
from huedesk.workspace import Workspace
from tests.sheets import checked_csv


def _country_of(svc: RecordService, written: str) -> str:
    org = svc.create(
        "organisation", {"name": f"Đối tác {written}", "org_type": "donor", "country_code": written}
    )
    return str(org["country_code"])


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Mỹ", "US"),
        ("MỸ", "US"),
        ("Hoa Kỳ", "US"),
        ("USA", "US"),
        ("Anh", "GB"),
        ("Pháp", "FR"),
        ("Đức", "DE"),
        ("CHLB Đức", "DE"),
        ("Hàn", "KR"),
        ("Hàn Quốc", "KR"),
        ("South Korea", "KR"),
        ("Bắc Triều Tiên", "KP"),
        ("Nhật", "JP"),
        ("nhat ban", "JP"),
        ("Ý", "IT"),
        ("Nga", "RU"),
        ("MY", "MY"),  # capitals: the ISO code of Malaysia
        ("jp", "JP"),
    ],
)
def test_usual_names_are_read(svc: RecordService, written: str, code: str) -> None:
    assert _country_of(svc, written) == code


@pytest.mark.parametrize(
    ("written", "named"),
    [
        ("Korea", "could be KR (Republic of Korea) or KP (Democratic People's Republic of Korea)"),
        ("my", "could be MY (Malaysia) or US (United States of America)"),
        ("ao", "could be AO (Angola) or AT (Austria)"),
        ("Trung Hoa", "could be CN (China) or TW (Taiwan (China))"),
    ],
)
def test_ambiguous_names_are_refused(svc: RecordService, written: str, named: str) -> None:
    with pytest.raises(ValidationError) as exc:
        _country_of(svc, written)
    (problem,) = exc.value.problems
    assert problem.field == "country_code"
    assert problem.en == f"Country: '{written}' {named}: give the ISO code or the full name"
    assert "có thể là" in problem.vi and "\n" not in problem.vi
    assert svc.list("organisation").total == 0


def test_the_aliases_are_one_consistent_list() -> None:
    codes = {code for code, _vi, _en in COUNTRIES}
    names = {fold(n): code for code, vi, en in COUNTRIES for n in (vi, en)}
    assert set(COUNTRY_ALIASES.values()) <= codes
    for alias, code in COUNTRY_ALIASES.items():
        assert names.get(fold(alias), code) == code, alias  # never another country's name
        assert fold(alias) not in {fold(a) for a in AMBIGUOUS_COUNTRY_NAMES}, alias


def test_a_sheet_and_the_command_line_read_them(
    ws: Workspace, db_arg: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = checked_csv(
        ws,
        tmp_path,
        "organisation",
        "Tên;Loại;Quốc gia",
        "USAID;Nhà tài trợ;Mỹ",
        "British Council;Nhà tài trợ;Anh",
        "KOICA;Nhà tài trợ;Hàn",
        "Korea Foundation;Nhà tài trợ;Korea",
    )
    assert plan.counts()["ready"] == 3 and plan.counts()["error"] == 1
    ws.sheets.import_(plan)
    rows = ws.records.list("organisation").rows
    assert sorted((r["name"], r["country_code"]) for r in rows) == [
        ("British Council", "GB"),
        ("KOICA", "KR"),
        ("USAID", "US"),
    ]
    db = db_arg  # the file, or the server's URL (never its stand-in path)
    args = ["--db", db, "add", "organisation", "name=Fulbright", "org_type=donor"]
    assert main([*args, "country_code=Mỹ"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "list", "organisation", "--json"]) == 0
    assert '"US"' in capsys.readouterr().out

"""An archive of the records behind a year's review: chosen by what happened, not by reference year."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from huedesk.archive import export_bundle, verify_bundle
from huedesk.archive.selection import Selection
from huedesk.cli import main as cli
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError
from tests.stats import known
from tests.stats.known import on


def _refs(bundle: Path, kind: str) -> set[str]:
    with zipfile.ZipFile(bundle) as zf:
        name = f"records/{kind}.jsonl"
        if name not in zf.namelist():
            return set()
        return {json.loads(line)["ref"] for line in zf.read(name).decode().splitlines() if line}


def test_the_records_behind_the_2025_review(db: Database, tmp_path: Path) -> None:
    known.build(db)
    with on(dt.date(2026, 1, 5)):
        review = export_bundle(db, tmp_path / "review.zip", review_year=2025).path
        by_ref = export_bundle(db, tmp_path / "ref.zip", year=2025).path
    assert verify_bundle(review).ok
    assert _refs(review, "delegation") == {
        "ĐV-2025-0001",
        "ĐV-2025-0003",
        "ĐR-2025-0001",
        "ĐR-2025-0002",
    }, "the visits of the year, not the cancelled one"
    assert _refs(review, "partnership") == {
        "HT-2018-0001",
        "HT-2010-0001",
        "HT-2016-0001",
        "HT-2024-0001",
    }, "every partnership in force at the end of 2025, whenever it began"
    assert _refs(by_ref, "partnership") == {"HT-2024-0001"}, "by reference year: 1 of 4"
    assert "TT-2018-0001" in _refs(review, "agreement"), "in force in 2025, signed in 2018"
    assert _refs(review, "aid_project") == {"VT-2024-0001", "VT-2025-0001"}
    assert "VT-2024-0001" not in _refs(by_ref, "aid_project"), "its 2025 money is missed by year"
    assert "LS-2024-0001" in _refs(review, "consular_case"), "opened in 2024, settled in 2025"
    with zipfile.ZipFile(review) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        txs = zf.read("records/aid_transaction.jsonl").decode().splitlines()
    assert manifest["filter"]["review_year"] == 2025
    assert len([t for t in txs if t]) == 5, "every transaction of the projects comes along"


def test_review_and_reference_year_together_are_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(HueDeskError, match="not both"):
        Selection(year=2025, review_year=2025)


def test_export_review_on_the_command_line(
    db_arg: str, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    known.build(db)
    db.dispose()
    out = tmp_path / "r.zip"
    with on(dt.date(2026, 1, 5)):
        assert cli.main(["--db", db_arg, "export", "-o", str(out), "--review", "2025"]) == 0
    assert _refs(out, "event") == {"SK-2025-0001"}

"""The bundle's CSV files and workbook show the same rows, Vietnamese intact."""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from huedesk.archive import export, export_bundle, verify_bundle
from huedesk.archive.pipeline import TableMaker, TableMakerFailed
from huedesk.archive.portable import cell_text
from huedesk.archive.tables import read_csv_rows, save_workbook, write_sheet
from huedesk.db.engine import Database


def test_workbook_and_csv_show_the_same_rows(
    db: Database, filled: dict[str, Any], tmp_path: Path
) -> None:
    bundle = tmp_path / "all.zip"
    report = export_bundle(db, bundle)
    with zipfile.ZipFile(bundle) as zf:
        book = load_workbook(io.BytesIO(zf.read("tables/records.xlsx")), read_only=True)
        assert set(book.sheetnames) == set(report.counts)
        for kind, count in report.counts.items():
            raw = zf.read(f"tables/{kind}.csv")
            assert raw.startswith(b"\xef\xbb\xbf")  # BOM for spreadsheet programs
            csv_rows = read_csv_rows(raw)
            sheet = [
                ["" if v is None else cell_text(v) for v in row]
                for row in book[kind].iter_rows(values_only=True)
            ]
            assert sheet == csv_rows
            assert len(csv_rows) == count + 1
            records = [json.loads(line) for line in zf.read(f"records/{kind}.jsonl").splitlines()]
            assert [[cell_text(r[h]) for h in csv_rows[0]] for r in records] == csv_rows[1:]
        delegation = read_csv_rows(zf.read("tables/delegation.csv"))
    title = delegation[0].index("title")
    assert delegation[1][title] == "Đoàn lãnh đạo thành phố Gyeongju"


def _members(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as zf:
        out = {n: zf.read(n) for n in zf.namelist() if n != "manifest.json"}
        # The IATI file says when it was made: the one part that may differ between exports.
        out["iati/aid-activities.xml"] = re.sub(
            rb'generated-datetime="[^"]*"', b"", out["iati/aid-activities.xml"]
        )
        book = zipfile.ZipFile(io.BytesIO(out.pop("tables/records.xlsx")))
        out.update({f"xlsx:{n}": book.read(n) for n in book.namelist()})
    return out


def test_worker_process_makes_the_same_tables(
    db: Database, filled: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inline = tmp_path / "inline.zip"
    export_bundle(db, inline)
    monkeypatch.setattr(export, "PARALLEL_FROM", 1)  # as for a large office database
    parallel = tmp_path / "parallel.zip"
    export_bundle(db, parallel)
    assert verify_bundle(parallel).ok
    assert _members(parallel) == _members(inline)


def test_worker_handles_vietnamese_folder_names(
    db: Database, filled: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Nguyễn Thị Huế" / "Tài liệu"
    folder.mkdir(parents=True)
    monkeypatch.setenv("TMPDIR", str(folder))  # the worker's files live in the temp folder
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.setattr(export, "PARALLEL_FROM", 1)
    bundle = folder / "hồ sơ.zip"
    export_bundle(db, bundle)
    assert verify_bundle(bundle).ok


def test_failing_table_worker_leaves_no_bundle(
    db: Database, filled: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "PARALLEL_FROM", 1)
    real = TableMaker.tables

    def lost_file(self: TableMaker, jsonl: Path, *args: Any) -> Any:
        return real(self, jsonl.with_name("missing.jsonl"), *args)

    monkeypatch.setattr(TableMaker, "tables", lost_file)
    bundle = tmp_path / "out" / "all.zip"
    with pytest.raises(TableMakerFailed, match=r"missing\.jsonl"):
        export_bundle(db, bundle)
    assert not bundle.exists()
    assert list(bundle.parent.iterdir()) == []


def test_sheet_cells_keep_markup_and_edge_spaces(tmp_path: Path) -> None:
    header = ["a", "b", "c", "d"]
    sheet = tmp_path / "sheet.xml"
    write_sheet(sheet, header, [[" Huế ", "<Đà Nẵng> & Hội An", 10**16, True]])
    save_workbook(tmp_path / "book.xlsx", [("thử", sheet)])
    rows = list(load_workbook(tmp_path / "book.xlsx").active.iter_rows(values_only=True))
    assert rows == [tuple(header), (" Huế ", "<Đà Nẵng> & Hội An", str(10**16), 1)]

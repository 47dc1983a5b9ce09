"""The bundle's CSV files and workbook show the same rows, Vietnamese intact."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from huedesk.archive import export_bundle
from huedesk.archive.portable import cell_text
from huedesk.archive.tables import read_csv_rows
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

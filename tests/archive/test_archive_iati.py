"""Aid projects as IATI 2.03 activity XML, valid against the official schema."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from huedesk.archive import export_bundle
from huedesk.archive.iati import activity_summary, schema_errors
from huedesk.db.engine import Database
from huedesk.records import RecordService


def test_aid_projects_export_as_valid_iati(
    db: Database, svc: RecordService, filled: dict[str, Any], tmp_path: Path
) -> None:
    project = filled["aid_project"]
    svc.create(
        "aid_transaction",
        {
            "project_id": project["id"],
            "tx_type": "pledge",
            "value_date": "01/02/2025",
            "amount": "53.000.000.000",
            "currency": "VND",
        },
    )
    bundle = tmp_path / "aid.zip"
    export_bundle(db, bundle, kinds=["aid_project"])
    with zipfile.ZipFile(bundle) as zf:
        xml = zf.read("iati/aid-activities.xml")
    assert schema_errors(xml) == []
    [activity] = activity_summary(xml)
    assert activity["identifier"].endswith(project["ref"])
    assert activity["transactions"] == [
        ("13", "VND", "2025-02-01", "53000000000"),
        ("1", "USD", "2025-03-05", "2500.50"),
    ]
    text = xml.decode()
    assert 'role="1"' in text and "KOICA" in text  # donor as funding organisation
    assert "Nâng cấp trạm y tế xã" in text


def test_schema_rejects_a_broken_activity() -> None:
    broken = (
        b'<iati-activities version="2.03"><iati-activity><title/></iati-activity></iati-activities>'
    )
    assert schema_errors(broken)
    assert schema_errors(b"<not-closed>")[0].startswith("not well-formed")

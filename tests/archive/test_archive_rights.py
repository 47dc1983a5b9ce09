"""Bulk paths check the user once: bundles and demo data follow the same roles as records."""

from __future__ import annotations

from pathlib import Path

import pytest

from huedesk.accounts.roles import Principal
from huedesk.archive import export_bundle, import_bundle
from huedesk.db.engine import Database
from huedesk.db.models.accounts import Role
from huedesk.demo import generate
from huedesk.errors import PermissionDenied
from huedesk.records import RecordService

VIEWER = Principal("xem", Role.VIEWER)
OFFICER = Principal("canbo", Role.OFFICER)
CONSULAR = Principal("lanhsu", Role.CONSULAR_OFFICER)


def test_only_roles_that_see_personal_data_move_bundles(
    db: Database, svc: RecordService, tmp_path: Path
) -> None:
    svc.create(
        "event",
        {
            "title": "Festival Huế 2026",
            "event_type": "festival",
            "start_date": "06/06/2026",
            "status": "planned",
        },
    )
    bundle = tmp_path / "b.zip"
    with pytest.raises(PermissionDenied):
        export_bundle(db, bundle, actor=OFFICER)
    assert not bundle.exists()
    export_bundle(db, bundle, actor=CONSULAR)
    for who in (VIEWER, OFFICER):
        with pytest.raises(PermissionDenied):
            import_bundle(db, bundle, actor=who, dry_run=True)
    assert import_bundle(db, bundle, actor=CONSULAR, dry_run=True) is not None


def test_a_viewer_cannot_load_demo_data(db: Database, svc: RecordService) -> None:
    with pytest.raises(PermissionDenied):
        generate(db, records=50, actor=VIEWER)
    assert svc.list("delegation").total == 0

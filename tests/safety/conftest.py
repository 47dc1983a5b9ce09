"""Fixtures for the safety tests: a database with a few records in it."""

from __future__ import annotations

import pytest

from huedesk.records import RecordService


@pytest.fixture
def filled(svc: RecordService) -> RecordService:
    """A database with an organisation and three people in it."""
    svc.create("organisation", {"name": "Tỉnh Gifu", "org_type": "partner_locality"})
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
        svc.create("person", {"full_name": name})
    return svc

"""Shared fixtures: a fresh database per test, a record service, Qt offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from huedesk.db.engine import Database
from huedesk.records import RecordService
from huedesk.store import open_store

# Property tests run the same examples on every run (no flaky CI on a slow shared machine);
# HYPOTHESIS_PROFILE=explore searches afresh with random examples.
settings.register_profile(
    "huedesk", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("explore", deadline=None, max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "huedesk"))


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's data folder: HOME, XDG and HUEDESK_DB point into tmp."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("HUEDESK_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "huedesk.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_store(db_path)
    yield database
    database.dispose()


@pytest.fixture
def svc(db: Database) -> RecordService:
    return RecordService(db, actor="kiemthu")

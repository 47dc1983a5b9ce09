"""Schema migrations: the models match the migrations, and upgrades keep existing data."""

from __future__ import annotations

import sqlite3
import warnings
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from huedesk.db.base import Base
from huedesk.db.engine import make_engine
from huedesk.db.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    known_revisions,
    upgrade,
)
from huedesk.errors import DatabaseError
from huedesk.paths import backups_dir
from huedesk.records import RecordService
from huedesk.store import open_store

FIRST = "0001"


def _schema_diff(path: Path) -> list[object]:
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            with warnings.catch_warnings():
                # the sort-key indexes (migration 0006) are on expressions, which
                # reflection skips; tests/db/test_sort_keys.py checks them instead
                warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression")
                diffs = compare_metadata(ctx, Base.metadata)
    finally:
        engine.dispose()
    # Tables that live outside the ORM metadata on purpose (e.g. full-text index) are not drift.
    return [d for d in diffs if not (isinstance(d, tuple) and d[0] == "remove_table")]


def test_models_and_migrations_agree(db_path: Path) -> None:
    open_store(db_path).dispose()
    assert _schema_diff(db_path) == []


def _database_at_first_revision(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    upgrade(engine, FIRST)
    engine.dispose()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO country (id, uuid, code, name_vi, name_en, created_at, updated_at) VALUES "
            "(1, 'c-1', 'JP', 'Nhật Bản', 'Japan', '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
        )
        conn.execute(
            "INSERT INTO organisation (id, uuid, ref, name, org_type, country_code, created_at, "
            "updated_at) VALUES (1, 'o-1', 'TC-2024-0001', 'Tỉnh Gifu', 'partner_locality', 'JP', "
            "'2024-01-01 00:00:00', '2024-01-01 00:00:00')"
        )
        conn.execute(
            "INSERT INTO delegation (id, uuid, ref, direction, title, partner_id, country_code, "
            "start_date, end_date, status, budget_vnd, created_at, updated_at) VALUES (1, 'd-1', "
            "'ĐV-2024-0001', 'in', 'Đoàn tỉnh Gifu thăm Huế', 1, 'JP', '2024-03-12', '2024-03-15', "
            "'completed', NULL, '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
        )
        conn.execute(
            "INSERT INTO ref_counter (prefix, year, last) VALUES ('ĐV', 2024, 1), ('TC', 2024, 1)"
        )
    conn.close()


def test_upgrade_from_first_revision_keeps_data(db_path: Path) -> None:
    _database_at_first_revision(db_path)
    db = open_store(db_path)
    try:
        svc = RecordService(db, "kiemthu")
        row = svc.get_by_ref("delegation", "ĐV-2024-0001")
        assert row["title"] == "Đoàn tỉnh Gifu thăm Huế"
        assert row["partner_id__label"] == "Tỉnh Gifu"
        assert row["uuid"] == "d-1"
        nxt = svc.create(
            "delegation",
            {
                "direction": "in",
                "title": "Đoàn mới",
                "country_code": "JP",
                "start_date": "01/05/2024",
                "status": "planned",
            },
        )
        assert nxt["ref"] == "ĐV-2024-0002"
    finally:
        db.dispose()
    if head_revision() != FIRST:
        copies = list(backups_dir(db_path).glob("*-pre-upgrade-*"))
        assert copies, "the database is copied before it is upgraded"


def test_every_revision_is_reachable() -> None:
    assert FIRST in known_revisions()
    assert head_revision() in known_revisions()


def test_revisions_read_without_alembic_agree_with_alembic() -> None:
    """Opening compares the stored revision with the file names (``NNNN_what.py``): a
    migration whose ``revision`` differs from its file's number fails here."""
    scripts = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {s.revision for s in scripts.walk_revisions()}


def test_current_revision_is_read_from_the_database(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "x.sqlite3")
    try:
        assert current_revision(engine) is None
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        with engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO alembic_version VALUES ('9999')")
        with pytest.raises(DatabaseError, match="several schema versions"):
            current_revision(engine)
    finally:
        engine.dispose()


def test_refuses_a_database_from_a_newer_version(db_path: Path) -> None:
    open_store(db_path).dispose()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with pytest.raises(DatabaseError, match="newer HueDesk"):
        open_store(db_path)


def test_refuses_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("Biên bản họp — không phải cơ sở dữ liệu", encoding="utf-8")
    with pytest.raises(DatabaseError, match="not an SQLite file"):
        open_store(bogus)
    assert bogus.read_text(encoding="utf-8").startswith("Biên bản"), "the file is left untouched"


def test_refuses_a_foreign_sqlite_database(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="not a HueDesk one"):
        open_store(other)

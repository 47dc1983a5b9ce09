"""Migration 0008: the table of attached files' bytes a server keeps, on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from huedesk.db.engine import make_engine
from huedesk.db.location import ServerURL
from huedesk.db.migrate import current_revision, upgrade

SHA = "ab" * 32
ROW = (
    "INSERT INTO attachment (id, uuid, owner_kind, owner_uuid, filename, stored_name, size, "
    "sha256, created_at, updated_at) VALUES (1, 'a-1', 'organisation', 'o-1', 'bien-ban.pdf', "
    f"'ab/{SHA}.pdf', 12, '{SHA}', '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
)


def _upgrade_keeps_the_attachments(engine: Engine) -> None:
    upgrade(engine, "0007")
    with engine.begin() as conn:
        conn.execute(text(ROW))
    assert "stored_file" not in inspect(engine).get_table_names()
    upgrade(engine)
    assert current_revision(engine) >= "0008"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT filename, sha256 FROM attachment")).all() == [
            ("bien-ban.pdf", SHA)
        ]
        conn.execute(
            text("INSERT INTO stored_file (sha256, part, data) VALUES (:s, 0, :d)"),
            {"s": SHA, "d": b"%PDF-1.7\x00\xff"},
        )
        assert (
            conn.execute(text("SELECT data FROM stored_file")).scalar_one() == b"%PDF-1.7\x00\xff"
        )
        conn.rollback()
    found = inspect(engine)
    assert {c["name"] for c in found.get_columns("stored_file")} == {"sha256", "part", "data"}
    assert found.get_pk_constraint("stored_file")["constrained_columns"] == ["sha256", "part"]
    assert "ix_attachment_sha256" in {i["name"] for i in found.get_indexes("attachment")}


def test_0008_on_a_file(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "huedesk.sqlite3")
    try:
        _upgrade_keeps_the_attachments(engine)
    finally:
        engine.dispose()


def test_0008_on_a_server(pg_location: ServerURL) -> None:
    engine = make_engine(pg_location)
    try:
        _upgrade_keeps_the_attachments(engine)
    finally:
        engine.dispose()


@pytest.mark.parametrize("where", ["file", "server"])
def test_0008_downgrades(where: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    location = (
        tmp_path / "huedesk.sqlite3" if where == "file" else request.getfixturevalue("pg_location")
    )
    engine = make_engine(location)
    try:
        upgrade(engine)
        from alembic import command

        from huedesk.db.migrate import alembic_config

        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0007")
        assert "stored_file" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()

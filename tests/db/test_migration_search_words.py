"""Migration 0009: a server's search index keeps each document's ``tsvector`` in
``search_words``; every document, its words and its texts survive, on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, text
from sqlalchemy.orm import Session

from huedesk.db import fulltext
from huedesk.db.backend.postgresql.fulltext import tsvector
from huedesk.db.engine import make_engine
from huedesk.db.fulltext import Document, Match, Phrase, Weights
from huedesk.db.location import ServerURL
from huedesk.db.migrate import alembic_config, current_revision, upgrade

DOCUMENTS = [
    Document(33, "lh-2024-0001", "le hoi hue", "festival hue 2024 tai dai noi",
             "LH-2024-0001", "Lễ hội Huế", "Festival Huế 2024 tại Đại Nội"),
    Document(65, "", "doan dai su nhat ban", "tham festival va lam viec",
             "", "Đoàn Đại sứ Nhật Bản", "thăm Festival và làm việc"),
    Document(97, "", "hoi thao", "khong lien quan", "", "Hội thảo", "không liên quan"),
]  # fmt: skip
WEIGHTS = Weights(ref=10.0, title=5.0, body=1.0)


def _put_as_0008(engine: Engine) -> None:
    """Documents written the way the index was at 0008 (``tsv`` in ``search_fts``)."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(
                text(
                    "INSERT INTO search_fts (key, ref, title, body, ref_x, title_x, body_x, tsv) "
                    "VALUES (:key, :ref, :title, :body, :ref_x, :title_x, :body_x, "
                    "CAST(:tsv AS tsvector))"
                ),
                [{**d._asdict(), "tsv": tsvector(d)} for d in DOCUMENTS],
            )
        else:
            conn.execute(
                text(
                    "INSERT INTO search_fts (rowid, ref, title, body, ref_x, title_x, body_x) "
                    "VALUES (:key, :ref, :title, :body, :ref_x, :title_x, :body_x)"
                ),
                [d._asdict() for d in DOCUMENTS],
            )


def _found(engine: Engine) -> list[tuple[int, str]]:
    with Session(engine) as s:
        index = fulltext.index(s)
        best = index.best(
            s,
            [(0, Match((Phrase(("festival",), prefix=True),)))],
            kinds=None,
            weights=WEIGHTS,
            limit=10,
            window=2000,
        )
        assert index.keys(s, Match((Phrase(("hoi",)),))) == [33, 97]
        return sorted((f.key, f.title) for f in best)


def _upgrade_keeps_the_index(engine: Engine) -> None:
    upgrade(engine, "0008")
    _put_as_0008(engine)
    upgrade(engine)
    assert current_revision(engine) >= "0009"
    assert _found(engine) == [(33, "Lễ hội Huế"), (65, "Đoàn Đại sứ Nhật Bản")]
    if engine.dialect.name != "postgresql":
        return
    found = inspect(engine)
    assert "tsv" not in {c["name"] for c in found.get_columns("search_fts")}
    assert "search_fts_0008" not in found.get_table_names()
    with engine.connect() as conn:
        words = dict(conn.execute(text("SELECT key, tsv::text FROM search_words")).all())
        expected = conn.execute(
            text("SELECT CAST(t AS tsvector)::text FROM unnest(CAST(:ts AS text[])) AS u(t)"),
            {"ts": [tsvector(d) for d in DOCUMENTS]},
        ).scalars()
        assert words == dict(zip([d.key for d in DOCUMENTS], expected, strict=True))
        storage = conn.execute(
            text(
                "SELECT attstorage FROM pg_attribute "
                "WHERE attrelid = 'search_words'::regclass AND attname = 'tsv'"
            )
        ).scalar_one()
        assert storage == "m"  # kept in the row, compressed, not moved out to TOAST
        # A document's words go with it, however it is deleted.
        conn.execute(text("DELETE FROM search_fts WHERE key = 65"))
        assert conn.execute(text("SELECT key FROM search_words ORDER BY key")).all() == [
            (33,),
            (97,),
        ]
        conn.rollback()


def _downgrade_gives_the_words_back(engine: Engine) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")
    assert current_revision(engine) == "0008"
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            assert "search_words" not in inspect(engine).get_table_names()
            hits = conn.execute(
                text(
                    "SELECT key FROM search_fts WHERE tsv @@ CAST('festival:*' AS tsquery) "
                    "ORDER BY key"
                )
            ).scalars()
        else:
            hits = conn.execute(
                text("SELECT rowid FROM search_fts WHERE search_fts MATCH 'festival*' ORDER BY 1")
            ).scalars()
        assert list(hits) == [33, 65]


def test_0009_on_a_file(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "huedesk.sqlite3")
    try:
        _upgrade_keeps_the_index(engine)
        _downgrade_gives_the_words_back(engine)
    finally:
        engine.dispose()


def test_0009_on_a_server(pg_location: ServerURL) -> None:
    engine = make_engine(pg_location)
    try:
        _upgrade_keeps_the_index(engine)
        _downgrade_gives_the_words_back(engine)
    finally:
        engine.dispose()


@pytest.mark.parametrize("where", ["file", "server"])
def test_a_new_database_searches_after_0009(
    where: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    location = (
        tmp_path / "huedesk.sqlite3" if where == "file" else request.getfixturevalue("pg_location")
    )
    engine = make_engine(location)
    try:
        upgrade(engine)
        with Session(engine) as s, s.begin():
            fulltext.index(s).put(s, DOCUMENTS)
        assert _found(engine) == [(33, "Lễ hội Huế"), (65, "Đoàn Đại sứ Nhật Bản")]
        with Session(engine) as s, s.begin():
            fulltext.index(s).clear(s)
        with Session(engine) as s:
            assert fulltext.index(s).counts(s) == {}
    finally:
        engine.dispose()

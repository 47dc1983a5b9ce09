"""The index's schema: migration 0002, model comparison, kind codes, rebuild on open."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from huedesk import search
from huedesk.db import fulltext
from huedesk.db.base import Base
from huedesk.db.engine import Database
from huedesk.db.location import ServerURL
from huedesk.db.migrate import head_revision, include_object, known_revisions
from huedesk.records import RecordService
from huedesk.records.kinds import KINDS
from huedesk.search.documents import DOCUMENT_VERSION
from huedesk.search.indexer import current_version, stored_version
from huedesk.search.schema import KIND_CODES, key_of, record_of
from huedesk.store import open_store
from tests.backends import ON_SERVER


def test_search_revision_is_applied(db: Database) -> None:
    assert "0002" in known_revisions() and head_revision() >= "0002"
    with db.read() as s:
        names = set(inspect(s.connection()).get_table_names())
    assert {"search_fts", "search_meta"} <= names


def test_models_and_migrations_agree_when_search_tables_are_skipped(db: Database) -> None:
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(ctx, Base.metadata) == []
        raw = MigrationContext.configure(conn)
        unfiltered = {
            d[1].name for d in compare_metadata(raw, Base.metadata) if d[0] == "remove_table"
        }
    assert "search_fts" in unfiltered  # the filter is what hides them


def test_every_kind_with_its_own_records_has_a_code() -> None:
    own = {k.name for k in KINDS.values() if k.parent is None and k.name != "attachment"}
    assert own == set(KIND_CODES)
    assert len(set(KIND_CODES.values())) == len(KIND_CODES)


def test_rowids_encode_kind_and_id() -> None:
    seen = set()
    for kind in KIND_CODES:
        for record_id in (1, 12345, 2**40):
            assert record_of(key_of(kind, record_id)) == (kind, record_id)
            seen.add(key_of(kind, record_id))
    assert len(seen) == 3 * len(KIND_CODES)


def test_index_built_when_missing_on_open(db_path: Path) -> None:
    db = open_store(db_path)
    with db.write() as s:
        s.execute(text("DELETE FROM search_fts"))
        s.execute(text("DELETE FROM search_meta"))
    db.dispose()
    db = open_store(db_path)
    try:
        with db.read() as s:
            n = s.execute(text("SELECT count(*) FROM search_fts")).scalar_one()
            countries = s.execute(text("SELECT count(*) FROM country")).scalar_one()
        assert n == countries > 0
    finally:
        db.dispose()


def test_an_index_of_another_version_is_rebuilt_when_opened(db_location: Path | ServerURL) -> None:
    """The stored version is the documents' and, on a server, its own ``tsvector`` layout's:
    a server built before "pg2" rebuilds when opened; a laptop's file is not rebuilt for it."""
    db = open_store(db_location)
    org = RecordService(db, actor="kiemthu").create(
        "organisation", {"name": "Khu du lịch Lăng Cô", "org_type": "other", "country_code": "VN"}
    )
    with db.write() as s:
        version = current_version(s)
        index = fulltext.index(s)
        index.delete(s, [key_of("organisation", org["id"])])
        index.set_meta(s, "document_version", "0" if version == DOCUMENT_VERSION else "1")
    assert search.search(db, "lang co") == []
    db.dispose()
    assert version == (f"{DOCUMENT_VERSION}+pg2" if ON_SERVER else DOCUMENT_VERSION)
    db = open_store(db_location)
    try:
        assert [h.record_id for h in search.search(db, "lăng cô")] == [org["id"]]
        with db.read() as s:
            assert search.index_is_current(s) and stored_version(s) == version
    finally:
        db.dispose()

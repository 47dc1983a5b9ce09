"""``huedesk copy``: a laptop's file to a PostgreSQL server and back, counted and checksummed."""

from __future__ import annotations

from pathlib import Path

import pytest

from huedesk.cli.main import main
from huedesk.db.location import ServerURL
from huedesk.db.migrate import open_database
from huedesk.demo import generate
from huedesk.errors import HueDeskError
from huedesk.paths import attachments_dir
from huedesk.store import open_store
from huedesk.transfer import SEEDED, copy_database, filled_tables


def test_the_seeded_tables_are_those_the_migrations_fill(tmp_path: Path) -> None:
    fresh = open_database(tmp_path / "fresh.sqlite3")
    try:
        assert filled_tables(fresh) == set(SEEDED)
    finally:
        fresh.dispose()


def test_a_file_goes_to_the_server_and_back_unchanged_and_twice_changes_nothing(
    tmp_path: Path,
    pg_location: ServerURL,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    laptop = tmp_path / "laptop.sqlite3"
    db = open_store(laptop)
    generate(db, records=200, seed=5)
    db.dispose()
    back = tmp_path / "back.sqlite3"
    for source, target in ((str(laptop), pg_location.url), (pg_location.url, str(back))):
        for _ in range(2):
            assert main(["copy", "--from", source, "--to", target, "--lang", "en"]) == 0
        out = capsys.readouterr().out.splitlines()
        assert out[0].startswith("Copied ") and "checksums equal" in out[0]
        assert "already holds exactly this data" in out[1] and "nothing was changed" in out[1]

    first, last = open_store(laptop), open_store(back)
    try:
        server = open_database(pg_location)
        try:
            report = copy_database(first, server)  # already equal: checks and writes nothing
        finally:
            server.dispose()
        assert not report.copied and report.total > 200 and report.files >= 1
        assert copy_database(first, last).checksums == report.checksums
        names = sorted(p.name for p in attachments_dir(back).rglob("*") if p.is_file())
        assert names and names == sorted(
            p.name for p in attachments_dir(laptop).rglob("*") if p.is_file()
        )
        generate(last, records=20, seed=6)  # now it holds other data: refused, untouched
        with pytest.raises(HueDeskError, match="already holds other data"):
            copy_database(first, last)
    finally:
        first.dispose()
        last.dispose()

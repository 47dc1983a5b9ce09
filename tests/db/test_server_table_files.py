"""Attached files kept inside a server database when no shared folder is configured
(issue #15, ``huedesk.records.server_files``): a file attached on one computer opens,
copies out, exports and checks on another; each content is stored once; its bytes go
when the last attachment naming them does; ``huedesk copy`` moves them both ways."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select

from huedesk.archive import export_bundle
from huedesk.attachments import Attachments
from huedesk.check import run_check
from huedesk.db.engine import Database
from huedesk.db.location import ServerURL
from huedesk.db.migrate import open_database
from huedesk.db.models import Attachment, StoredFile
from huedesk.demo import generate
from huedesk.errors import HueDeskError
from huedesk.paths import ENV_SHARED_FILES, attachments_dir
from huedesk.records import RecordService, server_files
from huedesk.store import open_store
from huedesk.transfer import copy_database
from huedesk.workspace import Workspace

CONTENT = "Biên bản ghi nhớ Huế – Gifu\n".encode()
BIG = bytes(range(256)) * 5000  # more than one part


def _computer(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """Be another computer: its own data folder, no shared folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv(ENV_SHARED_FILES, raising=False)


@contextmanager
def _on(monkeypatch: pytest.MonkeyPatch, home: Path, server: ServerURL) -> Iterator[Database]:
    """The server database, opened on the computer whose home is ``home``."""
    _computer(monkeypatch, home)
    db = open_store(server)
    try:
        yield db
    finally:
        db.dispose()


def _contents(db: Database) -> dict[str, int]:
    """SHA-256 → number of parts, as the server holds them."""
    with db.read() as s:
        rows = s.execute(select(StoredFile.sha256, func.count()).group_by(StoredFile.sha256)).all()
    return {sha: n for sha, n in rows}


def _org(db: Database, actor: str) -> int:
    return int(
        RecordService(db, actor).create(
            "organisation", {"name": "Tỉnh Gifu", "org_type": "partner_locality"}
        )["id"]
    )


def _file(folder: Path, name: str, content: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(content)
    return folder / name


def test_a_file_attached_on_one_computer_opens_everywhere_from_the_server(
    pg_ready: ServerURL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _on(monkeypatch, tmp_path / "lan", pg_ready) as db:
        org = _org(db, "lan")
        files = Attachments(db, "lan")
        row = files.add("organisation", org, _file(tmp_path / "in", "bien-ban.txt", CONTENT))
        big = files.add("organisation", org, _file(tmp_path / "in", "ban-do.bin", BIG))
        again = files.add("organisation", org, _file(tmp_path / "in", "ban-sao.txt", CONTENT))
        sha, big_sha = hashlib.sha256(CONTENT).hexdigest(), hashlib.sha256(BIG).hexdigest()
        # each content once, the large one in parts
        assert _contents(db) == {sha: 1, big_sha: 2}

    with _on(monkeypatch, tmp_path / "minh", pg_ready) as db:
        assert not any(attachments_dir(db.path).rglob("*.txt"))  # nothing here yet
        files = Attachments(db, "minh")
        assert files.path(row["id"]).read_bytes() == CONTENT  # brought from the server
        out = tmp_path / "out"
        out.mkdir()
        assert files.copy_out(big["id"], out).read_bytes() == BIG
        assert run_check(db).ok
        bundle = tmp_path / "all.zip"
        export_bundle(db, bundle)
        with zipfile.ZipFile(bundle) as z:
            assert z.read(f"attachments/{again['uuid']}/ban-sao.txt") == CONTENT
            assert z.read(f"attachments/{big['uuid']}/ban-do.bin") == BIG

        # removing one of two attachments of a content keeps its bytes; the last drops them
        files.remove(row["id"])
        assert sha in _contents(db)
        files.remove(again["id"])
        assert set(_contents(db)) == {big_sha}
        assert run_check(db).ok


def test_undo_of_a_delete_brings_the_files_back_on_the_server(
    pg_ready: ServerURL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _on(monkeypatch, tmp_path / "lan", pg_ready) as db:
        org = _org(db, "lan")
        Attachments(db, "lan").add("organisation", org, _file(tmp_path, "a.txt", CONTENT))
    # deleted and undone on a computer where it was never opened
    with _on(monkeypatch, tmp_path / "minh", pg_ready) as db:
        ws = Workspace(db, "minh")
        deleted = ws.undo.delete("organisation", org)
        assert _contents(db) == {}
        back = ws.undo.restore(deleted.token)
        assert [a["filename"] for a in Attachments(db, "minh").of("organisation", back)] == [
            "a.txt"
        ]
        assert set(_contents(db)) == {hashlib.sha256(CONTENT).hexdigest()}
        assert run_check(db).ok


def test_changed_bytes_are_never_stored_nor_handed_out(
    pg_ready: ServerURL, pg_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _on(monkeypatch, tmp_path / "lan", pg_ready) as db:
        org = _org(db, "lan")
        files = Attachments(db, "lan")
        row = files.add("organisation", org, _file(tmp_path, "a.txt", CONTENT))
        # the cached copy changed on this computer: a content it is not is refused
        cached = attachments_dir(db.path) / row["stored_name"]
        cached.write_bytes(b"changed")
        with pytest.raises(HueDeskError, match="does not match its SHA-256"), db.write() as s:
            server_files.store(s, cached, "0" * 64)
        assert set(_contents(db)) == {row["sha256"]}  # nothing of it was kept
    # someone changes the bytes on the server
    url = pg_ready.url.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE stored_file SET data = 'forged'::bytea")
    with _on(monkeypatch, tmp_path / "minh", pg_ready) as db:
        path = Attachments(db, "minh").path(row["id"])
        assert not path.exists()  # not handed out as if it were the file
        assert not list(path.parent.glob(".incoming-*"))
        problems = [en for _vi, en in run_check(db).problems]
        assert problems == ["Attachment 'a.txt' on the server has changed (SHA-256 mismatch)"]


def test_copy_moves_the_files_into_the_servers_table_and_back(
    pg_location: ServerURL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _computer(monkeypatch, tmp_path / "lan")
    laptop = open_store(tmp_path / "laptop" / "huedesk.sqlite3")
    server = open_database(pg_location)  # empty: copy takes it
    back = open_database(tmp_path / "back" / "huedesk.sqlite3")
    try:
        org = _org(laptop, "lan")
        Attachments(laptop, "lan").add("organisation", org, _file(tmp_path, "a.txt", CONTENT))
        Attachments(laptop, "lan").add("organisation", org, _file(tmp_path, "b.bin", BIG))
        report = copy_database(laptop, server)
        assert report.files == 2 and len(_contents(server)) == 2
        assert _contents(laptop) == {}  # a file keeps its bytes beside it, never in the table

        _computer(monkeypatch, tmp_path / "minh")  # copied back from another computer
        server.dispose()
        server = open_store(pg_location)
        again = copy_database(server, back)
        assert again.checksums == report.checksums and again.files == 2
        stored = sorted(
            p.read_bytes() for p in attachments_dir(back.path).rglob("*") if p.is_file()
        )
        assert stored == sorted([CONTENT, BIG])
        assert run_check(back).problems == [] and _contents(back) == {}
    finally:
        laptop.dispose()
        server.dispose()
        back.dispose()


def test_files_written_in_bulk_reach_the_server_too(
    pg_ready: ServerURL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _on(monkeypatch, tmp_path / "lan", pg_ready) as db:
        generate(db, records=400, seed=3)  # the bulk writer: demo data with attached files
        with db.read() as s:
            named = set(s.scalars(select(Attachment.sha256)))
        assert named and set(_contents(db)) == named
    with _on(monkeypatch, tmp_path / "minh", pg_ready) as db:
        assert run_check(db).ok

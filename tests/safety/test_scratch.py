"""Work in progress stays in a private scratch folder; a killed export leaves nothing behind."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from huedesk.archive import export_bundle
from huedesk.check import run_check
from huedesk.db.engine import Database
from huedesk.db.models import Attachment
from huedesk.demo import generate
from huedesk.paths import attachments_dir, files_in_database, scratch_dir
from huedesk.safety.scratch import clear_leftovers, scratch
from huedesk.store import open_store
from tests.backends import outside
from tests.safety.support import ROOT


def test_a_scratch_folder_is_private_and_goes_away(db: Database) -> None:
    with pytest.raises(RuntimeError), scratch(db.path, "export") as work:
        (work.path / "records.jsonl").write_text("{}")
        if sys.platform != "win32":
            assert oct(scratch_dir(db.path).stat().st_mode & 0o777) == "0o700"
        raise RuntimeError("the export failed")
    assert list(scratch_dir(db.path).iterdir()) == []


def test_leftovers_of_a_dead_process_are_removed_at_the_next_start(
    db_path: Path, tmp_path: Path
) -> None:
    open_store(db_path).dispose()
    dead = scratch_dir(db_path) / "export-dead"
    dead.mkdir(parents=True)
    (dead / "person.jsonl").write_text('{"passport_no": "C1234567"}')
    outgoing = tmp_path / "usb" / ".bundle.zip.partial"
    outgoing.parent.mkdir()
    outgoing.write_bytes(b"PK half")
    (dead / "owner.json").write_text(
        json.dumps({"host": socket.gethostname(), "pid": 2**22 + 1, "outgoing": [str(outgoing)]})
    )
    alive = scratch_dir(db_path) / "import-alive"
    alive.mkdir()
    (alive / "owner.json").write_text(
        json.dumps({"host": socket.gethostname(), "pid": os.getpid(), "outgoing": []})
    )
    open_store(db_path).dispose()  # the next start
    assert not dead.exists() and not outgoing.exists()
    assert alive.exists()  # still at work
    assert clear_leftovers(db_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_export_leaves_no_file(db_path: Path, tmp_path: Path) -> None:
    db = open_store(db_path)
    generate(db, records=3000, seed=1)
    db.dispose()
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "huedesk", "--db", str(db_path), "export", "-o", str(out / "b.zip")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not list(scratch_dir(db_path).glob("export-*/*.jsonl")):  # mid-way: records out
            assert proc.poll() is None, "the export ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert list(out.iterdir()) == []  # no bundle, no partial bundle
    assert list(scratch_dir(db_path).iterdir())  # the dead export's folder, until …
    open_store(db_path).dispose()  # … the next start removes it
    assert list(scratch_dir(db_path).iterdir()) == []


def test_an_export_writes_nowhere_but_its_destination_and_scratch(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    monkeypatch.setenv("TMPDIR", str(shared))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    generate(db, records=200, seed=2)
    export_bundle(db, tmp_path / "b.zip")
    assert list(shared.iterdir()) == []
    beside = db.path.relative_to(tmp_path).parts[0]  # the file's folder; a server's, under home
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        {"b.zip", beside, "home", "shared-tmp"}
    )


def test_check_reports_rows_without_files_and_files_without_rows(db: Database) -> None:
    generate(db, records=400, seed=3)
    if files_in_database(db.path):  # a server keeps them in its table; this folder is a cache
        with db.read() as s:
            gone, filename = s.execute(
                select(Attachment.sha256, Attachment.filename).order_by(Attachment.sha256)
            ).first()
        outside(
            db.location,
            f"DELETE FROM stored_file WHERE sha256 = '{gone}'",
            f"INSERT INTO stored_file (sha256, part, data) VALUES ('{'ab' * 32}', 0, '\\x3f')",
        )
        found = [en for _vi, en in run_check(db, verify_attachments=False).problems]
        assert f"Attachment '{filename}' is missing on the server" in found
        assert "The server holds a file (abababababab…) that belongs to no attachment" in found
        return
    folder = attachments_dir(db.path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    files[0].unlink()
    stray = folder / "ab" / "stray.bin"
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"?")
    report = run_check(db, verify_attachments=False)
    found = [en for _vi, en in report.problems]
    assert any("is missing" in p and files[0].name in p for p in found)
    assert any("belongs to no record" in p and "stray.bin" in p for p in found)

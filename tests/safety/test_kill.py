"""SIGKILL in the middle of writing, many times over: nothing committed is lost, nothing half-written.

A fork server (``kill_child.py``) starts writers that edit, delete, write
delegations with their members in one transaction and import batches of people;
each is killed at a random moment. After every kill the database must pass
``PRAGMA integrity_check``, open with ``open_store``, hold every change the writer
reported as committed, and hold no half-written transaction; the audit chain must
be unbroken. The test counts kills, not seconds, so a slow or busy machine runs the
same rounds: a quarter of the kills land at a random moment (often before anything
committed), the rest just after the writer has reported a random number of commits.
``HUEDESK_KILLS`` makes the run longer (default 28 rounds);
``benchmarks/kill_endurance.py`` runs it for minutes.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from huedesk import audit, backup
from huedesk.db.migrate import integrity_errors
from huedesk.records import RecordService
from huedesk.store import open_store
from tests.backends import sqlite_only
from tests.safety.support import names_in

CHILD = Path(__file__).with_name("kill_child.py")
BATCH = 100

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fork are POSIX"),
    sqlite_only(
        "writers of a database file killed at random (WAL, full sync, restores of the file)"
    ),
]


@dataclass
class Committed:
    """What the writers said they committed, across all rounds."""

    people: dict[int, str] = field(default_factory=dict)  # id -> step tag in its name
    versions: dict[int, int] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)  # step tags of deleted people
    deleting: set[int] = field(default_factory=set)  # a delete begun, maybe committed unreported
    delegations: dict[int, int] = field(default_factory=dict)
    batches: set[str] = field(default_factory=set)

    def note(self, line: str) -> None:
        op, *args = line.split()
        if op == "C":  # a new person may reuse the id of one deleted before
            self.people[int(args[0])] = args[1]
            self.versions.pop(int(args[0]), None)
            self.deleting.discard(int(args[0]))
        elif op == "U":
            self.versions[int(args[0])] = int(args[1])
        elif op == "x":
            self.deleting.add(int(args[0]))
        elif op == "X":
            self.deleting.discard(int(args[0]))
            self.deleted.add(args[1])
            self.people.pop(int(args[0]), None)
            self.versions.pop(int(args[0]), None)
        elif op == "D":
            self.delegations[int(args[0])] = int(args[1])
        elif op == "B":
            self.batches.add(args[0])

    def every_kind(self) -> bool:
        """Whether creates, updates, delegations and import batches have each committed."""
        return bool(self.people and self.versions and self.delegations and self.batches)


def _one_round(server: subprocess.Popen[str], command: str, rng: random.Random) -> list[str]:
    """Start a writer, kill it at a random moment, return the lines it flushed.

    A quarter of the kills come after a random delay (at any moment, often before the
    first commit); the others right after the writer has reported 1 to 8 commits, so
    every kind of change commits on any machine, however slow or busy.
    """
    assert server.stdin is not None and server.stdout is not None
    server.stdin.write(f"{command}\n")
    server.stdin.flush()
    pid, ready, lines = None, False, []
    while pid is None or not ready:
        line = server.stdout.readline().strip()
        assert line, "fork server ended"
        if line.startswith("pid "):
            pid = int(line.split()[1])
        elif line == "ready":
            ready = True
        else:
            lines.append(line)
    if rng.random() < 0.25:
        time.sleep(rng.uniform(0.0, 0.3))
    else:
        for _ in range(rng.randint(1, 8)):
            line = server.stdout.readline().strip()
            assert line and line != "reaped", "writer ended before it was killed"
            lines.append(line)
            if line.startswith("error"):
                break
        time.sleep(rng.uniform(0.0, 0.02))  # into the next change, somewhere
    with contextlib.suppress(ProcessLookupError):  # it ended on an error: reported below
        os.kill(pid, signal.SIGKILL)
    while (line := server.stdout.readline().strip()) != "reaped":
        assert line, "fork server ended"
        lines.append(line)
    errors = [x for x in lines if x.startswith("error")]
    assert not errors, errors
    return lines


def _verify(db: Path, done: Committed, *, chain: bool) -> None:
    assert integrity_errors(db) == [], "integrity_check failed after a kill"
    conn = sqlite3.connect(db)
    try:
        people = {
            r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, full_name, notes FROM person")
        }
        for pid, tag in done.people.items():
            if pid in done.deleting and pid not in people:
                continue  # the writer was killed between committing the delete and saying so
            assert people.get(pid, ("",))[0] == f"Người thử {tag}", f"committed person {pid} lost"
        names = {name for name, _notes in people.values()}
        assert not {f"Người thử {t}" for t in done.deleted} & names, "a committed delete came back"
        for pid, version in done.versions.items():
            if pid in done.deleting and pid not in people:
                continue
            stored = int(people[pid][1].removeprefix("v"))
            assert stored >= version, f"person {pid}: committed v{version}, found v{stored}"
        members = dict(
            conn.execute("SELECT delegation_id, count(*) FROM delegation_member GROUP BY 1")
        )
        for did, title in conn.execute("SELECT id, title FROM delegation"):
            n = int(title.rsplit("members=", 1)[1])
            assert members.get(did, 0) == n, f"delegation {did} half-written"
        for did, n in done.delegations.items():
            assert members.get(did) == n, f"committed delegation {did} lost"
        batches = dict(
            conn.execute(
                "SELECT notes, count(*) FROM person WHERE notes LIKE 'batch %' GROUP BY notes"
            )
        )
        assert all(n == BATCH for n in batches.values()), "an import batch was half-written"
        assert {f"batch {t}" for t in done.batches} <= batches.keys(), "a committed batch lost"
    finally:
        conn.close()
    database = open_store(db, auto_backup=False)
    try:
        if chain:
            with database.read() as s:
                assert list(audit.verify_chain(s)) == [], "audit chain broken after a kill"
    finally:
        database.dispose()


def _server() -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), "serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},  # 1 write a line
    )


def run_kills(db: Path, rounds: int, seed: int = 7) -> int:
    """Kill writers ``rounds`` times (more if some kind of change has not yet committed,
    up to four times as many); returns how many kills were survived (all checks passed)."""
    open_store(db).dispose()
    rng = random.Random(seed)
    done = Committed()
    server = _server()
    kills = 0
    try:
        while kills < rounds or (not done.every_kind() and kills < 4 * rounds):
            for line in _one_round(server, f"go {db} {seed * 10_000 + kills}", rng):
                done.note(line)
            kills += 1
            _verify(db, done, chain=kills % 5 == 0)
        _verify(db, done, chain=True)
    finally:
        server.kill()
        server.wait()
    assert done.every_kind(), f"not every kind of change committed in {kills} rounds: {done}"
    return kills


def test_sigkill_at_random_moments_loses_nothing_committed(tmp_path: Path) -> None:
    rounds = int(os.environ.get("HUEDESK_KILLS", "28"))
    kills = run_kills(tmp_path / "kill.sqlite3", rounds)
    print(f"\nkill test: survived {kills} SIGKILLs")
    assert kills >= rounds


def test_sigkill_during_restores_and_backups_never_leaves_a_broken_file(tmp_path: Path) -> None:
    db = tmp_path / "restore.sqlite3"
    opened = open_store(db)
    svc = RecordService(opened, "kiemthu")
    svc.create("person", {"full_name": "Nguyễn Văn An"})
    first = backup.backup_to(db, tmp_path / "first.sqlite3")
    svc.create("person", {"full_name": "Trần Thị Bình"})
    second = backup.backup_to(db, tmp_path / "second.sqlite3")
    opened.dispose()
    states = {tuple(names_in(first)), tuple(names_in(second))}
    rng = random.Random(3)
    server = _server()
    kills = 0
    try:
        rounds = int(os.environ.get("HUEDESK_RESTORE_KILLS", "6"))
        while kills < rounds:
            _one_round(server, f"restore {db} {first} {second}", rng)
            kills += 1
            assert integrity_errors(db) == []
            assert tuple(names_in(db)) in states
            for b in backup.list_backups(db):
                assert integrity_errors(b.path) == [], f"half-written backup {b.path.name}"
            open_store(db, auto_backup=False).dispose()
            # the killed restore's lock stays behind; the next restore finds it stale and clears it
    finally:
        server.kill()
        server.wait()
    print(f"\nrestore kill test: survived {kills} SIGKILLs")
    assert kills == rounds

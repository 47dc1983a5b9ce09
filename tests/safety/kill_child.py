"""The writer the kill test SIGKILLs: many edits through ``RecordService`` and bulk inserts.

Run as ``python tests/safety/kill_child.py serve``: a small fork server that
imports HueDesk once and, for each ``go DB SEED`` line on stdin, forks a writer
and prints ``pid N``; when that writer dies it prints ``reaped`` (so every line the
writer flushed comes before it). Forking keeps a round at a few hundred
milliseconds instead of the seconds a fresh interpreter needs, so the test can
kill many times. The server holds no database connection when it forks.

After each commit the writer prints one line saying what is now committed and
flushes, so the parent knows exactly which changes must survive the kill:

``C id tag`` a person named "Người thử <tag>" created · ``U id n`` person ``id``
has notes ``v<n>`` (or later) · ``X id tag`` person ``id``, created at step ``tag``,
deleted (SQLite may give a later record the same id, so the check uses the tag),
announced by ``x id`` before the delete starts · ``D id n`` delegation with ``n`` members written
in one transaction · ``B tag n`` ``n`` people imported in one transaction.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from huedesk.records import RecordService
from huedesk.records.service import create_in
from huedesk.store import open_store

BATCH = 100


def main(path: Path, seed: int) -> None:
    rng = random.Random(seed)
    db = open_store(path, auto_backup=False)
    svc = RecordService(db, actor="kill-test")
    mine: list[int] = []
    tags: dict[int, str] = {}
    version = 0
    print("ready", flush=True)
    for step in range(100_000):
        op = rng.choices(["create", "update", "delete", "delegation", "bulk"], [4, 5, 1, 2, 1])[0]
        tag = f"{seed}-{step}"
        if op == "create" or not mine:
            row = svc.create("person", {"full_name": f"Người thử {tag}", "notes": "v0"})
            mine.append(row["id"])
            tags[row["id"]] = tag
            print(f"C {row['id']} {tag}", flush=True)
        elif op == "update":
            version += 1
            pid = rng.choice(mine)
            svc.update("person", pid, {"notes": f"v{version}"})
            print(f"U {pid} {version}", flush=True)
        elif op == "delete":
            pid = mine.pop(rng.randrange(len(mine)))
            print(f"x {pid}", flush=True)  # may commit unreported if killed right after
            svc.delete("person", pid)
            print(f"X {pid} {tags.pop(pid)}", flush=True)
        elif op == "delegation":
            n = rng.randint(1, 6)
            with db.write() as s:
                d = create_in(
                    s,
                    "kill-test",
                    "delegation",
                    {
                        "direction": "in",
                        "title": f"Đoàn thử {tag} members={n}",
                        "country_code": "JP",
                        "start_date": "12/03/2025",
                        "status": "planned",
                    },
                )
                for i in range(n):
                    p = create_in(s, "kill-test", "person", {"full_name": f"Thành viên {tag}-{i}"})
                    create_in(
                        s,
                        "kill-test",
                        "delegation_member",
                        {"delegation_id": d["id"], "person_id": p["id"]},
                    )
            print(f"D {d['id']} {n}", flush=True)
        else:
            with db.write() as s:
                for i in range(BATCH):
                    create_in(
                        s,
                        "kill-test",
                        "person",
                        {"full_name": f"Nhập {tag}-{i}", "notes": f"batch {tag}"},
                    )
            print(f"B {tag} {BATCH}", flush=True)


def restore_forever(path: Path, first: Path, second: Path) -> None:
    """Restore two backups in turn, and back up between them, until killed."""
    from huedesk import backup

    print("ready", flush=True)
    for n in range(100_000):
        source = first if n % 2 == 0 else second
        backup.restore(path, source)
        print(f"R {source.name}", flush=True)
        backup.backup_now(path)


def serve() -> None:
    for line in sys.stdin:  # "go DB SEED" or "restore DB FIRST SECOND"
        what, *args = line.split()
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                if what == "restore":
                    restore_forever(*(Path(a) for a in args))
                else:
                    main(Path(args[0]), int(args[1]))
            except BaseException as exc:  # report, so the parent fails loudly
                print(f"error {exc!r}", flush=True)
            finally:
                os._exit(0)
        sys.stdout.write(f"pid {pid}\n")  # one write: the writer prints at the same time
        sys.stdout.flush()
        os.waitpid(pid, 0)
        sys.stdout.write("reaped\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve()

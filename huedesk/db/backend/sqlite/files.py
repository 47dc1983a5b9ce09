"""The SQLite database file: checks without writing, consistent copies, replacing it safely.

Opening a damaged file with a normal connection and carrying on would let SQLite
write into it (migrations, seeding) and make it worse, so the checks here use a
read-only connection and a damaged or foreign file is refused untouched.

Copies use SQLite's online backup API, so a copy is consistent even while HueDesk
(or another reader) has the database open, and never half-written: it goes to a
temporary name, is checked, made durable (fsync of the file and of its folder)
and only then takes its name. A full disk or any other failure leaves no file
under the final name and the source untouched (it is opened read-only).

A clean close leaves a small marker naming the file's size and modification time.
When the next open finds the file exactly as it was left (and no write-ahead log
waiting), nothing can have changed it since HueDesk last saw it sound, and the
quick check (0.5 s on a 160 MB file) is skipped; any crash, other writer or edit
outside HueDesk changes the size, the time or leaves a WAL, and the check runs.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from huedesk.db.backend.sqlite.connection import make_engine, register_functions
from huedesk.db.backend.sqlite.errors import translate
from huedesk.db.backend.sqlite.lock_holders import describe_holders
from huedesk.db.backup_files import fsync_dir
from huedesk.db.integrity import DamagedDatabaseError
from huedesk.db.read_only import ReadOnlyDatabase, why_read_only
from huedesk.errors import DatabaseError

SQLITE_MAGIC = b"SQLite format 3\x00"
# Files beside the database that belong to the live database (its log and shared memory).
COMPANIONS: tuple[str, ...] = ("-wal", "-shm")


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (WAL readers still share its ``-shm``)."""
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    register_functions(conn)  # the sort-key indexes name hd_sort_key
    return conn


def read_only_uri(path: Path) -> str:
    """The URI that opens ``path`` without writing to it.

    A reader of a database in WAL mode shares the ``-shm`` file beside it, and
    creates it (and an empty ``-wal``) when they are missing, which a read-only
    folder refuses ("unable to open database file", once taken for damage). When
    HueDesk may not write the file or its folder and no log is waiting to be
    read (nor a journal to be rolled back), the file is opened as immutable: SQLite then reads it as it is and
    writes nothing anywhere. (Another account allowed to write it at the same time
    would not be seen; a log left waiting is read the ordinary way.)
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    journal = path.with_name(path.name + "-journal")  # a write cut off, to be rolled back
    waiting = _wal_waiting(path) or (journal.exists() and journal.stat().st_size > 0)
    if why_read_only(path) is not None and not waiting:
        uri += "&immutable=1"
    return uri


def open_read_only(path: Path) -> Engine:
    """An engine on ``path`` whose connections cannot write to it, nor beside it."""
    return make_engine(path, read_only_uri=read_only_uri(path))


def is_database_file(path: Path) -> bool:
    """Whether the file starts with SQLite's magic string (an empty file does not)."""
    with path.open("rb") as fh:
        return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def problems(path: Path, *, full: bool = False, recover: bool = True) -> list[str]:
    """What ``PRAGMA quick_check`` (or ``integrity_check`` when ``full``) finds; empty when sound.

    A file SQLite cannot even read counts as one problem, described by SQLite's
    message. A file another program has locked is not a problem of the file: that
    raises the usual "locked" message. One problem a line: SQLite may put several
    in one row, under a ``*** in database main ***`` heading.

    A write that was cut off (a crash, a kill) leaves a journal that the next
    connection must roll back before anything can be read, and a reader that may
    not write says "attempt to write a readonly database". That is SQLite's own
    crash recovery, not damage: the file is opened once the ordinary way, which
    rolls the unfinished write back, and checked again.
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        _refuse_if_read_only(path, exc)
        return [str(exc)]
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise translate(exc, path) or exc from exc
        _refuse_if_read_only(path, exc)
        if recover and "readonly" in str(exc):
            conn.close()
            _recover(path)
            return problems(path, full=full, recover=False)
        return [str(exc)]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    lines = (line.strip() for r in rows if r[0] != "ok" for line in str(r[0]).splitlines())
    return [line for line in lines if line and not line.startswith("***")]


def _recover(path: Path) -> None:
    """Let SQLite roll back a write that was cut off, by reading through an ordinary connection."""
    conn = sqlite3.connect(path, timeout=5.0)
    register_functions(conn)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        pass  # whatever is wrong, the check that follows says it
    finally:
        conn.close()


def _refuse_if_read_only(path: Path, exc: sqlite3.Error) -> None:
    """A file SQLite cannot read because nothing may be written beside it is not damaged.

    (A log of recent changes left waiting, without the shared memory that goes with
    it, or a write cut off whose journal must be rolled back, in a read-only folder:
    SQLite must write to read on.)
    """
    why = why_read_only(path)
    if why is not None and ("unable to open" in str(exc) or "readonly" in str(exc)):
        raise ReadOnlyDatabase(
            f"Không đọc được {path}: lần ghi cuối chưa xong (còn tệp nhật ký bên cạnh, "
            f"{path.name}-wal hoặc -journal) nhưng {why.vi}. Hãy mở nó một lần ở nơi ghi được.",
            f"Cannot read {path}: its last write was not finished (a log beside it, "
            f"{path.name}-wal or -journal) but {why.en}. Open it once where it can be written.",
        ) from exc


def _read(path: Path, sql: str) -> list[tuple[object, ...]]:
    try:
        conn = connect_readonly(path)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise translate(exc, path) or DamagedDatabaseError(
            f"Không đọc được tệp {path} ({exc}).",
            f"Cannot read the file {path} ({exc}).",
            path=path,
        ) from exc


def _table_names(path: Path) -> set[str]:
    return {str(r[0]) for r in _read(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}


def schema_revision(path: Path) -> str | None:
    """The Alembic revision recorded in the file, ``None`` when it has none (not HueDesk's)."""
    if "alembic_version" not in _table_names(path):
        return None
    rows = _read(path, "SELECT version_num FROM alembic_version")
    return str(rows[0][0]) if rows else None


def refuse_unsound(path: Path) -> None:
    """Refuse a file that exists but is not a sound HueDesk database, before anything writes to it.

    Runs ``PRAGMA quick_check`` on a read-only connection (0.6 s for 100,000 demo
    records, a 160 MB file; ``benchmarks/bench_safety.py``), unless the file is
    exactly as HueDesk's last clean close left it (``unchanged_since_clean_close``).
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    if not is_database_file(path):
        raise DamagedDatabaseError(
            f"Tệp {path} không phải cơ sở dữ liệu HueDesk (không phải tệp SQLite).",
            f"The file {path} is not a HueDesk database (not an SQLite file).",
            path=path,
        )
    writable = why_read_only(path) is None
    found = [] if unchanged_since_clean_close(path, consume=writable) else problems(path)
    if found:
        detail = "; ".join(
            " ".join(p.split()) for p in found[:3]
        )  # one line, as SQLite's may not be
        raise DamagedDatabaseError(
            f"Tệp {path} bị hỏng ({detail}); HueDesk không ghi gì vào tệp này.",
            f"The file {path} is damaged ({detail}); HueDesk has written nothing to it.",
            path=path,
        )
    names = _table_names(path)
    if names and "alembic_version" not in names:
        raise foreign_error(path)


def foreign_error(path: Path) -> DamagedDatabaseError:
    """The refusal of an SQLite file with tables but without HueDesk's schema marker."""
    return DamagedDatabaseError(
        f"Tệp {path} là cơ sở dữ liệu SQLite nhưng không phải của HueDesk.",
        f"The file {path} is an SQLite database but not a HueDesk one.",
        path=path,
    )


def snapshot(source: Path, dest: Path, *, full_check: bool = False) -> Path:
    """Copy the database at ``source`` to ``dest`` atomically; returns ``dest``.

    The copy is checked with ``PRAGMA quick_check`` (``integrity_check`` when
    ``full_check``) before it takes its name, and is one self-contained file
    (rollback journal, not WAL). What the file system refuses (a read-only or full
    disk, a folder not allowed) is raised as its ``OSError``, for the caller to name
    (``huedesk.safety.files.file_errors``); nothing is left under either name.
    """
    if not source.is_file():
        raise DatabaseError(
            f"Không có tệp cơ sở dữ liệu {source} để sao chép.",
            f"There is no database file {source} to copy.",
        )
    tmp = dest.with_name(dest.name + ".part")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb"):  # the file system's own refusal (read-only, full, not allowed)
            pass
        src_conn = connect_readonly(source)
        try:
            dst_conn = sqlite3.connect(tmp)
            register_functions(dst_conn)
            try:
                src_conn.backup(dst_conn)
                dst_conn.execute("PRAGMA journal_mode = DELETE")
                pragma = "integrity_check" if full_check else "quick_check"
                verdict = dst_conn.execute(f"PRAGMA {pragma}").fetchone()[0]
            finally:
                dst_conn.close()
        finally:
            src_conn.close()
        if verdict != "ok":
            raise DatabaseError(
                f"Bản sao của {source} không toàn vẹn ({verdict}); chưa thay tệp nào.",
                f"The copy of {source} failed its check ({verdict}); nothing was replaced.",
            )
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except sqlite3.Error as exc:
        text = str(exc)
        if "full" in text:
            raise DatabaseError(
                f"Ổ đĩa chứa {dest.parent} đã đầy; bản sao chưa được ghi, dữ liệu gốc không bị ảnh hưởng.",
                f"The disk holding {dest.parent} is full; the copy was not written and the original is unharmed.",
            ) from exc
        raise DatabaseError(
            f"Không sao chép được {source} ({text}).", f"Cannot copy {source} ({text})."
        ) from exc
    finally:
        for leftover in ("", "-journal", *COMPANIONS):  # a failed copy leaves its journal
            with contextlib.suppress(OSError):
                Path(f"{tmp}{leftover}").unlink()
    return dest


def raw_copy(path: Path, dest: Path) -> None:
    """Copy a (damaged) database's bytes as they are, with its WAL, durably; raises ``OSError``.

    The WAL goes first: the main file appearing under ``dest`` marks the copy complete.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("-wal", ""):
        src = Path(f"{path}{suffix}")
        if src.exists():
            part = Path(f"{dest}{suffix}.part")
            shutil.copyfile(src, part)
            with open(part, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(part, f"{dest}{suffix}")
    fsync_dir(dest.parent)


def detach(path: Path, *, damaged: bool) -> None:
    """Make the file self-contained before it is replaced: no old WAL may meet a new file.

    A sound file's WAL is folded into it and switched off, which also proves no
    other program has it open; a damaged file's WAL and shared memory are deleted
    (the caller has kept a raw copy of them).
    """
    if damaged:
        for suffix in COMPANIONS:
            with contextlib.suppress(FileNotFoundError):
                Path(f"{path}{suffix}").unlink()
        return
    conn = sqlite3.connect(path, isolation_level=None, timeout=2.0)
    register_functions(conn)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError as exc:
        who_vi, who_en = describe_holders(path)
        raise DatabaseError(
            f"Cơ sở dữ liệu {path} đang được chương trình khác mở; hãy đóng nó rồi khôi phục lại.{who_vi}",
            f"The database {path} is open in another program; close it and restore again.{who_en}",
        ) from exc
    finally:
        conn.close()
    if str(mode).lower() != "delete":
        raise DatabaseError(
            f"Cơ sở dữ liệu {path} đang được chương trình khác mở; hãy đóng nó rồi khôi phục lại.",
            f"The database {path} is open in another program; close it and restore again.",
        )


def clean_marker(path: Path) -> Path:
    """Where the clean-close marker of the database at ``path`` is kept."""
    return path.with_name(path.name + ".clean")


def _fingerprint(path: Path) -> dict[str, int]:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _wal_waiting(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def record_clean_close(path: Path) -> None:
    """Note that the last connection closed cleanly (called after the engine is disposed)."""
    if not path.is_file() or _wal_waiting(path):
        return  # another connection still has the file open: no promise to make
    with contextlib.suppress(OSError):
        clean_marker(path).write_text(json.dumps(_fingerprint(path)), encoding="utf-8")


def unchanged_since_clean_close(path: Path, *, consume: bool = True) -> bool:
    """Whether the file is byte-for-byte where a clean close left it (by size and mtime).

    The marker is consumed: from here on the file is in use, and only the next clean
    close may vouch for it again. A database opened read-only (``consume`` false)
    cannot change, so its marker stays.
    """
    marker = clean_marker(path)
    try:
        recorded = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    finally:
        if consume:
            with contextlib.suppress(OSError):
                os.remove(marker)
    if _wal_waiting(path):
        return False
    return bool(recorded == _fingerprint(path))


# A restore's carrying of accounts and history (``DatabaseFiles.summarise/audit_hash_at/carry``).
from huedesk.db.backend.sqlite.carry import (  # noqa: E402, F401
    audit_hash_at,
    carry,
    read_rows,
    summarise,
)

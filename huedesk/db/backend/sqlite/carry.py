"""SQLite's part of a restore that keeps accounts and history (``DatabaseFiles``).

``summarise`` reads what a file holds without writing to it (a backup may be at
an older schema, without some tables); ``carry`` copies the current accounts and
the audit entries that continue the backup's hash chain into the file about to
be installed, byte for byte (an attached database and ``INSERT … SELECT``), so
every carried entry's hash still verifies.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from huedesk.db.backend.protocol import Carried, FileSummary
from huedesk.db.backend.sqlite.connection import register_functions
from huedesk.db.backend.sqlite.files import connect_readonly
from huedesk.errors import DatabaseError

ACCOUNTS = "user_account"
AUDIT = "audit_entry"


def _tables(conn: sqlite3.Connection, schema: str = "main") -> set[str]:
    rows = conn.execute(f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'")
    return {r[0] for r in rows}


def summarise(path: Path, tables: list[str]) -> FileSummary:
    """Rows per table in ``tables`` (0 for a table the file lacks), accounts, audit end."""
    try:
        conn = connect_readonly(Path(path))
        try:
            present = _tables(conn)
            counts = {
                t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
                if t in present
                else 0
                for t in tables
            }
            accounts: tuple[str, ...] = ()
            if ACCOUNTS in present:
                accounts = tuple(
                    r[0] for r in conn.execute(f"SELECT name FROM {ACCOUNTS} ORDER BY name")
                )
            entries, last = 0, None
            if AUDIT in present:
                entries = int(conn.execute(f"SELECT count(*) FROM {AUDIT}").fetchone()[0])
                row = conn.execute(
                    f"SELECT id, entry_hash FROM {AUDIT} ORDER BY id DESC LIMIT 1"
                ).fetchone()
                last = (int(row[0]), str(row[1])) if row else None
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise DatabaseError(
            f"Không đọc được tệp {path} ({exc}).", f"Cannot read the file {path} ({exc})."
        ) from exc
    return FileSummary(counts, accounts, entries, last)


def read_rows(path: Path, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
    """``columns`` of every row of ``table`` in the file, read without writing to it
    (empty when the file has no such table)."""
    try:
        conn = connect_readonly(Path(path))
        try:
            if table not in _tables(conn):
                return []
            names = ", ".join(f'"{c}"' for c in columns)
            return [tuple(r) for r in conn.execute(f'SELECT {names} FROM "{table}"')]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise DatabaseError(
            f"Không đọc được tệp {path} ({exc}).", f"Cannot read the file {path} ({exc})."
        ) from exc


def audit_hash_at(path: Path, entry_id: int) -> str | None:
    """The hash of entry ``entry_id`` in the file's audit log (``None`` if it has none)."""
    conn = connect_readonly(Path(path))
    try:
        if AUDIT not in _tables(conn):
            return None
        row = conn.execute(f"SELECT entry_hash FROM {AUDIT} WHERE id = ?", (entry_id,)).fetchone()
        return None if row is None else str(row[0])
    finally:
        conn.close()


def carry(
    target: Path, source: Path, account_columns: list[str], audit_columns: list[str]
) -> Carried:
    """Give ``target`` the accounts of ``source`` and the audit entries that follow its own.

    ``target`` (the file about to be installed, at the current schema) loses its own
    accounts and gets ``source``'s exactly. If ``source``'s audit log continues
    ``target``'s (it holds ``target``'s newest entry, same hash), the entries after
    it are appended unchanged; otherwise nothing is appended (``audit_entries`` is
    ``None``). One transaction: all of it or nothing.
    """
    conn = sqlite3.connect(str(target), isolation_level=None)
    register_functions(conn)  # the schema's sort-key indexes name hd_sort_key
    try:
        conn.execute("ATTACH DATABASE ? AS src", (f"{Path(source).resolve().as_uri()}?mode=ro",))
        present = _tables(conn, "src")
        conn.execute("BEGIN IMMEDIATE")
        accounts = 0
        if ACCOUNTS in present:
            cols = ", ".join(f'"{c}"' for c in account_columns)
            conn.execute(f"DELETE FROM main.{ACCOUNTS}")
            accounts = conn.execute(
                f"INSERT INTO main.{ACCOUNTS} ({cols}) SELECT {cols} FROM src.{ACCOUNTS}"
            ).rowcount
        entries: int | None = 0
        if AUDIT in present:
            last = conn.execute(
                f"SELECT id, entry_hash FROM main.{AUDIT} ORDER BY id DESC LIMIT 1"
            ).fetchone()
            after = 0
            if last is not None:
                same = conn.execute(
                    f"SELECT entry_hash FROM src.{AUDIT} WHERE id = ?", (last[0],)
                ).fetchone()
                after = last[0] if same is not None and same[0] == last[1] else -1
            if after < 0:
                entries = None
            else:
                cols = ", ".join(f'"{c}"' for c in audit_columns)
                entries = conn.execute(
                    f"INSERT INTO main.{AUDIT} ({cols}) SELECT {cols} FROM src.{AUDIT} "
                    "WHERE id > ? ORDER BY id",
                    (after,),
                ).rowcount
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise DatabaseError(
            f"Không chuyển được tài khoản và nhật ký sang bản khôi phục ({exc}); chưa khôi phục gì.",
            f"Cannot carry the accounts and the audit log into the restored copy ({exc}); "
            "nothing was restored.",
        ) from exc
    finally:
        conn.close()
    return Carried(accounts, entries)

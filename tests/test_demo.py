"""Demo data: every kind gets rows, the file is sound, the same seed gives the same data."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from huedesk.check import run_check
from huedesk.db.engine import Database
from huedesk.demo import generate
from huedesk.records import KINDS
from huedesk.store import open_store

TODAY = dt.date(2026, 11, 23)


def _fingerprint(path: Path) -> str:
    conn = sqlite3.connect(path)
    digest = hashlib.sha256()
    for table in ("delegation", "consular_case", "aid_transaction", "person"):
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY id"):
            digest.update(repr(row).encode())
    conn.close()
    return digest.hexdigest()


def test_demo_fills_every_kind_and_passes_the_check(db: Database) -> None:
    summary = generate(db, records=600, seed=3, today=TODAY)
    report = run_check(db)
    assert report.ok, report.problems
    empty = [k for k, n in report.counts.items() if n == 0]
    assert empty == []
    assert summary.counts["delegation"] >= 90  # the rest are the fixed partners and Huế agencies
    top = sum(
        summary.counts[k]
        for k in (
            "organisation",
            "person",
            "partnership",
            "agreement",
            "delegation",
            "consular_case",
            "aid_project",
            "fdi_project",
            "event",
            "follow_up_task",
        )
    )
    assert top == 600
    assert set(report.counts) == set(KINDS)


def test_same_seed_same_data(tmp_path: Path) -> None:
    prints = []
    for name in ("a", "b"):
        db = open_store(tmp_path / f"{name}.sqlite3")
        generate(db, records=300, seed=11, today=TODAY)
        db.dispose()
        prints.append(_fingerprint(tmp_path / f"{name}.sqlite3"))
    assert prints[0] == prints[1]


def test_demo_text_has_vietnamese_diacritics(tmp_path: Path) -> None:
    db = open_store(tmp_path / "d.sqlite3")
    generate(db, records=300, seed=5, today=TODAY)
    db.dispose()
    conn = sqlite3.connect(tmp_path / "d.sqlite3")
    names = [r[0] for r in conn.execute("SELECT full_name FROM person WHERE nationality = 'VN'")]
    conn.close()
    assert any(ch in "ễếệđĐưươ" for n in names for ch in n)


def test_cancel_stops_between_whole_batches(tmp_path: Path) -> None:
    db = open_store(tmp_path / "c.sqlite3")
    calls = []
    summary = generate(
        db,
        records=5000,
        seed=1,
        today=TODAY,
        progress=lambda done, total: calls.append(done),
        should_cancel=lambda: len(calls) >= 2,
    )
    report = run_check(db)
    db.dispose()
    assert summary.cancelled
    assert report.ok, report.problems


# Small runs: few officials, so a team or a host may be missing. These seeds and sizes
# crashed (an empty Huế team abroad; before that an empty range in the generator).
@pytest.mark.parametrize(("records", "seed"), [(1, 1), (8, 6), (13, 5), (20, 1), (20, 2), (34, 3)])
def test_small_demo_runs_are_whole_and_sound(tmp_path: Path, records: int, seed: int) -> None:
    db = open_store(tmp_path / "small.sqlite3")
    try:
        summary = generate(db, records=records, seed=seed, today=TODAY)
        report = run_check(db)
    finally:
        db.dispose()
    assert report.ok, report.problems
    assert summary.counts["delegation"] >= 1
    conn = sqlite3.connect(tmp_path / "small.sqlite3")
    try:
        memberless = conn.execute(
            "SELECT ref FROM delegation WHERE id NOT IN (SELECT delegation_id FROM delegation_member)"
        ).fetchall()
    finally:
        conn.close()
    assert memberless == []

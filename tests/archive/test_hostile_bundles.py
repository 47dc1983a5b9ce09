"""Hostile and damaged bundles cannot hurt (issue #12): the corpus of ``hostile.py``, and fuzzing.

For every bundle: ``verify`` answers with problems (never a traceback), ``import``
ends with a one-line message and exit status 2, the database is unchanged, and no
file anywhere is written, read into the database or removed outside the data folder.
"""

from __future__ import annotations

import json
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from huedesk.archive import export_bundle, import_bundle, verify_bundle
from huedesk.archive.layout import LineTooLong, iter_lines
from huedesk.archive.limits import depth_ok, entry_problems, loads, unsafe_name
from huedesk.cli.main import main
from huedesk.db.engine import Database
from huedesk.db.models import Attachment, AuditEntry
from huedesk.errors import HueDeskError
from huedesk.paths import attachments_dir
from huedesk.records import RecordService
from huedesk.records.stored_files import is_stored_name
from huedesk.store import open_store
from tests.archive.conftest import dump, fill
from tests.archive.hostile import CASES, build_corpus

ESCAPES = ("evil.txt", "escaped.txt", "passwd", "evil.exe", "huedesk-evil.txt")


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("good")
    db = open_store(base / "data" / "huedesk.sqlite3")
    try:
        fill(RecordService(db, actor="kiemthu"), db)
        bundle = base / "good.zip"
        export_bundle(db, bundle)
    finally:
        db.dispose()
    return bundle


@pytest.fixture(scope="module")
def corpus(good: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_corpus(good, tmp_path_factory.mktemp("corpus"))


def _files(root: Path) -> dict[str, int]:
    """Files under ``root`` with their sizes (the database's own and its daily backups aside:
    opening a database takes a backup when the newest is a day old)."""
    return {
        str(p): p.stat().st_size
        for p in root.rglob("*")
        if p.is_file() and "-backups" not in p.parent.name and ".sqlite3" not in p.name
    }


def _state(db: Database) -> tuple[Any, int]:
    with db.read() as s:
        audit = s.scalar(select(func.count()).select_from(AuditEntry))
    return dump(db), int(audit or 0)


def _no_escapes(*roots: Path) -> None:
    for root in roots:
        for name in ESCAPES:
            assert not list(root.rglob(name)), f"{name} written under {root}"
    assert not Path("/tmp/huedesk-evil.txt").exists()


def test_the_corpus_has_at_least_25_bundles() -> None:
    assert len(CASES) >= 25
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_bundle(
    case: Any,
    corpus: dict[str, Path],
    db: Database,
    db_arg: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bundle = corpus[case.name]
    before = _state(db)
    files_before = _files(tmp_path)
    corpus_before = _files(bundle.parent)

    report = verify_bundle(bundle)  # never raises
    if case.expect == "refused":
        assert not report.ok
    for problem in report.problems:
        assert "\n" not in problem.message("en")
        assert "root:" not in problem.message("en")  # /etc/passwd was not read

    code = main(["--db", db_arg, "import", str(bundle)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "root:" not in out + err
    if case.expect == "harmless":
        assert code == 0, out + err
        with db.read() as s:
            stored = list(s.scalars(select(Attachment.stored_name)))
        assert stored and all(is_stored_name(n) for n in stored)
        for name in stored:
            assert (attachments_dir(db.path) / name).is_file()
    else:
        assert code == 2, out + err
        assert err.strip(), "a refusal says why"
        assert _state(db) == before
        assert _files(tmp_path) == files_before
    _no_escapes(tmp_path, bundle.parent.parent)
    assert _files(bundle.parent) == corpus_before


# --- the limits themselves -------------------------------------------------------------


def test_lines_are_read_in_linear_time_up_to_a_limit() -> None:
    import io

    lines = list(iter_lines(io.BytesIO(b"a\n\nbb\nccc"), max_line=8))
    assert lines == [b"a", b"", b"bb", b"ccc"]
    spread = b"x" * (3 * (1 << 20) + 5) + b"\nok\n"  # one line over several blocks
    assert [len(x) for x in iter_lines(io.BytesIO(spread))] == [3 * (1 << 20) + 5, 2]
    with pytest.raises(LineTooLong):
        list(iter_lines(io.BytesIO(spread), max_line=1 << 20))
    with pytest.raises(LineTooLong):
        list(iter_lines(io.BytesIO(b"short\n" + b"y" * 100), max_line=50))


def test_json_nesting_is_limited_without_recursion() -> None:
    assert depth_ok(b'{"a": [1, {"b": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}]}')
    assert not depth_ok(b"[" * 40 + b"]" * 40)
    with pytest.raises(ValueError, match="nested"):
        loads(b"[" * 100_000 + b"]" * 100_000)
    assert loads('{"x": "\\"[[["}') == {"x": '"[[['}


@pytest.mark.parametrize(
    "name",
    ["../x", "a/../../x", "/etc/passwd", "a\\b", "C:x", "a\x00b", "a//b", "./a", "a/\x1b[31m"],
)
def test_unsafe_entry_names(name: str) -> None:
    assert unsafe_name(name) is not None


@pytest.mark.parametrize(
    "name", ["manifest.json", "records/person.jsonl", "attachments/ab/Biên bản.txt"]
)
def test_safe_entry_names(name: str) -> None:
    assert unsafe_name(name) is None


def test_a_zip_bomb_is_refused_from_the_directory_alone(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("records/person.jsonl", b"\n" * (8 << 20))
    with zipfile.ZipFile(bomb) as zf:
        (problem,) = entry_problems(zf)
    assert "compressed too far" in problem[2]


# --- fuzzing ---------------------------------------------------------------------------


_NAMES = st.sampled_from(
    [
        "manifest.json",
        "records/person.jsonl",
        "records/attachment.jsonl",
        "attachments/x/a.txt",
        "../evil.txt",
        "/tmp/huedesk-evil.txt",
        "a\\..\\evil.txt",
        "iati/aid-activities.xml",
        "records/../../evil.txt",
    ]
)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(
    flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=8),
    cut=st.one_of(st.none(), st.integers(min_value=0)),
)
def test_fuzz_damaged_bytes_never_raise(
    good: Path,
    tmp_path_factory: pytest.TempPathFactory,
    flips: list[tuple[int, int]],
    cut: int | None,
) -> None:
    raw = bytearray(good.read_bytes())
    for pos, value in flips:
        raw[pos % len(raw)] = value
    if cut is not None:
        raw = raw[: cut % (len(raw) + 1)]
    path = tmp_path_factory.mktemp("fuzz") / "damaged.zip"
    path.write_bytes(bytes(raw))
    report = verify_bundle(path)  # the assertion: it returns, whatever the bytes
    assert report.ok or report.problems


@given(
    extra=st.lists(st.tuples(_NAMES, st.binary(max_size=64)), max_size=3),
    manifest_changes=st.dictionaries(
        st.sampled_from(["files", "kinds", "counts", "format_version", "schema_revision", "x"]),
        _JSON,
        max_size=3,
    ),
    record=st.one_of(st.none(), _JSON),
)
def test_fuzz_hostile_zips_change_nothing(
    good: Path,
    tmp_path_factory: pytest.TempPathFactory,
    extra: list[tuple[str, bytes]],
    manifest_changes: dict[str, Any],
    record: Any,
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    db = open_store(folder / "data" / "huedesk.sqlite3")
    try:
        with zipfile.ZipFile(good) as zf:
            man = json.loads(zf.read("manifest.json"))
            data = {n: zf.read(n) for n in zf.namelist() if n != "manifest.json"}
        man.update(manifest_changes)
        if record is not None:
            data["records/person.jsonl"] += json.dumps(record).encode() + b"\n"
        path = folder / "hostile.zip"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
                for name, blob in [*data.items(), *extra]:
                    out.writestr(name, blob)
                out.writestr("manifest.json", json.dumps(man))
        before = _state(db)
        files_before = _files(folder / "data")
        verify_bundle(path)
        try:
            import_bundle(db, path, actor="kiemthu")
        except HueDeskError as exc:
            assert "\n" not in exc.en
            assert _state(db) == before
            assert _files(folder / "data") == files_before
        _no_escapes(folder)
    finally:
        db.dispose()

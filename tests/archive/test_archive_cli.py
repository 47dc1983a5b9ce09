"""``huedesk export``, ``verify`` and ``import`` on the command line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from huedesk.cli.main import main
from huedesk.db.engine import Database
from tests.archive.conftest import rewrite


def test_export_verify_import_commands(
    db: Database,
    db_arg: str,
    filled: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bundle = tmp_path / "out.zip"
    assert main(["--db", db_arg, "export", "-o", str(bundle), "--kind", "delegation"]) == 0
    out = capsys.readouterr().out
    assert "Đoàn: 1" in out and str(bundle) in out

    assert main(["--db", db_arg, "verify", str(bundle)]) == 0
    assert capsys.readouterr().out.startswith("OK:")

    other = tmp_path / "other" / "huedesk.sqlite3"
    assert main(["--db", str(other), "--user", "may2", "import", str(bundle), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Chạy thử" in out and "Đoàn: 1 / 0 / 0 / 0" in out
    assert main(["--db", str(other), "import", str(bundle)]) == 0
    assert "Đoàn: 1 / 0 / 0 / 0" in capsys.readouterr().out

    def edit(name: str, data: bytes) -> bytes:
        return data + b"\n" if name == "records/gift.jsonl" else data

    bad = rewrite(bundle, tmp_path / "bad.zip", edit=edit, rehash=False)
    assert main(["--db", db_arg, "verify", str(bad)]) == 2  # refused, as import refuses
    assert "records/gift.jsonl" in capsys.readouterr().out
    assert main(["--db", str(other), "import", str(bad)]) == 2
    captured = capsys.readouterr()
    assert "records/gift.jsonl" in captured.out and "không nhập gì" in captured.err


def test_export_rejects_a_bad_date(db: Database, db_arg: str, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--db", db_arg, "export", "-o", str(tmp_path / "x.zip"), "--since", "hôm qua"])
    assert exc.value.code == 2


@pytest.mark.parametrize("command", ["verify", "import"])
def test_a_missing_bundle_is_named_missing_not_damaged(
    db_arg: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    gone = tmp_path / "usb" / "goi.zip"
    assert main(["--db", db_arg, command, str(gone)]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and f"Không có {gone}" in lines[0], captured
    assert "ZIP" not in captured.err and "Traceback" not in captured.err


def test_export_and_import_summaries_write_numbers_as_each_language_does(
    db_arg: str, filled: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Sizes in kB/MB and seconds with the language's decimal mark (was '3,255,459 bytes')."""
    bundle = tmp_path / "out.zip"
    assert main(["--db", db_arg, "export", "-o", str(bundle)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert re.fullmatch(r"Đã ghi .* — \d+ hồ sơ, \d+ tệp, [\d,]+ (kB|MB), \d+,\d s", last), last
    assert main(["--db", db_arg, "export", "-o", str(bundle), "--lang", "en"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert re.fullmatch(r"Wrote .* — \d+ records, \d+ files, [\d.]+ (kB|MB), \d+\.\d s", last), last
    other = tmp_path / "other.sqlite3"
    assert main(["--db", str(other), "--user", "may2", "import", str(bundle)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert re.fullmatch(r"Xong: \+\d+, =\d+, ~0, 0 xung đột, \d+,\d s", last), last

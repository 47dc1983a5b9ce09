"""The screenshot helper's command line: nothing is created for a wrong argument."""

from __future__ import annotations

from pathlib import Path

import pytest

from huedesk.ui.screenshots import arguments


def test_help_and_a_missing_database_create_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as ended:  # it once opened (made) a database named --help
        arguments(["--help"])
    assert ended.value.code == 0 and "db" in capsys.readouterr().out
    with pytest.raises(SystemExit) as ended:
        arguments(["none.sqlite3"])
    assert ended.value.code == 2 and "no database file none.sqlite3" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [tmp_path / "home"]  # only the test's own HOME


def test_the_database_the_folder_and_an_account(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    db.write_bytes(b"")
    args = arguments([str(db)])
    assert (args.db, args.out, args.name) == (db, Path("docs/screenshots"), None)
    args = arguments([str(db), str(tmp_path / "out"), "quantri", "mật khẩu"])
    assert (args.out, args.name, args.password) == (tmp_path / "out", "quantri", "mật khẩu")

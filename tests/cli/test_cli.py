"""The command line: help everywhere, one-line errors, no tracebacks for expected failures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from huedesk.cli.main import COMMANDS, main

ROOT = Path(__file__).resolve().parents[2]


def _run(
    *args: str, env_db: str | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if env_db is not None:
        env["HUEDESK_DB"] = env_db
    return subprocess.run(
        [sys.executable, "-m", "huedesk", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=120,
        cwd=ROOT,
    )


def test_every_subcommand_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(COMMANDS) >= 3
    for name in COMMANDS:
        with pytest.raises(SystemExit) as exc:
            main([name, "--help"])
        assert exc.value.code == 0
        assert "usage: huedesk" in capsys.readouterr().out


def test_demo_then_check_through_the_real_command(db_arg: str) -> None:
    done = _run("--db", db_arg, "demo", "--records", "400", "--seed", "2")
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout
    checked = _run("check", "--lang", "en", env_db=db_arg)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "OK — no problems found." in checked.stdout


def test_expected_errors_are_one_line_without_traceback(db_arg: str) -> None:
    db = db_arg
    cases = [
        ("--db", db, "list", "spaceships"),
        ("--db", db, "show", "delegation", "ĐV-1999-0001"),
        ("--db", db, "add", "delegation", "title=Đoàn", "start_date=31/02/2025"),
        ("--db", db, "demo", "--records", "-3"),
    ]
    for args in cases:
        done = _run(*args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_not_a_database_file_is_named(tmp_path: Path) -> None:
    bogus = tmp_path / "report.docx"
    bogus.write_bytes(b"PK\x03\x04 not sqlite")
    done = _run("--db", str(bogus), "check")
    assert done.returncode == 2
    assert str(bogus) in done.stderr and "Traceback" not in done.stderr


def test_add_set_show_delete_round(db_arg: str, capsys: pytest.CaptureFixture[str]) -> None:
    db = db_arg
    assert (
        main(
            [
                "--db",
                db,
                "add",
                "event",
                "title=Festival Huế 2026",
                "event_type=festival",
                "start_date=06/06/2026",
                "status=planned",
            ]
        )
        == 0
    )
    ref = capsys.readouterr().out.strip()
    assert ref == "SK-2026-0001"
    assert main(["--db", db, "set", "event", ref, "status=confirmed", "venue=Đại Nội Huế"]) == 0
    assert main(["--db", db, "show", "event", ref]) == 0
    out = capsys.readouterr().out
    assert "Địa điểm: Đại Nội Huế" in out and "Tình trạng: Đã xác nhận" in out
    assert main(["--db", db, "list", "event", "--text", "festival hue"]) == 0
    assert "(1/1)" in capsys.readouterr().out
    assert main(["--db", db, "delete", "event", ref, "--yes"]) == 0
    assert main(["--db", db, "show", "event", ref]) == 2


def test_a_slow_opening_says_why_the_command_waits_and_a_quick_one_says_nothing(
    db_arg: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upgrade on the way in can take minutes (a server's search index rebuilt once
    after an update): the command says so on stderr; stdout stays the data. No timing
    here: the quick opening ends long before its threshold, the slowed one waits until
    the notice has been said."""
    import threading

    from huedesk import store
    from huedesk.cli import context

    monkeypatch.setattr(context, "OPENING_NOTICE_AFTER_S", 3600.0)
    assert main(["--db", db_arg, "list", "country", "--limit", "1"]) == 0
    quick = capsys.readouterr()
    assert "opening" not in quick.err and "đang mở" not in quick.err

    said = threading.Event()
    real_say = context.CommandContext._say_opening_is_slow

    def say(self: context.CommandContext) -> None:
        real_say(self)
        said.set()

    real_open = store.open_store

    def upgrading(location: object, **kw: object) -> object:
        assert said.wait(30), "no notice while the opening was under way"
        return real_open(location, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(context.CommandContext, "_say_opening_is_slow", say)
    monkeypatch.setattr(store, "open_store", upgrading)
    monkeypatch.setattr(context, "OPENING_NOTICE_AFTER_S", 0.05)
    assert main(["--db", db_arg, "list", "country", "--limit", "1", "--lang", "en"]) == 0
    slow = capsys.readouterr()
    assert slow.err.count("first opening after an update can take a few minutes") == 1
    assert "opening" not in slow.out and slow.out.strip()  # the list itself, unmixed

"""``--db`` and ``HUEDESK_DB``: a URL is never taken for a file name; unknown schemes are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from huedesk.cli.main import main
from huedesk.db.location import ServerURL, parse_location, resolve_location
from huedesk.errors import DatabaseError


def test_paths_stay_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert parse_location("data/huedesk.sqlite3") == tmp_path / "data" / "huedesk.sqlite3"
    assert parse_location("./a:b.sqlite3") == tmp_path / "a:b.sqlite3"
    assert (
        parse_location(r"C:\Users\hue\huedesk.sqlite3")
        == tmp_path / r"C:\Users\hue\huedesk.sqlite3"
    )
    assert parse_location(f"sqlite:///{tmp_path}/x.sqlite3") == tmp_path / "x.sqlite3"
    assert parse_location(tmp_path / "y.sqlite3") == tmp_path / "y.sqlite3"


def test_server_urls_are_servers_with_the_password_hidden() -> None:
    url = parse_location("postgresql://hue:bí-mật@db.so-ngoai-vu:5433/huedesk")
    assert url == ServerURL("postgresql+psycopg://hue:bí-mật@db.so-ngoai-vu:5433/huedesk")
    assert isinstance(url, ServerURL) and url.dialect == "postgresql"
    assert str(url) == "postgresql+psycopg://hue:***@db.so-ngoai-vu:5433/huedesk"
    assert url.name == "db.so-ngoai-vu-5433-huedesk"
    assert parse_location("postgresql+psycopg://hue@host/db") == ServerURL(
        "postgresql+psycopg://hue@host/db"
    )


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("mysql://root@localhost/huedesk", "does not work with 'mysql' databases"),
        ("https://example.org/huedesk.sqlite3", "does not work with 'https' databases"),
        ("postgresql+psycopg:huedesk", "neither a file nor a URL"),
        ("postgresql://hue@host/", "names no database"),
        ("sqlite://huedesk.sqlite3", "sqlite:///PATH"),
    ],
)
def test_unknown_or_malformed_urls_are_refused(text: str, says: str) -> None:
    with pytest.raises(DatabaseError, match=says) as exc:
        parse_location(text)
    assert "\n" not in exc.value.message("en")


def test_the_environment_variable_is_read_the_same_way(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUEDESK_DB", "oracle://scott@tiger/huedesk")
    with pytest.raises(DatabaseError, match="'oracle'"):
        resolve_location()


@pytest.mark.parametrize(
    "url",
    ["postgresql+psycopg:huedesk", "redis://localhost/0", "postgresql+psycopg://hue:pw@/huedesk"],
)
def test_the_command_line_refuses_in_one_line_and_creates_nothing(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["--db", url, "demo", "--records", "50"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("huedesk: ") and err.count("\n") == 1, err
    assert "pw" not in err
    assert list(work.iterdir()) == []


@pytest.mark.parametrize("how", ["path", "text", "sqlite-url"])
def test_a_servers_stand_in_path_is_refused_and_creates_nothing(
    how: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stand_in = ServerURL("postgresql+psycopg://hue@db.so-ngoai-vu/huedesk").local
    work = tmp_path / "work"
    given = work / "servers" / stand_in.name
    text = {"path": str(given), "text": str(given), "sqlite-url": f"sqlite:///{given}"}[how]
    with pytest.raises(DatabaseError, match="give the server's URL"):
        parse_location(given if how == "path" else text)
    assert main(["--db", text, "demo", "--records", "50"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("huedesk: ") and err.count("\n") == 1, err
    assert not work.exists()

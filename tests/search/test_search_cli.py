"""``huedesk search`` and ``huedesk reindex`` through the real entry point."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from huedesk.cli import main as cli
from huedesk.db.engine import Database

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(
    db: Database,
    sample: dict[str, Any],
    db_arg: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Run:
    """Run ``huedesk --db <sample database> ARGS``; returns (exit code, stdout, stderr)."""
    db.dispose()  # the command opens the file itself

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = cli.main(["--db", db_arg, *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    return invoke


def test_search_prints_groups(run: Run) -> None:
    code, out, _ = run("search", "kim min")
    assert code == 0
    assert "Đoàn (1)" in out and "Cá nhân (1)" in out
    assert "ĐV-2025-0001" in out and "Kim Min-jun" in out
    assert "<b>" not in out


def test_search_json_kind_and_limit(run: Run) -> None:
    argv = ("--json", "--kind", "consular_case", "--limit", "1")
    code, out, _ = run("search", "LS-2025-0007", *argv)
    assert code == 0
    hits = json.loads(out)
    assert len(hits) == 1
    assert hits[0]["ref"] == "LS-2025-0007" and hits[0]["kind"] == "consular_case"
    assert set(hits[0]) == {"kind", "record_id", "ref", "title", "snippet", "snippet_html", "score"}


def test_search_nothing_found_and_hostile(run: Run) -> None:
    code, _out, err = run("search", '"NEAR( hue* ^:')
    assert code == 0 and err == ""
    code, out, _ = run("search", "zzzz")
    assert code == 0 and "Không tìm thấy" in out


def test_unknown_kind_is_a_usage_error(run: Run) -> None:
    with pytest.raises(SystemExit) as exc:
        run("search", "hue", "--kind", "delegation_member")
    assert exc.value.code == 2


def test_reindex(run: Run) -> None:
    code, out, err = run("reindex")
    assert code == 0
    assert "Đã lập chỉ mục" in out
    assert "100%" in err
    code, out, _ = run("search", "salav", "--json")
    assert any(h["title"] == "Tỉnh Salavan" for h in json.loads(out))

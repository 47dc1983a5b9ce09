"""The public render API: atomic output, unknown kinds and records."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.platypus import Flowable

from huedesk.briefs import frame, render_brief
from huedesk.briefs.markup import esc
from huedesk.cli import main as cli
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError, NotFoundError
from tests.briefs import samples


class _Broken(Flowable):
    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        raise RuntimeError("layout failed")


def test_failed_build_keeps_the_old_file_and_leaves_no_part(
    db: Database, visit: samples.Visit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "brief.pdf"
    out.write_bytes(b"previous version")
    real = frame.build_pdf

    def broken(
        path: Path, header: frame.BriefHeader, story: list[Flowable], appendix: list[Flowable]
    ) -> Path:
        return real(path, header, [*story, _Broken()], appendix)

    monkeypatch.setattr("huedesk.briefs.render.build_pdf", broken)
    with pytest.raises(RuntimeError):
        render_brief(db, "delegation", visit.delegation_id, out)
    assert out.read_bytes() == b"previous version"
    assert sorted(p.name for p in folder.iterdir()) == ["brief.pdf"]


def test_unknown_kind_record_and_language(db: Database, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    with pytest.raises(HueDeskError, match="partnership"):
        render_brief(db, "partnership", 1, tmp_path / "x.pdf")
    with pytest.raises(NotFoundError):
        render_brief(db, "delegation", 12345, tmp_path / "x.pdf")
    with pytest.raises(NotFoundError):
        render_brief(db, "consular_case", 12345, tmp_path / "x.pdf")
    with pytest.raises(HueDeskError):
        render_brief(db, "delegation", 1, tmp_path / "x.pdf", lang="fr")
    assert not tmp_path.exists() or list(tmp_path.iterdir()) == []


def test_escape_helper_normalises_and_escapes() -> None:
    decomposed = "Hue\u0302\u0301"  # "Huế" typed with combining marks
    assert esc(decomposed) == "Huế"
    assert esc("a<b>&c") == "a&lt;b&gt;&amp;c"
    assert esc("dòng 1\r\ndòng 2") == "dòng 1<br/>dòng 2"
    assert esc(None) == ""


def test_brief_is_registered_with_the_huedesk_command() -> None:
    argv = ["brief", "case", "LS-2025-0001", "-o", "x.pdf"]
    args = cli.build_parser(argv).parse_args(argv)
    assert args.handler.__name__ == "_case" and args.redact is False and args.lang == "vi"

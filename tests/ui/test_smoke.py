"""The build's self-check (``huedesk -m huedesk.ui.smoke``) opens, draws, prints and closes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtGui import QImage

from huedesk.briefs import render_year_review
from huedesk.db.engine import Database
from huedesk.ui import smoke


def test_smoke_opens_the_window_prints_and_closes(
    qapp: Any, db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = render_year_review(db, 2025, tmp_path / "year.pdf")
    db.dispose()
    shot = tmp_path / "window.png"
    assert smoke.main([str(db_path), "--print", str(brief), "--screenshot", str(shot)]) == 0
    pages = len(pypdf.PdfReader(brief).pages)
    assert f"window ok: 1366x768, printed {pages} page(s)" in capsys.readouterr().out
    assert QImage(str(shot)).size().width() == 1366

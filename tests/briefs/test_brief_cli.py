"""``huedesk brief``: outputs, references typed without tone marks, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from huedesk.cli import main as cli
from tests.briefs import samples
from tests.briefs.conftest import pdf_text


def run(db: str, *args: str) -> int:
    return cli.main(["--db", db, "--user", "kiemthu", "brief", *args])


def test_each_brief_kind_from_the_command_line(
    db_arg: str,
    visit: samples.Visit,
    case: samples.Case,
    aid: samples.Aid,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out"
    assert run(db_arg, "delegation", visit.ref, "-o", str(out / "d.pdf")) == 0
    assert capsys.readouterr().out.strip() == str(out / "d.pdf")
    assert "Nguyễn Thị Hương" in pdf_text(out / "d.pdf")

    # "ĐV-2025-0001" typed on a keyboard without Vietnamese input
    ascii_ref = visit.ref.replace("Đ", "D")
    assert run(db_arg, "delegation", ascii_ref, "-o", str(out / "d2.pdf"), "--lang", "en") == 0
    assert "Briefing for the City leaders receiving" in pdf_text(out / "d2.pdf")

    assert run(db_arg, "case", case.ref, "-o", str(out / "c.pdf"), "--redact") == 0
    assert case.passport not in pdf_text(out / "c.pdf")

    assert run(db_arg, "aid", aid.ref, "-o", str(out / "a.pdf")) == 0
    assert "6.350.000.000" in pdf_text(out / "a.pdf")
    assert run(db_arg, "aid", "--donor", "quy hy vong", "-o", str(out / "ad.pdf")) == 0
    assert "viện trợ của Quỹ Hy vọng & Tương lai" in pdf_text(out / "ad.pdf")
    assert run(db_arg, "aid", "--year", "2025", "-o", str(out / "ay.pdf")) == 0
    assert "Năm 2025" in pdf_text(out / "ay.pdf")


def test_unknown_reference_is_one_line_and_exit_2(
    db_arg: str, visit: samples.Visit, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "none.pdf"
    assert run(db_arg, "delegation", "ĐV-1999-9999", "-o", str(out)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ĐV-1999-9999" in err and "Traceback" not in err
    assert run(db_arg, "case", "LS-1999-0001", "-o", str(out), "--lang", "en") == 2
    assert capsys.readouterr().err.startswith("huedesk: No consular case")
    assert run(db_arg, "aid", "--donor", "Không có ai", "-o", str(out)) == 2
    assert not out.exists()


def test_usage_errors_exit_2(db_arg: str, tmp_path: Path) -> None:
    for args in (
        ["aid", "-o", str(tmp_path / "x.pdf")],  # no scope
        ["aid", "VT-2025-0001", "--year", "2025", "-o", str(tmp_path / "x.pdf")],
        ["aid", "--year", "25", "-o", str(tmp_path / "x.pdf")],
        ["delegation", "ĐV-2025-0001"],  # no -o
        ["case", "LS-2025-0001", "-o", str(tmp_path / "x.pdf"), "--lang", "fr"],
    ):
        with pytest.raises(SystemExit) as exc:
            run(db_arg, *args)
        assert exc.value.code == 2, args


def test_full_history_and_year_detail_from_the_command_line(
    db_arg: str, visit: samples.Visit, aid: samples.Aid, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert run(db_arg, "delegation", visit.ref, "--full", "-o", str(out / "f.pdf")) == 0
    assert "PHỤ LỤC" in pdf_text(out / "f.pdf")
    assert run(db_arg, "aid", "--year", "2025", "--detail", "-o", str(out / "y.pdf")) == 0
    assert "CHI TIẾT GIAO DỊCH VIỆN TRỢ NĂM 2025" in pdf_text(out / "y.pdf")
    assert run(db_arg, "aid", aid.ref, "--detail", "-o", str(out / "x.pdf")) == 2
    assert not (out / "x.pdf").exists()

"""A brief issued as a báo cáo, a công văn or a tờ trình, laid out as Decree 30/2020 says.

Read back from the drawn strings with their positions: a công văn has no type name,
its symbol is the agency's and the drafting unit's, and its summary follows "V/v"
under the number; a tờ trình has its type name and summary; both name whom they
are sent to ("Kính gửi"), end with the sentence that sends or submits them, and
put "Như trên" first among the recipients.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from huedesk.briefs import render_aid_statement, render_brief
from huedesk.briefs.frame import MARGIN_LEFT, MARGIN_RIGHT, PAGE_WIDTH
from huedesk.db.engine import Database
from huedesk.errors import HueDeskError
from tests.briefs import samples
from tests.briefs.conftest import pdf_text
from tests.briefs.layout import Drawn, drawn
from tests.briefs.test_brief_cli import run

TEXT_CENTRE = MARGIN_LEFT + (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / 2


def _head(pdf: Path) -> tuple[list[Drawn], list[Drawn]]:
    items = drawn(pdf)
    return [d for d in items if d.page == 1], items


def _starting(items: list[Drawn], *prefixes: str) -> Drawn:
    return next(d for d in items if d.text.startswith(prefixes))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_cong_van_has_vv_under_the_number_and_names_its_addressee(
    db: Database, visit: samples.Visit, tmp_path: Path, lang: str
) -> None:
    pdf = render_brief(
        db, "delegation", visit.delegation_id, tmp_path / "cv.pdf", lang=lang, doc="CV"
    )
    first, items = _head(pdf)
    number = _starting(first, "Số:", "No.:")
    assert number.text.endswith("/SNV-HTQT")  # the agency's and the drafting unit's symbol
    vv = _starting(first, "V/v ", "Re: ")
    assert vv.size == 12.5 and vv.font == "Tinos"
    assert vv.y < number.y and abs(vv.centre - number.centre) < 1.0  # centred under the number
    to = _starting(first, "Kính gửi:", "To:")
    expected = "Kính gửi: UBND thành phố Huế" if lang == "vi" else "To: Huế City People's Committee"
    assert to.text == expected and to.size == 14 and abs(to.centre - TEXT_CENTRE) < 1.0
    assert to.y < vv.y
    texts = [d.text for d in items]
    assert not {"BÁO CÁO", "CÔNG VĂN", "REPORT", "LETTER"} & set(texts)  # no type name
    text = pdf_text(pdf)
    closing = (
        "Sở Ngoại vụ kính gửi UBND thành phố Huế để theo dõi, chỉ đạo./."
        if lang == "vi"
        else "The Department of Foreign Affairs sends this to the Huế City People's Committee "
        "for information and direction."
    )
    assert closing in text
    recipients = "Nơi nhận: - Như trên;" if lang == "vi" else "Recipients: - As above;"
    assert recipients in text
    assert text.index(closing) < text.index(recipients)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_to_trinh_has_its_type_its_summary_then_the_addressee(
    db: Database, aid: samples.Aid, tmp_path: Path, lang: str
) -> None:
    pdf = render_aid_statement(
        db, tmp_path / "t.pdf", project_id=aid.project_id, lang=lang, doc="TTr"
    )
    first, _items = _head(pdf)
    assert _starting(first, "Số:", "No.:").text.endswith("/TTr-SNV")
    kind = next(d for d in first if d.text in ("TỜ TRÌNH", "SUBMISSION"))
    assert kind.font == "Tinos-Bold" and kind.size == 14 and abs(kind.centre - TEXT_CENTRE) < 1.0
    summary = [d for d in first if d.font == "Tinos-Bold" and d.size == 14 and d.y < kind.y]
    to = _starting(first, "Kính gửi:", "To:")
    assert summary and to.y < min(d.y for d in summary)
    text = pdf_text(pdf)
    if lang == "vi":
        assert "Sở Ngoại vụ kính trình UBND thành phố Huế xem xét, quyết định./." in text
        assert "- Như trên;" in text
    else:
        assert "submits this to the Huế City People's Committee for consideration" in text


def test_bao_cao_stays_as_it_was_and_an_addressee_is_named_once(
    db: Database, visit: samples.Visit, case: samples.Case, tmp_path: Path
) -> None:
    text = pdf_text(render_brief(db, "delegation", visit.delegation_id, tmp_path / "bc.pdf"))
    assert "BÁO CÁO" in text and "Kính gửi" not in text and "Như trên" not in text
    assert "/BC-SNV" in text
    # The case summary goes to the Consular Department, which its recipients also list.
    to = "Cục Lãnh sự - Bộ Ngoại giao"
    pdf = render_brief(db, "consular_case", case.case_id, tmp_path / "c.pdf", doc="CV", to=to)
    text = pdf_text(pdf)
    assert f"Kính gửi: {to}" in text and text.count(to) == 2  # "Kính gửi" and the closing
    assert "- Như trên;" in text


def test_an_appendix_names_the_kind_it_is_attached_to(
    db: Database, visit: samples.Visit, tmp_path: Path
) -> None:
    pdf = render_brief(
        db, "delegation", visit.delegation_id, tmp_path / "f.pdf", full=True, doc="TTr"
    )
    assert "(Kèm theo Tờ trình số" in pdf_text(pdf)


def test_hostile_kinds_and_addressees_are_refused_in_one_line(
    db: Database, visit: samples.Visit, tmp_path: Path
) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(HueDeskError) as exc:
        render_brief(db, "delegation", visit.delegation_id, out, doc="TL")
    assert "TL" in exc.value.message("en") and "\n" not in exc.value.message("vi")
    with pytest.raises(HueDeskError) as exc:
        render_brief(db, "delegation", visit.delegation_id, out, doc="CV", to="Sở " * 120)
    assert "200" in exc.value.message("en")
    assert not out.exists()


def test_kind_and_addressee_from_the_command_line(
    db_arg: str,
    visit: samples.Visit,
    aid: samples.Aid,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out"
    args = ["delegation", visit.ref, "--as", "to-trinh", "-o", str(out / "t.pdf")]
    assert run(db_arg, *args, "--to", "Chủ tịch UBND thành phố") == 0
    text = pdf_text(out / "t.pdf")
    assert "TỜ TRÌNH" in text and "Kính gửi: Chủ tịch UBND thành phố" in text
    assert run(db_arg, "aid", aid.ref, "--as", "cong-van", "-o", str(out / "a.pdf")) == 0
    assert "V/v Tình hình cam kết" in pdf_text(out / "a.pdf")
    capsys.readouterr()
    # "Kính gửi" on a báo cáo is refused, not silently dropped
    bad = ["delegation", visit.ref, "--to", "Bộ Ngoại giao", "-o", str(out / "b.pdf")]
    assert run(db_arg, *bad) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--to" in err and not (out / "b.pdf").exists()
    with pytest.raises(SystemExit) as exc:
        run(db_arg, "delegation", visit.ref, "--as", "quyet-dinh", "-o", str(out / "q.pdf"))
    assert exc.value.code == 2

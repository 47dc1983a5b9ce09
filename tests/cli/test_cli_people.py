"""The command line as a new user meets it: field help, names instead of ids, child rows, warnings."""

from __future__ import annotations

import pytest

from huedesk.cli.main import main


def _run(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_kind_help_lists_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["add", "fdi_project", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for key in ("name", "investor_id", "country_code", "sector", "registered_capital", "currency"):
        assert f"\n  {key} " in out, key
    assert "manufacturing (Công nghiệp chế biến)" in out  # allowed values with labels
    assert "TC-2025-0001" in out  # references by reference number
    line = next(x for x in out.splitlines() if x.strip().startswith("registered_capital"))
    assert " có " in line  # required
    assert "huedesk add fdi_project" in out and "currency=USD" in out
    with pytest.raises(SystemExit):
        main(["add", "aid_transaction", "--lang", "en", "--help"])
    out = capsys.readouterr().out
    assert "rate_to_vnd" in out and "--project" in out and "required" in out


def test_a_new_users_session(db_arg: str, capsys: pytest.CaptureFixture[str]) -> None:
    db = db_arg
    code, out, _ = _run(
        capsys,
        db,
        "add",
        "organisation",
        "name=Tỉnh Nara",
        "org_type=partner_locality",
        "country_code=Nhật Bản",
    )
    assert code == 0 and out.strip() == "TC-2026-0001"
    code, out, err = _run(
        capsys,
        db,
        "add",
        "partnership",
        "partner_id=Tỉnh Nara",
        "country_code=LA",
        "level=province",
        "relation_type=cooperation",
        "status=established",
    )
    assert code == 0 and out.startswith("HT-")
    assert "cảnh báo / warning: country_code (Quốc gia): là Lào (LA)" in err
    _run(capsys, db, "add", "organisation", "name=KOICA", "org_type=donor", "country_code=KR")
    code, out, _ = _run(
        capsys,
        db,
        "add",
        "aid_project",
        "title=Trạm y tế",
        "donor_id=KOICA",
        "sector=health",
        "committed_amount=657.894,74",
        "currency=USD",
        "status=approved",
        "approved_on=01/03/2025",
    )
    project = out.strip()
    assert project == "VT-2025-0001"
    for amount in ("100.000", "50.000"):
        code, out, err = _run(
            capsys,
            db,
            "add",
            "aid_transaction",
            f"project_id={project}",
            "tx_type=disbursement",
            "value_date=05/03/2025",
            f"amount={amount}",
            "currency=USD",
            "rate_to_vnd=25.450",
        )
        assert code == 0, err
    assert out.strip() == f"{project}/2"

    code, out, _ = _run(capsys, db, "list", "aid_transaction", "--project", project)
    lines = out.splitlines()
    assert lines[0].startswith("Số |")
    assert lines[1].startswith(f"{project}/1 |") and "100.000 USD" in lines[1]
    assert "2.545.000.000" in lines[1]  # 100,000 USD at 25,450 đồng
    code, out, _ = _run(capsys, db, "list", "aid_project")
    assert "657.894,74 USD" in out

    code, out, _ = _run(capsys, db, "show", "aid_transaction", f"{project}/2")
    assert code == 0 and f"Số: {project}/2" in out and "50.000 USD" in out
    code, out, _ = _run(capsys, db, "set", "aid_transaction", f"{project}/2", "amount=60.000")
    assert code == 0
    code, out, _ = _run(capsys, db, "show", "aid_transaction", f"{project}/2", "--lang", "en")
    assert "USD 60,000" in out
    code, out, _ = _run(capsys, db, "delete", "aid_transaction", f"{project}/2", "--yes")
    assert code == 0
    code, _, err = _run(capsys, db, "show", "aid_transaction", f"{project}/2")
    assert code == 2 and "có 1" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("amount=1.5.5",), "amount (Số tiền): '1.5.5' không phải số hợp lệ"),
        (("amount=100", "rate_to_vnd=1e-30"), "rate_to_vnd (Tỷ giá quy đổi (đồng)): '1e-30'"),
        (("amount=2500.50",), "hãy viết 2.500,50"),
    ],
)
def test_bad_values_name_the_key_to_type(
    db_arg: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], says: str
) -> None:
    db = db_arg
    _run(capsys, db, "add", "organisation", "name=KOICA", "org_type=donor")
    _run(
        capsys,
        db,
        "add",
        "aid_project",
        "title=X",
        "donor_id=KOICA",
        "sector=health",
        "committed_amount=1.000",
        "currency=USD",
        "status=approved",
        "approved_on=01/03/2025",
    )
    base = ["project_id=VT-2025-0001", "tx_type=disbursement", "value_date=05/03/2025"]
    code, _, err = _run(
        capsys, db, "add", "aid_transaction", *base, "currency=USD", "rate_to_vnd=25.450", *args
    )
    assert code == 2 and says in err, err
    assert len(err.strip().splitlines()) == 1


def test_fdi_capital_without_currency_is_refused(
    db_arg: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_arg
    base = (
        "add",
        "fdi_project",
        "name=Nhà máy",
        "country_code=JP",
        "sector=manufacturing",
        "status=licensed",
    )
    code, _, err = _run(capsys, db, *base, "registered_capital=4500000")
    assert code == 2 and "registered_capital (Vốn đăng ký)" in err and "currency=USD" in err
    code, out, _ = _run(capsys, db, *base, "registered_capital=4.500.000", "currency=USD")
    assert code == 0
    code, out, _ = _run(capsys, db, "show", "fdi_project", out.strip())
    assert "Vốn đăng ký: 4.500.000 USD" in out


def test_child_options_that_do_not_fit_are_refused(
    db_arg: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_arg
    code, _, err = _run(capsys, db, "list", "aid_transaction", "--delegation", "ĐV-2025-0001")
    assert code == 2 and "--project" in err
    code, _, err = _run(capsys, db, "show", "delegation_member", "17")
    assert code == 2 and "ĐV-2025-0003/2" in err

"""The command line signs in and obeys the same roles as the services."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyzipper

from huedesk.accounts import AccountService, Principal
from huedesk.db.engine import Database
from huedesk.records import RecordService
from tests.access.conftest import PASSWORD
from tests.access.sample import one_of_each

PW = {"HUEDESK_PASSWORD": PASSWORD}
NEW_CASE = (
    "title=Mất hộ chiếu Osaka",
    "case_type=lost_documents",
    "country_code=JP",
    "opened_on=01/06/2026",
    "status=open",
    "information_source=family",
)


def test_first_run_init_then_every_command_signs_in(cli, db: Database) -> None:
    res = cli("--user", "quantri", "user", "init", env={"HUEDESK_NEW_PASSWORD": "mat-khau-dau"})
    assert res.code == 0, res.err
    assert "quantri" in res.out
    res = cli("--user", "quantri", "user", "init", env={"HUEDESK_NEW_PASSWORD": "mat-khau-dau"})
    assert res.code == 2 and "Đã có tài khoản" in res.err
    # No password available (no variable, no terminal): refused with a clear line.
    res = cli("--user", "quantri", "audit")
    assert res.code == 2
    assert res.err.startswith("huedesk: Cần mật khẩu của 'quantri'")
    assert "Traceback" not in res.err
    res = cli("--user", "quantri", "audit", env={"HUEDESK_PASSWORD": "sai-mat-khau"})
    assert (res.code, res.err.strip()) == (2, "huedesk: Sai tên đăng nhập hoặc mật khẩu.")
    res = cli("--user", "quantri", "audit", env={"HUEDESK_PASSWORD": "mat-khau-dau"})
    assert res.code == 0 and "quantri" in res.out


def test_init_without_a_password_source_is_refused(cli, db: Database) -> None:
    res = cli("user", "init", "quantri")
    assert res.code == 2 and "HUEDESK_NEW_PASSWORD" in res.err
    assert not AccountService(db).has_accounts()


def test_user_management_commands(cli, db: Database, accounts: dict[str, Principal]) -> None:
    new = {"HUEDESK_NEW_PASSWORD": "mat-khau-moi-9", **PW}
    res = cli("--user", "quantri", "user", "add", "hoa", "--role", "consular_officer", env=new)
    assert res.code == 0, res.err
    res = cli("--user", "quantri", "user", "list", "--lang", "en", env=PW)
    lines = res.out.splitlines()
    assert lines[0].split() == ["User", "Name", "Role", "Active", "Last", "sign-in"]
    assert any(line.startswith("hoa ") and "Consular officer" in line for line in lines)
    assert cli("--user", "quantri", "user", "disable", "hoa", env=PW).code == 0
    res = cli("--user", "hoa", "audit", env={"HUEDESK_PASSWORD": "mat-khau-moi-9"})
    assert res.code == 2 and "đã bị khóa" in res.err
    assert cli("--user", "quantri", "user", "enable", "hoa", env=PW).code == 0
    res = cli("--user", "quantri", "user", "role", "hoa", "viewer", "--lang", "en", env=PW)
    assert res.out.strip() == "'hoa' is now viewer."
    # Own password: the old one is checked, the new one is used from then on.
    env = {"HUEDESK_PASSWORD": "mat-khau-moi-9", "HUEDESK_NEW_PASSWORD": "mat-khau-moi-10"}
    assert cli("--user", "hoa", "user", "passwd", env=env).code == 0
    assert AccountService(db).authenticate("hoa", "mat-khau-moi-10").name == "hoa"


def test_roles_from_the_command_line(cli, db: Database, accounts: dict[str, Principal]) -> None:
    new = {"HUEDESK_NEW_PASSWORD": "mat-khau-moi-9", **PW}
    for user in ("canbo", "lanhsu", "xem"):
        res = cli("--user", user, "user", "add", "x" + user, "--role", "admin", env=new)
        assert res.code == 2 and "quản trị viên" in res.err
        res = cli("--user", user, "user", "list", env=PW)
        assert res.code == 2
    res = cli("--user", "canbo", "privacy", "review", "--lang", "en", env=PW)
    assert res.code == 2
    assert res.err.strip() == (
        "huedesk: Only consular officers and administrators may access consular cases."
    )
    res = cli("--user", "lanhsu", "privacy", "review", "--lang", "en", env=PW)
    assert res.code == 0 and "No closed case older than 5 years" in res.out
    res = cli("--user", "ai-do", "audit", env=PW)
    assert res.code == 2 and "Sai tên đăng nhập" in res.err


def test_privacy_commands(
    cli, db: Database, accounts: dict[str, Principal], tmp_path: Path
) -> None:
    svc = RecordService(db, "lanhsu")
    ids = one_of_each(svc)
    case = ids["consular_case"]
    for status in ("in_progress", "resolved", "closed"):
        svc.update("consular_case", case, {"status": status})
    svc.update("consular_case", case, {"opened_on": "01/01/2015", "closed_on": "30/06/2016"})
    ref = svc.get("consular_case", case)["ref"]
    res = cli("--user", "lanhsu", "privacy", "review", env=PW)
    assert res.code == 0
    assert res.out.splitlines()[1].split()[:4] == [ref, "30/06/2016", "Đã", "đóng"]
    res = cli("--user", "lanhsu", "privacy", "anonymise", ref, env=PW)
    assert res.code == 2 and "--yes" in res.err
    res = cli("--user", "xem", "privacy", "anonymise", ref, "--yes", env=PW)
    assert res.code == 2
    res = cli("--user", "lanhsu", "privacy", "anonymise", ref, "--yes", "--lang", "en", env=PW)
    assert res.code == 0 and res.out.startswith(f"{ref} anonymised: 0 people, 1 actions")
    assert svc.get("consular_case", case)["closed_on"] == dt.date(2016, 6, 30)

    src = tmp_path / "bundle"
    src.mkdir()
    (src / "data.csv").write_text("a,b\n", encoding="utf-8")
    dest = tmp_path / "bundle.zip"
    env = {"HUEDESK_EXPORT_PASSPHRASE": "cum mat khau xuat", **PW}
    res = cli("--user", "canbo", "privacy", "encrypt", str(src), str(dest), env=env)
    assert res.code == 0, res.err
    with pyzipper.AESZipFile(dest) as zf:
        zf.setpassword(b"cum mat khau xuat")
        assert zf.read("data.csv") == b"a,b\n"


def test_record_search_and_brief_commands_obey_roles(
    cli, db: Database, accounts: dict[str, Principal], tmp_path: Path
) -> None:
    event = ("title=Tuần lễ Huế", "event_type=festival", "start_date=01/06/2026", "status=planned")
    res = cli("--user", "xem", "add", "event", *event, env=PW)
    assert res.code == 2 and "chỉ được xem" in res.err
    res = cli("--user", "canbo", "add", "consular_case", *NEW_CASE, env=PW)
    assert res.code == 2 and "lãnh sự" in res.err
    res = cli("--user", "lanhsu", "add", "consular_case", *NEW_CASE, env=PW)
    assert res.code == 0, res.err
    ref = RecordService(db, "lanhsu").list("consular_case").rows[0]["ref"]
    assert "Osaka" in cli("--user", "lanhsu", "search", "Osaka", env=PW).out
    officer = cli("--user", "canbo", "search", "Osaka", env=PW)
    assert officer.code == 0 and "Osaka" not in officer.out
    res = cli("--user", "canbo", "search", "Osaka", "--kind", "consular_case", env=PW)
    assert res.code == 2
    res = cli("--user", "canbo", "list", "consular_case", env=PW)
    assert res.code == 2
    out = tmp_path / "case.pdf"
    res = cli("--user", "canbo", "brief", "case", ref, "-o", str(out), "--redact", env=PW)
    assert res.code == 2 and not out.exists()

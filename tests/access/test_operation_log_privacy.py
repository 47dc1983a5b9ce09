"""The operation log's undo data: gone with a deleted or anonymised record, kept 30 days,
masked for roles that may not see personal data (api and command line, each role)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from huedesk import clock
from huedesk.accounts import Principal
from huedesk.db.engine import Database
from huedesk.db.models import OperationLog
from huedesk.errors import HueDeskError, PermissionDenied
from huedesk.privacy.retention import anonymise_case
from huedesk.records.operation_log import undo_days
from huedesk.workspace import Workspace
from tests.access.conftest import PASSWORD, CliResult
from tests.backends import ON_SERVER
from tests.sheets import checked_csv

PASSPORT = "K9988776"
PHONE = "0905 111 222"
T0 = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)


def _bodies(db: Database) -> str:
    with db.read() as s:
        return "\n".join(s.scalars(select(OperationLog.body)))


def _raw_file(db: Database, db_path: Path) -> bytes:
    db.dispose()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db_path.read_bytes()


def _merged_victim(consular: Workspace) -> tuple[int, int, int]:
    """A person in a closed consular case, into whom a duplicate with a passport number and
    a phone was merged; returns (case id, person id, operation id)."""
    victim = consular.records.create("person", {"full_name": "Phan Văn Nạn"})["id"]
    twin = consular.records.create(
        "person", {"full_name": "PHAN VAN NAN", "passport_no": PASSPORT, "phone": PHONE}
    )["id"]
    case = consular.records.create(
        "consular_case",
        {
            "case_type": "citizen_protection",
            "title": "Công dân gặp nạn tại Seoul",
            "country_code": "KR",
            "opened_on": "01/03/2019",
            "status": "open",
            "information_source": "family",
        },
    )["id"]
    consular.records.create(
        "case_person", {"case_id": case, "person_id": victim, "role": "subject"}
    )
    done = consular.operations.merge("person", victim, twin)
    for status in ("in_progress", "resolved", "closed"):
        consular.records.update("consular_case", case, {"status": status})
    consular.records.update("consular_case", case, {"closed_on": dt.date(2019, 6, 30)})
    return case, victim, done.operation_id


def _merge_with_personal_data(db: Database, accounts: dict[str, Principal]) -> tuple[int, int]:
    """A consular officer merged a person with a passport number; (kept id, operation)."""
    consular = Workspace(db, accounts["lanhsu"])
    keep = consular.records.create("person", {"full_name": "Trần Thị Bình"})["id"]
    other = consular.records.create(
        "person",
        {"full_name": "Tran Thi Binh", "passport_no": PASSPORT, "position": "Giám đốc"},
    )["id"]
    return keep, consular.operations.merge("person", keep, other).operation_id


def test_anonymising_a_case_removes_the_undo_data_of_its_people(
    db: Database, db_path: Path, accounts: dict[str, Principal]
) -> None:
    consular = Workspace(db, accounts["lanhsu"])
    case, victim, op = _merged_victim(consular)
    assert PASSPORT in _bodies(db) and PHONE in _bodies(db)
    ref = consular.records.get("consular_case", case)["ref"]
    result = anonymise_case(db, "lanhsu", ref)
    assert result.undo_data_removed == 1
    assert PASSPORT not in _bodies(db) and "PHAN VAN NAN" not in _bodies(db)
    with pytest.raises(HueDeskError) as refused:
        consular.operations.undo(op)
    assert refused.value.message("en") == (
        f"Operation {op} cannot be undone: its undo data was removed when a record was anonymised."
    )
    assert "\n" not in refused.value.vi
    info = consular.operations.recent()[0]
    assert (info.undoable, info.note) == (False, "anonymised")
    assert consular.operations.detail(op, "en") == [refused.value.en]
    # The person is still there, anonymised, and nothing of the merge brings the data back.
    assert consular.records.get("person", victim)["passport_no"] is None
    if not ON_SERVER:  # the bytes of the database file (a server keeps its own pages)
        raw = _raw_file(db, db_path)
        assert PASSPORT.encode() not in raw and PHONE.encode() not in raw


def test_deleting_the_kept_record_removes_the_undo_data(
    db: Database, accounts: dict[str, Principal]
) -> None:
    consular = Workspace(db, accounts["lanhsu"])
    keep, op = _merge_with_personal_data(db, accounts)
    consular.records.delete("person", keep)
    assert PASSPORT not in _bodies(db)
    with pytest.raises(HueDeskError, match="removed with a deleted record"):
        consular.operations.undo(op)
    assert consular.operations.recent()[0].note == "deleted"


def test_an_import_loses_its_undo_data_with_a_record_it_changed_not_one_it_added(
    db: Database, accounts: dict[str, Principal], tmp_path: Path
) -> None:
    officer = Workspace(db, accounts["canbo"])
    gifu = officer.records.create(
        "organisation", {"name": "Tỉnh Gifu", "org_type": "partner_locality", "country_code": "JP"}
    )
    sheet = tmp_path / "to-chuc.csv"
    sheet.write_text(
        "Tên;Loại;Quốc gia\nTỉnh Nara;Địa phương đối tác;JP\nOsaka;Khác;JP\n", encoding="utf-8"
    )
    added = officer.sheets.import_(officer.sheets.preview(sheet, "organisation")).operation_id
    sheet.write_text(
        f"Số hiệu;Tên;Loại;Quốc gia;Trang web\n{gifu['ref']};Tỉnh Gifu;Địa phương đối tác;JP;"
        "https://gifu.jp\n",
        encoding="utf-8",
    )
    changed = officer.sheets.import_(officer.sheets.preview(sheet, "organisation")).operation_id
    assert added and changed
    # Deleting a record an import added leaves that import undoable (it held no values).
    officer.records.delete("organisation", officer.records.locate("organisation", "Osaka"))
    officer.records.delete("organisation", gifu["id"])
    notes = {o.id: o.note for o in officer.operations.recent()}
    assert notes == {added: None, changed: "deleted"}
    assert "gifu.jp" not in _bodies(db)
    assert officer.operations.undo(added).removed == 1
    with pytest.raises(HueDeskError, match="removed with a deleted record"):
        officer.operations.undo(changed)


def test_undo_data_is_kept_thirty_days_then_dropped(
    db: Database, accounts: dict[str, Principal], monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = Workspace(db, accounts["quantri"])
    with clock.use(clock.fixed(T0)):
        keep = admin.records.create("person", {"full_name": "Lê Văn Cường"})["id"]
        other = admin.records.create(
            "person", {"full_name": "LE VAN CUONG", "passport_no": PASSPORT}
        )["id"]
        op = admin.operations.merge("person", keep, other).operation_id
    assert undo_days() == 30
    with clock.use(clock.fixed(T0 + dt.timedelta(days=31))):
        assert admin.operations.recent()[0].note == "expired"
        with pytest.raises(HueDeskError) as refused:
            admin.operations.undo(op)
        assert refused.value.en == (
            f"Operation {op} cannot be undone: undo data is kept for 30 days only."
        )
        assert PASSPORT in _bodies(db)  # dropped at the next merge, import or undo
        a = admin.records.create("person", {"full_name": "Hồ Thị Mai"})["id"]
        b = admin.records.create("person", {"full_name": "HO THI MAI"})["id"]
        admin.operations.merge("person", a, b)
        assert PASSPORT not in _bodies(db)
        assert [o.note for o in admin.operations.recent()] == [None, "expired"]
    monkeypatch.setenv("HUEDESK_UNDO_DAYS", "60")
    with clock.use(clock.fixed(T0 + dt.timedelta(days=31))):
        assert admin.operations.recent()[0].undoable  # the newest merge, within 60 days
    monkeypatch.setenv("HUEDESK_UNDO_DAYS", "-1")
    with pytest.raises(HueDeskError, match="must be a number of days"):
        undo_days()
    with pytest.raises(HueDeskError, match="must not be negative"):
        undo_days(-1)


def test_an_undone_operation_keeps_no_undo_data(
    db: Database, accounts: dict[str, Principal]
) -> None:
    consular = Workspace(db, accounts["lanhsu"])
    _keep, op = _merge_with_personal_data(db, accounts)
    consular.operations.undo(op)
    assert PASSPORT not in _bodies(db)
    assert consular.operations.recent()[0].note == "undone"
    with pytest.raises(HueDeskError, match="undone already"):
        consular.operations.undo(op)


@pytest.mark.parametrize("user", ["quantri", "lanhsu", "canbo", "xem"])
def test_what_undo_would_bring_back_is_masked_for_each_role(
    db: Database, accounts: dict[str, Principal], user: str
) -> None:
    _keep, op = _merge_with_personal_data(db, accounts)
    lines = Workspace(db, accounts[user]).operations.detail(op, "en")
    text = "\n".join(lines)
    assert lines[0].startswith("Undo brings back") and "Tran Thi Binh" in text
    assert "Position: Giám đốc" in text
    if accounts[user].can_see_sensitive:
        assert f"Passport number: {PASSPORT}" in text
    else:
        assert PASSPORT not in text and "Passport number: •••••776" in text


@pytest.mark.parametrize("user", ["quantri", "lanhsu", "canbo", "xem"])
def test_operations_on_consular_cases_are_hidden_from_roles_that_may_not_see_them(
    db: Database, accounts: dict[str, Principal], tmp_path: Path, user: str
) -> None:
    consular = Workspace(db, accounts["lanhsu"])
    plan = checked_csv(
        consular,
        tmp_path,
        "consular_case",
        "Loại vụ việc;Tiêu đề;Quốc gia;Ngày tiếp nhận;Trạng thái;Nguồn thông tin",
        "citizen_protection;Mất hộ chiếu;KR;01/03/2025;open;family",
    )
    assert plan.counts()["ready"] == 1, plan
    op = consular.sheets.import_(plan).operation_id
    assert op is not None
    ws = Workspace(db, accounts[user])
    sees = accounts[user].can_see_sensitive
    assert [o.id for o in ws.operations.recent()] == ([op] if sees else [])
    if sees:
        assert ws.operations.detail(op)[0].startswith("Hoàn tác xóa 1")
    else:
        with pytest.raises(PermissionDenied):
            ws.operations.detail(op)
        with pytest.raises(PermissionDenied):
            ws.operations.undo(op)


@pytest.mark.parametrize("user", ["quantri", "lanhsu", "canbo", "xem"])
def test_the_command_line_shows_undo_data_masked_for_each_role(
    db: Database,
    accounts: dict[str, Principal],
    cli: Callable[..., CliResult],
    user: str,
) -> None:
    _keep, op = _merge_with_personal_data(db, accounts)
    env = {"HUEDESK_USER": user, "HUEDESK_PASSWORD": PASSWORD}
    shown = cli("undo", str(op), "--show", "--lang", "en", env=env)
    assert shown.code == 0, shown.err
    assert "Tran Thi Binh" in shown.out
    assert (PASSPORT in shown.out) == accounts[user].can_see_sensitive
    assert "merge" in cli("undo", "--lang", "en", env=env).out
    if user == "xem":
        refused = cli("undo", str(op), env=env)
        assert refused.code != 0 and len(refused.err.strip().splitlines()) == 1

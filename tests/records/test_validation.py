"""Validation names the field and the problem, in Vietnamese and English, and writes nothing."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from huedesk.errors import ValidationError
from huedesk.records import RecordService


def _problems(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, tuple[str, str]]:
    return {p.field: (p.vi, p.en) for p in exc.value.problems}


def _org(svc: RecordService, **extra: object) -> dict:
    return svc.create(
        "organisation",
        {"name": "Tỉnh Gifu", "org_type": "partner_locality", "country_code": "JP", **extra},
    )


def test_missing_required_fields_are_named(svc: RecordService) -> None:
    with pytest.raises(ValidationError) as exc:
        svc.create("delegation", {"direction": "in"})
    problems = _problems(exc)
    assert problems["title"] == ("Tên đoàn: bắt buộc phải nhập", "Delegation: is required")
    assert problems["start_date"][1] == "Start date: is required"
    assert "country_code" in problems and "status" in problems


def test_end_date_before_start_date(svc: RecordService) -> None:
    with pytest.raises(ValidationError) as exc:
        svc.create(
            "delegation",
            {
                "direction": "out",
                "title": "Đoàn ra Nhật Bản",
                "country_code": "JP",
                "start_date": "10/03/2025",
                "end_date": "01/03/2025",
                "status": "planned",
            },
        )
    assert _problems(exc) == {
        "end_date": (
            "Ngày kết thúc: không được trước ngày bắt đầu",
            "End date: must not be before the start date",
        )
    }


def test_malformed_date_is_named_with_the_expected_format(svc: RecordService) -> None:
    with pytest.raises(ValidationError) as exc:
        svc.create(
            "event",
            {
                "title": "Festival Huế 2026",
                "event_type": "festival",
                "start_date": "31/02/2026",
                "status": "planned",
            },
        )
    vi, en = _problems(exc)["start_date"]
    assert vi == (
        "Ngày bắt đầu: '31/02/2026' không phải ngày hợp lệ: không có ngày này "
        "(viết dd/mm/yyyy, ví dụ 05/03/2024)"
    )
    assert en == (
        "Start date: '31/02/2026' is not a valid date: there is no such day "
        "(write dd/mm/yyyy, e.g. 05/03/2024)"
    )


def test_negative_amount(svc: RecordService) -> None:
    donor = svc.create("organisation", {"name": "KOICA", "org_type": "donor", "country_code": "KR"})
    with pytest.raises(ValidationError) as exc:
        svc.create(
            "aid_project",
            {
                "title": "Trạm y tế",
                "donor_id": donor["id"],
                "sector": "health",
                "committed_amount": -500,
                "currency": "VND",
                "status": "approved",
            },
        )
    assert _problems(exc)["committed_amount"] == (
        "Giá trị cam kết: không được âm",
        "Committed amount: must not be negative",
    )


def test_unknown_country_code(svc: RecordService) -> None:
    with pytest.raises(ValidationError) as exc:
        _org(svc, country_code="xx")
    assert _problems(exc)["country_code"] == (
        "Quốc gia: không có quốc gia 'XX' (ghi mã ISO như JP, LA, KR hoặc tên như 'Nhật Bản')",
        "Country: there is no country 'XX' (give its ISO code such as JP, LA, KR, or its name "
        "such as 'Japan')",
    )


def test_unknown_reference_and_choice(svc: RecordService) -> None:
    with pytest.raises(ValidationError) as exc:
        svc.create("delegation_member", {"delegation_id": 999, "person_id": 998})
    problems = _problems(exc)
    assert problems["delegation_id"][1] == "Delegation: there is no delegation with id 999"
    with pytest.raises(ValidationError) as exc:
        _org(svc, org_type="spaceship")
    assert "choose:" in _problems(exc)["org_type"][1]


def test_foreign_currency_needs_a_rate_and_vnd_is_derived(svc: RecordService) -> None:
    donor = svc.create("organisation", {"name": "JICA", "org_type": "donor", "country_code": "JP"})
    project = svc.create(
        "aid_project",
        {
            "title": "Trang thiết bị y tế",
            "donor_id": donor["id"],
            "sector": "health",
            "committed_amount": "2.000.000",
            "currency": "JPY",
            "status": "approved",
        },
    )
    assert project["committed_amount"] == 2_000_000
    with pytest.raises(ValidationError) as exc:
        svc.create(
            "aid_transaction",
            {
                "project_id": project["id"],
                "tx_type": "disbursement",
                "value_date": "01/04/2025",
                "amount": 500_000,
                "currency": "JPY",
            },
        )
    assert (
        _problems(exc)["rate_to_vnd"][1]
        == "Rate to VND: a rate to VND at the value date is needed for JPY"
    )
    tx = svc.create(
        "aid_transaction",
        {
            "project_id": project["id"],
            "tx_type": "disbursement",
            "value_date": "01/04/2025",
            "amount": 500_000,
            "currency": "JPY",
            "rate_to_vnd": "172,85",
        },
    )
    assert tx["rate_to_vnd"] == Decimal("172.85")
    assert tx["amount_vnd"] == 86_425_000


def test_usd_amount_in_vietnamese_notation_is_exact(svc: RecordService) -> None:
    donor = svc.create("organisation", {"name": "UNICEF", "org_type": "international_org"})
    project = svc.create(
        "aid_project",
        {
            "title": "Nước sạch",
            "donor_id": donor["id"],
            "sector": "social",
            "committed_amount": "1.250.000,55",
            "currency": "usd",
            "status": "proposed",
        },
    )
    assert (project["committed_amount"], project["currency"]) == (125_000_055, "USD")
    # The point groups thousands in Vietnamese: ten thousand and one đồng, as HueDesk prints it.
    small = svc.create(
        "aid_project",
        {
            "title": "x",
            "donor_id": donor["id"],
            "sector": "social",
            "committed_amount": "10.001",
            "currency": "VND",
            "status": "proposed",
        },
    )
    assert small["committed_amount"] == 10_001


def test_workflow_refuses_a_skipped_step(svc: RecordService) -> None:
    d = svc.create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn Đại sứ Nhật Bản",
            "country_code": "JP",
            "start_date": "10/03/2025",
            "status": "planned",
        },
    )
    with pytest.raises(ValidationError) as exc:
        svc.update("delegation", d["id"], {"status": "reported"})
    assert _problems(exc)["status"][1] == (
        "Status: cannot go from 'Planned' to 'Reported' (allowed: Approved, Cancelled)"
    )
    for step in ("approved", "in_progress", "completed", "reported"):
        svc.update("delegation", d["id"], {"status": step})
    assert svc.get("delegation", d["id"])["status"] == "reported"


def test_text_is_stored_nfc(svc: RecordService) -> None:
    decomposed = unicodedata.normalize("NFD", "  Phường Thuận Hóa, Huế  ")
    org = _org(svc, address=decomposed)
    assert org["address"] == "Phường Thuận Hóa, Huế"
    assert unicodedata.is_normalized("NFC", org["address"])


def test_too_long_and_wrong_types(svc: RecordService) -> None:
    with pytest.raises(ValidationError) as exc:
        _org(svc, name="x" * 301, website=12)
    problems = _problems(exc)
    assert problems["name"][1] == "Name: is longer than 300 characters"
    assert problems["website"][1] == "Website: must be text"


def test_system_fields_cannot_be_set(svc: RecordService) -> None:
    with pytest.raises(ValidationError) as exc:
        _org(svc, uuid="abc", ref="TC-1999-0001", nonsense=1)
    assert set(exc.value.fields) == {"uuid", "ref", "nonsense"}


def test_refused_input_writes_nothing(svc: RecordService) -> None:
    before = svc.list("organisation").total
    with pytest.raises(ValidationError):
        _org(svc, country_code="ZZ")
    assert svc.list("organisation").total == before


def test_every_problem_of_a_record_comes_in_one_error(svc: RecordService) -> None:
    """A negative budget and an end date before the start date are both named at once
    (issue #13: the form showed the amount, then the date only after it was fixed)."""
    donor = svc.create("organisation", {"name": "KOICA", "org_type": "donor", "country_code": "KR"})
    values = {
        "title": "Trạm y tế xã",
        "donor_id": donor["id"],
        "sector": "health",
        "committed_amount": "-500.000",
        "currency": "VND",
        "start_date": "10/03/2025",
        "end_date": "01/03/2025",
        "status": "approved",
    }
    with pytest.raises(ValidationError) as exc:
        svc.create("aid_project", values)
    assert set(exc.value.fields) == {"committed_amount", "end_date"}
    # the same on an update, with a bad currency as a third problem
    project = svc.create("aid_project", {**values, "committed_amount": "500.000", "end_date": None})
    with pytest.raises(ValidationError) as exc:
        svc.update(
            "aid_project",
            project["id"],
            {"committed_amount": "-1", "end_date": "01/01/2025", "currency": "XYZ"},
        )
    assert set(exc.value.fields) == {"committed_amount", "end_date", "currency"}


def test_a_refused_field_is_not_blamed_twice_by_a_rule(svc: RecordService) -> None:
    """A rate that cannot be read is named once, not also as 'a rate is needed'."""
    donor = svc.create("organisation", {"name": "JICA", "org_type": "donor", "country_code": "JP"})
    project = svc.create(
        "aid_project",
        {
            "title": "Thiết bị y tế",
            "donor_id": donor["id"],
            "sector": "health",
            "committed_amount": 2_000_000,
            "currency": "JPY",
            "status": "approved",
        },
    )
    with pytest.raises(ValidationError) as exc:
        svc.check(
            "aid_transaction",
            {
                "project_id": project["id"],
                "tx_type": "disbursement",
                "value_date": "31/02/2025",
                "amount": -5,
                "currency": "JPY",
                "rate_to_vnd": "abc",
            },
        )
    assert sorted(exc.value.fields) == ["amount", "rate_to_vnd", "value_date"]

"""Every silent misreading found by entering the department's 2025 records is refused or read right."""

from __future__ import annotations

from decimal import Decimal

import pytest

from huedesk.errors import NotFoundError, ValidationError
from huedesk.reading import EN
from huedesk.records import RecordService


def _problems(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {p.field: p.en for p in exc.value.problems}


@pytest.fixture
def project(svc: RecordService) -> dict:
    donor = svc.create("organisation", {"name": "KOICA", "org_type": "donor", "country_code": "KR"})
    return svc.create(
        "aid_project",
        {
            "title": "Trạm y tế xã",
            "donor_id": donor["ref"],
            "sector": "health",
            "committed_amount": "657.894,74",
            "currency": "USD",
            "status": "approved",
            "start_date": "01/01/2025",
            "end_date": "31/12/2025",
        },
    )


def _tx(svc: RecordService, project: dict, **values: object) -> dict:
    base = {
        "project_id": project["ref"],
        "tx_type": "disbursement",
        "value_date": "05/03/2025",
        "amount": "100.000",
        "currency": "USD",
    }
    return svc.create("aid_transaction", {**base, **values})


def test_rate_written_as_huedesk_prints_it_is_twenty_five_thousand(
    svc: RecordService, project: dict
) -> None:
    tx = _tx(svc, project, rate_to_vnd="25.450")
    assert tx["rate_to_vnd"] == Decimal(25450)
    assert tx["amount_vnd"] == 2_545_000_000
    assert tx.warnings == []


def test_a_rate_a_thousand_times_too_small_is_flagged(svc: RecordService, project: dict) -> None:
    tx = _tx(svc, project, rate_to_vnd="25,45")
    assert [(w.field, "outside the usual range" in w.problem_en) for w in tx.warnings] == [
        ("rate_to_vnd", True)
    ]


def test_rates_that_make_nothing_are_refused(svc: RecordService, project: dict) -> None:
    for rate in ("1e-30", Decimal("1e-30"), "0,00000001", "0"):
        with pytest.raises(ValidationError) as exc:
            _tx(svc, project, rate_to_vnd=rate)
        assert "rate_to_vnd" in _problems(exc), rate


def test_malformed_amount_is_refused(svc: RecordService, project: dict) -> None:
    with pytest.raises(ValidationError) as exc:
        _tx(svc, project, amount="1.5.5", rate_to_vnd="25.450")
    assert "1.250,50" in _problems(exc)["amount"]


def test_fdi_capital_needs_its_currency(svc: RecordService) -> None:
    base = {
        "name": "Nhà máy Chân Mây",
        "country_code": "JP",
        "sector": "manufacturing",
        "status": "licensed",
    }
    with pytest.raises(ValidationError) as exc:
        svc.create("fdi_project", {**base, "registered_capital": "4500000"})
    assert "currency=USD" in _problems(exc)["registered_capital"]
    named = svc.create("fdi_project", {**base, "registered_capital": "4,5 triệu USD"})
    assert (named["registered_capital"], named["currency"]) == (450_000_000, "USD")
    given = svc.create(
        "fdi_project", {**base, "registered_capital": "4.500.000", "currency": "USD"}
    )
    assert given["registered_capital"] == 450_000_000
    with pytest.raises(ValidationError) as exc:
        svc.create(
            "fdi_project", {**base, "registered_capital": "4,5 triệu USD", "currency": "EUR"}
        )
    assert "says USD" in _problems(exc)["registered_capital"]


def test_a_new_currency_keeps_the_amount_people_read(svc: RecordService) -> None:
    fdi = svc.create(
        "fdi_project",
        {
            "name": "Khu nghỉ dưỡng Lăng Cô",
            "country_code": "KR",
            "sector": "tourism",
            "status": "licensed",
            "registered_capital": "4.500.000",
            "currency": "VND",
        },
    )
    changed = svc.update("fdi_project", fdi["id"], {"currency": "USD"})
    assert (changed["registered_capital"], changed["currency"]) == (450_000_000, "USD")


def test_english_notation_when_working_in_english(db: object) -> None:
    svc = RecordService(db, actor="kiemthu", reading=EN)  # type: ignore[arg-type]
    donor = svc.create(
        "organisation", {"name": "JICA", "org_type": "donor", "country_code": "Japan"}
    )
    project = svc.create(
        "aid_project",
        {
            "title": "Clean water",
            "donor_id": "JICA",
            "sector": "health",
            "committed_amount": "1,250,000.50",
            "currency": "USD",
            "status": "approved",
        },
    )
    assert project["committed_amount"] == 125_000_050
    assert donor["country_code"] == "JP"
    tx = _tx(svc, project, amount="2,000", rate_to_vnd="25,450")
    assert tx["rate_to_vnd"] == Decimal(25450)


def test_references_by_reference_number_uuid_or_exact_name(svc: RecordService) -> None:
    nara = svc.create(
        "organisation", {"name": "Tỉnh Nara", "org_type": "partner_locality", "country_code": "JP"}
    )
    for given in (nara["ref"], nara["uuid"], "Tỉnh Nara", "tỉnh nara", str(nara["id"])):
        p = svc.create(
            "partnership",
            {
                "partner_id": given,
                "country_code": "JP",
                "level": "province",
                "relation_type": "cooperation",
                "status": "established",
            },
        )
        assert p["partner_id"] == nara["id"], given
    # Typed without a Vietnamese keyboard: ĐV… as DV….
    d = svc.create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn tỉnh Nara",
            "country_code": "Nhật Bản",
            "start_date": "10/03/2025",
            "status": "planned",
        },
    )
    assert svc.locate("delegation", d["ref"].replace("Đ", "D")) == d["id"]


def test_a_name_matching_several_records_is_refused_with_them(svc: RecordService) -> None:
    for _ in range(2):
        svc.create("person", {"full_name": "Nguyễn Văn An"})
    with pytest.raises(ValidationError) as exc:
        svc.create("case_person", {"case_id": 1, "person_id": "Nguyễn Văn An", "role": "subject"})
    message = _problems(exc)["person_id"]
    assert "matches 2 records" in message and "NG-" in message
    with pytest.raises(ValidationError) as exc:
        svc.create("delegation_member", {"delegation_id": "ĐV-2025-0099", "person_id": "Ai đó"})
    problems = _problems(exc)
    assert "no delegation 'ĐV-2025-0099'" in problems["delegation_id"]
    assert "no person 'Ai đó'" in problems["person_id"]


def test_partner_in_another_country_is_a_visible_warning(svc: RecordService) -> None:
    svc.create(
        "organisation", {"name": "Tỉnh Nara", "org_type": "partner_locality", "country_code": "JP"}
    )
    p = svc.create(
        "partnership",
        {
            "partner_id": "Tỉnh Nara",
            "country_code": "LA",
            "level": "province",
            "relation_type": "cooperation",
            "status": "established",
        },
    )
    assert [w.vi for w in p.warnings] == [
        "Quốc gia: là Lào (LA) nhưng Tỉnh Nara thuộc Nhật Bản (JP)"
    ]
    fixed = svc.update("partnership", p["id"], {"country_code": "JP"})
    assert fixed.warnings == []


def test_disbursement_outside_the_project_dates_is_a_warning(
    svc: RecordService, project: dict
) -> None:
    tx = _tx(svc, project, value_date="05/03/2026", rate_to_vnd="26.000")
    assert [w.field for w in tx.warnings] == ["value_date"]
    assert "outside the dates of project" in tx.warnings[0].en


def test_child_rows_are_named_by_parent_and_place(svc: RecordService, project: dict) -> None:
    first = _tx(svc, project, value_date="05/06/2025", rate_to_vnd="25.450")
    second = _tx(svc, project, value_date="05/03/2025", rate_to_vnd="25.450")
    ref = project["ref"]
    assert svc.child_keys("aid_transaction", [first["id"], second["id"]]) == {
        first["id"]: f"{ref}/1",
        second["id"]: f"{ref}/2",
    }
    assert svc.locate("aid_transaction", f"{ref}/2") == second["id"]
    assert svc.locate("aid_transaction", second["uuid"]) == second["id"]
    assert svc.get_by_ref("aid_transaction", f"{ref}/1")["id"] == first["id"]
    with pytest.raises(NotFoundError, match="has 2"):
        svc.locate("aid_transaction", f"{ref}/3")
    with pytest.raises(NotFoundError, match="parent"):
        svc.locate("aid_transaction", "17")


@pytest.mark.parametrize(
    ("typed", "currency", "readings"),
    [
        ("50,000", "VND", ("50", "50.000")),
        ("1,000 đồng", "VND", ("1", "1.000")),
        ("25,000", "USD", ("25", "25.000")),
        ("1,500", "USD", ("1,5", "1.500")),
    ],
)
def test_an_english_thousand_is_not_stored_as_one(
    svc: RecordService, project: dict, typed: str, currency: str, readings: tuple[str, str]
) -> None:
    """ "50,000" read the Vietnamese way is 50 đồng: once stored silently, now refused."""
    with pytest.raises(ValidationError) as exc:
        _tx(svc, project, amount=typed, currency=currency, rate_to_vnd="25.450")
    message = _problems(exc)["amount"]
    assert "ambiguous" in message
    assert f"ambiguous: {readings[0]} or {readings[1]} " in message, message


def test_amounts_that_read_one_way_are_still_taken(svc: RecordService, project: dict) -> None:
    assert (
        _tx(svc, project, amount="1.000", currency="USD", rate_to_vnd="25.450")["amount"] == 100000
    )
    assert _tx(svc, project, amount="1,50", currency="USD", rate_to_vnd="25.450")["amount"] == 150
    assert _tx(svc, project, amount="1.000.000,000", currency="VND")["amount"] == 1_000_000
    assert _tx(svc, project, amount="1,5 triệu", currency="VND")["amount"] == 1_500_000


def test_the_english_convention_refuses_the_vietnamese_thousand(db: object, project: dict) -> None:
    svc = RecordService(db, actor="kiemthu", reading=EN)  # type: ignore[arg-type]
    values = {
        "project_id": project["ref"],
        "tx_type": "disbursement",
        "value_date": "05/03/2025",
        "amount": "50.000",
        "currency": "VND",
    }
    with pytest.raises(ValidationError) as exc:
        svc.create("aid_transaction", values)
    assert "50,000" in _problems(exc)["amount"]

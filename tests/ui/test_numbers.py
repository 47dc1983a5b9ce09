"""Numbers look one way everywhere (#13 item 6): the form writes a number as the list
does, in the language's convention, and the one reader reads it back unchanged."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from huedesk.reading import convention, read_amount, read_decimal
from huedesk.records import RecordService
from huedesk.records.display import display_value
from huedesk.records.kinds import kind_spec
from huedesk.ui.app import Desk
from huedesk.ui.edit_text import edit_text
from tests.ui.conftest import type_text

AID = kind_spec("aid_project").fields
TX = kind_spec("aid_transaction").fields


@pytest.mark.parametrize(
    ("lang", "minor", "currency", "shown"),
    [
        ("vi", 5_000_000, "VND", "5.000.000"),
        ("vi", 50_380_228, "USD", "503.802,28"),
        ("vi", 50_380_200, "USD", "503.802"),
        ("vi", 125_050, "USD", "1.250,50"),
        ("en", 50_380_228, "USD", "503,802.28"),
        ("en", 5_000_000, "VND", "5,000,000"),
        ("vi", 2_000_000, "JPY", "2.000.000"),
    ],
)
def test_money_in_a_form_reads_as_in_the_list_and_back(
    lang: str, minor: int, currency: str, shown: str
) -> None:
    row = {"committed_amount": minor, "currency": currency}
    text = edit_text(AID["committed_amount"], row, lang)
    assert text == shown
    # the list writes the same digits (with the currency beside them)
    assert text in display_value(AID["committed_amount"], row, lang)
    major, _ = read_amount(text, convention(lang))
    assert major.scaleb({"USD": 2}.get(currency, 0)) == minor


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("rate", ["25450", "25450.5", "0.0061", "160.25"])
def test_decimals_round_trip(lang: str, rate: str) -> None:
    text = edit_text(TX["rate_to_vnd"], {"rate_to_vnd": Decimal(rate)}, lang)
    assert read_decimal(text, convention(lang)) == Decimal(rate)


def test_a_saved_amount_keeps_its_form(
    desk_as: Callable[..., Desk], qtbot: Any, admin_svc: RecordService
) -> None:
    """Typed as 5.000.000, saved, and shown as 5.000.000 again (not 5000000)."""
    donor = admin_svc.create(
        "organisation", {"name": "KOICA", "org_type": "donor", "country_code": "KR"}
    )
    project = admin_svc.create(
        "aid_project",
        {
            "title": "Nước sạch",
            "donor_id": donor["id"],
            "sector": "health",
            "currency": "VND",
            "committed_amount": 1,
            "status": "approved",
        },
    )
    window = desk_as("officer").window
    editor = window.open_record("aid_project", project["id"])
    assert editor is not None
    amount = editor.form.editors["committed_amount"].widget
    amount.clear()
    type_text(qtbot, amount, "5.000.000")
    assert editor.save()
    assert amount.text() == "5.000.000"
    assert admin_svc.get("aid_project", project["id"])["committed_amount"] == 5_000_000


@pytest.mark.parametrize("role", ["viewer", "officer"])
def test_the_aid_form_shows_committed_disbursed_and_remaining(
    desk_as: Callable[..., Desk], admin_svc: RecordService, role: str
) -> None:
    donor = admin_svc.create(
        "organisation", {"name": "JICA", "org_type": "donor", "country_code": "JP"}
    )
    project = admin_svc.create(
        "aid_project",
        {
            "title": "Cầu Phú Mậu",
            "donor_id": donor["id"],
            "sector": "infrastructure",
            "currency": "USD",
            "committed_amount": "500.000",
            "status": "approved",
        },
    )
    for day, amount in (("01/03/2026", "100.000"), ("01/06/2026", "20.000,50")):
        admin_svc.create(
            "aid_transaction",
            {
                "project_id": project["id"],
                "tx_type": "disbursement",
                "value_date": day,
                "amount": amount,
                "currency": "USD",
                "rate_to_vnd": "25.000",
            },
        )
    editor = desk_as(role).window.open_record("aid_project", project["id"])
    assert editor is not None and editor.totals is not None
    text = editor.totals.text()
    assert "Cam kết: 500.000 USD (≈ 12.500.000.000 đồng)" in text
    assert "Đã giải ngân: 120.000,50 USD (3.000.012.500 đồng)" in text
    assert "Còn lại: 379.999,50 USD" in text


def test_english_counts_one_thing_in_the_singular() -> None:
    from huedesk.ui.i18n import set_language, tr

    set_language("en")
    try:
        assert tr("days_left", n=1) == "1 day"
        assert tr("days_left", n=3) == "3 days"
        assert tr("overdue", n=1) == "1 day overdue"
        assert tr("search_count", n=1).startswith("1 result ")
    finally:
        set_language("vi")
    assert tr("days_left", n=1) == "1 ngày"

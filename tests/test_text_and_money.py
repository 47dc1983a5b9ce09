"""Vietnamese text folding and sorting; exact money."""

from __future__ import annotations

from decimal import Decimal

import pytest

from huedesk.formatting import place_date_line
from huedesk.money import format_money, to_minor, to_vnd
from huedesk.text import fold, sort_key


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Huế", "hue"),
        ("Đoàn Đại sứ", "doan dai su"),
        ("Thừa Thiên Huế", "thua thien hue"),
        ("ĐẶNG Thị Ngọc", "dang thi ngoc"),
        ("Salavan", "salavan"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_sort_key_follows_the_vietnamese_alphabet() -> None:
    words = ["Đà Nẵng", "Dương", "Ân", "An", "Ăn", "Ơn", "Ôn", "Hạ", "Hà", "Ha", "Zürich", "2025"]
    assert sorted(words, key=sort_key) == [
        "2025",
        "An",
        "Ăn",
        "Ân",
        "Dương",
        "Đà Nẵng",
        "Ha",
        "Hà",
        "Hạ",
        "Ôn",
        "Ơn",
        "Zürich",
    ]


def test_money_is_exact() -> None:
    assert to_minor("1250.5", "USD") == 125050
    with pytest.raises(ValueError):
        to_minor("0.001", "USD")
    assert to_vnd(125050, "USD", Decimal("25430.5")) == 31_800_840
    assert format_money(53_000_000_000, "VND") == "53.000.000.000 đồng"
    assert format_money(125050, "USD") == "1.250,50 USD"
    assert format_money(53_000_000_000, "VND", "en") == "VND 53,000,000,000"


def test_place_date_line() -> None:
    import datetime as dt

    assert place_date_line(dt.date(2026, 1, 5)) == "Huế, ngày 05 tháng 01 năm 2026"
    # Decree 30: days below 10 and months 1-2 take a zero; March to December do not.
    assert place_date_line(dt.date(2026, 2, 28)) == "Huế, ngày 28 tháng 02 năm 2026"
    assert place_date_line(dt.date(2026, 3, 9)) == "Huế, ngày 09 tháng 3 năm 2026"
    assert place_date_line(dt.date(2026, 11, 30), "Hà Nội") == "Hà Nội, ngày 30 tháng 11 năm 2026"

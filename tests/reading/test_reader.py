"""The one reader of typed values: each convention reads its own notation and refuses the rest."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from huedesk.money import CURRENCY_EXPONENTS
from huedesk.reading import (
    EN,
    VI,
    Unreadable,
    from_excel_serial,
    from_spreadsheet_number,
    read_amount,
    read_date,
    read_datetime,
    read_decimal,
    read_integer,
    written,
)
from huedesk.records.coerce import coerce
from huedesk.records.display import display_value
from huedesk.records.kinds import KINDS


@pytest.mark.parametrize(
    ("text", "vi", "en"),
    [
        ("25.450", Decimal(25450), Decimal("25.450")),
        ("25,450", Decimal("25.450"), Decimal(25450)),
        ("53.000.000.000", Decimal(53_000_000_000), None),
        ("53,000,000,000", None, Decimal(53_000_000_000)),
        ("1.250,50", Decimal("1250.50"), None),
        ("1,250.50", None, Decimal("1250.50")),
        ("1250", Decimal(1250), Decimal(1250)),
        ("12 345 678", Decimal(12_345_678), Decimal(12_345_678)),
        ("12\u00a0345", Decimal(12_345), Decimal(12_345)),
        ("53 tỷ", Decimal(53_000_000_000), Decimal(53_000_000_000)),
        ("1,2 triệu", Decimal(1_200_000), None),
        ("1.2 million", None, Decimal(1_200_000)),
        ("1 tỷ 200 triệu", Decimal(1_200_000_000), Decimal(1_200_000_000)),
        ("5 nghìn", Decimal(5000), Decimal(5000)),
        ("2,5tr", Decimal(2_500_000), None),
        ("−3", Decimal(-3), Decimal(-3)),
    ],
)
def test_each_convention_reads_its_own_notation(
    text: str, vi: Decimal | None, en: Decimal | None
) -> None:
    for conv, expected in ((VI, vi), (EN, en)):
        if expected is None:
            with pytest.raises(Unreadable):
                read_decimal(text, conv)
        else:
            assert read_decimal(text, conv) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1.5.5",
        "1e-30",
        "1E5",
        "12..5",
        "1,2,3",
        "",
        "abc",
        "5 triệu 1 tỷ",
        "1 triệu 2000 nghìn",
        "--5",
        "1 2",
    ],
)
def test_malformed_numbers_are_refused_in_both_conventions(text: str) -> None:
    for conv in (VI, EN):
        with pytest.raises(Unreadable):
            read_decimal(text, conv)


def test_refusal_shows_how_to_write_it() -> None:
    with pytest.raises(Unreadable) as exc:
        read_decimal("2500.50", VI)
    assert "2.500,50" in exc.value.vi and "2.500,50" in exc.value.en
    with pytest.raises(Unreadable) as exc:
        read_decimal("1e-30", VI)
    assert "lũy thừa" in exc.value.vi and "exponent" in exc.value.en
    with pytest.raises(Unreadable) as exc:
        read_decimal("1.5.5", VI)
    assert "1.250,50" in exc.value.vi


def test_integers_refuse_decimals() -> None:
    assert read_integer("1.500", VI) == 1500
    with pytest.raises(Unreadable, match="whole number"):
        read_integer("1,5", VI)


@pytest.mark.parametrize(
    ("text", "conv", "value", "currency"),
    [
        ("1,2 triệu USD", VI, Decimal(1_200_000), "USD"),
        ("53 tỷ đồng", VI, Decimal(53_000_000_000), "VND"),
        ("53.000.000.000 đồng", VI, Decimal(53_000_000_000), "VND"),
        ("USD 1,250.50", EN, Decimal("1250.50"), "USD"),
        ("VND 53,000,000,000", EN, Decimal(53_000_000_000), "VND"),
        ("500đ", VI, Decimal(500), "VND"),
        ("€ 2.000", VI, Decimal(2000), "EUR"),
        ("usd 5", VI, Decimal(5), "USD"),
        ("1.250", VI, Decimal(1250), None),
    ],
)
def test_amounts_carry_their_currency(
    text: str, conv: object, value: Decimal, currency: str | None
) -> None:
    assert read_amount(text, conv) == (value, currency)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "why"), [("$5", "several currencies"), ("XYZ 5", "not supported")]
)
def test_unclear_currency_marks_are_refused(text: str, why: str) -> None:
    with pytest.raises(Unreadable, match=why):
        read_amount(text, VI)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("05/03/2024", dt.date(2024, 3, 5)),
        ("5/3/2024", dt.date(2024, 3, 5)),
        ("5-3-2024", dt.date(2024, 3, 5)),
        ("5.3.2024", dt.date(2024, 3, 5)),
        ("5/3/24", dt.date(2024, 3, 5)),
        ("5/3/95", dt.date(1995, 3, 5)),
        ("2024-03-05", dt.date(2024, 3, 5)),
        ("ngày 5 tháng 3 năm 2024", dt.date(2024, 3, 5)),
        ("Ngày 05 tháng 03 năm 2024", dt.date(2024, 3, 5)),
        ("5 tháng 3 năm 2024", dt.date(2024, 3, 5)),
        ("5 March 2024", dt.date(2024, 3, 5)),
        ("March 5, 2024", dt.date(2024, 3, 5)),
        ("5 Mar 2024", dt.date(2024, 3, 5)),
    ],
)
def test_dates_people_write(text: str, day: dt.date) -> None:
    assert read_date(text, VI) == day
    assert read_date(text, EN) == day


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("31/02/2025", "no such day"),
        ("03/25/2024", "day comes first"),
        ("05/03/1850", "between 1900 and 2200"),
        ("tháng 3 năm 2024", "not a valid date"),
        ("45356", "not a valid date"),  # a serial day number only counts in a spreadsheet
    ],
)
def test_doubtful_dates_are_refused(text: str, why: str) -> None:
    with pytest.raises(Unreadable, match=why):
        read_date(text, VI)


def test_excel_serial_days_in_spreadsheets() -> None:
    assert read_date("45356", VI.for_sheets()) == dt.date(2024, 3, 5)
    assert from_excel_serial(61) == dt.date(1900, 3, 1)
    with pytest.raises(Unreadable):
        from_excel_serial(Decimal("45356.5"))


@pytest.mark.parametrize("year", ["1975", 1975, 2024])
def test_a_year_alone_in_a_sheet_is_refused_not_read_as_1905(year: object) -> None:
    """Excel day 1975 is 29 May 1905: a date-of-birth column holding 1975 means the year."""
    with pytest.raises(Unreadable, match="is a year, not a date"):
        if isinstance(year, str):
            read_date(year, VI.for_sheets())
        else:
            from_excel_serial(year)  # type: ignore[arg-type]


def test_date_and_time() -> None:
    assert read_datetime("05/03/2024 14:30") == dt.datetime(2024, 3, 5, 14, 30)
    assert read_datetime("05/03/2024 14h30") == dt.datetime(2024, 3, 5, 14, 30)
    assert read_datetime("2024-03-05T14:30") == dt.datetime(2024, 3, 5, 14, 30)
    assert read_datetime("05/03/2024") == dt.datetime(2024, 3, 5)
    with pytest.raises(Unreadable, match="date and time"):
        read_datetime("05/03/2024 25:00")


def test_spreadsheet_numbers_read_as_shown() -> None:
    assert from_spreadsheet_number(0.1 + 0.2) == Decimal("0.3")
    assert from_spreadsheet_number(657894.74) == Decimal("657894.74")
    assert from_spreadsheet_number(53_000_000_000) == Decimal(53_000_000_000)
    with pytest.raises(Unreadable):
        from_spreadsheet_number(float("nan"))


# --- What HueDesk prints reads back exactly: every money and rate field, both languages. ---

MONEY = [(k, f) for k, spec in KINDS.items() for f, fs in spec.fields.items() if fs.is_money]
RATES = [
    (k, f)
    for k, spec in KINDS.items()
    for f, fs in spec.fields.items()
    if fs.type is Decimal and not fs.computed
]


def test_every_money_and_rate_field_is_covered() -> None:
    assert {f for _k, f in MONEY} == {"committed_amount", "amount", "registered_capital"}
    assert ("aid_transaction", "rate_to_vnd") in RATES


@given(
    field=st.sampled_from(MONEY),
    currency=st.sampled_from(sorted(CURRENCY_EXPONENTS)),
    minor=st.integers(min_value=0, max_value=10**17),
    lang=st.sampled_from(["vi", "en"]),
)
def test_printed_amounts_read_back_exactly(
    field: tuple[str, str], currency: str, minor: int, lang: str
) -> None:
    kind, name = field
    spec = KINDS[kind].fields[name]
    printed = display_value(spec, {name: minor, "currency": currency}, lang)
    conv = EN if lang == "en" else VI
    assert coerce(spec, printed, currency, conv) == minor, printed
    # The major-unit number alone, as a form or a sheet shows it, reads back too.
    major = Decimal(minor).scaleb(-CURRENCY_EXPONENTS[currency])
    assert coerce(spec, written(major, conv), currency, conv) == minor


@given(
    field=st.sampled_from(RATES),
    value=st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False),
    lang=st.sampled_from(["vi", "en"]),
)
def test_printed_rates_read_back_exactly(field: tuple[str, str], value: Decimal, lang: str) -> None:
    kind, name = field
    spec = KINDS[kind].fields[name]
    printed = display_value(spec, {name: value}, lang)
    conv = EN if lang == "en" else VI
    assert coerce(spec, printed, None, conv) == value, printed


@given(value=st.decimals(min_value=0, max_value=10**15, places=3, allow_nan=False))
def test_written_numbers_read_back(value: Decimal) -> None:
    for conv in (VI, EN):
        assert read_decimal(written(value, conv), conv) == value
        assert read_decimal(written(value, conv, grouped=False), conv) == value

"""Price and change strings as shown in widgets -> exact Decimals (extract/prices.py).

Two tables, as price-parser keeps them: ``DEV`` was used while writing the
rules; ``HELD_OUT`` was written afterwards from other widget and news styles
and only run, to see how the rules generalise.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.extract.prices import (
    asset_symbol,
    parse_change,
    parse_number,
    parse_price,
    scale,
)

D = Decimal

# (shown, amount, currency)
DEV: list[tuple[str, Decimal | None, str | None]] = [
    ("$61,321.00", D("61321.00"), "USD"),
    ("$0.0821", D("0.0821"), "USD"),
    ("$1,586.44", D("1586.44"), "USD"),
    ("$0.999905", D("0.999905"), "USD"),
    ("$0.00178628", D("0.00178628"), "USD"),
    ("61.321,00 €", D("61321.00"), "EUR"),
    ("61 321,00 €", D("61321.00"), "EUR"),
    ("€ 1.234,56", D("1234.56"), "EUR"),
    ("1.567 €", D("1567"), "EUR"),
    ("0,5 €", D("0.5"), "EUR"),
    ("£12.50", D("12.50"), "GBP"),
    ("US$ 1,567", D("1567"), "USD"),
    ("USD 1.10", D("1.10"), "USD"),
    ("1.10 USD", D("1.10"), "USD"),
    ("$1,567", D("1567"), "USD"),
    ("$1.2K", D("1200"), "USD"),
    ("61321.00", D("61321.00"), None),
    ("--", None, None),
    ("Loading...", None, None),
    ("NaN", None, None),
    ("", None, None),
    ("-1.9%", None, None),
    ("$", None, None),
]

HELD_OUT: list[tuple[str, Decimal | None, str | None]] = [
    ("$ 79,390.00", D("79390.00"), "USD"),
    ("$3,013.57", D("3013.57"), "USD"),
    ("€58.420,17", D("58420.17"), "EUR"),
    ("58 420,17 €", D("58420.17"), "EUR"),
    ("1.234.567,89 €", D("1234567.89"), "EUR"),
    ("$1,234,567.89", D("1234567.89"), "USD"),
    ("¥9,500,000", D("9500000"), "JPY"),
    ("₹52,31,000", None, None),  # Indian lakh grouping is not one of ours: no guess
    ("C$ 84,000", D("84000"), "CAD"),
    ("0.00001234 USD", D("0.00001234"), "USD"),
    ("£0.75", D("0.75"), "GBP"),
    ("EUR 2,10", D("2.10"), "EUR"),
    ("$.50", D("0.50"), "USD"),
    ("N/A", None, None),
    ("—", None, None),
    ("$-", None, None),
]


@pytest.mark.parametrize(("shown", "amount", "currency"), DEV, ids=[r[0] or "empty" for r in DEV])
def test_price_dev(shown: str, amount: Decimal | None, currency: str | None) -> None:
    parsed = parse_price(shown)
    if amount is None:
        assert parsed is None
        return
    assert parsed is not None
    assert parsed.amount == amount
    assert str(parsed.amount) == str(amount)  # digits as shown, not just an equal value
    assert parsed.currency == currency
    assert parsed.raw == shown.strip()


@pytest.mark.parametrize(("shown", "amount", "currency"), HELD_OUT, ids=[r[0] for r in HELD_OUT])
def test_price_held_out(shown: str, amount: Decimal | None, currency: str | None) -> None:
    parsed = parse_price(shown)
    if amount is None:
        assert parsed is None
        return
    assert parsed is not None
    assert (parsed.amount, parsed.currency) == (amount, currency)


def test_negative_price_is_flagged() -> None:
    parsed = parse_price("-$5.00")
    assert parsed is not None and parsed.negative and parsed.amount == D("5.00")


# (shown, down-styled, change)
CHANGES: list[tuple[str, bool, Decimal | None]] = [
    ("-1.9%", False, D("-1.9")),
    ("−1.9%", False, D("-1.9")),  # U+2212 minus sign
    ("–0.58%", False, D("-0.58")),  # en dash
    ("▼ 1.9%", False, D("-1.9")),
    ("▲1.6%", False, D("1.6")),
    ("↑ 2.25 %", False, D("2.25")),
    ("+0.5 %", False, D("0.5")),
    ("5.91%", False, D("5.91")),
    ("0.00%", False, D("0.00")),
    ("(1.9%)", True, D("-1.9")),
    ("(1.9%)", False, D("1.9")),
    ("(-1.9%)", False, D("-1.9")),
    ("1.9%", True, D("-1.9")),
    ("+1.9%", True, D("1.9")),  # an explicit sign wins over the styling
    ("-1,9 %", False, D("-1.9")),
    ("1.9", False, None),
    ("(1.9%", False, None),
    ("--%", False, None),
    ("", False, None),
]


@pytest.mark.parametrize(("shown", "down", "change"), CHANGES, ids=[c[0] or "e" for c in CHANGES])
def test_change(shown: str, down: bool, change: Decimal | None) -> None:
    assert parse_change(shown, down=down) == change


@pytest.mark.parametrize(
    ("text", "european", "value"),
    [
        ("1,567", False, D("1567")),
        ("1.567", False, D("1.567")),
        ("1.567", True, D("1567")),
        ("0,123", False, D("0.123")),
        ("1,234,567", False, D("1234567")),
        ("12,34", False, D("12.34")),
        ("1,2,3", False, None),  # not a grouping pattern
        ("abc", False, None),
        ("1.2.3,4.5", False, None),
    ],
)
def test_parse_number(text: str, european: bool, value: Decimal | None) -> None:
    assert parse_number(text, european=european) == value


@pytest.mark.parametrize(
    ("value", "word", "out"),
    [
        (D("4.4"), "billion", "4400000000"),
        (D("55"), "million", "55000000"),
        (D("1.25"), "k", "1250"),
        (D("1.2345"), "K", "1234.5"),
        (D("3"), None, "3"),
        (D("3"), "dozen", "3"),
    ],
)
def test_scale_is_exact_and_plain(value: Decimal, word: str | None, out: str) -> None:
    assert str(scale(value, word)) == out


def test_asset_names() -> None:
    assert asset_symbol("Bitcoin") == "BTC"
    assert asset_symbol("bitcoin") == "BTC"
    assert asset_symbol("Ether") == "ETH"
    assert asset_symbol("bitcoin cash") == "BCH"
    assert asset_symbol("BITCOIN") is None
    assert asset_symbol("Nothingcoin") is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.,  $€£-−+%▲▼()kKmMUSDE", max_size=20))
def test_parsers_never_raise(text: str) -> None:
    parsed = parse_price(text)
    if parsed is not None:
        assert parsed.amount.is_finite() and parsed.amount >= 0
    change = parse_change(text)
    assert change is None or change.is_finite()

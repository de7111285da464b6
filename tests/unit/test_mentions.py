"""Price and stock-ticker mentions in body text (extract/mentions.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse
from newsparse.extract.mentions import find_mentions
from newsparse.models import Mentions

D = Decimal
FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"

# (text, [(asset, amount, currency, qualifier, raw), ...])
PRICES: list[tuple[str, list[tuple[str | None, Decimal, str, str | None, str]]]] = [
    (
        "Bitcoin is currently trading at exactly $60,853, struggling to hold on.",
        [("BTC", D("60853"), "USD", "exactly", "$60,853")],
    ),
    (
        "Investors pulled $4.4 billion from Bitcoin funds.",
        [(None, D("4400000000"), "USD", None, "$4.4 billion")],
    ),
    (
        "The company priced a $55 million offering.",
        [(None, D("55000000"), "USD", None, "$55 million")],
    ),
    (
        "Ether rose to roughly $1,567 while SOL slipped below $63.20 on Monday.",
        [
            ("ETH", D("1567"), "USD", "roughly", "$1,567"),
            ("SOL", D("63.20"), "USD", "below", "$63.20"),
        ],
    ),
    (
        "Dogecoin hovered around $0.0821 after a 5% drop.",
        [("DOGE", D("0.0821"), "USD", "around", "$0.0821")],
    ),
    (
        "bitcoin could reach $100k by year end, one analyst said.",
        [("BTC", D("100000"), "USD", None, "$100k")],
    ),
    (
        "Cardano (ADA) traded near €0.45 in Europe.",
        [("ADA", D("0.45"), "EUR", "near", "€0.45")],
    ),
    (
        "Render (RNDR) climbed above $7.10 in early trade.",
        [("RNDR", D("7.10"), "USD", "above", "$7.10")],
    ),
    (
        "The Commodity Futures Trading Commission (CFTC) fined the firm $2.5 million.",
        [(None, D("2500000"), "USD", None, "$2.5 million")],
    ),
    (
        "The stock is down 9% year-to-date (YTD), to $99.04.",
        [(None, D("99.04"), "USD", None, "$99.04")],
    ),
    (
        "The fund holds more than £1.2bn of gold.",
        [(None, D("1200000000"), "GBP", "more than", "£1.2bn")],
    ),
    (
        "A coffee costs 4,50 € in Paris and 3.20 dollars in Ohio.",
        [
            (None, D("4.50"), "EUR", None, "4,50 €"),
            (None, D("3.20"), "USD", None, "3.20 dollars"),
        ],
    ),
    (
        "Solana was at USD 63.27 while the index rose 60k points.",
        [("SOL", D("63.27"), "USD", None, "USD 63.27")],
    ),
    (
        "Bitcoin fell 3%. The exchange paid $1,000 in fees.",
        [(None, D("1000"), "USD", None, "$1,000")],  # the asset is in another sentence
    ),
    (
        "Physical Bitcoin | BTC | £24.18 | -2.1%",  # a table row: cells are separate clauses
        [(None, D("24.18"), "GBP", None, "£24.18")],
    ),
    (
        "Nearly $2.5 bn left the funds; over 90 USD was the fee.",
        [
            (None, D("2500000000"), "USD", "Nearly", "$2.5 bn"),
            (None, D("90"), "USD", "over", "90 USD"),
        ],
    ),
    ("Nothing here costs anything: 60k, 2024, 15%.", []),
]


@pytest.mark.parametrize(("text", "expected"), PRICES, ids=[t[:30] for t, _ in PRICES])
def test_price_mentions(
    text: str, expected: list[tuple[str | None, Decimal, str, str | None, str]]
) -> None:
    found = find_mentions(text).prices
    assert [(p.asset, p.amount, p.currency, p.qualifier, p.raw) for p in found] == expected
    for p in found:
        assert text[p.start : p.end] == p.raw
        assert p.raw in p.sentence and p.sentence in text


def test_sentence_is_the_one_the_amount_is_in() -> None:
    text = "U.S. stocks rose. Bitcoin traded near $60,000 on Friday. Ether lagged."
    (p,) = find_mentions(text).prices
    assert p.sentence == "Bitcoin traded near $60,000 on Friday."
    assert p.asset == "BTC"


def test_asset_window_does_not_reach_far_back() -> None:
    filler = " and then a great many other things happened to markets worldwide" * 3
    text = f"Bitcoin was mentioned{filler}, while a ticket cost $35."
    (p,) = find_mentions(text).prices
    assert p.asset is None


# (text, [(exchange, symbol, company, raw)])
STOCKS: list[tuple[str, list[tuple[str, str, str | None, str]]]] = [
    (
        "the infrastructure company BlockchAIn (NYSE: AIB) just priced an offering",
        [("NYSE", "AIB", "BlockchAIn", "NYSE: AIB")],
    ),
    (
        "Shares of Coinbase Global (NASDAQ: COIN) rose.",
        [("NASDAQ", "COIN", "Coinbase Global", "NASDAQ: COIN")],
    ),
    ("Strategy, listed as Nasdaq:MSTR, bought more.", [("NASDAQ", "MSTR", None, "Nasdaq:MSTR")]),
    (
        "Bitcoin miner Hut 8 Corp. (TSX: HUT) and Bank of America (NYSE:BAC) reported.",
        [
            ("TSX", "HUT", "Hut 8 Corp.", "TSX: HUT"),
            ("NYSE", "BAC", "Bank of America", "NYSE:BAC"),
        ],
    ),
    (
        "One issuer, Harbour Digital plc (LSE: HRBD), said so.",
        [("LSE", "HRBD", "Harbour Digital plc", "LSE: HRBD")],
    ),
    ("The (OTCQB: ABCD) shares traded thin.", [("OTCQB", "ABCD", None, "OTCQB: ABCD")]),
    ("He said: NYSE traders were calm; nasdaq: quiet.", []),
]


@pytest.mark.parametrize(("text", "expected"), STOCKS, ids=[t[:30] for t, _ in STOCKS])
def test_stock_mentions(text: str, expected: list[tuple[str, str, str | None, str]]) -> None:
    found = find_mentions(text).stocks
    assert [(s.exchange, s.symbol, s.company, text[s.start : s.end]) for s in found] == expected


def test_empty_text() -> None:
    assert find_mentions("") == Mentions()


def test_seed_page_mentions() -> None:
    article = newsparse.parse((FIXTURES / "crypto-news-page.html").read_bytes())
    mentions = article.mentions
    by_asset = {p.asset: p for p in mentions.prices if p.asset}
    assert (by_asset["BTC"].qualifier, by_asset["BTC"].amount) == ("exactly", D("60853"))
    assert (by_asset["ETH"].qualifier, by_asset["ETH"].amount) == ("near", D("1567"))
    assert (by_asset["SOL"].qualifier, by_asset["SOL"].amount) == ("roughly", D("63"))
    assert all(p.currency == "USD" for p in mentions.prices)
    for p in mentions.prices:
        assert article.text[p.start : p.end] == p.raw
    assert [(s.exchange, s.symbol) for s in mentions.stocks] == [("NYSE", "AIB")]
    assert D("55000000") in {p.amount for p in mentions.prices}


@pytest.mark.parametrize(
    ("name", "expected", "stock"),
    [
        (
            "tickers-marquee-data",
            [
                ("ETH", D("1600"), "below"),
                ("BTC", D("63300"), "near"),
                ("SOL", D("129"), "roughly"),
            ],
            ("NASDAQ", "KLVN", "Kelvin Digital"),
        ),
        (
            "tickers-nextjs-eur",
            [
                ("BTC", D("60000"), "below"),
                ("ETH", D("1512"), "around"),
                ("ADA", D("0.40"), "roughly"),
            ],
            ("XETRA", "NLB", "Nordlicht Bank AG"),
        ),
        (
            "tickers-sidebar-table",
            [
                ("BTC", D("46800"), "about"),
                ("ETH", D("1170"), "near"),
                (None, D("63318"), "exactly"),
            ],
            ("LSE", "HRBD", "Harbour Digital plc"),
        ),
    ],
)
def test_fixture_page_mentions(
    name: str,
    expected: list[tuple[str | None, Decimal, str]],
    stock: tuple[str, str, str],
) -> None:
    article = newsparse.parse((FIXTURES / f"{name}.html").read_bytes())
    found = [(p.asset, p.amount, p.qualifier) for p in article.mentions.prices]
    for item in expected:
        assert item in found
    assert [(s.exchange, s.symbol, s.company) for s in article.mentions.stocks] == [stock]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Bitcoin",
                "ETH",
                "(NYSE: AIB)",
                "near",
                "$1,567",
                "€4,50",
                "60k",
                " ",
                ". ",
                "\n",
                "$4.4 billion",
                "roughly",
                "(RNDR)",
                " | ",
                "USD",
                "12",
                ",",
                "Inc.",
                "U.S.",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_mentions_offsets_always_match(text: str) -> None:
    mentions = find_mentions(text)
    for p in mentions.prices:
        assert text[p.start : p.end] == p.raw and p.amount >= 0
    for s in mentions.stocks:
        assert text[s.start : s.end].endswith(s.symbol)


_GATE_TEXTS = [text for text, found in [*PRICES, *STOCKS] if found]


@pytest.mark.parametrize("text", _GATE_TEXTS, ids=[t[:30] for t in _GATE_TEXTS])
def test_the_quick_test_matches_wherever_the_scan_reads_a_mention(text: str) -> None:
    from mention_oracles import MAY_MENTION, SCAN

    read = [m for m in SCAN.finditer(text) if m["amount"] is not None or m["ex"] is not None]
    assert read  # every sample has a mention
    for m in read:
        assert MAY_MENTION.match(text, m.start()) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Tuesday. It voted 7 to 2 on the plan (see page 4).",
        "Bitcoin (BTC) fell. Ethereum rose! Why? Nobody knows.",
        "Population: 1,200,000 people in 2024, up 3.5 percent.",
    ],
)
def test_text_without_amounts_or_exchanges_has_no_mentions(text: str) -> None:
    from mention_oracles import MAY_MENTION

    assert MAY_MENTION.search(text) is None
    assert find_mentions(text) == Mentions()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "$",
                "€",
                "£",
                "USD",
                "EUR",
                " ",
                ".",
                ",",
                "1",
                "25",
                "3,400",
                "0.5",
                "bn",
                "m",
                "million",
                "euros",
                "NYSE",
                ":",
                "AAPL",
                "(",
                ")",
                "Bitcoin",
                "BTC",
                "\n",
                "k",
                "Nasdaq",
                " | ",
                "!",
                "a",
                "The",
            ]
        ),
        max_size=25,
    ).map("".join)
)
def test_the_quick_test_never_hides_a_mention(text: str) -> None:
    from mention_oracles import MAY_MENTION, SCAN

    for m in SCAN.finditer(text):
        if m["amount"] is not None or m["ex"] is not None:
            assert MAY_MENTION.match(text, m.start()) is not None


_PRE_GATE_TOKENS = [
    "$", "US$", "€", "£", "¥", "₹", "zł", "USD", "EUR", "GBP", "USDT", " ", "\n", ".", ",",
    "1", "25", "3,400", "1.234,56", "0.5", ".5", "bn", "m", "k", "T", "million", "trillion",
    "euros", "dollar", "pounds", "NYSE", "NYSE American", "TSX-V", "Nasdaq", "Euronext",
    ":", "AAPL", "(", ")", "Bitcoin", "a", "x1", "The", "-",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PRE_GATE_TOKENS), max_size=12).map("".join))
def test_the_pre_tests_never_hide_what_the_quick_test_finds(text: str) -> None:
    """The cheap patterns tried before MAY_MENTION are necessary conditions of it."""
    from mention_oracles import MAY_MENTION

    from newsparse.extract.mentions import _may_mention

    assert _may_mention(text) == (MAY_MENTION.search(text) is not None)


@pytest.mark.parametrize("text", _GATE_TEXTS, ids=[t[:30] for t in _GATE_TEXTS])
def test_the_pre_tests_pass_every_sample_mention(text: str) -> None:
    from newsparse.extract.mentions import _may_mention

    assert _may_mention(text)

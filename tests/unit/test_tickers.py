"""Price-ticker widgets (extract/tickers.py): one markup pattern per test."""

from __future__ import annotations

import gzip
from decimal import Decimal
from pathlib import Path

import pytest

import newsparse
from newsparse.document import load
from newsparse.extract.dom import Claim, text_of
from newsparse.extract.tickers import extract_tickers
from newsparse.models import TickerQuote

D = Decimal
ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared"
FIXTURES = ROOT / "tests" / "fixtures"

ARTICLE = (
    "<article><h1>Markets slide</h1><div class='entry-content'>"
    "<p>Crypto markets fell on Tuesday as traders weighed new tariffs and weak data.</p>"
    "<p>Analysts expect volatility to continue into the weekend, they said.</p></div></article>"
)


def page(widget: str, article: str = ARTICLE) -> str:
    return f"<html><head><title>t</title></head><body>{widget}<main>{article}</main></body></html>"


def tickers(html: str) -> Claim[list[TickerQuote]]:
    return extract_tickers(load(html))


def keys(quotes: list[TickerQuote]) -> list[tuple[str, Decimal, Decimal | None]]:
    return [(q.symbol, q.price, q.change_percent) for q in quotes]


def ccpw_item(cls: str, coin: str, sym: str, price: str, change: str, way: str) -> str:
    hidden = ' aria-hidden="true"' if "clone" in cls else ""
    return (
        f'<li class="{cls}" id="{coin.lower()}"{hidden}><div class="coin-container">'
        f'<span class="ccpw_icon"><img alt="{coin}" src="x.svg"></span>'
        f'<span class="ccpw-coin-name" title="{coin}">{sym}</span>'
        f'<span class="ccpw-price">{price}</span><span class="ccpw-changes {way}">'
        f'<i class="ccpw_icon-{way}" aria-hidden="true"></i>{change}</span></div></li>'
    )


CCPW_COINS = [
    ("Bitcoin", "BTC", "$61,321.00", "-1.9%", "down"),
    ("Ethereum", "ETH", "$1,586.44", "-4.8%", "down"),
    ("Sui", "SUI", "$0.7101", "1.6%", "up"),
]


def test_ccpw_plugin_clone_loop_counted_once() -> None:
    items = "".join(ccpw_item("ccpw-ticker-item", *c) for c in CCPW_COINS)
    clones = "".join(ccpw_item("ccpw-ticker-item ccpw-ticker-clone", *c) for c in CCPW_COINS)
    html = page(
        '<div class="ccpw-container ccpw-ticker-cont"><div class="tickercontainer">'
        '<div class="mask">'
        f'<ul class="ccpw-ticker ccpw-ticker-layout-1">{items}{clones}</ul></div></div></div>'
    )
    claim = tickers(html)
    assert keys(claim.value) == [
        ("BTC", D("61321.00"), D("-1.9")),
        ("ETH", D("1586.44"), D("-4.8")),
        ("SUI", D("0.7101"), D("1.6")),
    ]
    btc = claim.value[0]
    assert (btc.name, btc.price_raw, btc.currency) == ("Bitcoin", "$61,321.00", "USD")
    assert str(btc.price) == "61321.00"
    assert len(claim.nodes) == 1 and "ccpw-container" in (claim.nodes[0].get("class") or "")


def strip_item(sym: str, price: str, change: str, way: str) -> str:
    return (
        '<article class="linkbox inline-flex items-center text-xs">'
        f'<h3 class="font-normal"><a class="linkbox__overlay" href="/price/{sym.lower()}">{sym}</a>'
        f'</h3><p class="ml-2 font-medium">{price}</p>'
        f'<span class="ml-1 text-v2-price text-price-{way}">{change}</span></article>'
    )


def test_coin_price_strip_without_vocabulary() -> None:
    # Utility-class markup, no ticker words: found by its structure. Positive changes carry no
    # "+"; one symbol appears twice at different prices and both quotes are kept.
    rows = [
        ("BTC", "$79,390.00", "5.91%", "positive"),
        ("XAUT", "$3,013.57", "-0.58%", "negative"),
        ("USDC.E", "$0.999905", "0.00%", "positive"),
        ("USDC.E", "$1.00", "0.01%", "positive"),
        ("S", "$0.418852", "6.74%", "positive"),
    ]
    html = page(
        '<div class="relative flex"><div class="overflow-x-auto"><div class="flex gap-x-2">'
        + "".join(strip_item(*r) for r in rows)
        + "</div></div></div>"
    )
    assert keys(tickers(html).value) == [
        ("BTC", D("79390.00"), D("5.91")),
        ("XAUT", D("3013.57"), D("-0.58")),
        ("USDC.E", D("0.999905"), D("0.00")),
        ("USDC.E", D("1.00"), D("0.01")),
        ("S", D("0.418852"), D("6.74")),
    ]


def test_react_strip_with_icon_siblings_and_split_values() -> None:
    # The sign lives in a sibling icon's class; "$" and "%" sit in their own elements.
    item = (
        '<div class="flex items-center gap-3 flex-shrink-0">'
        '<span class="font-medium">{0}</span>'
        '<span class="text-foreground/80"><span>$</span><span>{1}</span></span>'
        '<svg class="lucide lucide-trending-{3} h-4 w-4"></svg>'
        '<span class="text-sm">{2}<small>%</small></span></div>'
    )
    rows = [
        ("BTC", "97,423.50", "2.34", "up"),
        ("ETH", "3,456.78", "1.23", "down"),
        ("SOL", "189.45", "5.67", "up"),
    ]
    html = page(
        '<div class="border-b"><div class="flex items-center gap-6 overflow-x-auto">'
        + "".join(item.format(*r) for r in rows)
        + "</div></div>"
    )
    assert keys(tickers(html).value) == [
        ("BTC", D("97423.50"), D("2.34")),
        ("ETH", D("3456.78"), D("-1.23")),
        ("SOL", D("189.45"), D("5.67")),
    ]


def test_server_rendered_react_comment_separators() -> None:
    item = (
        '<div class="Quote_q__1"><span class="Quote_s__2">{0}</span>'
        '<span class="Quote_p__3">$<!-- -->{1}</span><!-- -->'
        '<span class="Quote_c__4">{2}<!-- -->%</span></div>'
    )
    rows = [("BTC", "61,321.00", "-1.9"), ("ETH", "1,586.44", "-4.8"), ("SOL", "63.27", "3.2")]
    quotes = tickers(page("<div>" + "".join(item.format(*r) for r in rows) + "</div>")).value
    assert keys(quotes) == [
        ("BTC", D("61321.00"), D("-1.9")),
        ("ETH", D("1586.44"), D("-4.8")),
        ("SOL", D("63.27"), D("3.2")),
    ]
    assert quotes[0].price_raw == "$61,321.00"


def test_data_attribute_marquee_with_duplicated_loop() -> None:
    item = (
        '<span class="tick" data-symbol="{0}" data-price="{1}" data-change="{2}">'
        "<b>{0}</b> <em>${1}</em> <i>{2}%</i></span>"
    )
    loop = "".join(item.format(*r) for r in [("btc", "61321.5", "-1.25"), ("eth", "1586.4", "0.8")])
    html = page(f'<div class="price-ticker"><div class="track">{loop}{loop}</div></div>')
    assert keys(tickers(html).value) == [
        ("BTC", D("61321.5"), D("-1.25")),
        ("ETH", D("1586.4"), D("0.8")),
    ]


def test_data_attributes_fill_in_when_the_text_is_not_rendered() -> None:
    items = "".join(
        f'<li class="coin" data-symbol="{s}" data-price="{p}" data-change="{c}">'
        '<span class="coin__price"></span><span class="coin__change"></span></li>'
        for s, p, c in [("BTC", "61321.5", "-1.25"), ("ETH", "1586.4", "0.8")]
    )
    quotes = tickers(page(f'<ul class="coin-ticker">{items}</ul>')).value
    assert keys(quotes) == [("BTC", D("61321.5"), D("-1.25")), ("ETH", D("1586.4"), D("0.8"))]
    assert quotes[0].price_raw == "61321.5" and quotes[0].currency is None


@pytest.mark.parametrize(
    ("attr", "symbol"),
    [
        ("btc", "BTC"),
        ("BTCUSDT", "BTC"),
        ("ETH-USD", "ETH"),
        ("bitcoin", "BTC"),
        ("CBBTC", "CBBTC"),
    ],
)
def test_symbol_from_data_attribute(attr: str, symbol: str) -> None:
    items = "".join(
        f'<li data-symbol="{a}"><span class="price">{p}</span></li>'
        for a, p in [(attr, "$61,321.00"), ("sol", "$63.27")]
    )
    quotes = tickers(page(f'<ul class="ticker-list">{items}</ul>')).value
    assert [q.symbol for q in quotes] == [symbol, "SOL"]


def test_slug_attribute_is_not_a_symbol() -> None:
    items = "".join(
        f'<li data-coin="{slug}"><b>{sym}</b> <span>{p}</span> <span>{c}</span></li>'
        for slug, sym, p, c in [
            ("render-token", "RENDER", "$7.10", "1.2%"),
            ("sui", "SUI", "$0.71", "1.6%"),
        ]
    )
    quotes = tickers(page(f'<ul class="coin-ticker">{items}</ul>')).value
    assert keys(quotes) == [("RENDER", D("7.10"), D("1.2")), ("SUI", D("0.71"), D("1.6"))]


def test_mixed_case_symbols_in_a_strip() -> None:
    rows = [
        ("stETH", "$1,562.10", "7.40%", "positive"),
        ("cbBTC", "$79,300.00", "5.80%", "positive"),
        ("USDe", "$0.9991", "-0.02%", "negative"),
    ]
    html = page('<div class="flex gap-x-2">' + "".join(strip_item(*r) for r in rows) + "</div>")
    assert [q.symbol for q in tickers(html).value] == ["STETH", "CBBTC", "USDE"]


def test_symbol_from_logo_alt_text() -> None:
    items = "".join(
        f'<li><img src="{a}.svg" alt="{a}"><span>{p}</span><span>{c}</span></li>'
        for a, p, c in [
            ("BTC", "$61,321.00", "-1.9%"),
            ("ETH", "$1,586.44", "-4.8%"),
            ("SOL", "$63.27", "3.2%"),
        ]
    )
    quotes = tickers(page(f"<div><ul>{items}</ul></div>")).value
    assert [q.symbol for q in quotes] == ["BTC", "ETH", "SOL"]
    named = "".join(
        f'<li><img src="x.svg" alt="{a}"><span>{p}</span></li>'
        for a, p in [("Bitcoin", "$61,321.00"), ("Ethereum", "$1,586.44")]
    )
    quotes = tickers(page(f'<ul class="coin-prices">{named}</ul>')).value
    assert [(q.symbol, q.name) for q in quotes] == [("BTC", "Bitcoin"), ("ETH", "Ethereum")]


def test_flat_text_marquee() -> None:
    html = page("<marquee>BTC $61,321 ▲1.2% · ETH $1,586.44 ▼0.5% · DOGE $0.0821 −2.1%</marquee>")
    claim = tickers(html)
    assert keys(claim.value) == [
        ("BTC", D("61321"), D("1.2")),
        ("ETH", D("1586.44"), D("-0.5")),
        ("DOGE", D("0.0821"), D("-2.1")),
    ]
    assert [n.tag for n in claim.nodes] == ["marquee"]


def test_european_format_with_arrows_in_eur() -> None:
    item = (
        '<div class="Strip_item__x9"><span class="Strip_sym__a1">{0}</span>'
        '<span class="Strip_px__b2">{1}</span><span class="Strip_chg__c3">{2}</span></div>'
    )
    rows = [
        ("BTC", "58.420,17 €", "▲ 1,6 %"),
        ("ETH", "1.512,30 €", "▼ 2,4 %"),
        ("SOL", "60,02 €", "▼ 0,9 %"),
    ]
    html = page(
        '<section class="Strip_root__z0"><div class="Strip_row__q1">'
        + "".join(item.format(*r) for r in rows)
        + "</div></section>"
    )
    quotes = tickers(html).value
    assert keys(quotes) == [
        ("BTC", D("58420.17"), D("1.6")),
        ("ETH", D("1512.30"), D("-2.4")),
        ("SOL", D("60.02"), D("-0.9")),
    ]
    assert {q.currency for q in quotes} == {"EUR"}


def test_price_table_in_sidebar_widget() -> None:
    html = page(
        '<aside class="sidebar"><section class="widget widget_text"><h3>Top coins</h3>'
        "<table><thead><tr><th>Coin</th><th>Price</th><th>24h</th></tr></thead><tbody>"
        "<tr><td>Bitcoin <small>BTC</small></td><td>$61,321.00</td>"
        '<td class="red">(1.9%)</td></tr>'
        "<tr><td>Ethereum <small>ETH</small></td><td>$1,586.44</td>"
        '<td class="green">4.8%</td></tr>'
        "<tr><td>Solana <small>SOL</small></td><td>$63.27</td>"
        '<td class="negative">3.2%</td></tr>'
        "</tbody></table></section></aside>"
    )
    claim = tickers(html)
    assert keys(claim.value) == [
        ("BTC", D("61321.00"), D("-1.9")),
        ("ETH", D("1586.44"), D("4.8")),
        ("SOL", D("63.27"), D("-3.2")),
    ]
    assert [q.name for q in claim.value] == ["Bitcoin", "Ethereum", "Solana"]


def test_price_table_in_the_site_footer() -> None:
    rows = "".join(
        f"<tr><td>{s}</td><td>{p}</td><td>{c}</td></tr>"
        for s, p, c in [
            ("BTC", "$61,321", "-1.9%"),
            ("ETH", "$1,586", "-4.8%"),
            ("SOL", "$63", "3.2%"),
        ]
    )
    html = page(
        '<footer class="site-footer"><h3>Markets</h3><table><tr><th>Coin</th><th>Price</th>'
        f"<th>24h</th></tr>{rows}</table></footer>"
    )
    assert keys(tickers(html).value) == [
        ("BTC", D("61321"), D("-1.9")),
        ("ETH", D("1586"), D("-4.8")),
        ("SOL", D("63"), D("3.2")),
    ]


def test_pair_quote_sets_the_currency() -> None:
    items = "".join(
        f"<li><b>{s}/USDT</b> <span>{p}</span> <i>{c}</i></li>"
        for s, p, c in [("BTC", "61,321.00", "-1.9%"), ("ETH", "1,586.44", "-4.8%")]
    )
    quotes = tickers(page(f'<ul class="ticker">{items}</ul>')).value
    assert [(q.symbol, q.price, q.currency) for q in quotes] == [
        ("BTC", D("61321.00"), "USD"),
        ("ETH", D("1586.44"), "USD"),
    ]


def test_article_table_with_prices_is_not_a_widget() -> None:
    table = (
        "<table><tr><th>Asset</th><th>Price</th><th>Weekly</th></tr>"
        "<tr><td>BTC</td><td>$61,321</td><td>-1.9%</td></tr>"
        "<tr><td>ETH</td><td>$1,586</td><td>-4.8%</td></tr>"
        "<tr><td>SOL</td><td>$63</td><td>-3.2%</td></tr></table>"
    )
    article = (
        "<article><h1>Weekly wrap</h1><div class='entry-content'><p>Prices this week:</p>"
        f"{table}<p>All three fell as risk appetite faded across markets.</p></div></article>"
    )
    assert tickers(page("", article)).value == []


def test_list_of_prices_in_article_text_is_not_a_widget() -> None:
    items = "".join(
        f"<li><strong>{s}</strong> closed at {p}, {c} on the day</li>"
        for s, p, c in [
            ("BTC", "$61,321", "-1.9%"),
            ("ETH", "$1,586", "-4.8%"),
            ("SOL", "$63", "+3%"),
        ]
    )
    article = (
        f"<article><div class='post-content'><p>Closing levels:</p><ul>{items}</ul></div></article>"
    )
    assert tickers(page("", article)).value == []


@pytest.mark.parametrize("tag", ["p", "div"])
def test_inline_price_spans_in_running_text_stay_in_the_body(tag: str) -> None:
    para = (
        f"<{tag}>Bitcoin "
        '<span class="coin-price" data-symbol="BTC" data-price="61321">$61,321</span> and Ether '
        '<span class="coin-price" data-symbol="ETH" data-price="1586">$1,586</span> both fell '
        'while <a class="ticker" href="/quote/COIN">COIN</a> shares rose in early trading.'
        f"</{tag}>"
    )
    more = "More text follows here. " * 5
    article = f"<article><h1>Prices</h1><div>{para}<p>{more}</p></div></article>"
    html = page("", article)
    claim = tickers(html)
    assert claim.value == [] and claim.nodes == []
    parsed = newsparse.parse(html)
    assert "$61,321 and Ether $1,586 both fell while COIN shares" in parsed.text


@pytest.mark.parametrize("container", ["deals", "price-list"])
def test_product_prices_are_not_quotes(container: str) -> None:
    shop = "".join(
        f'<li class="product"><a>{n}</a><span class="price">{p}</span><span>-20%</span></li>'
        for n, p in [("Ledger Nano X", "$149"), ("SSD-1TB Drive", "$89"), ("USB-C Hub", "$29")]
    )
    assert tickers(page(f'<ul class="{container}">{shop}</ul>')).value == []


@pytest.mark.parametrize("filler", ["", "Loading...", "--", "NaN", "$--", "$0.00"])
def test_javascript_filled_widget_gives_none_but_is_claimed(filler: str) -> None:
    items = "".join(
        f'<li data-coin="{c}"><span class="sym">{c.upper()}</span>'
        f'<span class="price">{filler}</span><span class="change">{filler}</span></li>'
        for c in ("btc", "eth", "sol")
    )
    claim = tickers(page(f'<div class="crypto-ticker"><ul>{items}</ul></div>'))
    assert claim.value == []
    assert [n.get("class") for n in claim.nodes] == ["crypto-ticker"]


def test_tradingview_embed_gives_none() -> None:
    widget = (
        '<div class="tradingview-widget-container">'
        '<div class="tradingview-widget-container__widget"></div>'
        '<div class="tradingview-widget-copyright"><a href="https://example.org/markets/" '
        'rel="noopener" target="_blank"><span class="blue-text">Track all markets on TradingView'
        "</span></a></div><script>"
        '{"symbols": [{"proName": "BTCUSD"}]}</script>'
        "<noscript>BTC $61,321 ETH $1,586</noscript></div>"
    )
    claim = tickers(page(widget))
    assert claim.value == []
    assert len(claim.nodes) == 1 and "Track all markets" in text_of(claim.nodes[0])


def test_negative_and_unparseable_prices_are_skipped() -> None:
    items = "".join(
        f'<li class="ticker-item"><span>{s}</span><span>{p}</span><span>{c}</span></li>'
        for s, p, c in [
            ("BTC", "$61,321.00", "-1.9%"),
            ("BAD", "-$5.00", "1.0%"),
            ("NAN", "$NaN", "1.0%"),
            ("ETH", "$1,586.44", "-4.8%"),
        ]
    )
    assert keys(tickers(page(f'<ul class="ticker">{items}</ul>')).value) == [
        ("BTC", D("61321.00"), D("-1.9")),
        ("ETH", D("1586.44"), D("-4.8")),
    ]


def test_quote_without_change_has_none() -> None:
    items = "".join(
        f'<div class="coin-price"><span class="coin-symbol">{s}</span> <span>{p}</span></div>'
        for s, p in [("BTC", "$61,321.00"), ("ETH", "$1,586.44")]
    )
    quotes = tickers(page(f'<div class="coin-prices-bar">{items}</div>')).value
    assert keys(quotes) == [("BTC", D("61321.00"), None), ("ETH", D("1586.44"), None)]


def test_widget_text_stays_out_of_the_body() -> None:
    items = "".join(ccpw_item("ccpw-ticker-item", *c) for c in CCPW_COINS)
    html = page(f'<div class="ccpw-container"><ul class="ccpw-ticker">{items}</ul></div>')
    article = newsparse.parse(html)
    assert len(article.tickers) == 3
    assert "61,321" not in article.text
    assert "Crypto markets fell" in article.text


def test_seed_page_has_17_distinct_quotes() -> None:
    article = newsparse.parse((FIXTURES / "crypto-news-page.html").read_bytes())
    quotes = article.tickers
    assert len(quotes) == 17
    assert len({(q.symbol, q.price, q.change_percent) for q in quotes}) == 17
    assert (quotes[0].symbol, quotes[0].price, quotes[0].change_percent) == (
        "BTC",
        D("61321.00"),
        D("-1.9"),
    )
    assert all(isinstance(q.price, Decimal) and q.currency == "USD" for q in quotes)
    sui = next(q for q in quotes if q.symbol == "SUI")
    assert sui.change_percent == D("1.6")
    assert sum(1 for q in quotes if q.change_percent is not None and q.change_percent < 0) == 16


FIXTURE_QUOTES = {
    "tickers-marquee-data": (
        6,
        ("BTC", D("63318.42"), D("-0.84")),
        ("SOL", D("128.90"), D("1.47")),
        "USD",
    ),
    "tickers-nextjs-eur": (
        6,
        ("BTC", D("58420.17"), D("-1.62")),
        ("SOL", D("117.85"), D("0.37")),
        "EUR",
    ),
    "tickers-sidebar-table": (
        5,
        ("BTC", D("46812.55"), D("-0.84")),
        ("USDT", D("0.7391"), D("0.01")),
        "GBP",
    ),
}


@pytest.mark.parametrize("name", sorted(FIXTURE_QUOTES))
def test_fixture_pages(name: str) -> None:
    count, first, other, currency = FIXTURE_QUOTES[name]
    article = newsparse.parse((FIXTURES / f"{name}.html").read_bytes())
    got = keys(article.tickers)
    assert len(got) == count == len(set(got))
    assert got[0] == first and other in got
    assert {q.currency for q in article.tickers} == {currency}
    assert article.tickers[0].price_raw not in article.text  # the widget stays out of the body


CRYPTO_DEV = SHARED / "corpora" / "crypto-dev"
AEB_DEV = SHARED / "corpora" / "aeb-dev" / "html"


def _crypto_dev_pages(pattern: str) -> list[Path]:
    """The crypto-dev pages matching ``pattern``.

    Skips (with the reason) without ../shared; fails when the corpus is there but the
    pages this test is about are not (a renamed page must not turn the test into a no-op).
    """
    if not CRYPTO_DEV.is_dir():
        pytest.skip("../shared/corpora/crypto-dev not available")
    pages = sorted(CRYPTO_DEV.glob(pattern))
    assert pages, f"no crypto-dev page matches {pattern}: update the test to the corpus"
    return pages


def test_crypto_dev_coin_strip() -> None:
    """decrypt.co's coin strip: a marquee of ~250 quotes, the same symbol at other prices."""
    (strip,) = _crypto_dev_pages("decrypt-co--*.html")
    quotes = newsparse.parse(strip.read_bytes()).tickers
    assert len(quotes) >= 240
    assert len({q.symbol for q in quotes}) < len(quotes)  # same symbol, other price


def test_crypto_dev_js_widgets_give_no_quotes() -> None:
    """altcointrading.net's price widgets are filled by JavaScript: nothing to read."""
    pages = _crypto_dev_pages("altcointrading-net--*.html")
    assert len(pages) >= 5
    for path in pages:
        assert extract_tickers(load(path.read_bytes())).value == [], path.name


@pytest.mark.skipif(not AEB_DEV.is_dir(), reason="../shared corpora not available")
def test_ordinary_news_pages_have_no_tickers() -> None:
    pages = sorted(AEB_DEV.glob("*.html.gz"))
    assert pages
    found = {}
    for path in pages:
        quotes = extract_tickers(load(gzip.decompress(path.read_bytes()))).value
        if quotes:
            found[path.name] = len(quotes)
    assert found == {}


def _strip(rows: list[tuple[str, str, str, str]], header: str = "") -> str:
    items = "".join(
        f"<li class='ticker-item'><span class='sym'>{s}</span> <span class='price'>{p}</span> "
        f"<span class='change {cls}'>{c}</span></li>"
        for s, p, c, cls in rows
    )
    return f"<div class='ticker-wrap'>{header}<ul class='ticker-list'>{items}</ul></div>"


def test_change_without_percent_sign_is_read_from_the_change_cell() -> None:
    rows = [("BTC", "$61,321.00", "-1.90", "down"), ("ETH", "$3,456.78", "+2.35", "up")]
    assert keys(tickers(page(_strip(rows))).value) == [
        ("BTC", D("61321.00"), D("-1.90")),
        ("ETH", D("3456.78"), D("2.35")),
    ]


def test_pairs_and_compact_and_scientific_numbers() -> None:
    rows = [
        ("BTCUSD", "61.32K", "-1.90%", "down"),
        ("ETH/USDT", "3,456.78", "+2.35%", "up"),
        ("SOL-USD", "1.452E+2", "+0.80%", "up"),
        ("XRPUSDT", "0.5234", "-0.42%", "down"),
    ]
    assert keys(tickers(page(_strip(rows))).value) == [
        ("BTC", D("61320"), D("-1.90")),
        ("ETH", D("3456.78"), D("2.35")),
        ("SOL", D("145.2"), D("0.80")),
        ("XRP", D("0.5234"), D("-0.42")),
    ]


def test_token_symbol_with_a_dash_is_not_split_as_a_pair() -> None:
    rows = [("BSC-USD", "$1.001", "+0.29%", "up"), ("BTC", "$61,321.00", "-1.90%", "down")]
    assert [q.symbol for q in tickers(page(_strip(rows))).value] == ["BSC-USD", "BTC"]


@pytest.mark.parametrize(
    ("price", "value"),
    [
        ("61.321,00 €", D("61321.00")),
        ("61\u00a0321,00 $", D("61321.00")),
        ("61\u202f321,00 €", D("61321.00")),
        ("CHF 61'321.00", D("61321.00")),
    ],
)
def test_local_number_formats(price: str, value: Decimal) -> None:
    rows = [("BTC", price, "-1,90 %", "down"), ("ETH", "3.456,78 €", "+2,35 %", "up")]
    quotes = tickers(page(_strip(rows))).value
    assert (quotes[0].symbol, quotes[0].price, quotes[0].change_percent) == (
        "BTC",
        value,
        D("-1.90"),
    )


@pytest.mark.parametrize(
    ("change", "cls", "value"),
    [
        ("▼ 1.90%", "", D("-1.90")),
        ("▲ 1.90%", "", D("1.90")),
        ("1.90%", "text-red", D("-1.90")),
        ("1.90%", "negative", D("-1.90")),
        ("1.90%", "text-green", D("1.90")),
    ],
)
def test_sign_from_arrow_or_colour_class(change: str, cls: str, value: Decimal) -> None:
    rows = [("BTC", "$61,321.00", change, cls), ("ETH", "$3,456.78", "+2.35%", "up")]
    assert tickers(page(_strip(rows))).value[0].change_percent == value


# ------------------------------------------------------------------ the page-level gate


def _gate(html: str) -> bool:
    from newsparse.extract.tickers import _may_have_tickers

    return _may_have_tickers(load(html))


def test_gate_skips_an_ordinary_article_with_prices_in_its_text() -> None:
    article = (
        "<article><h1>Earnings</h1><p>Shares rose 4% to $61.20 after the results.</p>"
        "<p>The company paid $3 a share.</p><style>.w{width:100%;height:50%}</style>"
        "<script>var a = 5 % 3; var b = '100%';</script></article>"
    )
    assert not _gate(page("", article))
    assert tickers(page("", article)).value == []


def test_gate_counts_only_shown_percent_signs() -> None:
    # three "%" and three prices with a currency in the text: the gate lets the page
    # through (the detector then decides); without the currencies it cannot hold three
    # strict quotes
    article = "<article><p>Up 1%, 2% and 3% this week, at $5, $6 and $7.</p></article>"
    assert _gate(page("", article))
    assert not _gate(page("", article.replace("$", "")))


@pytest.mark.parametrize(
    "widget",
    [
        "<div class='crypto-ticker'></div>",  # vocabulary in a class
        "<div id='price-ticker-top'></div>",  # ... or an id
        "<marquee>BTC $61,000</marquee>",
        "<span data-price='61000'>BTC</span>",  # a quote attribute
        "<span data-change24h='1.2'></span>",
    ],
)
def test_gate_lets_ticker_markup_through(widget: str) -> None:
    assert _gate(page(widget))


def test_gate_passes_every_unnamed_strip_the_detector_finds() -> None:
    # no vocabulary: three items with a "%" each (the minimum the detector accepts)...
    rows = [
        ("BTC", "$61,321.00", "-1.90%"),
        ("ETH", "$3,456.78", "+2.35%"),
        ("SOL", "$145.20", "0.80%"),
    ]
    items = "".join(f"<li><b>{s}</b> <span>{p}</span> <span>{c}</span></li>" for s, p, c in rows)
    html = page(f"<aside><ul class='flex'>{items}</ul></aside>")
    assert _gate(html)
    assert [q.symbol for q in tickers(html).value] == ["BTC", "ETH", "SOL"]
    # ... or changes without "%", in elements named as the change
    bare = "".join(
        f"<li><b>{s}</b> <span>{p}</span> <span class='chg-delta'>{c[:-1]}</span></li>"
        for s, p, c in rows
    )
    html = page(f"<aside><ul class='flex'>{bare}</ul></aside>")
    assert _gate(html)
    assert [q.symbol for q in tickers(html).value] == ["BTC", "ETH", "SOL"]

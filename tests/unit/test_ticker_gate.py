"""The tickers detector's page-level gate (tickers._may_have_tickers) is a necessary
condition: with and without it the detector finds the same, and nothing where it
rejects the page.  Checked on every fixture and zoo page and on the dev corpora when
../shared is present (readability- and trafilatura-dev with ``-m slow``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from gate_pages import DEV_CORPORA, corpus_pages, fixture_and_zoo_pages

from newsparse.document import Document, load
from newsparse.extract import tickers
from newsparse.extract.dom import Claim, page_index


def _doc(html: str | bytes) -> Document:
    doc = load(html)
    page_index(doc)
    return doc


def _same(a: Claim[Any], b: Claim[Any]) -> bool:
    return a.value == b.value and [(n.tag, n.sourceline) for n in a.nodes] == [
        (n.tag, n.sourceline) for n in b.nodes
    ]


def _check(html: str | bytes) -> tuple[bool, bool]:
    """(gate, found) on a page: the gated and ungated detector agree."""
    gate = tickers._may_have_tickers(_doc(html))
    ungated = tickers._find(_doc(html))
    assert _same(tickers.extract_tickers(_doc(html)), ungated)
    found = bool(ungated.value or ungated.nodes)
    assert gate or not found
    return gate, found


def _pages() -> Iterator[str | bytes]:
    for _, html in fixture_and_zoo_pages():
        yield html


def test_gate_is_necessary_on_fixtures_and_zoo() -> None:
    seen = [_check(html) for html in _pages()]
    assert sum(not gate for gate, _ in seen) >= 10  # the gate rejects pages
    assert sum(found for _, found in seen) >= 5  # and tickers are found


def test_percent_gate_reads_text_outside_the_body() -> None:
    # no hint, no quote attribute: the three changes are the only way in
    quotes = "".join(
        f"<tr><td>{s}</td><td>$1{i},000.50</td><td>+1.{i}%</td></tr>"
        for i, s in enumerate(["BTC", "ETH", "SOL"])
    )
    page = f"<html><body><aside><table>{quotes}</table></aside></body></html>"
    assert _check(page) == (True, True)
    styled = "<html><head><style>a{width:50%;height:50%;top:5%}</style></head><body>x</body>"
    assert tickers._may_have_tickers(_doc(styled)) is False


def _strict_rows(prices: list[str]) -> str:
    """A page with a table of quotes in a sidebar, named by no ticker vocabulary: only
    strict quotes (symbol, price with a currency, change) make it a widget."""
    rows = "".join(
        f"<tr><td>{s}</td><td>{p}</td><td>+1.{i}%</td></tr>"
        for i, (s, p) in enumerate(zip(["BTC", "ETH", "SOL"], prices, strict=True))
    )
    return f"<html><body><aside><table>{rows}</table></aside><p>Text.</p></body></html>"


def test_currency_gate_needs_three_prices_with_a_currency() -> None:
    signs = _strict_rows(["$61,321.50", "€3,456.10", "145.20 zł"])
    assert _check(signs) == (True, True)
    assert tickers._item_text_count(_doc(signs), tickers._count_signs) == 3
    # ISO codes, read case-sensitively from the text pieces
    codes = _strict_rows(["61,321.50 USD", "EUR 3,456.10", "145.20 USDT"])
    assert _check(codes) == (True, True)
    assert tickers._code_count(_doc(codes)) == 3
    # a code split by a comment is one ("USD": the loader drops comments); one split by
    # an element is counted too (the pieces are joined), though no price reads it
    split = _strict_rows(["61,321.50 US<!-- -->D", "EUR 3,456.10", "$145.20"])
    assert tickers._code_count(_doc(split)) == 2
    assert _check(split) == (True, True)
    split = _strict_rows(["61,321.50 US<b> </b>D", "EUR 3,456.10", "$145.20"])
    assert tickers._code_count(_doc(split)) == 2
    assert _check(split) == (True, False)
    # bare numbers: three changes but no currency, no strict quote
    bare = _strict_rows(["61,321.50", "3,456.10", "145.20"])
    assert _check(bare) == (False, False)
    # lower case is no code, nor is a code in a script or a button
    hidden = _strict_rows(["61,321.50 usd", "3,456.10 <button>EUR</button>", "145.20"])
    hidden = hidden.replace("<p>", "<script>var c = 'USD EUR GBP';</script><p>")
    assert tickers._code_count(_doc(hidden)) == 0
    assert _check(hidden) == (False, False)


def test_sign_marks_cover_every_currency_sign() -> None:
    for sign in tickers.CURRENCY_SIGNS:
        assert tickers._count_signs(sign) >= 1, sign
        assert tickers._count_signs(f"1 {sign.upper()} 2 {sign.lower()}") >= 1, sign
    assert tickers._count_signs("no price here: 5 USD") == 0


@pytest.mark.parametrize("corpus", DEV_CORPORA)
def test_gate_is_necessary_on_dev_corpora(corpus: str, request: pytest.FixtureRequest) -> None:
    for _, html in corpus_pages(corpus, request):
        _check(html)


def test_hint_search_from_word_starts_is_the_pattern_search() -> None:
    texts = [
        "", "coin", "coinprice", "coin-price", "bitcoin-list", "crypto_rates", "stocks-data",
        "market ticker", "quotes_board", "tradingview-widget", "tradingviewwidget",
        "price-widgets", "priceboard\nmarquee", "pricetickertape", "no hint here",
    ]  # fmt: skip
    texts += [html.lower() for _, html in fixture_and_zoo_pages() if isinstance(html, str)]
    for text in texts:
        assert tickers._hint_in(text) == bool(tickers._HINT.search(text)), text[:80]


def _percent_count_by_text_content(doc: Document) -> int:
    """What tickers._percent_count stands in for: the shown text's "%" plus those of the
    text outside the body (``text_content()``), less those of scripts and styles."""
    root = doc.root
    body = root.find("body")
    shown = tickers.shown_text(doc)
    assert shown is not None and body is not None
    outside = [root.text or ""]
    hidden = 0
    for child in root:
        if child is not body and isinstance(child.tag, str):
            outside.append(child.text_content())
            hidden += sum((el.text or "").count("%") for el in child.iter("script", "style"))
        outside.append(child.tail or "")
    return shown.count("%") + "".join(outside).count("%") - hidden


def _check_percent_count(pages: Iterator[str | bytes]) -> int:
    counted = 0
    for html in pages:
        doc = _doc(html)
        if doc.root.find("body") is None or tickers.shown_text(doc) is None:
            continue
        expected = _percent_count_by_text_content(doc)
        assert tickers._percent_count(doc) == expected
        counted += expected > 0
    return counted


def test_percent_count_is_the_text_content_count() -> None:
    head = (
        "<html><head><title>BTC +5%</title><style>a{width:50%}</style>"
        "<script>var x = '10%';</script><!-- 7% --><noscript><p>3%</p></noscript>"
        "<script type='application/ld+json'>{\"a\": \"9%\"}</script></head>"
        "<body><p>1% and 2%</p></body></html>"
    )
    assert tickers._percent_count(_doc(head)) == 4  # title, noscript, body x2
    assert _check_percent_count(iter([head, *_pages()])) >= 5


@pytest.mark.parametrize("corpus", DEV_CORPORA)
def test_percent_count_on_dev_corpora(corpus: str, request: pytest.FixtureRequest) -> None:
    _check_percent_count(html for _, html in corpus_pages(corpus, request))

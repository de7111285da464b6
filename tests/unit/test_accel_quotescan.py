"""The compiled ticker text tests (newsparse._accel.quotescan) give what their Python
twins give.

The Python functions are the reference: ``ticker_quotes._priceish_python`` (a price
mark in a text, or a lone sign) and ``tickers._code_count_python`` (the currency codes
in the page's joined, squashed text pieces).  Texts: generated from the characters the
patterns tell apart (ASCII and other decimal digits, digits that are not decimal,
ASCII, Unicode and control spaces, every sign, "%", "z\u0142", capitals, word and
non-word characters), any text at all, and every text piece of the fixtures and the
zoo.  Trees: the fixtures, the zoo, samples and generated trees (codes split by
elements, spaces and zero-width characters, inside skipped elements, non-ASCII text).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from tests.unit.gate_pages import DEV_CORPORA, FIXTURES, compiled_module, corpus_pages

from newsparse.document import load
from newsparse.extract import ticker_quotes, tickers
from newsparse.extract.dom import page_index
from newsparse.extract.widget_gate import page_naming_text

COMPILED, needs_compiled = compiled_module("quotescan")

_CHARS = (
    "0123456789\u0663\uff10\U0001d7d8\u00b2\u2168"  # digits; ² and Ⅸ are not decimal
    " \t\n\x0b\x1c\x1f\x85\u00a0\u2003\u3000\u200b"  # spaces (and a zero-width one)
    "$\u00a3\u00a5\u0e3f\u20a6\u20a9\u20aa\u20ab\u20ac\u20b1\u20b4\u20b9\u20ba\u20bd%"
    "z\u0142\u0141ZABCDUSEfx_.,-\u00e9\u00c9\u4e2d"
)


def _same_priceish(text: str) -> None:
    assert COMPILED is not None
    assert COMPILED.priceish(text) == ticker_quotes._priceish_python(text), repr(text)


@needs_compiled
def test_priceish_on_samples() -> None:
    samples = [
        "", "$", "%", " % ", "$5", "$ 5", "$  5", "$.", "$\u00a0.5", "5$", "5 $", "5  $",
        "5%", "5 %", "\u0663%", "\u00b2%", "5 z\u0142", "5z\u0142", "5 z", "5 USD", "5USD",
        "5 USDT", "5 USD_", "5 USD.", "5 USDé", "5 US", "5 usd", "5\u00a0EUR", "5\x1cEUR",
        "x" * 15 + "%", " " * 14 + "$", "\u2003\u20ac\u3000", "$$", "% %", "12 May 2024",
        "price: $", "61.321,00 \u20ac", "\u0e3f9",
    ]  # fmt: skip
    for text in samples:
        _same_priceish(text)
    assert COMPILED is not None
    assert COMPILED.priceish("5 USD") and not COMPILED.priceish("5 USDT")


@needs_compiled
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_CHARS, max_size=20))
def test_priceish_on_generated_texts(text: str) -> None:
    _same_priceish(text)


@needs_compiled
@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=40))
def test_priceish_on_any_text(text: str) -> None:
    _same_priceish(text)


def _texts(html: str | bytes) -> list[str]:
    doc = load(html)
    return [t for el in doc.root.iter() for t in (el.text, el.tail) if isinstance(t, str)]


@needs_compiled
def test_priceish_on_the_texts_of_fixtures_and_zoo() -> None:
    from tests.zoo.generate import build_all

    pages: list[str | bytes] = [p.read_bytes() for p in FIXTURES]
    pages += [page.html for page in build_all()]
    found = 0
    for html in pages:
        for text in _texts(html):
            _same_priceish(text)
            found += ticker_quotes._priceish_python(text)
    assert found > 100


def _same_count(html: str | bytes) -> int:
    """The compiled code count and quote-attribute test agree with their twins."""
    assert tickers._QUOTESCAN is not None
    doc = load(html)
    page_index(doc)
    assert tickers._has_quote_attribute(doc) == tickers._has_quote_attribute_python(doc)
    outside = tickers._outside_body_text_python(doc.root)
    assert tickers._outside_body_text(doc.root) == outside
    python = tickers._code_count_python(doc)
    assert tickers._code_count(doc) == python
    return python


@needs_compiled
def test_outside_body_text_samples() -> None:
    head = (
        "<html><head><title>T \u20ac1</title><style>b{c:1%}</style><script>var d</script>"
        "<!-- f --></head><body><p>h</p><style>i</style></body></html>"
    )
    doc = load(head)
    assert tickers._outside_body_text(doc.root) == tickers._outside_body_text_python(doc.root)
    assert tickers._outside_body_text(doc.root) == "T \u20ac1"
    xml = etree.fromstring(
        "<html><head><![CDATA[k]]><script>l<b>m</b></script></head><body>n</body>"
        "<body>o</body><x:body xmlns:x='urn:x'>p</x:body></html>"
    )
    assert tickers._outside_body_text(xml) == tickers._outside_body_text_python(xml) == "kmop"


@needs_compiled
def test_quote_attribute_samples() -> None:
    cases = {
        "<p data-price='1'>x</p>": True,
        "<p class='data-price' title='data-symbol'>x</p>": False,
        "<div><span data-change24h>x</span></div>": True,
        "<p data-prices='1' data-coin-symbols='x'>x</p>": False,
        "<svg xmlns:q='urn:q'><g q:data-price='1'/></svg>": False,
        "<p>x</p>": False,
    }
    for body, expected in cases.items():
        doc = load(f"<html><body>{body}</body></html>")
        page_index(doc)
        assert tickers._has_quote_attribute(doc) is expected, body
        assert tickers._has_quote_attribute_python(doc) is expected, body


@needs_compiled
def test_code_count_on_samples() -> None:
    cases = {
        "<p>5 USD, 6 EUR and 7 usd</p>": 2,
        "<p>USDT USDUSD EURO AUSD</p>": 5,  # "AUSD": "AUS" is no code, "USD" follows
        "<p>US<b>D</b> E<i> </i>U\u200bR G\u00a0B<!-- -->P</p>": 3,  # joined and squashed
        "<p>US\u00e9D</p><script>USD</script><button>EUR</button><select>GBP</select>": 0,
        "<svg><text>USD</text></svg>CHF<noscript>JPY</noscript><template>NOK</template>": 1,
        "<p>\u4e2dUSD\u2003EUR\x1cGBP\x85CHF</p>": 4,
    }
    for body, expected in cases.items():
        assert _same_count(f"<html><body>{body}</body></html>") == expected, body


@needs_compiled
@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_code_count_on_fixtures(path: Path) -> None:
    _same_count(path.read_bytes())


@needs_compiled
def test_code_count_on_zoo_pages() -> None:
    from tests.zoo.generate import build_all

    assert sum(_same_count(page.html) > 0 for page in build_all()) >= 1


_TAGS = ["div", "span", "p", "b", "td", "script", "style", "svg", "button", "select",
         "noscript", "template", "title", "math"]  # fmt: skip
_PARTS = ["", " ", "US", "D", "USD", "E", "UR", "\u200b", "\u00a0", "\u2003", "\x1c", "5",
          "\u00e9", "GBP ", "x", "AU", "SD", "\u4e2d"]  # fmt: skip


@st.composite
def _trees(draw: st.DrawFn, depth: int = 0) -> str:
    parts = ["".join(draw(st.lists(st.sampled_from(_PARTS), max_size=3)))]
    for _ in range(draw(st.integers(0, 3 if depth < 4 else 0))):
        if draw(st.integers(0, 9)) == 0:
            parts.append("<!-- c -->")
        else:
            tag = draw(st.sampled_from(_TAGS))
            parts.append(f"<{tag}>{draw(_trees(depth + 1))}</{tag}>")
        parts.append("".join(draw(st.lists(st.sampled_from(_PARTS), max_size=3))))
    return "".join(parts)


@needs_compiled
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_trees())
def test_code_count_on_generated_trees(markup: str) -> None:
    _same_count(f"<html><head><title>USD</title></head><body>{markup}</body></html>")


@needs_compiled
@pytest.mark.parametrize("corpus", DEV_CORPORA)
def test_dev_corpora(corpus: str, request: pytest.FixtureRequest) -> None:
    for _, html in corpus_pages(corpus, request):
        _same_count(html)
        _same_names(page_naming_text(load(html)))
        for text in _texts(html):
            _same_priceish(text)


@needs_compiled
def test_the_compiled_tests_are_used_while_the_patterns_are_theirs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The compiled tests were written for these patterns, codes and tags: they are used
    with them, and not once one of the Python ones changes."""
    assert COMPILED is not None
    assert ticker_quotes._compiled_priceish() is COMPILED.priceish
    assert ticker_quotes._priceish is COMPILED.priceish
    assert tickers._compiled_quotescan() is COMPILED
    mark = ticker_quotes.PRICE_MARK
    for name, value in {
        "PRICE_MARK": re.compile(mark.pattern + "|#\\d"),
        "LONE_SIGN": re.compile(ticker_quotes.LONE_SIGN.pattern, re.IGNORECASE),
    }.items():
        with monkeypatch.context() as m:
            m.setattr(ticker_quotes, name, value)
            assert ticker_quotes._compiled_priceish() is ticker_quotes._priceish_python
    for name, value in {
        "_CODES": re.compile(tickers._CODES.pattern + "|XAU"),
        "_SKIP": tickers._SKIP - {"select"},
    }.items():
        with monkeypatch.context() as m:
            m.setattr(tickers, name, value)
            assert tickers._compiled_quotescan() is None


_NAMES = ["ticker", "marquee", "coin", "coinprice", "coin-price", "crypto_rates", "stocks",
          "market-data", "quote", "quotes_board", "tradingview-widget", "change", "changes",
          "percent", "pct", "diff", "difff", "delta", "move", "moved", "remove", "\n", "-",
          "x", "c", "m", "ma", "chan", "price-widget", "pricetickertape"]  # fmt: skip


def _same_names(text: str) -> None:
    assert tickers._QUOTESCAN is not None
    assert tickers._hint_in(text) == tickers._hint_in_python(text) == bool(
        tickers._HINT.search(text)
    )
    assert tickers._change_count(text) == tickers._change_count_python(text)


@needs_compiled
@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_NAMES), max_size=12).map("".join))
def test_name_scans_on_generated_names(text: str) -> None:
    _same_names(text)


@needs_compiled
def test_name_scans_on_the_names_of_fixtures_and_zoo() -> None:
    from tests.zoo.generate import build_all

    pages: list[str | bytes] = [p.read_bytes() for p in FIXTURES]
    pages += [page.html for page in build_all()]
    for html in pages:
        _same_names(page_naming_text(load(html)))
    assert COMPILED is not None
    wide = "\u00e9t\u00e9 ticker"  # not ASCII: the Python twins decide
    assert COMPILED.hint_in(wide, tickers._HINT_WORDS, tickers._HINT.match) is None
    assert COMPILED.count_words("\u00e9 change", tickers._CHANGE_WORDS) is None
    assert tickers._hint_in("\u00e9t\u00e9 ticker") and tickers._change_count("\u00e9 change") == 1
    assert COMPILED.count_words("changechange movemove ange", ("change", "move")) == 4

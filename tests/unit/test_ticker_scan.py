"""The tickers detector's mark scan (tickers._scan) passes whitespace-only texts over
before its regex calls; it finds what the plain walk (kept here as the oracle) finds,
in the same order, on every fixture and zoo page and the dev corpora when ../shared is
present (readability- and trafilatura-dev with ``-m slow``)."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from gate_pages import DEV_CORPORA, corpus_pages, fixture_and_zoo_pages

from newsparse.document import Document, load
from newsparse.extract import tickers
from newsparse.extract.dom import HtmlElement, page_attribute_names, page_index


def _scan_by_walk(doc: Document) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """tickers._scan as it was: every text and tail through the regexes."""
    index = page_index(doc)
    marked: dict[HtmlElement, None] = {}
    hinted: list[HtmlElement] = []
    mark, lone = tickers._PRICE_MARK.search, tickers._LONE_SIGN.fullmatch
    quote_attrs = not tickers._QUOTE_ATTR_SET.isdisjoint(page_attribute_names(doc))
    skip = tickers._SKIP | tickers._NOT_CONTENT
    for node in index.elements:
        tail = node.tail
        if tail and (mark(tail) or (len(tail) < 16 and lone(tail))):
            parent = node.getparent()
            if parent is not None:
                marked.setdefault(parent, None)
        if node.tag in skip:
            continue
        attrib = index.attrs.get(node, {})
        text = node.text
        if (text and (mark(text) or (len(text) < 16 and lone(text)))) or (
            quote_attrs and not tickers._QUOTE_ATTR_SET.isdisjoint(attrib)
        ):
            marked.setdefault(node, None)
        cls = attrib.get("class")
        if node.tag == "marquee" or (cls and tickers._hinted_class(cls)):
            hinted.append(node)
    inside = {d for el in doc.root.iter(*tickers._SKIP) for d in el.iterdescendants()}
    return [el for el in marked if el not in inside], [el for el in hinted if el not in inside]


def _check(pages: Iterable[str | bytes]) -> int:
    marked = 0
    for html in pages:
        doc = load(html)
        page_index(doc)
        expected = _scan_by_walk(doc)
        assert tickers._scan(doc) == expected
        marked += bool(expected[0])
    return marked


def test_scan_on_whitespace_and_signs() -> None:
    page = (
        "<html><body><ul class='coin-ticker'><li>BTC\n <b>$</b>\n 61,321 <i>\u00a0+1.2%</i> 3 %"
        "</li><li>ETH <span> % </span>\t\n</li></ul><p>\u2003\u3000</p></body></html>"
    )
    doc = load(page)
    page_index(doc)
    marked, hinted = tickers._scan(doc)
    assert {el.tag for el in marked} == {"li", "b", "i", "span"}
    assert [el.tag for el in hinted] == ["ul"]
    assert _check([page]) == 1


def test_scan_is_the_walk_on_fixtures_and_zoo() -> None:
    assert _check(html for _, html in fixture_and_zoo_pages()) >= 10


@pytest.mark.parametrize("corpus", DEV_CORPORA)
def test_scan_is_the_walk_on_dev_corpora(corpus: str, request: pytest.FixtureRequest) -> None:
    _check(html for _, html in corpus_pages(corpus, request))

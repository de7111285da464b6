"""load()'s shortcuts give the same Document as the long way round.

The fast path hands the parser the page's UTF-8 bytes as they came when
``clean_text`` would change nothing; ``_read_head`` reads meta, link and script
elements in one walk; the ruby / void-element repairs are skipped when the tree has
no such element.  Each must agree with the plain reading (the fixture pages are
loaded both ways).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from newsparse import document
from newsparse.cleaning import clean_utf8
from newsparse.document import Limits, clean_text, load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

#: Pieces that clean_text treats specially, mixed with ordinary text and markup.
_PIECES = [
    "a", "Bitcoin ", "<p>", "</p>", "\n", "\t", "\r", "\r\n", "\ufeff", "\x00", "\x07",
    "\x0b", "\x0c", "\x1f", "\x7f", "\x80", "\x9f", "\xa0", "\xe9", "\u2019", "\u202a",
    "\u202e", "\u2066", "\u2069", "\u200e", "\ufdd0", "\ufdef", "\ufffd", "\ufffe",
    "\uffff", "\U0001fffe", "\U0001f600", "&#", "&#0;", "&#9;", "&#10;", "&#11;", "&#x0c;",
    "&#13;", "&#8217;", "&#x2019;", "&#X202A;", "&#127;", "&#xfdd0;", "&#65534;", "&#x1FFFF",
    "&#0000000011;", "&amp;", "x;",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_clean_utf8_says_exactly_when_clean_text_changes_nothing(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert clean_utf8(text.encode("utf-8")) == (clean_text(text) == text)


@given(st.text(max_size=40))
def test_clean_utf8_never_passes_text_that_clean_text_changes(text: str) -> None:
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates never take the fast path
        return
    if clean_utf8(data):
        assert clean_text(text) == text


def _pages() -> list[Path]:
    return sorted(FIXTURES.rglob("*.html"))


@pytest.mark.parametrize("path", _pages(), ids=lambda p: p.name)
def test_fast_path_loads_the_same_document(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = path.read_bytes()
    text = data.decode("utf-8")
    fast = [load(data), load(text)]
    monkeypatch.setattr(document, "clean_bytes", lambda decoded: None)
    slow = load(data)
    for doc in fast:
        assert etree.tostring(doc.root) == etree.tostring(slow.root)
        assert (doc.meta, doc.links, doc.jsonld) == (slow.meta, slow.links, slow.jsonld)


def test_the_fast_path_is_taken_forclean_utf8() -> None:
    page = "<p>Bitcoin ’ &#8217;  </p>".encode()
    decoded = document._to_text(page, None, Limits())
    assert decoded.utf8 is page
    assert document.clean_bytes(decoded) is page


def test_control_characters_still_take_the_cleaning_path() -> None:
    page = "<html><body><p>Bit\x00coin\x0bnews\r\nmore&#11;done\u202e</p></body></html>"
    doc = load(page.encode("utf-8"))
    assert doc.root.findtext(".//p") == "Bitcoin news\nmore done"


def test_lone_surrogates_are_replaced() -> None:
    doc = load("<html><body><p>a\ud800b</p></body></html>")
    assert doc.root.findtext(".//p") == "a\ufffdb"


def test_ruby_is_stripped_only_where_present() -> None:
    doc = load("<p>東京の<ruby>子<rp>(</rp><rt>こども</rt><rp>)</rp></ruby>たち</p>")
    assert doc.root.text_content() == "東京の子たち"
    # an "<rt" in the text but no rt element: nothing to strip
    doc = load("<p>a &lt;rt b <rp>(</rp></p>")
    assert doc.root.text_content() == "a <rt b ("


def test_head_is_read_in_one_walk() -> None:
    page = (
        "<html lang=' de '><head>"
        '<meta name="Description" content=" one  two ">'
        '<link rel="Canonical Alternate" href="https://example.org/a">'
        '<link href="https://example.org/no-rel">'
        '<link rel="author">'
        '<script type="Application/LD+JSON">{"@type": "NewsArticle", "headline": "H"}</script>'
        '<script type="application/ld+json ">{"@type": "Event"}</script>'
        '<script type="application/json">{"@type": "Event"}</script>'
        '</head><body><meta itemprop="author" content="Jane Doe">'
        '<script type="application/ld+json">{"@type": "Person", "name": "P"}</script>'
        "<p>x</p></body></html>"
    )
    doc = load(page)
    assert doc.language == "de"
    assert doc.meta == {"description": ["one two"], "author": ["Jane Doe"]}
    assert doc.links == {
        "canonical": ["https://example.org/a"],
        "alternate": ["https://example.org/a"],
    }
    assert [o["@type"] for o in doc.jsonld] == ["NewsArticle", "Person"]


_HREF_CHARS = st.sampled_from("ab/:?# \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000é")


@given(st.text(alphabet=_HREF_CHARS, max_size=20))
def test_clean_href_matches_the_two_substitutions(href: str) -> None:
    expected = re.sub(r"\s+", "%20", re.sub(r"[\t\n\r]+", "", href.strip()))
    assert document._clean_href(href) == expected


def test_elements_are_counted_before_ruby_is_stripped() -> None:
    from newsparse.errors import TooManyElementsError

    ruby = "<ruby>漢<rt>kan</rt></ruby>" * 5  # 10 elements, 5 of them stripped
    page = f"<html><body><p>{ruby}</p></body></html>"  # html, head?, body, p: <= 4 more
    doc = load(page, limits=Limits(max_elements=20))
    assert doc.root.text_content() == "漢" * 5
    with pytest.raises(TooManyElementsError):
        load(page, limits=Limits(max_elements=12))


def test_the_page_index_takes_over_the_element_list_of_load() -> None:
    from newsparse.extract.dom import page_index

    doc = load("<html><body><div class='a'><p>x</p><!-- c --><p id='b'>y</p></div></body></html>")
    listed = doc.memo[document.ELEMENTS_KEY]
    assert [el.tag for el in listed] == ["html", "body", "div", "p", "p"]
    index = page_index(doc)
    assert index.elements is listed
    assert document.ELEMENTS_KEY not in doc.memo

"""The byline search visits only elements with a cue, and finds what a walk over every
element finds.

``_reference`` below is the plain walk (every element of the body in document order,
each tested for a cue); ``authors._byline_candidates`` must return the same list for
every page of the fixtures and each choice of headline anchor.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.document import Document, load
from newsparse.extract import authors
from newsparse.extract.dom import HtmlElement, ancestors, page_index

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _attr_cue(attrib: dict[str, str] | None) -> bool:
    """The byline cue of the walk: the class, id, rel and itemprop joined and searched."""
    if not attrib:
        return False
    names = " ".join(v for v in map(attrib.get, ("class", "id", "rel", "itemprop")) if v)
    return authors._BYLINE_ATTR.search(names) is not None


def _reference(doc: Document, anchor: HtmlElement | None) -> list[HtmlElement]:
    body = doc.root.find("body")
    before: list[HtmlElement] = []
    after: list[HtmlElement] = []
    current = before if anchor is not None else after
    own = {a for a in ancestors(anchor) if a.tag == "article"} if anchor is not None else set()
    since = -1
    index = page_index(doc)
    for el in index.descendants(body) if body is not None else index.elements:
        if since >= 0:
            since += 1
            if since > authors._FAR_AFTER_HEADLINE:
                break
        if el is anchor:
            current, since = after, 0
            continue
        if el.tag in authors._NO_BYLINE_TAGS:
            continue
        attrib = index.attrs.get(el)
        near = 0 < since <= authors._NEAR_HEADLINE
        if not _attr_cue(attrib) and not (near and authors._weak_cue(el, attrib)):
            continue
        if own and authors._in_other_article(el, own):
            continue
        if not authors._chrome(el):
            current.append(el)
            if len(after) >= authors._MAX_CANDIDATES:
                break
    return (after + before)[: authors._MAX_CANDIDATES]


def _anchors(doc: Document) -> list[HtmlElement | None]:
    headings = list(doc.root.iter("h1", "h2", "h3"))[:6]
    title = doc.root.find(".//title")  # outside the body: never met by the walk
    return [None, *headings, *([title] if title is not None else [])]


_PAGES = sorted(FIXTURES.rglob("*.html"))

_SYNTHETIC = [
    # cue words in every attribute, any case, the non-ASCII letters IGNORECASE folds
    "<html><body><h1>Head line here</h1>"
    '<div class="ByLine">By Jane Doe</div><span id="post-AUTHOR">John Roe</span>'
    '<a rel="Author" href="/x">Ann Lee</a><p itemprop="creator">Bo Kim</p>'
    '<span class="wrıter">Cy Dee</span><span class="posted-by">Di Eve</span>'
    '<span class="poſted-by">Ed Fox</span><span class="nothing">By Flo Gee</span>'
    '<a href="/authors/gus">Gus Hay</a><footer class="author">Not Me</footer>'
    "</body></html>",
    # cue elements before the headline, in another article, and far after it
    "<html><body><div class='byline'>Early Bird</div><article><h1>The headline</h1>"
    "<p class='author'>Jane Doe</p></article><article><span class='author'>Teaser Guy"
    "</span></article>" + "<p>filler</p>" * 4100 + "<span class='byline'>Far Away</span>"
    "</body></html>",
    # no body element at all
    "<html><span class='author'>Only Name</span></html>",
]


@pytest.mark.parametrize("page", [p.name for p in _PAGES] + list(range(len(_SYNTHETIC))))
def test_candidates_are_those_of_the_full_walk(page: str | int) -> None:
    html = _SYNTHETIC[page] if isinstance(page, int) else (FIXTURES / page).read_bytes()
    doc = load(html)
    for anchor in _anchors(doc):
        assert authors._byline_candidates(doc, anchor) == _reference(doc, anchor)


def test_the_synthetic_pages_have_candidates() -> None:
    doc = load(_SYNTHETIC[0])
    anchor = doc.root.find(".//h1")
    texts = [el.text_content() for el in authors._byline_candidates(doc, anchor)]
    assert texts == [
        "By Jane Doe", "John Roe", "Ann Lee", "Bo Kim", "Cy Dee", "Di Eve", "Ed Fox",
        "By Flo Gee", "Gus Hay",
    ]  # fmt: skip
    doc = load(_SYNTHETIC[1])
    anchor = doc.root.find(".//h1")
    texts = [el.text_content() for el in authors._byline_candidates(doc, anchor)]
    assert texts == ["Jane Doe", "Early Bird"]


_WORDISH = st.text(
    alphabet=st.sampled_from("authorbylinewritercreatorpsd-AUTHORBYLINE \x00\u0130\u0131\u017fé"),
    max_size=14,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), _WORDISH, st.sampled_from(["Author", "post-author"]))))
def test_naming_values_are_those_the_pattern_finds(values: list[str | None]) -> None:
    expected = {v for v in values if v and authors._BYLINE_ATTR.search(v)}
    assert authors._naming_values(values) == expected

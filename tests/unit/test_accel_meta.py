"""The compiled metadata walks (newsparse._accel.meta) give what their Python twins give.

``dates._window_python`` is the reference: the first elements with a dateline tag
before the headline (nearest first) and after it, those that may show a date kept.
The compiled ``dateline_window`` must return the same elements in the same order, for
every choice of anchor (headings, elements spread over the page, the root, a <head>
element) and several window sizes.  Pages: the fixtures, the zoo, the dev corpora,
samples and generated trees that mix dateline tags, date words in class and id (any
case, the non-ASCII letters ``re.IGNORECASE`` folds to ASCII), comments and text.
``metadata._rel_tag_links`` (the compiled candidates, then the index) must give the
links ``metadata._rel_tag_links_python`` gives on the same pages.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.unit.gate_pages import DEV_CORPORA, compiled_module, corpus_pages, fixture_and_zoo_pages

from newsparse.document import Document, load
from newsparse.extract import dates, metadata
from newsparse.extract.dom import HtmlElement, page_index

COMPILED, needs_compiled = compiled_module("meta")

_SIZES = ((dates._BEFORE_HEADLINE, dates._AFTER_HEADLINE), (2, 0), (50, 400))


def _anchors(doc: Document, spread: int = 10) -> list[HtmlElement]:
    elements = page_index(doc).elements
    step = max(1, len(elements) // spread)
    found = [el for el in elements if el.tag in ("h1", "h2", "time")][:4]
    return found + elements[::step] + elements[-1:]


def _compare(doc: Document, anchors: list[HtmlElement] | None = None) -> int:
    """Assert the twins agree on every anchor and size; the number of elements kept."""
    assert COMPILED is not None and metadata._META is not None
    links = metadata._rel_tag_links(doc)
    python_links = metadata._rel_tag_links_python(doc)
    assert len(links) == len(python_links)
    assert all(a is b for a, b in zip(links, python_links, strict=True))
    kept = len(links)
    candidates = COMPILED.dateline_candidates(doc.root, dates._DATELINE_BYTES)
    python_candidates = dates._dateline_elements_python(doc)
    assert len(candidates) == len(python_candidates)
    assert all(a is b for a, b in zip(candidates, python_candidates, strict=True))
    assert dates._from_datelines(doc, None) == _from_datelines_python(doc)
    assert dates._relative_dateline(doc, None) == _relative_python(doc)
    for anchor in _anchors(doc) if anchors is None else anchors:
        tags = (*dates._DATELINE_TAGS, anchor.tag)
        raw = tuple(tag.encode() for tag in tags)
        for before, after in _SIZES:
            python = dates._window_python(anchor, tags, before, after)
            compiled = COMPILED.dateline_window(anchor, raw, before, after)
            assert len(compiled) == len(python), (anchor, before, after)
            assert all(a is b for a, b in zip(compiled, python, strict=True))
            kept += len(python)
        assert dates.dateline_node(doc, anchor) is _node_python(doc, anchor)
    return kept


def _from_datelines_python(doc: Document) -> object:
    saved, dates._META = dates._META, None  # the loops over lxml's iter(*tags)
    try:
        return dates._from_datelines(doc, None)
    finally:
        dates._META = saved


def _relative_python(doc: Document) -> object:
    saved, dates._META = dates._META, None
    try:
        return dates._relative_dateline(doc, None)
    finally:
        dates._META = saved


def _node_python(doc: Document, anchor: HtmlElement) -> HtmlElement | None:
    window = dates._window_python(
        anchor, (*dates._DATELINE_TAGS, anchor.tag), dates._BEFORE_HEADLINE, dates._AFTER_HEADLINE
    )
    return next((el for el in window if dates._shows_date(el)), None)


@needs_compiled
def test_fixture_and_zoo_pages() -> None:
    kept = [_compare(load(html)) for _, html in fixture_and_zoo_pages()]
    assert sum(1 for k in kept if k) >= len(kept) // 3  # the pages exercise the filter


@needs_compiled
@pytest.mark.parametrize("corpus", DEV_CORPORA)
def test_dev_corpora(corpus: str, request: pytest.FixtureRequest) -> None:
    for _, html in corpus_pages(corpus, request):
        _compare(load(html))


_SAMPLES = [
    # dates before and after the headline, by class, id and <time>, in any case
    "<div class='Post-DATE'>March 3, 2024</div><span>a</span><header><h1>Title</h1>"
    "<p id='PUBLISHED'>x</p></header><time datetime='2024-03-04'>March 4</time>"
    "<span class='byline-posted'>Posted March 5, 2024</span>",
    # non-ASCII names: IGNORECASE folds long s and dotless i to ASCII letters
    "<h1>Title</h1><div class='po\u017fted'>March 5, 2024</div><p class='\u00e9t\u00e9'>x</p>"
    "<span id='byl\u0131ne'>y</span><li class='d\u00e4te'>z</li>",
    # comments, nested lists and tags the window does not count
    "<ul><li class='date'>1</li><!-- c --><li><span class='x'>2</span></li></ul>"
    "<h1>Title</h1><a class='date'>no</a><small class='updated'>March 6, 2024</small>"
    "<img class='date'><p><em class='date'>e</em></p>",
]


@needs_compiled
@pytest.mark.parametrize("body", _SAMPLES)
def test_samples(body: str) -> None:
    doc = load(f"<html><head><title>T</title></head><body>{body}</body></html>")
    assert _compare(doc)


@needs_compiled
def test_samples_keep_what_the_rules_say() -> None:
    """The window's answer on samples checked by hand (both twins give these)."""
    assert COMPILED is not None
    window = COMPILED.dateline_window
    doc = load(f"<html><body>{_SAMPLES[0]}</body></html>")
    h1 = doc.root.find(".//h1")
    texts = [el.text for el in window(h1, (b"div", b"span", b"p", b"time"), 8, 60)]
    assert texts == ["March 3, 2024", "x", "March 4", "Posted March 5, 2024"]
    # non-ASCII names are kept for Python to decide (long s and dotless i fold to
    # "posted" and "byline"); the Python twin keeps them too
    doc = load(f"<html><body>{_SAMPLES[1]}</body></html>")
    h1 = doc.root.find(".//h1")
    texts = [el.text for el in window(h1, (b"div", b"p", b"span", b"li"), 8, 60)]
    assert texts == ["March 5, 2024", "x", "y", "z"]
    python = dates._window_python(h1, ("div", "p", "span", "li"), 8, 60)
    assert [el.text for el in python] == texts
    # "updated" holds "date"; <a>, <img> and <em> are not dateline tags
    doc = load(f"<html><body>{_SAMPLES[2]}</body></html>")
    h1 = doc.root.find(".//h1")
    tags = (b"div", b"span", b"p", b"li", b"small", b"time", b"h1")
    assert [el.text for el in window(h1, tags, 8, 60)] == ["1", "March 6, 2024"]
    assert window(h1, tags, 1, 0) == []  # the nearest one before is span.x


_LINKS = (
    "<a rel='tag' href='/t/1'>one</a><a rel='nofollow tag'>two</a><a rel='Tag'>no</a>"
    "<a rel='tags'>no</a><a rel='category tag'>three</a><a rel=' tag\n'>four</a>"
    "<a rel='tag\u00a0x'>no</a><a rel=''>no</a><a rel>no</a><a href='/tag/x'>no</a>"
    "<span rel='tag'>no</span><a rel='bookmark'>no</a><a rel='x\ttag'>five</a>"
)


@needs_compiled
def test_tag_link_samples() -> None:
    doc = load(f"<html><head><link rel='tag' href='/x'></head><body>{_LINKS}</body></html>")
    _compare(doc)
    texts = [el.text for el in metadata._rel_tag_links(doc)]
    assert texts == ["one", "two", "three", "four", "five"]


_TAGS = ["div", "span", "p", "li", "small", "time", "h1", "h2", "a", "ul", "section"]
_RELS = ["", "rel='tag'", "rel='Tag'", "rel='nofollow tag'", "rel='tags'", "rel='category tag'"]
_NAMES = ["", "date", "Post-Date", "PUBLISHED", "byline", "posted-on", "po\u017fted",
          "byl\u0131ne", "d\u00e4te", "updated", "x", "meta", "entry-date"]  # fmt: skip


@st.composite
def _trees(draw: st.DrawFn, depth: int = 0) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 4 if depth < 3 else 0))):
        kind = draw(st.integers(0, 5))
        if kind == 0:
            parts.append("text ")
        elif kind == 1:
            parts.append("<!-- c -->")
        else:
            tag = draw(st.sampled_from(_TAGS))
            attr = draw(st.sampled_from(["class", "id", "title"]))
            name = draw(st.sampled_from(_NAMES))
            rel = draw(st.sampled_from(_RELS))
            inner = draw(_trees(depth + 1))
            parts.append(f"<{tag} {attr}='{name}' {rel}>{inner}</{tag}>")
    return "".join(parts)


@needs_compiled
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_trees())
def test_generated_trees(body: str) -> None:
    doc = load(f"<html><body><p>lead</p>{body}<h1>Title</h1>{body}</body></html>")
    _compare(doc)

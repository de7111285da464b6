"""``dates.dateline_node`` moves from the headline through the tree, nearest elements
first, and finds what the walk over the whole page finds (``_reference``: the plain walk
it replaced), on every fixture page and for each choice of headline, also after a widget
changed the tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsparse.document import Document, load
from newsparse.extract import dates
from newsparse.extract.dom import HtmlElement, page_index

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _reference(doc: Document, anchor: HtmlElement) -> HtmlElement | None:
    recent: list[HtmlElement] = []
    since = -1
    for el in doc.root.iter(*dates._DATELINE_TAGS, anchor.tag):
        if el is anchor:
            since = 0
            for prev in reversed(recent[-dates._BEFORE_HEADLINE :]):
                if dates._shows_date(prev):
                    return prev
            continue
        if since < 0:
            recent.append(el)
            continue
        since += 1
        if since > dates._AFTER_HEADLINE:
            break
        if dates._shows_date(el):
            return el
    return None


_SYNTHETIC = (
    "<html><body><div class='date'>March 3, 2024</div>"
    + "<span>x</span>" * 10
    + "<h1>Headline of the story</h1>"
    + "<p>filler</p>" * 70
    + "<time datetime='2024-03-04'>March 4, 2024</time></body></html>",
    "<html><body><div class='date'>March 3, 2024</div><span>a</span><h1>Headline</h1>"
    "<p>text</p><span class='posted'>Posted March 5, 2024</span></body></html>",
    "<html><body><h1>Headline</h1><p>text</p><span class='posted'>Posted March 5, 2024"
    "</span></body></html>",
)


@pytest.mark.parametrize(
    "page", [p.name for p in sorted(FIXTURES.rglob("*.html"))] + list(range(len(_SYNTHETIC)))
)
def test_dateline_node_is_that_of_the_full_walk(page: str | int) -> None:
    html = _SYNTHETIC[page] if isinstance(page, int) else (FIXTURES / page).read_bytes()
    doc = load(html)
    anchors = list(doc.root.iter("h1", "h2", "h3", "time", "p"))[:40]
    assert anchors
    for anchor in anchors:
        assert dates.dateline_node(doc, anchor) is _reference(doc, anchor)


def test_a_dateline_just_before_or_after_the_headline_is_found() -> None:
    doc = load(_SYNTHETIC[1])  # the nearest one before the headline comes first
    found = dates.dateline_node(doc, doc.root.find(".//h1"))
    assert found is not None and found.text == "March 3, 2024"
    doc = load(_SYNTHETIC[2])
    found = dates.dateline_node(doc, doc.root.find(".//h1"))
    assert found is not None and found.text == "Posted March 5, 2024"
    doc = load(_SYNTHETIC[0])  # the date box is 10 elements before, the time 70 after
    assert dates.dateline_node(doc, doc.root.find(".//h1")) is None


def test_the_live_tree_is_read_after_a_widget_split_a_block() -> None:
    # the disclaimer widget splits a block after the page index was made: the new
    # element (no class, never a date) still counts towards the 60 elements after
    page = (
        "<html><body><h1>Headline</h1><div id='d'>"
        + "<p>filler</p>" * 57
        + "<p>Disclaimer: not advice.</p><span class='date'>March 5, 2024</span></div>"
        "</body></html>"
    )
    doc = load(page)
    page_index(doc)
    anchor = doc.root.find(".//h1")
    assert dates.dateline_node(doc, anchor) is not None  # the 60th element after
    box = doc.root.get_element_by_id("d")
    box.addnext(box.makeelement("div", {}))  # one more element before the date
    new = box.getnext()
    new.append(box[-1])
    assert dates.dateline_node(doc, anchor) is _reference(doc, anchor) is None

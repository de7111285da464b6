"""The compiled scans (newsparse._accel.scan) give what their pure-Python twins give.

The Python functions are the reference: ``authors._cue_elements_python``,
``authors._byline_candidates_python`` (with every choice of headline anchor: none, the
page's headings, elements spread over the page, one outside the body) and
``comment_markup._candidates_python``.  The compiled ones must return the same elements
in the same order.  Pages: the fixtures, the zoo (every stack and language), byline and
comment-markup samples, generated trees that mix what the scans test (byline words in
any case and with the non-ASCII letters ``re.IGNORECASE`` folds to ASCII, author-page
hrefs, "By " texts after Unicode and control spaces, comment hints, data-testid,
itemtype, data-comment-id, teaser <article>s and chrome), and an XML tree whose
attribute values hold entity references (values of several nodes).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from tests.unit.gate_pages import FIXTURES, compiled_module

from newsparse.document import Document, load
from newsparse.extract import authors, comment_markup
from newsparse.extract.dom import HtmlElement, page_index

COMPILED, needs_compiled = compiled_module("scan")


def _paths(doc: Document, els: object) -> list[str]:
    path = doc.root.getroottree().getpath
    return [path(el) for el in els]  # type: ignore[attr-defined]


def _anchors(doc: Document, spread: int = 12) -> list[HtmlElement | None]:
    """Headline anchors to try: none, the headings, elements spread over the page
    (the root and <head> ones are outside the body)."""
    elements = page_index(doc).elements
    step = max(1, len(elements) // spread)
    found: list[HtmlElement | None] = [None]
    found += [el for el in elements if el.tag in ("h1", "h2")][:3]
    found += elements[::step]
    return found


def _compare(doc: Document, anchors: list[HtmlElement | None] | None = None) -> tuple[int, int]:
    """Assert every compiled scan equals its Python twin on ``doc``; (byline candidates,
    comment candidates) found, so that a caller can check the page exercised them."""
    assert authors._SCAN is not None and comment_markup._SCAN is not None
    cues = authors._cue_elements_python(doc)
    assert authors._cue_elements(doc) == cues
    comments = list(comment_markup._candidates_python(doc))
    compiled = comment_markup._candidates(doc)
    assert _paths(doc, compiled) == _paths(doc, comments)
    assert all(a is b for a, b in zip(compiled, comments, strict=True))
    bylines = 0
    for anchor in _anchors(doc) if anchors is None else anchors:
        python = authors._byline_candidates_python(doc, anchor)
        compiled = authors._byline_candidates(doc, anchor)
        assert _paths(doc, compiled) == _paths(doc, python), anchor
        assert all(a is b for a, b in zip(compiled, python, strict=True))
        bylines += len(python)
    return bylines, len(comments)


@needs_compiled
@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_pages(path: Path) -> None:
    _compare(load(path.read_bytes()))


@needs_compiled
def test_fixtures_exercise_the_scans() -> None:
    totals = [_compare(load(path.read_bytes())) for path in FIXTURES]
    assert sum(1 for bylines, _ in totals if bylines) >= len(FIXTURES) // 2
    assert sum(1 for _, comments in totals if comments) >= 3


@needs_compiled
def test_zoo_pages() -> None:
    from tests.zoo.generate import build_all

    pages = build_all()
    assert len(pages) > 20
    found = [0, 0]
    for page in pages:
        bylines, comments = _compare(load(page.html))
        found[0] += bylines
        found[1] += comments
    assert found[0] and found[1]


_SAMPLES = [
    # bylines by class, id, rel and itemprop, in any case
    "<h1>Title</h1><div class='Byline'>By <a href='/x'>Jane Doe</a></div>"
    "<span id='AUTHOR-name'>John Roe</span><a rel='Author' href='/p'>Ann Poe</a>"
    "<span itemprop='creator'>Max Mo</span><p class='posted-by'>Posted by Al</p>",
    # weak cues right after the headline: author-page links and "By " texts
    "<h1>Title</h1><p>By Jane Doe</p><p>\u00a0By John Roe</p><p> \n BY ANN</p>"
    "<p>Bye now</p><p>by\u2003Max</p><a href='/AUTHORS/jane/'>Jane</a>"
    "<a href='/index?author=3'>Three</a><a href='/writer/x/'>X</a><a href='/auteur/y'>Y</a>",
    # non-ASCII values: IGNORECASE folds long s and dotless i to ASCII letters
    "<div class='po\u017fted-by'>Jane Doe</div><div class='byl\u0131ne'>John Roe</div>"
    "<div class='\u00e9crivain author'>Ann Poe</div><div class='\u00e9t\u00e9'>x</div>"
    "<a href='/\u00e9/writer\u017f/'>Y</a>",
    # bylines in chrome, in a teaser article, and in tags never a byline
    "<article><h1>Title</h1><div class='byline'>By Jane</div></article>"
    "<article class='teaser'><span class='author'>Other Writer</span></article>"
    "<footer><span class='author'>Footer Name</span></footer>"
    "<aside class='sidebar'><span class='byline'>Side Name</span></aside>"
    "<img class='author-photo' src='a.jpg'><script class='author'>x</script>"
    "<svg class='author'></svg><div class='related'><p class='writer'>R</p></div>",
    # comment markup: hints in class and id, itemtype, data-testid, data-comment-id
    "<div id='comments'><ol class='commentlist'><li class='comment' id='comment-1'>"
    "<div class='comment-body'>Nice.</div></li><li data-comment-id='7'>Hi</li></ol></div>"
    "<div id='disqus_thread'></div><div class='wpd-thread'></div><div id='respond'></div>"
    "<div itemtype='http://schema.org/Comment'>c</div><div data-testid='comment-x'>t</div>"
    "<div class='cooked'>d</div><ul class='post-list'><li>p</li></ul>"
    "<section class='discussion'>s</section><div class='Comment'>C</div>"
    "<div class='OMMENT'>no</div><div data-comment-id=''>empty</div>",
    # entities in attribute values, value-less attributes, a namespaced-looking tag
    "<div class='a&amp;author'>Jane</div><div hidden class='byline'>Hid</div>"
    "<fb:author class='author'>FB</fb:author><div class='&#x63;omment'>c</div>",
]


@needs_compiled
@pytest.mark.parametrize("body", _SAMPLES)
def test_samples(body: str) -> None:
    doc = load(f"<html><head><title>T</title></head><body>{body}</body></html>")
    bylines, comments = _compare(doc)
    assert bylines or comments  # every sample has something for one scan


@needs_compiled
def test_samples_find_what_the_rules_say() -> None:
    """The scans' answers on samples checked by hand (both twins give these)."""
    doc = load(f"<html><body>{_SAMPLES[2]}</body></html>")
    texts = [el.text_content() for el in authors._byline_candidates(doc, None)]
    assert texts == ["Jane Doe", "John Roe", "Ann Poe"]  # long s, dotless i, author
    doc = load(f"<html><body>{_SAMPLES[1]}</body></html>")
    h1 = doc.root.find(".//h1")
    texts = [el.text_content() for el in authors._byline_candidates(doc, h1)]
    assert texts == [
        "By Jane Doe", "\u00a0By John Roe", " \n BY ANN", "by\u2003Max", "Jane", "Three", "X"
    ]  # fmt: skip
    assert authors._byline_candidates(doc, None) == []  # weak cues need a headline
    doc = load(f"<html><body>{_SAMPLES[4]}</body></html>")
    found = comment_markup._candidates(doc)
    assert "no" not in [el.text_content() for el in found]
    assert len(found) == 15  # all but div.OMMENT (the hint is case-sensitive)


def test_xml_tree_with_entity_references_in_attributes() -> None:
    """Attribute values of several nodes (text and entity references): read as lxml
    reads them."""
    parser = etree.XMLParser(resolve_entities=False)
    root = etree.fromstring(
        '<!DOCTYPE html [<!ENTITY w "author"><!ENTITY c "comment">]><html><body>'
        '<div class="x &w; y">Jane Doe</div><div id="&c;s">c</div>'
        '<div class="&c;" data-testid="&c;">d</div><p>plain</p>'
        # a namespaced <img> is no <img> (its tag is "{...}img"); a namespaced class
        # attribute is no class
        '<v:img xmlns:v="urn:v" class="author">V</v:img><p xmlns:v="urn:v" v:class="author">'
        "N</p></body></html>",
        parser,
    )
    doc = Document(root=root)
    found = authors._cue_elements(doc)
    assert sorted(el.text for el in found) == ["Jane Doe", "V"]
    assert found == authors._cue_elements_python(doc)
    candidates = list(comment_markup._candidates(doc))  # (the Python twin: a generator)
    assert [el.text for el in candidates] == ["c", "d"]
    assert candidates == list(comment_markup._candidates_python(doc))
    bylines = authors._byline_candidates(doc, None)
    assert [el.text for el in bylines] == ["Jane Doe", "V"]
    assert bylines == authors._byline_candidates_python(doc, None)


_TAGS = ["div", "span", "p", "a", "li", "article", "section", "img", "script", "footer",
         "aside", "nav", "h1", "h2", "time", "noscript", "figure", "strong"]  # fmt: skip
_NAMES = ["", "byline", "Author-Name", "post-AUTHOR", "posted-by", "wRiTeR", "creator-x",
          "po\u017fted-by", "byl\u0131ne", "auth\u00f6r", "\u00e9t\u00e9 x", "comment",
          "comments-area", "wpd-thread", "disqus_thread", "respond", "post-list", "Comment",
          "discussion", "cooked", "OMMENT", "author-box", "editor", "sidebar", "related",
          "widget", "x", "teaser card", "a&amp;b"]  # fmt: skip
_ATTRS = ["rel='author'", "rel='nofollow'", "itemprop='author'", "itemprop='name'",
          "href='/author/jane'", "href='/WRITERS/x/'", "href='?author=3'", "href='/news/1'",
          "href='/\u00e9/author\u017f/'", "itemtype='http://schema.org/Comment'",
          "itemtype='https://schema.org/Person'", "data-testid='comment-body'",
          "data-testid='x'", "data-comment-id='12'", "data-comment-id", "hidden"]  # fmt: skip
_TEXTS = ["", " ", "By Jane Doe", "by John", "BY X", "Bylines", "\u00a0By Jane", "\u2003by x",
          " \n By Ann", "Byx", "B", "b y", "By\u00a0Jane", "Bye", "Word",
          "\u00e9crit par"]  # fmt: skip


@st.composite
def _trees(draw: st.DrawFn, depth: int = 0) -> str:
    parts = [draw(st.sampled_from(_TEXTS))]
    for _ in range(draw(st.integers(0, 3 if depth < 4 else 0))):
        if draw(st.integers(0, 9)) == 0:
            parts.append("<!-- c -->")
        else:
            tag = draw(st.sampled_from(_TAGS))
            attrs = ""
            for name in ("class", "id"):
                value = draw(st.sampled_from(_NAMES))
                if value:
                    attrs += f" {name}='{value}'"
            attrs += "".join(" " + a for a in draw(st.lists(st.sampled_from(_ATTRS), max_size=2)))
            inner = draw(_trees(depth + 1))
            parts.append(f"<{tag}{attrs}>{inner}</{tag}>")
        parts.append(draw(st.sampled_from(_TEXTS)))
    return "".join(parts)


@needs_compiled
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_trees(), st.lists(st.integers(0, 200), max_size=4))
def test_generated_trees(markup: str, picks: list[int]) -> None:
    doc = load(f"<html><head><title>T</title></head><body>{markup}</body></html>")
    elements = page_index(doc).elements
    anchors: list[HtmlElement | None] = [None, *(elements[i % len(elements)] for i in picks)]
    _compare(doc, anchors)


@needs_compiled
def test_the_compiled_scans_are_used_while_the_patterns_are_theirs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The scans compute the patterns' answers in C: they are used with the patterns
    they were written for, and not once one of the Python patterns changes."""
    assert authors._SCAN is not None and comment_markup._SCAN is not None
    assert authors._compiled_scan() is not None
    for name in ("_BYLINE_ATTR", "_AUTHOR_HREF", "_BY_TEXT"):
        with monkeypatch.context() as m:
            old = getattr(authors, name)
            m.setattr(authors, name, re.compile(old.pattern + "|contributor", old.flags))
            assert authors._compiled_scan() is None, name
        with monkeypatch.context() as m:
            m.setattr(authors, name, re.compile(old.pattern, old.flags ^ re.IGNORECASE))
            assert authors._compiled_scan() is None, name
    assert comment_markup._compiled_scan() is not None
    monkeypatch.setattr(comment_markup, "_CANDIDATE_HINT", re.compile("omment|thread"))
    assert comment_markup._compiled_scan() is None


def test_pure_python_twins_are_used_when_not_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the scans switched off the dispatchers run the Python twins (and give their
    answer), as in a process with NEWSPARSE_PURE_PYTHON=1."""
    doc = load(f"<html><head><title>T</title></head><body>{_SAMPLES[0]}{_SAMPLES[4]}</body></html>")
    h1 = doc.root.find(".//h1")
    monkeypatch.setattr(authors, "_SCAN", None)
    monkeypatch.setattr(comment_markup, "_SCAN", None)
    assert authors._cue_elements(doc) == authors._cue_elements_python(doc)
    texts = [el.text_content() for el in authors._byline_candidates(doc, h1)]
    assert texts == ["By Jane Doe", "John Roe", "Ann Poe", "Max Mo", "Posted by Al"]
    assert len(list(comment_markup._candidates(doc))) == 15

"""The metadata stage's fast paths give what the code they stand in for gives.

Each test keeps the slower form as its oracle: the NFKD fold of a name for ASCII text,
the Python scan over every element for the attribute pick, the standfirst test that
compares every classed candidate with the description, the byline-container test by
ancestors.  Pages: every fixture and zoo page, and aeb-dev / crypto-dev when
../shared is present (all four dev corpora with ``-m slow``).
"""

from __future__ import annotations

import unicodedata

import pytest
from gate_pages import DEV_CORPORA, corpus_pages, fixture_and_zoo_pages
from hypothesis import given
from hypothesis import strategies as st

from newsparse.document import Document, load
from newsparse.extract import authors, dates, dom, metadata
from newsparse.extract.dom import HtmlElement, ancestors, page_index, text_of


def _slow_fold(text: str) -> str:
    """``authors._fold`` without its ASCII shortcut."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_the_ascii_fold_is_the_nfkd_fold(text: str) -> None:
    assert authors._fold(text) == _slow_fold(text)


def test_the_fold_still_strips_accents() -> None:
    assert authors._fold("José Ñúñez") == "jose nunez"
    assert authors._fold("Jane DOE") == "jane doe"


def _standfirst_oracle(
    title_node: HtmlElement | None, descriptions: list[str]
) -> HtmlElement | None:
    """``metadata.standfirst_node`` as it was: every candidate compared with the
    descriptions, the decision made after."""
    if title_node is None:
        return None
    container = title_node
    for _ in range(2):
        parent = container.getparent()
        if parent is None or parent.tag in ("body", "html", "article", "main"):
            break
        container = parent
    if container is title_node:
        return None
    seen_title = False
    in_title = set(title_node.iterdescendants())
    for el in container.iter(*metadata._STANDFIRST_TAGS, "h1"):
        if el is title_node:
            seen_title = True
            continue
        if not seen_title or el.tag not in metadata._STANDFIRST_TAGS or el in in_title:
            continue
        cue = metadata._standfirst_cue(dates.chrome_names(el))
        heading = el.tag[0] == "h"
        if not (cue or heading) or any(True for _ in el.iter("p", "li", "h1", "h2") if _ is not el):
            continue
        text = text_of(el)
        if not 30 <= len(text) <= 500:
            continue
        words = metadata._WORDS.findall(metadata._fold(text))
        same = any(
            metadata._words_f1(words, metadata._WORDS.findall(metadata._fold(d))) >= 0.8
            for d in descriptions
        )
        if (cue and (same or heading or len(text) <= 300)) or (same and heading):
            return el
    return None


def _descriptions(doc: Document) -> list[str]:
    return [
        metadata.clean_text(d)
        for key in ("description", "og:description", "twitter:description")
        for d in doc.meta.get(key, [])[:1]
    ]


def _check(html: str | bytes) -> None:
    doc = load(html)
    index = page_index(doc)
    for name in ("itemprop", "rel", "class"):
        slow = [(el, a) for el, a in index.attrs.items() if a.get(name)]
        assert list(dom.with_attribute(index.attrs, name)) == slow
    headings = [metadata.extract_title(doc)[1], *list(doc.root.iter("h1", "h2", "h3"))[:5]]
    descriptions = _descriptions(doc)
    for heading in headings:
        assert metadata.standfirst_node(heading, descriptions) is _standfirst_oracle(
            heading, descriptions
        )
        # a description equal to the text of each later heading or dek: the comparison
        # decides
        for el in list(doc.root.iter("h2", "h3", "p"))[:8]:
            text = [text_of(el)]
            assert metadata.standfirst_node(heading, text) is _standfirst_oracle(heading, text)
    body = dom.first_child(doc.root, "body")
    assert body is doc.root.find("body")
    head = dom.first_child(doc.root, "head")
    assert head is doc.root.find("head")
    if head is not None:
        assert dom.first_child(head, "title") is head.find("title")


def _check_container(html: str | bytes) -> None:
    """The membership test of ``_from_markup`` (a set of the container's subtree) agrees
    with the ancestor walk it replaced."""
    doc = load(html)
    anchor = metadata.extract_title(doc)[1]
    candidates = authors._byline_candidates(doc, anchor)
    for container in candidates[:3]:
        inside = set(container.iter())
        for el in candidates:
            walk = any(a is container for a in (el, *ancestors(el)))
            assert (el in inside) == walk


@pytest.mark.parametrize(("name", "html"), list(fixture_and_zoo_pages()))
def test_fast_paths_on_fixture_and_zoo_pages(name: str, html: str | bytes) -> None:
    _check(html)
    _check_container(html)


@pytest.mark.parametrize("corpus", DEV_CORPORA)
def test_fast_paths_on_the_dev_corpora(corpus: str, request: pytest.FixtureRequest) -> None:
    for _name, html in corpus_pages(corpus, request):
        _check(html)
        _check_container(html)

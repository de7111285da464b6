"""The metadata stage's fast paths give what the code they stand in for gives.

Each test keeps the slower form as its oracle: the NFKD fold of a name for ASCII text,
the per-character removal of combining marks, the Python scan over every element for
the attribute pick, the standfirst test that compares every classed candidate with the
description, the byline-container test by ancestors, the chrome test of a tag link over
its ancestors' joined names, the date search without its four-digit pre-test.  Pages:
every fixture and zoo page, and aeb-dev / crypto-dev when ../shared is present (all four
dev corpora with ``-m slow``).
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from gate_pages import DEV_CORPORA, corpus_pages, fixture_and_zoo_pages
from hypothesis import given
from hypothesis import strategies as st

from newsparse.document import Document, load
from newsparse.extract import author_names, authors, date_parse, dates, dom, metadata
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


def test_no_character_below_u0300_is_a_combining_mark() -> None:
    # what author_names.drop_combining's pre-filter rests on
    assert not any(unicodedata.combining(chr(cp)) for cp in range(0x300))
    assert unicodedata.combining("\u0300")


def _slow_drop(text: str) -> str:
    return "".join(c for c in text if not unicodedata.combining(c))


def _slow_metadata_fold(text: str) -> str:
    """``metadata._fold`` as it was: every character tested for a combining mark."""
    if text.isascii():
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKC", text)
    text = _slow_drop(unicodedata.normalize("NFKD", text))
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"')
    return " ".join(text.replace("”", '"').lower().split())


@given(st.text())
def test_drop_combining_is_the_per_character_filter(text: str) -> None:
    decomposed = unicodedata.normalize("NFKD", text)
    assert author_names.drop_combining(decomposed) == _slow_drop(decomposed)
    assert author_names.drop_combining(text) == _slow_drop(text)
    assert metadata._fold(text) == _slow_metadata_fold(text)
    assert authors._fold(text) == _slow_fold(text)


def test_drop_combining_samples() -> None:
    samples = ("Ren\u00e9e \u2019Zo\u00eb\u2019", "\u0130stanbul", "\u0915\u093f\u0924\u093e",
               "\u4e2d\u6587", "e\u0301\u0302x", "\u0301")
    for text in samples:
        decomposed = unicodedata.normalize("NFKD", text)
        assert author_names.drop_combining(decomposed) == _slow_drop(decomposed)
    assert metadata._fold("Ren\u00e9e \u2019Zo\u00eb\u2019") == "renee 'zoe'"


def test_every_absolute_date_pattern_needs_four_digits() -> None:
    # date_parse._FOUR_DIGITS is a necessary condition of each pattern: a mandatory year
    for pattern in date_parse._ABSOLUTE:
        assert "(?P<year>\\d{4})" in pattern.pattern
    patterns = (*date_parse._TEXT_PATTERNS, date_parse._CJK, date_parse._ISO_SEARCH)
    assert patterns == date_parse._ABSOLUTE


def _search_oracle(text: str, **kwargs: object) -> object:
    """``search_date_text`` without the four-digit pre-test (every pattern tried)."""
    saved = date_parse._FOUR_DIGITS
    date_parse._FOUR_DIGITS = re.compile("")
    try:
        return date_parse.search_date_text(text, **kwargs)  # type: ignore[arg-type]
    finally:
        date_parse._FOUR_DIGITS = saved


_DATE_TEXTS = [
    "March 5, 2024", "5 March 2024 10:30 am", "Posted 03/05/2024", "2024-03-05T10:00Z",
    "2024\u5e743\u67085\u65e5", "ng\u00e0y 5 th\u00e1ng 3 n\u0103m 2024", "2024. 3. 5.",
    "\u0665 \u0645\u0627\u0631\u0633 \u0662\u0660\u0662\u0664", "\uff12\uff10\uff12\uff14-03-05",
    "March 5", "5 min read", "10:30 am", "2 hours ago",
    "Updated March 6, 2024 Published March 5, 2024",
    "05.03.24", "vor 2 Stunden", "",
]  # fmt: skip


@pytest.mark.parametrize("text", _DATE_TEXTS)
def test_the_date_search_pre_test_changes_nothing(text: str) -> None:
    for kwargs in ({}, {"published": True}, {"whole": True}, {"day_first": True}):
        assert date_parse.search_date_text(text, **kwargs) == _search_oracle(text, **kwargs)  # type: ignore[arg-type]


def _chrome_oracle(el: HtmlElement) -> bool:
    """``metadata._in_page_chrome`` as it was: one search over the joined names."""
    chain = list(ancestors(el))
    names = " ".join(dom.class_id(n) for n in chain)
    if any(n.tag == "article" for n in chain):
        names = metadata._FOOTER_WORD.sub(" ", names)
    return metadata._HEADING_CHROME.search(names) is not None


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
    known: dict[tuple[HtmlElement, bool], bool] = {}
    for el in [*doc.root.iter("a", "time", "span")][:60]:
        assert metadata._in_page_chrome(el, known) is _chrome_oracle(el)
        assert metadata._in_page_chrome(el) is _chrome_oracle(el)
    for el in [*doc.root.iter("time", "span", "p", "li")][:40]:
        text = text_of(el)[:200]
        assert date_parse.search_date_text(text, published=True) == _search_oracle(
            text, published=True
        )
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

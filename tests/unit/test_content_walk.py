"""The scoring walk's machinery: its shortcuts read the same facts as the plain ways."""

from __future__ import annotations

import sys
from pathlib import Path

import lxml.html
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsparse.document import load
from newsparse.extract import content, content_lead, content_prune
from newsparse.extract.dom import page_index

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("*.html"))


def _stats(html: bytes) -> list[tuple[str, tuple[object, ...]]]:
    doc = load(html)
    body = doc.root.find("body")
    scorer = content._Scorer(body, set(), content._jsonld_body(doc), page_index(doc))
    # (the Python walk: the compiled one does not read _children; test_accel.py
    # compares the two)
    scorer.visit_python(body, [0, 0, 0, None, False], False, False)
    tree = doc.root.getroottree()
    return [
        (tree.getpath(el), (s.text, s.links, s.value, s.good, s.hint, s.index, s.boxed, s.anchors))
        for el, s in scorer.stats.items()
    ]


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_walk_reads_the_same_children_without_getchildren(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """lxml's getchildren (C list) and the list() fallback give the same scores."""
    html = path.read_bytes()
    fast = _stats(html)
    monkeypatch.setattr(content, "_children", list)
    assert _stats(html) == fast
    assert fast  # the fixture has blocks to score


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_attributed_elements_are_those_inside_body(path: Path) -> None:
    doc = load(path.read_bytes())
    index = page_index(doc)
    body = doc.root.find("body")
    plain = [(el, index.attrs[el]) for el in index.descendants(body) if el in index.attrs]
    assert list(content._attributed(body, index)) == plain
    assert plain


def test_attributed_elements_when_something_follows_body() -> None:
    """A tree where <body> is not the last subtree (built by hand: parsers move such
    content into the body) is read element by element."""
    doc = load(
        "<html><head><meta name='x' content='y'></head>"
        "<body><div class='a'><p id='p1'>One two three.</p></div></body></html>"
    )
    doc.root.append(lxml.html.fromstring("<div class='after'><span id='s'>x</span></div>"))
    doc.memo.clear()
    index = page_index(doc)
    body = doc.root.find("body")
    got = [(el.tag, attrs) for el, attrs in content._attributed(body, index)]
    assert got == [("div", {"class": "a"}), ("p", {"id": "p1"})]


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_hints_are_those_of_the_full_rule(path: Path) -> None:
    """The walk reads class-only names through the cached rule and elements without
    attributes by their tag: every element still gets _hint's value (the scored root,
    <body>, its tag's), and every block's stat holds it."""
    from newsparse.extract.content_names import _INVISIBLE, _TAG_HINT, _UNHINTED, _hint

    doc = load(path.read_bytes())
    index = page_index(doc)
    body = doc.root.find("body")
    scorer = content._Scorer(body, set(), None, index)
    scorer.visit(body, [0, 0, 0, None, False], False, False)
    checked = 0
    for el in index.descendants(body):
        tag = el.tag
        if tag in _INVISIBLE or tag in _UNHINTED or el in scorer.hidden:
            continue
        attrs = index.attrs.get(el)
        full = _hint(attrs.get, tag) if attrs else _TAG_HINT.get(tag, 0)
        assert scorer.hint_of(el, tag) == full
        checked += attrs is not None
    assert checked
    assert scorer.hint_of(body, "body") == 0
    for el, s in scorer.stats.items():
        assert s.hint == scorer.hint_of(el, el.tag)


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_hidden_and_lazy_elements_are_those_of_the_plain_rule(path: Path) -> None:
    """The set-up reads style/hidden/lazy attributes only behind one key-set test: it
    still finds every hidden element (hidden, aria-hidden, an inline style that hides)
    and every element with a lazy-image attribute."""
    from newsparse.extract.content_names import _INVISIBLE

    doc = load(path.read_bytes())
    index = page_index(doc)
    body = doc.root.find("body")
    scorer = content._Scorer(body, set(), None, index)
    hidden, lazy = [], []
    for el, attrs in content._attributed(body, index):
        style = attrs.get("style") or ""
        if not content_prune.LAZY_ATTRS.isdisjoint(attrs) or "background-image" in style:
            lazy.append(el)
        if el.tag not in _INVISIBLE and (
            "hidden" in attrs
            or attrs.get("aria-hidden") == "true"
            or content._HIDDEN_STYLE.search(style)
        ):
            hidden.append(el)
    assert scorer.hidden == hidden
    assert scorer.lazy == lazy


def _scored(html: bytes | str, current: bool) -> tuple[list[object], list[str]]:
    """The scorer's stats and its author links, then form controls, by element path."""
    doc = load(html)
    body = doc.root.find("body")
    scorer = content._Scorer(
        body, set(), content._jsonld_body(doc), page_index(doc), current=current
    )
    scorer.visit(body, [0, 0, 0, None, False], False, False)
    path = doc.root.getroottree().getpath
    stats: list[object] = [(path(el), s) for el, s in scorer.stats.items()]
    return stats, [*map(path, scorer.author_links), "", *map(path, scorer.form_controls)]


_AUTHOR_LINKS = b"""<html><body><article>
<p>By <a href="/author/jane-doe">Jane Doe</a> and <a rel="author" href="/j">John</a>,
with <a href="/contributors/x"><b>X</b> Y</a>; <a rel="author"><span>no href</span></a>
and <a>a link with no attributes</a>.</p>
<p>More text of the article, with <a href="https://example.com/news">a link</a>.</p>
</article></body></html>"""


def test_link_attributes_from_the_index_are_the_elements() -> None:
    """Reading a link's href and rel from the page index's dicts (``current=True``)
    gives the same stats and author links as reading them from the element."""
    pages: list[bytes | str] = [p.read_bytes() for p in FIXTURES]
    pages += [page.html for page in build_all(langs=["en", "de"])]
    pages.append(_AUTHOR_LINKS)
    authors = 0
    for html in pages:
        fast = _scored(html, current=True)
        assert fast == _scored(html, current=False)
        authors += fast[1].index("")
    assert authors
    found = _scored(_AUTHOR_LINKS, current=True)[1]
    assert found[: found.index("")] == [
        "/html/body/article/p[1]/a[1]", "/html/body/article/p[1]/a[2]",
        "/html/body/article/p[1]/a[3]", "/html/body/article/p[1]/a[4]",
    ]  # fmt: skip


TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))
from zoo.generate import build_all  # noqa: E402

_GALLERY = b"""<html><body><article>
<p>Some running text of the article that goes on for a while.</p>
<div class="strip">
  <div data-src="/a.jpg">one</div><div data-bg="/b.jpg">two</div>
  <div style="background-image: url(/c.jpg)">three</div>
  <div data-srcset="/d.jpg 2x"><img src="/d.jpg"></div>
  <figure><img src="/e.jpg" data-src="/e2.jpg"><video src="/v.mp4"></video></figure>
  <span data-original="/f.jpg"></span><img data-lazy-src="/g.jpg">
</div></article>
<aside><div data-src="/outside.jpg"></div><img src="/outside.png"></aside>
</body></html>"""


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_media_counts_from_the_scorers_lazy_list_match_the_xpath(path: Path) -> None:
    """Images counted from the tag filter and the scorer's lazy-attribute list are the
    XPath's, for every scored block as the root."""
    _media_agree(path.read_bytes())


def test_media_counts_agree_on_the_zoo() -> None:
    for page in build_all(langs=["en", "de"]):
        _media_agree(page.html)


def test_media_counts_agree_on_a_lazy_gallery() -> None:
    counts = _media_agree(_GALLERY)
    strip = load(_GALLERY).root.find(".//div[@class='strip']")
    assert strip is not None and counts  # the gallery's box holds its images


def _media_agree(html: bytes | str) -> int:
    doc = load(html)
    body = doc.root.find("body")
    scorer = content._Scorer(body, set(), content._jsonld_body(doc), page_index(doc))
    scorer.visit(body, [0, 0, 0, None, False], False, False)
    found = 0
    for root in [body, *scorer.stats]:
        slow = content_prune.media_counts(root)
        assert content_prune.media_counts(root, scorer.lazy) == slow
        found += len(slow)
    return found


@settings(max_examples=2000)
@given(
    st.text(alphabet=st.sampled_from([*"aBß-. :İ\u00a0\u0130Σςσ1_", "ﬁ"]), max_size=30),
    st.text(alphabet=st.sampled_from([*"aBß-. :İ\u00a0\u0130Σςσ1_", "ﬁ"]), max_size=30),
)
@example("Bitcoin hits $100k — what next?", "Bitcoin hits $100k: what next")
def test_may_be_title_is_necessary_for_a_folded_match(label: str, title: str) -> None:
    """Whenever the folded label is a title, the cheap test says it may be one."""
    folded = content_prune._fold(title)
    if not folded:
        return
    words = content_prune._title_words(frozenset({folded}))
    if content_prune._fold(label) == folded:
        assert content_prune._may_be_title(label, words)
    assert not content_prune._may_be_title(label, ())


def test_lead_in_reads_the_same_names_from_the_page_index() -> None:
    """_lead_in with the index's attributes finds what reading the elements finds, for
    every element of every fixture and zoo page as the box (and finds some)."""
    found = 0
    pages = [p.read_bytes() for p in FIXTURES] + [p.html for p in build_all(langs=["en"])]
    pages.append(
        b"<html><body><div class='hero'><p class='article-intro'>A lead of the story."
        b" It has two sentences.</p></div><article><p>Body text.</p></article></body></html>"
    )
    for html in pages:
        doc = load(html)
        attrs = page_index(doc).attrs
        for box in doc.root.iter():
            lead = content_lead._lead_in(box, set())
            assert content_lead._lead_in(box, set(), attrs) is lead
            found += lead is not None
    assert found


_CALL_ALPHABET = st.sampled_from(
    [" ", ".", "a", "E", "é", "İ", "ı", "ſ", "\u212a", "Subscribe ", "SUBSCRıBERS ", "now",
     "already a ", "member", "Read the full ", "story", "keep reading", "become a ",
     "download our ", "crypto ", "app", "jetzt abonnieren", "bereits abonnent",
     "weiterlesen mit", "suscríbete", "hazte socio", "abonnez-vous", "déjà abonné",
     "to continue", "ſubſcribe today", "DOWNLOAD THE APP"]
)  # fmt: skip


@settings(max_examples=3000)
@given(st.lists(_CALL_ALPHABET, max_size=10))
@example(["Please ", "ſubſcribe today"])
@example(["Déjà abonné"])
def test_may_call_is_necessary_for_a_subscribe_call(parts: list[str]) -> None:
    """Whenever the subscribe-call pattern finds a call, the cheap test lets it through."""
    text = "".join(parts)
    if content_prune._SUBSCRIBE_CALL.search(text) is not None:
        assert content_prune._may_call(text)


def test_may_call_turns_away_ordinary_text() -> None:
    assert not content_prune._may_call("Bitcoin rose 4% on Monday as traders bought the dip.")
    assert content_prune._may_call("Already a subscriber? Log in")


@settings(max_examples=3000)
@given(st.text(alphabet=st.sampled_from([*"ab. ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c",
                                         "\x1f", "\x85", "\xa0", "\u2028", "\u3000",
                                         "\u200b", "\ufeff", "\u180e"]), max_size=40))
@example(" ")
@example("")
@example("  a  ")
def test_one_space_is_the_regex_substitution(text: str) -> None:
    assert content._one_space(text) == content._WS.sub(" ", text)

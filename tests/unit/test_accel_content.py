"""The compiled parts of content finding (newsparse._accel.walk's ``flagged``; the walk
itself is tests/unit/test_accel.py's) give what their pure-Python twins give.

``flagged`` stands in for the scorer set-up's filter over ``content._attributed``: the
elements below ``<body>`` with an attribute that can make them lazy-loaded or hidden,
each with its page-index attributes, in document order.
"""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest
from lxml import etree
from tests.unit.gate_pages import DEV_CORPORA, compiled_module, corpus_pages, fixture_and_zoo_pages

from newsparse.document import load
from newsparse.extract import content
from newsparse.extract.dom import page_index

COMPILED, needs_compiled = compiled_module("walk")


def _body(doc: Any) -> Any:
    body = doc.root.find("body")
    return doc.root if body is None else body


def _reference(doc: Any, body: Any) -> list[tuple[Any, dict[str, str]]]:
    index = page_index(doc)
    return [
        pair
        for pair in content._attributed(body, index)
        if not content._LAZY_OR_HIDING.isdisjoint(pair[1])
    ]


def _compiled(doc: Any, body: Any) -> list[tuple[Any, dict[str, str]]]:
    assert COMPILED is not None
    return list(COMPILED.flagged(body, page_index(doc).attrs, content._LAZY_OR_HIDING_NAMES))


def _same(html: str | bytes) -> list[tuple[Any, dict[str, str]]]:
    doc = load(html)
    body = _body(doc)
    expected = _reference(doc, body)
    got = _compiled(doc, body)
    assert [(el, attrs) for el, attrs in got] == expected
    assert all(a[0] is b[0] and a[1] is b[1] for a, b in zip(got, expected, strict=True))
    return got


@needs_compiled
def test_flagged_on_fixtures_and_zoo() -> None:
    found = 0
    for _, html in fixture_and_zoo_pages():
        found += len(_same(html))
    assert found > 50  # the pages do have hidden and lazy elements


@needs_compiled
@pytest.mark.parametrize("corpus", DEV_CORPORA)
def test_flagged_on_dev_corpora(corpus: str, request: pytest.FixtureRequest) -> None:
    for _, html in corpus_pages(corpus, request):
        _same(html)


PAGE = """<html><head><title>t</title><style>p{}</style></head>
<body style="margin:0" hidden><div class="a"><p hidden>One</p><!-- c -->
<span aria-hidden="false">x</span><span aria-hidden="true">y</span>
<img data-src="a.jpg"><img src="b.jpg"><div data-bg="">z</div>
<svg xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="#i"/></svg>
<p style="display: none">hid</p><p data-srcset="1x" data-lazy-src="q">two</p>
<script hidden>var x;</script><noscript style="x">n</noscript></div>
<footer><p data-original="o.jpg">f</p></footer></body></html>"""


@needs_compiled
def test_flagged_by_hand() -> None:
    got = _same(PAGE)
    tags = [el.tag for el, _ in got]
    # body itself is not below body; every other element with one of the names is,
    # whatever the value (hidden="", aria-hidden="false", data-bg="")
    assert tags == ["p", "span", "span", "img", "div", "p", "p", "script", "noscript", "p"]


@needs_compiled
def test_flagged_after_a_split() -> None:
    """An element added to the tree after the index (as the disclaimer's split adds
    one) has no attributes, so it is left out both ways; a moved child keeps its own."""
    doc = load(PAGE)
    page_index(doc)
    body = _body(doc)
    block = body.find("div")
    new = block.makeelement("div", {})
    for child in list(block)[5:]:
        new.append(child)
    block.addnext(new)
    assert [el for el, _ in _compiled(doc, body)] == [el for el, _ in _reference(doc, body)]


@needs_compiled
def test_flagged_without_body() -> None:
    doc = load("<div hidden><p style='display:none'>a</p></div>")
    root = doc.root
    for top in (root, *root.iter(etree.Element)):
        assert [el for el, _ in _compiled(doc, top)] == [
            el
            for el, attrs in content._attributed(top, page_index(doc))
            if not content._LAZY_OR_HIDING.isdisjoint(attrs)
        ]


def _best_both(html: str | bytes) -> tuple[Any, Any, int]:
    doc = load(html)
    body = _body(doc)
    scorer = content._Scorer(body, set(), content._jsonld_body(doc), page_index(doc), current=True)
    scorer.visit(body, [0, 0, 0, None, False], False, False)
    if not scorer.stats:
        return None, None, 0
    return scorer.best, content._best(scorer.stats), len(scorer.stats)


@needs_compiled
def test_walk_best_on_fixtures_and_zoo() -> None:
    """The compiled walk's best block (kept as it makes the stats) is ``_best``'s."""
    told = 0
    for _, html in fixture_and_zoo_pages():
        best, reference, _ = _best_both(html)
        if best is not None:
            told += 1
            assert best[0] is reference[0] and best[1] is reference[1]
    assert told > 20


@needs_compiled
@pytest.mark.parametrize("corpus", DEV_CORPORA)
def test_walk_best_on_dev_corpora(corpus: str, request: pytest.FixtureRequest) -> None:
    for _, html in corpus_pages(corpus, request):
        best, reference, _ = _best_both(html)
        if best is not None:
            assert best[0] is reference[0] and best[1] is reference[1]


# an inline box with a boilerplate name, too long to leave out, around blocks: the walk
# measures the box first (making its blocks' stats), then walks it again (remaking them)
_REWALKED = (
    "<html><body><div><p>Short intro, here.</p><span class='share-box'>"
    + "".join(f"<p>Paragraph {i} of running text, long enough to count.</p>" for i in range(12))
    + "</span></div></body></html>"
)


@needs_compiled
def test_walk_best_left_to_python_when_a_block_is_walked_twice() -> None:
    best, reference, n = _best_both(_REWALKED)
    assert n > 10 and reference is not None
    assert best is None  # the first stats of the re-walked blocks are gone
    doc = load(_REWALKED)
    main = content.find_main_content(doc)
    assert main.node is not None


def _text_cases(html: str | bytes) -> int:
    assert COMPILED is not None
    doc = load(html)
    n = 0
    for el in doc.root.iter(etree.Element):
        got = COMPILED.text_content(el)
        assert type(got) is str
        assert got == el.text_content()
        n += 1
    return n


@needs_compiled
def test_text_content_on_fixtures_and_zoo() -> None:
    assert sum(_text_cases(html) for _, html in fixture_and_zoo_pages()) > 10_000


@needs_compiled
@pytest.mark.parametrize("corpus", DEV_CORPORA)
def test_text_content_on_dev_corpora(corpus: str, request: pytest.FixtureRequest) -> None:
    for _, html in corpus_pages(corpus, request):
        _text_cases(html)


@needs_compiled
def test_text_content_by_hand() -> None:
    """Comments and processing instructions write nothing, CDATA and script text do, in
    document order; long texts grow the buffer; non-ASCII text is decoded."""
    assert COMPILED is not None
    long = "word " * 400
    doc = load(
        "<html><body><div id='d'>A<!-- no --><b>B<?pi no?></b><script>s()</script>"
        f"<p>{long}</p>tail é<i></i>\u2003</div><p id='e'></p></body></html>"
    )
    div = doc.root.get_element_by_id("d")
    assert COMPILED.text_content(div) == div.text_content() == f"ABs(){long}tail é\u2003"
    empty = doc.root.get_element_by_id("e")
    assert COMPILED.text_content(empty) == "" == empty.text_content()
    xml = etree.fromstring("<r>a<![CDATA[<b>]]><s>c</s></r>", etree.XMLParser(strip_cdata=False))
    assert COMPILED.text_content(xml) == "a<b>c"
    # an entity reference below the element: lxml's XPath answers
    dtd = '<!DOCTYPE r [<!ENTITY e "ent">]><r>a&e;<s>b</s></r>'
    ref = etree.fromstring(dtd, etree.XMLParser(resolve_entities=False))
    assert COMPILED.text_content(ref) == "aentb" == etree.XPath("string()")(ref)


def _passes_first_test(el: Any) -> bool:
    """Whether ``content_lead._lead_in`` reads on past its first test at ``el``."""
    from newsparse.extract import content_lead

    if not isinstance(el.tag, str):
        return False
    cls, ident, itemprop = el.get("class"), el.get("id"), el.get("itemprop")
    return itemprop == "description" or bool(
        (cls or ident) and content_lead._LEAD_CUE.search(f"{cls or ''} {ident or ''}".lower())
    )


def _lead_cases(html: str | bytes) -> int:
    """walk.lead_candidates picks out of every element's ``iter()`` (in order) at least
    the nodes _lead_in reads past its first test; and _lead_in answers the same with it
    as with the whole ``iter()``."""
    from newsparse.extract import content_lead

    assert COMPILED is not None
    doc = load(html)
    index = page_index(doc)
    n = 0
    for box in doc.root.iter(etree.Element):
        got = COMPILED.lead_candidates(box, content_lead._CUES)
        every = list(box.iter())
        positions = [every.index(el) for el in got]
        assert positions == sorted(set(positions))
        assert {el for el in every if _passes_first_test(el)} <= set(got)
        n += len(got)
    body = _body(doc)
    for box in list(body.iter(etree.Element))[::3]:  # (every third: _lead_in is slow)
        for attrs in (None, index.attrs):
            found = content_lead._lead_in(box, (), attrs)
            content_lead._named = content_lead._named_python
            try:
                assert content_lead._lead_in(box, (), attrs) is found
            finally:
                content_lead._named = content_lead._compiled_named()
    return n


@needs_compiled
def test_lead_candidates_on_fixtures_and_zoo() -> None:
    assert sum(_lead_cases(html) for _, html in fixture_and_zoo_pages()) > 20


@needs_compiled
@pytest.mark.parametrize("corpus", DEV_CORPORA[:2])
def test_lead_candidates_on_dev_corpora(corpus: str, request: pytest.FixtureRequest) -> None:
    for _, html in corpus_pages(corpus, request)[::4]:
        _lead_cases(html)


@needs_compiled
def test_lead_candidates_by_hand() -> None:
    """Any ASCII case, the cue inside a longer name, a non-ASCII value (U+212A, the
    Kelvin sign, lower-cases to "k"), itemprop exactly "description"; the box itself."""
    from newsparse.extract import content_lead

    assert COMPILED is not None
    doc = load(
        "<html><body><div class='Article-LEAD'><p id='x'>a</p><p class='myintroBox'>b</p>"
        "<p class='\u212aurztext'>c</p><p class='caf\u00e9'>d</p>"
        "<p itemprop='description'>e</p><p itemprop='Description'>f</p>"
        "<p class='lea d'>g</p><p id='sub-title'>h</p><p id='subtitle2'>i</p></div>"
        "</body></html>"
    )
    box = _body(doc).find("div")
    got = COMPILED.lead_candidates(box, content_lead._CUES)
    assert [el.text for el in got if el is not box] == ["b", "c", "d", "e", "i"]
    assert got[0] is box
    assert {el for el in box.iter() if _passes_first_test(el)} <= set(got)


def _counts(el: Any) -> bool:
    """Whether ``content_prune._slideshows`` reads ``el``'s text as a slide counter."""
    from newsparse.extract import content_prune

    text = el.text
    if not text or len(el) or not isinstance(el.tag, str):
        return False
    m = content_prune._COUNTER.fullmatch(text.strip())
    return m is not None


def _counter_cases(html: str | bytes) -> int:
    assert COMPILED is not None
    doc = load(html)
    n = 0
    for top in doc.root.iter(etree.Element):
        got = COMPILED.counter_candidates(top)
        every = list(top.iter())
        positions = [every.index(el) for el in got]
        assert positions == sorted(set(positions))
        assert {el for el in every if _counts(el)} <= set(got)
        n += len(got)
    return n


@needs_compiled
def test_counter_candidates_on_fixtures_and_zoo() -> None:
    assert sum(_counter_cases(html) for _, html in fixture_and_zoo_pages()) > 50


@needs_compiled
@pytest.mark.parametrize("corpus", DEV_CORPORA[:2])
def test_counter_candidates_on_dev_corpora(corpus: str, request: pytest.FixtureRequest) -> None:
    for _, html in corpus_pages(corpus, request)[::4]:
        _counter_cases(html)


@needs_compiled
def test_counter_candidates_by_hand() -> None:
    """Childless elements whose stripped text starts and ends with a digit; a non-ASCII
    text (Arabic-Indic digits, a no-break space) is handed to the pattern."""
    assert COMPILED is not None
    root = lxml.html.document_fromstring(  # (load() drops comments)
        "<html><body><div><span> 3/50 </span><span>3 of 50</span><span>x 3/50</span>"
        "<span>3/50 x</span><span>\u0663/\u0665\u0660</span><span>\u00a03/5</span>"
        "<b>1<!-- c --></b><i>7</i><p>2<i>x</i>3</p><span>\t\n</span></div></body></html>"
    )
    div = root.find("body/div")
    got = [el.text for el in COMPILED.counter_candidates(div)]
    assert got == [" 3/50 ", "3 of 50", "\u0663/\u0665\u0660", "\u00a03/5", "7"]
    assert [el.text for el in div.iter() if _counts(el)] == [
        " 3/50 ",
        "3 of 50",
        "\u0663/\u0665\u0660",
        "\u00a03/5",
    ]
    leaf = div.find("i")
    assert COMPILED.counter_candidates(leaf) == [leaf]

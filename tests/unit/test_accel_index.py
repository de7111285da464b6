"""The compiled page index pass (newsparse._accel.index) gives what its Python twins give.

The Python code is the reference: ``dom._element_attrs_python`` (every element's
``dict(el.items())``, for the elements that have attributes),
``widget_gate._naming_text_python`` (the page's naming vocabulary) and
``widget_gate._shown_text_python`` (the page's shown text, by an XSLT pass).  The
compiled twins must give the same dicts (same keys in the same order, same values) and
the same strings, on the fixtures, the zoo, hand-written edge cases (entities, empty and
boolean attributes, odd names, namespaced attributes, comments and processing
instructions, <template>, deep trees, trees changed after load, whitespace beyond ASCII)
and generated trees.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from tests.unit.gate_pages import FIXTURES, ROOT, compiled_module

from newsparse import _accel, document
from newsparse.document import ELEMENTS_KEY, load
from newsparse.extract import dom, widget_gate
from newsparse.extract.dom import HtmlElement

COMPILED, needs_compiled = compiled_module("index")
WANTED = widget_gate._NAMING_ATTRIBUTES


def _flat(attrs: dict[HtmlElement, dict[str, str]]) -> list[tuple[Any, list[tuple[str, str]]]]:
    """The attribute map as a list: element (by identity), then its items in order."""
    return [(id(el), list(values.items())) for el, values in attrs.items()]


def _check(elements: list[HtmlElement]) -> dict[HtmlElement, dict[str, str]]:
    """Assert both twins agree on ``elements``; gives the Python result."""
    assert COMPILED is not None
    python = dom._element_attrs_python(elements)
    compiled = COMPILED.element_attrs(elements)
    assert _flat(compiled) == _flat(python)
    assert all(type(v) is str for a in compiled.values() for v in (*a, *a.values()))
    assert COMPILED.naming_text(compiled, WANTED) == widget_gate._naming_text_python(python, WANTED)
    assert COMPILED.attribute_names(compiled) == dom._attribute_names_python(python)
    if elements:
        _check_shown(elements[0])
        for top in elements[:: max(1, len(elements) // 5)]:  # the page and subtrees
            assert COMPILED.elements_of(top) == document._elements_of_python(top)
    return python


def _check_shown(top: HtmlElement) -> str | None:
    """Assert the compiled shown text of ``top`` is the XSLT pass's, squashed."""
    assert COMPILED is not None
    try:
        reference: str | None = "".join(str(widget_gate._SHOWN_TEXT(top)).split())
    except etree.XSLTError:
        reference = None
    squashed = COMPILED.squashed_text(top, widget_gate._SKIP_NAMES)
    if squashed is not None:
        assert "".join(squashed.split()) == reference
    return squashed


def _check_page(html: str | bytes) -> dict[HtmlElement, dict[str, str]]:
    doc = load(html)
    elements = doc.memo[ELEMENTS_KEY]
    assert elements == list(doc.root.iter(etree.Element))
    assert widget_gate._shown_text(doc) == widget_gate._shown_text_python(doc)
    return _check(elements)


def test_dispatch_uses_the_compiled_twins_when_built() -> None:
    if COMPILED is None:
        assert dom._element_attrs is dom._element_attrs_python
        assert widget_gate._naming_text is widget_gate._naming_text_python
        assert widget_gate._shown_text is widget_gate._shown_text_python
        assert dom._attribute_names is dom._attribute_names_python
        assert document.elements_of is document._elements_of_python
    else:
        assert dom._element_attrs is COMPILED.element_attrs
        assert dom._attribute_names is COMPILED.attribute_names
        assert document.elements_of is COMPILED.elements_of
        assert widget_gate._naming_text is COMPILED.naming_text


def test_page_index_equals_the_python_index() -> None:
    """page_index (whichever twin it runs) and _page_index_python on the same page."""
    doc = load((ROOT / "tests" / "fixtures" / "crypto-news-page.html").read_bytes())
    index = dom.page_index(doc)
    assert dom.page_index(doc) is index  # kept on the Document
    reference = dom._page_index_python(doc)  # load()'s list is gone: lists the tree again
    assert index.elements == reference.elements
    assert _flat(index.attrs) == _flat(reference.attrs)
    assert len(index.attrs) > 50
    names = widget_gate.page_naming_text(doc)
    assert names == widget_gate._naming_text_python(reference.attrs, WANTED)
    assert "\n" in names and names == names.lower()


@needs_compiled
@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_pages(path: Path) -> None:
    attrs = _check_page(path.read_bytes())
    assert any("class" in a for a in attrs.values())


@needs_compiled
def test_zoo_pages() -> None:
    from tests.zoo.generate import build_all

    pages = build_all()
    assert len(pages) > 20
    for page in pages:
        _check_page(page.html)


_SAMPLES = [
    # entities, character references (a NUL one is replaced), unknown entities
    "<a href='/x?a=1&amp;b=2&lt;&gt;' title='&quot;q&quot; &#x41;&#66; &#0; &nosuch; &copy'>x</a>",
    # empty, bare and boolean attributes (libxml2 gives a boolean its name as value)
    "<input value='' disabled checked name><option selected>o</option><p hidden x>t</p>",
    # a repeated attribute (the parser keeps the first), odd and non-ASCII names/values
    "<div class='a' class='b' id='i' ID='j' data-ü='é€😀' xml:lang='en' xlink:href='#s'"
    " fb:like='1' _x='' a-b.c='d' data-testid='KeyPoints_root__x7Yz1'>d</div>",
    # comments and processing instructions (not elements; their text is not attributes)
    "<!-- <div class='no'> --><?pi class='no'?><span class='yes' aria-label='Close'>s</span>",
    # <template> content is parsed as children
    "<template id='t'><div class='in-template' data-widget='w'>x</div></template>",
    # whitespace and newlines in values, very long values, many attributes
    "<p class=' a\tb\nc ' id='\u00a0x\u2003' data-x='"
    + "v" * 5000
    + "' "
    + " ".join(f"data-a{i}='{i}'" for i in range(200))
    + ">p</p>",
    # the naming attributes, in mixed case (lower-cased in the vocabulary only)
    "<section data-component='TickerTape' data-module='Quotes' data-block='X' data-test='T'"
    " data-test-id='Y' data-qa='Q' data-type='Price' aria-label='Key Takeaways'>s</section>",
    # svg and math with their own attributes
    "<svg viewBox='0 0 1 1' xmlns='http://www.w3.org/2000/svg'><use xlink:href='#i'/></svg>"
    "<math display='block'><mi mathvariant='bold'>x</mi></math>",
]


@needs_compiled
@pytest.mark.parametrize("body", _SAMPLES)
def test_samples(body: str) -> None:
    attrs = _check_page(f"<html><head><title>t</title></head><body>{body}</body></html>")
    assert attrs  # every sample has attributes


@needs_compiled
def test_sample_values_are_lxmls() -> None:
    """Spot checks of what the samples give (read from lxml's own items())."""
    attrs = _check_page(f"<html><body>{_SAMPLES[0]}{_SAMPLES[1]}{_SAMPLES[2]}</body></html>")
    by_tag = {el.tag: a for el, a in attrs.items()}
    assert by_tag["a"]["href"] == "/x?a=1&b=2<>"
    assert by_tag["input"] == {
        "value": "",
        "disabled": "disabled",
        "checked": "checked",
        "name": "",
    }
    assert by_tag["div"]["class"] == "a"
    assert by_tag["div"]["data-ü"] == "é€😀"
    assert by_tag["div"]["xml:lang"] == "en"


def _elements(root: HtmlElement) -> list[HtmlElement]:
    return list(root.iter(etree.Element))


@needs_compiled
def test_tree_changed_after_load() -> None:
    """Attributes set, changed, emptied and removed through lxml, elements added and
    moved: the compiled pass reads the tree as it is then."""
    doc = load(
        "<html><body><div class='a' id='b'><p class='c'>t</p></div><span>s</span></body></html>"
    )
    root = doc.root
    div = root.find(".//div")
    p = root.find(".//p")
    span = root.find(".//span")
    assert div is not None and p is not None and span is not None
    div.set("class", "changed")
    del div.attrib["id"]
    div.set("data-new", "x&amp;y <b>")
    span.set("title", "")
    span.set("data-none", None)  # lxml.html: a bare attribute
    del p.attrib["class"]
    new = etree.SubElement(span, "em", {"class": "added", "aria-label": "Label"})
    new.set("id", "n")
    div.append(span)  # moved
    root.find("body").insert(0, etree.Comment("a comment"))  # type: ignore[union-attr]
    attrs = _check(_elements(root))
    assert attrs[div] == {"class": "changed", "data-new": "x&amp;y <b>"}
    assert attrs[span] == {"title": "", "data-none": ""}
    assert p not in attrs
    assert attrs[new] == {"class": "added", "aria-label": "Label", "id": "n"}
    assert COMPILED.attribute_names(attrs) == {"class", "data-new", "title", "data-none",
                                               "aria-label", "id"}  # fmt: skip


@needs_compiled
def test_namespaced_attributes() -> None:
    """lxml names an attribute in a namespace "{uri}name": such elements get their dict
    from lxml, in the same order as the others."""
    doc = load("<html><body><div class='a'>x</div><p id='p'>y</p></body></html>")
    div = doc.root.find(".//div")
    assert div is not None
    div.set("{http://example.com/ns}flag", "on")
    div.set("title", "t")
    attrs = _check(_elements(doc.root))
    assert list(attrs[div].items()) == [
        ("class", "a"), ("{http://example.com/ns}flag", "on"), ("title", "t")
    ]  # fmt: skip


@needs_compiled
def test_deep_tree() -> None:
    """A tree far deeper than load() allows (built through lxml), attributes at every
    level, and the deepest page load() makes."""
    root = etree.Element("html")
    node = etree.SubElement(root, "body")
    for i in range(5000):
        node = etree.SubElement(node, "div", {"class": f"c{i % 7}", "id": f"d{i}"})
    attrs = _check(_elements(root))
    assert len(attrs) == 5000
    _check_page(
        "<html><body>" + "<div class='x'>" * 3000 + "t" + "</div>" * 3000 + "</body></html>"
    )


@needs_compiled
def test_elements_without_attributes_and_empty_list() -> None:
    assert COMPILED is not None
    assert COMPILED.element_attrs([]) == {}
    assert _check_page("<html><body><p>text</p><div><b>b</b></div></body></html>") == {}
    assert COMPILED.naming_text({}, WANTED) == ""


@needs_compiled
def test_naming_text_reads_the_dicts_as_they_are() -> None:
    """naming_text over hand-made attribute maps: only the wanted names, in order."""
    assert COMPILED is not None
    doc = load("<html><body><div>a</div><p>b</p></body></html>")
    div, p = doc.root.find(".//div"), doc.root.find(".//p")
    attrs = {
        div: {"class": "A B", "href": "/no", "id": "Main"},
        p: {"data-testid": "Quote", "aria-label": "ÉTÉ İ"},
    }
    expected = "a b\nmain\nquote\nété i̇"
    assert COMPILED.naming_text(attrs, WANTED) == expected
    assert widget_gate._naming_text_python(attrs, WANTED) == expected


_NAMES = ["class", "id", "href", "data-testid", "aria-label", "data-type", "style", "x",
          "data-ü", "title", "rel"]  # fmt: skip
_VALUES = ["", " ", "a", "Key Takeaways", "x &amp; y", "&lt;b&gt;", "&#x2003;", "é€",
           "q\"uote", "&nosuch;", "multi\nline"]  # fmt: skip
_TAGS = ["div", "p", "span", "a", "section", "template", "svg", "input", "li", "ul", "script",
         "button", "style", "noscript"]  # fmt: skip
_TEXTS = ["t", "", " ", "\u00a0x\n", "a\u200bb", "İ ſ", "\x1c\x1f\x85", "é €\t"]


@st.composite
def _trees(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3 if depth < 5 else 0))):
        kind = draw(st.integers(0, 9))
        if kind == 0:
            parts.append("<!-- c -->")
        elif kind == 1:
            parts.append("<?pi x='y'?>")
        else:
            tag = draw(st.sampled_from(_TAGS))
            pairs = draw(
                st.lists(st.tuples(st.sampled_from(_NAMES), st.sampled_from(_VALUES)), max_size=4)
            )
            attrs = "".join(
                f" {name}" if value == " " else f" {name}='{value}'" for name, value in pairs
            )
            parts.append(f"<{tag}{attrs}>{draw(_trees(depth + 1))}</{tag}>")
        parts.append(draw(st.sampled_from(_TEXTS)))
    return "".join(parts)


@needs_compiled
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_trees())
def test_generated_trees(markup: str) -> None:
    _check_page(f"<html><body>{markup}</body></html>")


@needs_compiled
def test_page_index_in_a_pure_python_process() -> None:
    """With NEWSPARSE_PURE_PYTHON=1 the Python twins run, and give the same vocabulary."""
    page = ROOT / "tests" / "fixtures" / "crypto-news-page.html"
    doc = load(page.read_bytes())
    here = widget_gate.page_naming_text(doc)
    code = (
        "import sys\n"
        "from newsparse.document import load\n"
        "from newsparse.extract import dom, widget_gate\n"
        "assert dom._element_attrs is dom._element_attrs_python\n"
        "assert widget_gate._naming_text is widget_gate._naming_text_python\n"
        "assert widget_gate._shown_text is widget_gate._shown_text_python\n"
        "doc = load(open(sys.argv[1], 'rb').read())\n"
        "sys.stdout.write(widget_gate.page_naming_text(doc))\n"
    )
    env = {**os.environ, _accel.PURE_ENV: "1"}
    code = code.replace(
        "page_naming_text(doc)", "page_naming_text(doc) + str(widget_gate.shown_text(doc))"
    )
    here += str(widget_gate.shown_text(doc))
    out = subprocess.run(
        [sys.executable, "-c", code, str(page)], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout == here


_SHOWN_SAMPLES = [
    # skipped subtrees (their tails are text), nested, and whitespace of every kind
    "<p>One <script>var x = 1;</script>two\t\n<style>p{}</style>three\r\x0b\x0c</p>"
    "<div><noscript><p>no</p></noscript><svg><text>s</text><script>x</script></svg>tail"
    "<button>Buy <b>now</b></button> after <template>tpl</template><math>m</math></div>",
    # whitespace beyond ASCII, zero-width characters, letters that fold
    "<p>\u00a0A\u2003B\u3000C\x85D\u2028E\u200bF\u00adG\ufeff İI ſ \u1c80</p>",
    # comments and processing instructions hold no shown text
    "<p>a<!-- hidden comment -->b<?pi hidden?>c</p>",
    # non-ASCII text between ASCII whitespace, entities
    "<p> é \n ü &amp; &lt;tag&gt; 😀 \t€ </p><pre>  keep\n  lines  </pre>",
    # no text at all, and only whitespace
    "<div><span> </span>\n\t<img src='x'></div>",
]


@needs_compiled
@pytest.mark.parametrize("body", _SHOWN_SAMPLES)
def test_shown_text_samples(body: str) -> None:
    _check_page(f"<html><head><title>Title</title></head><body>{body}</body></html>")


@needs_compiled
def test_shown_text_values() -> None:
    doc = load(f"<html><body>{_SHOWN_SAMPLES[0]}{_SHOWN_SAMPLES[2]}</body></html>")
    assert widget_gate.shown_text(doc) == "onetwothreetailafterabc"
    doc = load("<html><body><p>\u00a0Key\u2003Takeaways\u200b: İ</p></body></html>")
    assert widget_gate.shown_text(doc) == "keytakeaways:i"


@needs_compiled
def test_shown_text_of_trees_changed_through_lxml() -> None:
    """Elements the XSLT pass does not skip (a namespaced or upper-case SCRIPT), CDATA,
    an entity reference node (left to the XSLT pass), a page without a body."""
    doc = load("<html><body><p>text</p></body></html>")
    body = doc.root.find("body")
    assert body is not None
    etree.SubElement(body, "{http://www.w3.org/1999/xhtml}script").text = "ns script"
    etree.SubElement(body, "SCRIPT").text = "upper"
    etree.SubElement(body, "script").text = "skipped"
    cdata = etree.SubElement(body, "p")
    cdata.text = etree.CDATA("in cdata")
    _check_page_doc(doc)
    assert widget_gate._shown_text(doc) == "textnsscriptupperincdata"
    body.append(etree.Entity("amp"))
    body.append(etree.ProcessingInstruction("pi", "x"))
    etree.SubElement(body, "i").append(etree.Entity("lt"))
    assert _check_shown(body) is None  # the XSLT pass decides
    _check(_elements(doc.root))  # (elements_of: entities are not elements)
    assert widget_gate._shown_text(doc) == widget_gate._shown_text_python(doc)
    doc.root.remove(body)
    etree.SubElement(doc.root, "div").text = "no body"
    _check_page_doc(doc)
    assert widget_gate._shown_text(doc) == "nobody"


def _check_page_doc(doc: Any) -> None:
    assert widget_gate._shown_text(doc) == widget_gate._shown_text_python(doc)
    _check(_elements(doc.root))


@needs_compiled
@pytest.mark.parametrize("depth", [999, 1001, 2990, 3100])
def test_shown_text_of_deep_trees(depth: int) -> None:
    """Deeper than the compiled pass goes the XSLT pass decides (and gives up at 3000)."""
    doc = load("<html><body><p>x</p></body></html>")
    node = doc.root.find("body")
    assert node is not None
    for i in range(depth):
        node = etree.SubElement(node, "div")
        node.text = "ab"[i % 2]
    squashed = _check_shown(doc.root.find("body"))  # type: ignore[arg-type]
    assert (squashed is None) == (depth >= 1000)
    shown = widget_gate._shown_text(doc)
    assert shown == widget_gate._shown_text_python(doc)
    assert (shown is None) == (depth > 3000)

"""The compiled text helpers (newsparse._accel.text) give what their Python twins give.

The Python functions are the reference: ``dom.text_of_python``, ``block_text_python``,
``joined_text_python`` and ``ticker_quotes._pieces_python``; the page's shown text
(``index.squashed_text`` against widget_gate's XSLT pass) is checked on the same trees.
The compiled ones must return the same strings on every element of the fixtures and zoo
pages, on hand-written samples of what the walks treat specially (comments and
processing instructions, whose tails ``etree.iterwalk`` never reaches; entity
references, whose tails it does; skipped subtrees; block boundaries; Unicode
whitespace and zero-width characters; ``max_parts``) and on generated trees.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from tests.unit.gate_pages import FIXTURES, ROOT, compiled_module

from newsparse import _accel
from newsparse.document import load
from newsparse.extract import dom, ticker_quotes, widget_gate
from newsparse.extract.authors import _NAME_BOUNDARY, _SKIP_TAGS
from newsparse.extract.metadata import _BLOCKISH, _NO_TEXT

COMPILED, needs_compiled = compiled_module("text")

#: (boundary, skip, separator, max_parts) as the callers pass them, and a few more.
_JOINS = [
    (_BLOCKISH, _NO_TEXT, " ", None),  # metadata.heading_text
    (_NAME_BOUNDARY, _SKIP_TAGS, " , ", 400),  # authors._name_text
    (_NAME_BOUNDARY, _SKIP_TAGS, " , ", 3),
    (dom.BLOCK_BOUNDARY, frozenset({"p", "a", "span"}), "\n\u200b|", 0),
    (frozenset({"div", "span"}), frozenset({"div"}), "", -2),
    (frozenset(), frozenset(), " ", 1),
]


def _pieces(pieces: list[tuple[str, etree._Element]]) -> list[tuple[str, str]]:
    """Pieces with their owners told by their paths in the tree."""
    return [(text, owner.getroottree().getpath(owner)) for text, owner in pieces]


def _compiled(el: etree._Element) -> tuple[object, ...]:
    assert dom._COMPILED is not None
    return (
        _pieces(dom._COMPILED.pieces(ticker_quotes._PIECE_NAMES, el)),
        dom._COMPILED.text_of(dom._TEXT_NAMES, el),
        dom._COMPILED.block_text(dom._BLOCK_NAMES, el),
        *(
            dom._COMPILED.joined_text(dom.compiled_names(skip, bound), el, sep, most)
            for bound, skip, sep, most in _JOINS
        ),
    )


def _python(el: etree._Element) -> tuple[object, ...]:
    return (
        _pieces(ticker_quotes._pieces_python(el)),
        dom.text_of_python(el),
        dom.block_text_python(el),
        *(dom.joined_text_python(el, bound, skip, sep, most) for bound, skip, sep, most in _JOINS),
    )


def _shown(top: etree._Element) -> tuple[str | None, str | None]:
    """(the XSLT pass's shown text, the compiled walk's) of ``top``: the page's shown
    text is the compiled ``index.squashed_text`` (see widget_gate), whose tests are in
    test_accel_index.py; it runs here on these trees too."""
    index = _accel.load("index")
    assert index is not None
    try:
        raw = str(widget_gate._SHOWN_TEXT(top))
    except etree.XSLTError:
        python = None
    else:
        python = widget_gate._drop_zero_width_and_fold("".join(raw.split()))
    squashed = index.squashed_text(top, widget_gate._SKIP_NAMES)
    if squashed is None:
        return python, None
    if not squashed.isascii():
        squashed = "".join(squashed.split())
    return python, widget_gate._drop_zero_width_and_fold(squashed)


def _squashed(top: etree._Element) -> str | None:
    index = _accel.load("index")
    assert index is not None
    return cast("str | None", index.squashed_text(top, widget_gate._SKIP_NAMES))


def _elements(root: etree._Element, every: int = 1) -> Iterator[etree._Element]:
    for i, el in enumerate(root.iter(etree.Element)):
        if i % every == 0:
            yield el


def _check_page(html: str | bytes, every: int = 1) -> int:
    doc = load(html)
    count = 0
    for el in _elements(doc.root, every):
        assert _compiled(el) == _python(el), doc.root.getroottree().getpath(el)
        count += 1
    body = doc.root.find("body")
    python, compiled = _shown(body if body is not None else doc.root)
    assert python is not None
    assert compiled == python
    assert widget_gate.shown_text(doc) == python
    return count


@needs_compiled
@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_pages(path: Path) -> None:
    assert _check_page(path.read_bytes(), every=3) > 20


@needs_compiled
def test_zoo_pages() -> None:
    from tests.zoo.generate import build_all

    pages = build_all()
    assert len(pages) > 20
    for page in pages:
        _check_page(page.html, every=5)


def _one(markup: str) -> etree._Element:
    return lxml.html.fragment_fromstring(markup)


# What the walks read, checked by hand: each sample's expected (text_of, block_text,
# heading-style joined_text) and the Python twins must agree with the compiled ones.
_SAMPLES = [
    # a comment's and a PI's tails are not reached by iterwalk; their text never counts
    ("<div>a<!-- c -->b<?pi x?>c<p>d</p>e</div>", ("a d e", "a d e", "a d e")),
    # skipped subtrees: their text is left out, their tails are read
    ("<div>x<script>s</script>y<button>b</button>z</div>", ("x y b z", "xyz", "xyz")),
    # inline markup adds no space in block_text; text_of puts one between any pieces
    ("<p><strong>Bitcoin</strong>Outflows <em>rise</em>.</p>",
     ("Bitcoin Outflows rise .", "BitcoinOutflows rise.", "BitcoinOutflows rise.")),
    # Unicode whitespace collapses; zero-width characters vanish without a space
    ("<div>\u00a0One\u2003\u3000two\u200bthree\ufeff \u00adfour\u2060<br>five\u2028</div>",
     ("One twothree four five", "One twothree four five", "One twothree four five")),
    # nothing but whitespace and zero-width characters
    ("<div> \u200b <span>\u00ad</span>\u3000</div>", ("", "", "")),
]  # fmt: skip


@needs_compiled
@pytest.mark.parametrize(("markup", "expected"), _SAMPLES)
def test_samples(markup: str, expected: tuple[str, str, str]) -> None:
    el = _one(markup)
    assert _compiled(el) == _python(el)
    assert _compiled(el)[1:4] == expected


def test_samples_in_python() -> None:
    """The samples' expected values hold for the Python twins (and so without the
    extension too): the dispatching functions give them either way."""
    for markup, expected in _SAMPLES:
        el = _one(markup)
        got = (dom.text_of(el), dom.block_text(el), dom.joined_text(el, _BLOCKISH, _NO_TEXT))
        assert got == expected
        assert _python(el)[1:4] == expected


@needs_compiled
def test_entity_reference_tails_count_and_their_text_does_not() -> None:
    el = _one("<div>a<p>b</p>c</div>")
    amp = etree.Entity("amp")
    amp.tail = "T"
    el.insert(0, amp)
    assert _python(el)[1:3] == ("a T b c", "aT b c")
    assert _compiled(el) == _python(el)
    # joined_text skips every node that is not an element, tail and all
    assert dom.joined_text_python(el, _BLOCKISH, _NO_TEXT) == "a b c"


@needs_compiled
def test_pieces_join_text_split_by_a_comment() -> None:
    el = _one(
        "<div><span>$<!-- -->61,321.00</span> <b>BTC</b><!-- x --> +2.5%<?pi p?>up"
        "<script>no</script>\u200b</div>"
    )
    pi = etree.ProcessingInstruction("pi", "y")
    pi.tail = "5%"
    el[1].append(pi)
    # the comment's and the PI's tails join the text before them in the same parent; a
    # skipped element's tail of a zero-width space is an empty piece, left out
    div = "/html/body/div"
    expected = [("$61,321.00", f"{div}/span"), ("BTC5%", f"{div}/b"), ("+2.5%up", div)]
    assert _pieces(ticker_quotes._pieces_python(el)) == expected
    assert _pieces(ticker_quotes._pieces(el)) == expected


@needs_compiled
def test_max_parts_stops_where_the_python_loop_does() -> None:
    el = _one("<div>one<p>two</p>three<p>four<b>five</b></p>six</div>")
    for most in (None, -5, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 2**70):
        args = (_BLOCKISH, _NO_TEXT, " | ", most)
        assert dom.joined_text(el, *args) == dom.joined_text_python(el, *args), most
    assert dom.joined_text_python(el, _BLOCKISH, _NO_TEXT, " | ", 2) == "one | two"


@needs_compiled
def test_top_element_in_the_skip_set_and_not_an_element() -> None:
    el = _one("<div><script>x</script>tail</div>")[0]
    assert _compiled(el) == _python(el)
    assert _python(el)[:4] == ([], "", "", "")  # (the joins with another skip set read "x")
    comment = _one("<div><!-- c -->t</div>")[0]
    for python, compiled in (
        (dom.text_of_python, dom.text_of),
        (dom.block_text_python, dom.block_text),
    ):
        with pytest.raises(ValueError, match="not an XML element"):
            python(comment)
        with pytest.raises(ValueError, match="not an XML element"):
            compiled(comment)


@needs_compiled
def test_xml_trees_with_cdata_namespaces_and_empty_text() -> None:
    parser = etree.XMLParser(strip_cdata=False)
    root = etree.fromstring(
        "<r xmlns:s='urn:x'>a<![CDATA[ c d ]]>b<p>x<s:script>hidden?</s:script>y</p>"
        "<svg xmlns='http://www.w3.org/2000/svg'>drawn</svg><script>no</script>z</r>",
        parser,
    )
    etree.SubElement(root, "p").text = ""
    for el in root.iter(etree.Element):
        assert _compiled(el) == _python(el)
    # the namespaced script and svg are not the skipped tags: their text is read
    assert dom.text_of_python(root) == "a c d b x hidden? y drawn z"


@needs_compiled
def test_shown_text_of_documents() -> None:
    doc = load(
        "<html><head><title>T</title></head><body><p>Hello  World<script>x</script> "
        "<svg><text>y</text></svg>\u200bZ <button>Go</button>!</p><!-- c -->after"
        "<?pi p?>\u00a0end</body></html>"
    )
    body = doc.root.find("body")
    assert body is not None
    assert _shown(body) == ("helloworldz!afterend", "helloworldz!afterend")
    assert _shown(doc.root) == ("thelloworldz!afterend",) * 2
    script = body.find(".//script")
    assert script is not None
    assert _shown(script) == ("", "")
    # an entity reference: the compiled walk leaves it to the XSLT pass
    body.insert(0, etree.Entity("amp"))
    assert _squashed(body) is None


@needs_compiled
def test_shown_text_of_a_whole_document_with_top_level_comments() -> None:
    """Without a body the XSLT pass reads the whole document: the doctype and the
    comments beside the root element write nothing."""
    root = lxml.html.document_fromstring(
        "<!DOCTYPE html><!-- top --><html><head><title>T  x</title></head>"
        "<frameset>no body</frameset></html><!-- after -->"
    )
    assert root.find("body") is None
    assert _shown(root) == ("txnobody", "txnobody")


@needs_compiled
def test_shown_text_of_a_very_deep_tree_is_left_to_the_xslt_pass() -> None:
    root = etree.Element("body")
    node = root
    for _ in range(1200):
        node = etree.SubElement(node, "div")
        node.text = "x y"
    assert _squashed(root) is None
    inner = root
    for _ in range(500):
        inner = inner[0]
    python, compiled = _shown(inner)
    assert compiled == python == "xy" * 701


_TAGS = ["div", "p", "span", "a", "b", "li", "ul", "h2", "br", "td", "table", "section",
         "script", "style", "noscript", "template", "svg", "math", "button", "x-el"]  # fmt: skip
_TEXTS = ["", " ", "Word", "two words", "\u00a0x\u2003", "\u200b", "a\u00adb", "\ufeff",
          "\u3000end\u2060", "\u2028", "\t\n", "«Ünï»", "日本語", "🙂 emoji"]  # fmt: skip


@st.composite
def _markup(draw: st.DrawFn, depth: int = 0) -> str:
    parts = [draw(st.sampled_from(_TEXTS))]
    for _ in range(draw(st.integers(0, 3 if depth < 5 else 0))):
        kind = draw(st.integers(0, 11))
        if kind == 0:
            parts.append("<!-- c -->")
        elif kind == 1:
            parts.append("<?pi x?>")
        else:
            tag = draw(st.sampled_from(_TAGS))
            parts.append(f"<{tag}>{draw(_markup(depth + 1))}</{tag}>")
        parts.append(draw(st.sampled_from(_TEXTS)))
    return "".join(parts)


@needs_compiled
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    _markup(), st.integers(0, 6), st.integers(0, 3), st.lists(st.sampled_from(_TEXTS), min_size=1)
)
def test_generated_trees(
    markup: str, entity_every: int, empty_every: int, draw_tail: list[str]
) -> None:
    doc = lxml.html.document_fromstring(f"<html><body><div>{markup}</div></body></html>")
    elements = list(doc.iter(etree.Element))
    for i, el in enumerate(elements):
        if entity_every and i % entity_every == 1 and el.tag not in ("html", "body"):
            amp = etree.Entity("amp")
            amp.tail = " tail\u00a0"
            el.append(amp)
        if empty_every and i % empty_every == 2 and el.text is None:
            el.text = ""
        if i % 5 == 3:  # (the HTML parser reads "<?pi x?>" as a comment)
            pi = etree.ProcessingInstruction("pi", "x")
            pi.tail = draw_tail[i % len(draw_tail)]
            el.insert(0, pi)
    for el in elements:
        assert _compiled(el) == _python(el)
    body = doc.find("body")
    assert body is not None
    if not entity_every:
        python, compiled = _shown(body)
        assert compiled == python


def test_load_knows_the_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_accel.PURE_ENV, "1")
    assert _accel.load("text") is None
    assert "text" in _accel.available()
    monkeypatch.delenv(_accel.PURE_ENV)
    if COMPILED is not None:  # (this process may have been started pure-Python)
        assert _accel.load("text") is COMPILED


@needs_compiled
def test_text_is_the_same_in_a_pure_python_process() -> None:
    """A process with NEWSPARSE_PURE_PYTHON=1 runs the Python twins (the XSLT pass for
    the shown text) and gets, over every element of a fixture, what this one gets."""
    page = ROOT / "tests" / "fixtures" / "crypto-news-page.html"
    code = (
        "import sys\n"
        "from lxml import etree\n"
        "from newsparse.document import load\n"
        "from newsparse.extract import dom, widget_gate\n"
        "assert dom._COMPILED is None\n"
        "assert widget_gate._shown_text is widget_gate._shown_text_python\n"
        "doc = load(open(sys.argv[1], 'rb').read())\n"
        "for el in doc.root.iter(etree.Element):\n"
        "    print(repr((dom.text_of(el), dom.block_text(el), dom.joined_text(\n"
        "        el, dom.BLOCK_BOUNDARY, dom.WIDGET_SKIP_TEXT, ' , ', 50))))\n"
        "print(repr(widget_gate.shown_text(doc)))\n"
    )
    env = {**os.environ, _accel.PURE_ENV: "1"}
    out = subprocess.run(
        [sys.executable, "-c", code, str(page)], env=env, capture_output=True, text=True, check=True
    )
    doc = load(page.read_bytes())
    here = [
        repr(
            (
                dom.text_of(el),
                dom.block_text(el),
                dom.joined_text(el, dom.BLOCK_BOUNDARY, dom.WIDGET_SKIP_TEXT, " , ", 50),
            )
        )
        for el in doc.root.iter(etree.Element)
    ]
    here.append(repr(widget_gate.shown_text(doc)))
    assert out.stdout.splitlines() == here

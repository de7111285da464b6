"""The compiled inline gathering (newsparse._accel.gather) gives what its Python twin gives.

The Python methods are the reference: ``blocks._Walker.inline_python`` and
``inline_element_python``.  With the compiled module in use, ``to_blocks`` and whole
parses must give the same Blocks (same JSON, same fields set) as with ``blocks._GATHER``
set to None, on every fixture and zoo page, on hand-written samples of what the gathering
treats specially (comments, processing instructions and entity references among inline
children, hidden and skipped elements, nested lists in items, links, emphasis in
headings, code, a namespaced element) and on generated trees.  The tag table and the
Markdown quick test are checked against blocks.py's sets and render.py's patterns.
"""

from __future__ import annotations

import json
import re

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from tests.unit.gate_pages import compiled_module, fixture_and_zoo_pages

from newsparse import parse
from newsparse.document import load
from newsparse.extract import blocks
from newsparse.extract.dom import page_index
from newsparse.models import Block

COMPILED, needs_compiled = compiled_module("gather")

pytestmark = needs_compiled


def _dump(items: list[Block]) -> str:
    return json.dumps(
        [(b.model_dump(mode="json"), sorted(b.model_fields_set)) for b in items],
        ensure_ascii=False,
    )


def _both(monkeypatch: pytest.MonkeyPatch, run: object) -> tuple[str, str]:
    """(compiled, Python) results of ``run()``."""
    assert callable(run)
    compiled = run()
    with monkeypatch.context() as patch:
        _pure_python(patch)
        python = run()
    return compiled, python


def _pure_python(patch: pytest.MonkeyPatch) -> None:
    """Every compiled twin of blocks.py replaced by its Python reference."""
    patch.setattr(blocks, "_GATHER", None)
    patch.setattr(blocks, "_squash", blocks._squash_python)
    patch.setattr(blocks, "_has_word", blocks._has_word_python)
    patch.setattr(blocks, "_paragraph", blocks._paragraph_python)


def _blocks_of(html: str | bytes, skip_class: str | None = None) -> str:
    doc = load(html)
    page_index(doc)
    body = doc.root.find("body")
    top = body if body is not None else doc.root
    skip = set(top.find_class(skip_class)) if skip_class else set()
    return _dump(blocks.to_blocks(doc, top, skip))


def test_tag_kinds_agree_with_the_tag_sets() -> None:
    assert COMPILED is not None
    names = (
        blocks.DROP_TAGS | blocks.BLOCK_TAGS | blocks._IMAGE_TAGS | set(blocks._INLINE_MD)
        | {"br", "a", "code", "span", "h7", "h0", "abbr", "bdi", "x", "", "aa", "em2", "ul2"}
    )  # fmt: skip
    for name in names:
        if name in blocks.DROP_TAGS:
            expected = 1
        elif name == "br":
            expected = 2
        elif name in blocks._IMAGE_TAGS:
            expected = 3
        elif name in ("ul", "ol"):
            expected = 4
        elif name in blocks.BLOCK_TAGS:
            expected = 5
        elif name == "a":
            expected = 6
        elif blocks._INLINE_MD.get(name) == "**":
            expected = 7
        elif blocks._INLINE_MD.get(name) == "*":
            expected = 8
        elif name == "code":
            expected = 9
        else:
            expected = 0
        assert COMPILED.kind_of(name.encode()) == expected, name


def _quick_test(text: str) -> bool:
    """render.escape_markdown's quick test, as written there."""
    from newsparse import render

    return not (
        render._NEEDS_ESCAPE_CHAR.search(text) is None
        and render._NEEDS_ESCAPE_START.match(text) is None
        and ("\n" not in text or render._NEEDS_ESCAPE_LINE.search(text) is None)
    )


_ESCAPE_SAMPLES = [
    "", "plain", " 1. item", "\t\t#", "12)", "12", "12 .", "a\n  - b", "a\n", "\n=",
    "x & y", "\u0663.", "\u00b2.", "\u0663\u0664)", "a\n\u0967.", " \u00a0#", "~", "a|b",
    "text\n\n>", "1x.", "\n\t+1",
]  # fmt: skip


@pytest.mark.parametrize("text", _ESCAPE_SAMPLES)
def test_needs_escape_samples(text: str) -> None:
    assert COMPILED is not None
    assert COMPILED.needs_escape(text) == _quick_test(text)


_ALPHABET = list(" \t\n\u00a0ab1\u0663\u00b2.)#>+-=&*_`[]<>|~\\")


@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=12))
@settings(max_examples=400, deadline=None)
def test_needs_escape_generated(text: str) -> None:
    assert COMPILED is not None
    assert COMPILED.needs_escape(text) == _quick_test(text)


def test_fixture_and_zoo_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, html in fixture_and_zoo_pages():
        compiled, python = _both(monkeypatch, lambda h=html: _blocks_of(h))
        assert compiled == python, name
        compiled, python = _both(
            monkeypatch, lambda h=html: parse(h, "https://example.com/a/b").model_dump_json()
        )
        assert compiled == python, name


_SAMPLES = [
    "<p>Price <!-- a comment --> rose <?pi x?> to &amp; <b>$5</b>.</p>",
    "<p>A <span hidden>hidden</span> and <span aria-hidden='true'>aria</span> and "
    "<span style='DISPLAY: none'>styled</span> <span style='color:red'>shown</span>.</p>",
    "<p>Skip <span class='sk'>this</span> but keep its tail.</p>",
    "<ul><li>One <b>bold</b><ul><li>nested <i>it</i></li></ul> after</li>"
    "<li><p>para in item</p><ol><li>deep</li></ol></li></ul>",
    "<h2>A <strong>bold</strong> <em>heading</em> <a href='/x'>link</a></h2>",
    "<p><a href='javascript:alert(1)'>bad</a> <a href='/ok?a=(1)'> spaced </a>"
    "<a>no href</a> <a href='/e'> </a></p>",
    "<p><code>a`b</code> and <code> </code> <b><i>both</i></b> <strong></strong></p>",
    "<p>1. not a list\n# nor heading<br>- nor item<br><br>new para *stars* _u_ [x]</p>",
    "<p>Image <img src='/i.png' alt='x'> inline <amp-img src='/j.png'></amp-img>.</p>",
    "<p>Break<br>line <span><div>block in inline</div></span> tail</p>",
    "<table><tr><td>Cell <b>one</b></td><td>two &lt;x&gt;</td></tr>"
    "<tr><th>h</th><td>\u0663. digits</td></tr></table>",
    "<blockquote><p>Quote <em>it</em></p><footer>\u2014 <cite>Someone</cite></footer></blockquote>",
    "<p>Inline <script>var x = 1;</script><style>p{}</style><button>btn</button> "
    "<label>lab</label> after</p>",
    "<div>Loose text <span>in span</span> then <p>para</p> and tail</div>",
    "<p>zero\u200bwidth\u00ad soft  and   spaces </p>",
    "<p><span><span><span>deep <b>nest</b></span></span></span></p>",
    "<dl><dt>term <i>x</i></dt><dd>def</dd></dl>",
    "<p>Video <video>no</video> nav <nav>no</nav> <iframe>x</iframe> ok</p>",
]


@pytest.mark.parametrize("markup", _SAMPLES)
def test_samples(markup: str, monkeypatch: pytest.MonkeyPatch) -> None:
    page = f"<html><body><article>{markup}</article></body></html>"
    compiled, python = _both(monkeypatch, lambda: _blocks_of(page, "sk"))
    assert compiled == python
    assert json.loads(python)  # the samples give blocks


def test_entity_reference_and_namespaced_children(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nodes the HTML parser never makes but a caller's tree can hold: an entity
    reference among inline children (skipped, its tail read) and an element with a
    namespace (its tag is ``{uri}name``: gathered by the Python methods)."""

    def run() -> str:
        doc = load("<html><body><article><p>Start <b>bold</b> end</p></article></body></html>")
        page_index(doc)
        p = doc.root.find(".//p")
        assert p is not None
        b = p.find("b")
        assert b is not None
        ref = etree.Entity("amp")
        ref.tail = " after entity "
        b.addnext(ref)
        odd = etree.SubElement(p, "{urn:x}em")
        odd.text = "namespaced *text*"
        odd.tail = " tail"
        inner = etree.SubElement(odd, "strong")
        inner.text = "inner"
        article = doc.root.find(".//article")
        assert article is not None
        return _dump(blocks.to_blocks(doc, article))

    compiled, python = _both(monkeypatch, run)
    assert compiled == python
    markdown = json.loads(python)[0][0]["markdown"]
    assert "after entity namespaced \\*text\\***inner** tail" in markdown


def test_keep_callback_uses_python(monkeypatch: pytest.MonkeyPatch) -> None:
    page = (
        "<html><body><article><p>Keep <b>this</b> <i class='no'>not</i></p></article></body></html>"
    )

    def run() -> str:
        doc = load(page)
        article = doc.root.find(".//article")
        assert article is not None
        found = blocks.to_blocks(doc, article, keep=lambda el: el.get("class") != "no")
        return _dump(found)

    compiled, python = _both(monkeypatch, run)
    assert compiled == python
    assert "not" not in json.loads(python)[0][0]["text"]


_TAGS = ["p", "span", "b", "strong", "em", "i", "a", "code", "br", "ul", "li", "ol", "div",
         "h2", "h3", "img", "script", "blockquote", "table", "tr", "td", "th", "sup",
         "label"]  # fmt: skip
_TEXTS = ["", " ", "word", " two words ", "1. x", "\n# h", "a*b_c", "&amp;", "\u200b", "  ", "-"]


@st.composite
def _trees(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 3 else 0))):
        tag = draw(st.sampled_from(_TAGS))
        attrs = draw(
            st.sampled_from(["", " hidden", " style='display:none'", " href='/x'", " class='sk'"])
        )
        inner = draw(_trees(depth + 1)) if tag not in ("br", "img") else ""
        parts.append(f"<{tag}{attrs}>{inner}</{tag}>" if tag not in ("br", "img") else f"<{tag}>")
        parts.append(draw(st.sampled_from(_TEXTS)))
    return draw(st.sampled_from(_TEXTS)) + "".join(parts)


@given(_trees())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_trees(markup: str) -> None:
    page = f"<html><body><article>{markup}</article></body></html>"
    compiled = _blocks_of(page, "sk")
    with pytest.MonkeyPatch.context() as patch:
        _pure_python(patch)
        python = _blocks_of(page, "sk")
    assert compiled == python


def test_a_regex_sanity() -> None:
    """The quick test samples include what each of its three patterns catches."""
    assert any(re.match(r"[ \t]*\d", t) for t in _ESCAPE_SAMPLES)
    assert any(_quick_test(t) for t in _ESCAPE_SAMPLES)
    assert not all(_quick_test(t) for t in _ESCAPE_SAMPLES)
    assert lxml.html.fromstring("<p>x</p>").tag == "p"


_SPACES = list(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u2029\u3000")
_SPACES += list("\u200b\u200c\u200d\u2060\ufeff\u00ad")  # blocks._INVISIBLE_LIST
_WORDS = ["a", "\u00e9", "\u0663", "*", "\u2022", "\U0001f600", "\u00b2", "-", "x y"]


@given(st.lists(st.sampled_from(_SPACES + _WORDS), max_size=16).map("".join))
@settings(max_examples=600, deadline=None)
def test_squash_has_word_and_paragraph_generated(text: str) -> None:
    assert COMPILED is not None
    assert COMPILED.squash(text) == blocks._squash_python(text)
    assert COMPILED.has_word(text) == blocks._has_word_python(text)
    pieces = text.split("\u2022")
    assert COMPILED.paragraph(pieces, [*pieces, "\n"]) == blocks._paragraph_python(
        pieces, [*pieces, "\n"]
    )


@pytest.mark.parametrize(
    "text",
    ["", "a", " a ", "a  b", "a\tb", "a\n\n b \n", "\n", "\u200b", "a\u200b b", "a \u00ad\n c",
     "\u3000x\u3000", "line\r\nnext", "\u2028", "x\u0085y", "\U0001f600 \U0001f600"],
)  # fmt: skip
def test_squash_samples(text: str) -> None:
    assert COMPILED is not None
    assert COMPILED.squash(text) == blocks._squash_python(text)
    assert COMPILED.has_word(text) == blocks._has_word_python(text)

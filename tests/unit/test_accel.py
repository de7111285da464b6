"""The compiled walk (newsparse._accel.walk) gives what its pure-Python twin gives.

The Python walk (``_Scorer.visit_python``) is the reference.  Both run on the same
scorer set-up and must leave the same state: the returned sums, every block's stat
(float values compared exactly), the lists of excluded boxes, author links, form
controls and JSON-LD-matched blocks, and the block count.  Pages: the fixtures, the
zoo (every stack and language) and generated trees that mix what the walk treats
specially (comments, inline boxes with boilerplate names, script links around blocks,
author links, Unicode whitespace, claimed elements, revealed markup).
"""

from __future__ import annotations

import importlib.util
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

from newsparse import _accel
from newsparse.document import load
from newsparse.extract import content
from newsparse.extract.dom import page_index

COMPILED, needs_compiled = compiled_module("walk")


def _state(scorer: content._Scorer, sums: Any) -> tuple[Any, ...]:
    path = scorer.top.getroottree().getpath
    stats = [
        (path(el), (s.text, s.links, s.value, s.good, s.hint, s.index, s.boxed, s.anchors))
        for el, s in scorer.stats.items()
    ]
    return (
        sums,
        stats,
        [path(el) for el in scorer.excluded],
        [path(el) for el in scorer.author_links],
        [path(el) for el in scorer.form_controls],
        [(path(el), v) for el, v in scorer.ld_blocks],
        scorer.count,
        scorer.ld_hit,
        {type(s) for s in scorer.stats.values()},  # content_prune._Stat from either walk
    )


def _both(
    html: str | bytes, *, current: bool = True, ld: bool = True, skip_every: int = 0
) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """(Python walk's state, compiled walk's state) on ``html``."""
    assert content._COMPILED is not None
    states = []
    for compiled in (False, True):
        doc = load(html)
        body = doc.root.find("body")
        if body is None:
            body = doc.root
        skip = set()
        if skip_every:
            skip = {el for i, el in enumerate(body.iter(etree.Element)) if i % skip_every == 1}
        ld_text = content._jsonld_body(doc) if ld else None
        scorer = content._Scorer(body, skip, ld_text, page_index(doc), current=current)
        own: list[Any] = [0, 0, 0, None, False]
        if compiled:
            sums = content._COMPILED.run(scorer, body, own, False, False)
        else:
            sums = scorer.visit_python(body, own, False, False)
        states.append((*_state(scorer, sums), own))
    return states[0], states[1]


def _zoo() -> list[tuple[str, str]]:
    from tests.zoo.generate import build_all

    return [(p.id, p.html) for p in build_all()]


@needs_compiled
@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_pages(path: Path) -> None:
    html = path.read_bytes()
    python, compiled = _both(html)
    assert python == compiled
    assert python[1]  # blocks were scored
    assert (
        _both(html, current=False, ld=False, skip_every=7)[0]
        == _both(html, current=False, ld=False, skip_every=7)[1]
    )


@needs_compiled
def test_zoo_pages() -> None:
    pages = _zoo()
    assert len(pages) > 20
    for name, html in pages:
        python, compiled = _both(html)
        assert python == compiled, name


_SAMPLES = [
    # comments, processing instructions and text around them
    "<p>Before<!-- a comment -->after, it says. <?pi x?>And more text here.</p>",
    # an inline box with a boilerplate name: small (left out) and large (kept)
    "<p>Text of the paragraph, long enough. <span class='share-bar'>Share <a href='/x'>X"
    "</a></span> and the rest.</p>"
    "<p><span class='caption'>" + "word " * 100 + "<b>bold</b></span> tail text.</p>",
    # a script link around blocks is a wrapper, not a link
    "<a href='javascript:void(0)'><div><p>Running text inside a script link, it reads."
    "</p></div></a><a href='javascript:go()'>just a link</a>",
    # author links by href and rel, in leaves and with children
    "<p>By <a href='/author/jane'>Jane</a>, <a rel='author'>John</a> and "
    "<a href='/contributors/x'><b>X</b> Y</a>.</p>",
    # form controls, hidden or not
    "<form><input type='text'><input type='hidden'><select><option>a</option></select>"
    "<textarea>t</textarea><button>Go</button></form>",
    # Unicode whitespace around text, sentence marks at the end of a short block
    "<div>\u00a0\u2003 Short one.\u3000</div><li><a href='/a'>Headline of a teaser item"
    " here</a> and a summary that goes on for a while after the link, doesn't it.</li>",
    # headings, lists, tables, nested blocks and inline elements with children
    "<h2>A heading</h2><ul><li>one</li><li>two, three.</li></ul><table><tr><td>cell"
    "</td></tr></table><div><em>Emphasis <strong>nested</strong> in a div</em> text.</div>",
    # hinted containers and tags
    "<article class='entry-content'><p>" + "Sentence of the body. " * 20 + "</p></article>"
    "<aside><p>Sidebar text, with words.</p></aside><nav><a href='/'>Home</a></nav>",
    # ids and itemprop beside class (the hint's full rule), entities in attribute
    # values, an href that has an author stem but is not an author page
    "<div id='main-content' class='x'><p itemprop='articleBody'>Body text, it says.</p>"
    "<p class='a&amp;b related'>Text. <a href='/authorize?x=1'>not an author</a> "
    "<a href='/writers/jo' rel='nofollow'>Jo</a> <a href='' rel='author'>Al</a></p></div>",
    # a namespaced-looking tag and an unknown tag
    "<fb:like>Like</fb:like><custom-el class='related'>Related stuff here.</custom-el>",
]


@needs_compiled
@pytest.mark.parametrize("body", _SAMPLES)
def test_samples(body: str) -> None:
    html = f"<html><body>{body}</body></html>"
    for kwargs in ({}, {"current": False}, {"skip_every": 3}, {"ld": False}):
        python, compiled = _both(html, **kwargs)  # type: ignore[arg-type]
        assert python == compiled, kwargs


_TAGS = ["div", "p", "span", "a", "b", "li", "ul", "h2", "section", "aside", "script",
         "figure", "figcaption", "em", "button", "input", "td", "br", "img"]  # fmt: skip
_CLASSES = ["", "share", "entry-content", "related", "caption", "author", "x1", "sidebar"]
_TEXTS = ["", " ", "Word", "Some words, and more.", "A sentence. Next", "\u00a0\xa0x ",
          "long text " * 9, "«Quoted»!", '"q"']  # fmt: skip


#: Characters str.strip() strips or keeps at the edges of a text (Unicode spaces, zero
#: widths, a 4-byte character), and sentence marks: the compiled walk measures text
#: from its UTF-8 bytes and must count as len(text.strip()) does.
_CHARS = (
    " \t\n\u00a0\u0085\u1680\u2000\u200a\u200b\u2028\u202f\u205f\u3000\ufeff"
    'a.,!?"\u00e9\U0001f600'
)
_texts = st.one_of(st.sampled_from(_TEXTS), st.text(alphabet=_CHARS, max_size=12))


@st.composite
def _trees(draw: st.DrawFn, depth: int = 0) -> str:
    parts = [draw(_texts)]
    for _ in range(draw(st.integers(0, 3 if depth < 4 else 0))):
        kind = draw(st.integers(0, 9))
        if kind == 0:
            parts.append("<!-- c -->")
        else:
            tag = draw(st.sampled_from(_TAGS))
            cls = draw(st.sampled_from(_CLASSES))
            attrs = f" class='{cls}'" if cls else ""
            if tag == "a":
                attrs += draw(
                    st.sampled_from(
                        [
                            "",
                            " href='/author/x'",
                            " href='javascript:x()'",
                            " rel='author'",
                            " href='/news/1'",
                        ]
                    )
                )
            inner = draw(_trees(depth + 1))
            parts.append(f"<{tag}{attrs}>{inner}</{tag}>")
        parts.append(draw(_texts))
    return "".join(parts)


@needs_compiled
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_trees(), st.integers(0, 4))
def test_generated_trees(markup: str, skip_every: int) -> None:
    html = f"<html><body>{markup}</body></html>"
    python, compiled = _both(html, skip_every=skip_every)
    assert python == compiled


def test_load_gives_none_when_pure_python_is_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_accel.PURE_ENV, "1")
    assert _accel.load("walk") is None
    assert _accel.available() == dict.fromkeys(_accel.MODULES, False)
    monkeypatch.setenv(_accel.PURE_ENV, "0")
    # "0" does not ask for pure Python: the module loads wherever it is built (this
    # process may have been started with NEWSPARSE_PURE_PYTHON=1, so COMPILED is no guide)
    built = importlib.util.find_spec("newsparse._accel.walk") is not None
    assert (_accel.load("walk") is not None) == built


def test_load_rejects_unknown_modules() -> None:
    with pytest.raises(ValueError, match="unknown compiled module"):
        _accel.load("nothing")


@needs_compiled
def test_parse_is_the_same_in_a_pure_python_process() -> None:
    """A whole parse with NEWSPARSE_PURE_PYTHON=1 (a process that never loads the
    extension) gives the same Article as this process, which uses it."""
    import newsparse

    page = ROOT / "tests" / "fixtures" / "crypto-news-page.html"
    here = newsparse.parse(page.read_bytes()).model_dump_json()
    code = (
        "import sys, newsparse\n"
        "from newsparse.extract import content\n"
        "assert content._COMPILED is None\n"
        "sys.stdout.write(newsparse.parse(open(sys.argv[1], 'rb').read()).model_dump_json())\n"
    )
    env = {**os.environ, _accel.PURE_ENV: "1"}
    out = subprocess.run(
        [sys.executable, "-c", code, str(page)], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout == here


def test_twin_gives_the_compiled_function_or_the_python_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def python(x: int) -> int:
        return x

    monkeypatch.setenv(_accel.PURE_ENV, "1")
    assert _accel.twin("walk", "Walker", python) is python
    monkeypatch.setenv(_accel.PURE_ENV, "0")
    module = _accel.load("walk")
    expected = python if module is None else module.Walker
    assert _accel.twin("walk", "Walker", python) is expected


def test_module_names_leave_the_package_functions_alone() -> None:
    """Importing ``newsparse._accel.<name>`` binds ``<name>`` on the package: a module
    named like one of its functions (``load``...) would replace that function."""
    assert set(_accel.MODULES).isdisjoint(_accel.__all__)
    for name in _accel.MODULES:
        _accel.load(name)
    assert callable(_accel.load) and callable(_accel.twin) and callable(_accel.available)

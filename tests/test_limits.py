"""Size and shape: every page either parses within bounded time and memory or is
refused by a configurable limit with InputTooLargeError.

Fast set: the size limit (bytes and str, default and custom), the element limit,
100,000 nested elements, a million siblings (refused), a 1 MB text node, a 10 MB
<script>, a 10 MB and a 1 MB JSON-LD block. Slow set (``-m slow``, tests/ci_slow.sh):
a 50 MB page parsed with a raised limit, a 10 MB text node, 100,000 siblings parsed.
The fast tests bound time; the slow ones also report the Python heap peak
(tracemalloc; libxml2's own memory is not in it) and the 50 MB case checks the
peak RSS of a fresh process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest

import newsparse
from newsparse import InputTooLargeError, Limits, Parser
from newsparse.document import MAX_DEPTH, load

try:
    from test_hostile import check_article
except ImportError:  # pragma: no cover - tests imported as a package
    from tests.test_hostile import check_article

MiB = 1024 * 1024
PROSE = "Paragraph text of the article, long enough to count as prose. " * 8


def _slow_selected(config: pytest.Config) -> bool:
    return "slow" in (config.getoption("markexpr") or "") or bool(os.environ.get("NEWSPARSE_SLOW"))


@pytest.fixture(autouse=True)
def _only_when_slow_selected(request: pytest.FixtureRequest) -> None:
    """Slow tests run only under ``-m slow`` or NEWSPARSE_SLOW=1 (tests/ci_slow.sh)."""
    if request.node.get_closest_marker("slow") and not _slow_selected(request.config):
        pytest.skip("slow: run with -m slow (tests/ci_slow.sh)")


def measure(fn: Callable[[], Any], *, trace: bool = False) -> tuple[Any, float, float]:
    """(result or the NewsparseError raised, seconds, Python heap peak in MiB or 0).

    tracemalloc slows Python code down 2-3x, so the fast tests time without it.
    """
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    try:
        result: Any = fn()
    except newsparse.NewsparseError as exc:
        result = exc
    elapsed = time.perf_counter() - started
    peak = 0.0
    if trace:
        peak = tracemalloc.get_traced_memory()[1] / MiB
        tracemalloc.stop()
    return result, elapsed, peak


# --------------------------------------------------------------------------- byte size


def test_default_size_limit_is_16_mib() -> None:
    """The default limit is 16 MiB and is documented on Limits."""
    assert Limits().max_bytes == 16 * MiB


@pytest.mark.parametrize("as_str", [False, True], ids=["bytes", "str"])
def test_50_mb_page_is_refused_by_the_default_limit_at_once(as_str: bool) -> None:
    """A 50 MB page is refused before any parsing: InputTooLargeError with size and limit."""
    chunk = "<p>" + PROSE + "</p>"
    html = "<html><body>" + chunk * (50_000_000 // len(chunk)) + "</body></html>"
    data: str | bytes = html if as_str else html.encode()
    error, elapsed, _ = measure(lambda: newsparse.parse(data))
    assert isinstance(error, InputTooLargeError)
    assert error.limit == 16 * MiB
    assert error.size >= 49_000_000
    assert elapsed < 2


@pytest.mark.parametrize(
    ("size", "refused"), [(999, False), (1000, False), (1001, True)], ids=str
)
def test_custom_size_limit_boundary(size: int, refused: bool) -> None:
    """Limits(max_bytes=N) accepts N bytes and refuses N + 1."""
    head = b"<html><body><p>"
    data = head + b"x" * (size - len(head))
    parser = Parser(limits=Limits(max_bytes=1000))
    if refused:
        with pytest.raises(InputTooLargeError):
            parser.parse(data)
    else:
        check_article(parser.parse(data))


def test_str_size_counts_utf8_bytes() -> None:
    """A str of 400 four-byte characters is 1,600 bytes: over a 1,000-byte limit."""
    parser = Parser(limits=Limits(max_bytes=1000))
    with pytest.raises(InputTooLargeError) as info:
        parser.parse("<p>" + "\U0001f600" * 400 + "</p>")
    assert info.value.size > 1000


# --------------------------------------------------------------------------- element count


def test_a_million_siblings_are_refused_by_the_element_limit() -> None:
    """1,000,000 sibling elements: over Limits.max_elements, refused quickly."""
    html = "<html><body><div>" + "<p>a</p>" * 1_000_000 + "</div></body></html>"
    error, elapsed, _ = measure(lambda: newsparse.parse(html))
    assert isinstance(error, InputTooLargeError), error
    assert "elements" in str(error)
    assert error.size > Limits().max_elements
    assert elapsed < 30


def test_custom_element_limit() -> None:
    """Limits(max_elements=N) refuses a page with more elements and accepts one with fewer."""
    parser = Parser(limits=Limits(max_elements=100))
    with pytest.raises(InputTooLargeError):
        parser.parse("<html><body>" + "<p>x</p>" * 200 + "</body></html>")
    check_article(parser.parse("<html><body>" + "<p>Some text.</p>" * 20 + "</body></html>"))


# --------------------------------------------------------------------------- depth


@pytest.mark.parametrize("tag", ["div", "b"])
def test_100000_nested_elements(tag: str) -> None:
    """100,000 nested elements: an Article, the text before, inside and after kept."""
    html = (
        "<html><body><article><p>Before the nesting.</p>"
        + f"<{tag}>" * 100_000
        + "Deep inside text."
        + f"</{tag}>" * 100_000
        + "<p>After the nesting.</p></article></body></html>"
    )
    article, elapsed, _ = measure(lambda: newsparse.parse(html))
    assert isinstance(article, newsparse.Article), article
    check_article(article)
    assert elapsed < 30
    doc = load(html)
    depth = max(sum(1 for _ in el.iterancestors()) for el in doc.root.iter())
    assert depth <= MAX_DEPTH
    text = doc.root.text_content()
    for words in ("Before the nesting.", "Deep inside text.", "After the nesting."):
        assert words in text


def test_unclosed_nesting_keeps_every_item() -> None:
    """20,000 unclosed nested lists: no item is dropped by libxml2's depth limit."""
    html = "<html><body>" + "".join(f"<ul><li>item{i}" for i in range(20_000))
    doc = load(html)
    text = doc.root.text_content()
    assert "item0" in text and "item19999" in text
    check_article(newsparse.parse(html))


def test_nesting_between_libxml2_limits_is_capped() -> None:
    """1,000-deep nesting (over libxml2's 256, under its huge 2,048): depth capped, text kept."""
    html = "<html><body>" + "<div><p>x</p>" * 1000 + "end</body></html>"
    doc = load(html)
    assert max(sum(1 for _ in el.iterancestors()) for el in doc.root.iter()) <= MAX_DEPTH
    assert doc.root.text_content().count("x") == 1000


# --------------------------------------------------------------------------- big nodes


def test_1_mb_single_text_node() -> None:
    """A 1 MB text node: parsed whole, in bounded time."""
    html = "<html><body><article><p>" + "word " * 200_000 + "</p></article></body></html>"
    article, elapsed, _ = measure(lambda: newsparse.parse(html))
    assert isinstance(article, newsparse.Article), article
    check_article(article)
    assert article.text.count("word") == 200_000
    assert elapsed < 30


def test_text_node_over_10_mb_is_not_truncated_by_libxml2() -> None:
    """libxml2 stops at a text node over 10 MB unless told otherwise: nothing after it is lost."""
    html = "<html><body><p>" + "x" * 11_000_000 + "</p><p>After the huge node.</p></body></html>"
    doc = load(html, limits=Limits(max_bytes=32 * MiB))
    texts = [p.text or "" for p in doc.root.iter("p")]
    assert len(texts[0]) == 11_000_000
    assert texts[1] == "After the huge node."


def test_giant_script() -> None:
    """A page that is one 10 MB <script>: the body after it is kept, the script never is."""
    html = (
        "<html><head><script>" + "var a = 1;" * 1_000_000 + "</script></head><body><article>"
        + "<p>Body text after the script, long enough to be the article.</p>" * 5
        + "</article></body></html>"
    )
    article, elapsed, _ = measure(lambda: newsparse.parse(html))
    assert isinstance(article, newsparse.Article), article
    check_article(article)
    assert "Body text after the script" in article.text
    assert "var a" not in article.text
    assert elapsed < 30


def test_giant_jsonld_is_skipped_not_parsed() -> None:
    """A 10 MB JSON-LD block is over max_jsonld_bytes: skipped, the page still parses."""
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "From JSON-LD", "articleBody": "' + "x" * 10_000_000 + '"}</script>'
        "</head><body><article><h1>Visible headline</h1>"
        + "<p>Body text of the page, long enough to be the article.</p>" * 5
        + "</article></body></html>"
    )
    article, elapsed, _ = measure(lambda: newsparse.parse(html))
    assert isinstance(article, newsparse.Article), article
    check_article(article)
    assert article.title == "Visible headline"
    assert load(html).jsonld == []
    assert elapsed < 30


def test_large_jsonld_under_the_limit_is_read() -> None:
    """A 900 KB JSON-LD block (under the 1 MiB default) is read."""
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "From JSON-LD", "articleBody": "' + "x" * 900_000 + '"}</script>'
        "</head><body><p>Body.</p></body></html>"
    )
    doc = load(html)
    assert [obj["headline"] for obj in doc.jsonld] == ["From JSON-LD"]
    check_article(newsparse.parse(html))


def test_many_jsonld_scripts_are_bounded() -> None:
    """20,000 JSON-LD scripts: at most 100 are read and the total stays within the byte budget."""
    script = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H"}</script>'
    doc = load("<html><head>" + script * 20_000 + "</head><body><p>x</p></body></html>")
    assert 0 < len(doc.jsonld) <= 100


# --------------------------------------------------------------------------- slow set


_CHILD = r"""
import json, resource, sys, time
import newsparse
from newsparse import Limits, Parser
prose = "<p>" + "Paragraph text of the article, long enough to count as prose. " * 16 + "</p>"
html = ("<html><head><title>Big</title></head><body><article><h1>Big page</h1>"
        + prose * (50_000_000 // len(prose)) + "</article></body></html>").encode()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
article = Parser(limits=Limits(max_bytes=64 * 2**20)).parse(html)
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "rss_before_mib": before / 1024, "rss_peak_mib": peak / 1024,
                  "blocks": len(article.body), "text": len(article.text)}))
"""


@pytest.mark.slow
def test_50_mb_page_with_a_raised_limit_parses_in_bounded_time_and_memory() -> None:
    """50 MB of article prose with Limits(max_bytes=64 MiB): parsed in a fresh process within
    300 s and 3 GiB of peak RSS (about 20x the input: decoded text, tree, blocks, models)."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD], capture_output=True, text=True, timeout=600, check=True
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    print("50 MB page:", figures)
    assert figures["blocks"] > 10_000
    assert figures["seconds"] < 300
    assert figures["rss_peak_mib"] < 3072


@pytest.mark.slow
def test_10_mb_single_text_node() -> None:
    """A 10 MB text node in the body: parsed whole within 120 s."""
    html = "<html><body><article><p>" + "word " * 2_000_000 + "</p></article></body></html>"
    article, elapsed, peak = measure(lambda: newsparse.parse(html), trace=True)
    print(f"10 MB text node: {elapsed:.1f} s, Python heap peak {peak:.0f} MiB")
    assert isinstance(article, newsparse.Article), article
    check_article(article)
    assert article.text.count("word") == 2_000_000
    assert elapsed < 120


@pytest.mark.slow
def test_100000_siblings_parse_in_bounded_time() -> None:
    """100,000 sibling paragraphs (under the element limit): parsed within 120 s."""
    html = "<html><body><div>" + "<p>Short paragraph.</p>" * 100_000 + "</div></body></html>"
    article, elapsed, peak = measure(lambda: newsparse.parse(html), trace=True)
    print(f"100,000 siblings: {elapsed:.1f} s, Python heap peak {peak:.0f} MiB")
    assert isinstance(article, newsparse.Article), article
    check_article(article)
    assert elapsed < 120

"""Concurrency and leaks: one Parser shared by 8 threads gives exactly the serial results,
and many parses in one process keep memory flat.

Fast set: 8 threads over every fixture plus hostile pages (3 rounds each), and 300
parses with the RSS compared after a warm-up. Slow set (``-m slow``): 10,000 parses.
"""

from __future__ import annotations

import gc
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse import Limits, Parser

FIXTURES = {
    p.name: p.read_bytes() for p in sorted((Path(__file__).parent / "fixtures").glob("*.html"))
}
HOSTILE: dict[str, bytes | str] = {
    "deep": "<html><body><p>Before.</p>" + "<div>" * 3000 + "Deep." + "</div>" * 3000,
    "controls": "<html><body><article><h1>T\x00i\x01t\ud800le</h1><p>Body &#1; text.</p>",
    "latin1": "<html><body><p>Caf\xe9 cr\xe8me br\xfbl\xe9e.</p></body></html>".encode("latin-1"),
    "utf16": "<html><body><p>UTF-16 page text.</p></body></html>".encode("utf-16"),
    "empty": b"   ",
    "binary": b"\x89PNG\r\n\x1a\n" + bytes(100),
    "too_many": "<html><body>" + "<i>x</i>" * 6000 + "</body></html>",
}
PAGES: dict[str, bytes | str] = {**FIXTURES, **HOSTILE}


def _slow_selected(config: pytest.Config) -> bool:
    return "slow" in (config.getoption("markexpr") or "") or bool(os.environ.get("NEWSPARSE_SLOW"))


@pytest.fixture(autouse=True)
def _only_when_slow_selected(request: pytest.FixtureRequest) -> None:
    """Slow tests run only under ``-m slow`` or NEWSPARSE_SLOW=1 (tests/ci_slow.sh)."""
    if request.node.get_closest_marker("slow") and not _slow_selected(request.config):
        pytest.skip("slow: run with -m slow (tests/ci_slow.sh)")


def _outcome(parser: Parser, html: bytes | str) -> Any:
    """The JSON dump and Markdown of the Article, or the error type and message."""
    try:
        article = parser.parse(html, url="https://example.com/news/page")
    except newsparse.NewsparseError as exc:
        return ("error", type(exc).__name__, str(exc))
    return ("article", article.model_dump(mode="json"), article.to_markdown())


def test_one_parser_from_8_threads_matches_serial_use() -> None:
    """8 threads share one Parser over every fixture and hostile page, 3 rounds: every
    result equals the serial one (no shared mutable state in parser, document or extractors)."""
    parser = Parser(limits=Limits(max_elements=5000))
    serial = {name: _outcome(parser, html) for name, html in PAGES.items()}
    assert serial["too_many"][0] == "error"  # the element limit holds in threads too
    tasks = [name for _ in range(3) for name in PAGES]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda name: (name, _outcome(parser, PAGES[name])), tasks))
    mismatches = [name for name, outcome in results if outcome != serial[name]]
    assert not mismatches, f"thread results differ from serial for {sorted(set(mismatches))}"


def test_threads_with_different_limits_do_not_interfere() -> None:
    """Two Parsers with different limits used at once keep their own limits."""
    strict = Parser(limits=Limits(max_bytes=2000))
    loose = Parser()
    page = "<html><body>" + "<p>Some words of the article.</p>" * 100 + "</body></html>"

    def run(i: int) -> str:
        try:
            (strict if i % 2 else loose).parse(page)
        except newsparse.InputTooLargeError:
            return "refused"
        return "parsed"

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(run, range(64)))
    assert outcomes == ["parsed" if i % 2 == 0 else "refused" for i in range(64)]


def rss_mib() -> float:
    """The process's current resident set size in MiB (Linux /proc, else psutil)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        pass
    psutil = pytest.importorskip("psutil")
    return float(psutil.Process().memory_info().rss) / 2**20


PARSER = Parser()
#: The smaller pages (the leak test is about repetitions, not page size).
SMALL = sorted(name for name, html in PAGES.items() if len(html) < 16_000)


def _parse_many(count: int, warmup: int) -> tuple[float, float]:
    for i in range(warmup):
        _outcome(PARSER, PAGES[SMALL[i % len(SMALL)]])
    gc.collect()
    before = rss_mib()
    for i in range(count):
        _outcome(PARSER, PAGES[SMALL[i % len(SMALL)]])
    gc.collect()
    return before, rss_mib()


def test_memory_stays_flat_over_300_parses() -> None:
    """300 parses after a warm-up of 60: RSS grows by less than 25 MiB."""
    before, after = _parse_many(300, warmup=60)
    print(f"RSS before {before:.1f} MiB, after 300 parses {after:.1f} MiB", file=sys.stderr)
    assert after - before < 25, f"RSS grew from {before:.1f} to {after:.1f} MiB"


@pytest.mark.slow
def test_memory_stays_flat_over_10000_parses() -> None:
    """10,000 parses after a warm-up of 200: RSS grows by less than 25 MiB."""
    before, after = _parse_many(10_000, warmup=200)
    print(f"RSS before {before:.1f} MiB, after 10,000 parses {after:.1f} MiB", file=sys.stderr)
    assert after - before < 25, f"RSS grew from {before:.1f} to {after:.1f} MiB"

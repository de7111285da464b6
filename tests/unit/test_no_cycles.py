"""A parse leaves no reference cycles behind.

Everything a parse builds (the tree's Python proxies, the page index, the scorer's
per-element figures) must be freed by reference counting when the Article is returned:
garbage in a cycle waits for the cyclic collector, which then has to traverse it (a
recursive closure over the page's statistics once made the collector's work about a
tenth of the parse time) and keeps the page's tree in memory until it runs.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from tests.unit.gate_pages import fixture_and_zoo_pages

import newsparse

_PAGES = [page for i, page in enumerate(fixture_and_zoo_pages()) if i < 21 or i % 10 == 0]


@contextmanager
def _collector_off() -> Iterator[None]:
    gc.collect()
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@pytest.mark.parametrize(("name", "html"), _PAGES, ids=[name for name, _ in _PAGES])
def test_parse_leaves_no_cyclic_garbage(name: str, html: str | bytes) -> None:
    with _collector_off():
        newsparse.parse(html, "https://example.com/news/story")
        newsparse.Parser(widgets=False, mentions=False).parse(html)
        unreachable = gc.collect()
    assert unreachable == 0, f"{name}: {unreachable} objects left in reference cycles"


def test_the_check_sees_a_cycle() -> None:
    """The test above would notice: a cycle made inside the window is counted."""
    with _collector_off():
        node: list[object] = []
        node.append(node)
        del node
        assert gc.collect() >= 1

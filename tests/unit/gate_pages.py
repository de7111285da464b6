"""Pages for the tests that hold a gate or a fast path to the code it stands in for:
every fixture and zoo page, and the dev corpora when ../shared is present; and, for the
tests of the compiled twins (test_accel*.py), the module under test with the mark that
skips a test where it is not built.

``corpus_pages`` skips the calling test when the corpus is absent, and a test marked
``slow`` unless ``-m slow`` or ``NEWSPARSE_SLOW=1`` asks for it.
"""

from __future__ import annotations

import gzip
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from newsparse import _accel

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
FIXTURES = sorted((TESTS / "fixtures").glob("*.html"))
CORPORA = TESTS.parent.parent / "shared" / "corpora"

#: The dev corpora a test runs on: the two small ones always, the big two when slow.
DEV_CORPORA = [
    "aeb-dev",
    "crypto-dev",
    pytest.param("readability-dev", marks=pytest.mark.slow),
    pytest.param("trafilatura-dev", marks=pytest.mark.slow),
]


def fixture_and_zoo_pages() -> Iterator[tuple[str, str | bytes]]:
    """(name, html) of every golden fixture and every generated zoo page."""
    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
    from zoo.generate import build_all

    for path in FIXTURES:
        yield path.name, path.read_bytes()
    for page in build_all():
        yield page.id, page.html


def corpus_pages(name: str, request: pytest.FixtureRequest) -> list[tuple[str, bytes]]:
    """(file name, bytes) of every page of ../shared/corpora/``name``; skips the test
    when the corpus is absent, or when the test is marked slow and slow tests were not
    asked for."""
    slow = "slow" in (request.config.getoption("markexpr") or "") or os.environ.get(
        "NEWSPARSE_SLOW"
    )
    if request.node.get_closest_marker("slow") and not slow:
        pytest.skip("slow: run with -m slow or NEWSPARSE_SLOW=1")
    if not (CORPORA / name).is_dir():
        pytest.skip(f"../shared/corpora/{name} is not present")
    paths = sorted(p for p in (CORPORA / name).rglob("*.htm*") if p.is_file())
    return [
        (p.name, gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes())
        for p in paths
    ]


def compiled_module(name: str) -> tuple[ModuleType | None, pytest.MarkDecorator]:
    """The compiled module ``newsparse._accel.<name>`` (None where it is not in use) and
    a mark that skips a test needing it."""
    module = _accel.load(name)
    mark = pytest.mark.skipif(
        module is None, reason=f"newsparse._accel.{name} is not built (pure-Python install)"
    )
    return module, mark

"""Golden fixtures: each tests/fixtures/<name>.html parses to <name>.expected.json.

Regenerate with ``python tests/regenerate.py`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsparse

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGES = sorted(FIXTURES.glob("*.html"))


def expected_path(page: Path) -> Path:
    return page.with_name(page.name[: -len(".html")] + ".expected.json")


def _diff(expected: Any, actual: Any, path: str = "") -> list[str]:
    if isinstance(expected, dict) and isinstance(actual, dict):
        out = []
        for key in sorted(set(expected) | set(actual)):
            out += _diff(expected.get(key), actual.get(key), f"{path}.{key}")
        return out
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{path}: {len(expected)} items expected, got {len(actual)}"]
        out = []
        for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
            out += _diff(e, a, f"{path}[{i}]")
        return out
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]


@pytest.mark.parametrize("page", PAGES, ids=[p.name[:-5] for p in PAGES])
def test_golden(page: Path) -> None:
    """A fixture without its expected file fails: an unchecked page is not a golden test."""
    expected_file = expected_path(page)
    assert expected_file.is_file(), (
        f"{expected_file.name} is missing: run python tests/regenerate.py {page.name[:-5]}, "
        "then check every value against the page and document it in tests/fixtures/README.md"
    )
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    actual = newsparse.parse(page.read_bytes()).model_dump(mode="json")
    problems = _diff(expected, actual)
    assert not problems, "\n".join(problems[:30])


def test_fixtures_exist() -> None:
    assert PAGES, "no golden fixtures found"


def test_every_expected_file_has_its_page() -> None:
    """An expected file whose page was renamed or removed is tested by nothing."""
    pages = {p.name[: -len(".html")] for p in PAGES}
    orphans = [
        p.name
        for p in FIXTURES.glob("*.expected.json")
        if p.name[: -len(".expected.json")] not in pages
    ]
    assert orphans == []

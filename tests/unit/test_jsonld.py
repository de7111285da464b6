"""Lenient JSON-LD reading: what real pages get wrong is read, the rest skipped, never raised."""

from __future__ import annotations

from typing import Any

import pytest

from newsparse.document import parse_jsonld

CASES: list[tuple[str, list[Any]]] = [
    ('{"@type": "NewsArticle", "headline": "H"}', [{"@type": "NewsArticle", "headline": "H"}]),
    ('{"a": "x, }",}', [{"a": "x, }"}]),  # trailing comma; the string is left alone
    ('{"a": [1, 2,], "b": {"c": 3,},}', [{"a": [1, 2], "b": {"c": 3}}]),
    ('{"name": "it\\\'s"}', [{"name": "it's"}]),  # PHP's escaped apostrophe
    ('// generated\n{"a": 1}', [{"a": 1}]),
    ('/* yoast */ {"a": 1 /* inline */}', [{"a": 1}]),
    ('{"url": "https://x.example/a//b"}', [{"url": "https://x.example/a//b"}]),
    ('\ufeff{"a": 1}', [{"a": 1}]),
    ('<!-- {"a": 1} -->', [{"a": 1}]),
    ('//<![CDATA[\n{"a": 1}\n//]]>', [{"a": 1}]),
    ('{"a": 1}\n{"b": 2}', [{"a": 1}, {"b": 2}]),  # several objects in one script
    ('{"a": 1};', [{"a": 1}]),
    ('{"text": "line one\nline two"}', [{"text": "line one\nline two"}]),  # raw newline
    ('{"a": NaN, "b": 1e999, "c": Infinity}', [{"a": None, "b": None, "c": None}]),
    ('{"headline": "<b>bold</b> title"}', [{"headline": "<b>bold</b> title"}]),
    ("", []),
    ("not json at all", []),
    ('{"a": ', []),
    ("{{{{", []),
]


@pytest.mark.parametrize(("raw", "expected"), CASES, ids=[repr(c[0])[:40] for c in CASES])
def test_parse_jsonld(raw: str, expected: list[Any]) -> None:
    assert parse_jsonld(raw) == expected


def test_deep_nesting_is_cut_not_raised() -> None:
    raw = '{"a": ' * 5000 + "1" + "}" * 5000
    assert isinstance(parse_jsonld(raw), list)

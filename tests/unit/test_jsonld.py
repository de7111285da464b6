"""Lenient JSON-LD reading: what real pages get wrong is read, the rest skipped, never raised."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.jsonld import _WRAPPERS, _may_be_wrapped, parse_jsonld

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
    ('\ufeff \n<!--{"a": 1}-->', [{"a": 1}]),  # spaces between the BOM and the wrapper
    ('{"a": "-->"}', [{"a": "-->"}]),  # a wrapper's end inside the value is left alone
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


def _nested(depth: int, leaf: Any) -> Any:
    value = leaf
    for _ in range(depth):
        value = {"a": value}
    return value


def test_nesting_of_32_levels_is_kept_whole() -> None:
    raw = '{"a": ' * 32 + "1" + "}" * 32
    assert parse_jsonld(raw) == [_nested(32, 1)]


def test_nesting_deeper_than_32_levels_is_cut_to_none() -> None:
    raw = '{"a": ' * 40 + '"deep"' + "}" * 40
    assert parse_jsonld(raw) == [_nested(32, None)]


def test_nesting_too_deep_to_decode_is_skipped_not_raised() -> None:
    """5,000 levels exceed the decoder's recursion: the script is skipped (no value)."""
    raw = '{"a": ' * 5000 + "1" + "}" * 5000
    assert parse_jsonld(raw) == []


def test_long_lists_keep_their_first_1000_items() -> None:
    raw = "[" + ",".join(str(i) for i in range(1500)) + "]"
    assert parse_jsonld(raw) == [list(range(1000))]


def test_huge_integers_and_control_characters_are_sanitised() -> None:
    raw = '{"n": ' + "9" * 31 + ', "m": ' + "9" * 30 + ', "s": "a\u0000b\u0007c"}'
    (got,) = parse_jsonld(raw)
    assert got["n"] is None
    assert got["m"] == int("9" * 30)
    assert got["s"] == "abc"


#: Pieces of the wrappers _WRAPPERS removes, mixed with spaces and JSON.
_WRAPPER_PIECES = [
    "<!--", "-->", "<![CDATA[", "]]>", "//", "/", "-", "]", " ", "\n", "\t", "\u2028", "\x0b",
    "\ufeff", "{", "}", '"a"', ":", "1", "x",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WRAPPER_PIECES), max_size=10))
def test_wrappers_are_only_looked_for_where_they_can_match(pieces: list[str]) -> None:
    """The quick test is a necessary condition of the pattern matching (the text as
    parse_jsonld hands it over: stripped, a leading BOM removed)."""
    text = "".join(pieces).strip().lstrip("\ufeff")
    if not _may_be_wrapped(text):
        assert _WRAPPERS.sub("", text) == text

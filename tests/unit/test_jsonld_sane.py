"""``jsonld._already_sane``: where it says so, the sanitising walk returns the decoded
values unchanged, so parse_jsonld may skip it.  Checked on generated JSON (control
characters raw and escaped, deep nesting, long lists, NaN, huge integers) and on the
fixtures' JSON-LD scripts, against the walk itself."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from tests.unit.gate_pages import FIXTURES

from newsparse import jsonld
from newsparse.jsonld import parse_jsonld

_TEXTS = st.text(
    alphabet=st.sampled_from(["a", "é", " ", "\x01", "\x0b", "\x85", "\u202a", "\ufffe", "\\"]),
    max_size=6,
)
_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), _TEXTS)
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(_TEXTS, inner, max_size=4)
    ),
    max_leaves=40,
)


def _walked(raw: str) -> list[object]:
    """parse_jsonld with the walk always run (the reference)."""
    text = raw.strip().lstrip("\ufeff")
    if jsonld._may_be_wrapped(text):
        text = jsonld._WRAPPERS.sub("", text)
    values = jsonld._decode_values(text)
    if not values:
        values = jsonld._decode_values(jsonld._repair_json(text))
    return [jsonld._sanitize(value) for value in values]


def _same(a: object, b: object) -> bool:
    # (NaN never equals itself: compare the JSON, where the walk made it None anyway)
    return json.dumps(a, sort_keys=False) == json.dumps(b, sort_keys=False)


@settings(max_examples=300, deadline=None)
@given(_VALUES, st.booleans())
def test_skipping_the_walk_changes_nothing(value: object, ascii_only: bool) -> None:
    raw = json.dumps(value, ensure_ascii=ascii_only, allow_nan=True)
    assert _same(parse_jsonld(raw), _walked(raw))


def test_limits_still_apply() -> None:
    deep = "[" * 40 + "1" + "]" * 40
    assert not jsonld._already_sane(deep)
    assert parse_jsonld(deep) == _walked(deep)
    long = json.dumps(list(range(1200)))
    assert not jsonld._already_sane(long)
    assert len(parse_jsonld(long)[0]) == 1000
    escaped = '{"a": "x\\u0001y\\fz"}'
    assert not jsonld._already_sane(escaped)
    assert parse_jsonld(escaped) == [{"a": "xy z"}] == _walked(escaped)  # (FF: a space)
    raw_control = '{"a\x07": "b\x08"}'
    assert parse_jsonld(raw_control) == [{"a": "b"}]
    assert jsonld._already_sane('{"@type": "NewsArticle", "headline": "A \\/ B"}')


def test_fixture_scripts() -> None:
    seen = 0
    for path in FIXTURES:
        root = lxml_html.fromstring(path.read_bytes())
        for script in root.iter("script"):
            if (script.get("type") or "").lower() == "application/ld+json" and script.text:
                seen += 1
                assert _same(parse_jsonld(script.text), _walked(script.text))
    assert seen > 3

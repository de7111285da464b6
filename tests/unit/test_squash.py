"""blocks._squash's fast path for printable text gives what the full reading gives."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.extract.blocks import _INVISIBLE_LIST, _squash

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _reference(text: str) -> str:
    """_squash as it was before the fast path."""
    if not text.isascii() and any(ch in text for ch in _INVISIBLE_LIST):
        text = _INVISIBLE.sub("", text)
    if "\n" not in text:
        return " ".join(text.split())
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def test_whitespace_and_invisible_characters_are_unprintable() -> None:
    """What the fast path relies on: every character str.split() splits at but " ", and
    every invisible character, is unprintable."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if (char.isspace() and char != " ") or char in _INVISIBLE_LIST:
            assert not char.isprintable(), hex(code)


_PIECES = [
    "a", "Bitcoin", " ", "  ", "\n", "\t", "\xa0", "\u2009", "\u200b", "\u00ad", "\ufeff",
    "\u2028", "é", "\u2019", "\\", "*", "", "x y",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_same_as_the_full_reading(text: str) -> None:
    assert _squash(text) == _reference(text)


@given(st.text(max_size=40))
def test_same_as_the_full_reading_on_any_text(text: str) -> None:
    assert _squash(text) == _reference(text)

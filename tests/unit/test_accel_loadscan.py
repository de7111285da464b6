"""The compiled ``clean_utf8`` (newsparse._accel.loadscan) answers as its Python twin.

``cleaning.clean_utf8_python`` is the reference: a BOM test, CR and the C0 bytes, three
raw-byte patterns (C1 controls, bidi controls and non-characters as UTF-8) and a
``finditer`` of numeric character references, each code tested with ``_dropped_code``.
The compiled one is a single pass over the bytes and must give the same bool on:
hand-checked edge cases (each expected value is also asserted for the Python twin, so
the table holds without the extension), random byte strings drawn from an alphabet of
the bytes and fragments that matter (lead bytes out of place, truncated sequences,
``&#x0;``-like references with leading zeros, too many digits, no digit, no ``;``),
and the fixture and zoo pages, as they are and with such fragments spliced in.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.unit.gate_pages import FIXTURES, compiled_module

from newsparse import cleaning
from newsparse.cleaning import clean_text, clean_utf8_python

COMPILED, needs_compiled = compiled_module("loadscan")

# (bytes, whether clean_text leaves the text unchanged), each checked by hand against
# clean_text's rules (see also test_python_table_agrees_with_clean_text).
_TABLE: list[tuple[bytes, bool]] = [
    (b"", True),
    (b"<p>plain</p>", True),
    (b"\xef\xbb\xbf<p>", False),  # a leading BOM is dropped
    (b"\xef\xbb\xbf", False),
    (b"\xef\xbb", True),
    (b"<p>\xef\xbb\xbf", True),  # one further on is a character like any other
    (b"a\rb", False),
    (b"a\tb\nc", True),
    (b"\x00", False),
    (b"\x08", False),
    (b"\x0b", False),  # VT and FF become spaces
    (b"\x0c", False),
    (b"\x1f", False),
    (b"\x7f", False),
    (b"\xc2\x80", False),  # C1 controls
    (b"\xc2\x9f", False),
    (b"\xc2\xa0", True),  # no-break space
    (b"x\xc2", True),  # a lead byte at the end
    (b"\xc2\xc2\x80", False),  # a lead byte out of place, then a C1 control
    (b"\xe2\x80\xaa", False),  # U+202A
    (b"\xe2\x80\xae", False),  # U+202E
    (b"\xe2\x80\xa9", True),  # U+2029
    (b"\xe2\x80\xaf", True),  # U+202F
    (b"\xe2\x80\x8e", True),  # LRM is kept
    (b"\xe2\x81\xa6", False),  # U+2066
    (b"\xe2\x81\xa9", False),  # U+2069
    (b"\xe2\x81\xa5", True),
    (b"\xe2\x81\xaa", True),
    (b"\xe2\xe2\x80\xaa", False),
    (b"x\xe2\x80", True),  # truncated at the end
    (b"\xef\xb7\x90", False),  # U+FDD0
    (b"\xef\xb7\xaf", False),  # U+FDEF
    (b"\xef\xb7\xb0", True),  # U+FDF0
    (b"\xef\xbf\xbe", False),  # U+FFFE
    (b"\xef\xbf\xbf", False),
    (b"\xef\xbf\xbd", True),  # U+FFFD
    (b"\xef\xef\xbf\xbf", False),
    (b"x\xef\xbf", True),
    (b"&#0;", True),  # NUL as a reference: the parser's business
    (b"&#x0;", True),
    (b"&#1;", False),
    (b"&#9;", True),
    (b"&#10;", True),
    (b"&#13;", False),  # CR: rewritten to &#10;
    (b"&#xd", False),  # no ";"
    (b"&#x0D;", False),
    (b"&#X1f;", False),
    (b"&#32;", True),
    (b"&#127;", False),
    (b"&#x7F", False),
    (b"&#128;", True),  # a C1 code as a reference is left to the parser
    (b"&#x202a;", False),
    (b"&#8234;", False),  # 0x202A
    (b"&#x2029;", True),
    (b"&#x2066;", False),
    (b"&#x2069;", False),
    (b"&#x206a;", True),
    (b"&#xfdd0;", False),
    (b"&#xFDEF;", False),
    (b"&#xfdf0;", True),
    (b"&#xfffe;", False),
    (b"&#65534;", False),
    (b"&#x1fffe;", False),
    (b"&#x10ffff;", False),
    (b"&#x11fffe;", True),  # beyond U+10FFFF
    (b"&#x00000000000000001;", False),  # leading zeros do not count as digits
    (b"&#0000000000000013;", False),
    (b"&#x000", True),  # only zeros: code 0
    (b"&#000;", True),
    (b"&#x0001", False),
    (b"&#x1000000d;", True),  # 8 hex digits at most: 0x1000000D
    (b"&#x10000000d;", True),  # 0x10000000, then "d;" (a wide or unbounded sum: 0xD)
    (b"&#4294967309;", True),  # 2**32 + 13 (a 32-bit sum: 13)
    (b"&#42949673090;", True),  # 10 decimal digits at most: 4294967309
    (b"&#x10000000000000001;", True),  # 0x10000000 (an unbounded 64-bit sum: 1)
    (b"&#18446744073709551629;", True),  # 1844674407 (an unbounded 64-bit sum: 13)
    (b"&#x;", True),  # no digit: no reference
    (b"&#;", True),
    (b"&#xg13;", True),  # "&#x" never falls back to decimal
    (b"&#x&#1;", False),
    (b"&#&#13;", False),
    (b"&&#13;", False),
    (b"&#", True),
    (b"&", True),
    (b"&#x", True),
    (b"&#13", False),
    (b"&amp;#13;", True),
]

_IDS = [repr(data)[2:-1] or "empty" for data, _ in _TABLE]


@pytest.mark.parametrize(("data", "expected"), _TABLE, ids=_IDS)
def test_table_in_python(data: bytes, expected: bool) -> None:
    assert clean_utf8_python(data) is expected


@pytest.mark.parametrize(("data", "expected"), _TABLE, ids=_IDS)
def test_python_table_agrees_with_clean_text(data: bytes, expected: bool) -> None:
    """Where the bytes are UTF-8, the expected value is what clean_text says."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    assert (clean_text(text) == text) is expected


@needs_compiled
@pytest.mark.parametrize(("data", "expected"), _TABLE, ids=_IDS)
def test_table_compiled(data: bytes, expected: bool) -> None:
    assert COMPILED is not None
    assert COMPILED.clean_utf8(data) is expected


@needs_compiled
def test_dispatch_uses_the_compiled_twin() -> None:
    assert COMPILED is not None
    assert cleaning.clean_utf8 is COMPILED.clean_utf8


# Bytes and fragments that the scans treat specially, and plain filler.
# fmt: off
_FRAGMENTS = [
    b"&#", b"&#x", b"&#X", b"&", b"#", b"x", b";", b"0", b"00000000", b"1", b"9", b"d",
    b"D", b"f", b"e", b"a", b"b", b"2", b"6", b"7", b"8", b"fffe", b"FDD", b"202",
    b"4294967309", b"&#x0;", b"&#0;", b"&#13;", b"&#xd", b"&#x0000d;",
    b"\xc2", b"\x80", b"\x9f", b"\xa0", b"\xe2", b"\x81", b"\xa6", b"\xa9", b"\xaa", b"\xae",
    b"\xef", b"\xb7", b"\x90", b"\xaf", b"\xbf", b"\xbe", b"\xbb", b"\xbd",
    b"\r", b"\x00", b"\x01", b"\x0b", b"\x1f", b"\x7f", b"\t", b"\n", b" ", b"<p>",
]
# fmt: on
_BYTES = st.lists(st.sampled_from(_FRAGMENTS), max_size=24).map(b"".join)


@needs_compiled
@settings(max_examples=3000, deadline=None)
@given(_BYTES)
def test_random_fragments(data: bytes) -> None:
    assert COMPILED is not None
    assert COMPILED.clean_utf8(data) is clean_utf8_python(data)


@needs_compiled
@settings(max_examples=1000, deadline=None)
@given(st.binary(max_size=64))
def test_random_bytes(data: bytes) -> None:
    assert COMPILED is not None
    assert COMPILED.clean_utf8(data) is clean_utf8_python(data)


def _spliced(page: bytes, seed: int, count: int = 40) -> list[bytes]:
    """``page`` with a few fragments spliced in at random places, ``count`` times."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        data = bytearray(page)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(data) + 1)
            data[at:at] = b"".join(rng.choice(_FRAGMENTS) for _ in range(rng.randint(1, 4)))
        out.append(bytes(data))
    return out


def _check_page(page: bytes, seed: int) -> tuple[int, int]:
    """Assert both twins agree on the page and its spliced variants; (clean, not)."""
    assert COMPILED is not None
    answers = []
    for data in [page, *_spliced(page, seed)]:
        answer = clean_utf8_python(data)
        assert COMPILED.clean_utf8(data) is answer
        answers.append(answer)
    return answers.count(True), answers.count(False)


@needs_compiled
def test_fixture_pages() -> None:
    assert len(FIXTURES) > 5
    clean = changed = 0
    for seed, path in enumerate(FIXTURES):
        yes, no = _check_page(path.read_bytes(), seed)
        clean, changed = clean + yes, changed + no
    assert clean > len(FIXTURES) and changed > len(FIXTURES)  # both answers exercised


@needs_compiled
def test_zoo_pages() -> None:
    from tests.zoo.generate import build_all

    pages = build_all()
    assert len(pages) > 20
    for seed, page in enumerate(pages):
        html = page.html if isinstance(page.html, bytes) else page.html.encode("utf-8")
        _check_page(html, seed)


@needs_compiled
@pytest.mark.parametrize(("data", "expected"), _TABLE, ids=_IDS)
def test_table_at_every_offset(data: bytes, expected: bool) -> None:
    """Each case inside plain text, at every place in an eight-byte word (the compiled
    scan skips plain words whole), with and without text after it."""
    assert COMPILED is not None
    for before in range(17):
        for after in (b"", b"p", b"<p>plain text</p>\n"):
            page = b"<p>plain text</p>"[:before] + data + after
            assert COMPILED.clean_utf8(page) is clean_utf8_python(page)
            if before == 0 or not data.startswith(b"\xef\xbb\xbf"):  # a BOM further on
                assert clean_utf8_python(page) is expected  # is a character like others

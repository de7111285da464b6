"""load()'s undecoded path: valid, clean UTF-8 pages are parsed from their bytes without
being decoded, and the charset declaration is searched from its first keyword on.

Each shortcut must give what the long way gives: ``plain_utf8`` is ``clean_utf8`` of
bytes that decode strictly (compiled twin and Python twin alike); ``utf8_source`` is the
source ``decode_bytes`` reports when it reads the bytes as UTF-8; ``_declared`` gives
what the pattern gives searched from the start; and a page loads to the same Document
(tree, head data, charset, errors) with the shortcut and with it switched off.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from tests.unit.gate_pages import FIXTURES, compiled_module

from newsparse import charset, cleaning, document
from newsparse.charset import decode_bytes, utf8_source
from newsparse.cleaning import clean_text, clean_utf8_python, plain_utf8, plain_utf8_python
from newsparse.errors import NewsparseError

COMPILED, needs_compiled = compiled_module("loadscan")

# fmt: off
_FRAGMENTS = [
    b"a", b"<p>", b"</p>", b" ", b"\n", b"\t", b"\r", b"\x00", b"\x1b", b"\x1c", b"&#13;",
    b"&#8217;", b"\xc2", b"\x80", b"\x9f", b"\xa0", b"\xbf", b"\xc0", b"\xc1", b"\xdf",
    b"\xe0", b"\xe2\x80\xaa", b"\xed", b"\xee", b"\xef", b"\xef\xbb\xbf", b"\xef\xbf\xbe",
    b"\xf0", b"\x90", b"\xf4", b"\x8f", b"\xf5", b"\xff", "é".encode(), "中".encode(),
    "\U0001f600".encode(), b"charset", b"CharSet", b"encoding", b"ENCOD", b"chars",
    b"<meta charset=utf-8>", b"<meta charset='koi8-r'>", b"<?xml encoding='utf-8'?>",
    b"[", b"{", b'{"a": 1}', b"<", b"< a",
]
# fmt: on
_BYTES = st.lists(st.sampled_from(_FRAGMENTS), max_size=24).map(b"".join)


# ------------------------------------------------------------------ plain_utf8


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<p>plain</p>", True),
        ("<p>caf\u00e9 \u2019 \u4e2d \U0001f600</p>".encode(), True),
        (b"\xc0\x80", False),  # overlong NUL
        (b"\xe0\x9f\xbf", False),  # overlong
        (b"\xed\xa0\x80", False),  # a surrogate
        (b"\xf4\x90\x80\x80", False),  # above U+10FFFF
        (b"\xe2\x82", False),  # truncated
        (b"\x80", False),  # a lone continuation byte
        (b"caf\xe9", False),  # windows-1252
        ("\u202a".encode(), False),  # valid, but clean_text drops it
        (b"a\rb", False),
        (b"&#1;", False),
    ],
)
def test_plain_utf8_table(data: bytes, expected: bool) -> None:
    assert plain_utf8_python(data) is expected
    assert plain_utf8(data) is expected


@settings(max_examples=1000, deadline=None)
@given(_BYTES)
def test_plain_utf8_is_valid_and_clean(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        expected = False
    else:
        expected = clean_text(text) == text
    assert plain_utf8_python(data) is expected
    assert plain_utf8(data) is expected


@needs_compiled
@settings(max_examples=2000, deadline=None)
@given(st.binary(max_size=40))
def test_compiled_plain_utf8_random_bytes(data: bytes) -> None:
    assert COMPILED is not None
    assert COMPILED.plain_utf8(data) is plain_utf8_python(data)


@needs_compiled
def test_compiled_plain_utf8_every_short_sequence() -> None:
    """Every lead byte with continuation candidates at each place of an 8-byte word."""
    assert COMPILED is not None
    seconds = (0x30, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0)
    for lead in range(0x80, 0x100):
        for second in seconds:
            for third in (0x80, 0xBF, 0x41):
                for fourth in (b"", b"\x80", b"a"):
                    for before in (0, 3, 7):
                        data = b"<p>plain"[:before] + bytes([lead, second, third]) + fourth
                        assert COMPILED.plain_utf8(data) is plain_utf8_python(data), data


@needs_compiled
def test_dispatch_uses_the_compiled_twins() -> None:
    assert COMPILED is not None
    assert cleaning.plain_utf8 is COMPILED.plain_utf8
    assert charset._first_keyword is COMPILED.first_keyword


# ------------------------------------------------------------------ the declaration


@settings(max_examples=2000, deadline=None)
@given(_BYTES, st.integers(min_value=-3, max_value=400))
def test_first_keyword_twins(data: bytes, end: int) -> None:
    expected = charset._first_keyword_python(data, end)
    if COMPILED is not None:
        assert COMPILED.first_keyword(data, end) == expected
    window = data[: max(end, 0)].lower()
    words = [window.find(b"charset"), window.find(b"encoding")]
    assert expected == min((w for w in words if w >= 0), default=-1)


def _declared_from_start(data: bytes) -> str | None:
    for match in charset._DECLARED.finditer(data, 0, charset._DECLARATION_WINDOW):
        name = charset.codec_for_label((match.group(1) or match.group(2)).decode("ascii"))
        if name:
            return name
    return None


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                b"<meta charset=utf-8>", b"<META CHARSET='koi8-r'>", b"<meta charset=bogus>",
                b"<meta name=x content='text/html; charset=windows-1251'>", b"<meta ",
                b"<?xml version='1.0' encoding='iso-8859-2'?>", b"charset", b"encoding=x",
                b"x" * 200, b">", b"<", b" ", b"<meta", b"=", b"'",
            ]
        ),
        max_size=12,
    )
)  # fmt: skip
def test_declared_is_the_search_from_the_start(parts: list[bytes]) -> None:
    data = b"".join(parts)
    assert charset._declared(data) == _declared_from_start(data)


def test_declared_far_after_its_meta() -> None:
    """A "charset" 512 characters after "<meta" still counts (a match starting
    _BEFORE_KEYWORD before its keyword); 513 do not match."""
    for gap, expected in ((510, "koi8-r"), (511, None)):  # "<meta", gap + 2, "charset"
        data = b"<p>" * 300 + b"<meta " + b"x" * gap + b" charset=koi8-r>"
        assert charset._declared(data) == _declared_from_start(data) == expected


# ------------------------------------------------------------------ utf8_source


@settings(max_examples=500, deadline=None)
@given(_BYTES, st.sampled_from([None, "utf-8", "UTF-16", "latin1", "iso-2022-jp", "bogus"]))
def test_utf8_source_is_what_decode_bytes_reports(data: bytes, encoding: str | None) -> None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return  # (valid UTF-8 only)
    decoded = decode_bytes(data, encoding)
    source = utf8_source(data, encoding)
    if source is None:
        assert decoded.utf8 is None or decoded.text != data.decode("utf-8")
    else:
        assert (decoded.text, decoded.encoding, decoded.source) == (
            data.decode("utf-8"),
            "utf-8",
            source,
        )


def test_utf8_source_cases() -> None:
    page = "<p>caf\u00e9</p>".encode()
    assert utf8_source(page) == "detected"
    assert utf8_source(b"<p>cafe</p>") == "default"
    assert utf8_source(b'<meta charset="utf-8"><p>cafe</p>') == "meta"
    assert utf8_source(page, "utf-8") == "transport"
    assert utf8_source(page, "utf-16") is None  # the transport's UTF-16 is read as that
    assert utf8_source(b"<p>\x1b$B</p><meta charset=iso-2022-jp>") is None
    assert utf8_source(b"\xef\xbb\xbf<p>x</p>") is None


# ------------------------------------------------------------------ whole loads


def _state(doc: document.Document) -> tuple[object, ...]:
    return (
        etree.tostring(doc.root),
        doc.meta,
        doc.links,
        doc.jsonld,
        doc.language,
        doc.encoding,
        doc.encoding_source,
        [el.tag for el in doc.memo[document.ELEMENTS_KEY]],
    )


def _both_ways(data: bytes, encoding: str | None = None) -> None:
    """load() with the undecoded path and with it switched off: the same Document, or
    the same error."""
    outcomes = []
    for plain in (True, False):
        saved = document._plain_source
        if not plain:
            document._plain_source = lambda data, encoding: None  # type: ignore[assignment]
        try:
            outcomes.append(_state(document.load(data, encoding=encoding)))
        except NewsparseError as exc:
            outcomes.append((type(exc).__name__, str(exc)))
        finally:
            document._plain_source = saved  # type: ignore[assignment]
    assert outcomes[0] == outcomes[1]


def test_fixture_pages_load_the_same_both_ways() -> None:
    assert len(FIXTURES) > 5
    plain = 0
    for path in FIXTURES:
        data = path.read_bytes()
        plain += document._plain_source(data, None) is not None
        for encoding in (None, "utf-8", "windows-1252"):
            _both_ways(data, encoding)
    assert plain > len(FIXTURES) // 2  # the undecoded path is exercised


@pytest.mark.parametrize(
    "data",
    [
        b"   \n",
        b"\xc2\xa0\xe3\x80\x80",  # only Unicode spaces: empty as text
        "\u3000<p>x</p>".encode(),
        b'{"a": "<b>x</b>"}',
        b'  [1, "<p>"]',
        b"\xc2\xa0{}",
        b"plain text, no markup",
        b"<ruby>x<rt>y</rt></ruby>",
        b"<p>a<embed src=x>b</p>",
        "<p>\u00e9<EMBED>b</p><rt>".encode(),
        b"%PDF-1.4 <p>",
        b"<meta charset=iso-2022-jp><p>\x1b$B$3\x1b(B</p>",
    ],
)
def test_edge_pages_load_the_same_both_ways(data: bytes) -> None:
    _both_ways(data)


@settings(max_examples=200, deadline=None)
@given(_BYTES)
def test_random_pages_load_the_same_both_ways(data: bytes) -> None:
    _both_ways(data)


def test_plain_pages_are_not_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> object:
        raise AssertionError("decoded")

    monkeypatch.setattr(document, "decode_bytes", refuse)
    doc = document.load('<html lang=en><p>caf\u00e9</p><meta charset="utf-8">'.encode())
    assert (doc.encoding, doc.encoding_source, doc.language) == ("utf-8", "meta", "en")
    assert re.sub(r"\s", "", doc.root.text_content()) == "caf\u00e9"
    assert clean_utf8_python(b"<p>x</p>")

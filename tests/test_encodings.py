"""Encodings: BOMs, wrong and unknown charsets, mixed encodings, NULs, controls, surrogates.

Every case is decoded sensibly (the page's words come out right, or at worst
with U+FFFD for bytes nothing can read) and never raises; output strings hold
no control characters and normalised whitespace.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse
from newsparse.document import clean_text, decode, load

try:
    from test_hostile import check_article
except ImportError:  # pragma: no cover - tests imported as a package
    from tests.test_hostile import check_article

WORDS = "Café naïve résumé — “quoted” €5 Ünïcödé"
ASCII_WORDS = "Plain ASCII words only"


def page(title: str = WORDS, meta: str = "", body: str | None = None) -> str:
    """A small article page with ``title`` as headline and body text."""
    body = body if body is not None else f"{title}. " * 12
    return (
        f"<html><head>{meta}<title>{title}</title></head><body><article>"
        f"<h1>{title}</h1><p>{body}</p><p>Second paragraph of the body text.</p>"
        "</article></body></html>"
    )


def check_clean(article: newsparse.Article) -> None:
    """No control character in any string of the Article or its Markdown."""
    check_article(article)


def title_of(data: bytes | str, **kwargs: str) -> str | None:
    article = newsparse.parse(data, **kwargs)
    check_clean(article)
    return article.title


# --------------------------------------------------------------------------- BOMs and UTF-16/32


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbf" + page().encode("utf-8"), WORDS),
        (b"\xff\xfe" + page().encode("utf-16-le"), WORDS),
        (b"\xfe\xff" + page().encode("utf-16-be"), WORDS),
        (b"\xff\xfe\x00\x00" + page().encode("utf-32-le"), WORDS),
        (b"\x00\x00\xfe\xff" + page().encode("utf-32-be"), WORDS),
        (page().encode("utf-16-le"), WORDS),  # no BOM: told by the NUL pattern
        (page().encode("utf-16-be"), WORDS),
        (page().encode("utf-32-le"), WORDS),
        # A BOM wins over a contradicting <meta charset>.
        (b"\xef\xbb\xbf" + page(meta='<meta charset="iso-8859-1">').encode(), WORDS),
        (b"\xff\xfe" + page(meta='<meta charset="windows-1251">').encode("utf-16-le"), WORDS),
        # A BOM then a second BOM character in the text.
        (b"\xef\xbb\xbf\xef\xbb\xbf" + page().encode("utf-8"), WORDS),
    ],
    ids=[
        "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom", "utf32be-bom",
        "utf16le-nobom", "utf16be-nobom", "utf32le-nobom", "bom-beats-meta",
        "utf16-bom-beats-meta", "double-bom",
    ],
)
def test_byte_order_marks(data: bytes, expected: str) -> None:
    """UTF-8/16/32 with a BOM (and UTF-16/32 without) decode to the right text."""
    assert title_of(data) == expected


def test_bom_on_str_input_is_dropped() -> None:
    """A str that starts with U+FEFF (a BOM decoded by the caller) parses the same."""
    assert title_of("\ufeff" + page()) == WORDS


# --------------------------------------------------------------------------- declared charsets


LATIN = "Café naïve résumé déjà vu"


@pytest.mark.parametrize(
    ("data", "kwargs", "expected"),
    [
        # Right declarations.
        (page(LATIN, '<meta charset="iso-8859-1">').encode("latin-1"), {}, LATIN),
        (page(LATIN, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
         .encode("cp1252"), {}, LATIN),
        (page("Привет мир", '<meta charset="windows-1251">').encode("cp1251"), {}, "Привет мир"),
        (page("Привет мир", '<meta charset="koi8-r">').encode("koi8_r"), {}, "Привет мир"),
        (page("日本語のページ", '<meta charset="shift_jis">').encode("shift_jis"), {},
         "日本語のページ"),
        (page("中文页面", '<meta charset="gb2312">').encode("gb18030"), {}, "中文页面"),
        (page("한국어 페이지", '<meta charset="euc-kr">').encode("euc_kr"), {}, "한국어 페이지"),
        (b'<?xml version="1.0" encoding="ISO-8859-7"?>' + page("Ελληνικά").encode("iso-8859-7"),
         {}, "Ελληνικά"),
        (page("Привет мир").encode("cp1251"), {"encoding": "windows-1251"}, "Привет мир"),
        # Wrong declarations: the bytes are valid UTF-8 with multi-byte characters.
        (page(WORDS, '<meta charset="iso-8859-1">').encode(), {}, WORDS),
        (page(WORDS, '<meta charset="shift_jis">').encode(), {}, WORDS),
        (page(WORDS).encode(), {"encoding": "iso-8859-1"}, WORDS),
        (page(WORDS).encode(), {"encoding": "koi8-r"}, WORDS),
        # Wrong declaration the other way: says UTF-8, bytes are windows-1252.
        (page(LATIN, '<meta charset="utf-8">').encode("cp1252"), {}, LATIN),
        (page(LATIN).encode("cp1252"), {"encoding": "utf-8"}, LATIN),
        # Declared UTF-16 in the markup of an ASCII-compatible page (HTML says: UTF-8).
        (page(WORDS, '<meta charset="utf-16">').encode(), {}, WORDS),
        (page(LATIN, '<meta charset="UTF-16LE">').encode("cp1252"), {}, LATIN),
        # Unknown, misspelt, hostile and non-text codec names are ignored.
        (page(WORDS, '<meta charset="x-no-such-charset">').encode(), {}, WORDS),
        (page(WORDS, '<meta charset="">').encode(), {}, WORDS),
        (page(WORDS, "<meta charset=\"'utf-8'\">").encode(), {}, WORDS),
        (page(LATIN, '<meta charset="base64">').encode("cp1252"), {}, LATIN),
        (page(LATIN, '<meta charset="rot13">').encode("cp1252"), {}, LATIN),
        (page(LATIN, '<meta charset="zlib">').encode("cp1252"), {}, LATIN),
        (page(LATIN, '<meta charset="unicode_escape">').encode("cp1252"), {}, LATIN),
        (page(LATIN, '<meta charset="undefined">').encode("cp1252"), {}, LATIN),
        (page(LATIN, '<meta charset="cp500">').encode("cp1252"), {}, LATIN),
        (page(LATIN, '<meta charset="' + "x" * 5000 + '">').encode("cp1252"), {}, LATIN),
        (page(WORDS).encode(), {"encoding": "no-such-codec"}, WORDS),
        (page(WORDS).encode(), {"encoding": "hex"}, WORDS),
        (page(WORDS).encode(), {"encoding": ""}, WORDS),
        (page(LATIN).encode("cp1252"), {"encoding": "bz2_codec"}, LATIN),
        # Mixed: a UTF-8 page with windows-1252 bytes pasted in.
        (page(WORDS + " " + LATIN).encode().replace(LATIN.encode(), LATIN.encode("cp1252")),
         {}, WORDS + " " + LATIN),
    ],
    ids=lambda v: repr(v)[:40] if not isinstance(v, bytes) else f"{len(v)}B",
)
def test_declared_charsets(data: bytes, kwargs: dict[str, str], expected: str) -> None:
    """Right, wrong, unknown and hostile declarations all give the page's real words."""
    assert title_of(data, **kwargs) == expected


def test_utf7_is_never_used() -> None:
    """UTF-7 (which turns ``+ADw-script+AD4-`` into ``<script>``) is never a decoding."""
    attack = "+ADw-script+AD4-alert(1)+ADw-/script+AD4-"
    for data, kwargs in (
        (page(attack, '<meta charset="utf-7">').encode(), {}),
        (page(attack).encode(), {"encoding": "utf-7"}),
        (page(attack).encode(), {"encoding": "UTF7"}),
    ):
        article = newsparse.parse(data, **kwargs)
        check_clean(article)
        assert article.title == attack
        assert "<script" not in article.to_markdown()


def test_iso_2022_jp_declared_is_used() -> None:
    """A 7-bit stateful encoding is only known from its declaration, and is honoured."""
    data = page("日本語", '<meta charset="iso-2022-jp">').encode("iso2022_jp")
    assert title_of(data) == "日本語"


def test_undeclared_single_byte_page_reads_as_windows_1252() -> None:
    """No BOM, no declaration, not UTF-8: windows-1252, the web's default."""
    assert title_of(page("Smart “quotes” – and € signs").encode("cp1252")) == (
        "Smart “quotes” – and € signs"
    )


# --------------------------------------------------------------------------- controls, NULs


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Null\x00Byte", "NullByte"),
        ("Bell\x07Char", "BellChar"),
        ("Escape\x1b[31mRed", "Escape[31mRed"),
        ("Vertical\x0bTab", "Vertical Tab"),
        ("Form\x0cFeed", "Form Feed"),
        ("Del\x7fete", "Delete"),
        ("C1\x85Next\x9cLine", "C1…NextœLine"),  # Latin-1-decoded windows-1252 characters
        ("Lone\ud800Surrogate", "Lone\ufffdSurrogate"),
        ("Low\udc80Surrogate", "Low\ufffdSurrogate"),
        ("Non\ufffeChar\uffffs\ufdd0", "NonChars"),
        ("Crlf\r\nand\rcr", "Crlf and cr"),
        ("Ref&#0;Null", "Ref\ufffdNull"),
        ("Ref&#1;Ctrl&#x1F;End", "RefCtrlEnd"),
        ("Ref&#x7f;Del", "RefDel"),
        ("Ref&#xFFFE;Non&#65535;char", "RefNonchar"),
        ("Ref&#xD800;Surrogate", "Ref\ufffdSurrogate"),
        ("Ref&#x110000;Big", "Ref\ufffdBig"),
        ("Ref&#150;Dash&#x80;Euro", "Ref–Dash€Euro"),
        ("Ref&#13;Cr&#12;Ff&#11;Vt", "Ref Cr Ff Vt"),
        ("Ref&#0000000000065;Zeros", "RefAZeros"),
    ],
    ids=repr,
)
def test_control_characters_never_reach_the_output(raw: str, expected: str) -> None:
    """Controls, NULs, surrogates and non-characters — raw or as references — are cleaned."""
    html = page(raw)
    assert title_of(html) == expected
    encoded = html.encode("utf-8", errors="surrogatepass")
    assert title_of(encoded) is not None


def test_nul_bytes_between_every_character_of_a_utf8_page() -> None:
    """NULs sprinkled in a UTF-8 page (not a UTF-16 pattern) are dropped, words kept."""
    data = page("Sprinkled title").encode()
    data = data.replace(b"Sprinkled", b"Spr\x00ink\x00led")
    assert title_of(data) == "Sprinkled title"


def test_control_characters_in_attributes_and_meta() -> None:
    """Meta contents and attributes are cleaned too (they feed title, description, URLs)."""
    html = page(
        "Title",
        meta='<meta name="description" content="De\x01scr&#2;iption\x00 text">'
        '<meta property="og:image" content="https://example.com/i\x00mg.png">',
    )
    article = newsparse.parse(html)
    check_clean(article)
    assert article.description == "Description text"


def test_clean_text_keeps_ordinary_text_untouched() -> None:
    """clean_text is the identity on clean text (tabs, newlines, references to letters)."""
    text = "a\tb\nc &#8217; &amp; &#x41; \u00a0 \U0001f600"
    assert clean_text(text) == text


# --------------------------------------------------------------------------- never raising


CHARSET_LABELS = [
    None, "utf-8", "utf-16", "utf-32", "utf-7", "latin-1", "windows-1252", "shift_jis",
    "iso-2022-jp", "gb18030", "big5", "koi8-r", "cp500", "base64", "rot13", "zlib",
    "punycode", "idna", "unicode_escape", "raw_unicode_escape", "undefined", "x-user-defined",
    "replacement", "", "   ", "utf-8\x00", "\ud800", "a" * 200,
]


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=600), label=st.sampled_from(CHARSET_LABELS))
def test_decode_never_raises(data: bytes, label: str | None) -> None:
    """decode() turns any bytes and any label into text, without raising."""
    text = decode(data, label)
    assert isinstance(text, str)
    decode(b"<meta charset=" + (label or "").encode("utf-8", "replace") + b">" + data)


@settings(max_examples=100, deadline=None)
@given(
    prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]),
    meta=st.sampled_from(CHARSET_LABELS),
    text=st.text(max_size=200),
    codec=st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "cp1251"]),
)
def test_any_text_in_any_encoding_keeps_the_promise(
    prefix: bytes, meta: str | None, text: str, codec: str
) -> None:
    """Random text, encoded in a random codec behind a random BOM and charset declaration."""
    html = f"<html><head><meta charset='{meta}'></head><body><p>{text}</p></body></html>"
    data = prefix + html.encode(codec, errors="replace")
    try:
        article = newsparse.parse(data)
    except newsparse.NewsparseError:
        return
    check_clean(article)


def test_decoded_text_has_no_surrogates_for_any_byte_value() -> None:
    """All 256 byte values, alone and in pairs, inside a page: the tree holds clean text."""
    for b in range(256):
        data = b"<html><body><p>x" + bytes([b, b, 0xC3, b]) + b"y</p></body></html>"
        doc = load(data)
        text = doc.root.text_content()
        assert not any("\ud800" <= c <= "\udfff" or (c < " " and c not in "\t\n") for c in text)

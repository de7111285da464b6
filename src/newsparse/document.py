"""One page, read once: decoding, safe parsing, limits, structured data.

:func:`load` turns ``str``/``bytes``/``BeautifulSoup`` into a :class:`Document`:
an lxml tree parsed once with a parser that never touches the network or the
file system, plus the page's JSON-LD objects and ``<meta>`` values read once.
Every extractor works on that one Document.

Hostile input is handled here, at the root, so the extractors never see it:

- bytes are decoded deterministically and as browsers do (BOM, then the transport's
  charset, then the page's ``<meta>``; WHATWG labels; detection with
  charset-normalizer where nothing usable is declared or the declaration is wrong:
  see :mod:`newsparse.charset`), never raising on undecodable bytes; the Document
  records which charset was used and where it came from;
- control characters, NULs, lone surrogates and non-characters (raw, or as
  numeric character references) never reach the tree;
- the tree is never deeper than :data:`MAX_DEPTH` elements and never silently
  truncated by libxml2's resource limits (deep nesting is flattened, text nodes
  over 10 MB are kept);
- pages over :attr:`Limits.max_bytes` bytes or :attr:`Limits.max_elements`
  elements are refused with :class:`~newsparse.errors.TooManyElementsError`;
- JSON-LD values are sanitised: no NaN/Infinity, no absurd integers, no control
  characters, no nesting deeper than 32 levels, no list longer than 1,000 items.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, cast
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from newsparse import _accel
from newsparse.charset import (
    BOMS,
    Decoded,
    EncodingSource,
    decode,
    decode_bytes,
    unmarked_utf16_32,
    utf8_source,
)
from newsparse.cleaning import clean_bytes, clean_text, plain_utf8
from newsparse.errors import (
    EmptyInputError,
    InputTooLargeError,
    NotHTMLError,
    TooManyElementsError,
    UnsupportedInputError,
)
from newsparse.jsonld import flatten, parse_jsonld

__all__ = [
    "ELEMENTS_KEY",
    "MAX_DEPTH",
    "Document",
    "Limits",
    "clean_text",
    "decode",
    "elements_of",
    "load",
    "parse_jsonld",
]

MAX_DEPTH = 255
"""The deepest element nesting the tree may have; deeper markup is flattened into its text."""

ELEMENTS_KEY = "elements"
"""The :attr:`Document.memo` key of every element of the page in document order (comments
and processing instructions left out), as :func:`load` left the tree: the page index
(:func:`newsparse.extract.dom.page_index`) takes it over instead of walking the tree again."""


@dataclass(frozen=True)
class Limits:
    """Bounds on the work one page may cause; exceeding ``max_bytes`` or ``max_elements`` raises."""

    max_bytes: int = 16 * 1024 * 1024
    """Largest input accepted, in bytes (str input counts its UTF-8 length)."""

    max_elements: int = 250_000
    """Most elements the parsed page may have (a typical article page has 1,000-10,000)."""

    max_jsonld_bytes: int = 1024 * 1024
    """JSON-LD scripts larger than this are skipped, not parsed."""

    max_authors: int = 50
    """At most this many authors are kept."""


# ------------------------------------------------------------------ decoding

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG", "png"),
    (b"GIF8", "gif"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"PK\x03\x04", "zip"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"RIFF", "riff"),
    (b"OggS", "ogg"),
    (b"\x00\x00\x01\x00", "ico"),
    (b"wOFF", "woff"),
    (b"wOF2", "woff2"),
    (b"\x7fELF", "elf"),
    (b"MZ", "exe"),
)
_TAG = re.compile(r"<\s*[a-zA-Z!?/]")


def _sniff_binary(data: bytes) -> str | None:
    head = data[:16]
    if any(head.startswith(bom) for bom, _ in BOMS):
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    sample = data[:4096]
    # UTF-16/32 without BOM have many NULs but in a regular pattern; let the decoder try.
    if sample.count(0) > len(sample) // 4 and unmarked_utf16_32(sample) is None:
        return "binary"
    return None


# ------------------------------------------------------------------ parsing

_parsers = threading.local()


def _html_parser(huge: bool = False) -> lxml.html.HTMLParser:
    # lxml parser objects must not be shared between threads: one per thread and kind.
    name = "huge" if huge else "parser"
    parser: lxml.html.HTMLParser | None = getattr(_parsers, name, None)
    if parser is None:
        parser = lxml.html.HTMLParser(  # type: ignore[call-arg]  # stubs lack default_doctype
            encoding="utf-8",
            remove_comments=True,
            remove_pis=True,
            no_network=True,
            recover=True,
            default_doctype=False,
            collect_ids=False,
            huge_tree=huge,
        )
        # One element class for every tag: skips lxml.html's per-element Python lookup.
        parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=HtmlElement))
        setattr(_parsers, name, parser)
    return parser


_VOID = frozenset(
    {
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "image",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
#: Elements a sibling of the same name closes (<p><p>, <li><li>...).
_SELF_CLOSING_SIBLINGS = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext)\b[^<>]*>"
    r".*?(?:</\1\s*>|\Z)"
    r"""|<(/?)([a-zA-Z][^\s/<>]*)((?:[^<>"']|"[^"]{0,4096}"|'[^']{0,4096}')*)>""",
    re.DOTALL | re.IGNORECASE,
)
_FLATTEN_DEPTH = 1000
"""The nesting the markup pre-pass leaves when libxml2's own limit (2048) was hit."""


def _flatten_markup(text: str, max_depth: int) -> str:
    """Drop start and end tags nested deeper than ``max_depth``, keeping all text.

    An approximate tokenizer (comments and raw-text elements skipped, void elements and
    same-name sibling closing understood), only used on pages libxml2 refused to nest.
    """
    stack: list[str] = []
    open_count: dict[str, int] = {}
    dropped: dict[str, int] = {}

    def replace(match: re.Match[str]) -> str:
        name = match.group(3)
        if name is None:
            return match.group()  # a comment or a raw-text element: left as it is
        name = name.lower()
        if match.group(2):  # an end tag
            if dropped.get(name):
                dropped[name] -= 1
                return ""
            if open_count.get(name):
                while stack:
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
            return match.group()
        if name in _VOID or match.group(4).rstrip().endswith("/"):
            return match.group()
        if name in _SELF_CLOSING_SIBLINGS and stack and stack[-1] == name:
            stack.pop()
            open_count[name] -= 1
        if len(stack) >= max_depth:
            dropped[name] = dropped.get(name, 0) + 1
            return " "
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
        return match.group()

    return _MARKUP.sub(replace, text)


_SPACE_RUN = re.compile(r"\s{2,}")


def _cap_depth(root: HtmlElement, max_depth: int) -> None:
    """Flatten every subtree nested deeper than ``max_depth`` into its element's text."""
    deep: list[HtmlElement] = []
    depth = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if depth >= max_depth and len(el):
            deep.append(el)
            walker.skip_subtree()  # its "end" event still comes
    for el in deep:
        etree.strip_elements(el, "script", "style", etree.Comment, with_tail=False)
        for child in el.iterdescendants():
            # Keep element boundaries as spaces so words of adjacent elements stay apart.
            child.tail = " " + child.tail if child.tail else " "
        etree.strip_tags(el, "*")
        if el.text:
            el.text = _SPACE_RUN.sub(" ", el.text)


def _hit_resource_limit(parser: lxml.html.HTMLParser) -> bool:
    return any(
        err.type_name == "ERR_RESOURCE_LIMIT" or "XML_PARSE_HUGE" in err.message
        for err in parser.error_log.filter_levels(etree.ErrorLevels.FATAL)
    )


_COUNT_ELEMENTS = etree.XPath("count(//*)")


def _parse_tree(text: str | None, limits: Limits, data: bytes | None = None) -> HtmlElement:
    """Parse cleaned text into a tree: never truncated by libxml2's limits, never too deep.

    ``data``, when given, is ``text`` encoded as UTF-8 (``text`` None: not decoded yet);
    one of the two is given."""
    if data is None:
        assert text is not None
        data = text.encode("utf-8", errors="replace")
    parser = _html_parser()
    root = _fromstring(data, parser)
    if _hit_resource_limit(parser):
        # Deeper than 255 elements, or a text node / attribute over 10 MB: libxml2 stopped
        # there and dropped the rest. Parse again without those limits (the page size is
        # already bounded by max_bytes), flattening markup nested beyond libxml2's reach.
        parser = _html_parser(huge=True)
        root = _fromstring(data, parser)
        if _hit_resource_limit(parser):
            flat = _flatten_markup(_text_of(text, data), _FLATTEN_DEPTH)
            data = flat.encode("utf-8", errors="replace")
            root = _fromstring(data, parser)
        _cap_depth(root, MAX_DEPTH)
    return root


def _check_count(count: int, limits: Limits) -> None:
    if count > limits.max_elements:
        raise TooManyElementsError(count, limits.max_elements)


def _fromstring(data: bytes, parser: lxml.html.HTMLParser) -> HtmlElement:
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise NotHTMLError(
            f"input could not be parsed as HTML: {exc}", detected="unparsable"
        ) from exc
    if not isinstance(root, HtmlElement):  # pragma: no cover - lxml.html always gives one
        raise NotHTMLError("input could not be parsed as HTML", detected="unparsable")
    return root


@dataclass
class Document:
    """A parsed page and the structured data read from it once."""

    root: HtmlElement
    """The lxml root element (<html>)."""

    url: str | None = None
    """The page URL given by the caller, used to resolve relative links."""

    limits: Limits = field(default_factory=Limits)
    """The limits in force."""

    jsonld: list[dict[str, Any]] = field(default_factory=list)
    """Every JSON-LD object of the page, with @graph and list nesting flattened."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    """``<meta>`` contents keyed by lower-cased name / property / itemprop / http-equiv."""

    links: dict[str, list[str]] = field(default_factory=dict)
    """``<link href>`` values keyed by lower-cased rel token (canonical, author...)."""

    language: str | None = None
    """The ``lang`` attribute of <html>, if any."""

    encoding: str | None = None
    """The charset the page's bytes were decoded with (None for str input)."""

    encoding_source: EncodingSource | None = None
    """Where :attr:`encoding` came from: "bom", "transport", "meta", "detected", "default"."""

    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """Per-page values derived once and shared by the extractors (e.g. the page index).
    It lives and dies with this Document: there is no cache across pages."""

    @property
    def base_url(self) -> str | None:
        """The URL relative links resolve against (the caller's URL, else the canonical)."""
        if self.url:
            return self.url
        canon = self.links.get("canonical")
        return canon[0] if canon and _is_http(canon[0]) else None

    def absolute(self, href: str | None) -> str | None:
        """``href`` resolved against :attr:`base_url`; None for empty, malformed or unsafe
        values (any scheme but http, https and mailto, before or after resolving)."""
        if not href:
            return None
        base = self.base_url
        if _plain_http(href) and (not base or _parses(base)):
            return href  # what resolve_href would return (see _plain_http)
        return resolve_href(href, base)

    def meta_first(self, *keys: str) -> str | None:
        """The first non-empty ``<meta>`` content under any of ``keys``."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value
        return None

    def jsonld_of_type(self, *types: str) -> Iterator[dict[str, Any]]:
        """JSON-LD objects whose @type is (or includes) one of ``types``."""
        wanted = set(types)
        for obj in self.jsonld:
            t = obj.get("@type")
            names = t if isinstance(t, list) else [t]
            if any(isinstance(n, str) and n in wanted for n in names):
                yield obj


_URL_TAB_NEWLINE = re.compile(r"[\t\n\r]+")
_URL_SPACE = re.compile(r"\s+")
_SAFE_SCHEMES = frozenset({"", "http", "https", "mailto"})


def resolve_href(href: str, base: str | None) -> str | None:
    """``href`` trimmed, cleaned and resolved against ``base``; None for empty, fragment-
    only, malformed or unsafe values (any scheme but http, https and mailto, before or
    after resolving).  :meth:`Document.absolute` without its fast path."""
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    # As browsers do: tabs and newlines vanish from URLs ("java\tscript:" is javascript:).
    href = _clean_href(href)
    if not _safe_scheme(href):
        return None
    if base:
        try:
            href = urljoin(base, href)
        except ValueError:
            return None
        if not _safe_scheme(href):
            return None
    return href


def _clean_href(href: str) -> str:
    """A URL attribute as browsers read it: trimmed, tabs/newlines dropped, spaces encoded."""
    href = href.strip()
    if href.isprintable() and " " not in href:
        return href  # no whitespace: every \s character but " " is unprintable
    return _URL_SPACE.sub("%20", _URL_TAB_NEWLINE.sub("", href))


#: An absolute http(s) URL with a host, in printable ASCII without whitespace, brackets,
#: ";" (path parameters), an empty query ("?" before "#" or at the end) or an empty
#: fragment ("#" at the end).
_PLAIN_HTTP = re.compile(r"https?://[!-\"$-.0-9:->@-~][!-~]*")
_PLAIN_BREAKS = re.compile(r"[\[\];]|\?#|[?#]\Z")


def _plain_http(href: str) -> bool:
    """Whether ``Document.absolute`` returns ``href`` itself whatever the (well-formed)
    base: such an href needs no trimming or cleaning, its scheme is safe, and
    ``urljoin`` keeps it as it is (another scheme than the base's) or rebuilds it from
    its parts (the same scheme, with a host), which gives the same string back when
    nothing in it is dropped or normalised by ``urlsplit``/``urlunsplit`` — empty
    query, empty fragment and empty path parameters are what would be dropped, brackets
    (IPv6 hosts) and non-ASCII hosts what ``urlsplit`` checks.  Property-tested
    against the full path in tests/unit/test_document_absolute.py."""
    return _PLAIN_HTTP.fullmatch(href) is not None and _PLAIN_BREAKS.search(href) is None


def _parses(url: str) -> bool:
    """Whether ``urlsplit`` accepts ``url`` (``urljoin`` raises for a base it rejects)."""
    try:
        urlsplit(url)
    except ValueError:
        return False
    return True


def _safe_scheme(url: str) -> bool:
    try:
        return urlsplit(url).scheme.lower() in _SAFE_SCHEMES
    except ValueError:  # e.g. "Invalid IPv6 URL"
        return False


def _is_http(url: str) -> bool:
    return url.startswith(("http://", "https://"))


def load(
    html: object,
    url: str | None = None,
    *,
    encoding: str | None = None,
    limits: Limits | None = None,
) -> Document:
    """Decode and parse ``html`` once into a :class:`Document`.

    Raises :class:`~newsparse.errors.NewsparseError` subclasses for empty,
    oversized, non-HTML or unsupported input (including a ``url`` or ``encoding``
    that is not a string).
    """
    if limits is None:
        limits = Limits()
    elif not isinstance(limits, Limits):
        raise UnsupportedInputError(f"limits must be a Limits, not {type(limits).__name__}")
    if url is not None and not isinstance(url, str):
        raise UnsupportedInputError(f"url must be a str, not {type(url).__name__}")
    if encoding is not None and not isinstance(encoding, str):
        raise UnsupportedInputError(f"encoding must be a str, not {type(encoding).__name__}")
    raw: bytes | None = None
    source: EncodingSource | None = None
    if isinstance(html, (bytes, bytearray, memoryview)):
        raw = _page_bytes(html, limits)
        source = _plain_source(raw, encoding)
    text: str | None = None  # the page's text, as decoded (None: not decoded)
    parsed: str | None = None  # the text given to the parser, if it has to be cleaned
    if source is not None:
        data: bytes | None = raw  # valid, clean UTF-8 with markup: nothing to decode
        charset: str | None = "utf-8"
    else:
        if raw is not None:
            decoded = decode_bytes(raw, encoding)
        else:
            decoded = _to_text(html, encoding, limits)
        text, charset, source = decoded.text, decoded.encoding, decoded.source
        if not text.strip():
            raise EmptyInputError("input is empty")
        if not _TAG.search(text, 0, 65536) and not _TAG.search(text):
            stripped = text.lstrip()
            kind = "json" if stripped[:1] in "[{" else "text"
            raise NotHTMLError(f"input has no HTML markup (looks like {kind})", detected=kind)
        stripped = text.lstrip()
        if stripped[:1] in "[{" and _is_json(stripped):
            raise NotHTMLError("input is JSON, not HTML", detected="json")
        data = clean_bytes(decoded)  # None: the text needs cleaning first
        parsed = text if data is not None else clean_text(text)
    root = _parse_tree(parsed, limits, data)
    # Each tree test below comes first: stripping or moving elements the tree does not
    # hold changes nothing, and lxml answers "no such tag" without a walk when the tag
    # name never occurs in the document, so most pages skip the scan of the text.
    ruby = _has_any(root, ("rt", "rp")) and _has_ruby_tag(text, data)
    if ruby:
        _check_count(int(cast(float, _COUNT_ELEMENTS(root))), limits)  # before the strip
        # ruby annotations: the reading (rt) and its fallback parentheses (rp) are not
        # text; the base text beside them is
        etree.strip_elements(root, "rt", "rp", with_tail=False)
    if _has_any(root, _VOID_CONTAINERS) and _VOID_AS_CONTAINER.search(_text_of(text, data)):
        _unnest_void(root)  # moves elements: the count stays
    # Every element, in document order: counted here, and kept for the page index.
    elements = elements_of(root)
    if not ruby:
        _check_count(len(elements), limits)
    doc = Document(root=root, url=_clean_url(url), limits=limits)
    doc.memo[ELEMENTS_KEY] = elements
    if source:
        doc.encoding, doc.encoding_source = charset, source
    _read_head(doc)
    return doc


def _elements_of_python(root: HtmlElement) -> list[HtmlElement]:
    """``root`` and every element inside it (comments and processing instructions left
    out: a C-level filter), in document order (the reference twin of the compiled one)."""
    return list(root.iter(etree.Element))


#: ``root`` and every element inside it, in document order (compiled where built: the
#: proxies made in one walk of the C tree, without lxml's iterator).
elements_of = _accel.twin("index", "elements_of", _elements_of_python)


#: HTML5 void elements that libxml2's HTML parser opens as containers: everything up to
#: the parent's end tag lands inside them (an <embed> swallowed the rest of an article).
_VOID_CONTAINERS = ("embed", "source", "track", "wbr", "keygen")
_VOID_AS_CONTAINER = re.compile(r"<(?:embed|source|track|wbr|keygen)\b", re.IGNORECASE)


def _has_any(root: HtmlElement, tags: tuple[str, ...]) -> bool:
    """Whether the tree holds an element with one of ``tags``."""
    return next(root.iter(*tags), None) is not None


def _unnest_void(root: HtmlElement) -> None:
    """Move what libxml2 put inside a void element back after it, as a browser parses
    it: the element's text, then its children, then its tail."""
    for el in list(root.iter(*_VOID_CONTAINERS)):
        parent = el.getparent()
        if parent is None or (not len(el) and not el.text):
            continue
        children = list(el)
        tail = el.tail
        el.tail = el.text
        el.text = None
        at = parent.index(el)
        for offset, child in enumerate(children, 1):
            parent.insert(at + offset, child)  # moves it, its tail with it
        last = children[-1] if children else el
        last.tail = (last.tail or "") + (tail or "") or None


def _clean_url(url: str | None) -> str | None:
    if url is None:
        return None
    url = "".join(clean_text(url).split())
    return url or None


def _to_text(html: object, encoding: str | None, limits: Limits) -> Decoded:
    """The page's text; for bytes, with the charset used (str input has none)."""
    if isinstance(html, (bytes, bytearray, memoryview)):
        return decode_bytes(_page_bytes(html, limits), encoding)
    if isinstance(html, str):
        # A UTF-8 byte is at most 4x a code point; check cheaply before encoding.
        if len(html) > limits.max_bytes or (
            len(html) * 4 > limits.max_bytes
            and len(html.encode("utf-8", errors="replace")) > limits.max_bytes
        ):
            raise InputTooLargeError(len(html.encode("utf-8", errors="replace")), limits.max_bytes)
        return Decoded(html, "", None)
    try:
        from bs4 import BeautifulSoup
    except ImportError:  # pragma: no cover - bs4 is a dependency
        BeautifulSoup = None  # type: ignore[assignment,misc]
    if BeautifulSoup is not None and isinstance(html, BeautifulSoup):
        return _to_text(str(html), encoding, limits)
    raise UnsupportedInputError(
        f"parse() takes str, bytes or bs4.BeautifulSoup, not {type(html).__name__}"
    )


def _page_bytes(html: bytes | bytearray | memoryview, limits: Limits) -> bytes:
    """The input as bytes, refused when too large, empty or another format."""
    data = bytes(html)
    if len(data) > limits.max_bytes:
        raise InputTooLargeError(len(data), limits.max_bytes)
    if not data or data.isspace():  # (what bytes.strip() strips, without a copy)
        raise EmptyInputError("input is empty")
    kind = _sniff_binary(data)
    if kind is not None:
        raise NotHTMLError(f"input is not HTML (looks like {kind} data)", detected=kind)
    return data


_TAG_BYTES = re.compile(rb"<\s*[a-zA-Z!?/]")
_SPACES = re.compile(rb"[ \t\n\r\x0b\x0c]*")


def _plain_source(data: bytes, encoding: str | None) -> EncodingSource | None:
    """Where the charset of ``data`` comes from when load() can parse the bytes as they
    came without decoding them, else None (the page is decoded and checked as text).

    That is: valid UTF-8 that clean_text leaves unchanged (so no byte below 0x20 but tab
    and newline) which decode_bytes reads as UTF-8 (:func:`utf8_source`); holding a tag
    (a match of ``_TAG`` in the text, whose ``\\s`` takes every ASCII space and more), so
    the text is not empty and has markup; and whose first byte after ASCII spaces is
    ASCII and neither "[" nor "{" (str.lstrip() stops at the same character: the other
    ASCII spaces it strips, 0x1C-0x1F, are control characters), so it is not JSON."""
    if not plain_utf8(data) or _TAG_BYTES.search(data) is None:
        return None
    first = data[_SPACES.match(data).end()]  # type: ignore[union-attr]  # (always matches)
    if first >= 0x80 or first in b"[{":
        return None
    return utf8_source(data, encoding)


def _text_of(text: str | None, data: bytes | None) -> str:
    """The page's text: ``text``, or (None: not decoded) ``data``, its UTF-8, decoded."""
    if text is not None:
        return text
    assert data is not None
    return data.decode("utf-8")


def _has_ruby_tag(text: str | None, data: bytes | None) -> bool:
    """Whether the page's markup writes an rt tag ("<rt" or "<RT"): in its UTF-8 bytes
    when given (the same test), else in its text."""
    if data is not None:
        return b"<rt" in data or b"<RT" in data
    assert text is not None
    return "<rt" in text or "<RT" in text


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


# ------------------------------------------------------------------ head data

#: At most this many JSON-LD scripts are read (a page has a handful).
_MAX_JSONLD_SCRIPTS = 100
_JSONLD_TYPE = "application/ld+json"


def _read_head(doc: Document) -> None:
    """The page's language, ``<meta>`` values, ``<link>`` hrefs and JSON-LD objects, from
    one walk over the meta, link and script elements (each kind in document order)."""
    root = doc.root
    lang = root.get("lang") or root.get("xml:lang")
    doc.language = lang.strip() if lang and lang.strip() else None
    meta: dict[str, list[str]] = {}
    links: dict[str, list[str]] = {}
    scripts: list[HtmlElement] = []
    for el in root.iter("meta", "link", "script"):
        tag = el.tag
        if tag == "meta":
            _read_meta(el, meta)
        elif tag == "link":
            _read_link(el, links)
        elif len(scripts) < _MAX_JSONLD_SCRIPTS and _is_jsonld(el.get("type")):
            scripts.append(el)
    doc.meta = meta
    doc.links = links
    objects: list[dict[str, Any]] = []
    budget = doc.limits.max_jsonld_bytes
    for script in scripts:
        raw = script.text or ""
        if not raw.strip() or len(raw) > budget:
            continue
        budget -= len(raw)
        for value in parse_jsonld(raw):
            flatten(value, objects, 0)
    doc.jsonld = objects


def _read_meta(el: HtmlElement, meta: dict[str, list[str]]) -> None:
    content = el.get("content")
    if content is None:
        return
    content = " ".join(content.split())
    for attr in ("property", "name", "itemprop", "http-equiv"):
        key = el.get(attr)
        if key:
            meta.setdefault(key.strip().lower(), []).append(content)


def _read_link(el: HtmlElement, links: dict[str, list[str]]) -> None:
    rel, href = el.get("rel"), el.get("href")
    if rel is None or href is None:
        return
    href = _clean_href(href)
    if not href:
        return
    for token in rel.lower().split():
        links.setdefault(token, []).append(href)


def _is_jsonld(script_type: str | None) -> bool:
    """A script ``type`` of JSON-LD, ASCII letters in any case (exactly that, no spaces)."""
    return (
        script_type is not None
        and len(script_type) == len(_JSONLD_TYPE)
        and script_type.isascii()
        and script_type.lower() == _JSONLD_TYPE
    )

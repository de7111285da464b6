"""One page, read once: decoding, safe parsing, limits, structured data.

:func:`load` turns ``str``/``bytes``/``BeautifulSoup`` into a :class:`Document`:
an lxml tree parsed once with a parser that never touches the network or the
file system, plus the page's JSON-LD objects and ``<meta>`` values read once.
Every extractor works on that one Document.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from newsparse.errors import (
    EmptyInputError,
    InputTooLargeError,
    NotHTMLError,
    UnsupportedInputError,
)

__all__ = ["Document", "Limits", "decode", "load"]

from lxml.html import HtmlElement  # noqa: E402


@dataclass(frozen=True)
class Limits:
    """Bounds on the work one page may cause; exceeding ``max_bytes`` raises."""

    max_bytes: int = 16 * 1024 * 1024
    """Largest input accepted, in bytes (str input counts its UTF-8 length)."""

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
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_TAG = re.compile(r"<\s*[a-zA-Z!?/]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _sniff_binary(data: bytes) -> str | None:
    head = data[:16]
    if head.startswith(_BOMS) or head.startswith((b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")):
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    sample = data[:4096]
    # UTF-16/32 without BOM have many NULs but in a regular pattern; let the decoder try.
    if sample.count(0) > len(sample) // 4 and not _looks_utf16(sample):
        return "binary"
    return None


def _looks_utf16(sample: bytes) -> bool:
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    return max(even, odd) > half * 0.6 and min(even, odd) < half * 0.1


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode page bytes: BOM, then ``encoding`` (e.g. from HTTP), then ``<meta>``, then sniffing.

    Never raises on undecodable bytes: they become U+FFFD.
    """
    from bs4.dammit import UnicodeDammit

    known = [encoding] if encoding else []
    dammit = UnicodeDammit(data, known_definite_encodings=known, is_html=True)
    text = dammit.unicode_markup
    if text is None:
        text = data.decode("utf-8", errors="replace")
    return text


def _clean_text(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    return _CONTROL.sub(_control_replacement, text)


def _control_replacement(match: re.Match[str]) -> str:
    return "\ufffd" if match.group() >= "\ud800" else " "


# ------------------------------------------------------------------ parsing

_parsers = threading.local()


def _html_parser() -> lxml.html.HTMLParser:
    # lxml parser objects must not be shared between threads: one per thread.
    parser: lxml.html.HTMLParser | None = getattr(_parsers, "parser", None)
    if parser is None:
        parser = lxml.html.HTMLParser(
            encoding="utf-8",
            remove_comments=True,
            remove_pis=True,
            no_network=True,
            recover=True,
            default_doctype=False,
            collect_ids=False,
            huge_tree=False,
        )
        _parsers.parser = parser
    return parser


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

    @property
    def base_url(self) -> str | None:
        """The URL relative links resolve against (the caller's URL, else the canonical)."""
        if self.url:
            return self.url
        canon = self.links.get("canonical")
        return canon[0] if canon and _is_http(canon[0]) else None

    def absolute(self, href: str | None) -> str | None:
        """``href`` resolved against :attr:`base_url`; None for empty or unsafe values."""
        if not href:
            return None
        href = href.strip()
        if not href or href.startswith("#"):
            return None
        scheme = urlsplit(href).scheme.lower() if ":" in href[:12] else ""
        if scheme and scheme not in ("http", "https", "mailto"):
            return None
        base = self.base_url
        if base:
            try:
                return urljoin(base, href)
            except ValueError:
                return None
        return href

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
    oversized, non-HTML or unsupported input.
    """
    limits = limits or Limits()
    text = _to_text(html, encoding, limits)
    if not text.strip():
        raise EmptyInputError("input is empty")
    if not _TAG.search(text, 0, 65536) and not _TAG.search(text):
        stripped = text.lstrip()
        kind = "json" if stripped[:1] in "[{" else "text"
        raise NotHTMLError(f"input has no HTML markup (looks like {kind})", detected=kind)
    stripped = text.lstrip()
    if stripped[:1] in "[{" and _is_json(stripped):
        raise NotHTMLError("input is JSON, not HTML", detected="json")
    text = _clean_text(text)
    data = text.encode("utf-8", errors="replace")
    try:
        root = lxml.html.document_fromstring(data, parser=_html_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise NotHTMLError(f"input could not be parsed as HTML: {exc}", detected="unparsable") from exc
    doc = Document(root=root, url=url, limits=limits)
    _read_head(doc)
    return doc


def _to_text(html: object, encoding: str | None, limits: Limits) -> str:
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        if len(data) > limits.max_bytes:
            raise InputTooLargeError(len(data), limits.max_bytes)
        if not data.strip():
            raise EmptyInputError("input is empty")
        kind = _sniff_binary(data)
        if kind is not None:
            raise NotHTMLError(f"input is not HTML (looks like {kind} data)", detected=kind)
        return decode(data, encoding)
    if isinstance(html, str):
        # A UTF-8 byte is at most 4x a code point; check cheaply before encoding.
        if len(html) > limits.max_bytes or (
            len(html) * 4 > limits.max_bytes
            and len(html.encode("utf-8", errors="replace")) > limits.max_bytes
        ):
            raise InputTooLargeError(len(html.encode("utf-8", errors="replace")), limits.max_bytes)
        return html
    try:
        from bs4 import BeautifulSoup
    except ImportError:  # pragma: no cover - bs4 is a dependency
        BeautifulSoup = None  # type: ignore[assignment,misc]  # noqa: N806
    if BeautifulSoup is not None and isinstance(html, BeautifulSoup):
        return _to_text(str(html), encoding, limits)
    raise UnsupportedInputError(
        f"parse() takes str, bytes or bs4.BeautifulSoup, not {type(html).__name__}"
    )


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


# ------------------------------------------------------------------ head data

_JSONLD_XPATH = etree.XPath(
    "//script[translate(@type, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
    "='application/ld+json']"
)
_META_XPATH = etree.XPath("//meta")
_LINK_XPATH = etree.XPath("//link[@rel and @href]")


def _read_head(doc: Document) -> None:
    root = doc.root
    lang = root.get("lang") or root.get("xml:lang")
    doc.language = lang.strip() if lang and lang.strip() else None
    meta: dict[str, list[str]] = {}
    for el in _META_XPATH(root):
        content = el.get("content")
        if content is None:
            continue
        content = " ".join(content.split())
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                meta.setdefault(key.strip().lower(), []).append(content)
    doc.meta = meta
    links: dict[str, list[str]] = {}
    for el in _LINK_XPATH(root):
        href = (el.get("href") or "").strip()
        if not href:
            continue
        for rel in (el.get("rel") or "").lower().split():
            links.setdefault(rel, []).append(href)
    doc.links = links
    objects: list[dict[str, Any]] = []
    for script in _JSONLD_XPATH(root):
        raw = script.text or ""
        if not raw.strip() or len(raw) > doc.limits.max_jsonld_bytes:
            continue
        for value in parse_jsonld(raw):
            _flatten(value, objects, 0)
    doc.jsonld = objects


_TRAILING_COMMA = re.compile(r",\s*([\]}])")
_WRAPPERS = re.compile(r"^\s*(?:<!--|<!\[CDATA\[|//\s*<!\[CDATA\[)|(?:-->|\]\]>|//\s*\]\]>)\s*$")


def parse_jsonld(raw: str) -> list[Any]:
    """Parse a JSON-LD script leniently: several concatenated values, trailing commas,
    HTML comment / CDATA wrappers and raw control characters are tolerated; what cannot
    be read is skipped (an empty list), never raised."""
    text = _WRAPPERS.sub("", raw.strip())
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", text)):
        values = _decode_values(candidate)
        if values:
            return values
    return []


def _decode_values(text: str) -> list[Any]:
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    pos, end = 0, len(text)
    while pos < end:
        while pos < end and text[pos] in " \t\r\n;,":
            pos += 1
        if pos >= end:
            break
        try:
            value, pos = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError):
            return values
        values.append(value)
    return values


def _flatten(value: Any, out: list[dict[str, Any]], depth: int) -> None:
    if depth > 8 or len(out) > 500:
        return
    if isinstance(value, list):
        for item in value:
            _flatten(item, out, depth + 1)
    elif isinstance(value, dict):
        graph = value.get("@graph")
        if "@type" in value:
            out.append(value)
        if graph is not None:
            _flatten(graph, out, depth + 1)

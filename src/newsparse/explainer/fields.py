"""Provenance of the metadata fields: which of the page's sources hold each value.

The page's value sources (``<meta>`` tags, ``<link>``s, JSON-LD keys, microdata
``itemprop``s, ``<html lang>``, ``<title>``) are listed once; each field keeps those
whose value is the extracted one, in the order its extractor trusts them, after the
visible element the extractor used (headline, byline, dateline) when there is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml import etree

from newsparse.document import Document, parse_jsonld
from newsparse.explainer.adapter import Evidence
from newsparse.explainer.paths import path_of
from newsparse.extract.authors import http_url
from newsparse.extract.dom import HtmlElement, norm_space, text_of
from newsparse.extract.metadata import normalise_language
from newsparse.models import Article
from newsparse.provenance import FieldProvenance, FieldSource, SourceKind

__all__ = ["Source", "field_provenance", "page_sources"]


@dataclass(frozen=True)
class Source:
    """One value the page declares somewhere."""

    kind: SourceKind
    element: HtmlElement
    key: str | None
    value: str
    signal: str


# ------------------------------------------------------------------ the page's sources

_MAX_JSON_VALUES = 2000


def page_sources(doc: Document) -> list[Source]:
    """Every metadata-like value of the page, in page order within each kind."""
    root = doc.root
    out: list[Source] = []
    lang = root.get("lang") or root.get("xml:lang")
    if lang:
        out.append(Source("attribute", root, "lang", lang, "<html lang>"))
    for el in root.iter("meta"):
        content = el.get("content")
        if content is None:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                k = key.strip().lower()
                out.append(Source("meta", el, k, content, f'<meta {attr}="{k}">'))
    for el in root.iter("link"):
        href = el.get("href")
        for rel in (el.get("rel") or "").lower().split():
            if href:
                out.append(Source("link", el, rel, href, f'<link rel="{rel}">'))
    for el in root.iter("title"):
        out.append(Source("title", el, None, text_of(el), "<title>"))
        break
    for el in root.iter("script"):
        if (el.get("type") or "").strip().lower() == "application/ld+json" and el.text:
            out.extend(_jsonld_sources(el))
    for el in root.xpath("//*[@itemprop]"):
        if el.tag == "meta":
            continue
        prop = (el.get("itemprop") or "").strip()
        value = el.get("content") or el.get("datetime") or el.get("href") or text_of(el)
        if prop and value:
            out.append(Source("microdata", el, prop, value, f'microdata itemprop="{prop}"'))
    for el in root.xpath("//a[contains(concat(' ', @rel, ' '), ' tag ')]"):
        out.append(Source("element", el, None, text_of(el), '<a rel="tag"> link'))
    return out


def _jsonld_sources(script: HtmlElement) -> list[Source]:
    out: list[Source] = []
    for value in parse_jsonld(script.text or ""):
        for path, kind, leaf in _json_leaves(value, "", "", 0):
            out.append(Source("jsonld", script, path, leaf, f"JSON-LD {kind or 'object'} {path}"))
            if len(out) >= _MAX_JSON_VALUES:
                return out
    return out


def _json_leaves(value: object, path: str, kind: str, depth: int) -> Iterator[tuple[str, str, str]]:
    """(key path, enclosing @type, string) for every string inside a JSON value."""
    if depth > 12:
        return
    if isinstance(value, dict):
        here = value.get("@type")
        if isinstance(here, list):
            here = next((t for t in here if isinstance(t, str)), None)
        kind = here if isinstance(here, str) else kind
        for key, item in value.items():
            yield from _json_leaves(item, f"{path}.{key}" if path else str(key), kind, depth + 1)
    elif isinstance(value, list):
        for i, item in enumerate(value[:200]):
            yield from _json_leaves(item, f"{path}[{i}]", kind, depth + 1)
    elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
        yield path, kind, str(value)


# ------------------------------------------------------------------ matching values


def _squash(text: str) -> str:
    return norm_space(text).casefold()


def _same_text(value: str) -> Callable[[str], bool]:
    """The same text, or (the extractor cleans markup-like text out) the same start."""
    want = _squash(value)
    start = "".join(want.split())[:40]

    def matches(raw: str) -> bool:
        got = _squash(raw)
        return got == want or (len(start) == 40 and "".join(got.split()).startswith(start))

    return matches


def _title_text(value: str) -> Callable[[str], bool]:
    """A title source holds the title, perhaps with a site name around it."""
    want = _squash(value)
    return lambda raw: want in _squash(raw)


def _same_url(doc: Document, value: str) -> Callable[[str], bool]:
    return lambda raw: http_url(doc, raw) == value


def _same_language(value: str) -> Callable[[str], bool]:
    return lambda raw: normalise_language(raw) == value


def _same_date(raw_value: str) -> Callable[[str], bool]:
    want = raw_value.strip()
    return lambda raw: raw.strip() == want or (len(want) >= 8 and want in raw)


def _has_tag(tags: list[str]) -> Callable[[str], bool]:
    wanted = {_squash(t) for t in tags}

    def matches(raw: str) -> bool:
        parts = {_squash(p) for p in re.split(r"[,;]", raw)}
        return bool(parts & wanted) or _squash(raw) in wanted

    return matches


def _has_author(names: list[str]) -> Callable[[str], bool]:
    wanted = [_squash(n) for n in names]
    return lambda raw: any(w and w in _squash(raw) for w in wanted) and len(raw) < 300


#: For each field, the source keys its extractor reads, most trusted first ("*" any key
#: of that kind).  Sources of other keys holding the same value are listed after them.
_ORDER: dict[str, list[tuple[SourceKind, str]]] = {
    "title": [
        ("jsonld", "headline"), ("jsonld", "name"), ("meta", "og:title"),
        ("meta", "twitter:title"), ("meta", "headline"), ("meta", "title"), ("title", "*"),
    ],
    "description": [
        ("meta", "description"), ("meta", "og:description"),
        ("meta", "twitter:description"), ("jsonld", "description"),
    ],
    "authors": [("jsonld", "author"), ("microdata", "author"), ("meta", "author")],
    "published": [
        ("jsonld", "datePublished"), ("meta", "article:published_time"),
        ("microdata", "datePublished"), ("element", "*"), ("jsonld", "dateCreated"),
    ],
    "modified": [
        ("jsonld", "dateModified"), ("meta", "article:modified_time"),
        ("microdata", "dateModified"),
    ],
    "publisher": [
        ("jsonld", "publisher"), ("meta", "og:site_name"), ("meta", "application-name"),
        ("jsonld", "name"),
    ],
    "language": [
        ("attribute", "lang"), ("meta", "og:locale"), ("meta", "content-language"),
        ("jsonld", "inLanguage"),
    ],
    "canonical_url": [
        ("link", "canonical"), ("meta", "og:url"), ("jsonld", "url"),
        ("jsonld", "mainEntityOfPage"),
    ],
    "image": [
        ("meta", "og:image"), ("jsonld", "image"), ("meta", "twitter:image"),
        ("jsonld", "thumbnailUrl"),
    ],
    "tags": [
        ("meta", "article:tag"), ("meta", "keywords"), ("meta", "news_keywords"),
        ("jsonld", "keywords"), ("element", "*"),
    ],
}  # fmt: skip


def _rank(name: str, source: Source) -> int:
    order = _ORDER.get(name, [])
    key = source.key or ""
    last = key.rsplit(".", 1)[-1].split("[", 1)[0] if source.kind == "jsonld" else key
    for i, (kind, wanted) in enumerate(order):
        if kind != source.kind:
            continue
        if wanted == "*" or last == wanted or (source.kind == "jsonld" and wanted in key):
            return i
    return len(order)


def _matching(
    name: str, sources: list[Source], test: Callable[[str], bool], kinds: frozenset[str]
) -> list[Source]:
    found = [s for s in sources if s.kind in kinds and _rank(name, s) < 99 and test(s.value)]
    return sorted(found, key=lambda s: _rank(name, s))


_ALL: frozenset[str] = frozenset({"jsonld", "meta", "link", "microdata", "attribute", "title"})
_NO_LINK_TEXT = _ALL - {"link"}


def _to_field(s: Source) -> FieldSource:
    return FieldSource(kind=s.kind, selector=path_of(s.element), key=s.key, signal=s.signal)


def _element(el: HtmlElement, signal: str) -> FieldSource:
    return FieldSource(kind="element", selector=path_of(el), key=None, signal=signal)


# ------------------------------------------------------------------ one function per field


def _title(a: Article, srcs: list[Source], ev: Evidence, doc: Document) -> FieldProvenance:
    found = _matching("title", srcs, _title_text(a.title), _NO_LINK_TEXT) if a.title else []
    out = [_to_field(s) for s in found]
    if ev.title_node is not None and a.title:
        head = _element(ev.title_node, f"visible <{ev.title_node.tag}> headline")
        return _entry(
            "title",
            a.title,
            [head, *out],
            "the visible headline matching the "
            "page's declared title (JSON-LD / og:title / <title>)",
        )
    return _entry("title", a.title, out, "the declared title (no visible headline matched)")


def _description(a: Article, srcs: list[Source], ev: Evidence, doc: Document) -> FieldProvenance:
    d = a.description
    found = _matching("description", srcs, _same_text(d), _ALL) if d else []
    return _entry("description", d, [_to_field(s) for s in found], "meta description first")


def _authors(a: Article, srcs: list[Source], ev: Evidence, doc: Document) -> FieldProvenance:
    names = [x.name for x in a.authors]
    found = _matching("authors", srcs, _has_author(names), _ALL) if names else []
    ranked = len(_ORDER["authors"])
    out = [_to_field(s) for s in found if _rank("authors", s) < ranked or "Person" in s.signal]
    shown = [_element(n, f"visible byline <{n.tag}>") for n in ev.author_nodes] if names else []
    first = {"jsonld": "JSON-LD author", "markup": "the visible byline", "meta": "meta author"}
    signal = f"names from {first.get(ev.author_source or '', 'no source')}"
    ordered = [*shown, *out] if ev.author_source == "markup" else [*out, *shown]
    return _entry("authors", " | ".join(names) or None, ordered, signal)


def _date(
    name: str, raw: str | None, node: HtmlElement | None, srcs: list[Source]
) -> FieldProvenance:
    found = _matching(name, srcs, _same_date(raw), _ALL) if raw else []
    out = [_to_field(s) for s in found]
    if node is not None and raw and not any(s.selector == path_of(node) for s in out):
        out.append(_element(node, f"visible date <{node.tag}>"))
        out.sort(key=lambda s: 0 if s.kind in ("jsonld", "meta") else 1)
    signal = "structured data first (JSON-LD, meta, microdata), then <time> near the headline"
    return _entry(name, raw, out, signal)


def _published(a: Article, srcs: list[Source], ev: Evidence, doc: Document) -> FieldProvenance:
    node = ev.published.node if ev.published is not None else None
    return _date("published", a.published_raw, node, srcs)


def _modified(a: Article, srcs: list[Source], ev: Evidence, doc: Document) -> FieldProvenance:
    node = ev.modified.node if ev.modified is not None else None
    return _date("modified", a.modified_raw, node, srcs)


def _publisher(a: Article, srcs: list[Source], ev: Evidence, doc: Document) -> FieldProvenance:
    p = a.publisher
    found = _matching("publisher", srcs, _same_text(p), _ALL) if p else []
    return _entry("publisher", p, [_to_field(s) for s in found], "JSON-LD publisher, og:site_name")


def _language(a: Article, srcs: list[Source], ev: Evidence, doc: Document) -> FieldProvenance:
    lang = a.language
    found = _matching("language", srcs, _same_language(lang), _ALL) if lang else []
    return _entry("language", lang, [_to_field(s) for s in found], "<html lang> first")


def _canonical(a: Article, srcs: list[Source], ev: Evidence, doc: Document) -> FieldProvenance:
    url = a.canonical_url
    found = _matching("canonical_url", srcs, _same_url(doc, url), _ALL) if url else []
    return _entry("canonical_url", url, [_to_field(s) for s in found], "link rel=canonical first")


def _image(a: Article, srcs: list[Source], ev: Evidence, doc: Document) -> FieldProvenance:
    url = a.image
    found = _matching("image", srcs, _same_url(doc, url), _ALL) if url else []
    return _entry("image", url, [_to_field(s) for s in found], "og:image first")


def _tags(a: Article, srcs: list[Source], ev: Evidence, doc: Document) -> FieldProvenance:
    kinds = _ALL | {"element"}
    found = _matching("tags", srcs, _has_tag(a.tags), kinds) if a.tags else []
    return _entry(
        "tags",
        " | ".join(a.tags) or None,
        [_to_field(s) for s in found],
        "article:tag / keywords / JSON-LD keywords / rel=tag links, de-duplicated",
    )


_SHOWN = etree.XPath(
    "(//body//*[contains(normalize-space(.), $v)][not(*[contains(normalize-space(.), $v)])])[1]"
)


def _shown(doc: Document, value: str) -> FieldSource | None:
    """The deepest element of the page whose text holds ``value`` (for a value read from
    the visible text, e.g. a date written in a byline)."""
    want = norm_space(value)[:200]
    if not want:
        return None
    found = _SHOWN(doc.root, v=want)
    if not isinstance(found, list) or not found or not isinstance(found[0], HtmlElement):
        return None
    el = found[0]
    return _element(el, f"visible text of <{el.tag}>")


def _entry(
    name: str, value: str | None, sources: list[FieldSource], signal: str
) -> FieldProvenance:
    seen: set[tuple[str, str | None]] = set()
    unique = []
    for s in sources:
        if (s.selector, s.key) not in seen:
            seen.add((s.selector, s.key))
            unique.append(s)
    if value is None:
        signal = "not found on the page"
    return FieldProvenance(field=name, value=value, sources=unique, signal=signal)


_FIELDS: tuple[Callable[[Article, list[Source], Evidence, Document], FieldProvenance], ...] = (
    _title, _authors, _published, _modified, _description, _image, _canonical, _language,
    _tags, _publisher,
)  # fmt: skip


def field_provenance(doc: Document, article: Article, evidence: Evidence) -> list[FieldProvenance]:
    """The provenance of every metadata field of ``article``; a value found in no
    declared source is looked for in the page's visible text."""
    sources = page_sources(doc)
    out = []
    for one in _FIELDS:
        entry = one(article, sources, evidence, doc)
        if entry.value is not None and not entry.sources:
            shown = _shown(doc, entry.value.split(" | ")[0])
            if shown is not None:
                entry.sources.append(shown)
                entry.signal += " (read from the visible text)"
        out.append(entry)
    return out

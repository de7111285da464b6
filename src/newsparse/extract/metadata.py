"""Article metadata: title, authors, dates, publisher, language, canonical URL, tags, image.

One small function per field, each reading the Document's JSON-LD, meta and
markup evidence in order of reliability.  Dates live in :mod:`.dates`, authors in
:mod:`.authors`.  :func:`extract_metadata` also returns the page elements that show
metadata (headline, byline, dateline) so that the body leaves them out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from newsparse import _accel
from newsparse.document import Document
from newsparse.extract.author_names import clean_text, drop_combining
from newsparse.extract.authors import byline_container, find_authors, http_url, text_memo
from newsparse.extract.dates import (
    CHROME_WORDS,
    DateFound,
    chrome_names,
    dateline_node,
    find_dates,
    parse_date,
    search_date_text,
)
from newsparse.extract.dom import (
    HtmlElement,
    ancestors,
    class_id,
    first_child,
    joined_text,
    name_matcher,
    norm_space,
    page_index,
    text_of,
    with_attribute,
)
from newsparse.models import Author

__all__ = [
    "Metadata",
    "extract_canonical",
    "extract_description",
    "extract_image",
    "extract_language",
    "extract_metadata",
    "extract_publisher",
    "extract_tags",
    "extract_title",
    "heading_text",
    "kicker_node",
    "main_jsonld",
    "normalise_language",
    "parse_date",
    "standfirst_node",
]

_ARTICLE_TYPES = (
    "NewsArticle",
    "Article",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "TechArticle",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "Report",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "SocialMediaPosting",
    "SatiricalArticle",
    "OpinionArticle",
)
_PAGE_TYPES = ("WebPage", "ItemPage", "CollectionPage")


@dataclass
class Metadata:
    """Metadata fields of an article, before they go into the Article model."""

    title: str | None = None
    description: str | None = None
    authors: list[Author] = field(default_factory=list)
    published: datetime | date | None = None
    published_raw: str | None = None
    modified: datetime | date | None = None
    modified_raw: str | None = None
    publisher: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    title_node: HtmlElement | None = None
    """The element showing the headline."""
    nodes: list[HtmlElement] = field(default_factory=list)
    """Page elements that show metadata (headline, byline, dateline...), left out of the body."""


# ------------------------------------------------------------------ helpers


def _str(value: Any) -> str | None:
    """A clean string from a JSON-LD value (first string of a list); None otherwise."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, str):
        return clean_text(value) or None
    return None


def _fold(text: str) -> str:
    if text.isascii():
        return " ".join(text.lower().split())
    text = drop_combining(unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text)))
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.lower().split())


def _type_names(obj: dict[str, Any]) -> set[str]:
    """The object's @type names without a vocabulary prefix ("https://schema.org/X" -> "X")."""
    t = obj.get("@type")
    names = t if isinstance(t, list) else [t]
    return {n.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for n in names if isinstance(n, str)}


def _nested_objects(doc: Document) -> list[dict[str, Any]]:
    """Typed objects nested inside the page's JSON-LD objects (a NewsArticle given as a
    WebPage's ``mainEntity``), breadth first and bounded."""
    out: list[dict[str, Any]] = []
    seen = {id(obj) for obj in doc.jsonld}
    queue: list[tuple[Any, int]] = [(obj, 0) for obj in doc.jsonld]
    while queue and len(out) < 500:
        value, depth = queue.pop(0)
        children = value.values() if isinstance(value, dict) else value
        for child in children:
            if isinstance(child, dict) and id(child) not in seen and "@type" in child:
                seen.add(id(child))
                out.append(child)
            if isinstance(child, (dict, list)) and depth < 3:
                queue.append((child, depth + 1))
    return out


_ARTICLE_SET = frozenset(_ARTICLE_TYPES)
_PAGE_SET = frozenset(_PAGE_TYPES)


def main_jsonld(doc: Document) -> dict[str, Any] | None:
    """The JSON-LD object describing the article (an Article type; a WebPage at worst).

    Top-level objects (and @graph members) first, then objects nested in them."""
    best: dict[str, Any] | None = None
    page: dict[str, Any] | None = None
    for objects in (doc.jsonld, None):
        for obj in objects if objects is not None else _nested_objects(doc):
            names = _type_names(obj)
            if names & _ARTICLE_SET:
                if isinstance(obj.get("headline"), str) or isinstance(
                    obj.get("datePublished"), str
                ):
                    return obj
                best = best or obj
            elif page is None and names & _PAGE_SET:
                page = obj
        if best is not None:
            return best
    return page


# ------------------------------------------------------------------ title

_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»/]{1,2}\s+|\s*[|·•»]\s*")
_HEADING_CHROME = re.compile(
    CHROME_WORDS + r"|logo|site-?title|site-?name|masthead|modal|popup|cookie|"
    r"(?:^|[\s_-])(?:card|brand)(?:$|[\s_-])"
)


_WORDS = re.compile(r"\w+")
_KEYWORD_SPLIT = re.compile(r"[,;]")
_BLOCKISH = frozenset(
    {
        "br",
        "div",
        "p",
        "li",
        "ul",
        "ol",
        "table",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "header",
        "figure",
        "figcaption",
        "blockquote",
        "hr",
    }
)
_NO_TEXT = frozenset({"script", "style", "noscript", "template", "svg", "math", "button"})


def heading_text(el: HtmlElement) -> str:
    """The text of a heading as displayed: inline pieces joined as written ("$<b>100K</b>"
    reads "$100K"), a space at line breaks and block boundaries."""
    if not len(el):  # no child node (most headings): the walk would read el.text only
        return "" if el.tag in _NO_TEXT else norm_space(el.text)
    return joined_text(el, _BLOCKISH, _NO_TEXT)


_heading_chrome = name_matcher(_HEADING_CHROME)


def _heading_place(el: HtmlElement) -> int:
    """0 for a heading in the page's content; 1 inside an element whose class names page
    chrome (sidebar, widget, related...); 2 inside <footer>, <aside> or <nav>."""
    place = 0
    for node in (el, *ancestors(el)):
        if node.tag in ("footer", "aside", "nav"):
            return 2
        if node.tag in ("body", "html"):
            break
        if not place and _heading_chrome(chrome_names(node)):
            place = 1
    return place


def _title_candidates(
    doc: Document, ld: dict[str, Any] | None, html_title: str | None
) -> list[str]:
    out: list[str] = []
    if ld:
        for key in ("headline", "name", "alternativeHeadline"):
            value = _str(ld.get(key))
            if value:
                out.append(value)
    for key in (
        "og:title",
        "twitter:title",
        "headline",
        "title",
        "dc.title",
        "parsely-title",
        "sailthru.title",
    ):
        value = doc.meta_first(key)
        if value:
            out.append(clean_text(value))
    if html_title:
        out.append(html_title)
    return [c for c in dict.fromkeys(out) if c and len(c) <= 500]


def _html_title(doc: Document) -> str | None:
    head = first_child(doc.root, "head")
    el = first_child(head, "title") if head is not None else doc.root.find(".//title")
    return (text_of(el) or None) if el is not None else None


def _word_set(text: str) -> frozenset[str]:
    """The words of a folded text."""
    return frozenset(_WORDS.findall(text))


def _similarity(h: str, c: str, htoks: frozenset[str], ctoks: frozenset[str]) -> float:
    """1.0 for the same text; 0.9 when the candidate is the heading plus a site suffix.

    Both texts are already folded (:func:`_fold`); ``htoks`` and ``ctoks`` are their
    words (:func:`_word_set`), made once per text by the caller (a title candidate is
    compared with every heading)."""
    if not h or not c:
        return 0.0
    if h == c:
        return 1.0
    if len(h) >= 10 and (c.startswith(h) or c.endswith(h)):
        rest = c[len(h) :] if c.startswith(h) else c[: len(c) - len(h)]
        if _TITLE_SEPARATORS.match(rest) or _TITLE_SEPARATORS.search(rest[-4:] or " "):
            return 0.9
    if len(htoks) < 3 or not ctoks:
        return 0.0
    common = len(htoks & ctoks)
    return 0.8 * (2 * common / (len(htoks) + len(ctoks)))


def _strip_site(title: str, site_names: list[str]) -> str:
    """``title`` without a " | Site" / "Site - " part."""
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    sites = [_fold(s) for s in site_names if s]
    kept = [p for p in parts if not any(_fold(p) == s or _fold(p) in s for s in sites)]
    if kept and len(kept) < len(parts):
        # rebuild from the original text between the first and last kept parts
        start = title.find(kept[0])
        end = title.rfind(kept[-1]) + len(kept[-1])
        if 0 <= start < end:
            return title[start:end].strip()
    if not sites or len(kept) == len(parts):
        first = parts[0]
        if len(first.split()) >= 3 and len(parts[-1].split()) <= 4:
            return title[: title.rfind(parts[-1])].rstrip(" |-–—:·•»/").strip()
    return title


def extract_title(
    doc: Document, ld: dict[str, Any] | None = None, site_names: list[str] | None = None
) -> tuple[str | None, HtmlElement | None]:
    """The displayed headline (and its element when found in the markup).

    The heading (h1, else h2-h4) that matches the JSON-LD headline, og:title or the
    ``<title>`` wins; without one, the first plausible h1; else the JSON-LD / meta
    headline; else the ``<title>`` without its site-name suffix.
    """
    if ld is None:
        ld = main_jsonld(doc)
    html_title = _html_title(doc)
    candidates = _title_candidates(doc, ld, html_title)
    folded = [_fold(c) for c in candidates]
    # each folded text once, with its highest weight: the same text scores the same
    # against every heading, so only its highest weight can give the maximum
    weights: dict[str, float] = {}
    for c, f in zip(candidates, folded, strict=True):
        weights[f] = max(weights.get(f, 0.0), 0.95 if c == html_title else 1.0)
    weighted = [(f, _word_set(f), w) for f, w in weights.items()]
    sites = [s for s in (site_names or []) if s]
    folded_sites = {_fold(s) for s in sites}
    best: tuple[tuple[bool, bool, float, int], HtmlElement, str] | None = None
    first_h1: tuple[HtmlElement, str] | None = None
    body = first_child(doc.root, "body")
    for el in (body if body is not None else doc.root).iter("h1", "h2", "h3", "h4"):
        text = heading_text(el)
        if not text or len(text) > 300:
            continue
        folded_text = _fold(text)
        if folded_text in folded_sites:
            continue  # the site's name, shown as a logo heading
        level = int(el.tag[1])
        htoks = _word_set(folded_text)
        score = max(
            (_similarity(folded_text, c, htoks, ctoks) * w for c, ctoks, w in weighted),
            default=0.0,
        )
        if score < 0.6 and (level != 1 or first_h1 is not None):
            continue
        place = _heading_place(el)
        if place == 2:
            continue
        ok = place == 0
        if level == 1 and first_h1 is None and ok:
            first_h1 = (el, text)
        # A heading in what looks like page chrome still counts when it is the headline
        # word for word (layout wrappers are often named "sidebar", "widget"...).
        if score < 0.6 or (not ok and score < 0.9):
            continue
        key = (score >= 0.9, ok, score, -level)
        if best is None or key > best[0]:
            best = (key, el, text)
    if best is not None:
        return best[2], best[1]
    if first_h1 is not None and len(first_h1[1].split()) >= 3:
        return first_h1[1], first_h1[0]
    for cand in candidates:
        if cand != html_title:
            return _strip_site(cand, sites), None
    if html_title:
        return _strip_site(html_title, sites), None
    if first_h1 is not None:
        return first_h1[1], first_h1[0]
    return None, None


# ------------------------------------------------------------------ simple fields

_LANG_FULL = re.compile(r"[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{1,8})*")
_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z0-9]{2,8}))?(?:[-_]([a-zA-Z0-9]{2,8}))?")


def normalise_language(value: str | None) -> str | None:
    """A BCP 47-like tag: "en_us" -> "en-US", "EN" -> "en", "zh-hant-tw" -> "zh-Hant-TW"."""
    if not value:
        return None
    value = value.strip().split(",")[0].split(";")[0].strip()
    m = _LANG.match(value)
    if not m or not _LANG_FULL.fullmatch(value):
        return None
    parts = [m.group(1).lower()]
    for sub in (m.group(2), m.group(3)):
        if not sub:
            continue
        if len(sub) == 4 and sub.isalpha():
            parts.append(sub.title())
        elif (len(sub) == 2 and sub.isalpha()) or (len(sub) == 3 and sub.isdigit()):
            parts.append(sub.upper())
        else:
            parts.append(sub.lower())
    return "-".join(parts)


def extract_language(doc: Document, ld: dict[str, Any] | None = None) -> str | None:
    """The page language: html lang, og:locale, content-language, JSON-LD inLanguage."""
    sources: list[str | None] = [
        doc.language,
        doc.meta_first("og:locale"),
        doc.meta_first("content-language", "language", "dc.language"),
    ]
    if ld:
        lang = ld.get("inLanguage")
        if isinstance(lang, dict):
            lang = lang.get("alternateName") or lang.get("name")
        sources.append(_str(lang))
    for raw in sources:
        tag = normalise_language(raw)
        if tag:
            return tag
    return None


def _ld_url(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return _str(value)


def extract_canonical(doc: Document, ld: dict[str, Any] | None = None) -> str | None:
    """The canonical URL: link rel=canonical, og:url, JSON-LD url / mainEntityOfPage."""
    sources: list[str | None] = [*doc.links.get("canonical", []), doc.meta_first("og:url")]
    if ld:
        sources += [_ld_url(ld.get("url")), _ld_url(ld.get("mainEntityOfPage"))]
    for raw in sources:
        url = http_url(doc, raw)
        if url:
            return url
    return None


def _org_name(doc: Document, value: Any) -> str | None:
    """The name of a JSON-LD organisation value: a string, an object, an ``{"@id"}``
    reference to an object elsewhere in the page, or a list of those."""
    for item in value[:10] if isinstance(value, list) else [value]:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            ref = item["@id"]
            item = next((o for o in doc.jsonld if o.get("@id") == ref and o is not item), item)
        name = _str(item.get("name")) if isinstance(item, dict) else _str(item)
        if name:
            return name
    return None


def _microdata_publisher(doc: Document) -> str | None:
    """The ``name`` of the first microdata ``itemprop=publisher`` item: a ``<meta content>``
    or the element's text, the item's own property (not one of a nested item)."""
    for el, attrib in with_attribute(page_index(doc).attrs, "itemprop"):
        if "publisher" not in attrib["itemprop"].split():
            continue
        if "itemscope" not in attrib:
            return clean_text(attrib.get("content") or text_of(el)) or None
        for node in el.iterdescendants():
            if node.get("itemprop") == "name" and _nearest_scope(node) is el:
                return clean_text(node.get("content") or text_of(node)) or None
    return None


def _nearest_scope(node: HtmlElement) -> HtmlElement | None:
    """The nearest ancestor of ``node`` that starts a microdata item."""
    return next((p for p in ancestors(node) if p.get("itemscope") is not None), None)


def extract_publisher(doc: Document, ld: dict[str, Any] | None = None) -> str | None:
    """The publisher / site name: JSON-LD publisher.name, og:site_name, application-name,
    the microdata publisher's name, the JSON-LD WebSite's name."""
    name = _org_name(doc, ld.get("publisher")) if ld else None
    if name and not name.startswith(("http://", "https://")):
        return name
    for key in ("og:site_name", "application-name", "apple-mobile-web-app-title"):
        value = doc.meta_first(key)
        if value:
            return clean_text(value)
    name = _microdata_publisher(doc)
    if name and not name.startswith(("http://", "https://")):
        return name
    website = next(doc.jsonld_of_type("WebSite"), None)
    return _str(website.get("name")) if website else None


def extract_description(doc: Document, ld: dict[str, Any] | None = None) -> str | None:
    """The summary: meta description, og:description, twitter:description, JSON-LD."""
    value = doc.meta_first("description", "og:description", "twitter:description")
    if value:
        return clean_text(value) or None
    return _str(ld.get("description")) if ld else None


_XML_SPACE = re.compile("[ \t\r\n]+")


def _rel_tag_links(doc: Document) -> list[HtmlElement]:
    """``<a rel="tag">`` links (rel read as space-separated tokens), in document order.

    Where the compiled walk is built (:mod:`newsparse._accel.meta`), it lists the
    ``<a>`` elements whose rel may hold "tag" and only those are looked up in the page
    index; else :func:`_rel_tag_links_python` reads every attribute dict.  Both give
    the same links (the index is made from the tree the walk reads)."""
    if _META is None:
        return _rel_tag_links_python(doc)
    get = page_index(doc).attrs.get
    out: list[HtmlElement] = []
    for el in _META.rel_tag_candidates(doc.root):
        attrib = get(el)
        if attrib and "rel" in attrib and "tag" in _XML_SPACE.split(attrib["rel"]):
            out.append(el)
    return out


def _rel_tag_links_python(doc: Document) -> list[HtmlElement]:
    """:func:`_rel_tag_links` over the page index's attribute dicts (the reference)."""
    return [
        el
        for el, attrib in page_index(doc).attrs.items()
        if "rel" in attrib and el.tag == "a" and "tag" in _XML_SPACE.split(attrib["rel"])
    ]


#: The compiled tag-link walk (newsparse._accel.meta), or None.
_META: Any = _accel.load("meta")


def _in_page_chrome(
    el: HtmlElement, known: dict[tuple[HtmlElement, bool], bool] | None = None
) -> bool:
    """Whether ``el`` sits in the page's chrome (sidebar, widget, site footer...): the
    class/id names of one of its ancestors match :data:`_HEADING_CHROME`.

    A footer inside an ``<article>`` is that article's own footer (its tag row, as HTML
    defines a footer's scope), so "footer" names are not chrome there.  ``known`` holds
    the answers per (ancestor, inside an article) for the links of one page, which share
    their ancestors.  Each ancestor's names are matched alone: no alternative of the
    pattern holds a space, and its boundaries (start, end, whitespace) match at the ends
    of one ancestor's names as at the spaces that joined them."""
    chain = list(ancestors(el))
    in_article = any(n.tag == "article" for n in chain)
    if known is None:
        known = {}
    for node in chain:
        hit = known.get((node, in_article))
        if hit is None:
            names = class_id(node)
            if in_article:
                names = _FOOTER_WORD.sub(" ", names)
            hit = known[node, in_article] = _HEADING_CHROME.search(names) is not None
        if hit:
            return True
    return False


_FOOTER_WORD = re.compile(r"footer")


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        return [clean_text(v) for v in _KEYWORD_SPLIT.split(value)]
    if isinstance(value, list):
        out: list[str] = []
        for item in value[:200]:
            if isinstance(item, str):
                out.append(clean_text(item))
            elif isinstance(item, dict):
                name = _str(item.get("name"))
                if name:
                    out.append(name)
        return out
    return []


def extract_tags(doc: Document, ld: dict[str, Any] | None = None) -> list[str]:
    """Tags: article:tag, JSON-LD keywords, rel=tag links; meta keywords as a last resort."""
    tags: list[str] = [t for raw in doc.meta.get("article:tag", []) for t in _keywords(raw)]
    if ld:
        tags += _keywords(ld.get("keywords"))
    if not tags:
        chrome: dict[tuple[HtmlElement, bool], bool] = {}
        for a in _rel_tag_links(doc):
            if "category" in (a.get("rel") or "").lower() or _in_page_chrome(a, chrome):
                continue
            tags.append(text_of(a))
    if not tags:
        tags = _keywords(doc.meta_first("keywords", "news_keywords"))
    out: dict[str, str] = {}
    for tag in tags:
        tag = tag.strip(" #")
        if tag and len(tag) <= 100 and tag.lower() not in out:
            out[tag.lower()] = tag
    return list(out.values())[:100]


def _ld_image(value: Any, depth: int = 0) -> str | None:
    if depth > 3:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        for item in value[:20]:
            url = _ld_image(item, depth + 1)
            if url:
                return url
        return None
    if isinstance(value, dict):
        for key in ("url", "contentUrl", "@id"):
            url = _ld_image(value.get(key), depth + 1)
            if url:
                return url
    return None


def extract_image(doc: Document, ld: dict[str, Any] | None = None) -> str | None:
    """The lead image: og:image, JSON-LD image (string, list, ImageObject), twitter:image."""
    sources: list[str | None] = [
        doc.meta_first("og:image", "og:image:secure_url", "og:image:url"),
        _ld_image(ld.get("image")) if ld else None,
        doc.meta_first("twitter:image", "twitter:image:src"),
        _ld_image(ld.get("thumbnailUrl")) if ld else None,
    ]
    for raw in sources:
        url = http_url(doc, raw)
        if url:
            return url
    return None


# ------------------------------------------------------------------ nodes


_STANDFIRST_CLASS = re.compile(
    r"(?:^|[\s_-])(?:sub-?title|subtitle|sub-?line|subline|sub-?head(?:ing|line)?|subhead|"
    r"dek|deck|standfirst|strap-?line|strapline|excerpt|description|desc|des|tagline)"
    r"(?:$|[\s_-])"
)
_STANDFIRST_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "div", "span"})


def _words_f1(ta: list[str], tb: list[str]) -> float:
    """The token F1 of two word lists (the words of two folded texts)."""
    if not ta or not tb:
        return 0.0
    common = sum(min(ta.count(t), tb.count(t)) for t in set(ta))
    return 2 * common / (len(ta) + len(tb))


_standfirst_cue = name_matcher(_STANDFIRST_CLASS)


def standfirst_node(
    title_node: HtmlElement | None,
    descriptions: list[str],
    text: Callable[[HtmlElement], str] = text_of,
) -> HtmlElement | None:
    """The standfirst / dek shown under the headline, when it is plainly one.

    It must sit next to the headline (in the headline's own container), follow it, be
    short, and either carry a subtitle-like class ("dek", "standfirst", "subtitle"...)
    or be a heading that repeats the page's description.  A paragraph or box without
    such a class is never taken: it may be the article's first paragraph ("summary"
    and "lede" boxes often are).  ``text``: :func:`text_of` or a memo of it.
    """
    if title_node is None:
        return None
    container = title_node
    for _ in range(2):
        parent = container.getparent()
        if parent is None or parent.tag in ("body", "html", "article", "main"):
            break
        container = parent
    if container is title_node:
        return None
    seen_title = False
    in_title = set(title_node.iterdescendants())
    described: list[list[str]] | None = None  # the descriptions' words, when needed
    for el in container.iter(*_STANDFIRST_TAGS, "h1"):
        if el is title_node:
            seen_title = True
            continue
        if not seen_title or el.tag not in _STANDFIRST_TAGS or el in in_title:
            continue
        cue = _standfirst_cue(chrome_names(el))
        heading = el.tag[0] == "h"
        if not (cue or heading) or any(True for _ in el.iter("p", "li", "h1", "h2") if _ is not el):
            continue
        shown = text(el)
        if not 30 <= len(shown) <= 500:
            continue
        if cue and (heading or len(shown) <= 300):
            return el
        # otherwise it must repeat the description
        if described is None:
            described = [_WORDS.findall(_fold(d)) for d in descriptions]
        words = _WORDS.findall(_fold(shown))
        same = any(_words_f1(words, d) >= 0.8 for d in described)
        if same and (cue or heading):
            return el
    return None


#: A kicker's text: one to four words, no sentence punctuation at its end.
_KICKER = re.compile(r"^\W*\w[^.!?:;]{0,38}$")


def kicker_node(
    title_node: HtmlElement | None, text: Callable[[HtmlElement], str] = text_of
) -> HtmlElement | None:
    """The kicker right above the headline: the element just before it (its previous
    element sibling) when it is a short label of one to four words without sentence
    punctuation or a nested block ("Markets", "Analysis"). It is the story's rubric,
    shown as page metadata, never its text.  ``text``: :func:`text_of` or a memo of it."""
    if title_node is None:
        return None
    prev = title_node.getprevious()
    while prev is not None and not isinstance(prev.tag, str):  # comments, PIs
        prev = prev.getprevious()
    if prev is None or prev.tag in ("p", "ul", "ol", "table", "figure", "img", "blockquote"):
        return None
    shown = text(prev)
    if not shown or len(shown.split()) > 4 or _KICKER.match(shown) is None:
        return None
    if any(isinstance(c.tag, str) and c.tag in ("p", "div", "ul", "ol", "table") for c in prev):
        return None
    return prev


def _safe_node(
    el: HtmlElement, title_node: HtmlElement | None, text: Callable[[HtmlElement], str]
) -> bool:
    """A metadata node may be left out of the body only when it holds no article text."""
    if el.tag in ("body", "html", "article", "main"):
        return False
    if (
        title_node is not None
        and el is not title_node
        and (any(a is el for a in ancestors(title_node)))
    ):
        return False
    return len(text(el)) <= 250 and not any(len(text(p)) > 120 for p in el.iter("p"))


def _dateline_node(
    doc: Document,
    found: DateFound | None,
    title_node: HtmlElement | None,
    text: Callable[[HtmlElement], str],
) -> HtmlElement | None:
    if title_node is None:
        return None
    node = found.node if found is not None and found.node is not None else None
    node = node if node is not None else dateline_node(doc, title_node)
    return byline_container(node, title_node, text) if node is not None else None


def _byline_date(nodes: list[HtmlElement], text: Callable[[HtmlElement], str]) -> DateFound | None:
    """A date written in the byline ("By A. Writer, 18 Nov 2019") when nothing better."""
    for node in nodes:
        shown = text(node)
        if len(shown) <= 300:
            found = search_date_text(shown, published=True)
            if found is not None:
                return DateFound(found[0], found[1], node)
    return None


# ------------------------------------------------------------------ all of it


def extract_metadata(doc: Document) -> Metadata:
    """All metadata fields of ``doc``."""
    ld = main_jsonld(doc)
    publisher = extract_publisher(doc, ld)
    sites = [s for s in (publisher, doc.meta_first("og:site_name")) if s]
    title, title_node = extract_title(doc, ld, sites)
    dates = find_dates(doc, ld, title_node)
    text = text_memo()  # the elements' texts, read once in this call
    found_authors = find_authors(doc, ld, publisher=publisher, anchor=title_node, text=text)
    nodes: list[HtmlElement] = []
    if title_node is not None:
        nodes.append(title_node)
    descriptions = [
        clean_text(d)
        for key in ("description", "og:description", "twitter:description")
        for d in doc.meta.get(key, [])[:1]
    ]
    dek = standfirst_node(title_node, descriptions, text)
    kicker = kicker_node(title_node, text)
    for node in (
        *found_authors.nodes,
        _dateline_node(doc, dates.published, title_node, text),
        dek,
        kicker,
    ):
        if node is not None and node not in nodes and _safe_node(node, title_node, text):
            nodes.append(node)
    published, modified = dates.published, dates.modified
    if published is None:
        published = _byline_date(found_authors.nodes, text)
    return Metadata(
        title=title,
        title_node=title_node,
        nodes=nodes,
        description=extract_description(doc, ld),
        authors=found_authors.authors,
        published=published.value if published else None,
        published_raw=published.raw if published else dates.published_relative,
        modified=modified.value if modified else None,
        modified_raw=modified.raw if modified else None,
        publisher=publisher,
        language=extract_language(doc, ld),
        canonical_url=extract_canonical(doc, ld),
        tags=extract_tags(doc, ld),
        image=extract_image(doc, ld),
    )

"""Publication and modification dates: finding them in a page.

Date strings are read by :mod:`newsparse.extract.date_parse` (:func:`parse_date`,
:func:`search_date_text`, re-exported here): ISO 8601, RFC 2822 and the dates news
pages write in 17 languages; relative ones ("vor 2 Stunden") against the page's own
"now" (:func:`reference_time`).

:func:`find_dates` reads the page's evidence in order of reliability: the article's
JSON-LD, ``<meta>`` tags, microdata, ``<time>`` elements near the headline and
finally visible dates in the byline / dateline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from itertools import chain, islice
from typing import Any, cast

from lxml import etree

from newsparse import _accel
from newsparse.document import Document
from newsparse.extract.date_parse import (
    DateValue,
    parse_date,
    relative_text,
    search_date,
    search_date_text,
)
from newsparse.extract.dom import (
    HtmlElement,
    ancestors,
    class_id,
    first_child,
    name_matcher,
    norm_space,
    page_index,
    text_of,
    with_attribute,
)

__all__ = [
    "DateFound",
    "Dates",
    "day_first",
    "find_dates",
    "not_before",
    "page_now",
    "parse_date",
    "published_time",
    "reference_time",
    "relative_text",
    "search_date",
    "search_date_text",
    "select",
]

def select(xpath: etree.XPath, root: HtmlElement) -> list[HtmlElement]:
    """The elements an XPath selects under ``root`` (text and attribute results dropped)."""
    result = xpath(root)
    if not isinstance(result, list):
        return []
    return [el for el in result if isinstance(el, HtmlElement)]



# ------------------------------------------------------------------ finding dates in a page


@dataclass
class DateFound:
    """One date read from the page."""

    value: DateValue
    raw: str
    node: HtmlElement | None = None
    """The visible element that shows it, when it came from the markup."""


@dataclass
class Dates:
    """The published and modified dates of a page."""

    published: DateFound | None = None
    modified: DateFound | None = None
    nodes: list[HtmlElement] = field(default_factory=list)
    published_relative: str | None = None
    """A relative publication date as written ("vor 2 Stunden") that no reference time
    of the page resolves: kept raw only."""


_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "datepublished",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "date.published",
    "article.published",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.date",
    "dc.date",
    "dcterms.created",
    "dc.date.created",
    "sailthru.date",
    "parsely-pub-date",
    "article_date_original",
    "original-publish-date",
    "cxenseparse:recs:publishtime",
    "date",
    "citation_publication_date",
    "citation_date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "datemodified",
    "modified_time",
    "article:modified",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
    "lastmod",
    "revised",
)

_DATELINE_TAGS = ("div", "span", "p", "li", "small", "time")
_DATELINE_CLASS = re.compile(r"date|publish|byline|posted", re.IGNORECASE)
CHROME_WORDS = (
    r"comment|related|recommend|footer|popular|trending|newsletter|more-stories|read-next|"
    r"teaser|(?:^|[\s_-])(?:promo|nav|navbar|navigation|menu)(?:$|[\s_-])|"
    r"(?:^|\s)widget(?:$|\s|_)|(?:^|\s)sidebar|-sidebar(?:$|\s)"
)
"""Class/id words of page chrome (comments, related lists, sidebars, menus), as a regex.

Matched against :func:`chrome_names`, so that layout modifiers such as "no-promo" or
"penci_sidebar" and wrappers such as "theiaStickySidebar" do not count."""

_NOT_ARTICLE_RE = re.compile(CHROME_WORDS)
_not_article = name_matcher(_NOT_ARTICLE_RE)
_STATE_PREFIX = ("no-", "has-", "with-", "without-", "is-", "show-", "hide-", "enable-")


def chrome_names(el: HtmlElement) -> str:
    """The element's class and id tokens, lower-cased, state modifiers ("no-promo") left out."""
    return _chrome_names(el.get("class"), el.get("id"))


@lru_cache(maxsize=8192)
def _chrome_names(cls: str | None, ident: str | None) -> str:
    if not cls and not ident:
        return ""
    tokens = f"{cls or ''} {ident or ''}".lower().split()
    return " ".join(t for t in tokens if not t.startswith(_STATE_PREFIX))


_MODIFIED_CUE = re.compile(r"updat|modif|edited|revis", re.IGNORECASE)
_PUBLISHED_CUE = re.compile(r"publish|posted|pubdate|entry-date|created", re.IGNORECASE)


def _str(value: Any) -> str | None:
    return norm_space(value) or None if isinstance(value, str) else None


def _in_chrome(el: HtmlElement) -> bool:
    """True when ``el`` sits in comments, related-article lists, sidebars or footers."""
    for node in (el, *ancestors(el)):
        tag = node.tag
        if tag in ("footer", "aside", "nav"):
            return True
        if tag in ("article", "main", "body"):
            return False
        if _not_article(chrome_names(node)):
            return True
    return False


def _found(
    raw: str | None, node: HtmlElement | None = None, *, day_first: bool = False
) -> DateFound | None:
    if not raw:
        return None
    value = parse_date(raw, day_first=day_first)
    return DateFound(value, raw, node) if value is not None else None


def _from_jsonld(ld: dict[str, Any], key: str) -> DateFound | None:
    raw = ld.get(key)
    if isinstance(raw, list):
        raw = next((r for r in raw if isinstance(r, str)), None)
    return _found(_str(raw))


def _from_any_jsonld(doc: Document, key: str) -> DateFound | None:
    """``key`` of any JSON-LD object of the page (a WebPage's datePublished)."""
    for obj in doc.jsonld[:50]:
        found = _from_jsonld(obj, key)
        if found is not None:
            return found
    return None


def _from_meta(doc: Document, keys: tuple[str, ...]) -> DateFound | None:
    for key in keys:
        for raw in doc.meta.get(key, ()):
            found = _found(raw)
            if found is not None:
                return found
    return None


def _element_date(el: HtmlElement, *, day_first: bool = False) -> DateFound | None:
    for attr in ("datetime", "content", "data-datetime", "data-time", "title"):
        found = _found(_str(el.get(attr)), el, day_first=day_first)
        if found is not None:
            return found
    text = text_of(el)
    if text and len(text) <= 200:
        written = search_date_text(text, day_first=day_first)
        if written is not None:
            return DateFound(written[0], written[1], el)
    return None


def _from_itemprop(doc: Document, prop: str) -> DateFound | None:
    # the page index holds every element's attributes: a dict scan, not an XPath pass
    for el, attrib in with_attribute(page_index(doc).attrs, "itemprop"):
        if attrib["itemprop"] == prop and not _in_chrome(el):
            found = _element_date(el)
            if found is not None:
                return found
    return None


def _near(el: HtmlElement, anchor: HtmlElement | None) -> bool:
    """True when ``el`` shares a header/article ancestor with the headline ``anchor``."""
    if anchor is None:
        return True
    scope = anchor
    for _ in range(4):
        parent = scope.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        scope = parent
        if parent.tag in ("header", "article", "main"):
            break
    if scope is anchor:  # a headline straight under <body>: the page is the scope
        return True
    return any(a is scope for a in ancestors(el))


_MAX_TIMES = 100
"""Only the first <time> elements of a page are read (a live blog may have thousands)."""


def _from_time_elements(
    doc: Document, anchor: HtmlElement | None, *, day_first: bool = False
) -> tuple[DateFound | None, DateFound | None]:
    published: DateFound | None = None
    modified: DateFound | None = None
    fallback: DateFound | None = None
    for el in islice(doc.root.iter("time"), _MAX_TIMES):
        if published is not None and modified is not None:
            break
        if _in_chrome(el):
            continue
        found = _element_date(el, day_first=day_first)
        if found is None:
            continue
        cue = f"{class_id(el)} {el.get('itemprop') or ''}"
        if _MODIFIED_CUE.search(cue):
            modified = modified or found
        elif el.get("pubdate") is not None or _PUBLISHED_CUE.search(cue):
            published = published or found
        elif fallback is None and _near(el, anchor):
            fallback = found
    return published or fallback, modified


def _from_datelines(
    doc: Document,
    anchor: HtmlElement | None,
    *,
    day_first: bool = False,
    reference: DateValue | None = None,
) -> DateFound | None:
    tried = 0
    for el in _dateline_elements(doc):
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not _DATELINE_CLASS.search(names):
            continue
        tried += 1
        if tried > _MAX_TIMES:
            break
        if _MODIFIED_CUE.search(names) or _in_chrome(el) or not _near(el, anchor):
            continue
        text = text_of(el)
        if not text or len(text) > 200:
            continue
        found = search_date_text(
            text, published=True, day_first=day_first, reference=reference
        )
        if found is not None:
            return DateFound(found[0], found[1], el)
    return None


def _dateline_elements(doc: Document) -> Iterable[HtmlElement]:
    """The page's elements with a dateline tag, in document order, for the two loops
    above; where the compiled walk is built (:mod:`newsparse._accel.meta`), only those
    that may show a date (:func:`_may_show_date`): the loops pass over the others
    without counting them (a class or id without a date word, not a <time>)."""
    if _META is not None:
        return cast("list[HtmlElement]", _META.dateline_candidates(doc.root, _DATELINE_BYTES))
    return cast("Iterable[HtmlElement]", doc.root.iter(*_DATELINE_TAGS))


def _dateline_elements_python(doc: Document) -> list[HtmlElement]:
    """The compiled ``dateline_candidates``' reference: :func:`_dateline_elements`'
    elements that may show a date."""
    return [el for el in doc.root.iter(*_DATELINE_TAGS) if _may_show_date(el)]


def _relative_dateline(doc: Document, anchor: HtmlElement | None) -> str | None:
    """A relative date ("2 hours ago") shown in a <time> or dateline near the headline."""
    tried = 0
    for el in _dateline_elements(doc):
        if el.tag != "time" and not _DATELINE_CLASS.search(class_id(el)):
            continue
        tried += 1
        if tried > _MAX_TIMES:
            break
        if _MODIFIED_CUE.search(class_id(el)) or _in_chrome(el) or not _near(el, anchor):
            continue
        text = text_of(el)
        if text and len(text) <= 120:
            raw = relative_text(text)
            if raw is not None:
                return raw
    return None


def dateline_node(doc: Document, anchor: HtmlElement | None) -> HtmlElement | None:
    """The visible element showing the article's date next to the headline ``anchor``:
    a ``<time>`` or a date-classed element with a date, within a few elements after the
    headline (or just before it).

    Only the elements around the headline are visited, nearest first, by moving through
    the live tree from the headline (the page index may miss an element a widget split
    off), not by walking the page up to it."""
    if anchor is None or anchor.getroottree().getroot() is not doc.root:
        return None
    tags = (*_DATELINE_TAGS, anchor.tag)
    if _META is not None and "{" not in anchor.tag:
        window = _META.dateline_window(
            anchor, (*_DATELINE_BYTES, anchor.tag.encode()), _BEFORE_HEADLINE, _AFTER_HEADLINE
        )
    else:
        window = _window_python(anchor, tags, _BEFORE_HEADLINE, _AFTER_HEADLINE)
    return next((el for el in window if _shows_date(el)), None)


def _window_python(
    anchor: HtmlElement, tags: tuple[str, ...], before: int, after: int
) -> list[HtmlElement]:
    """The elements :func:`dateline_node` tries, in its order: the first ``before``
    elements with one of ``tags`` before ``anchor`` (nearest first), then the first
    ``after`` ones after it, those that may show a date (:func:`_may_show_date`) kept.
    The reference of the compiled ``newsparse._accel.meta.dateline_window``."""
    return [
        el
        for el in chain(islice(_before(anchor, tags), before), islice(_after(anchor, tags), after))
        if _may_show_date(el)
    ]


def _may_show_date(el: HtmlElement) -> bool:
    """A necessary condition of :func:`_shows_date`: a ``<time>``, or a class or id that
    the dateline pattern finds a word in (or a non-ASCII one, which Python decides)."""
    if el.tag == "time":
        return True
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return not names.isascii() or _DATELINE_CLASS.search(names) is not None


def _before(el: HtmlElement, tags: tuple[str, ...]) -> Iterator[HtmlElement]:
    """The elements with one of ``tags`` before ``el`` in document order (its ancestors
    included), nearest first (lxml picks the tags in each subtree)."""
    node: HtmlElement | None = el
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            yield from reversed(list(sibling.iter(*tags)))
        node = node.getparent()
        if node is not None and node.tag in tags:
            yield node


def _after(el: HtmlElement, tags: tuple[str, ...]) -> Iterator[HtmlElement]:
    """The elements with one of ``tags`` after ``el`` in document order (its descendants
    first), nearest first (lxml picks the tags in each subtree)."""
    yield from el.iterdescendants(*tags)
    node: HtmlElement | None = el
    while node is not None:
        for sibling in node.itersiblings():
            yield from sibling.iter(*tags)
        node = node.getparent()


_AFTER_HEADLINE = 60
_BEFORE_HEADLINE = 8
_DATELINE_BYTES = tuple(tag.encode() for tag in _DATELINE_TAGS)
#: The compiled window (newsparse._accel.meta), or None: :func:`_window_python` then.
_META: Any = _accel.load("meta")


def _shows_date(el: HtmlElement) -> bool:
    if el.tag != "time":
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not _DATELINE_CLASS.search(names):
            return False
    if _in_chrome(el):
        return False
    text = text_of(el)
    if el.tag == "time":
        return bool(text) and _element_date(el) is not None
    return 0 < len(text) <= 120 and search_date(text) is not None


_NOW_NAMES = re.compile(
    r"(?:^|[\s_-])(?:now|current[-_]?(?:time|date)|server[-_]?time|render(?:ed)?[-_]?time)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_NOW_ATTRS = ("data-now", "data-server-time", "data-render-time", "data-rendered-at")


def page_now(doc: Document) -> DateValue | None:
    """The moment the page says it was rendered: a ``data-now``-like attribute of <html>
    or <body>, or a <time> named "now" / "current-time" (many sites print one in the
    header); None when the page does not say."""
    for el in (doc.root, first_child(doc.root, "body")):
        if el is None:
            continue
        for attr in _NOW_ATTRS:
            value = parse_date(_str(el.get(attr)))
            if value is not None:
                return value
    for el in islice(doc.root.iter("time"), _MAX_TIMES):
        if _NOW_NAMES.search(class_id(el)):
            found = _element_date(el)
            if found is not None:
                return found.value
    return None


def reference_time(doc: Document, ld: dict[str, Any] | None = None) -> DateValue | None:
    """The page's own "now", that relative dates ("2 hours ago") count back from: the
    rendering time the page states (:func:`page_now`), else its modification time, else
    its publication time (JSON-LD or <meta>: the page's own statements); None if none.
    Computed once per page."""
    if "reference_time" in doc.memo:
        value: DateValue | None = doc.memo["reference_time"]
        return value
    ld = ld if ld is not None else next(iter(doc.jsonld_of_type(*_ARTICLE_TYPES)), {})
    found = (
        page_now(doc),
        _value(_from_jsonld(ld, "dateModified") or _from_meta(doc, _MODIFIED_META)),
        _value(_from_jsonld(ld, "datePublished") or _from_meta(doc, _PUBLISHED_META)),
    )
    reference = next((v for v in found if v is not None), None)
    doc.memo["reference_time"] = reference
    return reference


def published_time(doc: Document) -> DateValue | None:
    """The article's publication time as its JSON-LD or <meta> states it, or None."""
    ld = next(iter(doc.jsonld_of_type(*_ARTICLE_TYPES)), {})
    return _value(_from_jsonld(ld, "datePublished") or _from_meta(doc, _PUBLISHED_META))


def not_before(value: DateValue | None, floor: DateValue | None) -> bool:
    """Whether ``value`` is not earlier than ``floor`` (a comment is not older than its
    article: "2 hours ago" counted back from the publication time is not a comment's date).
    Values of different kinds (date / naive / aware) are compared by day."""
    if value is None or floor is None:
        return True
    if (
        isinstance(value, datetime)
        and isinstance(floor, datetime)
        and (value.tzinfo is None) == (floor.tzinfo is None)
    ):
        return value >= floor
    day = value.date() if isinstance(value, datetime) else value
    floor_day = floor.date() if isinstance(floor, datetime) else floor
    return day >= floor_day


_ARTICLE_TYPES = ("NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "WebPage")


def _value(found: DateFound | None) -> DateValue | None:
    return found.value if found is not None else None


def day_first(doc: Document) -> bool:
    """Whether an ambiguous "09/06/2026" is 9 June on this page: its declared language is
    not English (US English, and English pages that say no more, read it month first)."""
    lang = (doc.language or doc.meta_first("og:locale", "content-language") or "").lower()
    return bool(lang) and not lang.startswith("en")


def find_dates(
    doc: Document, ld: dict[str, Any] | None, anchor: HtmlElement | None = None
) -> Dates:
    """The page's published and modified dates, most reliable evidence first.

    ``ld`` is the article's JSON-LD object (if any); ``anchor`` the headline element,
    used to prefer dates shown next to it over dates elsewhere in the page.
    """
    ld = ld or {}
    dmy = day_first(doc)
    published = _from_jsonld(ld, "datePublished") or _from_meta(doc, _PUBLISHED_META)
    modified = _from_jsonld(ld, "dateModified") or _from_meta(doc, _MODIFIED_META)
    published = published or _from_itemprop(doc, "datePublished")
    modified = modified or _from_itemprop(doc, "dateModified")
    if published is None or modified is None:
        time_published, time_modified = _from_time_elements(doc, anchor, day_first=dmy)
        published = published or time_published
        modified = modified or time_modified
    published = (
        published
        or _from_any_jsonld(doc, "datePublished")
        or _from_jsonld(ld, "dateCreated")
        or _from_datelines(doc, anchor, day_first=dmy)
    )
    modified = modified or _from_any_jsonld(doc, "dateModified")
    relative = None
    if published is None:  # "vor 2 Stunden": resolved against the page's "now", or raw
        reference = reference_time(doc, ld)
        if reference is not None:
            published = _from_datelines(doc, anchor, day_first=dmy, reference=reference)
        if published is None:
            relative = _relative_dateline(doc, anchor)
    return Dates(published=published, modified=modified, published_relative=relative)

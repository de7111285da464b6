"""Authors: people credited with the article, from JSON-LD, microdata, bylines and meta.

Sources are read in order of reliability and the first that names at least one
person wins: the article's JSON-LD ``author``; microdata ``itemprop=author``;
``rel=author`` links and byline elements near the headline; ``<meta name=author>``
and its cousins.  Every name goes through :func:`split_names` (a byline such as
"By A, B and C" gives three names) and :func:`is_person_name` (never "Staff",
an editor, a wire agency or the site itself), both in
:mod:`newsparse.extract.author_names`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import compress, repeat
from typing import Any, cast
from urllib.parse import urlsplit

from newsparse import _accel
from newsparse.document import Document
from newsparse.extract.author_names import (
    _ROLE_BEFORE,
    _SITE_FILLER,
    _fold,
    _tokens,
    clean_text,
    is_person_name,
    split_names,
)
from newsparse.extract.dates import CHROME_WORDS, chrome_names
from newsparse.extract.dom import (
    HtmlElement,
    ancestors,
    first_child,
    joined_text,
    name_matcher,
    norm_space,
    page_index,
    text_of,
)
from newsparse.models import Author

__all__ = [
    "AuthorsFound",
    "clean_text",
    "find_authors",
    "http_url",
    "is_person_name",
    "split_names",
    "text_memo",
]

#: Ten or more words and a full stop: a sentence of other text next to a byline.
_SENTENCE = re.compile(r"(?:\b[A-Za-z][a-z']*,?\s+){9,}[a-z]+[.!?]")


# ------------------------------------------------------------------ the page


@dataclass
class AuthorsFound:
    """The authors of a page and the byline element that shows them."""

    authors: list[Author] = field(default_factory=list)
    nodes: list[HtmlElement] = field(default_factory=list)
    source: str | None = None


def _site_tokens(doc: Document, publisher: str | None) -> list[list[str]]:
    out: list[list[str]] = []
    for raw in (publisher, doc.meta_first("og:site_name"), doc.meta_first("application-name")):
        if raw:
            toks = _tokens(raw)
            if toks:
                out.append(toks)
    return out


_ORG_TYPES = frozenset(
    {
        "Organization",
        "NewsMediaOrganization",
        "Corporation",
        "Brand",
        "WebSite",
        "WebPage",
        "OnlineBusiness",
        "LocalBusiness",
        "GovernmentOrganization",
    }
)


def _jsonld_index(doc: Document) -> dict[str, dict[str, Any]]:
    index: dict[str, dict[str, Any]] = {}
    for obj in doc.jsonld:
        ident = obj.get("@id")
        if isinstance(ident, str):
            index.setdefault(ident, obj)
    return index


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    return {x for x in (t if isinstance(t, list) else [t]) if isinstance(x, str)}


def _ld_people(doc: Document, value: Any, limit: int) -> Iterator[tuple[str, str | None]]:
    """(name text, url) pairs of a JSON-LD author value, in order."""
    items = value if isinstance(value, list) else [value]
    index: dict[str, dict[str, Any]] | None = None
    for item in items[: limit * 4]:
        if isinstance(item, str):
            yield item, None
        elif isinstance(item, dict):
            if set(item) <= {"@id", "@type"} and isinstance(item.get("@id"), str):
                if index is None:
                    index = _jsonld_index(doc)
                item = index.get(item["@id"], item)
            if _types(item) & _ORG_TYPES:
                continue
            name = item.get("name")
            if isinstance(name, list):
                name = next((n for n in name if isinstance(n, str)), None)
            if not isinstance(name, str):
                given, family = item.get("givenName"), item.get("familyName")
                if isinstance(given, str) and isinstance(family, str):
                    name = f"{given} {family}"
            url = item.get("url")
            if isinstance(url, list):
                url = next((u for u in url if isinstance(u, str)), None)
            if isinstance(name, str):
                yield name, url if isinstance(url, str) else None


def _visible_text(doc: Document) -> str:
    body = first_child(doc.root, "body")
    return _fold(text_of(body if body is not None else doc.root))


class _Shown:
    """Whether a name is shown in the page's visible text (computed once, when needed)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text: str | None = None

    def __call__(self, name: str) -> bool:
        if self.text is None:
            self.text = _visible_text(self.doc)
        return re.search(r"\b" + re.escape(_fold(name)) + r"\b", self.text) is not None


def _plausible(name: str, site: list[list[str]], shown: _Shown, bylines: set[str]) -> bool:
    """Whether a name read from structured data (JSON-LD, meta) is credible.

    A name equal to the site's name is kept only when a visible byline gives it (a
    personal blog); one that shares a word with it ("Altcoin Trader" on an altcoin
    site) only when the page shows it somewhere.
    """
    toks = _tokens(name)
    for words in site:
        core = set(words) - _SITE_FILLER
        if core and set(toks) == core:
            return " ".join(toks) in bylines
    long_toks = [t for t in toks if len(t) >= 4]
    joined = ["".join(s) for s in site]
    return not any(t in j for t in long_toks for j in joined) or shown(name)


def _from_jsonld(
    doc: Document, ld: dict[str, Any], site: list[list[str]], shown: _Shown, bylines: set[str]
) -> list[Author]:
    value = ld.get("author")
    if value is None:
        value = ld.get("creator")
    if value is None:
        return []
    authors: list[Author] = []
    for raw, url in _ld_people(doc, value, doc.limits.max_authors):
        for name in split_names(raw, structured=True):
            if _plausible(name, site, shown, bylines):
                authors.append(Author(name=name, url=_safe_url(doc, url)))
    return authors


def http_url(doc: Document, url: object) -> str | None:
    """``url`` made absolute against the page, if it is an http(s) URL; None otherwise
    (including URLs that do not even parse, such as "http://[bad")."""
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    try:
        if url.lower().startswith(("http://", "https://")):
            urlsplit(url)  # raises on "http://[bad"
            return url
        absolute = doc.absolute(url)
    except ValueError:
        return None
    if absolute and absolute.startswith(("http://", "https://")):
        return absolute
    return None


def _safe_url(doc: Document, url: str | None) -> str | None:
    absolute = http_url(doc, url)
    if (
        absolute
        and absolute.startswith(("http://", "https://"))
        and "email-protection" not in absolute
    ):
        return absolute
    return None


#: Words of class, id, rel or itemprop names that mark a byline (none holds a space,
#: so a word is found in the four names joined by spaces exactly when it is in one).
_BYLINE_WORDS = ("byline", "author", "posted-by", "writer", "creator")
_BYLINE_ATTR = re.compile("|".join(_BYLINE_WORDS), re.IGNORECASE)
_AUTHOR_HREF = re.compile(r"/(?:authors?|writers?)/|[?&]author=", re.IGNORECASE)
_BY_TEXT = re.compile(r"\s*(?:By|BY|by)\s")
_NO_BYLINE_TAGS = frozenset(
    {"img", "link", "script", "style", "svg", "picture", "body", "noscript", "template"}
)


_MAX_CANDIDATES = 200
"""At most this many byline-looking elements are read per page."""
_FAR_AFTER_HEADLINE = 4000
_NEAR_HEADLINE = 150
"""Bylines known only by their text ("By ...") or an author-page link must come this
many elements after the headline at most."""


def _weak_cue(el: HtmlElement, attrib: dict[str, str] | None) -> bool:
    """A link to an author page, or text starting with "By " (``attrib``: the element's
    attributes from the page index)."""
    href = attrib.get("href") if attrib else None
    if href and _AUTHOR_HREF.search(href):
        return True
    text = el.text
    return bool(text and _BY_TEXT.match(text))


_NOT_BYLINE = re.compile(
    CHROME_WORDS + r"|author-?box|author-?bio|about-?author|author-?info|author-?card|"
    r"author-?desc|author-?avatar|avatar|author-?image|author-?photo|author-?social|editor|"
    r"reviewer|reviewed|fact-?check|(?:^|[\s_-])follow(?:$|[\s_-])"
)


_not_byline = name_matcher(_NOT_BYLINE)


def _chrome(el: HtmlElement, known: dict[HtmlElement, bool] | None = None) -> bool:
    """Whether ``el`` sits in page chrome: the nearest of it and its ancestors that is a
    footer/aside/nav or has a chrome name, before an article, main or the body.

    ``known`` holds the answers for elements seen before in one search (a node's answer
    is its own, else its parent's): the many bylines of a comment list share ancestors.
    """
    path: list[HtmlElement] = []
    node: HtmlElement | None = el
    found = False
    while node is not None:
        if known is not None and node in known:
            found = known[node]
            break
        path.append(node)
        if node.tag in ("footer", "aside", "nav"):
            found = True
            break
        if node.tag in ("body", "html", "article", "main"):
            break
        if _not_byline(chrome_names(node)):
            found = True
            break
        node = node.getparent()
    if known is not None:
        known.update(dict.fromkeys(path, found))
    return found


def _cue_elements(doc: Document) -> set[HtmlElement]:
    """The page's elements whose class, id, rel or itemprop names a byline: one of them
    holds a word of :data:`_BYLINE_ATTR` (no word holds a space, so this is the same as
    searching the four joined by spaces).  Runs the compiled scan
    (:mod:`newsparse._accel.scan`) where it was built, else
    :func:`_cue_elements_python`; the two give the same set."""
    if _SCAN is not None:
        return cast("set[HtmlElement]", _SCAN.cues(page_index(doc).elements))
    return _cue_elements_python(doc)


def _cue_elements_python(doc: Document) -> set[HtmlElement]:
    """:func:`_cue_elements` in Python, the compiled scan's reference.  The distinct
    values of each attribute are matched together (:func:`_naming_values`), and the
    elements are picked out by C-level loops (``map``, ``compress``), not a Python step
    per element."""
    attrs = page_index(doc).attrs
    holders = list(attrs)
    found: set[HtmlElement] = set()
    for name in ("class", "id", "rel", "itemprop"):
        values: list[str | None] = list(map(dict.get, attrs.values(), repeat(name)))
        named = _naming_values(values)
        if named:
            found.update(compress(holders, map(named.__contains__, values)))
    return found


def _naming_values(values: Iterable[str | None]) -> set[str]:
    """The values that :data:`_BYLINE_ATTR` finds a byline word in.

    ASCII values (nearly all) are joined with NULs, lower-cased and searched for each
    word with ``str.find``: for ASCII text ``re.IGNORECASE`` only pairs A-Z with a-z, so
    this finds the same values as the pattern; other values are matched one by one.
    """
    distinct = set(values)  # set operations, not a Python step per value
    distinct.discard(None)
    distinct.discard("")
    joined = "\x00".join(cast("set[str]", distinct))
    if not joined.isascii() or joined.count("\x00") != len(distinct) - 1:
        return {v for v in distinct if v and _BYLINE_ATTR.search(v)}
    lowered = joined.lower()
    named: set[str] = set()
    for word in _BYLINE_WORDS:
        at = lowered.find(word)
        while at >= 0:
            start = lowered.rfind("\x00", 0, at) + 1
            end = lowered.find("\x00", at)
            end = len(lowered) if end < 0 else end
            named.add(joined[start:end])
            at = lowered.find(word, end)
    return named


def _search_span(
    doc: Document, anchor: HtmlElement | None
) -> tuple[list[HtmlElement], int | None, int]:
    """The body's elements (in document order), the headline's position in them (None
    without a headline or when it is outside the body) and where the search stops."""
    body = first_child(doc.root, "body")
    index = page_index(doc)
    elements = index.descendants(body) if body is not None else index.elements
    at: int | None = None
    if anchor is not None:
        try:
            at = elements.index(anchor)
        except ValueError:  # the headline is outside the body
            at = None
    end = len(elements) if at is None else min(len(elements), at + _FAR_AFTER_HEADLINE + 1)
    return elements, at, end


def _byline_candidates(doc: Document, anchor: HtmlElement | None) -> list[HtmlElement]:
    """Byline-looking elements outside page chrome; those after the headline first.

    Elements with only a weak cue (a "By " text, an author-page link) count only shortly
    after the headline; none counts inside another <article> than the headline's (a
    teaser card) or very far after the headline.  Runs the compiled scan
    (:mod:`newsparse._accel.scan`) where it was built, else
    :func:`_byline_candidates_python`; the two give the same list."""
    if _SCAN is None:
        return _byline_candidates_python(doc, anchor)
    elements, at, end = _search_span(doc, anchor)
    first_after = 0 if anchor is None else len(elements) if at is None else at + 1
    own_articles = (
        {a for a in ancestors(anchor) if a.tag == "article"} if anchor is not None else set()
    )
    found = _SCAN.candidates(elements, -1 if at is None else at, end, first_after, own_articles)
    return cast("list[HtmlElement]", found)


def _byline_candidates_python(doc: Document, anchor: HtmlElement | None) -> list[HtmlElement]:
    """:func:`_byline_candidates` in Python, the compiled scan's reference.  Only the
    elements with a cue are visited: those of :func:`_cue_elements`, and the few just
    after the headline."""
    index = page_index(doc)
    elements, at, end = _search_span(doc, anchor)
    cues = _cue_elements_python(doc)
    # the positions of the cue elements, by C-level loops over the element list
    visit = set(compress(range(end), map(cues.__contains__, elements)))
    near = range(0)  # where weak cues count: just after the headline
    if at is not None:
        visit.discard(at)
        near = range(at + 1, min(end, at + _NEAR_HEADLINE + 1))
        visit.update(near)
    # "after" the headline; all of them without one, none when it is outside the list
    first_after = 0 if anchor is None else len(elements) if at is None else at + 1
    before: list[HtmlElement] = []
    after: list[HtmlElement] = []
    chrome: dict[HtmlElement, bool] = {}
    own_articles = (
        {a for a in ancestors(anchor) if a.tag == "article"} if anchor is not None else set()
    )
    for i in sorted(visit):
        el = elements[i]
        if el.tag in _NO_BYLINE_TAGS:
            continue
        if el not in cues and not (i in near and _weak_cue(el, index.attrs.get(el))):
            continue
        if own_articles and _in_other_article(el, own_articles):
            continue
        if not _chrome(el, chrome):
            (after if i >= first_after else before).append(el)
            if len(after) >= _MAX_CANDIDATES:
                break
    return (after + before)[:_MAX_CANDIDATES]


def _in_other_article(el: HtmlElement, own: set[HtmlElement]) -> bool:
    for node in ancestors(el):
        if node.tag == "article":
            return node not in own
    return False


def _compiled_scan() -> Any:
    """The compiled twin of the byline scans, set up with this module's patterns and
    tests, or None where it is not built (see :mod:`newsparse._accel`) or was written
    for other patterns than this module's."""
    module = _accel.load("scan")
    if module is None:
        return None
    ours = (_BYLINE_ATTR, _AUTHOR_HREF, _BY_TEXT)
    theirs = (module.BYLINE_ATTR, module.AUTHOR_HREF, module.BY_TEXT)
    if [(p.pattern, p.flags) for p in ours] != [(p.pattern, p.flags) for p in theirs]:
        return None  # a pattern changed here, not in the scan's C tests: Python decides
    return module.BylineScan(
        byline_attr=_BYLINE_ATTR.search, author_href=_AUTHOR_HREF.search,
        by_text=_BY_TEXT.match, no_byline_tags=_NO_BYLINE_TAGS,
        in_other_article=_in_other_article, chrome=_chrome,
        max_candidates=_MAX_CANDIDATES, near=_NEAR_HEADLINE,
    )  # fmt: skip


_SCAN = _compiled_scan()


_BY_BEFORE = re.compile(r"\bby\s*:?\s*$", re.IGNORECASE)


def _credited_otherwise(
    el: HtmlElement, name: str, text: Callable[[HtmlElement], str] = text_of
) -> bool:
    """True when the text just before ``name`` credits another role ("Edited by").

    ``text``: :func:`text_of`, or a memo of it shared by the names of one search."""
    node: HtmlElement | None = el
    for _ in range(3):
        if node is None:
            break
        text_ = text(node)
        idx = text_.find(name)
        if idx > 0 and len(text_) <= 300:
            prefix = text_[max(0, idx - 40) : idx]
            if _ROLE_BEFORE.search(prefix):
                return True
            if _BY_BEFORE.search(prefix):
                return False
        node = node.getparent()
    return False


#: Interface text that looks like a byline: "More <name>" / "More by <name>" (a link to
#: other stories), "By clicking/signing up ..." (a consent line), "Follow <name>".
_UI_TEXT = re.compile(
    r"\s*(?:more(?:\s+(?:by|from|stories|articles|posts))?\s|follow\s|"
    r"by\s+[a-z]+ing\b|mehr\s+von\s|plus\s+de\s)",
    re.IGNORECASE,
)
_NAME_BOUNDARY = frozenset(
    {"a", "li", "div", "p", "br", "dd", "dt", "h2", "h3", "h4", "h5", "h6", "ul", "ol"}
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "button"})


def _name_text(el: HtmlElement) -> str:
    """The element's text with a comma at link and block boundaries, so that adjacent
    links ("<a>Jane Doe</a><a>John Roe</a>") stay two names."""
    if not len(el):  # no child node: the walk would read el.text only
        return "" if el.tag in _SKIP_TAGS else norm_space(el.text)
    return joined_text(el, _NAME_BOUNDARY, _SKIP_TAGS, " , ", max_parts=400)


def _element_names(el: HtmlElement, text_of: Callable[[HtmlElement], str] = text_of) -> list[str]:
    name_el = None
    if el.get("itemscope") is not None:
        name_el = next((n for n in el.iter() if n.get("itemprop") == "name" and n is not el), None)
    if name_el is not None and name_el.get("content"):
        text = norm_space(name_el.get("content"))
    elif el.tag == "meta":
        text = norm_space(el.get("content"))
    else:
        text = _name_text(name_el if name_el is not None else el)
    if not text or len(text) > 200 or _UI_TEXT.match(text.lstrip(" ,;|")):
        return []
    return [n for n in split_names(text) if not _credited_otherwise(el, n, text_of)]


def _link_of(el: HtmlElement, name: str) -> str | None:
    for a in (el, *el.iter("a")):
        href = a.get("href")
        if a.tag == "a" and href and name in text_of(a):
            return str(href)
    for a in ancestors(el):
        href = a.get("href")
        if a.tag == "a" and href:
            return str(href)
        if a.tag not in ("span", "strong", "b", "em"):
            break
    return None


def text_memo() -> Callable[[HtmlElement], str]:
    """:func:`text_of` reading each element's text once: for one search, or one metadata
    read (the byline, dateline and standfirst searches read the same few elements).
    Valid while the tree does not change."""
    texts: dict[HtmlElement, str] = {}

    def text(node: HtmlElement) -> str:
        found = texts.get(node)
        if found is None:
            found = texts[node] = text_of(node)
        return found

    return text


def _from_markup(
    doc: Document, anchor: HtmlElement | None, text: Callable[[HtmlElement], str]
) -> tuple[list[Author], list[HtmlElement]]:
    """The names of the byline elements and the byline container; ``text``: a
    :func:`text_memo`."""
    found = _byline_candidates(doc, anchor)
    # invisible <meta itemprop=author> only when no visible byline names anyone
    candidates = [c for c in found if c.tag != "meta"] + [c for c in found if c.tag == "meta"]
    authors: list[Author] = []
    nodes: list[HtmlElement] = []
    seen: set[str] = set()
    container: HtmlElement | None = None
    inside: set[HtmlElement] = set()  # the container and everything in it (a byline)
    for el in candidates:
        if container is not None and el not in inside:
            continue
        names = _element_names(el, text)
        if not names:
            continue
        if container is None:
            container = byline_container(el, anchor, text)
            inside = set(container.iter())
        for name in names:
            key = _fold(name)
            if key in seen:
                continue
            seen.add(key)
            authors.append(Author(name=name, url=_safe_url(doc, _link_of(el, name))))
        nodes.append(el)
    if (
        container is None
        or not authors
        or _fold(authors[0].name) not in _fold(_name_text(container))
    ):
        return authors, []  # names only in invisible markup (<meta itemprop>): no node
    return authors, [container]


def byline_container(
    el: HtmlElement,
    anchor: HtmlElement | None,
    text_of: Callable[[HtmlElement], str] = text_of,
) -> HtmlElement:
    """The largest element around ``el`` that is still only a byline / dateline.

    Climbing stops before an element that holds the headline, a paragraph or sentence
    of other text, or more than a couple of hundred characters.  ``text_of``: the
    function of that name, or a memo of it shared within one search.
    """
    best = el
    best_text = text_of(el)
    best_len = len(best_text)
    node = el.getparent()
    while node is not None and node.tag not in ("body", "html", "article", "main"):
        if anchor is not None and (node is anchor or any(a is node for a in ancestors(anchor))):
            break
        text = text_of(node)
        if len(text) > 220 or len(text) - best_len > 160:
            break
        around_best = set(ancestors(best))
        if any(
            p is not best and p not in around_best and len(text_of(p)) > 60
            for p in node.iter("p", "h2", "h3", "h4", "blockquote", "li")
        ):
            break
        if _SENTENCE.search(text.replace(best_text, " ", 1)):
            break
        best, best_text, best_len = node, text, len(text)
        node = node.getparent()
    return best


def _from_meta(
    doc: Document, site: list[list[str]], shown: _Shown, bylines: set[str]
) -> list[Author]:
    for key in (
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "dcterms.creator",
        "byl",
        "citation_author",
    ):
        for raw in doc.meta.get(key, ()):
            if raw.startswith(("http://", "https://", "/")):
                continue
            names = [
                n for n in split_names(raw, structured=True) if _plausible(n, site, shown, bylines)
            ]
            if names:
                return [Author(name=n) for n in names]
    head = first_child(doc.root, "head")
    for link in head.iter("link") if head is not None else ():
        if "author" in (link.get("rel") or "").lower().split() and link.get("title"):
            names = [
                n
                for n in split_names(link.get("title") or "", structured=True)
                if _plausible(n, site, shown, bylines)
            ]
            if names:
                return [Author(name=n, url=_safe_url(doc, link.get("href"))) for n in names]
    return []


def _dedupe(authors: list[Author], limit: int) -> list[Author]:
    out: dict[str, Author] = {}
    for author in authors:
        key = " ".join(_tokens(author.name))
        if key in out:
            if out[key].url is None and author.url:
                out[key] = Author(name=out[key].name, url=author.url)
            continue
        out[key] = author
        if len(out) >= limit:
            break
    return list(out.values())


def find_authors(
    doc: Document,
    ld: dict[str, Any] | None,
    *,
    publisher: str | None = None,
    anchor: HtmlElement | None = None,
    text: Callable[[HtmlElement], str] | None = None,
) -> AuthorsFound:
    """The article's authors and the byline element showing them.

    ``ld`` is the article's JSON-LD object; ``publisher`` the site name (authors that
    merely repeat it are dropped); ``anchor`` the headline element; ``text`` a
    :func:`text_memo` shared with the caller (a new one by default).
    """
    site = _site_tokens(doc, publisher)
    limit = doc.limits.max_authors
    markup, nodes = _from_markup(doc, anchor, text or text_memo())
    bylines = {" ".join(_tokens(a.name)) for a in markup}
    shown = _Shown(doc)
    if ld:
        authors = _dedupe(_from_jsonld(doc, ld, site, shown, bylines), limit)
        if authors:
            keys = {" ".join(_tokens(a.name)) for a in authors}
            if keys < bylines:
                # the visible byline names everyone structured data names, and more
                merged = _with_urls(_dedupe(markup, limit), authors)
                return AuthorsFound(authors=merged, nodes=nodes, source="markup")
            return AuthorsFound(authors=_with_urls(authors, markup), nodes=nodes, source="jsonld")
    if markup:
        return AuthorsFound(authors=_dedupe(markup, limit), nodes=nodes, source="markup")
    authors = _dedupe(_from_meta(doc, site, shown, bylines), limit)
    return AuthorsFound(authors=authors, nodes=nodes if authors else [], source="meta")


def _with_urls(authors: list[Author], markup: list[Author]) -> list[Author]:
    urls = {" ".join(_tokens(a.name)): a.url for a in markup if a.url}
    return [
        a if a.url else Author(name=a.name, url=urls.get(" ".join(_tokens(a.name))))
        for a in authors
    ]

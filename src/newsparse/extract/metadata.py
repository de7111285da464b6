"""Article metadata: title, authors, dates, publisher, language, canonical URL, tags, image.

One small function per field, each reading the Document's JSON-LD, meta and
markup evidence in order of reliability.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from newsparse.document import Document
from newsparse.extract.dom import HtmlElement, norm_space, text_of
from newsparse.models import Author

__all__ = ["Metadata", "extract_metadata"]

_ARTICLE_TYPES = (
    "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "TechArticle", "LiveBlogPosting", "WebPage",
)


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


def _article_ld(doc: Document) -> dict[str, Any] | None:
    return next(doc.jsonld_of_type(*_ARTICLE_TYPES), None)


def _str(value: Any) -> str | None:
    if isinstance(value, str):
        return norm_space(value) or None
    return None


def extract_title(doc: Document) -> tuple[str | None, HtmlElement | None]:
    """The displayed headline (and its element when found in the markup)."""
    h1s = [h for h in doc.root.iter("h1") if text_of(h)]
    candidates = [doc.meta_first("og:title", "twitter:title")]
    ld = _article_ld(doc)
    if ld:
        candidates.append(_str(ld.get("headline")))
    for h1 in h1s:
        text = text_of(h1)
        if any(c and norm_space(c) == text for c in candidates):
            return text, h1
    if h1s:
        return text_of(h1s[0]), h1s[0]
    for cand in candidates:
        if cand:
            return cand, None
    title = doc.root.find(".//title")
    return (text_of(title) or None) if title is not None else None, None


def parse_date(value: str | None) -> datetime | date | None:
    """An ISO 8601 date or datetime string, leniently; None when it is not one."""
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) <= 10:
            return date.fromisoformat(value)
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed


def extract_dates(doc: Document) -> tuple[str | None, str | None]:
    """Raw published and modified strings."""
    ld = _article_ld(doc) or {}
    published = _str(ld.get("datePublished")) or doc.meta_first(
        "article:published_time", "datepublished", "pubdate", "date"
    )
    modified = _str(ld.get("dateModified")) or doc.meta_first(
        "article:modified_time", "datemodified", "og:updated_time"
    )
    if published is None:
        time_el = next(doc.root.iter("time"), None)
        if time_el is not None:
            published = time_el.get("datetime")
    return published, modified


def extract_authors(doc: Document) -> list[Author]:
    """The article's authors."""
    ld = _article_ld(doc) or {}
    raw = ld.get("author")
    items = raw if isinstance(raw, list) else [raw] if raw else []
    authors = []
    for item in items:
        if isinstance(item, dict):
            name = _str(item.get("name"))
            if name:
                authors.append(Author(name=name, url=doc.absolute(_str(item.get("url")))))
        elif isinstance(item, str) and norm_space(item):
            authors.append(Author(name=norm_space(item)))
    if not authors:
        name = doc.meta_first("author")
        if name:
            authors.append(Author(name=name))
    return authors[: doc.limits.max_authors]


def extract_metadata(doc: Document) -> Metadata:
    """All metadata fields of ``doc``."""
    ld = _article_ld(doc) or {}
    title, title_node = extract_title(doc)
    published_raw, modified_raw = extract_dates(doc)
    publisher = ld.get("publisher")
    canonical = doc.links.get("canonical")
    keywords = doc.meta.get("article:tag", [])
    return Metadata(
        title=title,
        title_node=title_node,
        nodes=[title_node] if title_node is not None else [],
        description=doc.meta_first("description", "og:description", "twitter:description"),
        authors=extract_authors(doc),
        published=parse_date(published_raw),
        published_raw=published_raw,
        modified=parse_date(modified_raw),
        modified_raw=modified_raw,
        publisher=_str(publisher.get("name")) if isinstance(publisher, dict) else None
        or doc.meta_first("og:site_name"),
        language=doc.language or doc.meta_first("og:locale", "content-language"),
        canonical_url=doc.absolute(canonical[0]) if canonical else doc.meta_first("og:url"),
        tags=list(dict.fromkeys(keywords)),
        image=doc.absolute(doc.meta_first("og:image", "twitter:image")),
    )

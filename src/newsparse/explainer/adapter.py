"""The one place provenance reads the extractors' own results and internals.

Everything else in :mod:`newsparse.explain` works from what these functions return
(plain elements, numbers and strings), so when an extractor's interface changes
(the main content as a region of several roots, candidate scores and drop reasons
reported by the content step itself...) only this module is re-wired.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsparse.document import Document
from newsparse.extract import content as _content
from newsparse.extract.authors import find_authors
from newsparse.extract.dates import DateFound, find_dates
from newsparse.extract.dom import Claim, HtmlElement, page_index
from newsparse.extract.metadata import Metadata, extract_publisher, extract_title, main_jsonld

__all__ = [
    "Scored",
    "Trace",
    "claimed_by",
    "content_roots",
    "content_scores",
    "drop_reason",
    "dropped_elements",
    "is_hidden",
    "metadata_evidence",
    "widget_box",
]


@dataclass
class Trace:
    """What one parse decided, kept for :func:`newsparse.explainer.build_provenance`.

    The parser fills it only when asked to explain; a plain parse makes none."""

    doc: Document
    """The parsed page."""
    claims: dict[str, Claim[Any]] = field(default_factory=dict)
    """Each widget extractor's claim, by Article field ("comments", "tickers"...)."""
    meta: Metadata | None = None
    """The metadata step's result."""
    main: _content.MainContent | None = None
    """The main-content step's result."""
    skip: set[HtmlElement] = field(default_factory=set)
    """Elements claimed by widgets and metadata, left out of the content."""
    block_sources: list[HtmlElement | None] = field(default_factory=list)
    """The element each body block was read from, in body order."""


@dataclass(frozen=True)
class Scored:
    """A content candidate with the scorer's figures."""

    element: HtmlElement
    score: float
    text: int
    links: int


@dataclass(frozen=True)
class Evidence:
    """The metadata extractors' element-level findings, re-read for provenance."""

    title_node: HtmlElement | None
    published: DateFound | None
    modified: DateFound | None
    author_nodes: list[HtmlElement]
    author_source: str | None
    metadata_nodes: list[HtmlElement]


@dataclass(frozen=True)
class Scores:
    """What the content scorer found, for the main-content decision's provenance."""

    candidates: list[Scored]
    """The best-scored candidates, best first, the chosen root(s) included."""
    best: Scored | None
    """The best candidate by score alone."""
    hints: dict[HtmlElement, int]
    """Each scored element's name hint: +2/+1 content, -1 boilerplate."""
    link_share: dict[HtmlElement, float]
    """Each scored element's share of text inside links."""
    author_links: set[HtmlElement]
    """Author-profile links (the box around one is dropped as an author box)."""
    form_controls: set[HtmlElement]
    """Form controls (the box around one is dropped as a form)."""


def content_roots(trace: Trace) -> list[HtmlElement]:
    """The chosen main-content region's roots, in page order."""
    main = trace.main
    return list(main.roots) if main is not None else []


def dropped_elements(trace: Trace) -> set[HtmlElement]:
    """Elements the content step left out of the body (boilerplate, hidden...)."""
    main = trace.main
    return set(main.boilerplate) if main is not None else set()


def drop_reason(trace: Trace, el: HtmlElement) -> str | None:
    """Why the content step itself left ``el`` out ("teaser-list", "share-bar",
    "hinted-boilerplate"...: ``find_main_content(..., explain=True)``), or None."""
    main = trace.main
    return main.dropped.get(el) if main is not None else None


def content_scores(trace: Trace, limit: int = 8) -> Scores:
    """Re-run the content scorer (only when explaining) for the figures of its
    candidates (text, links, hints) that ``MainContent.candidates`` does not carry."""
    doc = trace.doc
    body = doc.root.find("body")
    if body is None:
        body = doc.root
    scorer = _content._Scorer(body, trace.skip, _content._jsonld_body(doc), page_index(doc))
    scorer.visit(body, [0, 0, 0, None, False], False, False)
    stats = scorer.stats
    ranked = sorted(stats.items(), key=_content._rank, reverse=True)
    scored = {el: Scored(el, round(s.value, 1), s.text, s.links) for el, s in ranked[:limit]}
    for root in content_roots(trace):
        stat = stats.get(root)
        if root not in scored and stat is not None:
            scored[root] = Scored(root, round(stat.value, 1), stat.text, stat.links)
    return Scores(
        candidates=list(scored.values()),
        best=scored[ranked[0][0]] if ranked else None,
        hints={el: s.hint for el, s in stats.items()},
        link_share={el: s.links / s.text for el, s in stats.items() if s.text},
        author_links=set(scorer.author_links),
        form_controls=set(scorer.form_controls),
    )


def metadata_evidence(trace: Trace) -> Evidence:
    """The headline, date and byline elements the metadata step used (the date and
    author searches are re-run: their elements are not kept by a parse)."""
    doc = trace.doc
    meta = trace.meta
    ld = main_jsonld(doc)
    title_node = meta.title_node if meta is not None else None
    if meta is None:
        publisher = extract_publisher(doc, ld)
        title_node = extract_title(doc, ld, [publisher] if publisher else [])[1]
    dates = find_dates(doc, ld, title_node)
    authors = find_authors(doc, ld, publisher=meta.publisher if meta else None, anchor=title_node)
    return Evidence(
        title_node=title_node,
        published=dates.published,
        modified=dates.modified,
        author_nodes=list(authors.nodes),
        author_source=authors.source,
        metadata_nodes=list(meta.nodes) if meta is not None else [],
    )


def widget_box(trace: Trace, name: str) -> list[HtmlElement]:
    """The elements widget ``name`` claimed (its box or boxes)."""
    claim = trace.claims.get(name)
    return list(claim.nodes) if claim is not None else []


def claimed_by(trace: Trace) -> dict[HtmlElement, str]:
    """Every claimed element with what claimed it ("comments", "metadata"...)."""
    out: dict[HtmlElement, str] = {}
    for name, claim in trace.claims.items():
        for el in claim.nodes:
            out.setdefault(el, name)
    if trace.meta is not None:
        for el in trace.meta.nodes:
            out.setdefault(el, "metadata")
    return out


def is_hidden(el: HtmlElement) -> bool:
    """Whether ``el`` is hidden by its attributes (hidden, aria-hidden, display:none)."""
    style = (el.get("style") or "").replace(" ", "").lower()
    return (
        el.get("hidden") is not None
        or el.get("aria-hidden") == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )

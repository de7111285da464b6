"""The Parser: options, the stages in order, the Article built at the end.

Stages (see ARCHITECTURE.md): load the Document once; let the widget
extractors claim their regions; choose the main content leaving claimed and
boilerplate elements out; walk it into Blocks; derive sections, text and
mentions; read metadata; validate everything into an Article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsparse.document import Document, Limits, load
from newsparse.errors import ExtractionError, NewsparseError
from newsparse.extract.blocks import to_blocks
from newsparse.extract.comments import extract_comments
from newsparse.extract.content import find_main_content, region_walks
from newsparse.extract.disclaimer import extract_disclaimer
from newsparse.extract.dom import Claim, HtmlElement, page_index
from newsparse.extract.mentions import find_mentions
from newsparse.extract.metadata import extract_metadata
from newsparse.extract.sections import build_sections
from newsparse.extract.takeaways import extract_takeaways
from newsparse.extract.tickers import extract_tickers
from newsparse.models import Article, Mentions
from newsparse.render import blocks_text

__all__ = ["WIDGETS", "Parser"]

#: The widget extractors, by the Article field they fill, in the order they claim.
WIDGETS: dict[str, Callable[[Document], Claim[Any]]] = {
    "comments": extract_comments,
    "tickers": extract_tickers,
    "takeaways": extract_takeaways,
    "disclaimer": extract_disclaimer,
}


@dataclass(frozen=True)
class Parser:
    """Parses pages into Articles with fixed options; reusable and thread-safe.

    >>> parser = Parser(limits=Limits(max_bytes=5_000_000), widgets=False)
    >>> article = parser.parse("<html><body><h1>Hi</h1><p>Some text.</p></body></html>")
    """

    limits: Limits = field(default_factory=Limits)
    """Size and work limits per page."""

    widgets: bool = True
    """Run the widget extractors (takeaways, comments, tickers, disclaimer)."""

    mentions: bool = True
    """Find price and stock mentions in the body text."""

    def parse(
        self, html: object, url: str | None = None, *, encoding: str | None = None
    ) -> Article:
        """Parse one page (str, bytes in any encoding, or BeautifulSoup) into an Article.

        ``url`` resolves relative links and is stored; ``encoding`` is the charset the
        transport declared (e.g. the HTTP Content-Type), tried after a BOM.
        Raises a :class:`~newsparse.errors.NewsparseError` for input it cannot handle;
        an unexpected failure inside an extractor (a bug) is raised as
        :class:`~newsparse.errors.ExtractionError` naming the stage, with the cause chained.
        """
        doc = load(html, url, encoding=encoding, limits=self.limits)
        run = _Run()
        try:
            return self._extract(doc, run)
        except NewsparseError:
            raise
        except Exception as exc:  # a bug in an extractor: name the stage, keep the cause
            raise ExtractionError(run.stage, exc) from exc

    def _extract(self, doc: Document, run: _Run) -> Article:
        run.stage = "index"
        page_index(doc)  # built once, before the widgets: they reuse its element objects
        claimed: list[HtmlElement] = []
        found: dict[str, Any] = {}
        if self.widgets:
            for name, extractor in WIDGETS.items():
                run.stage = name
                claim = extractor(doc)
                found[name] = claim.value
                claimed.extend(claim.nodes)
        run.stage = "metadata"
        meta = extract_metadata(doc)
        skip: set[HtmlElement] = set(claimed)
        skip.update(meta.nodes)
        run.stage = "content"
        main = find_main_content(doc, skip)
        blocks = []
        if main.roots:
            run.stage = "blocks"
            leave_out = skip | main.boilerplate
            for node, others in region_walks(main.roots):
                blocks.extend(to_blocks(doc, node, leave_out | others if others else leave_out))
        run.stage = "article"
        text = blocks_text(blocks)
        return Article(
            url=doc.url,
            canonical_url=meta.canonical_url,
            title=meta.title,
            description=meta.description,
            authors=meta.authors,
            published=meta.published,
            published_raw=meta.published_raw,
            modified=meta.modified,
            modified_raw=meta.modified_raw,
            publisher=meta.publisher,
            language=meta.language,
            tags=meta.tags,
            image=meta.image,
            body=blocks,
            text=text,
            sections=build_sections(blocks),
            takeaways=found.get("takeaways", []),
            comments=found.get("comments", []),
            tickers=found.get("tickers", []),
            disclaimer=found.get("disclaimer"),
            mentions=find_mentions(text) if self.mentions else Mentions(),
        )


class _Run:
    """The stage a parse is in, for the error raised when an extractor fails."""

    __slots__ = ("stage",)

    def __init__(self) -> None:
        self.stage = "load"

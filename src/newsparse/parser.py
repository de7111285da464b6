"""The Parser: options, the stages in order, the Article built at the end.

Stages (see ARCHITECTURE.md): load the Document once; let the widget
extractors claim their regions; choose the main content leaving claimed and
boilerplate elements out; walk it into Blocks; derive sections, text and
mentions; read metadata; validate everything into an Article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsparse.document import Document, Limits, load
from newsparse.errors import ExtractionError, NewsparseError
from newsparse.extract.blocks import to_blocks
from newsparse.extract.comments import extract_comments
from newsparse.extract.content import find_main_content, region_walks
from newsparse.extract.disclaimer import extract_disclaimer
from newsparse.extract.dom import Claim, HtmlElement, page_index
from newsparse.extract.language import detect_language
from newsparse.extract.mentions import find_mentions
from newsparse.extract.metadata import extract_metadata
from newsparse.extract.sections import build_sections
from newsparse.extract.takeaways import extract_takeaways
from newsparse.extract.tickers import extract_tickers
from newsparse.models import Article, Mentions
from newsparse.provenance import Explanation
from newsparse.render import blocks_text

if TYPE_CHECKING:
    from newsparse.explainer import Trace

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

    def explain(
        self, html: object, url: str | None = None, *, encoding: str | None = None
    ) -> Explanation:
        """Parse one page like :meth:`parse` and say where each part of the Article came
        from: an :class:`~newsparse.provenance.Explanation` holding the Article and its
        :class:`~newsparse.provenance.Provenance` (the source element and signal of every
        metadata field, body block and widget record, and the main-content decision).

        Slower than :meth:`parse` (the provenance is worked out after the parse); raises
        what :meth:`parse` raises.
        """
        from newsparse.explainer import Trace, build_provenance

        doc = load(html, url, encoding=encoding, limits=self.limits)
        run = _Run()
        trace = Trace(doc)
        try:
            article = self._extract(doc, run, trace)
            run.stage = "explain"
            provenance = build_provenance(trace, article)
        except NewsparseError:
            raise
        except Exception as exc:  # a bug in an extractor: name the stage, keep the cause
            raise ExtractionError(run.stage, exc) from exc
        return Explanation(article=article, provenance=provenance)

    def _extract(self, doc: Document, run: _Run, trace: Trace | None = None) -> Article:
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
                if trace is not None:
                    trace.claims[name] = claim
        run.stage = "metadata"
        meta = extract_metadata(doc)
        skip: set[HtmlElement] = set(claimed)
        skip.update(meta.nodes)
        run.stage = "content"
        main = find_main_content(doc, skip, explain=trace is not None)
        blocks = []
        if main.roots:
            run.stage = "blocks"
            sources = trace.block_sources if trace is not None else None
            leave_out = skip | main.boilerplate
            for node, others in region_walks(main.roots):
                skipped = leave_out | others if others else leave_out
                blocks.extend(to_blocks(doc, node, skipped, sources=sources))
        if trace is not None:
            trace.meta, trace.main, trace.skip = meta, main, skip
        run.stage = "article"
        text = blocks_text(blocks)
        language, language_source = meta.language, "markup" if meta.language else None
        if language is None:
            run.stage = "language"
            language = detect_language(meta.title, text)
            language_source = "detected" if language else None
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
            language=language,
            language_source=language_source,
            encoding=doc.encoding,
            encoding_source=doc.encoding_source,
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

"""newsparse: news pages (crypto-news first) into typed, validated data.

>>> import newsparse
>>> article = newsparse.parse(html, url="https://example.com/news/1")
>>> article.title, article.published, [a.name for a in article.authors]
>>> print(article.to_markdown())
"""

from __future__ import annotations

from newsparse.batch import parse_many
from newsparse.document import Limits
from newsparse.errors import (
    EmptyInputError,
    ExtractionError,
    InputTooLargeError,
    NewsparseError,
    NotHTMLError,
    ParseTimeoutError,
    TooManyElementsError,
    UnsupportedInputError,
)
from newsparse.models import (
    Article,
    Author,
    Block,
    CodeBlock,
    Comment,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Mentions,
    Paragraph,
    PriceMention,
    Quote,
    Section,
    SectionNode,
    StockMention,
    Table,
    Takeaway,
    TickerQuote,
)
from newsparse.parser import Parser
from newsparse.provenance import (
    BlockSource,
    Candidate,
    ContentDecision,
    Dropped,
    Explanation,
    FieldProvenance,
    FieldSource,
    Provenance,
    WidgetRecord,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Author",
    "Block",
    "BlockSource",
    "Candidate",
    "CodeBlock",
    "Comment",
    "ContentDecision",
    "Dropped",
    "EmptyInputError",
    "Explanation",
    "ExtractionError",
    "FieldProvenance",
    "FieldSource",
    "Figure",
    "Heading",
    "InputTooLargeError",
    "Limits",
    "ListBlock",
    "ListItem",
    "Mentions",
    "NewsparseError",
    "NotHTMLError",
    "Paragraph",
    "ParseTimeoutError",
    "Parser",
    "PriceMention",
    "Provenance",
    "Quote",
    "Section",
    "SectionNode",
    "StockMention",
    "Table",
    "Takeaway",
    "TickerQuote",
    "TooManyElementsError",
    "UnsupportedInputError",
    "WidgetRecord",
    "__version__",
    "explain",
    "parse",
    "parse_many",
]

_DEFAULT = Parser()


def parse(html: object, url: str | None = None, *, encoding: str | None = None) -> Article:
    """Parse one article page into an :class:`Article` with the default :class:`Parser`.

    ``html`` is a ``str``, ``bytes`` in any encoding, or a ``bs4.BeautifulSoup``;
    ``url`` resolves relative links and is stored; ``encoding`` is a charset declared
    by the transport. Raises :class:`NewsparseError` (a ``ValueError``) subclasses for
    empty, oversized, non-HTML or unsupported input; a page without an article gives
    an Article with an empty body.
    """
    return _DEFAULT.parse(html, url, encoding=encoding)


def explain(html: object, url: str | None = None, *, encoding: str | None = None) -> Explanation:
    """Parse one page like :func:`parse` and say where each part of the Article came from.

    Returns an :class:`Explanation`: ``.article`` (what :func:`parse` returns) and
    ``.provenance``, a :class:`Provenance` with, for every metadata field, the page's
    sources of its value (JSON-LD key, ``<meta>`` tag, microdata, visible element) as
    XPath selectors; for every body block its source element; the main-content decision
    (chosen roots, scored candidates, dropped regions with their reason); and the element
    of every takeaway, comment (with its parent), ticker quote and the disclaimer.
    :func:`parse` computes none of this.

    >>> found = newsparse.explain(html)
    >>> found.provenance.of("title").sources[0].selector
    '/html/body/div[1]/main/article/header/h1'
    """
    return _DEFAULT.explain(html, url, encoding=encoding)

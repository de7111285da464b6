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

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Author",
    "Block",
    "CodeBlock",
    "Comment",
    "EmptyInputError",
    "ExtractionError",
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
    "Quote",
    "Section",
    "SectionNode",
    "StockMention",
    "Table",
    "Takeaway",
    "TickerQuote",
    "TooManyElementsError",
    "UnsupportedInputError",
    "__version__",
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

"""The data newsparse returns: pydantic models and nothing else.

Every model is immutable-by-convention plain data: it knows nothing of HTML or
of how it was extracted.  Raw values sit beside normalised ones where the
normalisation can lose information (dates, prices), as in zyte-common-items.

``Article.model_dump(mode="json")`` is the stable JSON shape: datetimes and
dates become ISO 8601 strings, ``Decimal`` values become strings.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

__all__ = [
    "Article",
    "Author",
    "Block",
    "CodeBlock",
    "Comment",
    "Figure",
    "Heading",
    "ListBlock",
    "ListItem",
    "Mentions",
    "Paragraph",
    "PriceMention",
    "Quote",
    "Section",
    "StockMention",
    "Table",
    "Takeaway",
    "TickerQuote",
]


def _when(value: object) -> object:
    """Read ISO strings as a date when they hold only a day, else as a datetime."""
    if isinstance(value, str):
        text = value.strip()
        if len(text) <= 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value


When = Annotated[datetime | date, BeforeValidator(_when)]
"""A datetime when the source gives a time (aware when it gives an offset), else a date."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, validate_assignment=False)


# --------------------------------------------------------------------- people


class Author(_Model):
    """A person credited as an author of the article."""

    name: str = Field(description="The author's display name, e.g. 'Aisha Okonkwo'.")
    url: str | None = Field(
        default=None, description="Absolute URL of the author's profile page, if linked."
    )


# --------------------------------------------------------------------- blocks


class Paragraph(_Model):
    """A paragraph of running text."""

    kind: Literal["paragraph"] = Field(default="paragraph", description="Block discriminator.")
    text: str = Field(
        description="Plain text, whitespace normalised; a <br> line break is a newline."
    )
    markdown: str = Field(
        description="The same text as inline Markdown (links, emphasis, code), escaped; "
        "a line break is a hard break (a backslash at the end of the line)."
    )


class Heading(_Model):
    """An in-body heading (h2-h6 in the page; h1 when the body repeats one)."""

    kind: Literal["heading"] = Field(default="heading", description="Block discriminator.")
    level: int = Field(ge=1, le=6, description="Heading level, 1-6, as in the page's hN tag.")
    text: str = Field(description="Plain text of the heading.")
    markdown: str = Field(description="The heading's inline Markdown (without the leading #s).")


class ListItem(_Model):
    """One item of a list: its own text, and the lists nested in it."""

    text: str = Field(
        description="Plain text of the item without its nested lists (may be empty when "
        "the item holds only a nested list); line breaks as newlines."
    )
    markdown: str = Field(description="Inline Markdown of the item, without its nested lists.")
    children: list[ListBlock] = Field(
        default_factory=list, description="Lists nested in this item, in page order."
    )


class ListBlock(_Model):
    """A bulleted or numbered list; items can hold nested lists."""

    kind: Literal["list"] = Field(default="list", description="Block discriminator.")
    ordered: bool = Field(description="True for a numbered list (<ol>).")
    items: list[ListItem] = Field(description="The items, in order.")

    def walk(self) -> Iterator[tuple[int, ListItem]]:
        """(depth, item) of every item, depth first in page order (top level: 0)."""
        for item in self.items:
            yield 0, item
            for child in item.children:
                for depth, sub in child.walk():
                    yield depth + 1, sub


class Quote(_Model):
    """A block quotation (<blockquote>), including embedded posts rendered as quotes."""

    kind: Literal["quote"] = Field(default="quote", description="Block discriminator.")
    text: str = Field(
        description="Plain text of the quotation, without its attribution; paragraphs "
        "separated by a blank line, line breaks by a newline."
    )
    markdown: str = Field(
        description="Markdown of the quotation's content (without the '> ' markers); "
        "paragraphs separated by a blank line."
    )
    cite: str | None = Field(
        default=None,
        description="The attribution: the text of a <footer> or <cite> inside the "
        "<blockquote> (leading dash dropped), else its cite attribute's URL.",
    )


class Table(_Model):
    """A data table."""

    kind: Literal["table"] = Field(default="table", description="Block discriminator.")
    rows: list[list[str]] = Field(
        description="Rows of cell texts: header rows first, then body rows, then footer "
        "rows. Spanning cells are expanded so that columns line up: a rowspan cell's text "
        "is repeated in each row it spans; a colspan cell's text is in its first column "
        "and the other columns it spans are empty strings."
    )
    header_rows: int = Field(
        default=0,
        ge=0,
        description="How many of the first rows are header rows (<thead>, else leading "
        "rows of <th> cells only); 0 when the table has none.",
    )
    footer_rows: int = Field(
        default=0,
        ge=0,
        description="How many of the last rows are footer rows (<tfoot>; a footer row that "
        "repeats the header is left out).",
    )
    caption: str | None = Field(default=None, description="The table's <caption>, if any.")


class Figure(_Model):
    """One image of the body (a <figure> of N images, a gallery, gives N Figures), or a
    caption alone."""

    kind: Literal["figure"] = Field(default="figure", description="Block discriminator.")
    src: str | None = Field(
        description="Absolute URL of the image: <img>, <amp-img>, <amp-anim> or "
        "<picture>/<source>, lazy-load data-src/srcset read; None for a caption alone."
    )
    alt: str | None = Field(default=None, description="The image's alt text.")
    caption: str | None = Field(
        default=None,
        description="The <figcaption> text, if any (whatever its class); in a gallery, on "
        "the last image's Figure only.",
    )


class CodeBlock(_Model):
    """Preformatted code or text (<pre>)."""

    kind: Literal["code"] = Field(default="code", description="Block discriminator.")
    text: str = Field(description="The code, whitespace preserved.")
    language: str | None = Field(
        default=None, description="Language from a 'language-xxx' class, if given."
    )


ListItem.model_rebuild()

Block = Annotated[
    Paragraph | Heading | ListBlock | Quote | Table | Figure | CodeBlock,
    Field(discriminator="kind"),
]
"""One typed block of the article body; ``kind`` tells which."""


# --------------------------------------------------------------------- sections


class Section(_Model):
    """A run of body blocks under one heading (or the lead before the first heading)."""

    heading: str | None = Field(description="The heading's text; None for the lead section.")
    level: int = Field(
        ge=0, le=6, description="The heading's level (2 for h2...); 0 for the lead section."
    )
    blocks: list[Block] = Field(
        default_factory=list, description="The blocks under this heading, up to the next heading."
    )
    text: str = Field(default="", description="Plain text of those blocks, blank-line separated.")
    parent: int | None = Field(
        default=None,
        description="Index in Article.sections of the enclosing section (the nearest earlier "
        "heading of a lower level), or None at the top (the lead is nobody's parent).",
    )


# --------------------------------------------------------------------- widgets


class Takeaway(_Model):
    """One item of a key-takeaways / in-brief / highlights box."""

    label: str | None = Field(
        default=None, description="The bold lead-in, e.g. 'Bitcoin Outflows'; None if absent."
    )
    text: str = Field(description="The item's text without the label.")


class Comment(_Model):
    """A reader comment with its replies."""

    id: str | None = Field(default=None, description="The comment's id in the page, if any.")
    author: str | None = Field(default=None, description="The commenter's display name.")
    author_url: str | None = Field(
        default=None, description="The commenter's website or profile URL."
    )
    published: When | None = Field(
        default=None, description="When it was posted (aware datetime when the page gives a time)."
    )
    published_raw: str | None = Field(
        default=None, description="The date as found in the page, before normalisation."
    )
    text: str = Field(description="The comment's text, without 'Reply'/'Like' chrome.")
    replies: list[Comment] = Field(
        default_factory=list, description="Direct replies, in page order."
    )

    def walk(self) -> Iterator[Comment]:
        """This comment and all its replies, depth first in page order."""
        yield self
        for reply in self.replies:
            yield from reply.walk()


class TickerQuote(_Model):
    """One quote of a price-ticker widget (a marquee's repeated loop counts once)."""

    symbol: str = Field(description="Upper-case ticker symbol, e.g. 'BTC'.")
    name: str | None = Field(default=None, description="The asset's name if shown, e.g. 'Bitcoin'.")
    price: Decimal = Field(description="The price exactly as shown, e.g. Decimal('61321.00').")
    price_raw: str = Field(description="The price text as shown, e.g. '$61,321.00'.")
    currency: str | None = Field(
        default=None, description="ISO 4217 code of the quote currency when known, e.g. 'USD'."
    )
    change_percent: Decimal | None = Field(
        default=None, description="Signed change in percent, e.g. Decimal('-1.9'); None if absent."
    )


class PriceMention(_Model):
    """A price named in the body text, e.g. 'trading at exactly $60,853'."""

    asset: str | None = Field(
        default=None,
        description="Symbol of the asset priced (e.g. 'BTC'), when the text names one.",
    )
    amount: Decimal = Field(description="The amount, e.g. Decimal('60853').")
    currency: str = Field(description="ISO 4217 code of the amount's currency, e.g. 'USD'.")
    qualifier: str | None = Field(
        default=None,
        description="The qualifier as written before the amount: 'exactly', 'near', 'roughly', "
        "'above', 'below', ... or None.",
    )
    raw: str = Field(description="The amount as written, e.g. '$60,853'.")
    sentence: str = Field(description="The sentence of Article.text the mention is in.")
    start: int = Field(ge=0, description="Offset of the amount in Article.text.")
    end: int = Field(ge=0, description="End offset (exclusive) of the amount in Article.text.")


class StockMention(_Model):
    """A listed-stock ticker named in the body, e.g. '(NYSE: AIB)'."""

    exchange: str = Field(description="The exchange as written, upper-cased, e.g. 'NYSE'.")
    symbol: str = Field(description="The ticker symbol, e.g. 'AIB'.")
    company: str | None = Field(
        default=None, description="The company name just before the ticker, when recognisable."
    )
    start: int = Field(ge=0, description="Offset of the mention in Article.text.")
    end: int = Field(ge=0, description="End offset (exclusive) of the mention in Article.text.")


class Mentions(_Model):
    """Prices and stock tickers mentioned in the body text."""

    prices: list[PriceMention] = Field(
        default_factory=list, description="Price mentions, in text order."
    )
    stocks: list[StockMention] = Field(
        default_factory=list, description="Stock ticker mentions, in text order."
    )


# --------------------------------------------------------------------- article


class Article(_Model):
    """Everything newsparse extracted from one article page."""

    url: str | None = Field(
        default=None, description="The URL the page was fetched from, if given."
    )
    canonical_url: str | None = Field(
        default=None, description="The page's canonical URL (link rel=canonical, og:url, JSON-LD)."
    )
    title: str | None = Field(default=None, description="The displayed headline.")
    description: str | None = Field(
        default=None, description="The standfirst / summary (meta description, og:description)."
    )
    authors: list[Author] = Field(default_factory=list, description="The article's authors.")
    published: When | None = Field(
        default=None,
        description="Publication time: timezone-aware datetime when the page gives a time with "
        "an offset, naive datetime when it gives a time without one, date when only a day.",
    )
    published_raw: str | None = Field(
        default=None, description="The publication date string as found in the page."
    )
    modified: When | None = Field(
        default=None, description="Last modification time, same conventions as 'published'."
    )
    modified_raw: str | None = Field(
        default=None, description="The modification date string as found in the page."
    )
    publisher: str | None = Field(default=None, description="The publisher or site name.")
    language: str | None = Field(
        default=None, description="Language tag of the page, e.g. 'en' or 'en-US'."
    )
    tags: list[str] = Field(default_factory=list, description="Tags / keywords, de-duplicated.")
    image: str | None = Field(default=None, description="Absolute URL of the lead image.")
    body: list[Block] = Field(
        default_factory=list, description="The article body as typed blocks, in page order."
    )
    text: str = Field(
        default="", description="Plain text of the body, blocks separated by a blank line."
    )
    sections: list[Section] = Field(
        default_factory=list,
        description="The body split at its headings, in page order (lead section first).",
    )
    takeaways: list[Takeaway] = Field(
        default_factory=list, description="Items of the key-takeaways box, if the page has one."
    )
    comments: list[Comment] = Field(
        default_factory=list,
        description="Reader comments present in the HTML, as a reply tree (top-level first). "
        "Empty when the page has none or loads them with JavaScript.",
    )
    tickers: list[TickerQuote] = Field(
        default_factory=list, description="Distinct quotes of the page's price widgets."
    )
    mentions: Mentions = Field(
        default_factory=Mentions, description="Prices and stock tickers mentioned in the body."
    )
    disclaimer: str | None = Field(
        default=None, description="The article's financial-advice / risk disclaimer, if any."
    )

    def to_markdown(self) -> str:
        """The title and body as Markdown (escaped; no raw HTML or active links)."""
        from newsparse.render import article_markdown

        return article_markdown(self)

    def section_tree(self) -> list[SectionNode]:
        """The sections nested by heading level: top-level nodes with their children."""
        nodes = [SectionNode(section=s) for s in self.sections]
        roots: list[SectionNode] = []
        for node in nodes:
            parent = node.section.parent
            (nodes[parent].children if parent is not None else roots).append(node)
        return roots

    def iter_comments(self) -> Iterator[Comment]:
        """Every comment, depth first in page order."""
        for comment in self.comments:
            yield from comment.walk()


class SectionNode(BaseModel):
    """A section with its sub-sections (see Article.section_tree)."""

    section: Section = Field(description="The section itself.")
    children: list[SectionNode] = Field(
        default_factory=list, description="Sub-sections, in page order."
    )

"""Provenance: where each part of an :class:`~newsparse.models.Article` came from.

Returned beside the Article by :func:`newsparse.explain` (and
:meth:`newsparse.Parser.explain`); never computed by a plain ``parse``.  Like the
models in :mod:`newsparse.models` these are plain data: every element is named by an
XPath ``selector`` that finds it with lxml in the page as given (for instance
``lxml.html.document_fromstring(page).xpath(selector)``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from newsparse.models import Article

__all__ = [
    "BlockSource",
    "Candidate",
    "ContentDecision",
    "Dropped",
    "Explanation",
    "FieldProvenance",
    "FieldSource",
    "Provenance",
    "SourceKind",
    "WidgetKind",
    "WidgetRecord",
]

SourceKind = Literal["jsonld", "meta", "link", "microdata", "element", "attribute", "title"]
"""Where a metadata value was read: a JSON-LD script, a ``<meta>`` tag, a ``<link>``,
a microdata ``itemprop``, a visible element, an attribute (``<html lang>``), the
``<title>``."""

WidgetKind = Literal["takeaway", "comment", "ticker", "disclaimer"]
"""The kinds of widget record an Article holds."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FieldSource(_Model):
    """One place in the page that holds a metadata field's value."""

    kind: SourceKind = Field(description="What kind of source it is (see SourceKind).")
    selector: str = Field(description="XPath of the element holding the value in the page.")
    key: str | None = Field(
        default=None,
        description="The key inside the element: the meta name/property ('og:title'), the "
        "JSON-LD key path ('headline', 'author[0].name'), the attribute ('lang'); None "
        "for an element's text.",
    )
    signal: str = Field(description="Why this source counts, in words, e.g. 'og:title meta tag'.")


class FieldProvenance(_Model):
    """Where one Article field came from."""

    field: str = Field(description="The Article field, e.g. 'title', 'published'.")
    value: str | None = Field(description="The extracted value as text (lists joined by ' | ').")
    sources: list[FieldSource] = Field(
        default_factory=list,
        description="The page's sources holding the value, the one the extractor trusts "
        "first at the front; empty when the value is None or derived (then see signal).",
    )
    signal: str = Field(description="The rule that decided the value, in words.")


class BlockSource(_Model):
    """Where one body block came from."""

    index: int = Field(ge=0, description="The block's position in Article.body.")
    kind: str = Field(description="The block's kind ('paragraph', 'heading', 'list'...).")
    selector: str | None = Field(
        description="XPath of the element the block was read from (None if unknown)."
    )
    tag: str | None = Field(default=None, description="That element's tag name.")
    signal: str = Field(description="Why it became this block, e.g. '<p> inside the main content'.")


class Candidate(_Model):
    """A region the content scorer considered for the article body."""

    selector: str = Field(description="XPath of the candidate element.")
    tag: str = Field(description="Its tag name.")
    score: float = Field(description="Its content score (higher is more article-like).")
    text_chars: int = Field(ge=0, description="Visible text characters in it.")
    link_density: float = Field(ge=0, le=1, description="Share of that text inside links.")
    chosen: bool = Field(description="Whether it is (one of) the chosen root(s).")


class Dropped(_Model):
    """A region inside the chosen content that was left out of the body."""

    selector: str = Field(description="XPath of the element left out.")
    tag: str = Field(description="Its tag name.")
    reason: str = Field(
        description="Why: 'hidden', 'claimed by comments', 'boilerplate name: share', "
        "'link list (teasers, share bar)', 'author box'..."
    )
    text: str = Field(default="", description="The start of its text (up to 80 characters).")


class ContentDecision(_Model):
    """How the main content was chosen."""

    roots: list[str] = Field(
        default_factory=list,
        description="XPaths of the chosen root element(s), in page order; empty when the "
        "page has no article text.",
    )
    signal: str = Field(description="The rule that chose them, in words.")
    candidates: list[Candidate] = Field(
        default_factory=list, description="The best-scored candidate regions, best first."
    )
    dropped: list[Dropped] = Field(
        default_factory=list, description="Regions inside the roots left out, in page order."
    )


class WidgetRecord(_Model):
    """Where one widget record (a takeaway, comment, ticker quote, disclaimer) came from."""

    widget: WidgetKind = Field(description="The kind of record.")
    ref: str = Field(
        description="Which record: 'takeaways[0]', 'comments[1].replies[0]', 'tickers[2]', "
        "'disclaimer' (the Article path)."
    )
    parent: str | None = Field(
        default=None, description="For a reply, the ref of the comment it answers."
    )
    selector: str | None = Field(
        description="XPath of the record's element (None when it could not be placed)."
    )
    box: str | None = Field(
        default=None, description="XPath of the widget box the extractor claimed around it."
    )
    label: str = Field(description="A short label: the takeaway/comment text start, 'BTC $61,321'.")


class Provenance(_Model):
    """Where every part of an Article came from."""

    fields: list[FieldProvenance] = Field(
        default_factory=list,
        description="One entry per metadata field: title, authors, published, modified, "
        "description, image, canonical_url, language, tags, publisher.",
    )
    blocks: list[BlockSource] = Field(
        default_factory=list, description="One entry per Article.body block, in order."
    )
    content: ContentDecision = Field(description="The main-content decision.")
    widgets: list[WidgetRecord] = Field(
        default_factory=list, description="One entry per widget record, in Article order."
    )

    def of(self, name: str) -> FieldProvenance:
        """The entry of Article field ``name``; KeyError when there is none."""
        for entry in self.fields:
            if entry.field == name:
                return entry
        raise KeyError(name)


class Explanation(_Model):
    """An Article with its provenance, as :func:`newsparse.explain` returns it."""

    article: Article = Field(description="The Article, exactly as parse() returns it.")
    provenance: Provenance = Field(description="Where each of its parts came from.")

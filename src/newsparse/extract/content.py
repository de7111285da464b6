"""Choosing the main-content node and the boilerplate inside it.

Baseline algorithm: semantic hints (``itemprop=articleBody``, common content
class names, ``<article>``) propose candidates; otherwise the parent that
gathers the most paragraph text wins. Inside the winner, elements whose
class/id names boilerplate, or that are mostly links, are pruned.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from newsparse.document import Document
from newsparse.extract.dom import HtmlElement, class_id, text_of

__all__ = ["MainContent", "find_main_content"]

_CONTENT_HINT = re.compile(
    r"\b(?:entry-content|post-content|article-content|article-body|articlebody|article__body|"
    r"story-body|post-body|content-body|main-content|article-text|td-post-content|post-entry)\b"
)
_BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|related|newsletter|subscribe|advert|ads?|"
    r"promo|sponsor|author-?bio|about-author|comments?|respond|sidebar|widget|breadcrumbs?|"
    r"tags|meta|byline|nav|menu|footer|cookie|popup|modal|recommend|read-?more|more-stories)"
    r"(?:$|[\s_-])"
)


@dataclass
class MainContent:
    """The chosen content node and the elements inside it that are not body."""

    node: HtmlElement | None
    """The element whose walk gives the body; None when the page has no article text."""
    boilerplate: set[HtmlElement] = field(default_factory=set)
    """Elements under ``node`` to leave out of the body."""


def _paragraph_text_len(el: HtmlElement) -> int:
    return sum(len(text_of(p)) for p in el.iter("p"))


def find_main_content(doc: Document, claimed: Collection[HtmlElement] = ()) -> MainContent:
    """Pick the main-content node of ``doc``, ignoring ``claimed`` widget elements."""
    root = doc.root
    body = root.find("body")
    if body is None:
        body = root
    candidates = [el for el in body.iter() if isinstance(el.tag, str) and _is_hinted(el)]
    best: HtmlElement | None = None
    if candidates:
        best = max(candidates, key=_paragraph_text_len)
        if _paragraph_text_len(best) < 200:
            best = None
    if best is None:
        scores: dict[HtmlElement, int] = {}
        for p in body.iter("p"):
            parent = p.getparent()
            if parent is None:
                continue
            scores[parent] = scores.get(parent, 0) + len(text_of(p))
        if scores:
            best = max(scores, key=lambda el: scores[el])
    if best is None:
        best = body
    boilerplate = {
        el
        for el in best.iterdescendants()
        if isinstance(el.tag, str) and el.tag not in ("p", "h2", "h3") and _is_boilerplate(el)
    }
    return MainContent(node=best, boilerplate=boilerplate)


def _is_hinted(el: HtmlElement) -> bool:
    if el.get("itemprop") == "articleBody":
        return True
    return bool(_CONTENT_HINT.search(class_id(el)))


def _is_boilerplate(el: HtmlElement) -> bool:
    return bool(_BOILERPLATE.search(class_id(el)))

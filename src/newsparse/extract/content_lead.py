"""The article's lead paragraph (standfirst) when it sits just before the content region.

A box named as a lead ("intro", "teaser", "lead", "standfirst", "subtitle"... as whole
words, or ``itemprop="description"``) among the nearest preceding siblings of the
region's first root or of its near ancestors opens the text, when it reads as a lead
(a few sentences, few links) and the description the Article gives does not already
hold it: text and description together hold the lead once (README, "standfirst").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from typing import cast

from newsparse import _accel
from newsparse.document import Document
from newsparse.extract.content_names import _INVISIBLE
from newsparse.extract.content_prune import _Stat
from newsparse.extract.dom import HtmlElement, name_parts, text_of

#: Class/id words of a lead paragraph shown above the article's text (whole words).
_LEAD_WORDS = frozenset(
    {"intro", "introtext", "teaser", "lead", "lede", "standfirst", "excerpt", "abstract",
     "subheadline", "subtitle", "dek", "vorspann", "kurztext", "chapeau", "entradilla"}
)  # fmt: skip
#: Words that make a named box a media box or its caption, not a lead.
_MEDIA_WORDS = frozenset(
    {"media", "video", "image", "img", "figure", "caption", "photo", "gallery", "player"}
)
#: A lead is prose: no heading, list or table inside, at most this many paragraphs.
_LEAD_PARAGRAPHS = 3
#: A lead is a few sentences: this many characters at least and at most.
_LEAD_MIN, _LEAD_MAX = 60, 1200
#: A lead without sentence punctuation (a subtitle line) has at least this many words.
_LEAD_WORDS_MIN = 12
#: A box with more text than this is other content, not a header holding the lead.
_LEAD_BOX = 3 * _LEAD_MAX
#: How far up from the region's first root, and how many siblings back, to look.
_LEAD_LEVELS, _LEAD_SIBLINGS = 4, 8
_FOLD = re.compile(r"[^\w]+")
#: The lead words as bytes, for the compiled candidate scan.
_CUES = tuple(sorted(word.encode() for word in _LEAD_WORDS))


def _named_python(box: HtmlElement) -> Iterable[HtmlElement]:
    """The nodes :func:`_lead_in` reads: all of ``box.iter()`` (the reference)."""
    return cast("Iterable[HtmlElement]", box.iter())


def _compiled_named() -> Callable[[HtmlElement], Iterable[HtmlElement]]:
    """The nodes of ``box.iter()`` that :func:`_lead_in` does not pass over at its first
    test (and maybe a few more), picked in C (``walk.lead_candidates``): ``box`` and the
    elements in it whose itemprop is "description" or whose class or id may hold a lead
    word once lower-cased (``_LEAD_CUE`` is the lead words as plain alternatives, and a
    cue found in the class or the id cannot span the space that joins them); the
    Python reference where the walk is not built."""
    module = _accel.load("walk")
    if module is None:
        return _named_python
    candidates = module.lead_candidates
    return cast(
        "Callable[[HtmlElement], Iterable[HtmlElement]]", lambda box: candidates(box, _CUES)
    )


#: The nodes of a box that :func:`_lead_in` reads.
_named = _compiled_named()
_LEAD_CUE = re.compile("|".join(sorted(_LEAD_WORDS)))


def _descriptions(doc: Document) -> list[str]:
    """The page's summary as the Article's ``description`` gives it, folded: the first of
    the meta, Open Graph and Twitter descriptions, else JSON-LD's (another of them that
    holds the lead does not put it in the Article)."""
    first = doc.meta_first("description", "og:description", "twitter:description")
    found = [first] if first else []
    if not found:
        for obj in doc.jsonld:
            value = obj.get("description")
            if isinstance(value, str):
                found.append(value)
    return [_FOLD.sub(" ", d.casefold()).strip() for d in found]


def _lead_before(
    first: HtmlElement,
    claimed: Collection[HtmlElement],
    stats: dict[HtmlElement, _Stat],
    doc: Document,
    attrs: dict[HtmlElement, dict[str, str]] | None = None,
) -> HtmlElement | None:
    """The article's lead paragraph when it sits just before the region, outside it: a
    box named as a lead ("intro", "teaser", "lead", "standfirst", "summary"... as whole
    words, or ``itemprop="description"``) among the nearest preceding siblings of the
    first root or of its near ancestors, holding a few sentences with few links.  Taken
    only when the page's description does not already hold it (text and description
    together hold the lead once)."""
    node = first
    for _ in range(_LEAD_LEVELS):
        sib = node.getprevious()
        for _ in range(_LEAD_SIBLINGS):
            if sib is None:
                break
            if isinstance(sib.tag, str) and sib.tag not in _INVISIBLE and sib not in claimed:
                s = stats.get(sib)
                if s is not None and s.text > _LEAD_BOX:
                    return None  # other text in between: not the article's own lead
                lead = _lead_in(sib, claimed, attrs)
                if lead is not None:
                    return lead if _new_text(lead, _descriptions(doc)) else None
                if s is not None and s.text > _LEAD_MAX:
                    return None
            sib = sib.getprevious()
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return None
    return None


def _lead_in(
    box: HtmlElement,
    claimed: Collection[HtmlElement],
    attrs: dict[HtmlElement, dict[str, str]] | None = None,
) -> HtmlElement | None:
    """``box`` or the first element in it named as a lead, when it reads as one.

    ``attrs``: the page index's attributes, when every element of the tree is in it
    with its attributes as they are (an element missing from it has none, so no
    class, id or itemprop to be named by): then a dict is read instead of the element
    (tests/unit/test_content_walk.py checks both ways agree)."""
    for el in _named(box):
        if attrs is None:
            tag = el.tag
            if not isinstance(tag, str):
                continue
            get = el.get
        else:
            attrib = attrs.get(el)
            if attrib is None:
                continue  # no attributes (or not an element)
            tag = el.tag
            get = attrib.get
        if tag in _INVISIBLE or tag == "a":
            continue
        cls, ident = get("class"), get("id")
        itemprop = get("itemprop")
        if itemprop != "description" and not (
            (cls or ident) and _LEAD_CUE.search(f"{cls or ''} {ident or ''}".lower())
        ):
            continue  # a quick test before the names are split into words
        words = {
            word
            for name in [*(cls or "").split(), ident or ""]
            for word in name_parts(name)
        }
        if itemprop != "description" and _LEAD_WORDS.isdisjoint(words):
            continue
        if not _MEDIA_WORDS.isdisjoint(words):
            return None
        if el in claimed or any(c in claimed for c in el.iterdescendants()):
            return None
        if next(el.iter("h1", "h2", "h3", "h4", "ul", "ol", "table"), None) is not None or (
            sum(1 for _ in el.iter("p")) > _LEAD_PARAGRAPHS
        ):
            return None
        text = text_of(el)
        linked = sum(len(text_of(a)) for a in el.iter("a"))
        if (
            _LEAD_MIN <= len(text) <= _LEAD_MAX
            and linked * 5 <= len(text)
            and (any(mark in text for mark in ".!?") or len(text.split()) >= _LEAD_WORDS_MIN)
        ):
            return el
        return None
    return None


def _new_text(lead: HtmlElement, descriptions: list[str]) -> bool:
    """Whether the lead says something the page's descriptions do not already hold."""
    folded = _FOLD.sub(" ", text_of(lead).casefold()).strip()
    head = folded[:60]
    return not any(head in d or d[:60] in folded for d in descriptions if d)

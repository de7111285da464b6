"""Page chrome inside the article region that its names do not give away: rules by
shape and wording, each giving the reason that ``find_main_content(..., explain=True)``
reports.

* "custom-element": a custom element (a web component, ``<pp-inline-teaser>``,
  ``<app-share-buttons>``) whose tag name reads as a boilerplate box name, read as whole
  words like a class name;
* "meta-bar": a post's meta line of short segments separated by bars ("January 13,
  2020 | categories: Python | View Comments") with a comment-count or comment-status
  segment;
* "button": a link styled as a button on a line of its own ("Back to all news",
  "Load more"): a control, not a sentence of the article;
* "closing-call": the short paragraphs with a link that end the article by calling the
  reader to follow, join or subscribe.
"""

from __future__ import annotations

import re
from typing import Any

from newsparse.extract.content_names import _BOILER, _HEADINGS, _token_flags
from newsparse.extract.dom import HtmlElement, name_parts, text_of

# ------------------------------------------------------------------ custom elements


def custom_element_box(el: HtmlElement, guard: float) -> str | None:
    """A custom element whose tag name names a boilerplate box (``pp-inline-teaser``,
    ``app-related-articles``), when it holds less running text than ``guard``."""
    tag = el.tag
    if "-" not in tag or not _token_flags(tag) & _BOILER:
        return None
    if len(text_of(el)) >= guard:
        return None
    return "custom-element"


# ------------------------------------------------------------------------ meta bars

_BARS = re.compile(r"\s+[|·•]\s+|\s*\|\s*")
#: A comment count or status as one segment of a meta line, in several languages.
_COMMENT_SEGMENT = re.compile(
    r"^\W*(?:\d+\s+)?(?:(?:view|show|read|leave|add|write|post|no|keine|kein|aucun|sin)\s+"
    r"(?:a\s+|the\s+|un\s+)?)?(?:comments?|kommentare?|kommentarfeed|commentaires?|"
    r"comentarios?|commenti|replies|reply|responses?|antworten|trackback(?:-url)?)"
    r"(?:\s*\(\d+\)|\s+\d+)?(?:\s+(?:geschlossen|deaktiviert|closed|off|ferm[ée]s))?\W*$",
    re.IGNORECASE,
)
#: A meta line is short, of at least this many segments...
_META_SEGMENTS = 3
#: ... each at most this long.
_META_SEGMENT = 60
_META_LINE = 240


def is_meta_bar(text: str) -> bool:
    """Whether ``text`` is a post's meta line: at least three short segments separated
    by bars, one of them a comment count or status ("View Comments", "12 comments",
    "Kommentare geschlossen"), none a sentence."""
    if "|" not in text or len(text) > _META_LINE:
        return False
    segments = [s for s in _BARS.split(text) if s.strip()]
    if len(segments) < _META_SEGMENTS:
        return False
    if any(len(s) > _META_SEGMENT or ". " in s for s in segments):
        return False
    return any(_COMMENT_SEGMENT.match(s) for s in segments)


def inline_meta_bar(el: HtmlElement) -> str | None:
    """An inline element (``<small>``, ``<span>``) that is a meta line."""
    if "|" not in (el.text or "") and not any("|" in (c.tail or "") for c in el):
        return None
    return "meta-bar" if is_meta_bar(" ".join(text_of(el).split())) else None


# -------------------------------------------------------------------------- buttons

#: A button's label is at most this long.
_BUTTON_TEXT = 50
_BUTTON_WORDS = frozenset({"button", "btn"})
#: Blocks of running text: a link styled as a button inside them is part of a sentence.
_TEXT_PARENTS = frozenset({"p", "li", "td", "th", "dd", "blockquote", *_HEADINGS})


def button_link(el: HtmlElement) -> str | None:
    """A link named as a button (``a.button``, ``a.btn-primary``) on a line of its own:
    short, not inside a paragraph, list item or cell, no other text beside it."""
    cls = el.get("class")
    if not cls or ("button" not in cls and "btn" not in cls):
        return None
    if _BUTTON_WORDS.isdisjoint(word for name in cls.split() for word in name_parts(name)):
        return None
    parent = el.getparent()
    if parent is None or parent.tag in _TEXT_PARENTS:
        return None
    text = text_of(el)
    if not text or len(text) > _BUTTON_TEXT:
        return None
    return "button"


# ------------------------------------------------------------------- closing calls

#: A call to follow, join or subscribe, in several languages.
_CALL_WORDS = re.compile(
    r"\b(?:follow|folgen sie|folge uns|s[íi]guenos|seguir(?:nos)?|suivez|sign up|subscribe|"
    r"newsletter|suscr[ií]b\w*|abonn\w*|subskrypcj\w*|[úu]nete|join us|whatsapp|telegram)\b",
    re.IGNORECASE,
)
#: A closing call is a short paragraph...
_CALL_TEXT = 300
#: ... and at most this many of them end the article.
_CALLS = 3


def closing_calls(
    root: HtmlElement, stats: dict[HtmlElement, Any], marks: dict[HtmlElement, str]
) -> None:
    """Mark the calls that close the article: its last paragraphs, while each is short,
    has a link and calls the reader to follow, join or subscribe ("Follow us on
    Twitter", "Sign up here", "Únete a nuestro canal de Telegram").  A call in the middle
    of the text, followed by more of the article, stays."""
    found = 0
    for el in reversed(list(root.iter("p"))):
        s = stats.get(el)
        if s is None or not s.text or el in marks or _inside(el, root, marks):
            continue
        if s.text > _CALL_TEXT or not s.anchors or _CALL_WORDS.search(text_of(el)) is None:
            return
        marks[el] = "closing-call"
        found += 1
        if found == _CALLS:
            return


def _inside(el: HtmlElement, root: HtmlElement, marks: dict[HtmlElement, str]) -> bool:
    for anc in el.iterancestors():
        if anc is root:
            return False
        if anc in marks:
            return True
    return False

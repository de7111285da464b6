"""Boilerplate inside the main-content region: the rules that mark subtrees to leave out.

Each rule gives a short reason, which ``find_main_content(..., explain=True)`` reports:
hinted boxes ("hinted-boilerplate"), lists of links ("link-list"), lone "read more"
links ("read-more"), galleries by shape ("gallery": many images with little text each,
or slides numbered "3/50"), label-only lines ("label": "Advertisement", "Read more",
datelines, in several languages), credit and figure lines ("credit"), the headline
repeated ("headline"), teaser lists by shape ("teaser-list"), link-and-label bars
("share-bar"), the short boxes around an author link or a form field ("author-box",
"form-box"), the heading of a box that goes with it ("box-label"), and the chrome
that :mod:`newsparse.extract.content_chrome` finds by shape and wording
("custom-element", "meta-bar", "button").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import cast

from lxml import etree

from newsparse import _accel
from newsparse.document import Document
from newsparse.extract.content_chrome import (
    button_link,
    closing_calls,
    custom_element_box,
    inline_meta_bar,
    is_meta_bar,
)
from newsparse.extract.content_names import _BLOCK, _HEADINGS, _INVISIBLE
from newsparse.extract.dom import HtmlElement, text_of

_LABEL_TEXT = re.compile(
    r"^\W*(?:advertisement|advertising|sponsored(?: content)?|ad|ads|story continues below"
    r"(?: advertisement)?|continue reading(?: below)?|read more|read next|related(?: articles| "
    r"stories| posts| news| content| coverage| links)?|share(?: this)?(?: article| story| "
    r"post)?|follow us|recommended(?: for you)?|you may also like|more from [\w ]{1,30}|"
    r"sign up(?: for [\w ]{1,40})?|subscribe(?: now)?|click here[\w ]{0,60}|"
    r"see also|also read|watch|listen|close|video|image|photo|loading|advert|comments?|"
    r"don'?t miss|tell us what you think|this slideshow requires javascript|"
    r"(?:our )?(?:latest|top|more) (?:stories|news|headlines|videos)|"
    r"like this (?:story|article)\?.{0,40}share.{0,30}|"
    # the same labels in German, French, Spanish, Italian, Polish
    r"mehr (?:zum thema|themen|dazu|zu [\w ]{1,30})|weitere (?:themen|artikel|beiträge)|"
    r"zum weiterlesen|lesen sie (?:auch|mehr)|auch interessant|das könnte sie (?:auch )?"
    r"interessieren|keine kommentare|kommentare (?:geschlossen|deaktiviert)|schlagw(?:o|ö)rte?r?|"
    r"anzeige|werbung|externer inhalt|teilen|artikel teilen|voir aussi|lire aussi|"
    r"[àa] lire aussi|sur le même sujet|temas relacionados|(?:le|te) puede interesar|"
    r"l[ée]a? tambi[ée]n|noticias relacionadas|publicidad|leggi anche|czytaj (?:też|także)|"
    r"zobacz (?:też|także))\W*$",
    re.IGNORECASE,
)
_LINK_LABEL = re.compile(
    r"^\W*(?:read more|more|related|see also|also read|read also|also see|recommended|"
    r"further reading|watch|listen|more on this|related articles?|related stories|related "
    r"coverage|also on [\w.]+|mira|mire|l[ée]a? tambi[ée]n|lesen sie auch|auch interessant|"
    r"weiterlesen|voir aussi|lire aussi|leggi anche|czytaj (?:też|także)|zobacz (?:też|także))"
    r"\s*[:|\-–—]",
    re.IGNORECASE,
)

#: An author box (photo, name, bio) is at most this long.
_AUTHOR_BOX = 1200
#: A sign-up box (heading, pitch, e-mail field) is at most this long.
_FORM_BOX = 500

_CREDIT_LINE = re.compile(
    r"^\W*(?:\(?(?:additional )?(?:reporting|writing|editing|edited|compiled|written|"
    r"photos?|photography|video|graphics?|illustrations?|research) by\b|"
    r"(?:image|photo|picture|pic|photograph|foto|bild|bildquelle|abbildung|abb\.|cr[ée]dit|"
    r"fotograf[íi]a|imagen)s?(?: credits?)?(?:\s*\d+)?\s*:|"
    r"[^.:]{0,60},\s*(?:photo|foto|image|bild)\s*:)",
    re.IGNORECASE,
)
_PUNCT = re.compile(r"[^\w\s]+")
_WORD = re.compile(r"\w+")
_TITLE_SPLIT = re.compile(r"\s+[|\-–—:•·]\s+")
_DATE_ANCHOR = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\bago\b|\b(?:updated|published|posted|modified)\b", re.IGNORECASE
)
_DATE_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|okt|nov|dec|d[eé]z)[a-zä]*\.?|"
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b|\d+(?:st|nd|rd|th)?|"
    r"\b(?:a\.m|p\.m|am|pm|gmt|utc|bst|cet|cest|est|edt|cst|cdt|pst|pdt|ist|et|pt|ct)\b|"
    r"\b(?:published|updated|posted|modified|last|first|on|at|by|in|hours?|hrs?|minutes?|"
    r"mins?|seconds?|days?|weeks?|months?|years?|ago|today|yesterday|read|min|time)\b",
    re.IGNORECASE,
)


def _text_content_python(el: HtmlElement) -> str:
    """``el.text_content()`` (the reference of the compiled ``walk.text_content``)."""
    return str(el.text_content())


def _compiled_text_content() -> Callable[[HtmlElement], str]:
    """The compiled twin of :func:`_text_content_python` (the same text, read from the
    C nodes without an XPath evaluation: ~4x cheaper on a short block), or the Python
    one where it is not built."""
    module = _accel.load("walk")
    return (
        _text_content_python
        if module is None
        else cast("Callable[[HtmlElement], str]", module.text_content)
    )


#: ``el.text_content()``.
_text_content = _compiled_text_content()


def _counter_candidates_python(root: HtmlElement) -> Iterable[HtmlElement]:
    """The nodes :func:`_slideshows` reads: all of ``root.iter()`` (the reference)."""
    return cast("Iterable[HtmlElement]", root.iter())


#: The nodes of ``root.iter()`` that may be a slide counter (and maybe a few more),
#: picked in C (``walk.counter_candidates``: childless elements whose stripped text
#: starts and ends with a digit, as a fullmatch of ``_COUNTER`` needs), or all of them.
_counter_candidates: Callable[[HtmlElement], Iterable[HtmlElement]] = (
    _counter_candidates_python
    if _accel.load("walk") is None
    else _accel.load("walk").counter_candidates  # type: ignore[union-attr]
)

#: A teaser list has at least this many items...
_TEASERS = 3
#: ... each opening with a linked headline at least this long.
_TEASER_HEADLINE = 15


@dataclass(slots=True)
class _Stat:
    text: int = 0
    """Visible text characters in the subtree."""
    links: int = 0
    """Of which inside links."""
    value: float = 0.0
    """Content value (see the module docstring), hints included."""
    good: float = 0.0
    """Running-text characters in the subtree (positive block values, no hints)."""
    hint: int = 0
    """+2 strong content hint, +1 weak content hint, -1 boilerplate hint or tag."""
    index: int = 0
    """Pre-order position among block elements."""
    boxed: bool = False
    """Inside an element with a boilerplate hint (comments, sidebar...)."""
    anchors: int = 0
    """Number of links in the subtree."""


def _fold(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.casefold()).split())


def _titles(doc: Document) -> frozenset[str]:
    """The page's headline as its metadata gives it, folded (to drop a repeat of it)."""
    found: list[str] = []
    for key in ("og:title", "twitter:title", "title", "headline"):
        found.extend(doc.meta.get(key, ()))
    for obj in doc.jsonld:
        for key in ("headline", "name"):
            value = obj.get(key)
            if isinstance(value, str) and "Article" in str(obj.get("@type")):
                found.append(value)
    title = doc.root.find("head/title")
    if title is not None and title.text:
        found.append(title.text)
        found.extend(part for part in _TITLE_SPLIT.split(title.text) if len(part) >= 20)
    return frozenset(f for f in map(_fold, found) if len(f) >= 10)


def _title_words(titles: frozenset[str]) -> tuple[str, ...]:
    """The longest word of each folded title (see :func:`_may_be_title`)."""
    return tuple(max(title.split(), key=len) for title in titles)


def _may_be_title(label: str, title_words: tuple[str, ...]) -> bool:
    """A necessary condition of ``_fold(label)`` being one of the titles whose longest
    words are ``title_words``: a folded text is the runs of word characters of the
    casefolded text joined by spaces, so each of its words is a substring of
    ``label.casefold()`` (one substring test per title instead of a regex
    substitution per label; property-tested in tests/unit/test_content_walk.py)."""
    if not title_words:
        return False
    folded = label.casefold()
    return any(word in folded for word in title_words)


#: "Label: <date>" is a dateline only when the label says published/updated/date.
_FACT_LABEL = re.compile(r"^\W*([^\W\d](?:[^\W\d_]|[ .'-]){0,30}?)\s*:")
_DATE_LABEL = re.compile(
    r"^(?:(?:last |zuletzt )?(?:updated?|published|posted|modified|changed|created|date|"
    r"time|datum|stand|zeit|uhrzeit|veröffentlicht|aktualisiert|erstellt|geändert|"
    r"erschienen|publié|publiée|mis à jour|date de publication|publicado|actualizado|fecha|"
    r"pubblicato|aggiornato|data|opublikowano|zaktualizowano|am|on))$",
    re.IGNORECASE,
)


def _is_dateline(text: str) -> bool:
    """A short line that is only a date/time with a few connecting words
    ("Updated 14 hours ago", "Posted on Oct 27, 2015 by Admin").  A date after a label
    of another kind ("Deadline: 03.11.2019", "Venue opens: 19:00") is a fact of the
    article, as in a list of event details, not a dateline."""
    if not _DATE_ANCHOR.search(text):
        return False
    label = _FACT_LABEL.match(text)
    if label is not None and not _DATE_LABEL.match(label.group(1).strip()):
        return False
    rest = _DATE_WORDS.sub(" ", text)
    return len(_WORD.findall(rest)) <= 2


def _prune(
    node: HtmlElement,
    stats: dict[HtmlElement, _Stat],
    main_good: float,
    out: dict[HtmlElement, str],
    titles: frozenset[str] = frozenset(),
    lazy: list[HtmlElement] | None = None,
) -> None:
    """Mark boilerplate subtrees under ``node``: hinted, link-heavy, label-only, or a
    gallery (many images with little text each, or numbered slides).  ``lazy``: see
    :func:`media_counts`."""
    guard = main_good * 0.5
    words = _title_words(titles)
    media = media_counts(node, lazy)
    _slideshows(node, stats, out)
    _paywall_tails(node, stats, out)
    stack = list(node)
    while stack:
        el = stack.pop()
        s = stats.get(el)
        if s is None:
            # inline or invisible: look inside only for blocks wrapped in inline tags
            if isinstance(el.tag, str) and el.tag not in _INVISIBLE:
                chrome = _inline_chrome(el, guard)
                if chrome is not None:
                    out[el] = chrome
                elif len(el):
                    stack.extend(el)
            continue
        if el in out:
            continue
        # (a block without text is never boilerplate by _is_boilerplate's rules, and
        # nothing is a gallery where there are too few images to count)
        why = _is_boilerplate(el, s, guard, titles, stats, words) if s.text else None
        if why is None and media and _is_gallery(el, s, guard, media):
            why = "gallery"
        if why is not None:
            out[el] = why
            continue
        stack.extend(el)
    closing_calls(node, stats, out)


#: Boxes whose heading goes with them ("More on this topic" above a list of links).
_BOX_REASONS = frozenset(
    {"link-list", "teaser-list", "share-bar", "hinted-boilerplate", "author-box",
     "form-box"}
)  # fmt: skip
#: A label line (no sentence) is at most this long.
_LABEL_LINE = 80


def _orphan_labels(marks: dict[HtmlElement, str], stats: dict[HtmlElement, _Stat]) -> None:
    """Mark the heading or label line right before a boilerplate box when no running
    text follows the box before the next heading: it titled the box ("Mehr zum Thema",
    "Related topics", "About the author"), in any language."""
    for box, why in list(marks.items()):
        if why not in _BOX_REASONS:
            continue
        label = _neighbour(box, stats, marks, before=True)
        if label is None or label in marks:
            continue
        s = stats[label]
        if not (label.tag in _HEADINGS or (s.text <= _LABEL_LINE and s.good == 0)):
            continue
        after = _neighbour(box, stats, marks, before=False)
        if after is None or after.tag in _HEADINGS or stats[after].good == 0:
            marks[label] = "box-label"


def _neighbour(
    el: HtmlElement, stats: dict[HtmlElement, _Stat], marks: dict[HtmlElement, str], before: bool
) -> HtmlElement | None:
    """The nearest sibling block with text that is not marked, on one side of ``el``."""
    sib = el.getprevious() if before else el.getnext()
    while sib is not None:
        s = stats.get(sib)
        if s is not None and s.text and sib not in marks:
            return sib
        if s is None and isinstance(sib.tag, str) and _text_content(sib).strip():
            return None  # inline text beside the box: leave it alone
        sib = sib.getprevious() if before else sib.getnext()
    return None


def _is_teaser_list(el: HtmlElement, stats: dict[HtmlElement, _Stat]) -> bool:
    """A list of teasers: most of at least three block children open with a linked
    headline and go on with text of their own (a summary, a date, a source)."""
    items = teasers = 0
    for child in el:
        s = stats.get(child)
        if s is None or not s.text:
            continue
        items += 1
        if s.anchors and s.links >= _TEASER_HEADLINE and s.text - s.links >= 20:
            teasers += _opens_with_link(child, stats)
    return teasers >= _TEASERS and teasers >= items * 0.7


#: A teaser's headline may come after this many short label lines (its category, a date)...
_TEASER_KICKERS = 2
#: ... each at most this long, in an item of at most this much text (a card, not a
#: section of the page).
_TEASER_KICKER, _TEASER_CARD = 40, 600


def _opens_with_link(item: HtmlElement, stats: dict[HtmlElement, _Stat]) -> bool:
    """Whether ``item`` opens with a linked headline: its first visible text is inside a
    link, in a block of its own (a heading, a title line) that is nearly all link text,
    not a link that starts a sentence of running text.  In a short item (a card), up to
    two short label lines before it in blocks of their own (its category, a date range)
    are passed over."""
    kickers: list[HtmlElement] = []
    card = stats[item].text <= _TEASER_CARD
    for node in item.iter():
        tag = node.tag
        if not isinstance(tag, str) or tag in _INVISIBLE:
            continue
        text = node.text
        if not (text and text.strip()):
            continue
        linked = tag == "a"
        block = node if node in stats else None
        for anc in node.iterancestors():
            if anc is item:
                break
            linked = linked or anc.tag == "a"
            if block is None and anc in stats:
                block = anc
        if block is None or block is item:
            return False
        if block in kickers:
            continue
        s = stats[block]
        if not linked:
            if not card or s.links or s.text > _TEASER_KICKER or len(kickers) == _TEASER_KICKERS:
                return False
            kickers.append(block)  # a label line above the headline
            continue
        return s.links >= s.text * 0.8
    return False


def _prune_boxes(
    node: HtmlElement,
    markers: list[HtmlElement],
    stats: dict[HtmlElement, _Stat],
    main_good: float,
    out: dict[HtmlElement, str],
    limit: int,
    reason: str,
) -> None:
    """Mark the box around each marker: a link to an author page (byline, bio,
    "more by") or a form field (newsletter sign-up, poll): the largest block
    ancestor under ``node`` that is still short."""
    for marker in markers:
        box = None
        holder = marker.getparent()
        while holder is not None and holder.tag not in _BLOCK:
            holder = holder.getparent()
        if holder is not None and holder.tag in ("p", "li", "td", "dd"):
            s = stats.get(holder)
            if s is not None and s.text > 2 * len(_text_content(marker)) + 20:
                continue  # a link inside running text, not a byline or bio box
        for anc in marker.iterancestors():
            if anc is node:
                break
            s = stats.get(anc)
            if s is None:
                continue
            if s.text > limit or s.good > main_good * 0.25:
                break
            box = anc
        else:
            continue  # not under the main node
        if box is not None and box.tag not in ("p", "li", "td", "th", "blockquote"):
            out[box] = reason


def _is_boilerplate(
    el: HtmlElement,
    s: _Stat,
    guard: float,
    titles: frozenset[str],
    stats: dict[HtmlElement, _Stat],
    title_words: tuple[str, ...] = (),
) -> str | None:
    """Why ``el`` (inside the region) is boilerplate, or None when it is not."""
    if s.text == 0:
        return None
    if s.hint < 0 and s.good < guard and not _part_by_structure(el):
        return "hinted-boilerplate"
    density = s.links / s.text
    tag = el.tag
    if s.text <= 300 and (tag in _HEADINGS or tag == "p" or s.text <= 100 or s.anchors):
        label = " ".join(_text_content(el).split())
        if len(label) > s.text + 40:
            label = text_of(el)  # script or style text inside: read the visible text only
        if s.text <= 100 and (
            _LABEL_TEXT.match(label)
            or (
                tag not in _HEADINGS
                and tag != "li"
                and _is_dateline(label)
                and not _in_table(el)  # a date in a table is a table cell, not a dateline
            )
        ):
            return "label"
        if s.anchors and density > 0.5 and _LINK_LABEL.match(label):
            return "read-more"
        if s.anchors and is_meta_bar(label):
            return "meta-bar"
        if _CREDIT_LINE.match(label):
            return "credit"
        if (
            (tag in _HEADINGS or tag == "p")
            and _may_be_title(label, title_words)
            and _fold(label) in titles
        ):
            return "headline"  # the headline repeated inside the content node
    elif s.text <= 300 and tag == "div" and _CREDIT_LINE.match(text_of(el)):
        return "credit"  # a figure's caption line ("Abbildung: ...") in a box of its own
    if tag in _HEADINGS:
        return None
    if s.anchors >= 3 and density > 0.6:
        return "link-list"
    if s.anchors and density > 0.8 and tag not in ("li", "td", "th", "tr"):
        return "read-more"  # a lone "read more" link
    if s.anchors >= _TEASERS and len(el) >= _TEASERS and _is_teaser_list(el, stats):
        return "teaser-list"
    # links and labels only (share buttons, tag rows)
    if s.value < 0 and s.good == 0 and s.anchors >= 2 and tag not in _DATA_TAGS:
        return "share-bar"
    return None


def _inline_chrome(el: HtmlElement, guard: float) -> str | None:
    """Why an inline element inside the region is chrome (a button link, a custom
    element named as a boilerplate box, a meta line), or None."""
    tag = el.tag
    if tag == "a":
        return button_link(el)
    if "-" in tag:
        return custom_element_box(el, guard)
    return inline_meta_bar(el) if len(el) else None


#: Paragraphs and tables: a row of links and labels in them is data, not a share bar.
_DATA_TAGS = frozenset({"p", "td", "th", "tr", "table", "tbody", "thead"})


def _in_table(el: HtmlElement) -> bool:
    return el.tag in ("td", "th") or next(el.iterancestors("table"), None) is not None


def _part_by_structure(el: HtmlElement) -> bool:
    """A figure and its caption (a <figcaption>, or a child of the figure whose class
    says caption, as WordPress's p.wp-caption-text), and a quote's <footer>/<cite>
    attribution, whatever their class or tag says: parts of the body by the markup."""
    tag = el.tag
    if tag in ("figure", "figcaption"):
        return True
    parent = el.getparent()
    if parent is None:
        return False
    if parent.tag == "figure":
        return "caption" in (el.get("class") or "").lower()
    return tag in ("footer", "cite") and parent.tag == "blockquote"


# ------------------------------------------------------------------------ galleries

#: A gallery holds at least this many images (or lazy-loaded slides)...
_GALLERY_MEDIA = 5
#: ... with at most this much visible text per image: captions, not running text.
_GALLERY_TEXT = 100
#: A slideshow numbers at least this many of its slides "3/50", "3 of 50"...
_SLIDES = 3
#: ... and what surrounds its slides (a title, "show all", arrows) is at most this long.
_SLIDESHOW_FRAME = 300
#: The region keeps at least this much running text outside a slideshow.
_GALLERY_REST = 500
_TEXT_BLOCKS = frozenset({"p", "li", "td", "th", "dd", "dt", "blockquote", *_HEADINGS})
_COUNTER = re.compile(r"(\d{1,3})\s*(?:/|of|von|de|di|sur|z)\s*(\d{1,3})", re.IGNORECASE)
#: Images, videos, and lazy-loaded slides without an ``<img>`` of their own.
_MEDIA = etree.XPath(
    ".//img | .//video | .//*[@data-src or @data-original or @data-lazy-src or @data-bg "
    "or @data-srcset or contains(@style, 'background-image')]"
)


#: The attributes of a lazy-loaded slide (as in _MEDIA).
LAZY_ATTRS = frozenset({"data-src", "data-original", "data-lazy-src", "data-bg", "data-srcset"})


def media_counts(
    root: HtmlElement, lazy: list[HtmlElement] | None = None
) -> dict[HtmlElement, int]:
    """How many images each element under ``root`` holds: ``<img>``, ``<video>``, and
    lazy-loaded slides (an element with a ``data-src``-like attribute or a CSS
    background image and no ``<img>`` of its own).  Empty when there are too few to
    make a gallery.

    ``lazy``, when given, holds every element of the page (at least all under
    ``root``) with such an attribute, as the content scorer's pass over the page
    index's attributes found them: then only the ``<img>``/``<video>`` tags are
    searched (a C-level tag filter) instead of testing every element by XPath
    (tests/unit/test_content_walk.py checks both ways agree)."""
    counts: dict[HtmlElement, int] = {}
    if lazy is None:
        found = [
            el
            for el in cast("list[HtmlElement]", _MEDIA(root))
            if el.tag in ("img", "video") or next(el.iter("img"), None) is None
        ]
        if len(found) < _GALLERY_MEDIA:
            return counts
        chains = [_chain(el, root) for el in found]
    else:
        chains = [_chain(el, root) for el in root.iter("img", "video") if el is not root]
        for el in lazy:
            if el.tag not in ("img", "video") and next(el.iter("img"), None) is None:
                chain = _chain(el, root)
                if chain and chain[-1] is root:  # under root
                    chains.append(chain)
        if len(chains) < _GALLERY_MEDIA:
            return counts
    for chain in chains:
        for anc in chain:
            counts[anc] = counts.get(anc, 0) + 1
    return counts


def _chain(el: HtmlElement, root: HtmlElement) -> list[HtmlElement]:
    """The ancestors of ``el`` up to ``root`` (included when it is one of them)."""
    chain: list[HtmlElement] = []
    for anc in el.iterancestors():
        chain.append(anc)
        if anc is root:
            break
    return chain


def _is_gallery(el: HtmlElement, s: _Stat, guard: float, media: dict[HtmlElement, int]) -> bool:
    """A run of images with little text each (a thumbnail wall, a photo strip with
    short captions), not the article's own figure: at least five images, at most a
    caption's worth of text per image, and not the bulk of the article's text."""
    if el.tag in _TEXT_BLOCKS:
        return False  # icons or emoji inline in a paragraph or a cell
    count = media.get(el, 0)
    return count >= _GALLERY_MEDIA and s.text <= count * _GALLERY_TEXT and s.good == 0


def _slideshows(
    root: HtmlElement, stats: dict[HtmlElement, _Stat], out: dict[HtmlElement, str]
) -> None:
    """Mark a slideshow under ``root``: short lines that only number the slides ("1/50",
    "2 of 50"), at least three of one series, under one box of slides; the box is
    widened to its frame (the gallery title, "show all", arrows) while what it gains is
    short.  Left alone when the region keeps too little running text outside it (a page
    that is a photo essay)."""
    series: dict[str, list[HtmlElement]] = {}
    for el in _counter_candidates(root):
        text = el.text
        if not text or len(el) or not isinstance(el.tag, str) or el.tag in _INVISIBLE:
            continue
        m = _COUNTER.fullmatch(text.strip())
        if m and 0 < int(m.group(1)) <= int(m.group(2)):
            series.setdefault(m.group(2), []).append(el)
    for total, counters in series.items():
        if len(counters) < _SLIDES or int(total) < _SLIDES:
            continue
        box = _common_block(counters, root, stats)
        if box is None:
            continue
        while True:
            parent = box.getparent()
            if parent is None or parent is root or parent not in stats:
                break
            if stats[parent].text - stats[box].text > _SLIDESHOW_FRAME:
                break
            box = parent
        rest = stats[root].good - stats[box].good if root in stats else 0
        if rest >= _GALLERY_REST:
            out[box] = "gallery"


def _common_block(
    nodes: list[HtmlElement], root: HtmlElement, stats: dict[HtmlElement, _Stat]
) -> HtmlElement | None:
    """The lowest block element under ``root`` (``root`` excluded) holding all ``nodes``."""
    chains = [list(n.iterancestors()) for n in nodes]
    first = chains[0]
    others = [set(c) for c in chains[1:]]
    for anc in first:
        if anc is root:
            return None
        if anc in stats and all(anc in o for o in others):
            return anc
    return None


# ------------------------------------------------------------------ paywall tails

_SUBSCRIBE_CALL = re.compile(
    r"\b(?:please subscribe|subscribe (?:now|today|to (?:our|the|read|continue|access))|"
    r"already (?:a )?(?:subscriber|member)|(?:for|read) the full (?:story|article)|"
    r"(?:to )?(?:continue|keep) reading|become a (?:subscriber|member)|"
    r"subscribers? (?:only|can|also|get)|download (?:the|our) [\w ]{0,40}apps?\b|"
    r"jetzt abonnieren|bereits abonnent|weiterlesen mit|suscr[ií]bete|hazte (?:miembro|socio)|"
    r"abonnez-vous|d[ée]j[àa] abonn[ée])",
    re.IGNORECASE,
)
#: A call to subscribe is a short line...
_CALL_LINE = 400
#: ... that ends the article: at most this much text follows it in its box...
_PAYWALL_TAIL = 1500
#: ... and unless the box also ends with a call, no more than one short line.
_PAYWALL_LINE = 300
#: At least this much running text of the article comes before it.
_PAYWALL_BEFORE = 500


def _paywall_tails(
    root: HtmlElement, stats: dict[HtmlElement, _Stat], out: dict[HtmlElement, str]
) -> None:
    """Mark the subscription pitch that ends a story cut by a paywall: a short paragraph
    with a link that calls to subscribe ("please subscribe", "already a subscriber?",
    "download our app"), and everything after it in its box, when it comes after the
    story's text and what follows is one short line or a pitch that ends with a call
    too (a call in the middle of the story, followed by more of it, stays)."""
    for el in root.iter("p"):
        s = stats.get(el)
        if s is None or not s.anchors or s.text > _CALL_LINE or not _is_call(el, stats):
            continue  # (the first tests are _is_call's own, without the call)
        parent = el.getparent()
        if parent is None:
            continue
        before = after = 0.0
        seen = False
        for sib in parent:
            t = stats.get(sib)
            if sib is el:
                seen = True
            elif t is not None:
                if seen:
                    after += t.text
                else:
                    before += t.good
        if before < _PAYWALL_BEFORE or after > _PAYWALL_TAIL:
            continue
        if after <= _PAYWALL_LINE or _is_call(_last_paragraph(parent, stats), stats):
            out[el] = "subscribe-call"
            for sib in el.itersiblings():
                if sib in stats and sib.tag in _TEXT_BLOCKS:
                    out[sib] = "subscribe-call"
            return


def _is_call(el: HtmlElement | None, stats: dict[HtmlElement, _Stat]) -> bool:
    """A short paragraph with a link that calls to subscribe."""
    if el is None or el.tag != "p":
        return False
    s = stats.get(el)
    if s is None or not s.anchors or s.text > _CALL_LINE:
        return False
    text = text_of(el)
    return _may_call(text) and _SUBSCRIBE_CALL.search(text) is not None


#: A word part every branch of _SUBSCRIBE_CALL holds as it is ("subscri" for the three
#: "subscribe" branches, "abonn" for the four German and French ones...).
_CALL_KEYS = (
    "subscri", "already", "the full", "reading", "become a", "download", "abonn",
    "weiterlesen", "suscr", "hazte",
)  # fmt: skip
#: The characters other than ASCII letters that re's IGNORECASE matches with an ASCII
#: letter (simple lowercase İ -> i, Kelvin sign -> k; the equivalences ı ~ i, ſ ~ s).
_ASCII_CASE_KIN = ("\u0130", "\u212a", "\u0131", "\u017f")


def _may_call(text: str) -> bool:
    """A necessary condition of ``_SUBSCRIBE_CALL.search(text)``, ~50x cheaper than
    the case-insensitive search (which tries every branch at every position): a match
    spells one of the keys in ASCII letters of any case (or with one of the few
    non-ASCII characters case-insensitive matching takes for an ASCII letter, when
    the text has one), so the key is in ``text.lower()``.  Property-tested in
    tests/unit/test_content_walk.py."""
    if any(kin in text for kin in _ASCII_CASE_KIN):
        return True
    low = text.lower()
    return any(key in low for key in _CALL_KEYS)


def _last_paragraph(parent: HtmlElement, stats: dict[HtmlElement, _Stat]) -> HtmlElement | None:
    """The last ``<p>`` child of ``parent`` with text (a box of links may follow it)."""
    for child in reversed(parent):
        s = stats.get(child)
        if child.tag == "p" and s is not None and s.text:
            return child
    return None

"""Choosing the main-content node and the boilerplate inside it.

One XPath pass reads the class/id hints and hidden elements; one recursive walk
over ``<body>`` then computes, for every block-level element, its visible text
length, its link text length and link count, the text it carries itself (inline
content not inside a nested block) and a *content value*:

* a text block of running text is worth its length times ``1 - link density``;
  a short label without sentence punctuation is worth nothing; a heading a
  little; a link-heavy block (navigation, related links, tag rows) minus its
  length; a list item that opens with a linked headline and goes on with a
  summary (a teaser) counts against its container;
* an element whose class/id names boilerplate (share, related, newsletter,
  comments, sidebar, caption, author bio...; names are read word by word,
  camelCase and BEM split, state and layout classes such as ``has-sidebar`` or
  ``content-sidebar-wrap`` ignored) or whose tag does (``nav``, ``aside``,
  ``footer``, ``header``, ``form``) is worth minus half its text, and the nodes
  inside it are candidates only when nothing outside comes close;
* claimed widget and metadata elements, hidden elements and script-like tags
  are not counted at all;
* semantic hints raise a node's value in proportion to its running text:
  ``itemprop=articleBody``, content class names (``entry-content``,
  ``article-body``...), ``<article>``/``<main>``; blocks whose text the JSON-LD
  ``articleBody`` contains count more, the others less.

A node's value is its own block's value plus its children's, so the node of
greatest value is the container that gathers the most running text while
leaving out the most link lists and boilerplate (a maximum-subtree-sum search).
Then the signals are reconciled: when the JSON-LD ``articleBody`` is the whole
article (the page holds most of it and it is not a short summary), the node
that gathers most of it and least other text wins; otherwise a content-named
node inside the winner that holds nearly all its running text is preferred
(the rest was teasers), and siblings that continue the article (a body split
by an ad slot) are added back.  Inside the chosen node, boilerplate subtrees
are marked so that the block walk leaves them out: hinted boxes, lists of
links, lone "read more" links, label-only lines ("Advertisement", "Read more:
...", datelines, credit lines), the headline repeated, and the short boxes
around a link to an author page (bios, bylines) or around a form field
(newsletter sign-ups).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, cast

import lxml.html
from lxml import etree

from newsparse.document import Document
from newsparse.extract.dom import HtmlElement, PageIndex, name_parts, page_index, text_of

__all__ = ["MainContent", "find_main_content", "region_walks"]

# ----------------------------------------------------------------- vocabulary

#: Tags whose content is never visible article text.
_INVISIBLE = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "head", "title", "meta",
        "link", "iframe", "object", "embed", "canvas", "button", "input", "select",
        "textarea", "option", "video", "audio", "source", "track", "map", "dialog",
    }
)  # fmt: skip
#: Block-level tags: each one starts a new text block.
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "dd", "details", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "ul", "body", "caption", "picture", "h1", "h2", "h3", "h4", "h5",
        "h6", "menu",
    }
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HEADINGS_P = _HEADINGS | {"p"}
#: Tags that are boilerplate by their nature (pruned unless they hold most of the text).
_BOILER_TAGS = frozenset({"nav", "aside", "footer", "header", "menu", "form"})

# Class/id names are matched word by word after splitting camelCase and BEM
# separators: "ArticlePage-authorInfo-shortBiography" reads "article-page-author-info-
# short-biography".
_CONTENT_HINT = re.compile(
    r"(?:^|-)(?:entry-content|post-content|article-content|article-body|articlebody|"
    r"article-text|story-body|story-content|story-text|post-body|post-entry|post-text|"
    r"content-body|main-content|text-body|body-text|entry-body|single-content|td-post-content|"
    r"rich-text|page-content|news-text|news-content|article-main|article-inner|body-copy|"
    r"articletext|storytext|bodytext|postcontent|entrycontent)(?:$|-)"
)
_WEAK_CONTENT_HINT = re.compile(r"(?:^|-)(?:article|story|post|entry|content|text|body)(?:$|-)")
_BOILER_HINT = re.compile(
    r"(?:^|-)(?:share|shares|sharing|sharebar|social|socials|related|newsletters?|subscribe|"
    r"subscription|signup|sign-up|advert\w*|ad|ads|adslot|ad-slot|ad-unit|dfp|gpt|"
    r"promo\w*|sponsor\w*|taboola|outbrain|bio|bios|biography|author|authors|about-the-author|"
    r"comments?|respond|disqus|sidebar|rail|widget\w*|breadcrumbs?|tags|tag(?=$|-(?:list|cloud|links?|box|bar|"
    r"row|area|section|wrap\w*|container|block|items?)(?:$|-))|"
    r"categories|nav|navbar|navigation|menu|footer|cookies?|consent|gdpr|popup|modal|"
    r"overlay|recommend\w*|read-more|more-stories|more-news|trending|popular|most-read|"
    r"most-popular|toolbar|pagination|pager|print|byline|dateline|timestamp|date|dates|"
    r"published|caption|captions|figcaption|credit|credits|copyright|rollover|hovercard|"
    r"hover-card|popover|tooltip|latest-news|latest-stories|latest-posts|latest-articles|"
    r"hidden|sr-only|screen-reader-text|visually-hidden|skip-link|meta|teaser|teasers|cta|"
    r"follow|follow-us|dek|standfirst|disclosure|affiliate|jp-relatedposts|yarpp|"
    r"video-player|player|playlist|login|register|signin)(?:$|-)"
)
_STATE_WORD = frozenset({"has", "no", "with", "without", "is", "show", "hide", "enable",
                         "disable", "can", "js", "u"})  # fmt: skip
_LAYOUT_WORD = frozenset({"wrap", "wrapper", "container", "layout", "page", "site", "main",
                          "content", "body", "grid", "col", "column", "row", "l", "o"})  # fmt: skip
_EMBED_WORD = re.compile(r"embed|tweet|instagram|tiktok|quote|pullquote")
#: Last words that make a class name about looks, not about what the box is.
_LOOKS_WORD = frozenset({"style", "styles", "styled", "css", "theme", "color", "colour",
                         "font", "size", "variant", "format", "formatting"})  # fmt: skip
#: Words that hide the element only as the whole name ("hidden", "visually-hidden").
_VISIBILITY_WORD = frozenset({"hidden", "visually", "invisible"})
#: Every word the hint patterns can match on (a superset): a quick set test rules out
#: the many class names that say nothing, before any regular expression runs.
_VOCABULARY_WORDS = """
    entry post article story content body text articlebody articletext storytext bodytext
    postcontent entrycontent share shares sharing sharebar social socials related newsletter
    newsletters subscribe subscription signup sign ad ads adslot dfp gpt taboola outbrain bio
    bios biography author authors comment comments respond disqus sidebar rail breadcrumb
    breadcrumbs tag tags categories nav navbar navigation menu footer cookie cookies consent
    gdpr popup modal overlay more trending popular most toolbar pagination pager print byline
    dateline timestamp date dates published caption captions figcaption credit credits
    copyright rollover hovercard hover popover tooltip latest hidden sr skip meta teaser
    teasers cta follow dek standfirst disclosure affiliate relatedposts yarpp player playlist
    login register signin"""
_VOCABULARY = frozenset(_VOCABULARY_WORDS.split())
_VOCABULARY_PREFIXES = ("advert", "promo", "sponsor", "widget", "recommend")
_EMBED_PARTS = ("embed", "tweet", "instagram", "tiktok", "quote")
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
_AUTHOR_HREF = re.compile(r"/(?:author|authors|contributors?|writers?)/")
#: An author box (photo, name, bio) is at most this long.
_AUTHOR_BOX = 1200
#: A sign-up box (heading, pitch, e-mail field) is at most this long.
_FORM_BOX = 500
_FORM_CONTROLS = frozenset({"input", "textarea", "select"})
_ATTR_XPATH = etree.XPath(
    "descendant::*[@class or @id or @itemprop or @style or @hidden or @aria-hidden]"
)
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
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Inline tags whose childless elements the walk counts without a recursive call.
_INLINE_LEAVES = frozenset(
    {"a", "span", "em", "strong", "b", "i", "u", "small", "sup", "sub", "font", "abbr", "cite",
     "code", "mark", "time", "q", "s", "del", "ins", "img", "br", "wbr", "bdi", "dfn", "kbd"}
)  # fmt: skip
#: Tags whose class names the scoring never reads (links and media are judged by their
#: block; the inline-box rule skips links).
_UNHINTED = frozenset({"a", "img", "i", "br", "hr", "picture", "symbol", "path", "use", "g"})
_TAG_HINT = {tag: -1 for tag in _BOILER_TAGS} | {"article": 1, "main": 1}
_NOTHING = (0, 0, 0.0, 0.0, 0)
_WS = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")  # (where a strip is also wanted, " ".join(s.split()) is faster)

#: Below this many characters a text block without sentence punctuation is a label.
_SHORT = 40
#: Inline elements with a boilerplate hint and less text than this are left out.
_INLINE_BOX = 400
#: A content-named node inside the winner with this share of its text is preferred.
_HINTED_SHARE = 0.8
#: Link density above which a text block counts against its container.
_LINKY = 0.5
#: Below this much running text on the page, hidden fallbacks (noscript, templates) are read.
_FALLBACK_GOOD = 200
#: A teaser list has at least this many items...
_TEASERS = 3
#: ... each opening with a linked headline at least this long.
_TEASER_HEADLINE = 15
#: A sibling joins the region with this share of the best node's running text...
_SIBLING_SHARE = 0.2
#: ... and at least this much.
_SIBLING_MIN = 100.0
#: A boilerplate sibling with this much text ends the region on its side.
_STOP_TEXT = 150
#: How many ancestors of the best node the region may reach up.
_REGION_LEVELS = 6


@dataclass
class MainContent:
    """The main-content region and the elements inside it that are not body."""

    node: HtmlElement | None
    """The first region root (the common ancestor when the region is one subtree);
    None when the page has no article text."""
    boilerplate: set[HtmlElement] = field(default_factory=set)
    """Elements under the roots to leave out of the body."""
    roots: list[HtmlElement] = field(default_factory=list)
    """The region: one or more subtree roots, in document order, that together are the
    article; the block walk takes them in this order."""
    candidates: list[tuple[HtmlElement, float]] = field(default_factory=list)
    """With ``explain=True``: the best-valued nodes of the page and their values."""
    dropped: dict[HtmlElement, str] = field(default_factory=dict)
    """With ``explain=True``: each boilerplate element under the roots and why it was
    left out ("hidden", "hinted-boilerplate", "link-list", "label", "gallery",
    "teaser-list", "share-bar", "author-box", "form-box", "headline", ...)."""


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


class _Scorer:
    """The one walk that computes a :class:`_Stat` for every block element."""

    def __init__(
        self,
        body: HtmlElement,
        skip: Collection[HtmlElement],
        ld_text: str | None,
        index: PageIndex | None = None,
    ) -> None:
        self.skip: set[HtmlElement] = set(skip)
        #: The hint of every element with a class, id or itemprop (others: by tag).
        self.hints: dict[HtmlElement, int] = {}
        hidden: list[HtmlElement] = []
        if index is None:
            found = cast("list[HtmlElement]", _ATTR_XPATH(body))
            attributed = [(el, dict(el.attrib)) for el in found]
        else:
            attrs = index.attrs
            attributed = [(el, attrs[el]) for el in index.descendants(body) if el in attrs]
        hints = self.hints
        for el, attrib in attributed:
            tag = el.tag
            if tag in _INVISIBLE:
                continue  # never walked into
            if len(attrib) == 1 and "class" in attrib:
                # the common case, a class and nothing else: not hidden, hint by class
                if tag not in _UNHINTED:
                    hints[el] = _class_hint(tag, attrib["class"])
                continue
            get = attrib.get
            style = get("style")
            if (
                "hidden" in attrib
                or get("aria-hidden") == "true"
                or (style and _HIDDEN_STYLE.search(style))
            ):
                hidden.append(el)
            elif tag not in _UNHINTED:
                hints[el] = _hint(get, tag)
        self.skip.update(hidden)
        self.stats: dict[HtmlElement, _Stat] = {}
        self.hidden = hidden
        #: Small inline boxes with a boilerplate hint (captions, hover cards...).
        self.excluded: list[HtmlElement] = []
        self.author_links: list[HtmlElement] = []
        self.form_controls: list[HtmlElement] = []
        self.ld_text = ld_text
        #: Blocks whose text the JSON-LD articleBody contains, with their running text.
        self.ld_blocks: list[tuple[HtmlElement, float]] = []
        self.ld_hit = 0.0
        self.count = 0

    def visit(
        self, el: HtmlElement, own: list[Any], in_link: bool, boxed: bool
    ) -> tuple[int, int, float, float, int]:
        """Walk ``el``; add its inline text to ``own`` (the enclosing block's counters).

        Returns (text, link text, value, good, links count) of the subtree, its tail
        excluded.  The recursion is a closure over local names: this is the hot loop.
        """
        skip = self.skip
        hints = self.hints
        stats = self.stats
        excluded = self.excluded
        author_links = self.author_links
        form_controls = self.form_controls
        block_value = self._block_value
        ld_blocks = self.ld_blocks
        with_texts = self.ld_text is not None
        counter = [self.count]

        def walk(
            el: HtmlElement, own: list[Any], in_link: bool, boxed: bool
        ) -> tuple[int, int, float, float, int]:
            tag = el.tag
            if tag.__class__ is not str or tag in _INVISIBLE or el in skip:
                if tag in _FORM_CONTROLS and el.get("type") not in ("hidden", "submit", "button"):
                    form_controls.append(el)
                return _NOTHING
            hint = hints.get(el)
            if hint is None:
                hint = _TAG_HINT.get(tag, 0)
            block = tag in _BLOCK
            mine: list[Any]
            if block:
                counter[0] += 1
                # chars, link chars, sentence marks, text pieces (only to compare with
                # JSON-LD), whether the block starts with a link
                mine = [0, 0, 0, [] if with_texts else None, False]
            else:
                mine = own
                if hint < 0 and tag != "a":
                    # an inline box (caption, hover card, read-more teaser): left out when small
                    junk: list[Any] = [0, 0, 0, None, False]
                    size = len((el.text or "").strip()) + sum(
                        walk(child, junk, True, True)[0] + len((child.tail or "").strip())
                        for child in el
                    )
                    if size < _INLINE_BOX:
                        excluded.append(el)
                        return _NOTHING
            texts: list[str] | None = mine[3]
            total = links = anchors = 0
            if tag == "a":
                href = el.get("href")
                if not (href and href.startswith("javascript:") and _has_block_child(el)):
                    in_link = True  # (a script "link" around paragraphs is a wrapper)
                    anchors = 1
                if (href and _AUTHOR_HREF.search(href)) or el.get("rel") == "author":
                    author_links.append(el)
            value = good = 0.0
            text = el.text
            if text:
                n = len(text.strip())
                if n:
                    total = n
                    if not mine[0]:
                        mine[4] = in_link
                    mine[0] += n
                    if not mine[2] and _has_marks(text):
                        mine[2] = 1
                    if in_link:
                        links = n
                        mine[1] += n
                    if texts is not None:
                        texts.append(text)
            index = counter[0]
            inner_boxed = boxed or hint < 0
            for child in el:
                ctag = child.tag
                if (
                    ctag in _INLINE_LEAVES
                    and not len(child)
                    and child not in skip
                    and (ctag == "a" or hints.get(child, 0) >= 0)
                ):
                    # the common case, an inline element with only text, handled here
                    # rather than by a call: same counting as walk() would do
                    leaf_text = child.text
                    leaf_link = in_link
                    if ctag == "a":
                        leaf_link = True
                        anchors += 1
                        href = child.get("href")
                        if (href and _AUTHOR_HREF.search(href)) or child.get("rel") == "author":
                            author_links.append(child)
                    if leaf_text:
                        n = len(leaf_text.strip())
                        if n:
                            total += n
                            if not mine[0]:
                                mine[4] = leaf_link
                            mine[0] += n
                            if not mine[2] and _has_marks(leaf_text):
                                mine[2] = 1
                            if leaf_link:
                                links += n
                                mine[1] += n
                            if texts is not None:
                                texts.append(leaf_text)
                else:
                    t, lk, v, g, na = walk(child, mine, in_link, inner_boxed)
                    total += t
                    links += lk
                    anchors += na
                    value += v
                    good += g
                tail = child.tail
                if tail:
                    n = len(tail.strip())
                    if n:
                        total += n
                        if not mine[0]:
                            mine[4] = in_link
                        mine[0] += n
                        if not mine[2] and _has_marks(tail):
                            mine[2] = 1
                        if in_link:
                            links += n
                            mine[1] += n
                        if texts is not None:
                            texts.append(tail)
            if not block:
                return total, links, value, good, anchors
            own_value, own_good = block_value(tag, mine, texts)
            value += own_value
            good += own_good
            if self.ld_hit:
                ld_blocks.append((el, self.ld_hit))
                self.ld_hit = 0.0
            if hint > 0:
                value += good * (0.35 if hint > 1 else 0.1)
            elif hint < 0:
                value = min(value, 0.0) - total * 0.5
            stats[el] = _Stat(total, links, value, good, hint, index, boxed, anchors)
            return total, links, value, good, anchors

        result = walk(el, own, in_link, boxed)
        self.count = counter[0]
        return result

    def _block_value(
        self, tag: str, mine: list[Any], texts: list[str] | None
    ) -> tuple[float, float]:
        """The value of a block's own text, and how much of it is running text."""
        chars, link_chars, marks = mine[0], mine[1], mine[2]
        if not chars:
            return 0.0, 0.0
        density = link_chars / chars
        if density > _LINKY:
            return -chars, 0.0
        if tag in _HEADINGS:
            value = chars * 0.3 * (1 - density)
            return value, value
        if tag == "li" and mine[4] and link_chars >= 25 and chars - link_chars >= 40:
            # a teaser (linked headline, then its summary): counts against the choice
            # of its container, but is not pruned where the article itself has them
            return -chars * 0.5, chars - link_chars
        if chars < _SHORT and not marks:
            return 0.0, 0.0
        value = chars * (1 - density)
        if texts is not None and self.ld_text is not None and chars >= 40:
            probe = " ".join("".join(texts).split())[:80]
            if probe in self.ld_text:
                self.ld_hit = value
                return value * 1.5, value
            return value * 0.7, value
        return value, value


_EMBED, _STRONG, _BOILER, _HEAD_BOILER, _WEAK = 1, 2, 4, 8, 16
#: Distinct class names / class strings remembered: a site's vocabulary is a few thousand
#: names, so a crawl over a few sites reads each name once (about 100 bytes an entry).
_CACHE_SIZE = 1 << 15


def _has_block_child(el: HtmlElement) -> bool:
    return any(child.tag in _BLOCK for child in el)


def _has_marks(text: str) -> bool:
    """Whether a text piece has sentence punctuation (a label like "Share" has none)."""
    return ". " in text or ", " in text or text.rstrip().endswith((".", "!", "?", '"'))


@lru_cache(maxsize=_CACHE_SIZE)
def _token_flags(token: str) -> int:
    """What one class name or id says (bit flags); names repeat, so this is cached.

    The name is read as whole words (:func:`name_parts`: BEM and CSS-module separators,
    camelCase, hashes dropped), never as substrings.  A name whose last word is about
    looks (``tagStyle``, ``date-color``) names a style, not a box; a visibility word
    (``hidden``) marks the element itself only when it is the whole name
    (``field--label-hidden`` hides a label, not the field).
    """
    parts = name_parts(token)
    if not parts or (
        _VOCABULARY.isdisjoint(parts)
        and not any(part.startswith(_VOCABULARY_PREFIXES) for part in parts)
        and not any(embed in parts[-1] for embed in _EMBED_PARTS)
    ):
        return 0  # most names say nothing
    first = parts[0]
    if first in _STATE_WORD or parts[-1] in _LOOKS_WORD:
        return 0
    if parts[-1] in _VISIBILITY_WORD and len(parts) > 1 and parts[-2] not in _VISIBILITY_WORD:
        parts = parts[:-1]
    words = "-".join(parts)
    if _EMBED_WORD.search(parts[-1]):
        return _EMBED
    if _CONTENT_HINT.search(words):
        return _STRONG
    if first not in _LAYOUT_WORD and _BOILER_HINT.search(words):
        return _BOILER | (_HEAD_BOILER if _BOILER_HINT.match(words) else 0)
    if _WEAK_CONTENT_HINT.search(words):
        return _WEAK
    return 0


@lru_cache(maxsize=_CACHE_SIZE)
def _class_flags(cls: str) -> int:
    """The flags of all the names in a class attribute (class strings repeat)."""
    flags = 0
    for token in cls.split():
        flags |= _token_flags(token)
    return flags


@lru_cache(maxsize=_CACHE_SIZE)
def _class_hint(tag: str, cls: str) -> int:
    """:func:`_hint` of an element whose only attribute is ``class``."""
    return _hint({"class": cls}.get, tag)


def _hint(get: Callable[[str], str | None], tag: str) -> int:
    """+2 strong content hint, +1 weak one, -1 boilerplate, 0 none.

    Class names are read one by one: state classes (``has-sidebar``,
    ``no-comments``...) say nothing about the element itself, layout wrappers
    (``content-sidebar-wrap``, ``page-ad-margins``) are not the boxes they name,
    embedded posts (``social-embed``, ``twitter-tweet``) are content, and a box
    named by its first word (``ad-wrapper after-the-post-content``) is that box.
    """
    if get("itemprop") == "articleBody":
        return 2
    cls = get("class")
    ident = get("id")
    flags = _WEAK if tag in ("article", "main") else 0
    if tag in _BOILER_TAGS:
        flags |= _BOILER
    if cls:
        flags |= _class_flags(cls)
    if ident:
        flags |= _token_flags(ident)
    if flags & _EMBED:
        return 0
    if flags & _STRONG and not flags & _HEAD_BOILER:
        return 2
    if flags & _BOILER:
        return -1
    return 1 if flags & _WEAK else 0


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


def _is_dateline(text: str) -> bool:
    """A short line that is only a date/time with a few connecting words
    ("Updated 14 hours ago", "Posted on Oct 27, 2015 by Admin")."""
    if not _DATE_ANCHOR.search(text):
        return False
    rest = _DATE_WORDS.sub(" ", text)
    return len(_WORD.findall(rest)) <= 2


def _jsonld_body(doc: Document) -> str | None:
    for obj in doc.jsonld:
        body = obj.get("articleBody")
        if isinstance(body, str) and len(body) >= 300:
            if "<" in body or "&" in body:  # HTML or escaped entities inside the JSON
                body = html.unescape(_TAG.sub(" ", body))
            return _WS.sub(" ", body)
    return None


def find_main_content(
    doc: Document,
    claimed: Collection[HtmlElement] = (),
    *,
    explain: bool = False,
    _fallback: bool = True,
) -> MainContent:
    """Find the main-content region of ``doc``, ignoring ``claimed`` widget and metadata
    elements.

    Returns the region's roots in document order and the boilerplate elements under
    them.  With ``explain`` it also gives the best-valued candidate nodes and, for each
    element left out, a short reason (this costs a sort and a dict; plain parsing does
    not ask for it).
    """
    root = doc.root
    body = root.find("body")
    if body is None:
        body = root
    skip = claimed if isinstance(claimed, (set, frozenset)) else set(claimed)
    scorer = _Scorer(body, skip, _jsonld_body(doc), page_index(doc))
    scorer.visit(body, [0, 0, 0, None, False], False, False)
    stats = scorer.stats
    candidates = _candidates(stats) if explain else []
    if not stats:
        if _fallback and _reveal_fallbacks(body):
            return find_main_content(doc, claimed, explain=explain, _fallback=False)
        return MainContent(node=None, candidates=candidates)
    best, best_stat = max(stats.items(), key=_rank)
    if best_stat.boxed:
        # inside comments, a sidebar...: take the best node outside, unless it is poor
        pool = [kv for kv in stats.items() if not kv[1].boxed]
        if pool:
            other, other_stat = max(pool, key=_rank)
            if other_stat.value >= best_stat.value * 0.4 and other_stat.good > 0:
                best, best_stat = other, other_stat
    if _fallback and best_stat.good < _FALLBACK_GOOD:
        # next to nothing visible: the text may be in a <noscript> fallback or in an HTML
        # template that a script would show; take it when it gives more running text
        undo = _reveal_fallbacks(body)
        if undo:
            shown = find_main_content(doc, claimed, explain=explain, _fallback=False)
            if sum(len(text_of(r)) for r in shown.roots) > best_stat.text * 2:
                return shown
            for el, original in undo:
                if original is None:
                    el.tag = "noscript"
                else:
                    el.getparent().replace(el, original)
            scorer = _Scorer(body, skip, _jsonld_body(doc), page_index(doc))
            scorer.visit(body, [0, 0, 0, None, False], False, False)
            stats = scorer.stats
            best, best_stat = max(stats.items(), key=_rank)
    if best_stat.good <= 0:
        # no running text anywhere: a page of a few words that are not links is its text
        whole = stats.get(body)
        if whole is None or not whole.text or whole.links * 2 >= whole.text:
            return MainContent(node=None, candidates=candidates)
        return MainContent(node=body, roots=[body], candidates=candidates)
    agreed = _jsonld_choice(scorer, stats, best_stat.good)
    if agreed is not None:
        best, best_stat = agreed
        roots = [best]
    else:
        best, best_stat = _prefer_hinted(best, best_stat, stats)
        roots = _region(best, best_stat, stats)
    marks: dict[HtmlElement, str] = dict.fromkeys(scorer.hidden, "hidden")
    marks.update(dict.fromkeys(scorer.excluded, "hinted-boilerplate"))
    titles = _titles(doc)
    for node in roots:
        _prune(node, stats, best_stat.good, marks, titles)
        _prune_boxes(node, scorer.author_links, stats, best_stat.good, marks, _AUTHOR_BOX,
                     "author-box")  # fmt: skip
        _prune_boxes(node, scorer.form_controls, stats, best_stat.good, marks, _FORM_BOX,
                     "form-box")  # fmt: skip
    _orphan_labels(marks, stats)
    dropped: dict[HtmlElement, str] = {}
    if explain:
        inside = {el for node in roots for el in node.iter()}
        dropped = {el: why for el, why in marks.items() if el in inside}
    return MainContent(
        node=roots[0], boilerplate=set(marks), roots=roots, candidates=candidates,
        dropped=dropped,
    )  # fmt: skip


_TEMPLATE_TYPES = frozenset({"text/template", "text/html", "text/x-template"})


def _reveal_fallbacks(body: HtmlElement) -> list[tuple[HtmlElement, HtmlElement | None]]:
    """Show the text a page hides from this reader: ``<noscript>`` blocks become
    ``<div>``, and a script-held HTML template (``<script type="text/template">``) is
    parsed into a ``<div>`` in its place.  Returns what was changed, to undo it (None
    for a renamed noscript, the original script otherwise)."""
    changed: list[tuple[HtmlElement, HtmlElement | None]] = []
    for el in list(body.iter("noscript", "script")):
        if el.tag == "noscript":
            if len(el) and el.text_content().strip():
                el.tag = "div"
                changed.append((el, None))
            continue
        markup = el.text or ""
        if (el.get("type") or "").lower() not in _TEMPLATE_TYPES or "<p" not in markup:
            continue
        try:
            parts = lxml.html.fragments_fromstring(markup)
        except (etree.ParserError, ValueError):
            continue
        box = lxml.html.Element("div")
        for part in parts:
            if isinstance(part, str):
                box.text = (box.text or "") + part
            else:
                box.append(part)
        box.tail = el.tail
        parent = el.getparent()
        if parent is not None:
            parent.replace(el, box)
            changed.append((box, el))
    return changed


def region_walks(roots: list[HtmlElement]) -> list[tuple[HtmlElement, set[HtmlElement]]]:
    """How to walk a region into blocks: (node, its children to leave out) in order.

    One root is walked as it is.  Roots that are siblings are walked through their
    parent with the parent's other element children left out, so that a heading or a
    list among them stays a heading or a list (a walk reads its node's children).
    """
    if len(roots) == 1:
        return [(roots[0], set())]
    plan: list[tuple[HtmlElement, set[HtmlElement]]] = []
    i = 0
    while i < len(roots):
        parent = roots[i].getparent()
        j = i
        while j + 1 < len(roots) and roots[j + 1].getparent() is parent:
            j += 1
        if parent is None:
            plan.append((roots[i], set()))
            i += 1
            continue
        group = set(roots[i : j + 1])
        plan.append((parent, {c for c in parent if c not in group and isinstance(c.tag, str)}))
        i = j + 1
    return plan


def _candidates(stats: dict[HtmlElement, _Stat], top: int = 10) -> list[tuple[HtmlElement, float]]:
    ranked = sorted(stats.items(), key=_rank, reverse=True)[:top]
    return [(el, s.value) for el, s in ranked]


def _jsonld_choice(
    scorer: _Scorer, stats: dict[HtmlElement, _Stat], density_good: float
) -> tuple[HtmlElement, _Stat] | None:
    """When the page's JSON-LD ``articleBody`` is the whole article (the page holds
    most of it), the node that gathers the most of its text and the least other running
    text wins.  When it is a summary or absent, the density-based choice stands."""
    if scorer.ld_text is None or not scorer.ld_blocks:
        return None
    found = sum(value for _, value in scorer.ld_blocks)
    if found < len(scorer.ld_text) * 0.5 or len(scorer.ld_text) < density_good * 0.3:
        return None  # not on the page, or a summary of a longer text
    matched: dict[HtmlElement, float] = {}
    for el, value in scorer.ld_blocks:
        matched[el] = matched.get(el, 0.0) + value
        for anc in el.iterancestors():
            matched[anc] = matched.get(anc, 0.0) + value
    best: tuple[HtmlElement, _Stat] | None = None
    best_key = (0.0, 0)
    for el, m in matched.items():
        s = stats.get(el)
        if s is None or s.boxed or m < found * 0.5:
            continue  # a node holding a small part of the article is not the article
        key = (2 * m - s.good, s.index)
        if best is None or key > best_key:
            best, best_key = (el, s), key
    return best


def _prefer_hinted(
    best: HtmlElement, stat: _Stat, stats: dict[HtmlElement, _Stat]
) -> tuple[HtmlElement, _Stat]:
    """When the winner is a wrapper around a node the page names as the article body
    (``itemprop=articleBody``, ``entry-content``, ``<article>``) that holds nearly all
    of its running text, the rest is teasers and chrome: take the named node."""
    if stat.hint > 1:
        return best, stat
    found: tuple[HtmlElement, _Stat] | None = None
    for el in best.iterdescendants():
        s = stats.get(el)
        if s is None or s.hint <= 0 or s.boxed != stat.boxed:
            continue
        share = s.good / stat.good if stat.good else 0.0
        qualifies = (s.hint > 1 and share >= _HINTED_SHARE) or (s.hint > stat.hint and share >= 0.9)
        if qualifies and (found is None or (s.hint, s.good) > (found[1].hint, found[1].good)):
            found = (el, s)
    return found if found is not None else (best, stat)


def _rank(item: tuple[HtmlElement, _Stat]) -> tuple[float, int]:
    return item[1].value, item[1].index


def _region(
    best: HtmlElement, stat: _Stat, stats: dict[HtmlElement, _Stat]
) -> list[HtmlElement]:
    """The article as an ordered list of subtree roots around ``best``.

    From ``best`` up to its ancestors, the siblings on each side are read outward with
    the same values the choice used: a sibling that carries running text of its own
    (enough of it, little link text, no boilerplate hint) joins the region, together
    with the short text blocks (subheads, short paragraphs) between it and the region;
    empty or small elements (ad slots, images, spacers) are passed over; the first
    boilerplate sibling (a hinted box with text, a list of links) ends the region on
    that side, at this level and every level above.  The climb stops at ``<body>``, at
    an ancestor that is boilerplate, or when a level adds nothing on either side.
    """
    roots = [best]
    threshold = max(stat.good * _SIBLING_SHARE, _SIBLING_MIN)
    open_sides = [True, True]  # before, after
    cur = best
    for _ in range(_REGION_LEVELS):
        parent = cur.getparent()
        if parent is None or cur.tag in ("body", "html"):
            break
        if parent not in stats:
            break
        siblings = list(parent)
        at = siblings.index(cur)
        for side, seq in ((0, reversed(siblings[:at])), (1, siblings[at + 1 :])):
            if not open_sides[side]:
                continue
            pending: list[HtmlElement] = []
            for sib in seq:
                kind = _sibling_kind(sib, stats.get(sib), threshold)
                if kind == _JOIN:
                    roots.extend(pending)
                    roots.append(sib)
                    pending = []
                elif kind == _SHORT_TEXT:
                    pending.append(sib)
                elif kind == _STOP:
                    open_sides[side] = False
                    break
        if not any(open_sides):
            break
        cur = parent
    roots.sort(key=lambda el: stats[el].index)
    return _outermost(roots)


_JOIN, _SHORT_TEXT, _STOP, _PASS = 0, 1, 2, 3


def _sibling_kind(el: HtmlElement, s: _Stat | None, threshold: float) -> int:
    """How a sibling of the region reads: joins it, is short text between region
    parts, ends it, or is passed over."""
    if s is None:
        return _PASS
    if s.text == 0:
        return _PASS
    density = s.links / s.text
    if s.hint < 0:
        return _STOP if s.text >= _STOP_TEXT or s.anchors >= 3 else _PASS
    if s.anchors >= 3 and density > 0.5:
        return _STOP if s.text >= _STOP_TEXT else _PASS
    if density < 0.25 and s.value > 0:
        if s.good >= threshold and s.good >= s.text * 0.5:
            return _JOIN
        if s.good > 0 and s.text < _STOP_TEXT:
            return _SHORT_TEXT
    if s.text >= _STOP_TEXT and s.value < 0:
        return _STOP
    return _PASS


def _outermost(roots: list[HtmlElement]) -> list[HtmlElement]:
    """Drop roots inside another root (document order kept)."""
    chosen = set(roots)
    return [el for el in roots if not any(a in chosen for a in el.iterancestors())]


def _prune(
    node: HtmlElement,
    stats: dict[HtmlElement, _Stat],
    main_good: float,
    out: dict[HtmlElement, str],
    titles: frozenset[str] = frozenset(),
) -> None:
    """Mark boilerplate subtrees under ``node``: hinted, link-heavy, or label-only."""
    guard = main_good * 0.5
    stack = list(node)
    while stack:
        el = stack.pop()
        s = stats.get(el)
        if s is None:
            # inline or invisible: look inside only for blocks wrapped in inline tags
            if isinstance(el.tag, str) and el.tag not in _INVISIBLE and len(el):
                stack.extend(el)
            continue
        why = _is_boilerplate(el, s, guard, titles, stats)
        if why is not None:
            out[el] = why
            continue
        stack.extend(el)


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
        if s is None and isinstance(sib.tag, str) and sib.text_content().strip():
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


def _opens_with_link(item: HtmlElement, stats: dict[HtmlElement, _Stat]) -> bool:
    """Whether ``item`` opens with a linked headline: its first visible text is inside a
    link, in a block of its own (a heading, a title line) that is nearly all link text,
    not a link that starts a sentence of running text."""
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
        if not linked or block is None or block is item:
            return False
        s = stats[block]
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
            if s is not None and s.text > 2 * len(marker.text_content()) + 20:
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
) -> str | None:
    """Why ``el`` (inside the region) is boilerplate, or None when it is not."""
    if s.text == 0:
        return None
    if s.hint < 0 and s.good < guard:
        return "hinted-boilerplate"
    density = s.links / s.text
    tag = el.tag
    if s.text <= 300 and (tag in _HEADINGS or tag == "p" or s.text <= 100 or s.anchors):
        label = " ".join(el.text_content().split())
        if len(label) > s.text + 40:
            label = text_of(el)  # script or style text inside: read the visible text only
        if s.text <= 100 and (
            _LABEL_TEXT.match(label)
            or (tag not in _HEADINGS and tag != "li" and _is_dateline(label))
        ):
            return "label"
        if s.anchors and density > 0.5 and _LINK_LABEL.match(label):
            return "read-more"
        if _CREDIT_LINE.match(label):
            return "credit"
        if (tag in _HEADINGS or tag == "p") and titles and _fold(label) in titles:
            return "headline"  # the headline repeated inside the content node
    if tag in _HEADINGS:
        return None
    if s.anchors >= 3 and density > 0.6:
        return "link-list"
    if s.anchors and density > 0.8 and tag not in ("li", "td", "th", "tr"):
        return "read-more"  # a lone "read more" link
    if s.anchors >= _TEASERS and len(el) >= _TEASERS and _is_teaser_list(el, stats):
        return "teaser-list"
    # links and labels only (share buttons, tag rows)
    if s.value < 0 and s.good == 0 and s.anchors >= 2 and tag not in ("p", "td", "th", "tr"):
        return "share-bar"
    return None

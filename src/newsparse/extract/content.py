"""Choosing the main-content node and the boilerplate inside it.

The page index gives the hidden elements (one test of each element's attribute
names); one recursive walk over ``<body>`` then computes, for every block-level
element, its class/id hint (read from the index's attributes), its visible text
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
node inside the winner that holds nearly all its running text is preferred.

The main content is a *region*: an ordered list of subtree roots.  From the chosen
node up through its ancestors, siblings are read outward with the same values: one
that carries running text of its own (a share of the chosen node's, little link text,
no boilerplate name) joins, with the short blocks between it and the region; empty
and small ones (ad slots, images) are passed over; the first boilerplate sibling ends
the region on that side (see :func:`_region`).  So a body split by ad slots or built
from page-builder sections is one region, and the related list after it is not.

Inside the region, boilerplate subtrees are marked for the block walk to leave out
(:mod:`newsparse.extract.content_prune`); class/id names are read as whole words
(:mod:`newsparse.extract.content_names`).  A page with next to nothing visible is
read from its ``<noscript>`` fallback or a script-held HTML template.

A standfirst (dek) is not body text: a box named ``dek``/``standfirst`` is left out
of ``text``, and the page's summary is the Article's ``description`` (from its
metadata), so text + description together hold the lead once.  So a lead paragraph
just before the region (a box named "intro", "teaser", "lead"... as whole words) that
the page's descriptions do not hold opens the region: otherwise neither field would.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, cast

import lxml.html
from lxml import etree

from newsparse import _accel
from newsparse.document import Document
from newsparse.extract.content_lead import _lead_before
from newsparse.extract.content_names import (
    _BLOCK,
    _HEADINGS,
    _INVISIBLE,
    _TAG_HINT,
    _UNHINTED,
    _class_hint,
    _hint,
)
from newsparse.extract.content_prune import (
    _AUTHOR_BOX,
    _FORM_BOX,
    LAZY_ATTRS,
    _orphan_labels,
    _prune,
    _prune_boxes,
    _Stat,
    _titles,
)
from newsparse.extract.dom import (
    HtmlElement,
    PageIndex,
    _subtree_end,
    page_index,
    text_of,
)

__all__ = ["MainContent", "find_main_content", "region_walks"]

# ----------------------------------------------------------------- vocabulary


_AUTHOR_HREF = re.compile(r"/(?:author|authors|contributors?|writers?)/")
_FORM_CONTROLS = frozenset({"input", "textarea", "select"})
_ATTR_XPATH = etree.XPath(
    "descendant::*[@class or @id or @itemprop or @style or @hidden or @aria-hidden]"
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: The attributes that can make an element a lazy-loaded image or hidden (the rest
#: of the scorer's set-up reads only class, id and itemprop).
_LAZY_OR_HIDING = LAZY_ATTRS | {"style", "hidden", "aria-hidden"}
#: Inline tags whose childless elements the walk counts without a recursive call.
_INLINE_LEAVES = frozenset(
    {"a", "span", "em", "strong", "b", "i", "u", "small", "sup", "sub", "font", "abbr", "cite",
     "code", "mark", "time", "q", "s", "del", "ins", "img", "br", "wbr", "bdi", "dfn", "kbd"}
)  # fmt: skip
_NOTHING = (0, 0, 0.0, 0.0, 0)
_ATTRIB = attrgetter("attrib")
_WS = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")  # (where a strip is also wanted, " ".join(s.split()) is faster)

#: An element's children as one list made in C (lxml's ``getchildren``, documented as
#: deprecated yet in every release): about half the cost of iterating the element;
#: ``list`` where an lxml lacks it.
_children: Callable[[HtmlElement], list[HtmlElement]] = getattr(HtmlElement, "getchildren", list)
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
#: A sibling joins the region with this share of the best node's running text...
_SIBLING_SHARE = 0.2
#: ... and at least this much.
_SIBLING_MIN = 100.0
#: A boilerplate sibling with this much text ends the region on its side.
_STOP_TEXT = 150
#: How many ancestors of the best node the region may reach up.
_REGION_LEVELS = 12


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


class _Scorer:
    """The one walk that computes a :class:`_Stat` for every block element."""

    def __init__(
        self,
        body: HtmlElement,
        skip: Collection[HtmlElement],
        ld_text: str | None,
        index: PageIndex | None = None,
        *,
        current: bool = False,
    ) -> None:
        """``current``: the tree is still the one ``index`` was made from (no element
        added since, so an element missing from its attributes has none): the walk
        then reads a link's href and rel from the index's dicts, at a sixth of the
        cost of lxml's ``get``; otherwise from the element."""
        self.skip: set[HtmlElement] = set(skip)
        #: The scored subtree's root: hinted by its tag only (its names are the page's).
        self.top = body
        hidden: list[HtmlElement] = []
        flagged: Iterable[tuple[HtmlElement, dict[str, str]]]
        if index is None:
            found = cast("list[HtmlElement]", _ATTR_XPATH(body))
            flagged = [(el, dict(el.attrib)) for el in found]
            #: Where the walk reads an element's class, id and itemprop for its hint.
            self.attrs_of: Callable[[HtmlElement], Any] = _ATTRIB
        elif current and _FLAGGED is not None:
            # the tree is the index's: the compiled scan reads the nodes' attribute names
            flagged = _FLAGGED(body, index.attrs, _LAZY_OR_HIDING_NAMES)
            self.attrs_of = index.attrs.get
        else:
            flagged = _attributed(body, index)
            self.attrs_of = index.attrs.get
        lazy: list[HtmlElement] = []
        # (only the few elements with an attribute that can make them lazy or hidden:
        # the class/id/itemprop hints are read by the walk, for the elements it visits)
        for el, attrib in [pair for pair in flagged if not _LAZY_OR_HIDING.isdisjoint(pair[1])]:
            get = attrib.get
            style = get("style")
            if not LAZY_ATTRS.isdisjoint(attrib) or (style and "background-image" in style):
                lazy.append(el)
            if el.tag in _INVISIBLE:
                continue  # never walked into
            if (
                "hidden" in attrib
                or get("aria-hidden") == "true"
                or (style and _HIDDEN_STYLE.search(style))
            ):
                hidden.append(el)
        self.skip.update(hidden)
        #: A link's attributes (a dict, lxml's attribute proxy, or None for none).
        self.link_attrs: Callable[[HtmlElement], Any] = (
            index.attrs.get if current and index is not None else _ATTRIB
        )
        #: Whether the attributes the walk reads are the elements' own as the tree holds
        #: them now (read live, or from an index made from this very tree): the compiled
        #: walk then reads class, id, itemprop, href and rel from the C nodes.
        self.live_attrs = index is None or current
        #: Elements with an attribute of a lazy-loaded image (see media_counts).
        self.lazy = lazy
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
        #: The compiled walk's answer of :func:`_best` over ``stats`` (found as they are
        #: made), or None: then :func:`_best` reads them.
        self.best: tuple[HtmlElement, _Stat] | None = None

    def visit(
        self, el: HtmlElement, own: list[Any], in_link: bool, boxed: bool
    ) -> tuple[int, int, float, float, int]:
        """Walk ``el``; add its inline text to ``own`` (the enclosing block's counters).

        Returns (text, link text, value, good, links count) of the subtree, its tail
        excluded.  Runs the compiled walk (:mod:`newsparse._accel.walk`) where it was
        built, else :meth:`visit_python`; the two give the same results.
        """
        if _COMPILED is not None:
            sums = _COMPILED.run(self, el, own, in_link, boxed)
            return cast("tuple[int, int, float, float, int]", sums)
        return self.visit_python(el, own, in_link, boxed)

    def visit_python(
        self, el: HtmlElement, own: list[Any], in_link: bool, boxed: bool
    ) -> tuple[int, int, float, float, int]:
        """:meth:`visit` in Python: the reference the compiled walk is tested against.

        The recursion is a closure over local names: this is the hot loop.
        """
        skip = self.skip
        attrs_of = self.attrs_of
        top = self.top
        stats = self.stats
        excluded = self.excluded
        author_links = self.author_links
        form_controls = self.form_controls
        block_value = self._block_value
        ld_blocks = self.ld_blocks
        with_texts = self.ld_text is not None
        link_attrs = self.link_attrs
        counter = [self.count]

        def walk(
            el: HtmlElement, own: list[Any], in_link: bool, boxed: bool
        ) -> tuple[int, int, float, float, int]:
            tag = el.tag
            if tag.__class__ is not str or tag in _INVISIBLE or el in skip:
                if tag in _FORM_CONTROLS and el.get("type") not in ("hidden", "submit", "button"):
                    form_controls.append(el)
                return _NOTHING
            hint = _element_hint(tag, attrs_of(el) if el is not top else None)
            block = tag in _BLOCK
            mine: list[Any]
            if block:
                counter[0] += 1
                # chars, link chars, sentence marks (read only while the block is
                # shorter than _SHORT: only a short block's value depends on them), text
                # pieces (only to compare with JSON-LD), whether the block starts with a link
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
                attrib = link_attrs(el)
                href = attrib.get("href") if attrib else None
                if not (href and href.startswith("javascript:") and _has_block_child(el)):
                    in_link = True  # (a script "link" around paragraphs is a wrapper)
                    anchors = 1
                if attrib and ((href and _author_href(href)) or attrib.get("rel") == "author"):
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
                    if mine[0] < _SHORT and not mine[2] and _has_marks(text):
                        mine[2] = 1
                    if in_link:
                        links = n
                        mine[1] += n
                    if texts is not None:
                        texts.append(text)
            index = counter[0]
            inner_boxed = boxed or hint < 0
            for child in _children(el):
                ctag = child.tag
                if (
                    ctag in _INLINE_LEAVES
                    and not len(child)
                    and child not in skip
                    and (ctag == "a" or _element_hint(ctag, attrs_of(child)) >= 0)
                ):
                    # the common case, an inline element with only text, handled here
                    # rather than by a call: same counting as walk() would do
                    leaf_text = child.text
                    leaf_link = in_link
                    if ctag == "a":
                        leaf_link = True
                        anchors += 1
                        attrib = link_attrs(child)
                        if attrib and (
                            ((href := attrib.get("href")) and _author_href(href))
                            or attrib.get("rel") == "author"
                        ):
                            author_links.append(child)
                    if leaf_text:
                        n = len(leaf_text.strip())
                        if n:
                            total += n
                            if not mine[0]:
                                mine[4] = leaf_link
                            mine[0] += n
                            if mine[0] < _SHORT and not mine[2] and _has_marks(leaf_text):
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
                        if mine[0] < _SHORT and not mine[2] and _has_marks(tail):
                            mine[2] = 1
                        if in_link:
                            links += n
                            mine[1] += n
                        if texts is not None:
                            texts.append(tail)
            if not block:
                return total, links, value, good, anchors
            if mine[0]:  # (a block with no text of its own is worth nothing itself)
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

        try:
            return walk(el, own, in_link, boxed)
        finally:
            self.count = counter[0]
            # walk() refers to itself through its closure cell: emptied here, so that the
            # closure (and through it the page's stats and element proxies) is freed by
            # reference counting now rather than left for the cyclic garbage collector
            walk = None  # type: ignore[assignment]

    def hint_of(self, el: HtmlElement, tag: str) -> int:
        """The hint of ``el`` (not hidden, not of an invisible tag), as the walk reads
        it: by its class, id and itemprop, or by its tag."""
        return _element_hint(tag, self.attrs_of(el) if el is not self.top else None)

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


def _element_hint(tag: str, attrib: Mapping[str, str] | None) -> int:
    """The hint of an element with ``tag`` and these attributes: its tag's without any
    (or for an ``_UNHINTED`` tag), else :func:`_hint`'s, through the cached class rule
    when they name no id or itemprop (``_hint`` reads only class, id and itemprop)."""
    if not attrib or tag in _UNHINTED:
        return _TAG_HINT.get(tag, 0)
    if "id" in attrib or "itemprop" in attrib:
        return _hint(attrib.get, tag)
    return _class_hint(tag, attrib.get("class") or "")


def _attributed(
    body: HtmlElement, index: PageIndex
) -> Iterable[tuple[HtmlElement, dict[str, str]]]:
    """The elements inside ``body`` that have attributes, with them, in document order.

    The index's attribute dict is in document order, so when ``body``'s subtree runs to
    the end of the page (the common case) they are the dict's items after those of the
    elements up to ``body`` itself (the few of ``<head>``), read without a test per
    element."""
    elements = index.elements
    attrs = index.attrs
    try:
        upto = elements.index(body) + 1
    except ValueError:
        upto = 0
    if upto and _subtree_end(body) is None:
        before = sum(1 for el in elements[:upto] if el in attrs)
        return itertools.islice(attrs.items(), before, None)
    return [(el, attrs[el]) for el in index.descendants(body) if el in attrs]


def _author_href(href: str) -> bool:
    """Whether a link goes to an author page (a substring test first: the pattern
    matches only where one of its three stems does)."""
    return (
        "/author" in href or "/contributor" in href or "/writer" in href
    ) and _AUTHOR_HREF.search(href) is not None


def _has_block_child(el: HtmlElement) -> bool:
    return any(child.tag in _BLOCK for child in el)


def _has_marks(text: str) -> bool:
    """Whether a text piece has sentence punctuation (a label like "Share" has none)."""
    return ". " in text or ", " in text or text.rstrip().endswith((".", "!", "?", '"'))


def _compiled_walk() -> Any:
    """The compiled twin of :meth:`_Scorer.visit_python`, set up with this module's
    rules, or None where it is not built (see :mod:`newsparse._accel`)."""
    module = _accel.load("walk")
    if module is None:
        return None
    return module.Walker(
        invisible=_INVISIBLE, block=_BLOCK, form_controls=_FORM_CONTROLS, unhinted=_UNHINTED,
        headings=_HEADINGS, tag_hints=_TAG_HINT, element_hint=_element_hint, class_hint=_class_hint,
        author_href=_author_href, stat_type=_Stat, short_text=_SHORT, inline_box=_INLINE_BOX,
        linky=_LINKY,
    )  # fmt: skip


_COMPILED = _compiled_walk()
#: The compiled twin of the set-up's filter over :func:`_attributed` (the elements with
#: an attribute in ``_LAZY_OR_HIDING``, with the index's attributes), or None.
_FLAGGED: Callable[..., list[tuple[HtmlElement, dict[str, str]]]] | None = (
    None if _COMPILED is None else _accel.load("walk").flagged  # type: ignore[union-attr]
)
_LAZY_OR_HIDING_NAMES = tuple(sorted(name.encode() for name in _LAZY_OR_HIDING))


def _jsonld_body(doc: Document) -> str | None:
    for obj in doc.jsonld:
        body = obj.get("articleBody")
        if isinstance(body, str) and len(body) >= 300:
            if "<" in body or "&" in body:  # HTML or escaped entities inside the JSON
                body = html.unescape(_TAG.sub(" ", body))
            return _one_space(body)
    return None


def _one_space(text: str) -> str:
    r"""``_WS.sub(" ", text)``: each run of whitespace made one space, the ends kept (a
    run there is a space too), in C string methods instead of a regex substitution
    (~4x faster on an articleBody; ``str.split()`` splits on exactly the characters
    ``\s`` matches; property-tested in tests/unit/test_content_walk.py)."""
    if not text:
        return text
    joined = " ".join(text.split())
    if text[0].isspace():
        joined = " " + joined
    if text[-1].isspace() and joined != " ":
        joined += " "
    return joined


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
    # (revealed fallback markup is not in the page index: links read live then)
    scorer = _Scorer(body, skip, _jsonld_body(doc), page_index(doc), current=_fallback)
    scorer.visit(body, [0, 0, 0, None, False], False, False)
    stats = scorer.stats
    candidates = _candidates(stats) if explain else []
    if not stats:
        if _fallback and _reveal_fallbacks(body):
            return find_main_content(doc, claimed, explain=explain, _fallback=False)
        return MainContent(node=None, candidates=candidates)
    best, best_stat = scorer.best or _best(stats)
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
            scorer = _Scorer(body, skip, _jsonld_body(doc), page_index(doc), current=True)
            scorer.visit(body, [0, 0, 0, None, False], False, False)
            stats = scorer.stats
            best, best_stat = _best(stats)
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
    # (revealed fallback markup is not in the page index: attributes read live then)
    lead = _lead_before(roots[0], skip, stats, doc, page_index(doc).attrs if _fallback else None)
    if lead is not None:
        roots.insert(0, lead)
    marks: dict[HtmlElement, str] = dict.fromkeys(scorer.hidden, "hidden")
    marks.update(dict.fromkeys(scorer.excluded, "hinted-boilerplate"))
    titles = _titles(doc)
    for node in roots:
        # (revealed fallback markup is not in the page index: media found by XPath then)
        _prune(node, stats, best_stat.good, marks, titles, scorer.lazy if _fallback else None)
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
        except (etree.LxmlError, ValueError):
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


_RANK = attrgetter("value", "index")


def _best(stats: dict[HtmlElement, _Stat]) -> tuple[HtmlElement, _Stat]:
    """``max(stats.items(), key=_rank)`` with no Python call per element: the ranks
    are distinct (each block has its own index), so the elements are never compared."""
    el: HtmlElement = max(zip(map(_RANK, stats.values()), stats, strict=True))[1]
    return el, stats[el]


def _rank(item: tuple[HtmlElement, _Stat]) -> tuple[float, int]:
    return item[1].value, item[1].index


def _region(best: HtmlElement, stat: _Stat, stats: dict[HtmlElement, _Stat]) -> list[HtmlElement]:
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

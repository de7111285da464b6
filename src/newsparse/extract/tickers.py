"""Price-ticker widgets: distinct quotes with Decimal prices.

A ticker widget is a run of repeated sibling items (``li``, ``article``,
``div``, table rows...), each showing one quote: a symbol, a price and usually a
percentage change.  The finder works from the prices outwards:

1. one pass over the text nodes marks the elements that hold something
   price-like ("$61,321.00", "61.321,00 €", "-1.9%") or carry ``data-price`` /
   ``data-symbol`` / ``data-change`` attributes;
2. each marked element's ancestors (a few levels up) are grouped by parent and
   by a tag+class signature, so the siblings of one widget land in one group;
3. groups are tried deepest first; every sibling of a group is read as a
   quote, and the group is a widget when enough of them are quotes.

Groups inside a ticker-like context (class/id vocabulary such as ``ticker``,
``marquee``, ``coin-price``, ``ccpw``; a ``<marquee>``; ``data-*`` quote
attributes) need at least two quotes.  Groups without such a hint must look
unmistakably like a quote strip — at least three short items, each with a
stand-alone symbol, a price with a currency and a percentage change — and
table rows never qualify without a ticker or sidebar/widget context, so
article tables that mention prices stay in the body.

Ticker-like elements whose text is not itemised (a ``<marquee>`` of flat text)
are scanned for "SYMBOL PRICE CHANGE" sequences.  Quotes are de-duplicated by
(symbol, price, change), so a marquee's cloned loop counts once while one
symbol shown at two prices stays twice.  Widgets filled by JavaScript (empty
spans, "Loading...", "--") give no quotes; they are still claimed when small,
so their chrome does not reach the body.

Reading one item (or a flat text) as quotes is :mod:`ticker_quotes`; this module
finds the widgets.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, cast

from lxml import etree

from newsparse import _accel
from newsparse.document import Document
from newsparse.extract.dom import (
    Claim,
    HtmlElement,
    name_matcher,
    norm_space,
    page_attribute_names,
    page_index,
    page_text,
    text_of,
)
from newsparse.extract.prices import CURRENCY_CODES, CURRENCY_SIGNS
from newsparse.extract.ticker_quotes import CHANGE_ATTRS as _CHANGE_ATTRS
from newsparse.extract.ticker_quotes import LONE_SIGN as _LONE_SIGN
from newsparse.extract.ticker_quotes import PRICE_ATTRS as _PRICE_ATTRS
from newsparse.extract.ticker_quotes import PRICE_MARK as _PRICE_MARK
from newsparse.extract.ticker_quotes import QUOTE_ATTR_SET as _QUOTE_ATTR_SET
from newsparse.extract.ticker_quotes import QUOTE_ATTRS as _QUOTE_ATTRS
from newsparse.extract.ticker_quotes import SKIP as _SKIP
from newsparse.extract.ticker_quotes import SYMBOL_ATTRS as _SYMBOL_ATTRS
from newsparse.extract.ticker_quotes import Quote as _Quote
from newsparse.extract.ticker_quotes import _pieces, _priceish
from newsparse.extract.ticker_quotes import class_string as _classes
from newsparse.extract.ticker_quotes import read_item as _read_item
from newsparse.extract.ticker_quotes import scan_flat as _scan_flat
from newsparse.extract.widget_gate import page_naming_text, shown_text
from newsparse.models import TickerQuote

__all__ = ["extract_tickers"]


_PAGE_LEVEL = frozenset({"html", "body", "main"})
_NOT_CONTENT = frozenset({"link", "meta", "script", "style", "title", "base"})

#: Class/id vocabulary of ticker widgets (checked on the group's container and ancestors).
_HINT = re.compile(
    r"ticker|marquee|ccpw|coin[-_]?(?:price|list|bar|strip|rates?)|crypto[-_]?(?:price|ticker|rates?)"
    r"|price[-_]?(?:ticker|strip|bar|tape|widget|table|list|board)|(?:market|stock|quote)s?[-_]?"
    r"(?:ticker|strip|bar|tape|widget|data|table|board)|tradingview[-_]widget|tickertape"
)
#: ``_HINT`` on a raw class string, cached per string (the same few recur on every page).
_hinted_class = name_matcher(re.compile(_HINT.pattern, re.IGNORECASE))
#: Ticker vocabulary strong enough to claim a small widget that shows no quotes (JS-filled).
_EMPTY_HINT = re.compile(
    r"(?:^|[\s_-])(?:[\w-]*ticker[\w-]*|ccpw[\w-]*|tradingview-widget[\w-]*|tickertape)(?:$|\s)"
)
#: Small widget contexts where a price table may live.
_WIDGET_CONTEXT = re.compile(r"widget|sidebar|side-bar|aside|rail|footer")
_WIDGET_TAGS = frozenset({"aside", "footer"})
#: Article-body vocabulary: without a ticker hint, nothing in here is a widget.
_BODY_CONTEXT = re.compile(
    r"entry-content|post-content|article-body|article-content|articlebody|post-body|story-body"
    r"|article__body|single-content"
)
#: Text a group's container may hold outside its items (a label, "Live prices").
_MAX_OWN_TEXT = 60
_PROSE_TAGS = frozenset({"p", "blockquote", "li", "dd", "figcaption", "h1", "h2", "h3", "h4"})
_BLOCK_WIDGET_TAGS = frozenset(
    {
        "div",
        "section",
        "aside",
        "ul",
        "ol",
        "nav",
        "header",
        "footer",
        "marquee",
        "table",
        "tbody",
        "dl",
        "figure",
    }
)
_LEVELS = 6
_ANCESTOR_HINT_LEVELS = 8


# ------------------------------------------------------------------ groups


def _signature(el: HtmlElement) -> str:
    cls = (el.get("class") or "").split()
    return f"{el.tag}.{cls[0] if cls else ''}"


def _depth(el: HtmlElement) -> int:
    return sum(1 for _ in el.iterancestors())


def _has_hint(container: HtmlElement, items: list[HtmlElement]) -> bool:
    node: HtmlElement | None = container
    for _ in range(_ANCESTOR_HINT_LEVELS):
        if node is None or not isinstance(node.tag, str) or node.tag in _PAGE_LEVEL:
            break
        if node.tag == "marquee" or _HINT.search(_classes(node)):
            return True
        node = node.getparent()
    for item in items[:3]:
        if _HINT.search(_classes(item)) or any(item.get(a) for a in _QUOTE_ATTRS):
            return True
    return False


def _in_context(container: HtmlElement, pattern: re.Pattern[str], tags: frozenset[str]) -> bool:
    """True if ``container`` or a near ancestor (below body/main) matches ``tags``/``pattern``.

    Page-level wrappers are left out: a ``body.right-sidebar`` says nothing about a table.
    """
    node: HtmlElement | None = container
    for _ in range(_ANCESTOR_HINT_LEVELS):
        if node is None or not isinstance(node.tag, str) or node.tag in _PAGE_LEVEL:
            break
        if node.tag in tags or pattern.search(_classes(node)):
            return True
        node = node.getparent()
    return False


def _accept(container: HtmlElement, items: list[HtmlElement]) -> list[_Quote] | None:
    """The quotes of a sibling group, or None when the group is not a ticker widget."""
    hint = _has_hint(container, items)
    is_row = items[0].tag == "tr"
    if not hint:
        if is_row and not _in_context(container, _WIDGET_CONTEXT, _WIDGET_TAGS):
            return None
        if _in_context(container, _BODY_CONTEXT, frozenset()):
            return None  # a list of prices in the article's own text is the article's
    quotes = [q for q in (_read_item(item, hint) for item in items) if q is not None]
    if hint:
        chosen = quotes if len(quotes) >= 2 and len(quotes) * 2 >= len(items) else None
    else:
        strict = [
            q for q in quotes if q.explicit_symbol and q.price.currency and q.change is not None
        ]
        enough = len(strict) * 2 >= len(items) if is_row else len(strict) * 5 >= len(items) * 4
        chosen = strict if len(strict) >= 3 and enough else None
    if chosen and _in_prose(container, items):
        return None
    return chosen


def _in_prose(container: HtmlElement, items: list[HtmlElement]) -> bool:
    """True when the items sit in running text (a paragraph, or a container with prose of
    its own between them): prices inline in an article are mentions, not a widget."""
    if container.tag in _PROSE_TAGS or any(a.tag == "p" for a in container.iterancestors()):
        return True
    # The container's own text: before, between and after its children (where prose runs).
    own = norm_space(" ".join([container.text or "", *(c.tail or "" for c in container)]))
    return len(own) > _MAX_OWN_TEXT


def _widget_root(container: HtmlElement) -> HtmlElement:
    """Climb from a group's container while the ancestors add little text of their own."""
    node = container
    base = len(text_of(container))
    for _ in range(5):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html", "main", "article"):
            break
        if len(text_of(parent)) > base + 80 or any(True for _ in parent.iter("p", "h1", "h2")):
            break
        node = parent
    return node


def _scan(doc: Document) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """One pass over the elements: those holding price-like text or quote attributes (a
    tail's text counts for its parent), and those with ticker class vocabulary.

    Runs the compiled loop (:mod:`newsparse._accel.widgets`) where it was built, else
    :func:`_scan_python`; the two give the same lists.
    """
    if _WIDGETS is None:
        return _scan_python(doc)
    quote_attrs = not _QUOTE_ATTR_SET.isdisjoint(page_attribute_names(doc))
    marked, hinted = _WIDGETS.ticker_marks(
        page_index(doc).elements, quote_attrs, _priceish, _hinted_class
    )
    return _outside_skipped(doc.root, marked, hinted)


def _scan_python(doc: Document) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """:func:`_scan` in Python, the compiled loop's reference.

    (The page index's element list and attribute dicts: no lxml attribute reads here.
    Two texts in three are whitespace only, which no price mark or sign is: they are
    passed over before the regex calls.)
    """
    index = page_index(doc)
    attrs = index.attrs
    no_attrs: dict[str, str] = {}
    marked: dict[HtmlElement, None] = {}
    hinted: list[HtmlElement] = []
    mark, lone = _PRICE_MARK.search, _LONE_SIGN.fullmatch  # ticker_quotes._priceish, inlined
    quote_attrs = not _QUOTE_ATTR_SET.isdisjoint(page_attribute_names(doc))
    skip = _SKIP | _NOT_CONTENT
    for node in index.elements:
        tail = node.tail
        if tail and not tail.isspace() and (mark(tail) or (len(tail) < 16 and lone(tail))):
            parent = node.getparent()
            if parent is not None:
                marked.setdefault(parent, None)
        tag = node.tag
        if tag in skip:
            continue
        attrib = attrs.get(node, no_attrs)
        text = node.text
        if (text and not text.isspace() and (mark(text) or (len(text) < 16 and lone(text)))) or (
            quote_attrs and not _QUOTE_ATTR_SET.isdisjoint(attrib)
        ):
            marked.setdefault(node, None)
        cls = attrib.get("class")
        if tag == "marquee" or (cls and _hinted_class(cls)):
            hinted.append(node)
    return _outside_skipped(doc.root, list(marked), hinted)


def _outside_skipped(
    root: HtmlElement, marked: list[HtmlElement], hinted: list[HtmlElement]
) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """``marked`` and ``hinted`` without the elements inside scripts, styles, <noscript>
    fallbacks, SVG... (their text is not shown as a quote)."""
    inside = {d for el in root.iter(*_SKIP) for d in el.iterdescendants()}
    if inside:
        return [el for el in marked if el not in inside], [el for el in hinted if el not in inside]
    return marked, hinted


def _compiled_quotescan() -> Any:
    """The compiled twin of :func:`_code_count_python` (:mod:`newsparse._accel.quotescan`),
    or None where it is not built or was written for other codes or tags than ours."""
    module = _accel.load("quotescan")
    if module is None:
        return None
    if frozenset(_CODES.pattern.split("|")) != module.CODES or module.SKIP_TAGS != _SKIP:
        return None
    return module


def _compiled_widgets() -> Any:
    """The compiled twin of :func:`_scan_python`'s loop (:mod:`newsparse._accel.widgets`),
    or None where it is not built or was written for other vocabulary than ours."""
    module = _accel.load("widgets")
    if module is None:
        return None
    if (
        tuple(module.HINT_WORDS) != _HINT_WORDS
        or frozenset(module.QUOTE_ATTRS) != _QUOTE_ATTR_SET
        or module.SKIP_TAGS != _SKIP | _NOT_CONTENT
        or (_PRICE_MARK.pattern, _LONE_SIGN.pattern) != (module.PRICE_MARK, module.LONE_SIGN)
        or {_PRICE_MARK.flags, _LONE_SIGN.flags} != {re.UNICODE}
    ):
        return None  # the vocabulary changed here, not in the C pre-tests: Python decides
    return module


#: Every attribute an item's quote can be read from.
_ANY_QUOTE_ATTR = frozenset((*_QUOTE_ATTRS, *_SYMBOL_ATTRS, *_PRICE_ATTRS, *_CHANGE_ATTRS))


def _may_have_tickers(doc: Document) -> bool:
    """The page-level gate: False only when no group can be accepted and no element is
    hinted, so :func:`extract_tickers` would find nothing.

    A ticker hint needs ``_HINT`` vocabulary in a class or id, a ``<marquee>`` or a quote
    attribute; without one, a group needs three strict quotes (:func:`_may_have_strict_quotes`).

    The names are those the other widget gates read too (made once per page): every class
    and id value, lower-cased, is a line of :func:`page_naming_text`, and a ``_HINT``
    match (letters, "-" and "_" only) lies inside one value, so it is found there.
    """
    names = page_naming_text(doc)
    if _hint_in(names):
        return True
    if _has_quote_attribute(doc):
        return True
    if next(doc.root.iter("marquee"), None) is not None:
        return True
    return _may_have_strict_quotes(doc, names)


def _has_quote_attribute(doc: Document) -> bool:
    """Whether an element carries one of ``_ANY_QUOTE_ATTR``: read from the C tree by the
    compiled module where it is in use, else by :func:`_has_quote_attribute_python`."""
    if _QUOTESCAN is None:
        return _has_quote_attribute_python(doc)
    return bool(_QUOTESCAN.has_attribute(page_index(doc).elements, _ANY_QUOTE_ATTR))


def _has_quote_attribute_python(doc: Document) -> bool:
    """:func:`_has_quote_attribute` from the names of the page index's attributes: the
    compiled one's reference."""
    return not _ANY_QUOTE_ATTR.isdisjoint(page_attribute_names(doc))


def _may_have_strict_quotes(doc: Document, names: str) -> bool:
    """Whether the page can show three strict quotes, the least a group without a ticker
    hint needs (:func:`_accept`): each read from its own item (sibling elements: their
    texts are apart), each with

    - a change, read from a "%" in the item's text or, written without one, from an
      element of ``_CHANGE_CLASS`` vocabulary (each match holds one of ``_CHANGE_WORDS``,
      found in that element's class or id value, a line of ``names``); a change attribute
      is a quote attribute, which the caller has ruled out;
    - a price with a currency (``read_item`` without ``relaxed``: ``_find_price`` takes
      only those, and the price attributes are quote attributes): a sign (each holds
      one of ``_SIGN_MARKS``) or an ISO code, written in one text piece of the item.

    So the page needs three changes (counted as in :func:`_percent_count`) and three
    currency marks: signs counted like the "%" (one character, or "zł"), codes in the
    text pieces (:func:`_code_count`, case-sensitive as the price patterns are), read
    only where the signs are not enough.
    """
    if _change_count(names) + _percent_count(doc) < 3:
        return False
    signs = _item_text_count(doc, _count_signs)
    return signs >= 3 or signs + _code_count(doc) >= 3


def _change_count(names: str) -> int:
    """How often the words of ``_CHANGE_WORDS`` occur in ``names``, counted in one pass
    by the compiled module where it is in use (on an ASCII text), else by
    :func:`_change_count_python`."""
    if _QUOTESCAN is not None:
        found = _QUOTESCAN.count_words(names, _CHANGE_WORDS)
        if found is not None:
            return cast(int, found)
    return _change_count_python(names)


def _change_count_python(names: str) -> int:
    """:func:`_change_count` in Python (``str.count`` per word): the compiled one's
    reference."""
    return sum(names.count(word) for word in _CHANGE_WORDS)


def _percent_count(doc: Document) -> int:
    """At least the number of "%" an item's text can show: those of the body's shown
    text and of the page's text outside the body, scripts and styles left out."""
    return _item_text_count(doc, _count_percent)


def _count_percent(text: str) -> int:
    return text.count("%")


def _count_signs(text: str) -> int:
    """How many currency signs ``text`` holds (each sign holds one of ``_SIGN_MARKS``;
    all but "$" are beyond ASCII)."""
    if text.isascii():
        return text.count("$")
    return sum(text.count(mark) for mark in _SIGN_MARKS)


#: One part of each currency sign that counts it: its last character that is no letter
#: or digit ("$" of "US$", "U$S"), else the sign itself ("zł").  Folding (lower case)
#: leaves each as it is, or makes more of them ("ZŁ" is "zł").
_SIGN_MARKS = tuple(
    sorted({next((c for c in reversed(s) if not c.isalnum()), s) for s in CURRENCY_SIGNS})
)


def _item_text_count(doc: Document, count: Callable[[str], int]) -> int:
    """At least how often ``count`` (of one character, or of "zł") finds something in the
    texts the items of a group can show: the body's shown text (an item's text leaves
    out ``_SKIP`` subtrees, a superset of those :func:`shown_text` leaves out, and the
    shown text is squashed and folded, which keeps or adds such marks) and the text
    outside the body, scripts and styles left out."""
    root = doc.root
    body = root.find("body")
    shown = shown_text(doc)
    if shown is None or body is None:  # no shown text: all text but scripts and styles
        total = count(page_text(doc))
        if total >= 3:
            total -= sum(count(el.text or "") for el in root.iter("script", "style"))
    else:
        total = count(shown) + count(_outside_body_text(root))
    return total


def _outside_body_text(root: HtmlElement) -> str:
    """The page's text outside its (first) body, scripts and styles left out: collected
    in C by the compiled module where it is in use, else by
    :func:`_outside_body_text_python`."""
    if _QUOTESCAN is None:
        return _outside_body_text_python(root)
    return cast(str, _QUOTESCAN.outside_body_text(root))


def _outside_body_text_python(root: HtmlElement) -> str:
    """:func:`_outside_body_text` by an XPath query: the compiled one's reference."""
    return "".join(cast("list[str]", _OUTSIDE_BODY_TEXT(root)))


#: The text nodes of the page outside its (first) body but those of scripts and styles
#: (their text is not read into Python strings: a page's head may hold hundreds of
#: kilobytes of them), from the root element: its own text and tails included.
_OUTSIDE_BODY_TEXT = etree.XPath(
    "node()[not(self::body) or preceding-sibling::body]"
    "/descendant-or-self::text()[not(parent::script or parent::style)]",
    smart_strings=False,
)


def _code_count(doc: Document) -> int:
    """At least how many ISO currency codes the items' prices can show.

    Runs the compiled count (:mod:`newsparse._accel.quotescan`) where it was built, else
    :func:`_code_count_python`; the two give the same number.
    """
    if _QUOTESCAN is None:
        return _code_count_python(doc)
    return cast(int, _QUOTESCAN.code_count(doc.root))


def _code_count_python(doc: Document) -> int:
    """The matches of ``_CODES`` in the page's text pieces (``ticker_quotes._pieces`` of
    the root: an item's pieces are among them, the same strings) joined and squashed
    (no whitespace).  Every code an item's price is read with lies in one of its
    pieces; ``_CODES`` has the three-letter codes only ("USDT" holds "USD"), so a
    leftmost match starts at or before each code not yet counted and ends within it:
    no code is passed over, and a join only adds matches."""
    squashed = "".join(text for text, _ in _pieces(doc.root)).replace(" ", "")
    return len(_CODES.findall(squashed))


#: The currency codes of three letters (every code holds one: "USDT" holds "USD").
_CODES = re.compile("|".join(sorted(c for c in CURRENCY_CODES if len(c) == 3)))


def _hint_in(names: str) -> bool:
    """``_HINT.search(names)``, tried only where a match can start: every match starts
    with one of ``_HINT_WORDS`` (a scan of the whole text costs ~1 ms on a large page).

    The places are found in one pass by the compiled module where it is in use (on an
    ASCII text), else by :func:`_hint_in_python`.
    """
    if _QUOTESCAN is not None:
        found = _QUOTESCAN.hint_in(names, _HINT_WORDS, _HINT.match)
        if found is not None:
            return bool(found)
    return _hint_in_python(names)


def _hint_in_python(names: str) -> bool:
    """:func:`_hint_in` in Python, a search per word: the compiled one's reference."""
    match = _HINT.match
    for word in _HINT_WORDS:
        at = names.find(word)
        while at >= 0:
            if match(names, at):
                return True
            at = names.find(word, at + 1)
    return False


#: Words every ``_HINT`` match starts with.
_HINT_WORDS = (
    "ticker", "marquee", "ccpw", "coin", "crypto", "price", "market", "stock", "quote",
    "tradingview",
)  # fmt: skip
#: The words of ``_CHANGE_CLASS``: each match holds one.
_CHANGE_WORDS = ("change", "percent", "pct", "diff", "delta", "move")


_WIDGETS = _compiled_widgets()
_QUOTESCAN = _compiled_quotescan()


def extract_tickers(doc: Document) -> Claim[list[TickerQuote]]:
    """The distinct quotes of the page's price widgets and the widget elements."""
    if not _may_have_tickers(doc):
        return Claim([], [])
    return _find(doc)


def _find(doc: Document) -> Claim[list[TickerQuote]]:
    """:func:`extract_tickers` without its page-level gate."""
    marked, hinted = _scan(doc)
    groups: dict[tuple[HtmlElement, str], None] = {}
    signatures: dict[HtmlElement, str] = {}
    climbed: dict[HtmlElement, int] = {}  # node -> levels still to climb when last seen
    for el in marked:
        node = el
        for level in range(_LEVELS):
            left = _LEVELS - level
            if climbed.get(node, 0) >= left:
                break  # this node's ancestors were grouped already, as far up
            climbed[node] = left
            parent = node.getparent()
            if parent is None or node.tag in ("body", "html"):
                break
            sig = signatures.get(node) or signatures.setdefault(node, _signature(node))
            groups.setdefault((parent, sig), None)
            node = parent
    depth_cache: dict[HtmlElement, int] = {}
    candidates = []
    for parent, sig in groups:
        items = [c for c in parent if isinstance(c.tag, str) and _signature(c) == sig]
        if len(items) < 2:
            continue
        if parent not in depth_cache:
            depth_cache[parent] = _depth(parent)
        candidates.append((depth_cache[parent], parent, items))
    candidates.sort(key=lambda c: -c[0])

    accepted: list[HtmlElement] = []
    found: list[tuple[HtmlElement, list[_Quote]]] = []
    for _, parent, items in candidates:
        if any(_contains(item, accepted) for item in items):
            continue
        if any(_within(parent, item) for item, _q in found):
            continue
        quotes = _accept(parent, items)
        if quotes:
            accepted.append(parent)
            found.append((parent, quotes))

    for el in hinted:
        if not _strong_widget(el) or any(_contains(el, [a]) or _within(el, a) for a in accepted):
            continue
        if len(text_of(el)) > 4000:
            continue
        quotes = _scan_flat(el)
        if len(quotes) >= 2:
            accepted.append(el)
            found.append((el, quotes))

    found.sort(key=lambda f: _order(f[0]))
    out: list[TickerQuote] = []
    keys: set[tuple[str, Decimal, Decimal | None]] = set()
    for _, quotes in found:
        for q in quotes:
            key = (q.symbol, q.price.amount, q.change)
            if key in keys:
                continue
            keys.add(key)
            out.append(
                TickerQuote(
                    symbol=q.symbol,
                    name=q.name,
                    price=q.price.amount,
                    price_raw=q.price.raw,
                    currency=q.price.currency,
                    change_percent=q.change,
                )
            )
    nodes = [_widget_root(a) for a in accepted]
    for el in hinted:
        if any(_contains(el, [n]) or _within(el, n) for n in nodes):
            continue
        if _empty_widget(el):
            nodes.append(el)
    return Claim(out, nodes)


def _strong_widget(el: HtmlElement) -> bool:
    """A block element named as a ticker ("ticker", "ccpw", "tradingview-widget", <marquee>),
    outside running text and holding none: a flat-text ticker or a script-filled one."""
    if el.tag not in _BLOCK_WIDGET_TAGS:
        return False
    if el.tag != "marquee" and not _EMPTY_HINT.search(_classes(el)):
        return False
    if any(a.tag in _PROSE_TAGS for a in el.iterancestors()):
        return False
    return not any(True for _ in el.iter("p", "h1", "h2", "h3", "article"))


def _empty_widget(el: HtmlElement) -> bool:
    """A small ticker element with no quotes in its HTML (filled by JavaScript): claimed so
    its chrome ("Loading...", a vendor's link) stays out of the body."""
    return _strong_widget(el) and len(text_of(el)) <= 200


def _contains(el: HtmlElement, others: list[HtmlElement]) -> bool:
    """True if one of ``others`` is ``el`` or inside it."""
    for other in others:
        if other is el:
            return True
        if any(a is el for a in other.iterancestors()):
            return True
    return False


def _within(el: HtmlElement, other: HtmlElement) -> bool:
    return el is other or any(a is other for a in el.iterancestors())


_DOC_POSITION = etree.XPath("count(preceding::*) + count(ancestor::*)")


def _order(el: HtmlElement) -> float:
    """The element's position in document order (computed in C, for a handful of elements)."""
    position = _DOC_POSITION(el)
    return float(position) if isinstance(position, float) else 0.0

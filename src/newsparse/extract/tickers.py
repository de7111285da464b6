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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from lxml import etree

from newsparse.document import Document
from newsparse.extract.dom import (
    Claim,
    HtmlElement,
    class_id,
    name_matcher,
    norm_space,
    page_attribute_names,
    page_index,
    page_text,
    text_of,
)
from newsparse.extract.prices import (
    ASSET_SYMBOLS,
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    NUMBER,
    ParsedPrice,
    asset_symbol,
    parse_change,
    parse_number,
    parse_price,
)
from newsparse.extract.widget_gate import page_naming_text, shown_text
from newsparse.models import TickerQuote

__all__ = ["extract_tickers"]

_SIGNS_ALT = "|".join(re.escape(s) for s in sorted(CURRENCY_SIGNS, key=len, reverse=True))
_CODES_ALT = "|".join(sorted(CURRENCY_CODES, key=len, reverse=True))

#: Something price-like in a text node: a currency sign next to a digit, or a percentage.
#: (Single-character classes: this runs on every text node of the page.)
_SIGN_CHARS = "".join(sorted({s[-1] for s in CURRENCY_SIGNS if not s[-1].isalnum()}))
_PRICE_MARK = re.compile(
    rf"[{re.escape(_SIGN_CHARS)}]\s?[.\d]|\d\s?[{re.escape(_SIGN_CHARS)}%]|\d\s?(?:zł|[A-Z]{{3}}\b)"
)
#: A sign in an element of its own: "<i>$</i>61,321". (Kept out of _PRICE_MARK: an
#: anchored branch stops the regex engine from skipping ahead by first character.)
_LONE_SIGN = re.compile(rf"\s*[{re.escape(_SIGN_CHARS)}%]\s*")


def _priceish(text: str) -> bool:
    """Whether a text piece holds something price-like (or is a lone currency/percent sign)."""
    return _PRICE_MARK.search(text) is not None or (
        len(text) < 16 and _LONE_SIGN.fullmatch(text) is not None
    )


#: A price inside a longer text piece.
_PRICE_TOKEN = re.compile(
    rf"(?<![\w.,])(?:(?:{_CODES_ALT})\s?)?(?:{_SIGNS_ALT})\s?(?:{NUMBER})(?:\s?[kKmMbB](?![\w]))?"
    rf"|(?<![\w.,])(?:{NUMBER})\s?(?:{_SIGNS_ALT}|(?:{_CODES_ALT})(?!\w))"
)
#: A percentage change inside a longer text piece.
_CHANGE_TOKEN = re.compile(
    r"\(?\s?(?:[▲▼△▽↑↓⬆⬇🔺🔻⏶⏷]\s?)?[+\u2212\u2013-]?\s?\d+(?:[.,]\d+)?\s?%\s?\)?"
)
#: A whole text piece that is a symbol: "BTC", "1INCH", "USDC.E", "BSC-USD", "W".
_SYMBOL_PIECE = re.compile(r"[A-Z0-9][A-Z0-9.\-]{0,14}")
#: "BTC/USD", "ETH / USDT": a pair; the base is the symbol.
_PAIR_PIECE = re.compile(r"([A-Z0-9]{2,10})\s?/\s?([A-Z]{3,5})")
#: Mixed-case symbols, taken only when no all-capital piece is there: "stETH", "cbBTC", "USDe".
_MIXED_SYMBOL_PIECE = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[a-z]{0,4}[A-Z][A-Za-z0-9]{1,9}")
#: "BTCUSDT", "ETH-USD" in an attribute: the base before a quote currency.
_QUOTED_PAIR = re.compile(r"([A-Z0-9]{2,10}?)(?:[-_/](?:USDT|USDC|USD|EUR|GBP|BTC)|USDT|USD)")
#: Trading pairs written as one piece: "BTC-USD", "ETH_USDT", "BTCUSDT" - of a known base
#: asset only ("BSC-USD" and "SUSD" are token symbols of their own).
_QUOTE_CODES = r"USDT|USDC|BUSD|USD|EUR|GBP|JPY|KRW|TRY|BRL|RUB|BTC|ETH"
_SPLIT_PAIR = re.compile(rf"([A-Z0-9]{{2,10}})[-_](?:{_QUOTE_CODES})")
_GLUED_PAIR = re.compile(rf"([A-Z0-9]{{2,10}}?)(?:{_QUOTE_CODES})")
#: A symbol-like word inside a longer piece ("Bitcoin BTC", "Bitcoin (BTC)").
_SYMBOL_WORD = re.compile(r"(?<![\w$€£¥/.-])\(?([A-Z][A-Z0-9]{1,9})\)?(?![\w/.-])")
#: A name-like piece: words of letters.
_NAME_PIECE = re.compile(r"[A-Za-z][A-Za-z0-9 .&'-]{1,39}")
_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?")

_PAGE_LEVEL = frozenset({"html", "body", "main"})
_NOT_CONTENT = frozenset({"link", "meta", "script", "style", "title", "base"})
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "button", "select"})
_QUOTE_ATTRS = ("data-symbol", "data-price", "data-change", "data-ticker", "data-coin")
_QUOTE_ATTR_SET = frozenset(_QUOTE_ATTRS)
_SYMBOL_ATTRS = ("data-symbol", "data-ticker", "data-coin-symbol", "data-coin")
_PRICE_ATTRS = ("data-price", "data-value", "data-last")
_CHANGE_ATTRS = ("data-change", "data-change-percent", "data-percent", "data-change24h")

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
_DOWN_CLASS = re.compile(
    r"(?:^|[\s_-])(?:down|negative|neg|red|loss|minus|fall|falling|decrease|bear|bearish|danger"
    r"|drop|decline)(?:$|[\s_-])"
)
_UP_CLASS = re.compile(
    r"(?:^|[\s_-])(?:up|positive|pos|green|gain|rise|rising|increase|bull|bullish|success)"
    r"(?:$|[\s_-])"
)
_SYMBOL_CLASS = re.compile(r"symbol|ticker|coin-name|coin_name|code|abbr|short")
_NAME_CLASS = re.compile(r"name|title|label")
_PRICE_CLASS = re.compile(r"price|value|last|rate|quote")
_CHANGE_CLASS = re.compile(r"change|percent|pct|diff|delta|move")
#: Whole pieces that look like symbols but are chrome or units, never quotes.
_NOT_SYMBOLS = frozenset(
    {
        "24H",
        "1H",
        "4H",
        "7D",
        "30D",
        "1D",
        "1W",
        "1M",
        "1Y",
        "YTD",
        "VOL",
        "MCAP",
        "PRICE",
        "CHANGE",
        "NAME",
        "RANK",
        "BUY",
        "SELL",
        "USD",
        "EUR",
        "GBP",
        "JPY",
        "CHF",
        "CAD",
        "AUD",
    }
)
#: Words that are usually chrome but also real symbols: used only when nothing else is.
_WEAK_SYMBOLS = frozenset(
    {
        "ATH",
        "ATL",
        "NEW",
        "HOT",
        "AD",
        "ADS",
        "TOP",
        "LIVE",
        "CAP",
        "COIN",
        "ALL",
        "MORE",
        "VIEW",
        "NEWS",
        "TV",
        "OK",
        "ON",
        "OFF",
    }
)

_MAX_ITEM_TEXT = 160
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


@dataclass
class _Quote:
    symbol: str
    name: str | None
    price: ParsedPrice
    change: Decimal | None
    explicit_symbol: bool


def _classes(el: HtmlElement) -> str:
    return class_id(el) if isinstance(el.tag, str) else ""


def _pieces(item: HtmlElement) -> list[tuple[str, HtmlElement]]:
    """Text pieces of ``item`` with the element that owns each (text: itself; tail: parent).

    Text split only by a comment is one piece: server-rendered React writes
    "<span>$<!-- -->61,321.00</span>".
    """
    out: list[tuple[str, HtmlElement]] = []
    skip = 0
    for event, node in etree.iterwalk(item, events=("start", "end", "comment", "pi")):
        tag = node.tag
        real = isinstance(tag, str)
        if event == "start":
            if not real:
                continue
            if tag in _SKIP:
                skip += 1
            elif skip == 0 and node.text and node.text.strip():
                out.append((norm_space(node.text), node))
            continue
        if real and tag in _SKIP:
            skip -= 1
        parent = node.getparent()
        tail = node.tail
        if skip == 0 and node is not item and parent is not None and tail and tail.strip():
            if not real and out and out[-1][1] is parent and not tail[:1].isspace():
                out[-1] = (out[-1][0] + norm_space(tail), parent)
            else:
                out.append((norm_space(tail), parent))
    return [(t, el) for t, el in out if t]


def _attr(item: HtmlElement, names: Iterable[str]) -> str | None:
    for el in item.iter():
        if not isinstance(el.tag, str):
            continue
        for name in names:
            value = el.get(name)
            if value and value.strip():
                return str(value).strip()
    return None


def _context_classes(el: HtmlElement, item: HtmlElement) -> str:
    """Classes of ``el``, its ancestors up to ``item``, and its descendants (icons)."""
    parts = [_classes(el)]
    node = el.getparent()
    while node is not None and node is not item.getparent():
        parts.append(_classes(node))
        if node is item:
            break
        node = node.getparent()
    parts.extend(_classes(d) for d in el.iterdescendants())
    return " ".join(parts)


def _attr_symbol(value: str) -> str | None:
    """The symbol in a data-symbol/data-coin attribute: "BTC", "btc", "BTCUSDT", "bitcoin"."""
    value = value.strip()
    known = asset_symbol(value) or asset_symbol(value.capitalize())
    if known:
        return known
    if len(value) > 6 and not value.isupper():
        return None  # a slug such as "render-token", not a symbol
    upper = value.upper()
    pair = _QUOTED_PAIR.fullmatch(upper)
    if pair:
        return pair[1]
    return _symbol_piece(upper)


def _symbol_piece(text: str) -> str | None:
    if _SYMBOL_PIECE.fullmatch(text) and any(c.isalpha() for c in text):
        if text in _NOT_SYMBOLS:
            return None
        pair = _SPLIT_PAIR.fullmatch(text) or _GLUED_PAIR.fullmatch(text)
        if pair and pair[1] in ASSET_SYMBOLS:
            return pair[1]  # "BTC-USD", "BTCUSD": the base asset is the symbol
        return text
    pair = _PAIR_PIECE.fullmatch(text)
    if pair and pair[1] not in _NOT_SYMBOLS:
        return pair[1]
    return None


def _read_item(item: HtmlElement, relaxed: bool) -> _Quote | None:
    """Read one widget item as a quote; None if it has no symbol or no usable price."""
    pieces = _pieces(item)
    text_len = sum(len(t) + 1 for t, _ in pieces)
    if text_len > _MAX_ITEM_TEXT:
        return None
    symbol: str | None = None
    symbol_el: HtmlElement | None = None
    explicit = False
    name: str | None = None
    attr_symbol = _attr(item, _SYMBOL_ATTRS)
    if attr_symbol:
        symbol = _attr_symbol(attr_symbol)
        explicit = symbol is not None
    if symbol is None:
        ordered = sorted(pieces, key=lambda p: not _SYMBOL_CLASS.search(_classes(p[1])))
        weak: tuple[str, HtmlElement] | None = None
        for text, owner in ordered:
            found = _symbol_piece(text)
            if found and found in _WEAK_SYMBOLS:
                weak = weak or (found, owner)
            elif found:
                symbol, symbol_el, explicit = found, owner, True
                break
            elif weak is None and _MIXED_SYMBOL_PIECE.fullmatch(text):
                weak = (text, owner)  # "stETH", "cbBTC", "USDe": after all-capital ones
        if symbol is None and weak is not None:
            symbol, symbol_el, explicit = weak[0], weak[1], True
    if symbol is None:
        # A logo standing for the symbol: <img alt="BTC"> (or alt="Bitcoin" in a ticker).
        for img in item.iter("img"):
            alt = norm_space(img.get("alt"))
            found = _symbol_piece(alt) if alt else None
            if found in _WEAK_SYMBOLS:
                found = None
            if found is None and relaxed and alt:
                found = asset_symbol(alt)
                name = alt if found else None
            if found:
                symbol, explicit = found, True
                break
    if symbol is None and relaxed:
        for text, owner in pieces:
            if _priceish(text):
                continue
            for m in _SYMBOL_WORD.finditer(text):
                if m[1] not in _NOT_SYMBOLS and m[1] not in _WEAK_SYMBOLS:
                    symbol, symbol_el, explicit = m[1], owner, True
                    rest = norm_space(text[: m.start()] + " " + text[m.end() :])
                    if rest and _NAME_PIECE.fullmatch(rest):
                        name = rest
                    break
            if symbol:
                break
        if symbol is None:
            for text, owner in pieces:
                known = asset_symbol(text)
                if known:
                    symbol, symbol_el, name = known, owner, text
                    break
    if symbol is None:
        return None

    # What the page shows wins; data-* attributes fill in for values drawn by scripts.
    price = _find_price(pieces, symbol, relaxed)
    if price is None:
        attr_price = _attr(item, _PRICE_ATTRS)
        if attr_price:
            number = parse_number(attr_price)
            price = (
                parse_price(attr_price) if number is None else ParsedPrice(number, None, attr_price)
            )
    if price is None or price.negative or price.amount <= 0:  # "$0.00": a placeholder
        return None
    if price.currency is None:
        price = _currency_from_pair(pieces, price)

    change = _find_change(pieces, item)
    if change is None:
        attr_change = _attr(item, _CHANGE_ATTRS)
        if attr_change:
            change = parse_change(attr_change if attr_change.endswith("%") else attr_change + "%")

    if name is None:
        name = _find_name(item, pieces, symbol, symbol_el)
    return _Quote(symbol.upper(), name, price, change, explicit)


def _find_price(
    pieces: list[tuple[str, HtmlElement]], symbol: str, relaxed: bool
) -> ParsedPrice | None:
    # 1. an element styled as the price; 2. any piece that is a price with a currency;
    # 3. (relaxed) a bare number; 4. a price token inside a longer piece.
    ordered = sorted(
        pieces,
        key=lambda p: (
            not (_PRICE_CLASS.search(_classes(p[1])) and not _CHANGE_CLASS.search(_classes(p[1])))
        ),
    )
    for text, owner in ordered:
        if text == symbol:
            continue
        parsed = parse_price(text)
        if parsed is None:
            continue
        styled = bool(_PRICE_CLASS.search(_classes(owner)))
        if parsed.currency or (relaxed and (styled or "." in text or "," in text)):
            return parsed
    # A price token inside a longer piece, or split over elements ("<i>$</i><b>61,321</b>").
    for text in [t for t, _ in pieces] + [" ".join(t for t, _ in pieces if t != symbol)]:
        m = _PRICE_TOKEN.search(text)
        if m:
            parsed = parse_price(m[0])
            if parsed is not None and parsed.currency:
                return parsed
    return None


def _currency_from_pair(pieces: list[tuple[str, HtmlElement]], price: ParsedPrice) -> ParsedPrice:
    """A bare price quoted against a pair ("BTC/USDT 61,321.00") is in the pair's currency."""
    for text, _ in pieces:
        pair = _PAIR_PIECE.fullmatch(text)
        if pair and pair[2] in CURRENCY_CODES:
            return ParsedPrice(price.amount, CURRENCY_CODES[pair[2]], price.raw, price.negative)
    return price


def _find_change(pieces: list[tuple[str, HtmlElement]], item: HtmlElement) -> Decimal | None:
    """The item's percentage change; an unsigned one is negative when styled as a loss (on
    the element, its ancestors in the item or its icons; else anywhere in the item)."""
    for text, owner in pieces:
        if "%" not in text:
            continue
        context = _context_classes(owner, item)
        down = bool(_DOWN_CLASS.search(context))
        if not down and not _UP_CLASS.search(context):
            down = _styled_down(item)
        value = parse_change(text, down=down)
        if value is None:
            m = _CHANGE_TOKEN.search(text)
            if m:
                value = parse_change(m[0].strip(), down=down)
        if value is not None:
            return value
    # "<b>1.9</b><small>%</small>": the number and its percent sign in separate elements.
    m = _CHANGE_TOKEN.search(" ".join(t for t, _ in pieces))
    if m:
        return parse_change(m[0].strip(), down=_styled_down(item))
    # A change shown without "%": a bare signed number in an element styled as the change
    # ("change", "pct", "delta"...), read as the percentage the column shows.
    for text, owner in pieces:
        context = _context_classes(owner, item)
        if _BARE_CHANGE.fullmatch(text) and _CHANGE_CLASS.search(_classes(owner)):
            down = bool(_DOWN_CLASS.search(context)) or (
                not _UP_CLASS.search(context) and _styled_down(item)
            )
            return parse_change(text + "%", down=down)
    return None


#: A bare change: "-1.90", "+2,35", "▼ 0.42" (no currency, no percent sign).
_BARE_CHANGE = re.compile(r"(?:[▲▼△▽↑↓⬆⬇🔺🔻⏶⏷]\s?)?[+\u2212\u2013-]?\s?\d{1,4}(?:[.,]\d+)?")


def _styled_down(item: HtmlElement) -> bool:
    """True when the item's classes say loss (a down arrow icon, a red badge) and not gain."""
    classes = " ".join(_classes(d) for d in item.iter())
    return bool(_DOWN_CLASS.search(classes)) and not _UP_CLASS.search(classes)


def _find_name(
    item: HtmlElement,
    pieces: list[tuple[str, HtmlElement]],
    symbol: str,
    symbol_el: HtmlElement | None,
) -> str | None:
    if symbol_el is not None:
        title = (symbol_el.get("title") or "").strip()
        if title and title.upper() != symbol.upper():
            return norm_space(title)
    for text, owner in pieces:
        if text == symbol or _priceish(text) or not _NAME_PIECE.fullmatch(text):
            continue
        if _NAME_CLASS.search(_classes(owner)) or asset_symbol(text) == symbol.upper():
            return text
    for img in item.iter("img"):
        alt = norm_space(img.get("alt"))
        if alt and alt.upper() != symbol.upper() and _NAME_PIECE.fullmatch(alt):
            return alt
    return None


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


_SEQUENCE = re.compile(
    rf"(?P<sym>(?<![\w$€£])[A-Z][A-Z0-9]{{1,9}}(?:/[A-Z]{{3,4}})?)\s*[:=\-–]?\s*"
    rf"(?P<price>(?:(?:{_CODES_ALT})\s?)?(?:{_SIGNS_ALT})?\s?(?:{NUMBER})(?:\s?(?:{_SIGNS_ALT}|"
    rf"(?:{_CODES_ALT})(?!\w)))?)"
    r"(?:\s*(?P<chg>\(?\s?(?:[▲▼△▽↑↓⬆⬇🔺🔻]\s?)?[+\u2212\u2013-]?\s?\d+(?:[.,]\d+)?\s?%\s?\)?))?"
)


def _scan_flat(el: HtmlElement) -> list[_Quote]:
    """Quotes written as flat text in a ticker element: "BTC $61,321 ▲1.2% · ETH ..."."""
    text = text_of(el)
    quotes: list[_Quote] = []
    for m in _SEQUENCE.finditer(text):
        sym = m["sym"].split("/")[0]
        if sym in _NOT_SYMBOLS or sym in _WEAK_SYMBOLS:
            continue
        price = parse_price(m["price"])
        if price is None or price.negative or price.amount <= 0:
            continue
        if price.currency is None and not ("." in m["price"] or "," in m["price"]):
            continue
        change = parse_change(m["chg"].strip()) if m["chg"] else None
        quotes.append(_Quote(sym, None, price, change, True))
    return quotes


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

    (The page index's element list and attribute dicts: no lxml attribute reads here.)
    """
    root = doc.root
    index = page_index(doc)
    attrs = index.attrs
    no_attrs: dict[str, str] = {}
    marked: dict[HtmlElement, None] = {}
    hinted: list[HtmlElement] = []
    mark, lone = _PRICE_MARK.search, _LONE_SIGN.fullmatch  # _priceish, inlined
    quote_attrs = not _QUOTE_ATTR_SET.isdisjoint(page_attribute_names(doc))
    skip = _SKIP | _NOT_CONTENT
    for node in index.elements:
        tail = node.tail
        if tail and (mark(tail) or (len(tail) < 16 and lone(tail))):
            parent = node.getparent()
            if parent is not None:
                marked.setdefault(parent, None)
        tag = node.tag
        if tag in skip:
            continue
        attrib = attrs.get(node, no_attrs)
        text = node.text
        if (text and (mark(text) or (len(text) < 16 and lone(text)))) or (
            quote_attrs and not _QUOTE_ATTR_SET.isdisjoint(attrib)
        ):
            marked.setdefault(node, None)
        cls = attrib.get("class")
        if tag == "marquee" or (cls and _hinted_class(cls)):
            hinted.append(node)
    # Text inside scripts, styles, <noscript> fallbacks, SVG... is not shown as a quote.
    inside = {d for el in root.iter(*_SKIP) for d in el.iterdescendants()}
    if inside:
        return [el for el in marked if el not in inside], [el for el in hinted if el not in inside]
    return list(marked), hinted


#: Every attribute an item's quote can be read from.
_ANY_QUOTE_ATTR = frozenset((*_QUOTE_ATTRS, *_SYMBOL_ATTRS, *_PRICE_ATTRS, *_CHANGE_ATTRS))


def _may_have_tickers(doc: Document) -> bool:
    """The page-level gate: False only when no group can be accepted and no element is
    hinted, so :func:`extract_tickers` would find nothing.

    A ticker hint needs ``_HINT`` vocabulary in a class or id, a ``<marquee>`` or a quote
    attribute; without one, a group needs three strict quotes, each with a change read
    from a "%" in its text, a change attribute or an element of change vocabulary.

    The names and the text are those the other widget gates read too (made once per
    page): every class and id value, lower-cased, is a line of :func:`page_naming_text`,
    and a ``_HINT`` or ``_CHANGE_WORDS`` match (letters, "-" and "_" only) lies inside
    one value, so it is found there (and counted at least as often).  An item's text
    leaves out ``_SKIP`` subtrees, a superset of those the body's :func:`shown_text`
    leaves out, so each "%" it reads is in that text or outside the body.
    """
    names = page_naming_text(doc)
    if _hint_in(names):
        return True
    if not _ANY_QUOTE_ATTR.isdisjoint(page_attribute_names(doc)):
        return True
    root = doc.root
    if next(root.iter("marquee"), None) is not None:
        return True
    changes = sum(names.count(word) for word in _CHANGE_WORDS)
    return changes + _percent_count(doc) >= 3


def _percent_count(doc: Document) -> int:
    """At least the number of "%" an item's text can show: those of the body's shown
    text and of the page's text outside the body, scripts and styles left out."""
    root = doc.root
    body = root.find("body")
    shown = shown_text(doc)
    if shown is None or body is None:  # no shown text: all text but scripts and styles
        percents = page_text(doc).count("%")
        if percents >= 3:
            percents -= sum((el.text or "").count("%") for el in root.iter("script", "style"))
        return percents
    outside = [root.text or ""]
    for child in root:
        if child is not body and isinstance(child.tag, str):
            outside.extend(cast("list[str]", _UNSCRIPTED_TEXT(child)))
        outside.append(child.tail or "")
    return shown.count("%") + "".join(outside).count("%")


#: The text nodes of a subtree but those of scripts and styles (their text is not read
#: into Python strings: a page's head may hold hundreds of kilobytes of them).
_UNSCRIPTED_TEXT = etree.XPath(
    "descendant::text()[not(parent::script or parent::style)]", smart_strings=False
)


def _hint_in(names: str) -> bool:
    """``_HINT.search(names)``, tried only where a match can start: every match starts
    with one of ``_HINT_WORDS`` (a scan of the whole text costs ~1 ms on a large page)."""
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

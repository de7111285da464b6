"""Price-ticker widgets, one item at a time: an item (a list item, a table row, a card)
read as a quote (symbol, name, Decimal price, percentage change) from its text pieces,
its attributes and its class names; and a ticker's flat text ("BTC $61,321 ▲1.2% · ETH
...") read as a run of quotes.  The widgets themselves (groups of such items, the page
gate) are found by :mod:`tickers`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from lxml import etree

from newsparse import _accel
from newsparse.extract.dom import HtmlElement, class_id, compiled_names, norm_space, text_of
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

__all__ = [
    "CHANGE_ATTRS",
    "LONE_SIGN",
    "PRICE_ATTRS",
    "PRICE_MARK",
    "QUOTE_ATTRS",
    "QUOTE_ATTR_SET",
    "SKIP",
    "SYMBOL_ATTRS",
    "Quote",
    "class_string",
    "read_item",
    "scan_flat",
]

_SIGNS_ALT = "|".join(re.escape(s) for s in sorted(CURRENCY_SIGNS, key=len, reverse=True))
_CODES_ALT = "|".join(sorted(CURRENCY_CODES, key=len, reverse=True))

#: Something price-like in a text node: a currency sign next to a digit, or a percentage.
#: (Single-character classes: this runs on every text node of the page.)
_SIGN_CHARS = "".join(sorted({s[-1] for s in CURRENCY_SIGNS if not s[-1].isalnum()}))
PRICE_MARK = re.compile(
    rf"[{re.escape(_SIGN_CHARS)}]\s?[.\d]|\d\s?[{re.escape(_SIGN_CHARS)}%]|\d\s?(?:zł|[A-Z]{{3}}\b)"
)
#: A sign in an element of its own: "<i>$</i>61,321". (Kept out of PRICE_MARK: an
#: anchored branch stops the regex engine from skipping ahead by first character.)
LONE_SIGN = re.compile(rf"\s*[{re.escape(_SIGN_CHARS)}%]\s*")


def _priceish_python(text: str) -> bool:
    """Whether a text piece holds something price-like (or is a lone currency/percent
    sign): the reference of the compiled one (newsparse._accel.quotescan.priceish)."""
    return PRICE_MARK.search(text) is not None or (
        len(text) < 16 and LONE_SIGN.fullmatch(text) is not None
    )


def _compiled_priceish() -> Callable[[str], bool]:
    """The compiled :func:`_priceish_python` (one pass over the characters instead of
    the regex's three branches tried at each), or the function itself where it is not
    built or was written for other patterns than ours."""
    module = _accel.load("quotescan")
    if (
        module is None
        or (PRICE_MARK.pattern, LONE_SIGN.pattern) != (module.PRICE_MARK, module.LONE_SIGN)
        or {PRICE_MARK.flags, LONE_SIGN.flags} != {re.UNICODE}
    ):
        return _priceish_python
    return cast("Callable[[str], bool]", module.priceish)


#: Whether a text piece holds something price-like (or is a lone currency/percent sign).
_priceish = _compiled_priceish()


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

SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "button", "select"})
#: The compiled walk of :func:`_pieces` (newsparse._accel.text), or None.
_COMPILED: Any = _accel.load("text")
_PIECE_NAMES = compiled_names(SKIP) if _COMPILED is not None else None
QUOTE_ATTRS = ("data-symbol", "data-price", "data-change", "data-ticker", "data-coin")
QUOTE_ATTR_SET = frozenset(QUOTE_ATTRS)
SYMBOL_ATTRS = ("data-symbol", "data-ticker", "data-coin-symbol", "data-coin")
PRICE_ATTRS = ("data-price", "data-value", "data-last")
CHANGE_ATTRS = ("data-change", "data-change-percent", "data-percent", "data-change24h")

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


@dataclass
class Quote:
    symbol: str
    name: str | None
    price: ParsedPrice
    change: Decimal | None
    explicit_symbol: bool


def class_string(el: HtmlElement) -> str:
    return class_id(el) if isinstance(el.tag, str) else ""


def _pieces(item: HtmlElement) -> list[tuple[str, HtmlElement]]:
    """Text pieces of ``item`` with the element that owns each (text: itself; tail: parent).

    Text split only by a comment is one piece: server-rendered React writes
    "<span>$<!-- -->61,321.00</span>".
    """
    if _COMPILED is not None:
        return cast("list[tuple[str, HtmlElement]]", _COMPILED.pieces(_PIECE_NAMES, item))
    return _pieces_python(item)


def _pieces_python(item: HtmlElement) -> list[tuple[str, HtmlElement]]:
    """:func:`_pieces` in Python: the reference of the compiled one
    (newsparse._accel.text.pieces)."""
    out: list[tuple[str, HtmlElement]] = []
    skip = 0
    for event, node in etree.iterwalk(item, events=("start", "end", "comment", "pi")):
        tag = node.tag
        real = isinstance(tag, str)
        if event == "start":
            if not real:
                continue
            if tag in SKIP:
                skip += 1
            elif skip == 0 and node.text and node.text.strip():
                out.append((norm_space(node.text), node))
            continue
        if real and tag in SKIP:
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
    parts = [class_string(el)]
    node = el.getparent()
    while node is not None and node is not item.getparent():
        parts.append(class_string(node))
        if node is item:
            break
        node = node.getparent()
    parts.extend(class_string(d) for d in el.iterdescendants())
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


def read_item(item: HtmlElement, relaxed: bool) -> Quote | None:
    """Read one widget item as a quote; None if it has no symbol or no usable price."""
    pieces = _pieces(item)
    text_len = sum(len(t) + 1 for t, _ in pieces)
    if text_len > _MAX_ITEM_TEXT:
        return None
    symbol: str | None = None
    symbol_el: HtmlElement | None = None
    explicit = False
    name: str | None = None
    attr_symbol = _attr(item, SYMBOL_ATTRS)
    if attr_symbol:
        symbol = _attr_symbol(attr_symbol)
        explicit = symbol is not None
    if symbol is None:
        ordered = sorted(pieces, key=lambda p: not _SYMBOL_CLASS.search(class_string(p[1])))
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
        attr_price = _attr(item, PRICE_ATTRS)
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
        attr_change = _attr(item, CHANGE_ATTRS)
        if attr_change:
            change = parse_change(attr_change if attr_change.endswith("%") else attr_change + "%")

    if name is None:
        name = _find_name(item, pieces, symbol, symbol_el)
    return Quote(symbol.upper(), name, price, change, explicit)


def _find_price(
    pieces: list[tuple[str, HtmlElement]], symbol: str, relaxed: bool
) -> ParsedPrice | None:
    # 1. an element styled as the price; 2. any piece that is a price with a currency;
    # 3. (relaxed) a bare number; 4. a price token inside a longer piece.
    ordered = sorted(
        pieces,
        key=lambda p: (
            not (
                _PRICE_CLASS.search(class_string(p[1]))
                and not _CHANGE_CLASS.search(class_string(p[1]))
            )
        ),
    )
    for text, owner in ordered:
        if text == symbol:
            continue
        parsed = parse_price(text)
        if parsed is None:
            continue
        styled = bool(_PRICE_CLASS.search(class_string(owner)))
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
        if _BARE_CHANGE.fullmatch(text) and _CHANGE_CLASS.search(class_string(owner)):
            down = bool(_DOWN_CLASS.search(context)) or (
                not _UP_CLASS.search(context) and _styled_down(item)
            )
            return parse_change(text + "%", down=down)
    return None


#: A bare change: "-1.90", "+2,35", "▼ 0.42" (no currency, no percent sign).
_BARE_CHANGE = re.compile(r"(?:[▲▼△▽↑↓⬆⬇🔺🔻⏶⏷]\s?)?[+\u2212\u2013-]?\s?\d{1,4}(?:[.,]\d+)?")


def _styled_down(item: HtmlElement) -> bool:
    """True when the item's classes say loss (a down arrow icon, a red badge) and not gain."""
    classes = " ".join(class_string(d) for d in item.iter())
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
        if _NAME_CLASS.search(class_string(owner)) or asset_symbol(text) == symbol.upper():
            return text
    for img in item.iter("img"):
        alt = norm_space(img.get("alt"))
        if alt and alt.upper() != symbol.upper() and _NAME_PIECE.fullmatch(alt):
            return alt
    return None


_SEQUENCE = re.compile(
    rf"(?P<sym>(?<![\w$€£])[A-Z][A-Z0-9]{{1,9}}(?:/[A-Z]{{3,4}})?)\s*[:=\-–]?\s*"
    rf"(?P<price>(?:(?:{_CODES_ALT})\s?)?(?:{_SIGNS_ALT})?\s?(?:{NUMBER})(?:\s?(?:{_SIGNS_ALT}|"
    rf"(?:{_CODES_ALT})(?!\w)))?)"
    r"(?:\s*(?P<chg>\(?\s?(?:[▲▼△▽↑↓⬆⬇🔺🔻]\s?)?[+\u2212\u2013-]?\s?\d+(?:[.,]\d+)?\s?%\s?\)?))?"
)


def scan_flat(el: HtmlElement) -> list[Quote]:
    """Quotes written as flat text in a ticker element: "BTC $61,321 ▲1.2% · ETH ..."."""
    text = text_of(el)
    quotes: list[Quote] = []
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
        quotes.append(Quote(sym, None, price, change, True))
    return quotes

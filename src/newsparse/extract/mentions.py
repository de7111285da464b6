"""Prices and stock tickers mentioned in the body text.

One compiled regular expression walks the text once; its alternatives find,
in text order:

- **price amounts** with a currency: "$60,853", "$4.4 billion", "US$1.2m",
  "€61.321,00", "55 million dollars", "USD 1,567" — each with the qualifier
  written just before it ("exactly", "near", "roughly", "more than"...);
- **stock tickers**: "(NYSE: AIB)", "(NASDAQ: COIN)", "Nasdaq:MSTR", "(TSX: HUT)";
- **asset names and symbols**: "Bitcoin", "ether", "BTC", "Render (RNDR)";
- **sentence ends**, so each mention knows its sentence.

A price's asset is the nearest asset named before it in the same sentence
(within a short window); sizes of money ("$4.4 billion", "$55 million") are
flows, caps or offerings rather than prices of an asset, so they get none.
Amounts need a currency: "60k" alone is not a price.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from decimal import Decimal

from newsparse.extract.prices import (
    ASSET_NAMES,
    ASSET_SYMBOLS,
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    parse_number,
    scale,
)
from newsparse.models import Mentions, PriceMention, StockMention

__all__ = ["find_mentions"]

_QUALIFIERS = (
    "exactly",
    "precisely",
    "nearly",
    "near",
    "roughly",
    "about",
    "around",
    "approximately",
    "approx.",
    "almost",
    "above",
    "below",
    "over",
    "under",
    "just over",
    "just under",
    "just above",
    "just below",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "as high as",
    "as low as",
    "up to",
    "close to",
    "upwards of",
    "north of",
    "south of",
    "some",
    "circa",
    "~",
    "≈",
)
# Case variants are spelled out: a case-insensitive alternation is five times slower in `re`.
_QUAL_ALT = "|".join(
    re.escape(q).replace(r"\ ", r"\s+")
    for q in sorted({v for q in _QUALIFIERS for v in (q, q[:1].upper() + q[1:])}, key=len)[::-1]
)
_SIGNS_ALT = "|".join(re.escape(s) for s in sorted(CURRENCY_SIGNS, key=len, reverse=True))
_CODES_ALT = "|".join(c for c in sorted(CURRENCY_CODES, key=len, reverse=True) if c != "USDT")
_WORDS_ALT = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
_NUM = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_EU_NUM = r"\d{1,3}(?:\.\d{3})+(?!\d)(?:,\d+)?|\d+,\d{1,2}(?!\d)"
_UNIT = (
    r"(?:\s?(?P<{0}w>trillion|billion|million|thousand|bn|tn|mn)\b"
    r"|(?P<{0}l>bn|tn|mn|[kKmMbBtT])(?![\w$]))"
)
#: Names also recognised in lower case (the unambiguous ones: not "stellar", "avalanche").
_LOWER_NAMES = frozenset(
    [
        "Bitcoin",
        "Ethereum",
        "Ether",
        "Solana",
        "Dogecoin",
        "Litecoin",
        "Cardano",
        "Polkadot",
        "Chainlink",
        "Toncoin",
    ]
)
_ASSET_LOOKUP: dict[str, str] = {
    **{s: s for s in ASSET_SYMBOLS},
    **ASSET_NAMES,
    **{n.lower(): ASSET_NAMES[n] for n in _LOWER_NAMES},
}
_ASSET_WORDS = sorted(_ASSET_LOOKUP, key=len, reverse=True)
_EXCHANGES = (
    r"NYSE\s?American|NYSE\s?Arca|NYSE|Nyse|NASDAQ(?:GS|GM|CM)?|Nasdaq(?:GS|GM|CM)?|TSX-?V|TSXV"
    r"|TSX|CSE|ASX|LSE|AMEX|OTC(?:QB|QX|\s?Pink|\s?Markets)?|HKEX|SEHK|SGX|XETRA|Xetra|Euronext"
    r"|EURONEXT|NEO|Cboe|CBOE|BATS|NSE|BSE|TYO|KRX|JSE|FWB|ETR|FRA"
)

_ASSET_ALT = "|".join(re.escape(w) for w in _ASSET_WORDS)
_ASSET_FIRST = re.escape("".join(sorted({w[0] for w in _ASSET_WORDS})))
_SIGN_FIRST = re.escape("".join(sorted({sign[0] for sign in CURRENCY_SIGNS})))


def _starts(words: list[str]) -> str:
    """A look-ahead for where one of ``words`` or a number, a currency code or an
    exchange name (upper case) can start: a digit, ".", a capital, the first character
    of a word that does not start with a lower-case letter, the first two of one that
    does (lower-case letters start most words of a text)."""
    lower = sorted({w[:2] for w in words if w[:1].islower()})
    first = sorted({w[0] for w in words if not w[:1].islower()} - set(string.ascii_uppercase))
    return rf"(?=[\dA-Z.{re.escape(''.join(first))}]|{'|'.join(map(re.escape, lower))})"
#: The qualifier written just before an amount, read backwards from the amount (a bounded
#: look-back per amount is cheaper than trying ~70 words at every word of the text).
_QUALIFIER_BEFORE = re.compile(rf"(?<![\w.,])({_QUAL_ALT})\s+$")

# Alternatives that start with a word character sit behind one (?<!\w) so that the
# scan fails fast inside words; the others start with a sign, "(" or punctuation.  Cheap
# lookaheads (?=...) skip the long alternations where their first character cannot match.
#: The scan's first branch, after its look-behind (?<![\w.,]): amounts, exchange
#: tickers, asset names.
_NAMED = rf"""
        (?P<amount>
            (?=[{_SIGN_FIRST}])(?P<sign>{_SIGNS_ALT})\s?(?P<n1>{_NUM}){_UNIT.format("u1")}?
          | (?=[A-Z]{{3}})(?P<code>{_CODES_ALT})\s?(?P<n2>{_NUM}){_UNIT.format("u2")}?
          | (?=[\d.])(?P<n3>{_EU_NUM}|{_NUM}){_UNIT.format("u3")}?\s?
            (?:(?P<ssign>€|£)|(?P<scode>{_CODES_ALT}|{_WORDS_ALT})\b)
        )
        (?![\w])
      | (?=[A-Z][A-Za-z])(?P<ex>{_EXCHANGES})\s?:\s?
        (?P<sym>[A-Z][A-Z0-9]{{0,5}}(?:[.\-][A-Z0-9]{{1,3}})?)\b
      | (?<!\$)(?=[{_ASSET_FIRST}])(?P<asset>{_ASSET_ALT})(?![\w])
"""
_PSYM = r"\((?P<psym>[A-Z][A-Z0-9]{1,9})\)"
_EOS = r"""(?P<eos>[.!?…]+["'”’)\]]*(?=\s+[^a-z\s])|\n)"""
_CELL = r"(?P<cell>\s\|\s)"
# The scan, as one pattern, is ``(?<![\w.,])(?:{_NAMED}) | {_PSYM} | {_EOS} | {_CELL}``
# (verbose): :func:`_scan` finds what it finds, match for match (tests/unit/
# mention_oracles.py compiles it as that function's oracle).  ``re`` would try it at
# every position of the text, as it starts with a look-behind.
#: The scan's four branches, each as a pattern that starts with a character set, which
#: ``re`` skips to without trying the pattern at every position.  The first branch
#: is found through the character before it (not a word character, "." or ","),
#: the branch itself in a look-ahead (``named`` group); at the start of the text, where
#: its look-behind holds with no character before it, by ``_NAMED_AT_START``.  A
#: sentence end starts with its first character.
_NAMED_AFTER = re.compile(
    rf"[^\w.,]{_starts([*CURRENCY_SIGNS, *_ASSET_WORDS])}(?=(?P<named>{_NAMED}))", re.VERBOSE
)
_NAMED_AT_START = re.compile(rf"(?P<named>{_NAMED})", re.VERBOSE)
_BRANCHES = (
    re.compile(_PSYM),
    re.compile(r"""(?P<eos>[.!?…\n](?:(?<=\n)|(?<=[.!?…])[.!?…]*["'”’)\]]*(?=\s+[^a-z\s])))"""),
    re.compile(_CELL),
)
#: Which branch a match of :func:`_scan` is from.
_NAMED_KIND, _PSYM_KIND, _EOS_KIND, _CELL_KIND = range(4)

#: The amount and exchange branches of the scan alone (same sub-patterns, same
#: lookarounds), after the look-behind ``(?<![\w.,])``: wherever the scan reads a price
#: or a stock mention, this matches too, so a text it finds nothing in has no mentions
#: and the scan is skipped.
_UNIT_ANY = re.sub(r"\(\?P<\{0\}[wl]>", "(?:", _UNIT)
_MAY_BODY = rf"""
        (?:
            (?=[{_SIGN_FIRST}])(?:{_SIGNS_ALT})\s?(?:{_NUM}){_UNIT_ANY}?
          | (?=[A-Z]{{3}})(?:{_CODES_ALT})\s?(?:{_NUM}){_UNIT_ANY}?
          | (?=[\d.])(?:{_EU_NUM}|{_NUM}){_UNIT_ANY}?\s?
            (?:(?:€|£)|(?:{_CODES_ALT}|{_WORDS_ALT})\b)
        )
        (?![\w])
      | (?=[A-Z][A-Za-z])(?:{_EXCHANGES})\s?:\s?
        [A-Z][A-Z0-9]{{0,5}}(?:[.\-][A-Z0-9]{{1,3}})?\b
"""
#: ``_MAY_BODY`` behind its look-behind, found as the scan's first branch is
#: (:func:`_scan`): through the character before it, and at the start of the text.
_MAY_AFTER = re.compile(rf"[^\w.,]{_starts(list(CURRENCY_SIGNS))}(?={_MAY_BODY})", re.VERBOSE)
_MAY_AT_START = re.compile(rf"(?:{_MAY_BODY})", re.VERBOSE)
#: Cheaper necessary conditions of ``_MAY_BODY``, tried first: each starts with a
#: character set or a set of words, which ``re`` scans for quickly.  A sign
#: (its last character) before a number; a code before a number; a number (from its
#: first digit: the digits, dots and commas of a number run on) with an optional unit
#: before a sign, code or currency word; an exchange name before a colon.  Each relaxes
#: the branch it stands for, so a text none of them matches has no mention.
_SIGN_ENDS = re.escape("".join(sorted({sign[-1] for sign in CURRENCY_SIGNS})))
_PRE_SIGN = re.compile(rf"[{_SIGN_ENDS}]\s?\.?\d")
_PRE_CODE = re.compile(rf"(?:{_CODES_ALT})\s?\.?\d")
_PRE_AFTER = re.compile(
    r"\d(?<![\d,]\d)[\d.,]*+(?:\s?(?:trillion|billion|million|thousand|bn|tn|mn)|[kKmMbBtT])?"
    rf"\s?(?:€|£|{_CODES_ALT}|{_WORDS_ALT})"
)
_PRE_EXCHANGE = re.compile(rf"(?:{_EXCHANGES})\s?:")


def _may_mention(text: str) -> bool:
    """Whether ``text`` can hold a price or stock mention: the quick patterns above,
    then a match of the scan's amount or exchange branches (``_MAY_BODY``), searched as
    ``_MAY_AT_START`` and ``_MAY_AFTER``."""
    return (
        _PRE_SIGN.search(text) is not None
        or _PRE_AFTER.search(text) is not None
        or _PRE_CODE.search(text) is not None
        or _PRE_EXCHANGE.search(text) is not None
    ) and (_MAY_AT_START.match(text) is not None or _MAY_AFTER.search(text) is not None)


_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "plc",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gov",
        "sen",
        "rep",
        "approx",
    ]
)
_LAST_WORD = re.compile(r"([\w.]+)$")
_COMPANY = re.compile(
    r"((?:[A-Z][\w.&'’-]*|&|of|and|de|the)"
    r"(?:,?\s+(?:[A-Z0-9][\w.&'’-]*|&|of|and|de|the|plc|inc\.?|ltd\.?|llc|corp\.?)){0,5})"
    r"\s*\($"
)
_LEADING_STOP = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "At",
        "On",
        "And",
        "But",
        "Or",
        "As",
        "Of",
        "For",
        "By",
        "With",
        "From",
        "Shares",
        "Stock",
        "Meanwhile",
    ]
)
_WORD_SPLIT = re.compile(r"[\s\-–—/]+")
#: Parenthesised abbreviations that name no traded asset.
_NOT_ASSETS = frozenset(
    {
        "YTD",
        "ETF",
        "ETFS",
        "ETN",
        "ETP",
        "CEO",
        "CFO",
        "CTO",
        "COO",
        "GDP",
        "CPI",
        "PPI",
        "PCE",
        "FOMC",
        "SEC",
        "CFTC",
        "FCA",
        "ECB",
        "IMF",
        "USD",
        "EUR",
        "GBP",
        "ATH",
        "ATL",
        "TVL",
        "AUM",
        "APY",
        "APR",
        "NFT",
        "NFTS",
        "DEFI",
        "DAO",
        "AI",
        "UTC",
        "EST",
        "EDT",
        "ET",
        "PT",
        "GMT",
        "IPO",
        "OTC",
        "KYC",
        "AML",
        "MOU",
        "LTH",
        "STH",
        "RSI",
        "MACD",
        "EMA",
        "SMA",
    }
)
_SMALL_WORDS = frozenset({"of", "and", "the", "&", "for", "de"})
#: How far before an amount its asset may be named.
_ASSET_WINDOW = 120
_BIG_UNITS = frozenset({"million", "billion", "trillion", "m", "mn", "b", "bn", "t", "tn"})


def _is_abbreviation(text: str, end: int) -> bool:
    m = _LAST_WORD.search(text, max(0, end - 12), end)
    if not m:
        return False
    word = m[1].lower().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _is_acronym(text: str, start: int, symbol: str) -> bool:
    """True when "(CFTC)" or "(YTD)" is an abbreviation rather than a traded symbol.

    Either a common one, or the initials of the words just before it
    ("Commodity Futures Trading Commission", "year-to-date").
    """
    if symbol in _NOT_ASSETS:
        return True
    head = text[max(0, start - 120) : start]
    words = [w for w in _WORD_SPLIT.split(head) if w and w.lower() not in _SMALL_WORDS]
    initials = "".join(w[0] for w in words[-len(symbol) :])
    return initials.upper() == symbol


def _company(text: str, start: int) -> str | None:
    head = text[max(0, start - 100) : start]
    m = _COMPANY.search(head)
    if not m:
        return None
    words = m[1].split()
    while words and (words[0] in _LEADING_STOP or words[0] in _SMALL_WORDS):
        words.pop(0)
    while words and words[-1] in _SMALL_WORDS:
        words.pop()
    return " ".join(words) or None


def _qualifier(text: str, start: int) -> str | None:
    """The qualifier written just before the amount at ``start``, spaces normalised."""
    m = _QUALIFIER_BEFORE.search(text, max(0, start - 30), start)
    return re.sub(r"\s+", " ", m[1]) if m else None


def _amount(m: re.Match[str]) -> tuple[Decimal, str, str | None] | None:
    """(value, currency, unit) of a price match."""
    if m["n1"] is not None:
        number, currency = parse_number(m["n1"]), CURRENCY_SIGNS[m["sign"]]
        unit = m["u1w"] or m["u1l"]
    elif m["n2"] is not None:
        number, currency = parse_number(m["n2"]), CURRENCY_CODES[m["code"]]
        unit = m["u2w"] or m["u2l"]
    else:
        european = m["ssign"] == "€" or m["scode"] in ("EUR", "euro", "euros")
        number = parse_number(m["n3"], european=european)
        if m["ssign"]:
            currency = CURRENCY_SIGNS[m["ssign"]]
        else:
            code = m["scode"]
            currency = CURRENCY_CODES.get(code) or CURRENCY_WORDS[code.lower()]
        unit = m["u3w"] or m["u3l"]
    if number is None:
        return None
    return scale(number, unit), currency, unit.lower() if unit else None


def _scan(text: str) -> Iterator[tuple[int, re.Match[str], int, int]]:
    """(branch, match, start, end) of each match of the scan as one pattern, in order,
    from the branches searched apart: at each step the match that starts first, the
    earlier branch on a tie (as the alternation tries them at each position), and every
    branch's next match searched again from its end when it started before that end.
    A branch's search from a position finds its first match there or after, the one the
    alternation would take at that position when no earlier branch matches; ``re`` only
    tries each branch where its first character set allows (the one pattern is tried
    at every position)."""
    found: list[tuple[int, re.Match[str], int, int] | None] = [
        _next_named(text, 0),
        *(_next_of(kind, text, 0) for kind in (_PSYM_KIND, _EOS_KIND, _CELL_KIND)),
    ]
    while True:
        first = None
        for hit in found:
            if hit is not None and (first is None or hit[2] < first[2]):
                first = hit
        if first is None:
            return
        yield first
        end = first[3]
        for kind, hit in enumerate(found):
            if hit is not None and hit[2] < end:
                found[kind] = _next_named(text, end) if kind == 0 else _next_of(kind, text, end)


def _next_named(text: str, pos: int) -> tuple[int, re.Match[str], int, int] | None:
    """The first match of the scan's first branch at ``pos`` or after."""
    m = _NAMED_AT_START.match(text) if pos == 0 else None
    if m is None:
        m = _NAMED_AFTER.search(text, pos - 1 if pos else 0)
    return None if m is None else (_NAMED_KIND, m, m.start("named"), m.end("named"))


def _next_of(kind: int, text: str, pos: int) -> tuple[int, re.Match[str], int, int] | None:
    """The first match of the scan's branch ``kind`` (not the first) at ``pos`` or after."""
    m = _BRANCHES[kind - 1].search(text, pos)
    return None if m is None else (kind, m, m.start(), m.end())


def find_mentions(text: str) -> Mentions:
    """Price and stock-ticker mentions in ``text`` (offsets index into it).

    >>> m = find_mentions("Bitcoin is trading at exactly $60,853.")
    >>> m.prices[0].asset, m.prices[0].amount, m.prices[0].qualifier
    ('BTC', Decimal('60853'), 'exactly')
    """
    if not _may_mention(text):
        return Mentions()
    prices: list[PriceMention] = []
    stocks: list[StockMention] = []
    pending: list[dict[str, object]] = []  # price mentions waiting for their sentence end
    sentence_start = 0
    asset: tuple[str, int] | None = None  # (symbol, end offset) of the last asset named

    def close_sentence(end: int) -> None:
        sentence = text[sentence_start:end].strip()
        for fields in pending:
            prices.append(PriceMention(sentence=sentence, **fields))
        pending.clear()

    for kind, m, start, end in _scan(text):
        if kind == _EOS_KIND:
            if m["eos"] != "\n" and _is_abbreviation(text, start):
                continue
            close_sentence(end)
            sentence_start = end
            asset = None
        elif kind == _CELL_KIND:
            asset = None  # a table cell boundary (" | " in the text): a new clause
        elif kind == _PSYM_KIND:
            if not _is_acronym(text, start, m["psym"]):
                asset = (m["psym"], end)
        elif m["amount"] is not None:
            read = _amount(m)
            if read is None:
                continue
            value, currency, unit = read
            start, end = m.start("amount"), m.end("amount")
            named = None
            if asset is not None and start - asset[1] <= _ASSET_WINDOW and unit not in _BIG_UNITS:
                named = asset[0]
            pending.append(
                {
                    "asset": named,
                    "amount": value,
                    "currency": currency,
                    "qualifier": _qualifier(text, start),
                    "raw": text[start:end],
                    "start": start,
                    "end": end,
                }
            )
        elif m["ex"] is not None:
            start = m.start("ex")
            opened = text[max(0, start - 1) : start] == "("
            stocks.append(
                StockMention(
                    exchange=re.sub(r"\s+", " ", m["ex"]).upper(),
                    symbol=m["sym"],
                    company=_company(text, start) if opened else None,
                    start=start,
                    end=m.end("sym"),
                )
            )
            asset = (m["sym"], end)
        else:
            asset = (_ASSET_LOOKUP[m["asset"]], end)
    close_sentence(len(text))
    return Mentions(prices=prices, stocks=stocks)

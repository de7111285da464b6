"""Reading prices and percentage changes as written: "$61,321.00", "61.321,00 €", "▼ 1.9%".

Shared by the ticker-widget extractor and the mention finder.  Everything here
works on short strings and returns exact :class:`~decimal.Decimal` values: the
digits shown are kept (``"$61,321.00"`` gives ``Decimal("61321.00")``), only the
grouping separators are dropped.

Separator rules (as in the price-parser library, tightened for quotes):

- both ``,`` and ``.`` present: the last one is the decimal mark;
- one kind, repeated (``1,234,567``): grouping;
- one kind, once, followed by exactly three digits: grouping for ``,``
  (``$1,567``) unless the integer part is ``0``; for ``.`` a decimal mark
  (``$1.567``) unless the amount is written European style (currency after the
  number, or ``european=True``), where ``1.567 €`` is one thousand five hundred;
- otherwise the separator is the decimal mark (``0,5``, ``1.25``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = [
    "ASSET_NAMES",
    "ASSET_SYMBOLS",
    "CURRENCY_CODES",
    "CURRENCY_SIGNS",
    "ParsedPrice",
    "asset_symbol",
    "parse_change",
    "parse_number",
    "parse_price",
    "scale",
]

#: Currency signs and the ISO 4217 code each stands for (longest first when matching).
CURRENCY_SIGNS: dict[str, str] = {
    "US$": "USD",
    "U$S": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "R$": "BRL",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₦": "NGN",
    "₱": "PHP",
    "₫": "VND",
    "₴": "UAH",
    "₪": "ILS",
    "฿": "THB",
    "zł": "PLN",
}

#: ISO codes (and a few words) accepted as a written currency before or after the amount.
CURRENCY_CODES: dict[str, str] = {
    **{
        c: c
        for c in [
            "USD",
            "EUR",
            "GBP",
            "JPY",
            "CHF",
            "CAD",
            "AUD",
            "NZD",
            "HKD",
            "SGD",
            "CNY",
            "INR",
            "KRW",
            "RUB",
            "TRY",
            "BRL",
            "MXN",
            "ZAR",
            "SEK",
            "NOK",
            "DKK",
            "PLN",
            "CZK",
            "HUF",
            "AED",
            "SAR",
            "NGN",
            "PHP",
            "VND",
            "UAH",
            "ILS",
            "THB",
            "IDR",
            "MYR",
            "ARS",
        ]
    },
    "USDT": "USD",  # quotes "in USDT" are dollar prices on exchange widgets
}
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
}

#: Magnitude words and letters: "$4.4 billion", "$60k", "1.2M".
SCALES: dict[str, int] = {
    "k": 3,
    "thousand": 3,
    "m": 6,
    "mn": 6,
    "mm": 6,
    "mil": 6,
    "million": 6,
    "b": 9,
    "bn": 9,
    "billion": 9,
    "t": 12,
    "tn": 12,
    "trillion": 12,
}

_SIGNS_ALT = "|".join(re.escape(s) for s in sorted(CURRENCY_SIGNS, key=len, reverse=True))
_CODES_ALT = "|".join(sorted(CURRENCY_CODES, key=len, reverse=True))
#: A number as written: digits with optional grouping (",", ".", thin/no-break/plain
#: spaces, apostrophes) and an optional decimal part.
NUMBER = r"\d{1,3}(?:[,.\u202f\u00a0 '’]\d{3})+(?!\d)(?:[.,]\d+)?|\d+(?:[.,]\d+)?|[.,]\d+"
_MINUS = "\u2212\u2013\u2012\u2014-"  # minus sign, en/figure/em dashes, hyphen-minus (last)
_NUM_ONLY = re.compile(rf"(?:{NUMBER})")

_PRICE = re.compile(
    rf"""^
    (?P<neg1>[{_MINUS}])?\s*
    (?:(?P<pcode>{_CODES_ALT})\s*)?
    (?P<psign>{_SIGNS_ALT})?\s*
    (?P<neg2>[{_MINUS}])?\s*
    (?P<num>{NUMBER})
    \s*(?P<scale>[kKmMbBtT]|bn|mn|tn|[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion)?
    (?:\s*(?P<ssign>{_SIGNS_ALT}))?
    (?:\s*(?P<scode>{_CODES_ALT}))?
    $""",
    re.VERBOSE,
)

_CHANGE = re.compile(
    rf"""^
    (?P<open>\()?\s*
    (?P<arrow>[▲▼△▽↑↓⬆⬇🔺🔻⏶⏷]|&uarr;|&darr;)?\s*
    (?P<sign>[+{_MINUS}])?\s*
    (?P<num>\d+(?:[.,]\d+)?)
    \s*%\s*
    (?P<close>\))?
    $""",
    re.VERBOSE,
)
_UP_ARROWS = frozenset("▲△↑⬆🔺⏶") | {"&uarr;"}
_DOWN_ARROWS = frozenset("▼▽↓⬇🔻⏷") | {"&darr;"}


@dataclass(frozen=True)
class ParsedPrice:
    """A price read from text: the exact amount, its currency and the text it came from."""

    amount: Decimal
    currency: str | None
    raw: str
    negative: bool = False


def _is_number(text: str) -> bool:
    return _NUM_ONLY.fullmatch(text) is not None


def parse_number(text: str, *, european: bool = False) -> Decimal | None:
    """The number written in ``text`` (digits and separators only) as an exact Decimal.

    >>> parse_number("61,321.00"), parse_number("61.321,00"), parse_number("1.567", european=True)
    (Decimal('61321.00'), Decimal('61321.00'), Decimal('1567'))
    """
    s = text.strip().replace("\u202f", " ").replace("\u00a0", " ").replace("’", "'")
    if not s or not _is_number(s):
        return None
    s = s.replace(" ", "").replace("'", "")
    has_comma, has_dot = "," in s, "." in s
    if has_comma and has_dot:
        decimal_mark = "," if s.rfind(",") > s.rfind(".") else "."
    elif has_comma or has_dot:
        mark = "," if has_comma else "."
        head, _, tail = s.rpartition(mark)
        if s.count(mark) > 1:
            decimal_mark = ""  # repeated: grouping only
        elif len(tail) == 3 and head not in ("", "0"):
            grouping = (mark == ",") != european
            decimal_mark = "" if grouping else mark
        else:
            decimal_mark = mark
    else:
        decimal_mark = ""
    group_mark = {",": ".", ".": ","}.get(decimal_mark, "")
    if decimal_mark:
        head, _, tail = s.rpartition(decimal_mark)
        if group_mark and group_mark in tail:
            return None
        s = head.replace(group_mark, "").replace(decimal_mark, "") + "." + tail
        if s.startswith("."):
            s = "0" + s
    else:
        s = s.replace(",", "").replace(".", "")
    try:
        value = Decimal(s)
    except InvalidOperation:  # pragma: no cover - the regex admits digits only
        return None
    return value if value.is_finite() else None


def scale(value: Decimal, word: str | None) -> Decimal:
    """``value`` times the magnitude ``word`` names ("k", "million", "bn"...), kept exact.

    >>> scale(Decimal("4.4"), "billion")
    Decimal('4400000000')
    """
    if not word:
        return value
    exp = SCALES.get(word.lower())
    if exp is None:
        return value
    out = value.scaleb(exp)
    if out == out.to_integral_value():
        return out.quantize(Decimal(1))
    return Decimal(format(out, "f"))


def parse_price(text: str, *, european: bool | None = None) -> ParsedPrice | None:
    """A price as shown in a widget cell: "$61,321.00", "61.321,00 €", "USD 1.10", "$1.2K".

    Returns None for anything that is not one amount (empty, "--", "Loading...",
    "NaN", a percentage).  A sign before the amount sets ``negative``; callers
    that need prices skip those.  ``european`` forces the number style; by
    default a currency written after the number means European style.
    """
    s = text.strip()
    if not s or len(s) > 40 or "%" in s:
        return None
    m = _PRICE.match(s)
    if m is None:
        return _scientific_price(s)
    sign = m["psign"] or m["ssign"]
    code = m["pcode"] or m["scode"]
    if european is None:
        european = bool(m["ssign"] or m["scode"]) and not (m["psign"] or m["pcode"])
    value = parse_number(m["num"], european=european)
    if value is None:
        return None
    value = scale(value, m["scale"])
    currency = CURRENCY_SIGNS[sign] if sign else (CURRENCY_CODES[code] if code else None)
    return ParsedPrice(value, currency, s, negative=bool(m["neg1"] or m["neg2"]))


#: A price in scientific notation, as some data widgets print it: "6.293E+4", "$1.2e-5".
_SCIENTIFIC = re.compile(
    rf"^(?P<psign>{_SIGNS_ALT})?\s*(?P<num>\d+(?:\.\d+)?)[eE](?P<exp>[+-]?\d{{1,2}})"
    rf"\s*(?P<ssign>{_SIGNS_ALT})?$"
)


def _scientific_price(s: str) -> ParsedPrice | None:
    m = _SCIENTIFIC.match(s)
    if m is None:
        return None
    value = Decimal(m["num"]).scaleb(int(m["exp"]))
    sign = m["psign"] or m["ssign"]
    return ParsedPrice(Decimal(format(value, "f")), CURRENCY_SIGNS[sign] if sign else None, s)


def parse_change(text: str, *, down: bool = False) -> Decimal | None:
    """A percentage change as shown: "-1.9%", "−1.9%", "▼ 1.9%", "▲1.6%", "+0.5 %", "(1.9%)".

    The sign comes from the text (a sign or an arrow) first; an unsigned value
    is negative when ``down=True`` (the element is styled as a loss: "(1.9%)" in
    a red cell), otherwise positive — parentheses alone are only grouping in
    tickers ("BTC $63 (3.2%)").  None when ``text`` is not one percentage.
    """
    s = text.strip()
    m = _CHANGE.match(s)
    if m is None or bool(m["open"]) != bool(m["close"]):
        return None
    number = parse_number(m["num"], european="," in m["num"])
    if number is None:
        return None
    arrow, sign = m["arrow"], m["sign"]
    if sign and sign != "+":
        negative = True
    elif sign == "+":
        negative = False
    elif arrow in _DOWN_ARROWS:
        negative = True
    elif arrow in _UP_ARROWS:
        negative = False
    else:
        negative = down
    return -number if negative else number


#: Common crypto-asset names and the symbol they trade under (a small, closed table).
ASSET_NAMES: dict[str, str] = {
    "Bitcoin": "BTC",
    "Bitcoin Cash": "BCH",
    "Ethereum": "ETH",
    "Ether": "ETH",
    "Solana": "SOL",
    "Ripple": "XRP",
    "BNB": "BNB",
    "Binance Coin": "BNB",
    "Cardano": "ADA",
    "Dogecoin": "DOGE",
    "Litecoin": "LTC",
    "Polkadot": "DOT",
    "Avalanche": "AVAX",
    "Chainlink": "LINK",
    "Tron": "TRX",
    "TRON": "TRX",
    "Toncoin": "TON",
    "Shiba Inu": "SHIB",
    "Tether": "USDT",
    "USD Coin": "USDC",
    "Uniswap": "UNI",
    "Stellar": "XLM",
    "Monero": "XMR",
    "Filecoin": "FIL",
    "Arbitrum": "ARB",
    "Aptos": "APT",
    "Hedera": "HBAR",
    "Pepe": "PEPE",
    "Polygon": "POL",
    "Sui": "SUI",
    "Cosmos": "ATOM",
}

#: Well-known symbols recognised as an asset on their own in running text.
ASSET_SYMBOLS: frozenset[str] = frozenset(
    [
        "BTC",
        "ETH",
        "SOL",
        "XRP",
        "BNB",
        "ADA",
        "DOGE",
        "LTC",
        "DOT",
        "AVAX",
        "LINK",
        "TRX",
        "TON",
        "SHIB",
        "USDT",
        "USDC",
        "UNI",
        "ATOM",
        "XLM",
        "XMR",
        "BCH",
        "FIL",
        "ARB",
        "SUI",
        "APT",
        "PEPE",
        "HBAR",
        "MATIC",
        "POL",
        "NEAR",
        "INJ",
        "TIA",
        "SEI",
        "WBTC",
        "DAI",
    ]
)


def asset_symbol(name: str) -> str | None:
    """The symbol of a named asset ("Bitcoin" or "bitcoin" -> "BTC"), or None if unknown."""
    key = name.strip()
    if key in ASSET_NAMES:
        return ASSET_NAMES[key]
    return _ASSET_LOWER.get(key) if key.islower() else None


_ASSET_LOWER = {k.lower(): v for k, v in ASSET_NAMES.items()}

"""JSON-LD script text to sanitised values: wrappers (``<!--``, ``CDATA``) removed, common
syntax slips repaired, NaN/Infinity and absurd integers made None, strings cleaned
(:func:`newsparse.cleaning.clean_text`), nesting and list length bounded; and the typed
objects of a value, ``@graph`` included (:func:`flatten`).  (Moved out of
``document.py`` as it was.)
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from newsparse.cleaning import CONTROL, clean_text

__all__ = ["flatten", "parse_jsonld"]

_WRAPPERS = re.compile(r"^\s*(?:<!--|<!\[CDATA\[|//\s*<!\[CDATA\[)|(?:-->|\]\]>|//\s*\]\]>)\s*$")
_WRAPPER_START = re.compile(r"\s*(?:<!--|<!\[CDATA\[|//)")
_WRAPPER_ENDS = ("-->", "]]>")
_JSON_MAX_DEPTH = 32
_JSON_MAX_ITEMS = 1000


def parse_jsonld(raw: str) -> list[Any]:
    """Parse a JSON-LD script leniently: several concatenated values, trailing commas,
    JS comments, PHP-style ``\\'`` escapes, a BOM, HTML comment / CDATA wrappers and raw
    control characters are tolerated; what cannot be read is skipped (an empty list),
    never raised.

    Values are sanitised: NaN, Infinity and integers over 30 digits become None,
    strings lose control characters and lone surrogates, nesting deeper than 32 levels
    becomes None and lists keep their first 1,000 items.
    """
    text = raw.strip().lstrip("\ufeff")
    if _may_be_wrapped(text):
        text = _WRAPPERS.sub("", text)
    values = _decode_values(text)
    if not values:
        text = _repair_json(text)
        values = _decode_values(text)
    if _already_sane(text):
        return values
    return [_sanitize(value) for value in values]


#: JSON escapes that can make a character ``CONTROL`` matches (\b, \f, any \u).
_CONTROL_ESCAPES = ("\\b", "\\f", "\\u")


def _already_sane(text: str) -> bool:
    """Whether :func:`_sanitize` returns every value decoded from ``text`` as it is (equal
    copies), so that the walk can be skipped: no string can hold a character ``CONTROL``
    matches (the text has none raw and no escape that makes one), no container can be
    ``_JSON_MAX_DEPTH`` deep (that takes more opening brackets than the text has) and no
    list can hold over ``_JSON_MAX_ITEMS`` items (that takes as many commas).  Counting
    brackets and commas inside strings too only makes the test stricter."""
    return (
        text.count("[") + text.count("{") < _JSON_MAX_DEPTH
        and text.count(",") < _JSON_MAX_ITEMS
        and not any(escape in text for escape in _CONTROL_ESCAPES)
        and CONTROL.search(text) is None
    )


def _may_be_wrapped(text: str) -> bool:
    """Whether ``_WRAPPERS`` can match in ``text``: its first branch only at the start,
    after spaces; its second only in a tail of "-->" or "]]>" and spaces.  (The pattern
    itself is tried at every position of the text, which costs more than decoding it.)"""
    return _WRAPPER_START.match(text) is not None or text.rstrip().endswith(_WRAPPER_ENDS)


def _repair_json(text: str) -> str:
    """Undo the usual hand-written JSON slips, outside string literals only: JS comments,
    trailing commas; inside strings, PHP's ``\\'`` escape. String contents are never changed
    otherwise (a regex over the whole text would rewrite ``"x, }"`` too)."""
    out: list[str] = []
    i, end = 0, len(text)
    in_string = False
    while i < end:
        ch = text[i]
        if in_string:
            if ch == "\\" and i + 1 < end:
                nxt = text[i + 1]
                out.append("'" if nxt == "'" else ch + nxt)
                i += 2
                continue
            if ch == '"':
                in_string = False
            out.append(ch)
            i += 1
            continue
        if ch == '"':
            in_string = True
        elif ch == "/" and text.startswith("//", i):
            newline = text.find("\n", i)
            i = end if newline < 0 else newline
            continue
        elif ch == "/" and text.startswith("/*", i):
            close = text.find("*/", i + 2)
            i = end if close < 0 else close + 2
            continue
        elif ch == ",":
            j = i + 1
            while j < end and text[j] in " \t\r\n":
                j += 1
            if j < end and text[j] in "]}":
                i += 1
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def _json_float(text: str) -> float | None:
    value = float(text)
    return value if math.isfinite(value) else None


def _json_int(text: str) -> int | None:
    return int(text) if len(text.lstrip("-")) <= 30 else None


def _json_constant(_name: str) -> None:
    return None  # NaN, Infinity, -Infinity are not JSON


_DECODER = json.JSONDecoder(
    strict=False, parse_float=_json_float, parse_int=_json_int, parse_constant=_json_constant
)


def _decode_values(text: str) -> list[Any]:
    values: list[Any] = []
    pos, end = 0, len(text)
    while pos < end:
        while pos < end and text[pos] in " \t\r\n;,":
            pos += 1
        if pos >= end:
            break
        try:
            value, pos = _DECODER.raw_decode(text, pos)
        except (ValueError, RecursionError):
            return values
        values.append(value)
    return values


def _sanitize(value: Any, depth: int = 0) -> Any:
    """A JSON value with clean strings, bounded depth and bounded lists.

    Recursion is bounded by ``_JSON_MAX_DEPTH``, far below Python's limit.
    """
    if isinstance(value, str):
        return clean_text(value) if CONTROL.search(value) else value
    if depth >= _JSON_MAX_DEPTH:
        return None if isinstance(value, (dict, list)) else value
    if isinstance(value, dict):
        return {
            (clean_text(k) if CONTROL.search(k) else k): _sanitize(v, depth + 1)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_sanitize(v, depth + 1) for v in value[:_JSON_MAX_ITEMS]]
    return value


def flatten(value: Any, out: list[dict[str, Any]], depth: int) -> None:
    """Append the typed objects (dicts with ``@type``) of ``value`` to ``out``, those
    of ``@graph`` and of lists too; no deeper than 8 levels, no more than ~500 objects."""
    if depth > 8 or len(out) > 500:
        return
    if isinstance(value, list):
        for item in value:
            flatten(item, out, depth + 1)
    elif isinstance(value, dict):
        graph = value.get("@graph")
        if "@type" in value:
            out.append(value)
        if graph is not None:
            flatten(graph, out, depth + 1)

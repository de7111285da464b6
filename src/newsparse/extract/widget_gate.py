"""Page-level text gates for the widget detectors (disclaimer, takeaways).

A widget detector that looks for phrases ("not financial advice", "Key takeaways") in
the text of single elements can only find one when the phrase is somewhere in the
page's shown text.  This module gives that text once per Document, in a form that
every element's text maps into, and turns the detectors' own phrase patterns into
tests on it:

* :func:`shown_text` is the page's text without the subtrees the detectors never read
  (``WIDGET_SKIP_TEXT``: scripts, styles, SVG, buttons...), made by one XSLT pass in
  C (or by its compiled twin in ``newsparse._accel.index``, which gives the same text),
  with **all whitespace removed** and case folded.  An element's text as the
  detectors read it (:func:`~newsparse.extract.dom.block_text`: the same pieces in
  the same order, spaces added at block boundaries, whitespace collapsed, zero-width
  characters dropped) is, squashed and folded the same way, a substring of it.
* :class:`PhraseGate` holds, for each of a detector's patterns, a *relaxed* copy that
  matches the squashed, folded text of every string the original matches (every
  whitespace item made optional, word boundaries dropped, a run of up to three words
  made one run of word characters), plus the literal strings one of which every
  match of the relaxed copy contains (derived from the pattern itself).  A page where
  no relaxed pattern matches :func:`shown_text` has no element whose text matches the
  original pattern.

So a gate built from these is a necessary condition of a phrase in one element's text;
joining the texts of several elements (a label and the paragraph after it) can make a
phrase across the join, which each detector rules out or gates on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, cast

from lxml import etree

from newsparse import _accel
from newsparse.extract.dom import NAMING_ATTRIBUTES, WIDGET_SKIP_TEXT, HtmlElement, page_index

if TYPE_CHECKING:
    from newsparse.document import Document

__all__ = ["PhraseGate", "fold", "page_naming_text", "relaxed_source", "shown_text", "trie"]

# ----------------------------------------------------------------- the page's shown text

_SHOWN_TEXT = etree.XSLT(
    etree.XML(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:output method="text" encoding="UTF-8"/>'
        f'<xsl:template match="{"|".join(sorted(WIDGET_SKIP_TEXT))}"/>'
        "</xsl:stylesheet>"
    )
)  # the built-in rules copy every text node (tails included) and nothing else
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # as dom.norm_space drops
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")

#: Characters that ``re.IGNORECASE`` equates with another letter but ``str.lower`` does
#: not map to it (dotless i, long s, the combining dot that "İ".lower() adds, historic
#: Cyrillic letter forms...): folded here so that lower-cased text and patterns compare
#: as the case-insensitive patterns do (tests/unit/test_widget_gate.py checks it).
_FOLD = (
    ("\u0307", ""), ("ı", "i"), ("ſ", "s"), ("\u1c80", "в"), ("\u1c81", "д"), ("\u1c82", "о"),
    ("\u1c83", "с"), ("\u1c84", "т"), ("\u1c85", "т"), ("\u1c86", "ъ"), ("\u1c87", "ѣ"),
)  # fmt: skip


def fold(text: str) -> str:
    """``text`` lower-cased, with the letters case-insensitive matching equates folded."""
    low = text.lower()
    if not low.isascii():
        for src, dst in _FOLD:
            if src in low:
                low = low.replace(src, dst)
    return low


_SHOWN_KEY = "widget_gate.shown_text"


def shown_text(doc: Document) -> str | None:
    """The shown text of the page's body (of the whole page without one), squashed (no
    whitespace, no zero-width characters) and folded (:func:`fold`); None when it cannot
    be made (a tree too deep for the XSLT engine): the gates then let the page through.
    """
    if _SHOWN_KEY in doc.memo:
        return cast("str | None", doc.memo[_SHOWN_KEY])
    text = _shown_text(doc)
    doc.memo[_SHOWN_KEY] = text
    return text


def _shown_text_python(doc: Document) -> str | None:
    """:func:`shown_text`, made by the XSLT pass (the reference twin of the compiled
    one); not kept on the Document."""
    body = doc.root.find("body")
    try:
        raw = str(_SHOWN_TEXT(body if body is not None else doc.root))
    except etree.XSLTError:
        return None
    return _drop_zero_width_and_fold("".join(raw.split()))


def _drop_zero_width_and_fold(squashed: str) -> str:
    """``squashed`` (text without whitespace) without zero-width characters, folded."""
    # (most pages hold none: a test per character is much cheaper than the regex)
    if not squashed.isascii() and any(c in squashed for c in _ZERO_WIDTH_CHARS):
        squashed = _ZERO_WIDTH.sub("", squashed)
    return fold(squashed)


#: The names the XSLT pass leaves out, for the compiled twin.
_SKIP_NAMES = tuple(name.encode() for name in sorted(WIDGET_SKIP_TEXT))


def _compiled_shown_text() -> Callable[[Document], str | None]:
    """The compiled twin of :func:`_shown_text_python` (the text collected in C, ASCII
    whitespace left out on the way), or the function itself where it is not built."""
    module = _accel.load("index")
    if module is None:
        return _shown_text_python
    squashed_text = module.squashed_text

    def shown_text_compiled(doc: Document) -> str | None:
        body = doc.root.find("body")
        squashed = squashed_text(body if body is not None else doc.root, _SKIP_NAMES)
        if squashed is None:  # a tree the compiled pass leaves to the XSLT engine
            return _shown_text_python(doc)
        if not squashed.isascii():  # whitespace beyond ASCII is left to str.split()
            squashed = "".join(squashed.split())
        return _drop_zero_width_and_fold(squashed)

    return shown_text_compiled


_shown_text = _compiled_shown_text()


#: The attributes ``naming_words`` reads (and ``data-type``).
_NAMING_ATTRIBUTES = frozenset(("class", "id", *NAMING_ATTRIBUTES, "data-type"))
_NAMING_KEY = "widget_gate.naming_text"


def page_naming_text(doc: Document) -> str:
    """Every class, id, test id, aria-label, data-component... value of the page (the
    attributes ``naming_words`` reads, and ``data-type``), lower-cased, one a line
    (from the :class:`~newsparse.extract.dom.PageIndex`: no lxml attribute reads)."""
    found = doc.memo.get(_NAMING_KEY)
    if found is not None:
        return cast(str, found)
    text = _naming_text(page_index(doc).attrs, _NAMING_ATTRIBUTES)
    doc.memo[_NAMING_KEY] = text
    return text


def _naming_text_python(
    attrs: Mapping[HtmlElement, Mapping[str, str]], wanted: frozenset[str]
) -> str:
    """The values of the ``wanted`` attributes in ``attrs`` (a page index's), in order,
    lower-cased, one a line (the reference twin of the compiled one)."""
    values = [v for a in attrs.values() for k, v in a.items() if k in wanted]
    return "\n".join(values).lower()


_NamingText = Callable[[Mapping[HtmlElement, Mapping[str, str]], frozenset[str]], str]


_naming_text: _NamingText = _accel.twin("index", "naming_text", _naming_text_python)


# ----------------------------------------------------------------- relaxed patterns

#: Rewrites of whitespace items, in order: each turns a pattern over text with spaces
#: into one over the same text squashed, matching at least what the original did.
_RELAX = (
    (r"(?:\w+\s+){0,3}", r"\w*"),  # up to three words: a run of word characters
    (r"(?:[\w-]+\s+){0,3}", r"[\w-]*"),
    (r"(?:[a-z]+\s+)?", r"[a-z]*"),
    (r"[-\s]", "-?"),
    (r"\s+", ""),
    (r"\s*", ""),
    (r"\b", ""),
)
_UNSUPPORTED = re.compile(r"\\[sSWBDAZ]|[\^$]|\(\?[=!<]")


def relaxed_source(pattern: str) -> str:
    """``pattern`` (meant for whitespace-normalised text, case-insensitive) rewritten for
    squashed, folded text: whatever the original matches, squashed and folded, the
    result matches.  Raises ValueError on a construct the rewrite does not handle
    (anchors, lookarounds, other whitespace or upper-case escapes)."""
    out = pattern
    for old, new in _RELAX:
        out = out.replace(old, new)
    bad = _UNSUPPORTED.search(out.replace("[^", "[").replace("(?:", "("))
    if bad:
        raise ValueError(f"cannot relax {bad.group()!r} in {pattern!r}")
    return fold(out)


_MAX_STRINGS = 256
#: Start strings this long are selective enough.
_ENOUGH = 10
_Strings = frozenset[str]


def _exact(op: Any, av: Any, c: Any) -> _Strings | None:
    """Every string one parsed item matches, if they are few (None otherwise)."""
    if op is c.LITERAL:
        return frozenset(chr(av))
    if op is c.IN:
        if all(o is c.LITERAL for o, _ in av) and len(av) <= 16:
            return frozenset(chr(v) for _, v in av)
        return None
    if op is c.SUBPATTERN:
        return _exact_sequence(av[3], c)
    if op is c.BRANCH:
        parts = [_exact_sequence(branch, c) for branch in av[1]]
        if any(e is None for e in parts):
            return None
        union = frozenset().union(*(e for e in parts if e is not None))
        return union if len(union) <= _MAX_STRINGS else None
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
        sub = _exact_sequence(av[2], c)
        return sub | {""} if sub is not None else None
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] == av[1] == 1:
        return _exact_sequence(av[2], c)
    if op is c.AT:
        return frozenset({""})
    return None


def _product(a: _Strings, b: _Strings) -> _Strings | None:
    if len(a) * len(b) > _MAX_STRINGS:
        return None
    return frozenset(x + y for x in a for y in b)


def _exact_sequence(items: Iterable[tuple[Any, Any]], c: Any) -> _Strings | None:
    out: _Strings | None = frozenset({""})
    for op, av in items:
        e = _exact(op, av, c)
        if e is None or out is None:
            return None
        out = _product(out, e)
    return out


def _starts(items: Iterable[tuple[Any, Any]], c: Any) -> _Strings | None:
    """Strings one of which every match of the parsed sequence starts with (None when
    they cannot be named): the strings of its leading items with few strings, or those
    of its first item's branches."""
    run: _Strings = frozenset({""})
    for op, av in items:
        e = _exact(op, av, c)
        joined = _product(run, e) if e is not None else None
        if joined is not None:
            run = joined
            if "" not in run and min(map(len, run)) >= _ENOUGH:
                break
            continue
        if run == {""}:  # the first item: look inside it
            return _item_starts(op, av, c)
        break
    return run if "" not in run else None


def _item_starts(op: Any, av: Any, c: Any) -> _Strings | None:
    if op is c.SUBPATTERN:
        return _starts(av[3], c)
    if op is c.BRANCH:
        parts = [_starts(branch, c) for branch in av[1]]
        if any(p is None for p in parts):
            return None
        return frozenset().union(*(p for p in parts if p is not None))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
        return _starts(av[2], c)
    return None


def start_strings(source: str) -> frozenset[str] | None:
    """Strings one of which every match of the regular expression ``source`` starts with
    (case-sensitive), or None when none can be named.  Read from the parsed pattern."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        return _starts(_parser.parse(source), _constants)
    except (ImportError, AttributeError, TypeError, ValueError):
        return None  # another Python's internals: the pattern is searched everywhere


def trie(strings: Iterable[str]) -> str:
    """A pattern matching, at a position, the shortest of ``strings`` found there."""
    tree: dict[str, Any] = {}
    for string in strings:
        node = tree
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        if "" in node:
            return ""
        alternatives = [re.escape(char) + emit(sub) for char, sub in sorted(node.items())]
        return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"

    return emit(tree)


#: Each ASCII letter's share of running text, per cent (English; close for most
#: Latin-script languages).
_SHARE = {
    "e": 12.7, "t": 9.1, "a": 8.2, "o": 7.5, "i": 7.0, "n": 6.7, "s": 6.3, "h": 6.1,
    "r": 6.0, "d": 4.3, "l": 4.0, "c": 2.8, "u": 2.8, "m": 2.4, "w": 2.4, "f": 2.2,
    "g": 2.0, "y": 2.0, "p": 1.9, "b": 1.5, "v": 1.0, "k": 0.8, "j": 0.15, "x": 0.15,
    "q": 0.1, "z": 0.07,
}  # fmt: skip
#: What a scan for one first character costs per character of text, in the same units
#: (the cost of trying the prefix tree at 5% of the places: measured ~1.6 ns per
#: character for a scan, ~30 ns per place tried).
_SCAN = 5.0
_ANCHOR_CHARS = 5


def _cost(char: str) -> float:
    """What scanning a text for anchors beginning with ``char`` costs (per character of
    text): a scan, plus the places holding ``char``, where the prefix tree is tried.
    Digits and punctuation count as common letters; other letters (accented, Cyrillic,
    CJK...) cost little: most pages lack them, and a scan runs only on a page that holds
    its character."""
    if char in _SHARE:
        return _SCAN + _SHARE[char]
    if char.isascii() or not char.isalpha():
        return _SCAN + 10.0
    return 1.0


def _anchors(starts: Iterable[str]) -> dict[str, tuple[str, int]]:
    """For each start string, the part of it the scans look for and where that part
    begins in it: five characters (all of it when shorter).  The parts' first characters
    are chosen for all the strings together (a greedy weighted set cover): each scan
    costs (:func:`_cost`), so few scans for rare characters beat a scan per string's
    rarest character.  A string then takes the cheapest chosen first character it can,
    followed by the rarest letters (fewer places where the patterns are tried)."""
    options = {s: {s[i] for i in range(len(s) - min(_ANCHOR_CHARS, len(s)) + 1)} for s in starts}
    chosen: set[str] = set()
    uncovered = set(options)
    while uncovered:
        counts: dict[str, int] = {}
        for start in uncovered:
            for char in options[start]:
                counts[char] = counts.get(char, 0) + 1
        best = max(counts, key=lambda c: (counts[c] / _cost(c), c))
        chosen.add(best)
        uncovered = {s for s in uncovered if best not in options[s]}
    out = {}
    for start in options:
        size = min(_ANCHOR_CHARS, len(start))
        offset = min(
            (i for i in range(len(start) - size + 1) if start[i] in chosen),
            key=lambda i: (_cost(start[i]), sum(map(_cost, start[i + 1 : i + size])), i),
        )
        out[start] = (start[offset : offset + size], offset)
    return out


def _overlapping(scan: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of ``scan`` in ``text``, one search from each place after the last
    match's start (matches may overlap)."""
    hit = scan.search(text)
    while hit is not None:
        yield hit
        hit = scan.search(text, hit.start() + 1)


#: The compiled anchor scan (:mod:`newsparse._accel.phrases`), or None.
_PHRASES = _accel.load("phrases")

_Check = tuple[int, re.Pattern[str], str]  # (offset of the anchor, relaxed pattern, group)


class PhraseGate:
    """A necessary test for any of ``patterns`` (case-insensitive, over whitespace-
    normalised element text) matching some element's text: does a relaxed copy of one
    match :func:`shown_text`?  Patterns may come in named groups (a mapping): then
    :meth:`found` tells which groups may match, in one scan.

    The relaxed copies are tried only where one may start: every match of a copy starts
    with one of a few strings (read from the pattern); a part of each (its "anchor":
    five characters from a first character chosen for all the strings together, see
    :func:`_anchors`) is looked for by prefix-tree patterns, one per first character of
    the anchors (and only when the text holds that character), and the copies that may
    start at a hit are tried there.  Where :mod:`newsparse._accel.phrases` is built, one
    compiled pass finds the same hits in the same order (the patterns are the
    reference: :meth:`_hits_python`)."""

    __slots__ = ("_anchor_scan", "_anywhere", "_at", "_groups", "_scans")

    def __init__(self, patterns: Iterable[str] | Mapping[str, Iterable[str]]) -> None:
        groups = patterns if isinstance(patterns, Mapping) else {"": patterns}
        self._groups = frozenset(groups)
        anywhere: list[tuple[re.Pattern[str], str]] = []
        starting: list[tuple[str, re.Pattern[str], str]] = []
        for group, members in groups.items():
            for pattern in members:
                source = relaxed_source(pattern)
                relaxed = re.compile(source)
                starts = start_strings(source)
                if starts is None:
                    anywhere.append((relaxed, group))
                    continue
                starting.extend((start, relaxed, group) for start in starts)
        anchors = _anchors(start for start, _, _ in starting)
        anchored: dict[str, set[_Check]] = {}
        for start, relaxed, group in starting:
            anchor, offset = anchors[start]
            anchored.setdefault(anchor, set()).add((offset, relaxed, group))
        self._anywhere = tuple(anywhere)
        # a scan per first character of the anchors: the regex engine finds the places
        # where a pattern's first character is a given literal with a fast loop, but
        # tries a pattern with many first characters at nearly every place
        firsts: dict[str, list[str]] = {}
        for anchor in anchored:
            firsts.setdefault(anchor[0], []).append(anchor)
        self._scans = tuple(
            (first, re.compile(trie(anchors))) for first, anchors in sorted(firsts.items())
        )
        # the compiled twin of the scans (one pass for all first characters), if built
        self._anchor_scan = (
            None
            if _PHRASES is None
            else _PHRASES.AnchorScan(
                [(first, tuple(anchors)) for first, anchors in sorted(firsts.items())]
            )
        )
        # a scan reports the shortest anchor found at a place: each anchor's patterns
        # go to every shorter anchor it begins with
        at: dict[str, set[_Check]] = {}
        for anchor, checks in anchored.items():
            for short in anchored:
                if anchor.startswith(short):
                    at.setdefault(short, set()).update(checks)
        self._at = {
            short: tuple(sorted(checks, key=lambda c: (c[0], c[1].pattern, c[2])))
            for short, checks in at.items()
        }

    def may_match(self, text: str | None) -> bool:
        """False only when no pattern can match an element's text on the page whose
        :func:`shown_text` is ``text`` (None, unknown: True)."""
        return bool(self.found(text, first=True))

    def found(self, text: str | None, *, first: bool = False) -> frozenset[str]:
        """The groups with a pattern that may match an element's text on the page whose
        :func:`shown_text` is ``text`` (all of them when ``text`` is None); with
        ``first``, the search stops at the first group found."""
        if text is None:
            return self._groups
        wanted = 1 if first else len(self._groups)
        found: set[str] = set()
        for relaxed, group in self._anywhere:
            if group not in found and relaxed.search(text):
                found.add(group)
                if len(found) >= wanted:
                    return frozenset(found)
        if self._anchor_scan is not None:
            self._check(self._anchor_scan.hits(text), text, found, wanted)
            return frozenset(found)
        for char, scan in self._scans:
            if char in text and self._scan(scan, text, found, wanted):
                break
        return frozenset(found)

    def _hits_python(self, text: str) -> list[tuple[int, str]]:
        """Every (position, anchor) the scans find in ``text``, in the order
        :meth:`found` meets them (the reference of the compiled ``AnchorScan.hits``)."""
        out: list[tuple[int, str]] = []
        for char, scan in self._scans:
            if char in text:
                out.extend((hit.start(), hit.group()) for hit in _overlapping(scan, text))
        return out

    def _check(
        self, hits: Iterable[tuple[int, str]], text: str, found: set[str], wanted: int
    ) -> bool:
        """Add the groups of the patterns that match at ``hits`` to ``found`` (as
        :meth:`_scan` does for one scan's hits); True once it holds ``wanted``."""
        at = self._at
        for place, anchor in hits:
            for offset, relaxed, group in at[anchor]:
                if group not in found and offset <= place and relaxed.match(text, place - offset):
                    found.add(group)
                    if len(found) >= wanted:
                        return True
        return False

    def _scan(self, scan: re.Pattern[str], text: str, found: set[str], wanted: int) -> bool:
        """Add the groups found by one scan to ``found``; True once it holds ``wanted``."""
        search, at = scan.search, self._at
        hit = search(text)
        while hit is not None:
            place = hit.start()
            for offset, relaxed, group in at[hit.group()]:
                if group not in found and offset <= place and relaxed.match(text, place - offset):
                    found.add(group)
                    if len(found) >= wanted:
                        return True
            hit = search(text, place + 1)
        return False

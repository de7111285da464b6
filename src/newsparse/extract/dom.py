"""Small helpers over lxml elements shared by the extractors."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from lxml import etree
from lxml.html import HtmlElement as HtmlElement

from newsparse import _accel
from newsparse.document import ELEMENTS_KEY, elements_of

if TYPE_CHECKING:
    from newsparse.document import Document

T = TypeVar("T")

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass
class Claim(Generic[T]):
    """What a widget extractor found: its value and the page elements it owns."""

    value: T
    nodes: list[HtmlElement] = field(default_factory=list)


def norm_space(text: str | None) -> str:
    """Collapse runs of whitespace to one space and strip; drop zero-width characters."""
    if not text:
        return ""
    if not text.isascii():  # the zero-width characters are not ASCII
        text = _ZERO_WIDTH.sub("", text)
    # str.split() splits on exactly the characters \s matches: one C pass, no regex
    return " ".join(text.split())


#: The compiled text helpers (newsparse._accel.text), or None: the Python twins below
#: (``*_python``) are the reference and run where it is not built.
_COMPILED: Any = _accel.load("text")


def text_of(el: HtmlElement) -> str:
    """Whitespace-normalised text content of ``el`` (scripts and styles excluded)."""
    if _COMPILED is not None:
        return cast(str, _COMPILED.text_of(_TEXT_NAMES, el))
    return text_of_python(el)


def text_of_python(el: HtmlElement) -> str:
    """:func:`text_of` in Python: the reference of the compiled one."""
    return norm_space(" ".join(iter_text(el)))


_SKIP_TEXT = frozenset({"script", "style", "noscript", "template", "svg", "math"})


def iter_text(el: HtmlElement) -> Iterator[str]:
    """Text pieces of ``el`` in document order, skipping script/style-like subtrees.

    Block-level boundaries do not add spaces; callers join with " " when they need them.
    """
    skip = 0
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag
        real = isinstance(tag, str)
        if event == "start":
            if not real:
                continue
            if tag in _SKIP_TEXT:
                skip += 1
            elif skip == 0 and node.text:
                yield node.text
        else:
            if real and tag in _SKIP_TEXT:
                skip -= 1
            if skip == 0 and node is not el and node.tail:
                yield node.tail


def class_id(el: HtmlElement) -> str:
    """The element's class and id attributes, lower-cased, space separated."""
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def name_matcher(pattern: re.Pattern[str], size: int = 4096) -> Callable[[str], bool]:
    """A cached test of ``pattern`` against class/id name strings: the same few names
    recur on every element of a page, so each string is matched once."""

    @lru_cache(maxsize=size)
    def matches(names: str) -> bool:
        return bool(names) and pattern.search(names) is not None

    return matches


def ancestors(el: HtmlElement) -> Iterator[HtmlElement]:
    """Parents of ``el`` from the nearest up to the root."""
    node = el.getparent()
    while node is not None:
        yield node
        node = node.getparent()


def is_inside(el: HtmlElement, nodes: Iterable[HtmlElement]) -> bool:
    """True if ``el`` is one of ``nodes`` or a descendant of one."""
    wanted = set(nodes)
    if not wanted:
        return False
    if el in wanted:
        return True
    return any(a in wanted for a in ancestors(el))


@dataclass(slots=True)
class PageIndex:
    """Facts about a page's elements read once per Document and shared by the extractors.

    Reading an attribute through lxml (``el.get``) costs about as much as a dozen dict
    lookups, and every extractor reads class and id names: the index reads every
    element's attributes in one pass and keeps them in plain dicts.  Holding the element
    list also keeps lxml's Python proxies alive, so later walks over the tree reuse them
    instead of creating new ones.  Extractors read the tree and never change it; an
    element added after the index was made would read as having no attributes.
    """

    elements: list[HtmlElement]
    """Every element of the page (comments and processing instructions left out), in
    document order."""
    attrs: dict[HtmlElement, dict[str, str]]
    """The attributes of every element that has any, in document order."""

    def descendants(self, top: HtmlElement) -> list[HtmlElement]:
        """The elements inside ``top`` (``top`` excluded), in document order."""
        elements = self.elements
        try:
            start = elements.index(top) + 1
        except ValueError:  # not in the tree the index was made from
            return [el for el in top.iterdescendants() if el.tag.__class__ is str]
        end = _subtree_end(top)
        if end is None:
            return elements[start:]
        try:
            return elements[start : elements.index(end, start)]
        except ValueError:
            return [el for el in top.iterdescendants() if el.tag.__class__ is str]


def _subtree_end(el: HtmlElement) -> HtmlElement | None:
    """The first element after ``el`` and everything inside it, in document order."""
    node: HtmlElement | None = el
    while node is not None:
        nxt = node.getnext()
        while nxt is not None and nxt.tag.__class__ is not str:
            nxt = nxt.getnext()
        if nxt is not None:
            return nxt
        node = node.getparent()
    return None


def first_child(el: HtmlElement, tag: str) -> HtmlElement | None:
    """The first child element of ``el`` with ``tag``, as ``el.find(tag)`` gives it
    (picked by lxml in C, without ElementPath's Python-level steps)."""
    return next(el.iterchildren(tag), None)


def with_attribute(
    attrs: dict[HtmlElement, dict[str, str]], name: str
) -> Iterator[tuple[HtmlElement, dict[str, str]]]:
    """The (element, attributes) items of a page index's ``attrs`` whose attribute
    ``name`` is set and not empty, in document order (picked by C-level loops)."""
    return compress(attrs.items(), map(dict.get, attrs.values(), repeat(name)))


_INDEX_KEY = "page_index"
_ITEMS = etree._Element.items


def page_index(doc: Document) -> PageIndex:
    """The :class:`PageIndex` of ``doc``, computed on first use and kept on the Document."""
    found = doc.memo.get(_INDEX_KEY)
    if found is not None:
        return cast(PageIndex, found)
    elements = _page_elements(doc, elements_of)
    index = PageIndex(elements, _element_attrs(elements))
    doc.memo[_INDEX_KEY] = index
    return index


def _page_index_python(doc: Document) -> PageIndex:
    """:func:`page_index` in pure Python, not kept on the Document (the reference twin
    of the compiled one: tests/unit/test_accel_index.py compares the two)."""
    elements = _page_elements(doc, lambda root: list(root.iter(etree.Element)))
    return PageIndex(elements, _element_attrs_python(elements))


def _page_elements(
    doc: Document, lister: Callable[[HtmlElement], list[HtmlElement]]
) -> list[HtmlElement]:
    """Every element of the page in document order: the list load() made (nothing
    changes the tree before the index), or a new one."""
    elements: list[HtmlElement] | None = doc.memo.pop(ELEMENTS_KEY, None)
    if elements is None:
        elements = lister(doc.root)
    return elements


def _element_attrs_python(elements: list[HtmlElement]) -> dict[HtmlElement, dict[str, str]]:
    """The attributes of each of ``elements`` that has any, as ``dict(el.items())``
    (map() calls items() without a Python-level loop body)."""
    pairs = zip(elements, map(_ITEMS, elements), strict=True)
    return cast("dict[HtmlElement, dict[str, str]]", {el: dict(i) for el, i in pairs if i})


_element_attrs = _accel.twin("index", "element_attrs", _element_attrs_python)


#: Subtrees whose text is never shown as text (for the block-aware walk below).
WIDGET_SKIP_TEXT = frozenset({"script", "style", "noscript", "template", "svg", "math", "button"})
#: Elements that start a new line of text: the walk puts a space at their boundaries.
BLOCK_BOUNDARY = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul", "caption", "h1", "h2", "h3", "h4", "h5", "h6",
    }
)  # fmt: skip


def iter_block_text(el: HtmlElement) -> Iterator[str]:
    """Text pieces of ``el`` with a space at block boundaries (inline markup adds none:
    ``<strong>Bitcoin</strong>Outflows`` stays ``BitcoinOutflows``); scripts, styles and
    buttons are skipped."""
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        tag = node.tag
        if not isinstance(tag, str):
            if event == "end" and node.tail and node is not el:
                yield node.tail
            continue
        if event == "start":
            if tag in WIDGET_SKIP_TEXT:
                walker.skip_subtree()
                continue
            if tag in BLOCK_BOUNDARY:
                yield " "
            if node.text:
                yield node.text
        else:
            if tag in BLOCK_BOUNDARY:
                yield " "
            if node is not el and node.tail:
                yield node.tail


def block_text(el: HtmlElement) -> str:
    """Whitespace-normalised text of ``el`` with spaces at block boundaries only."""
    if _COMPILED is not None:
        return cast(str, _COMPILED.block_text(_BLOCK_NAMES, el))
    return block_text_python(el)


def block_text_python(el: HtmlElement) -> str:
    """:func:`block_text` in Python: the reference of the compiled one."""
    return norm_space("".join(iter_block_text(el)))


@lru_cache(maxsize=16)
def compiled_names(skip: frozenset[str], boundary: frozenset[str] = frozenset()) -> Any:
    """The compiled module's table of the tag names ``skip`` and ``boundary`` (the
    callers' sets are a few module constants: each table is made once)."""
    return _COMPILED.Names(skip, boundary)


if _COMPILED is not None:
    _TEXT_NAMES = compiled_names(_SKIP_TEXT)
    _BLOCK_NAMES = compiled_names(WIDGET_SKIP_TEXT, BLOCK_BOUNDARY)


_NAME_SEPARATORS = re.compile(r"[^a-z0-9]+")
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


#: A generated hash: letters and digits alternating at least twice (``3xYz1``, ``a1b2``),
#: not a word with a number (``share2``, ``h1``, ``2col``).
_HASH_PART = re.compile(r"^[A-Za-z0-9]*(?:[A-Za-z]\d+[A-Za-z]|\d[A-Za-z]+\d)[A-Za-z0-9]*$")
_NAME_PARTS = re.compile(r"[^A-Za-z0-9]+")
#: A CSS-module suffix: ``__`` and five generated characters (``Main__2pNav``, ``__l-wax``).
_MODULE_HASH = re.compile(r"__(?![a-z]+$)[A-Za-z0-9_-]{5}$")


def name_parts(token: str) -> list[str]:
    """The words of one class name or id, lower case: split at separators (``-``, ``_``,
    ``--`` and ``__`` of BEM and CSS modules) and camelCase, with generated hashes
    (parts that mix letters and digits, ``3xYz1``) dropped, so that each word can be
    matched whole: ``ArticleBody_tagStyle__x7Yz1`` -> ``article body tag style``."""
    words: list[str] = []
    if "__" in token:
        token = _MODULE_HASH.sub("", token)
    for part in _NAME_PARTS.split(token):
        if not part or _HASH_PART.match(part):
            continue
        if part.islower() or part.isupper():
            words.append(part.lower())
        else:
            words.extend(_CAMEL_BOUNDARY.sub("-", part).lower().split("-"))
    return words


#: Attributes besides class and id that name a widget box (test ids, component names).
NAMING_ATTRIBUTES = (
    "data-testid",
    "data-test-id",
    "data-test",
    "data-qa",
    "data-component",
    "data-module",
    "data-block",
    "data-widget",
    "aria-label",
)


def naming_words(el: HtmlElement, attributes: tuple[str, ...] = NAMING_ATTRIBUTES) -> list[str]:
    """The element's naming words: each class token, the id, and the value of each of
    ``attributes`` (data-testid, aria-label...), camelCase split, lower case, separators as
    "-": ``KeyPoints_root__x7Yz1`` -> ``key-points-root-x7-yz1``."""
    values: list[str] = []
    for attr in ("class", "id"):
        value = el.get(attr)
        if value:
            values.extend(value.split())
    for attr in attributes:
        value = el.get(attr)
        if value:
            values.append(value)
    return [
        _NAME_SEPARATORS.sub("-", _CAMEL_BOUNDARY.sub("-", v).lower()).strip("-") for v in values
    ]


def joined_text(
    el: HtmlElement,
    boundary: frozenset[str],
    skip: frozenset[str],
    separator: str = " ",
    max_parts: int | None = None,
) -> str:
    """The text of ``el`` with ``separator`` at the boundaries of ``boundary`` elements
    inside it (inline pieces joined as written), ``skip`` subtrees left out, whitespace
    normalised; stops after ``max_parts`` pieces when given."""
    if _COMPILED is not None:
        names = compiled_names(skip, boundary)
        return cast(str, _COMPILED.joined_text(names, el, separator, max_parts))
    return joined_text_python(el, boundary, skip, separator, max_parts)


def joined_text_python(
    el: HtmlElement,
    boundary: frozenset[str],
    skip: frozenset[str],
    separator: str = " ",
    max_parts: int | None = None,
) -> str:
    """:func:`joined_text` in Python: the reference of the compiled one."""
    parts: list[str] = []
    hidden = 0
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag
        if not isinstance(tag, str):
            continue
        if event == "start":
            if tag in skip:
                hidden += 1
            elif not hidden:
                if tag in boundary and node is not el:
                    parts.append(separator)
                if node.text:
                    parts.append(node.text)
        else:
            if tag in skip:
                hidden -= 1
            elif not hidden and tag in boundary and node is not el:
                parts.append(separator)
            if not hidden and node is not el and node.tail:
                parts.append(node.tail)
        if max_parts is not None and len(parts) > max_parts:
            break
    return norm_space("".join(parts))


# ------------------------------------------------------------------ page-level gates
#
# A widget family's detector runs only when the page can hold such a widget: a gate is
# one cheap test over the page's vocabulary below, read once per Document, that is a
# necessary condition of the detector finding anything (the detector would otherwise
# return an empty Claim).  A gate may let a page through needlessly, never the reverse.

_ATTR_NAMES_KEY = "page_attribute_names"
_TEXT_KEY = "page_text"


def page_attribute_names(doc: Document) -> frozenset[str]:
    """The names of all attributes used anywhere on the page."""
    found = doc.memo.get(_ATTR_NAMES_KEY)
    if found is not None:
        return cast("frozenset[str]", found)
    names = _attribute_names(page_index(doc).attrs)
    doc.memo[_ATTR_NAMES_KEY] = names
    return names


def _attribute_names_python(attrs: dict[HtmlElement, dict[str, str]]) -> frozenset[str]:
    """Every name in the dicts of ``attrs`` (the reference twin of the compiled one)."""
    return frozenset().union(*attrs.values())


_attribute_names = _accel.twin("index", "attribute_names", _attribute_names_python)


def page_text(doc: Document) -> str:
    """All text of the page (scripts and styles included) joined with no separator, as
    lxml's ``text_content()`` gives it in one C call: every piece of text an extractor
    reads is in here."""
    found = doc.memo.get(_TEXT_KEY)
    if found is not None:
        return cast(str, found)
    text = str(doc.root.text_content())
    doc.memo[_TEXT_KEY] = text
    return text

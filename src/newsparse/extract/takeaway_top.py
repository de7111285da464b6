"""The walk of the unlabelled summary-list search (``takeaways._top_summary_list``): the
lists met after the page's headline, before the article's text starts.

:func:`headline_lists` runs the compiled walk (:mod:`newsparse._accel.widgets`) where it
was built, else :func:`headline_lists_python`, its reference; the two give the same
lists.  Every page without a takeaways box pays for this walk, so it runs in C there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree

from newsparse import _accel
from newsparse.extract.dom import WIDGET_SKIP_TEXT, HtmlElement, block_text

__all__ = ["headline_lists", "headline_lists_python"]

#: A headline is an <h1> with this much text at least.
_MIN_HEADLINE_CHARS = 10
#: Elements met after the headline before the search gives up.
_MAX_SEEN = 400
#: A byline, date and standfirst between the headline and the list, no more.
_MAX_TEXT_BEFORE_TOP_LIST = 300
#: Elements that cover their subtree: text inside them is not the article's text.
_COVERS = frozenset({"a", "ul", "ol"})


def headline_lists(root: HtmlElement) -> list[HtmlElement]:
    """The <ul> and <ol> elements after the first <h1> at or below ``root`` with at
    least ten characters of text, in document order, until 400 elements were met or
    more than 300 characters of text outside links, lists, scripts and the like (the
    article's text has started: a list after it is the article's own)."""
    if _WIDGETS is None:
        return headline_lists_python(root)
    return list(_WIDGETS.headline_lists(root, _is_headline, _MAX_SEEN, _MAX_TEXT_BEFORE_TOP_LIST))


def _is_headline(h1: HtmlElement) -> bool:
    return len(block_text(h1)) >= _MIN_HEADLINE_CHARS


def headline_lists_python(root: HtmlElement) -> list[HtmlElement]:
    """:func:`headline_lists` in Python, the compiled walk's reference."""
    h1 = next((h for h in root.iter("h1") if _is_headline(h)), None)
    lists: list[HtmlElement] = []
    if h1 is None:
        return lists
    seen = 0
    text = 0  # text met since the headline, links and lists aside
    for el, covered in _after(h1):
        seen += 1
        if seen > _MAX_SEEN:
            break
        tag = el.tag
        if tag in ("ul", "ol"):
            lists.append(el)
            continue
        if tag in WIDGET_SKIP_TEXT or tag == "a":
            continue
        if covered:  # inside a link, or inside a list met on the way
            continue
        text += len((el.text or "").strip()) + len((el.tail or "").strip())
        if text > _MAX_TEXT_BEFORE_TOP_LIST:
            break
    return lists


def _after(el: HtmlElement) -> Iterator[tuple[HtmlElement, bool]]:
    """The elements after ``el`` in document order (its own subtree excluded), each with
    whether it is inside a link or inside a list that comes after ``el``."""
    node: HtmlElement | None = el
    while node is not None:
        parent = node.getparent()
        in_link = parent is not None and (
            parent.tag == "a" or any(a.tag == "a" for a in parent.iterancestors())
        )
        for sib in node.itersiblings():
            if not isinstance(sib.tag, str):
                continue
            open_covers = 0  # links and lists open around the current element
            for event, x in etree.iterwalk(sib, events=("start", "end")):
                tag = x.tag
                if not isinstance(tag, str):
                    continue
                if event == "start":
                    yield x, in_link or open_covers > 0
                    if tag in _COVERS:
                        open_covers += 1
                elif tag in _COVERS:
                    open_covers -= 1
        node = parent


def _compiled_walk() -> Any:
    """The compiled twin of :func:`headline_lists_python`, or None where it is not built
    or was written for other tags than ours."""
    module = _accel.load("widgets")
    if module is None or getattr(module, "TEXT_SKIP", None) != WIDGET_SKIP_TEXT:
        return None
    if {"a", "ul", "ol"} != _COVERS:  # the compiled walk knows these three
        return None
    return module


_WIDGETS = _compiled_walk()

"""Small helpers over lxml elements shared by the extractors."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from lxml import etree
from lxml.html import HtmlElement as HtmlElement

T = TypeVar("T")

_WS = re.compile(r"\s+")
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
    return _WS.sub(" ", _ZERO_WIDTH.sub("", text)).strip()


def text_of(el: HtmlElement) -> str:
    """Whitespace-normalised text content of ``el`` (scripts and styles excluded)."""
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

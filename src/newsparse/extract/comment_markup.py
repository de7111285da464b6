"""Reader-comment markup: class tokens, chrome, the comment's own text, and candidate
items found on the page (for :mod:`comments`; private to it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from itertools import islice
from typing import Any, cast

from lxml import etree

from newsparse import _accel
from newsparse.document import (
    Document,
)
from newsparse.extract.comment_vocab import (
    _AREA_TESTID,
    _AREA_TOKEN,
    _BLOCK_TAGS,
    _BODY_CLASSES,
    _BREAK,
    _CANDIDATE_HINT,
    _CHROME_PARTS,
    _CHROME_PHRASE,
    _CHROME_TAGS,
    _CHROME_WORDS,
    _ITEM_CLASS,
    _ITEM_CLASS_PREFIXED,
    _ITEM_ID,
    _ITEM_TAGS,
    _ITEM_TESTID,
    _ITEM_TYPE,
    _LAST_WORD,
    _LINE,
    _NOT_ITEM_PREFIX,
    _POST_MESSAGE,
    _RESPONSIVE,
    _SPLIT,
    _TRAIL_SEP,
    _TRAIL_WORDS,
)
from newsparse.extract.dom import (
    HtmlElement,
    ancestors,
    norm_space,
    page_index,
)
from newsparse.extract.widget_gate import page_naming_text


def _xpath(path: etree.XPath, node: HtmlElement) -> list[HtmlElement]:
    """Run a compiled XPath that selects elements; anything else is dropped."""
    result = path(node)
    if not isinstance(result, list):
        return []
    return [r for r in result if isinstance(r, HtmlElement)]


_CSS_MODULE_HASH = re.compile(r"__(?=[A-Za-z0-9-]{0,9}[A-Z0-9])[A-Za-z0-9-]{4,10}$")


@lru_cache(maxsize=4096)
def _class_tokens(value: str) -> tuple[str, ...]:
    """Lower-cased class tokens; a CSS-modules name ("CommentThread_author__Hq0aS") also
    gives itself without its build hash ("commentthread_author"), so the vocabulary
    matches it. A BEM element ("comment__body") has no digit or capital and is kept."""
    tokens = value.split()
    out = [t.lower() for t in tokens]
    out += [_CSS_MODULE_HASH.sub("", t).lower() for t in tokens if _CSS_MODULE_HASH.search(t)]
    return tuple(out)


def _tokens(el: HtmlElement) -> tuple[str, ...]:
    value = el.get("class")
    return _class_tokens(value) if value else ()


@lru_cache(maxsize=4096)
def _chrome_words(value: str) -> bool:
    """Whether a class (or data-testid) value names chrome: reply, vote, share, avatar..."""
    return any(
        part in _CHROME_PARTS
        for token in value.lower().split()
        if not _RESPONSIVE.match(token) and not _LABEL_DISPLAY.search(token)
        for part in _SPLIT.split(token)
    )


#: How a field shows its label ("field--label-hidden", "label-above"): says nothing of the
#: field itself, which is shown (Drupal's comment body carries it).
_LABEL_DISPLAY = re.compile(r"(?:^|[-_])label[-_](?:hidden|above|inline|visually[-_]hidden)$")


@lru_cache(maxsize=4096)
def _item_class(value: str) -> str | None:
    """'class' if a class value names a comment item (``comment``, ``wpd-comment``...),
    'prefixed' for another block's ``<x>-comment``, None otherwise."""
    prefixed = False
    for token in _class_tokens(value):
        if _ITEM_CLASS.match(token):
            return "class"
        m = _ITEM_CLASS_PREFIXED.match(token)
        if m and m.group(1) not in _NOT_ITEM_PREFIX:
            prefixed = True
    return "prefixed" if prefixed else None


@lru_cache(maxsize=8192)
def _class_matches(value: str, pattern: re.Pattern[str]) -> bool:
    return any(pattern.match(t) for t in _class_tokens(value))


def _is_element(node: Any) -> bool:
    return isinstance(node.tag, str)


def _item_kind(el: HtmlElement) -> str | None:
    """How ``el`` is recognised as a comment item: 'schema', 'testid', 'class', 'prefixed',
    'id', or None."""
    itemtype = el.get("itemtype")
    if itemtype and _ITEM_TYPE.search(itemtype):
        return "schema"
    testid = el.get("data-testid")
    if testid and _ITEM_TESTID.match(testid.strip()):
        return "testid"
    cls = el.get("class")
    if cls:
        kind = _item_class(cls)
        if kind is not None:
            return kind
    if el.get("data-comment-id") and el.tag in _ITEM_TAGS:
        return "id"
    ident = el.get("id")
    if ident and _ITEM_ID.match(ident) and el.tag in _ITEM_TAGS:
        return "id"
    return None


def _is_area(el: HtmlElement) -> bool:
    if el.tag in ("html", "body", "main", "head", "a", "span", "button", "i", "svg", "img"):
        return False
    ident = (el.get("id") or "").lower()
    if ident and _AREA_TOKEN.match(ident):
        return True
    testid = el.get("data-testid")
    if testid and _AREA_TESTID.match(testid.strip()):
        return True
    cls = el.get("class")
    return bool(cls) and _class_matches(cls, _AREA_TOKEN)


def _is_chrome(el: HtmlElement) -> bool:
    tag = el.tag
    if tag in _CHROME_TAGS:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    rel = (el.get("rel") or "").lower()
    if "in-reply-to" in rel:
        return True
    cls = el.get("class")
    if cls and _chrome_words(cls):
        return True
    testid = el.get("data-testid")
    if testid and _chrome_words(testid):
        return True
    if tag in ("a", "span", "small", "li") and len(el) <= 2:
        text = norm_space("".join(el.itertext())).lower()
        if (
            text in _CHROME_WORDS
            or (text and text.strip("0123456789 ") == "")
            or _CHROME_PHRASE.match(text)
        ):
            return True
    return False


def _own_elements(
    root: HtmlElement, items: dict[HtmlElement, Any]
) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """Elements under ``root`` outside nested ``items``: all of them, and those not in chrome."""
    own: list[HtmlElement] = []
    visible: list[HtmlElement] = []
    stack: list[tuple[HtmlElement, bool]] = [(c, False) for c in reversed(root) if _is_element(c)]
    while stack:
        node, hidden = stack.pop()
        if node in items:
            continue
        hidden = hidden or _is_chrome(node)
        own.append(node)
        if not hidden:
            visible.append(node)
        stack.extend((c, hidden) for c in reversed(node) if _is_element(c))
    return own, visible


def _walk(root: HtmlElement, stop: Callable[[HtmlElement], bool]) -> Iterator[HtmlElement]:
    """Elements under ``root`` in document order, not descending into ``stop`` elements."""
    stack = [c for c in reversed(root) if _is_element(c)]
    while stack:
        node = stack.pop()
        if stop(node):
            continue
        yield node
        stack.extend(c for c in reversed(node) if _is_element(c))


def _collect(node: HtmlElement, skip: Callable[[HtmlElement], bool], out: list[str]) -> None:
    if node.text:
        out.append(node.text)
    for child in node:
        if _is_element(child) and not skip(child):
            tag = child.tag
            if tag == "br":
                out.append(_LINE)
            else:
                block = tag in _BLOCK_TAGS
                if block:
                    out.append(_BREAK)
                _collect(child, skip, out)
                if block:
                    out.append(_BREAK)
        if child.tail:
            out.append(child.tail)


def _text(node: HtmlElement, skip: Callable[[HtmlElement], bool]) -> str:
    """Visible text of ``node`` without ``skip`` subtrees; paragraphs split by a blank line."""
    out: list[str] = []
    _collect(node, skip, out)
    paragraphs = []
    for para in "".join(out).split(_BREAK):
        lines = [norm_space(line) for line in para.split(_LINE)]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _leading_char(el: HtmlElement, stop: dict[HtmlElement, Any]) -> str:
    """The first visible non-space character of ``el``'s own text ('' if none)."""
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        text: str | None
        if event == "start":
            if node is not el and (node in stop or node.tag in _CHROME_TAGS):
                walker.skip_subtree()
                continue
            text = node.text
        else:
            text = node.tail if node is not el else None
        if text and text.strip():
            return str(text.strip()[0])
    return ""


def _clean_text(text: str) -> str:
    """Strip leftover chrome words at the ends of a comment's text."""
    text = re.sub(r"^(?:says|said|wrote)\s*:\s*", "", text, flags=re.I)
    dropped = False
    while True:
        text = _TRAIL_SEP.sub("", text)
        m = _LAST_WORD.search(text)
        if m is None or m.start(1) == 0:
            break
        # chrome words are labels (Reply, LIKE), not the end of a sentence ("...I like")
        last = m.group(1)
        before = _LAST_WORD.search(text[: m.start()])
        prev = before.group(1) if before else ""
        if last in _TRAIL_WORDS or (last.isdigit() and (dropped or prev in _TRAIL_WORDS)):
            text = text[: m.start()]
            dropped = True
        else:
            break
    return text.strip()


# ----------------------------------------------------------------- items


@dataclass
class _Item:
    el: HtmlElement
    kind: str
    index: int = 0
    aliases: list[str] = field(default_factory=list)
    author: str | None = None
    author_url: str | None = None
    published: datetime | date | None = None
    published_raw: str | None = None
    text: str = ""
    has_content: bool = False
    parent: int | None = None
    depth: int | None = None
    indent: float | None = None
    reply_flag: bool = False
    caret: bool = False
    explicit_parent: str | None = None
    reply_to_name: str | None = None
    comment_id: str | None = None


def _find_candidates(doc: Document) -> tuple[list[_Item], list[HtmlElement]]:
    items: list[_Item] = []
    areas: list[HtmlElement] = []
    seen: set[HtmlElement] = set()
    parts = page_parts(doc)
    has_template = parts.has_template
    for el in _candidates(doc):
        if has_template and _inside_template(el):
            continue
        kind = _item_kind(el)
        if kind is not None:
            items.append(_Item(el, kind))
            seen.add(el)
        elif _is_area(el):
            areas.append(el)
        else:
            post = _discourse_post(el)
            if post is not None and post not in seen:
                items.append(_Item(post, "class"))
                seen.add(post)
    # Disqus-like threads: li.post carrying a post-message.
    added = False
    for li in li_posts(doc) if may_have_post_message(doc) else ():
        if li not in seen and _xpath(_POST_MESSAGE, li):
            items.append(_Item(li, "class"))
            seen.add(li)
            added = True
    if added:
        order = {el: i for i, el in enumerate(doc.root.iter())}
        items.sort(key=lambda it: order.get(it.el, 0))
    return items, areas


#: XPath's whitespace (what ``normalize-space`` collapses).
_XML_SPACE = re.compile(r"[ \t\r\n]+")
_PARTS_KEY = "comment_markup.page_parts"


@dataclass(frozen=True, slots=True)
class PageParts:
    """The few page elements the comment detector looks up by tag, found in one walk."""

    forms: list[HtmlElement]
    """Every ``form`` named or acting as a comment form (``omment`` in its id, class or
    action, or in the name or id of a ``textarea`` inside it), in page order."""
    has_template: bool
    """Whether the page has a ``<template>`` below its root."""


def page_parts(doc: Document) -> PageParts:
    """The :class:`PageParts` of ``doc``, kept in its memo.

    One walk over the ``form`` and ``template`` elements in C (``iter`` with tag names),
    their attributes read from the page index, instead of an XPath query over every
    node of the page and a ``find``: the same elements as ``//form[contains(@id,
    'omment') or contains(@class, 'omment') or contains(@action, 'omment') or
    .//textarea[contains(@name, 'omment') or contains(@id, 'omment')]]`` and
    ``.//template``.
    """
    found = doc.memo.get(_PARTS_KEY)
    if found is not None:
        return cast(PageParts, found)
    attrs = page_index(doc).attrs
    root = doc.root
    forms: list[HtmlElement] = []
    has_template = False
    for el in root.iter("form", "template"):
        if el.tag == "form":
            if _comment_form(el, attrs):
                forms.append(el)
        elif el is not root:
            has_template = True
    parts = PageParts(forms, has_template)
    doc.memo[_PARTS_KEY] = parts
    return parts


def li_posts(doc: Document) -> list[HtmlElement]:
    """Every ``li`` with the class token ``post`` (Disqus-like threads), in page order:
    the elements of ``//li[contains(concat(' ', normalize-space(@class), ' '), ' post
    ')]``, found by a walk over the ``li`` elements in C, their class read from the
    page index."""
    attrs = page_index(doc).attrs
    none: dict[str, str] = {}
    out: list[HtmlElement] = []
    for el in doc.root.iter("li"):
        cls = attrs.get(el, none).get("class")
        if cls and "post" in cls and "post" in _XML_SPACE.split(cls):
            out.append(el)
    return out


#: What every class value ``_POST_MESSAGE`` selects holds.
_POST_MESSAGE_WORD = "post-message"


def may_have_post_message(doc: Document) -> bool:
    """False only when no element's class holds "post-message", so that no ``li.post``
    carries a ``_POST_MESSAGE`` element (whose class contains it, case and all): every
    class value of the page, lower-cased, is a line of :func:`page_naming_text` (which
    the ticker and takeaways gates read too: made once per page)."""
    return _POST_MESSAGE_WORD in page_naming_text(doc)


def _comment_form(form: HtmlElement, attrs: dict[HtmlElement, dict[str, str]]) -> bool:
    """Whether ``form`` is named as a comment form or holds a comment ``textarea``."""
    none: dict[str, str] = {}
    get = attrs.get(form, none).get
    if any("omment" in get(name, "") for name in ("id", "class", "action")):
        return True
    for area in form.iter("textarea"):
        if area is not form:
            get = attrs.get(area, none).get
            if "omment" in get("name", "") or "omment" in get("id", ""):
                return True
    return False


def _discourse_post(el: HtmlElement) -> HtmlElement | None:
    """The post (``article.post``, ``li.post``) whose body is ``el``, a Discourse embed's
    ``div.cooked``."""
    if "cooked" not in _tokens(el):
        return None
    for a in islice(ancestors(el), 2):
        if a.tag in ("article", "li", "div") and "post" in _tokens(a):
            return a
    return None


def _candidates(doc: Document) -> Iterable[HtmlElement]:
    """Elements whose class, id, itemtype or data-testid hint at comments, in page order.

    Runs the compiled scan (:mod:`newsparse._accel.scan`) where it was built, else
    :func:`_candidates_python`; the two give the same elements.
    """
    if _SCAN is not None:
        return cast("list[HtmlElement]", _SCAN.comment_candidates(page_index(doc).elements))
    return _candidates_python(doc)


def _candidates_python(doc: Document) -> Iterator[HtmlElement]:
    """:func:`_candidates` in Python, the compiled scan's reference.

    (The page index's element list and attribute dicts: no lxml attribute reads.)
    """
    hint = _CANDIDATE_HINT.search
    named: dict[str, bool] = {}  # class value -> hint found (the same few recur)
    for el, attrib in page_index(doc).attrs.items():  # document order, attributes only
        if "class" in attrib:
            cls = attrib["class"]
            found = named.get(cls)
            if found is None:
                found = named[cls] = hint(cls) is not None
            if found:
                yield el
                continue
        if "id" in attrib and hint(attrib["id"]):
            yield el
            continue
        itemtype = attrib.get("itemtype")
        testid = attrib.get("data-testid")
        if (
            (itemtype is not None and "omment" in itemtype)
            or (testid is not None and "omment" in testid)
            or "data-comment-id" in attrib
        ):
            yield el


def _compiled_scan() -> Any:
    """The compiled twin of :func:`_candidates_python`'s scan (:mod:`newsparse._accel.scan`),
    or None where it is not built or was written for another hint pattern than ours."""
    module = _accel.load("scan")
    if module is None:
        return None
    theirs = module.COMMENT_HINT
    if (theirs.pattern, theirs.flags) != (_CANDIDATE_HINT.pattern, _CANDIDATE_HINT.flags):
        return None  # the hint changed here, not in the scan's C test: Python decides
    return module


_SCAN = _compiled_scan()


def _inside_template(el: HtmlElement) -> bool:
    return any(a.tag == "template" for a in ancestors(el))


def _nearest_item_ancestor(el: HtmlElement, item_els: dict[HtmlElement, _Item]) -> _Item | None:
    for a in ancestors(el):
        found = item_els.get(a)
        if found is not None:
            return found
    return None


def _own_text_length(item: _Item, item_els: dict[HtmlElement, _Item], cap: int = 80) -> int:
    """Length of the item's text outside nested candidates and chrome (counting stops at cap)."""
    root = item.el
    total = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, node in walker:
        text: str | None
        if event == "start":
            if node is not root and (node in item_els or _is_chrome(node)):
                walker.skip_subtree()
                continue
            text = node.text
        else:
            text = node.tail if node is not root else None
        if text and not text.isspace():
            total += len(text.strip())
            if total >= cap:
                break
    return total


def _merge_wrappers(items: list[_Item]) -> list[_Item]:
    """Drop candidates that are only the inner body wrapper of another candidate.

    wpDiscuz puts ``#comment-N`` (the body) inside ``.wpd-comment`` (the comment with its
    replies); Penci puts ``.thecomment`` inside ``.comment``.  The outer element keeps
    the comment; a container of same-kind comments that has no text of its own is no
    comment at all.
    """
    item_els = {it.el: it for it in items}
    children: dict[HtmlElement, list[_Item]] = {}
    for it in items:
        parent = _nearest_item_ancestor(it.el, item_els)
        if parent is not None:
            children.setdefault(parent.el, []).append(it)
    drop: set[HtmlElement] = set()
    for it in items:
        kids = children.get(it.el)
        if not kids:
            continue
        first = kids[0]
        odd_first = len(kids) == 1 or (first.el.tag, first.kind) != (kids[1].el.tag, kids[1].kind)
        own = _own_text_length(it, item_els)
        if own == 0:
            drop.add(first.el if odd_first else it.el)
        elif own < 40 and odd_first and first.kind != it.kind:
            # only a label ("Guest", "Member") beside the body wrapper
            drop.add(first.el)
    return [it for it in items if it.el not in drop]


def _first_match(
    own: list[HtmlElement], *tests: Callable[[HtmlElement], bool]
) -> HtmlElement | None:
    """The first element of ``own`` passing the first test that any passes."""
    for test in tests:
        for el in own:
            if test(el):
                return el
    return None


def _has_token(el: HtmlElement, pattern: re.Pattern[str]) -> bool:
    value = el.get("class")
    return bool(value) and _class_matches(value, pattern)


def _prop(el: HtmlElement) -> set[str]:
    return set((el.get("itemprop") or "").lower().split())


def _testid(el: HtmlElement, pattern: re.Pattern[str]) -> bool:
    value = el.get("data-testid")
    return bool(value and pattern.match(value.strip()))


def _contains(outer: HtmlElement, inner: HtmlElement | None) -> bool:
    if inner is None:
        return False
    return inner is outer or any(a is outer for a in ancestors(inner))


def _is_article_body(el: HtmlElement) -> bool:
    if el.get("itemprop") == "articleBody":
        return True
    cls = el.get("class")
    return bool(cls) and not _BODY_CLASSES.isdisjoint(cls.split())

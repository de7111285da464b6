"""The reply tree of reader comments: parents from explicit references, DOM nesting,
reply boxes, "reply to <name>" lines and depth markers; the comment area and its
heading claimed (for :mod:`comments`; private to it).
"""

from __future__ import annotations

from newsparse.extract.comment_markup import (
    _is_article_body,
    _is_element,
    _Item,
    _nearest_item_ancestor,
    _text,
    _tokens,
    _walk,
)
from newsparse.extract.comment_vocab import (
    _CHROME_TAGS,
    _HEADING_TEXT,
    _NO_PARENT,
    _NUMBERED_ID,
    _REPLY_BOX,
)
from newsparse.extract.dom import (
    HtmlElement,
    ancestors,
    norm_space,
)
from newsparse.models import (
    Comment,
)


def _sibling_reply_parent(el: HtmlElement, item_els: dict[HtmlElement, _Item]) -> _Item | None:
    """The comment just before the replies box holding ``el`` (``<li/><ul class=children>``)."""
    for box in ancestors(el):
        if box in item_els or box.tag in ("body", "html"):
            return None
        if box.tag in ("ul", "ol"):
            # <li><article class="comment"/><ul><li><article class="comment"/>...: the list
            # nested in a comment's list item holds its replies
            holder = box.getparent()
            if holder is not None and holder.tag == "li":
                own = next((c for c in holder if c in item_els), None)
                if own is not None and own is not box:
                    return item_els[own]
        if not any(_REPLY_BOX.search(t) for t in _tokens(box)):
            continue
        prev = box.getprevious()
        while prev is not None and not _is_element(prev):
            prev = prev.getprevious()
        if prev is None:
            return None
        found = item_els.get(prev)
        if found is not None:
            return found
        last = None
        for sub in prev.iter():
            if sub in item_els and _nearest_item_ancestor(sub, item_els) is None:
                last = item_els[sub]
        return last
    return None


def _assign_parents(items: list[_Item], item_els: dict[HtmlElement, _Item]) -> None:
    alias: dict[str, int] = {}
    for it in items:
        for key in it.aliases:
            alias.setdefault(key, it.index)
    indents = sorted({it.indent for it in items if it.indent is not None and it.indent > 0})
    unit = indents[0] if indents else 0.0
    last_at_depth: dict[int, int] = {}
    depth_of: dict[int, int] = {}
    by_author: dict[str, int] = {}
    if any(it.depth == 0 for it in items):  # zero-based levels ("comment_level_0")
        for it in items:
            if it.depth is not None:
                it.depth += 1
    for it in items:
        parent: int | None = None
        top_level = False
        if it.explicit_parent is not None:
            key = it.explicit_parent.lower()
            top_level = key in _NO_PARENT
            found = alias.get(key)
            if found is None:
                numbered = _NUMBERED_ID.fullmatch(key)
                found = alias.get(numbered.group(1)) if numbered else None
            if found is not None and found < it.index:
                parent = found
        if parent is None and not top_level:
            dom_parent = _nearest_item_ancestor(it.el, item_els)
            if dom_parent is None:
                dom_parent = _sibling_reply_parent(it.el, item_els)
            if dom_parent is not None and dom_parent.index < it.index:
                parent = dom_parent.index
            elif it.reply_to_name is not None and it.reply_to_name in by_author:
                parent = by_author[it.reply_to_name]
            else:
                depth = it.depth
                if depth is None and it.indent is not None and unit:
                    depth = 1 + round(it.indent / unit)
                if depth is None and it.caret and it.index > 0:
                    parent = it.index - 1
                elif depth is None and it.reply_flag:
                    depth = 2
                if depth is not None and depth > 1:
                    for d in range(depth - 1, 0, -1):
                        if d in last_at_depth:
                            parent = last_at_depth[d]
                            break
        it.parent = parent
        if it.author:
            by_author[it.author.lower()] = it.index
        depth = 1 if parent is None else depth_of.get(parent, 1) + 1
        depth_of[it.index] = depth
        if it.parent is None or _nearest_item_ancestor(it.el, item_els) is None:
            last_at_depth[depth] = it.index
            for d in [d for d in last_at_depth if d > depth]:
                del last_at_depth[d]


def _build_tree(items: list[_Item]) -> list[Comment]:
    models: dict[int, Comment] = {}
    roots: list[Comment] = []
    for it in items:
        comment = Comment(
            id=it.comment_id,
            author=it.author,
            author_url=it.author_url,
            published=it.published,
            published_raw=it.published_raw,
            text=it.text,
        )
        models[it.index] = comment
        parent = models.get(it.parent) if it.parent is not None else None
        (parent.replies if parent is not None else roots).append(comment)
    return roots


def _prune_empty(comments: list[Comment]) -> list[Comment]:
    out = []
    for c in comments:
        c.replies = _prune_empty(c.replies)
        if c.text or c.replies:
            out.append(c)
    return out


# ----------------------------------------------------------------- areas and claim


def _area_ok(area: HtmlElement, item_set: set[HtmlElement]) -> bool:
    """An area is claimable if it holds no page headline and little text besides comments."""
    for node in _walk(area, lambda n: n in item_set):
        if node.tag == "h1" or _is_article_body(node):
            return False

    def skip(node: HtmlElement) -> bool:
        return node in item_set or node.tag in _CHROME_TAGS

    return len(_text(area, skip)) <= 1500


def _text_of(el: HtmlElement) -> str:
    return norm_space(el.text_content())


def _heading_before(area: HtmlElement) -> HtmlElement | None:
    node = area
    for _ in range(3):
        prev = node.getprevious()
        text = ""  # the text of the nearest previous element with text (read once)
        while prev is not None and (not _is_element(prev) or not (text := _text_of(prev))):
            prev = prev.getprevious()
        if prev is not None:
            if (
                prev.tag in ("h1", "h2", "h3", "h4", "h5", "h6", "div", "p", "span")
                and len(text) <= 200
                and _HEADING_TEXT.match(text)
            ):
                return prev
            return None
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        node = parent
    return None


def _outermost(nodes: list[HtmlElement]) -> list[HtmlElement]:
    chosen = set(nodes)
    out: list[HtmlElement] = []
    seen: set[HtmlElement] = set()
    for node in nodes:
        if node in seen:
            continue
        seen.add(node)
        if not any(a in chosen for a in ancestors(node)):
            out.append(node)
    return out

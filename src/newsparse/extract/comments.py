"""Reader comments as a reply tree.

The extractor works on markup vocabularies, not on sites:

* **comment items** are recognised by schema.org microdata (``itemtype`` ending in
  ``/Comment`` or ``/UserComments``), by class tokens (``comment``, ``wpd-comment``,
  ``comment-item``, ``comments__item``, another block's ``<x>-comment``...), by
  ``data-testid="comment"``, by ``data-comment-id``, by WordPress-style ids
  (``comment-123``) and, for Disqus-like threads, by ``li.post`` elements that carry a
  ``post-message``.  A candidate that only wraps another one's body (wpDiscuz's
  ``#comment-N`` inside ``.wpd-comment``) is merged into it.  A comment *list* whose
  entries have no comment vocabulary gives its entries when they show an author;
* inside an item, the **text** is the first content element (``itemprop=text``,
  ``comment-content``, ``wpd-comment-text``, ``post-message``...) or else the item's
  own text without its author, date, meta line and chrome (reply/like/report/share
  links and buttons, vote counts, avatars, badges, "says:");
* the **author** is the ``itemprop=author`` / ``fn`` / ``comment-author`` /
  ``…-username``... element (or a bare ``<cite>`` or ``rel=ugc`` link in the meta line),
  its link the ``author_url``; the **date** is a ``<time>``, a ``dateCreated``-like
  itemprop or a date-classed element (``datetime``/``content``/``title`` before text);
* the **reply tree** comes from, in this order: an explicit parent reference
  (``data-parent``/``data-parent-id``/``data-reply-to`` or an ``in-reply-to`` link to
  ``#comment-123``), DOM nesting (``ol.children``, nested containers, or a replies box
  right after its comment), a "reply to <name>" line naming an earlier commenter,
  depth markers of flat lists (``depth-N``/``level-N`` classes, ``aria-level``,
  ``data-depth``, ``margin-left`` styles), and reply flags (``is-reply``/
  ``comment-reply`` classes, a leading ``↳`` marker, or a text that opens with ``^``,
  replying to the one above);
* a candidate counts as a comment by how strongly it was recognised: microdata and
  test ids always; class and id matches inside a comments area, or outside one when
  they show a text and an author (or date) and sit outside the article's own text.
  Pingbacks, templates (``{{ }}``) and empty JavaScript shells are not comments.

The whole comments area (heading, list, form, JavaScript placeholder such as an
empty ``#disqus_thread``) is claimed so that none of it reaches the body; an area
that holds the page's ``<h1>`` or article text is never claimed.  Comments loaded
later by JavaScript are not in the HTML and are never invented; schema.org
``Comment`` objects of the page's JSON-LD are used only when the markup has none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from typing import Any

from newsparse.document import Document
from newsparse.extract.dates import (
    day_first,
    not_before,
    parse_date,
    published_time,
    reference_time,
    search_date,
)
from newsparse.extract.dom import Claim, HtmlElement, ancestors, norm_space
from newsparse.models import Comment

__all__ = ["extract_comments", "parse_comment_date"]

from newsparse.extract.comment_markup import (
    _clean_text,
    _contains,
    _find_candidates,
    _first_match,
    _has_token,
    _is_article_body,
    _is_chrome,
    _is_element,
    _Item,
    _leading_char,
    _merge_wrappers,
    _own_elements,
    _prop,
    _testid,
    _text,
    _tokens,
    page_parts,
)
from newsparse.extract.comment_tree import (
    _area_ok,
    _assign_parents,
    _build_tree,
    _heading_before,
    _outermost,
    _prune_empty,
)
from newsparse.extract.comment_vocab import (
    _ALIAS_ATTRS,
    _AUTHOR_MEDIUM,
    _AUTHOR_PROP,
    _AUTHOR_STRONG,
    _AUTHOR_TESTID,
    _AUTHOR_WEAK,
    _CONTENT_MEDIUM,
    _CONTENT_PROP,
    _CONTENT_STRONG,
    _CONTENT_TESTID,
    _CONTENT_WEAK,
    _DATE_CLASS,
    _DATE_PROP,
    _DEPTH_CLASS,
    _EPOCH_ATTRS,
    _FN,
    _HEADING_TAGS,
    _ITEM_ID,
    _LIST_AREA,
    _MARGIN,
    _MARKERS,
    _META_CLASS,
    _NUMBERED_ID,
    _PARENT_ATTRS,
    _PARENT_LINK,
    _PROFILE_HREF,
    _REPLY_FLAG,
    _REPLY_TO_PREFIX,
    _RESPOND,
    _TEMPLATE_TEXT,
)

# ----------------------------------------------------------------- dates

def parse_comment_date(
    value: str | None, reference: datetime | date | None = None, *, day_first: bool = False
) -> datetime | date | None:
    """A comment's date, read by the article's date reader (:mod:`newsparse.extract.dates`:
    ISO 8601 and written dates in 17 languages); None if there is none.

    An aware datetime when an offset (or Z/UTC/GMT) is given, a naive datetime for a
    time without one, a ``date`` for a day only. Relative dates ("2 hours ago") are
    resolved against ``reference`` (the page's own "now"), and give None without one.
    ``day_first`` reads "09/06/2026" as 9 June (pages not in US English).
    """
    if not value or len(value) > 120:
        return None
    return parse_date(value, reference=reference, day_first=day_first) or search_date(
        value, reference=reference, day_first=day_first
    )


_PageTimes = tuple[datetime | date | None, datetime | date | None, bool]


def _page_times(doc: Document) -> _PageTimes:
    """The page's "now" that relative comment dates count back from, the article's
    publication time, which no comment date precedes, and whether the page reads
    "09/06/2026" day first."""
    return reference_time(doc), published_time(doc), day_first(doc)


# ----------------------------------------------------------------- element helpers


def _fill(item: _Item, item_els: dict[HtmlElement, _Item], doc: Document) -> None:
    """Read the author, date, id, text and nesting hints of one item."""
    el = item.el

    own, visible = _own_elements(el, item_els)

    # --- author: the first author-like element that yields a plausible name
    author_el: HtmlElement | None = None
    tests: list[Callable[[HtmlElement], bool]] = [
        lambda e: bool(_prop(e) & _AUTHOR_PROP),
        lambda e: _testid(e, _AUTHOR_TESTID),
        lambda e: _has_token(e, _AUTHOR_STRONG),
        lambda e: _has_token(e, _AUTHOR_MEDIUM),
        lambda e: _has_token(e, _AUTHOR_WEAK),
        # themes that print the name as a bare <cite> or a rel="ugc" link in the meta line
        lambda e: e.tag == "cite" and _in_meta_line(e, el),
        lambda e: e.tag == "a" and _is_ugc_link(e) and _in_meta_line(e, el),
        # a short link to the commenter's profile page ("/user/anaya60.html")
        lambda e: e.tag == "a" and _PROFILE_HREF.search(e.get("href") or "") is not None,
    ]
    for test in tests:
        for cand in visible:
            if not test(cand):
                continue
            name = _author_name(cand)
            if name:
                author_el = cand
                item.author = name
                item.author_url = _author_link(cand, doc)
                break
        if author_el is not None:
            break

    # --- date
    date_el = _find_date(visible, el)
    if date_el is None:  # some themes print the date in the footer bar
        date_el = _find_date(own, el)
    if date_el is not None:
        _read_date(item, date_el, _page_times(doc))
    if item.published is None:  # the shown date unreadable ("2 hours ago", no page time):
        # a microdata <meta itemprop="dateCreated" content="..."> states it exactly
        meta = next((e for e in own if e.tag == "meta" and _prop(e) & _DATE_PROP), None)
        if meta is not None and meta.get("content"):
            _read_date(item, meta, _page_times(doc))

    # --- content
    around: set[HtmlElement] = set()
    for found in (author_el, date_el):
        if found is not None:
            around.add(found)
            around.update(_ancestors_until(found, el))

    def good_content(e: HtmlElement) -> bool:
        return e not in around

    content_el = _first_match(
        visible,
        lambda e: bool(_prop(e) & _CONTENT_PROP) and good_content(e),
        lambda e: _testid(e, _CONTENT_TESTID) and good_content(e),
        lambda e: _has_token(e, _CONTENT_STRONG) and good_content(e),
        lambda e: _has_token(e, _CONTENT_MEDIUM) and good_content(e),
        lambda e: _has_token(e, _CONTENT_WEAK) and good_content(e),
    )
    if content_el is None:
        # the text itself may carry a chrome-looking class (``comment-text collapse``)
        content_el = _first_match(
            own,
            lambda e: bool(_prop(e) & _CONTENT_PROP) and good_content(e),
            lambda e: _testid(e, _CONTENT_TESTID) and good_content(e),
            lambda e: _has_token(e, _CONTENT_STRONG) and good_content(e),
        )

    def skip_in_content(node: HtmlElement) -> bool:
        return node in item_els or _is_chrome(node)

    if content_el is not None:
        item.has_content = True
        # a comment's subject line (Drupal and forum themes) is not its text
        text = _text(content_el, lambda n: skip_in_content(n) or n.tag in _HEADING_TAGS)
        if not text:
            text = _text(content_el, skip_in_content)
    else:
        meta = {author_el, date_el}

        def skip_fallback(node: HtmlElement) -> bool:
            return (
                node in item_els
                or node in meta
                or _is_chrome(node)
                or node.tag in ("header", "footer", "time", "h1", "h2", "h3", "h4", "h5", "h6")
                or _has_token(node, _META_CLASS)
                or _has_token(node, _DATE_CLASS)
                or bool(_prop(node) & (_AUTHOR_PROP | _DATE_PROP))
            )

        text = _text(el, skip_fallback)
    text = _clean_text(text)
    stripped = text.lstrip()
    if stripped[:1] in _MARKERS:
        item.reply_flag = True
        text = stripped[1:].lstrip()
    elif stripped.startswith("^"):
        item.caret = True
    item.text = text
    if _leading_char(el, item_els) in _MARKERS:
        item.reply_flag = True

    # --- ids, aliases, nesting hints
    _read_ids(item, own)
    _read_nesting(item, own, content_el)


def _find_date(elements: list[HtmlElement], item_el: HtmlElement) -> HtmlElement | None:
    """The element holding a comment's date: <time>, a date itemprop or class, or (older
    themes) the permalink in the meta line whose text is a date."""
    return _first_match(
        elements,
        lambda e: e.tag == "time",
        lambda e: bool(_prop(e) & _DATE_PROP),
        lambda e: _has_token(e, _DATE_CLASS),
        lambda e: (
            e.tag == "a"
            and any(_has_token(a, _META_CLASS) for a in _ancestors_until(e, item_el))
            and parse_comment_date(norm_space(e.text_content())) is not None
        ),
    )


def _ancestors_until(el: HtmlElement, stop: HtmlElement) -> Iterator[HtmlElement]:
    for a in ancestors(el):
        if a is stop:
            return
        yield a


def _in_meta_line(node: HtmlElement, item_el: HtmlElement) -> bool:
    """Whether ``node`` sits in a comment's header/footer/meta line, not in its text."""
    for a in _ancestors_until(node, item_el):
        if a.tag in ("blockquote", "p") or _has_token(a, _CONTENT_STRONG):
            return False
        if a.tag in ("header", "footer") or _has_token(a, _META_CLASS):
            return True
    return False


def _is_ugc_link(a: HtmlElement) -> bool:
    rel = (a.get("rel") or "").lower().split()
    return "ugc" in rel or "external" in rel


def _author_name(el: HtmlElement) -> str | None:
    name_el = el
    for sub in el.iter():
        if (
            sub is not el
            and _is_element(sub)
            and ("name" in _prop(sub) or _FN.match(sub.get("class") or ""))
        ):
            name_el = sub
            break
    name = _clean_author(_name_before_blocks(name_el))
    if not name:
        name = _clean_author(_text(name_el, _is_chrome_or_says))
    if not name and name_el is not el:
        name = _clean_author(_text(el, _is_chrome_or_says))
    if not name or len(name) > 80 or "\n" in name:
        return None
    return name


_NAME_BREAK = frozenset(
    {"div", "p", "ul", "ol", "section", "article", "footer", "header", "table", "time", "br"}
)


def _has_block_child(el: HtmlElement) -> bool:
    return any(isinstance(c.tag, str) and c.tag in _NAME_BREAK for c in el)


def _name_before_blocks(el: HtmlElement) -> str:
    """For a name element that holds block children (left unclosed by the page, so the
    date and chrome after it fell inside): the text before the first block child, looked
    for down the chain of first block children (unclosed wrappers nest). "" otherwise."""
    node = el
    for _ in range(8):
        if not _has_block_child(node):
            return norm_space(_text(node, _is_chrome_or_says)) if node is not el else ""
        lead = _lead_text(node)
        if lead:
            return lead
        node = next(c for c in node if isinstance(c.tag, str) and c.tag in _NAME_BREAK)
    return ""


def _lead_text(el: HtmlElement) -> str:
    """The text before the first block child: a name element left unclosed by the page
    swallows the date and chrome after it, and those are not part of the name."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag in _NAME_BREAK:
            break
        if isinstance(child.tag, str) and not _is_chrome_or_says(child):
            parts.append(_text(child, _is_chrome_or_says))
        parts.append(child.tail or "")
    return norm_space(" ".join(parts))


def _is_chrome_or_says(el: HtmlElement) -> bool:
    return _is_chrome(el) or el.tag in ("time",)


def _clean_author(name: str) -> str:
    name = norm_space(name)
    name = re.sub(r"\s*(?:says|said|wrote)\s*:?\s*$", "", name, flags=re.I)
    name = re.sub(r"^(?:by|from|posted by)\s+", "", name, flags=re.I)
    return name.strip(" :•·|-–—@").strip()


def _author_link(author_el: HtmlElement, doc: Document) -> str | None:
    link: HtmlElement | None = None
    if author_el.tag == "a":
        link = author_el
    else:
        for sub in author_el.iter("a"):
            if sub.get("href"):
                link = sub
                break
        if link is None:
            parent = author_el.getparent()
            if parent is not None and parent.tag == "a":
                link = parent
    if link is None:
        for sub in author_el.iter("link", "meta"):
            if "url" in _prop(sub):
                return doc.absolute(sub.get("href") or sub.get("content"))
        return None
    href = link.get("href") or ""
    if "javascript:" in href.lower():
        return None
    return doc.absolute(href)


def _read_date(
    item: _Item,
    date_el: HtmlElement,
    times: _PageTimes = (None, None, False),
) -> None:
    raws = [
        date_el.get("datetime"),
        date_el.get("content"),
        date_el.get("title"),
        date_el.get("data-time"),
        date_el.get("data-date"),
    ]
    text = norm_space(" ".join(t for t in date_el.itertext()))
    raws.append(text)
    if date_el.tag != "time":
        for sub in date_el.iter("time"):
            raws.insert(0, sub.get("datetime"))
    for raw in raws:
        if raw and raw.strip():
            parsed = parse_comment_date(raw.strip(), day_first=times[2])
            if parsed is not None:
                item.published, item.published_raw = parsed, raw.strip()
                return
    for attr in _EPOCH_ATTRS:
        raw = date_el.get(attr)
        parsed = _epoch(raw)
        if raw and parsed is not None:
            item.published, item.published_raw = parsed, raw.strip()
            return
    for raw in raws if times[0] is not None else ():  # "2 hours ago" against the page's now
        if raw and raw.strip():
            parsed = parse_comment_date(raw.strip(), times[0], day_first=times[2])
            if parsed is not None and not_before(parsed, times[1]):
                item.published, item.published_raw = parsed, raw.strip()
                return
    first = next((r.strip() for r in raws if r and r.strip()), None)
    if first and len(first) <= 80:
        item.published_raw = first


def _epoch(raw: str | None) -> datetime | None:
    """A Unix timestamp attribute (seconds, or milliseconds) as an aware UTC datetime."""
    if not raw:
        return None
    raw = raw.strip()
    if not raw.isdigit() or not 9 <= len(raw) <= 13:
        return None
    seconds = int(raw) / (1000 if len(raw) == 13 else 1)
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def _read_ids(item: _Item, own: list[HtmlElement]) -> None:
    el = item.el
    keys: list[str] = []
    for attr in _ALIAS_ATTRS:
        value = el.get(attr)
        if value and value.strip():
            keys.append(value.strip())
    for sub in own:
        ident = sub.get("id")
        if ident and ("comment" in ident.lower() or ident.isdigit()):
            keys.append(ident.strip())
        for attr in ("data-comment-id",):
            value = sub.get(attr)
            if value:
                keys.append(value.strip())
    comment_ids = [k for k in keys if _ITEM_ID.match(k)]
    item.comment_id = comment_ids[0] if comment_ids else (keys[0] if keys else None)
    aliases: list[str] = []
    for key in keys:
        aliases.append(key.lower())
        numbered = _NUMBERED_ID.fullmatch(key)
        if numbered:
            aliases.append(numbered.group(1))
    item.aliases = aliases


def _read_nesting(item: _Item, own: list[HtmlElement], content_el: HtmlElement | None) -> None:
    el = item.el
    for attr in _PARENT_ATTRS:
        value = el.get(attr)
        if value is not None:
            item.explicit_parent = value.strip().lstrip("#") or "0"
            break
    if item.explicit_parent is None:
        for sub in own:
            if sub.tag != "a" or (content_el is not None and _contains(content_el, sub)):
                continue
            href = sub.get("href") or ""
            if "#" not in href:
                continue
            rel = (sub.get("rel") or "").lower()
            marks = [*_tokens(sub), rel]
            parent_cls = sub.getparent()
            if parent_cls is not None:
                marks += _tokens(parent_cls)
            if "in-reply-to" in rel or any(_PARENT_LINK.search(t) for t in marks if t):
                item.explicit_parent = href.rsplit("#", 1)[1].strip()
                break
    if item.explicit_parent is None:
        for sub in own:
            if content_el is not None and _contains(content_el, sub):
                continue
            if any(_PARENT_LINK.search(t) for t in _tokens(sub)):
                name = _REPLY_TO_PREFIX.sub("", norm_space(sub.text_content())).strip(" @:↳↪⤷↩↰⮌")
                if name and len(name) <= 80:
                    item.reply_to_name = name.lower()
                break
    for token in _tokens(el):
        m = _DEPTH_CLASS.match(token)
        if m:
            item.depth = int(m.group(1))
        elif _REPLY_FLAG.match(token):
            item.reply_flag = True
    for attr in ("aria-level", "data-depth", "data-level", "data-indent", "data-nesting"):
        value = el.get(attr)
        if value and value.strip().isdigit():
            level = int(value.strip())
            item.depth = level + 1 if attr in ("data-indent",) else max(level, 1)
            break
    style = el.get("style")
    if style:
        m = _MARGIN.search(style)
        if m:
            amount = float(m.group(1))
            unit = (m.group(2) or "px").lower()
            item.indent = amount * (16.0 if unit in ("em", "rem") else 1.0)


def _jsonld_comments(doc: Document) -> list[Comment]:
    out: list[Comment] = []
    for obj in doc.jsonld:
        value = obj.get("comment")
        if isinstance(value, (list, dict)):
            out.extend(_ld_comment_list(value, 0))
    return out


def _ld_comment_list(value: Any, depth: int) -> list[Comment]:
    if depth > 20:
        return []
    values = value if isinstance(value, list) else [value]
    out: list[Comment] = []
    for v in values:
        if not isinstance(v, dict):
            continue
        types = v.get("@type")
        names = types if isinstance(types, list) else [types]
        if not any(n in ("Comment", "UserComments") for n in names):
            continue
        text = v.get("text") or v.get("commentText")
        if not isinstance(text, str) or not norm_space(text):
            continue
        author = v.get("author") or v.get("creator")
        if isinstance(author, list):
            author = author[0] if author else None
        name = author.get("name") if isinstance(author, dict) else author
        url = author.get("url") if isinstance(author, dict) else None
        raw = v.get("dateCreated") or v.get("datePublished") or v.get("commentTime")
        raw = raw if isinstance(raw, str) else None
        out.append(
            Comment(
                id=v.get("@id") if isinstance(v.get("@id"), str) else None,
                author=norm_space(name) if isinstance(name, str) else None,
                author_url=url if isinstance(url, str) else None,
                published=parse_comment_date(raw),
                published_raw=raw,
                text=norm_space(text),
                replies=_ld_comment_list(v.get("comment") or [], depth + 1),
            )
        )
    return out


def _acceptable(it: _Item, in_area: Callable[[HtmlElement], bool]) -> bool:
    """Whether a filled candidate is a reader comment, by how strongly it was recognised."""
    if not it.text or _TEMPLATE_TEXT.search(it.text) or _is_pingback(it.el):
        return False
    if not (it.author or it.published_raw or it.has_content):
        return False
    if it.el.find(".//h1") is not None:
        return False
    if it.kind in ("schema", "testid") or in_area(it.el):
        return True
    # outside a comments area: not inside the article's own text (quote and note boxes),
    # and it shows its text and who wrote it (or when)
    if any(_is_article_body(a) for a in ancestors(it.el)):
        return False
    if it.kind == "prefixed":
        return it.has_content and bool(it.author)
    return it.has_content and bool(it.author or it.published_raw)



def _is_pingback(el: HtmlElement) -> bool:
    """WordPress pingbacks/trackbacks sit in the comment list but are not reader comments."""
    return any(t in ("pingback", "trackback") for t in _tokens(el))


def _generic_list_items(areas: list[HtmlElement], doc: Document) -> list[_Item]:
    """Items of a comment *list* whose entries carry no comment vocabulary of their own.

    Every ``li`` of the list (nested ``li`` become replies), or the direct children of a
    ``div`` list, count when they show an author and a text.
    """
    items: list[_Item] = []
    for area in areas:
        if not any(_LIST_AREA.search(t) for t in [*_tokens(area), (area.get("id") or "").lower()]):
            continue
        if area.tag in ("ul", "ol"):
            entries = [e for e in area.iter("li") if e is not area]
        else:
            entries = [e for e in area if _is_element(e) and e.tag in ("div", "article", "li")]
        items.extend(
            _Item(e, "child") for e in entries if not _is_chrome(e) and not _is_pingback(e)
        )
    if not items:
        return []
    item_els = {it.el: it for it in items}
    for it in items:
        _fill(it, item_els, doc)
    kept = [it for it in items if it.author and it.text and not _TEMPLATE_TEXT.search(it.text)]
    if len(kept) != len(items):
        item_els = {it.el: it for it in kept}
        for it in kept:
            _fill(it, item_els, doc)
    return kept


def extract_comments(doc: Document) -> Claim[list[Comment]]:
    """The page's reader comments (top level, replies nested) and the comment area."""
    items, areas = _find_candidates(doc)
    had_candidates = bool(items)
    items = _merge_wrappers(items)
    item_els = {it.el: it for it in items}
    for it in items:
        _fill(it, item_els, doc)
    item_set = set(item_els)
    good_areas = [a for a in _outermost(areas) if _area_ok(a, item_set)]
    area_set = set(good_areas)

    def in_area(el: HtmlElement) -> bool:
        return any(a in area_set for a in ancestors(el))

    kept = [it for it in items if _acceptable(it, in_area)]
    if len(kept) != len(items):
        # Rejected candidates are not items: let their text flow to their container.
        items = kept
        item_els = {it.el: it for it in items}
        for it in items:
            _fill(it, item_els, doc)
    if not had_candidates:
        list_areas = [a for a in areas if a in area_set or in_area(a) or _area_ok(a, item_set)]
        items = _generic_list_items(list_areas, doc)
        item_els = {it.el: it for it in items}
    for i, it in enumerate(items):
        it.index = i
    _assign_parents(items, item_els)
    comments = _prune_empty(_build_tree(items))
    if not comments and not items:
        comments = _jsonld_comments(doc)

    nodes: list[HtmlElement] = list(good_areas)
    for it in items:
        nodes.append(it.el)
    for form in page_parts(doc).forms:
        respond = next(
            (a for a in ancestors(form) if any(_RESPOND.match(t) for t in _tokens(a))), None
        )
        claim = respond if respond is not None else form
        # a page-wide <form> (ASP.NET) that happens to hold a comment box is not claimed
        if _area_ok(claim, item_set):
            nodes.append(claim)
    for area in list(good_areas):
        heading = _heading_before(area)
        if heading is not None:
            nodes.append(heading)
    tops = [it.el for it in items if it.parent is None]
    if tops:  # the list's heading ("3 comments") when no area names the list
        heading = _heading_before(tops[0])
        if heading is not None:
            nodes.append(heading)
    nodes = [n for n in nodes if n.tag not in ("html", "body")]
    return Claim(comments, _outermost(nodes))

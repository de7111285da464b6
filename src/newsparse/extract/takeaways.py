"""Key-takeaways / in-brief / highlights boxes.

A takeaways box is found two ways, both on the whole page before boilerplate
removal:

* by **vocabulary** in its class, id, ``data-testid``-like attributes or
  ``aria-label`` (``key-takeaways``, ``in-brief``, ``tldr``, ``highlights``,
  ``summary-box``, CSS-module names such as ``KeyPoints_root__x7Yz1``...);
* by a **label**: a heading, caption or bold lead-in whose whole text is
  "Key Takeaways", "In Brief", "What to know", "TL;DR", "Key points",
  "At a glance", ... followed by the items (a list, a table, a definition
  list or paragraphs with bold lead-ins).

The items are the box's list items, table rows, ``dt``/``dd`` pairs or
paragraphs.  Each item is split into a label and a text: a bold lead-in
(``<strong>Bitcoin Outflows</strong> — $4.4 billion...``) or a short,
title-like lead-in before a colon becomes the label.  Items that are not
takeaways — promotions, sponsored slots, calls to action, links to other
pages — are dropped.  The box (with its label) is claimed so the body
extractor leaves it out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from newsparse import _accel
from newsparse.document import Document
from newsparse.extract.dom import (
    BLOCK_BOUNDARY,
    NAMING_ATTRIBUTES,
    WIDGET_SKIP_TEXT,
    Claim,
    HtmlElement,
    block_text,
    iter_block_text,
    naming_words,
    norm_space,
)
from newsparse.extract.takeaway_gate import STRONG_LABEL as _STRONG_LABEL
from newsparse.extract.takeaway_gate import WEAK_LABEL as _WEAK_LABEL
from newsparse.extract.takeaway_gate import (
    may_have_box_vocabulary,
    may_have_label,
    may_have_labelled_box,
)
from newsparse.extract.takeaway_promo import BULLET as _BULLET
from newsparse.extract.takeaway_promo import PROMO_CLASS, PROMO_TEXT, is_promo
from newsparse.extract.takeaway_top import headline_lists
from newsparse.extract.vocabulary import (
    TAKEAWAY_LABEL_START,
    TAKEAWAY_STRONG_LABEL,
    TAKEAWAY_WEAK_LABEL,
    other_languages,
)
from newsparse.models import Takeaway

__all__ = ["extract_takeaways", "may_have_labelled_box", "split_label"]

# ----------------------------------------------------------------- vocabulary

#: Class/id words (camelCase and separators normalised to "-") naming a takeaways box.
_BOX_VOCAB = re.compile(
    r"(?:^|-)(?:(key-?|main-?)?take-?aways?|in-?brief|tl-?dr|key-?points?|what-?to-?know|"
    r"need-?to-?know|at-?a-?glance|key-?facts|(?:story-?|key-?|article-?)?highlights|"
    r"summary-?(?:box|bullets|list|points)|(?:quick|ai|bullet|key)-?summary|key-?notes|"
    r"quick-?takes?)(?:-|$)"
)
#: Vocabulary words that only count for a box of at least two items.
_WEAK_VOCAB = re.compile(r"highlights|summary")
#: Words that veto the vocabulary (code highlighting, promo slots...).
_BOX_VETO = re.compile(
    r"syntax|hljs|prism|code|promo|sponsor|advert|newsletter|related|teaser|"
    r"^(?:tag|tags|category|categories|cat|topic|topics|section|term|tax|format|post-tag)-"
)  # taxonomy classes (WordPress "tag-highlights" on the article) name the post, not a box
#: Attributes besides class/id that carry component names in JS-rendered pages.
_VOCAB_HINT = re.compile(r"take|brief|tl|dr|key|know|glance|highlight|summar")  # lower-cased

_LEAD_SYMBOLS = re.compile(r"^[^\w]+")
_LABEL_START = re.compile(
    r"[^\w]*(?:the|key|main|top|quick|fast|in|here|what|tl|too|at|story|article|short|bottom|"
    r"summary|highlights)\b",
    re.IGNORECASE,
)
_LABEL_END = re.compile(r"\s*[:.!\-–—]?\s*$")
_MAX_LABEL_CHARS = 48

#: Elements that can carry a box label.
_LABEL_TAGS = frozenset(
    {
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "b", "em",
        "header", "summary", "caption", "figcaption", "dt", "th", "legend", "label",
    }
)  # fmt: skip
#: Elements that are never a takeaways box.
_NOT_BOX = frozenset(
    {
        "html", "body", "head", "main", "script", "style", "noscript", "template", "meta",
        "link", "title", "button", "a", "input", "form", "nav", "svg", "img", "iframe",
        "select", "option", "textarea", "footer", "article",
    }
)  # fmt: skip
_SKIP_TEXT = WIDGET_SKIP_TEXT
_BLOCK = BLOCK_BOUNDARY
_BOLD_TAGS = frozenset({"strong", "b"})
_BOLD_CLASS = re.compile(r"bold|label|title|lead|heading|head\b|kicker|name", re.IGNORECASE)
_WRAPPER_TAGS = frozenset({"p", "div", "span", "section", "header"})
_INLINE_LABEL = frozenset({"strong", "b", "span", "em"})
#: Blocks of items: a bold label beside one introduces it, it is no inline lead-in.
_ITEM_BLOCKS = frozenset({"ul", "ol", "table", "dl", "div", "p", "section"})

_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s")
_LEAD_SEPARATORS = re.compile(r"^[\s:;|•·.,\-–—]+")
_LABEL_TRAIL = re.compile(r"[\s:;|•·\-–—]+$")
_COLON_LEAD = re.compile(r"^([^:]{1,60}?)\s*:\s+(\S.*)$", re.DOTALL)
_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "vs", "vs.", "with", "at",
     "by", "from", "as", "per", "&", "is", "its", "it's", "not", "but", "into", "over"}
)  # fmt: skip
_NOT_LABEL_CHARS = re.compile(r"[.!?;,\"“”()\[\]]")

_MIN_ITEM_CHARS = 12
_MAX_ITEMS = 15
_MAX_BOX_CHARS = 5000
_MIN_ITEM_SHARE = 0.5
_MAX_LABEL_WORDS = 10


# ----------------------------------------------------------------- text


# ----------------------------------------------------------------- labels


def split_label(item: HtmlElement) -> Takeaway | None:
    """One item element as a Takeaway: its bold (or colon) lead-in as label, the rest as text.

    Returns None when the item has no usable text.
    """
    full = _BULLET.sub("", block_text(item))
    if len(full) < _MIN_ITEM_CHARS:
        return None
    bold = _bold_lead(item)
    if bold is not None:
        label = _LABEL_TRAIL.sub("", block_text(bold)).strip()
        if label and full.startswith(label) and _label_like(label, strict=False):
            rest = _LEAD_SEPARATORS.sub("", full[len(label) :]).strip()
            if len(rest.split()) >= 2:
                return Takeaway(label=label, text=rest)
        return Takeaway(label=None, text=full)
    m = _COLON_LEAD.match(full)
    if m and _label_like(m.group(1), strict=True):
        rest = m.group(2).strip()
        if len(rest.split()) >= 2:
            return Takeaway(label=m.group(1).strip(), text=rest)
    return Takeaway(label=None, text=full)


def _bold_lead(item: HtmlElement) -> HtmlElement | None:
    """The bold element the item's text starts with, through single wrappers."""
    node = item
    for _ in range(6):
        if _BULLET.sub("", node.text or "").strip():
            return None
        # Leading icons and images (no text) do not count.
        children = [
            c
            for c in node
            if isinstance(c.tag, str)
            and c.tag not in _SKIP_TEXT
            and ((c.tail or "").strip() or block_text(c))
        ]
        if not children:
            return None
        first = children[0]
        tag = first.tag
        if tag in _BOLD_TAGS or (
            tag in ("span", "em", "mark", "dfn", "u")
            and _BOLD_CLASS.search(first.get("class") or "")
        ):
            return first
        if tag in _WRAPPER_TAGS or tag in ("a", "em", "i", "mark"):
            node = first
            continue
        return None
    return None


def _label_like(lead: str, *, strict: bool) -> bool:
    """Whether ``lead`` reads like a label: short, no sentence punctuation, title-like."""
    lead = lead.strip()
    words = lead.split()
    if not words or len(words) > (6 if strict else _MAX_LABEL_WORDS) or len(lead) > 80:
        return False
    if not strict:
        return not (lead.endswith((".", "!", "?")) and len(words) > 5)
    if _NOT_LABEL_CHARS.search(lead):
        return False
    if not (lead[0].isupper() or lead[0].isdigit()):
        return False
    if len(words) == 1:
        return True
    return all(
        w.lower() in _SMALL_WORDS or not w[0].isalpha() or w[0].isupper() or len(w) <= 2
        for w in words[1:]
    )


def _label_kind(text: str) -> str | None:
    """'strong' or 'weak' when ``text`` is wholly a takeaways-box label, else None.

    Leading symbols are ignored ("🔑 Key Takeaways", "» In brief").
    """
    text = _LEAD_SYMBOLS.sub("", text)
    if not text or len(text) > _MAX_LABEL_CHARS:
        return None
    for kind, pattern in (("strong", _STRONG_LABEL), ("weak", _WEAK_LABEL)):
        m = pattern.match(text)
        if m and _LABEL_END.fullmatch(text[m.end() :]):
            return kind
    if TAKEAWAY_STRONG_LABEL.match(text):
        return "strong"
    if TAKEAWAY_WEAK_LABEL.match(text):
        return "weak"
    return None


# ----------------------------------------------------------------- items


def _item_elements(box: HtmlElement) -> list[HtmlElement]:
    """The item elements of a box: list items, table rows, dt/dd pairs or paragraphs."""
    if box.tag in ("ul", "ol"):
        return [li for li in box if li.tag == "li"]
    if box.tag == "table":
        return [tr for tr in box.iter("tr")]
    if box.tag == "dl":
        return [dt for dt in box if dt.tag in ("dt", "dd")]
    lists = [el for el in box.iter("ul", "ol") if not any(a.tag == "li" for a in _up_to(el, box))]
    if lists:
        return [li for lst in lists for li in lst if li.tag == "li"]
    tables = list(box.iter("table"))
    if tables:
        return [tr for tr in tables[0].iter("tr")]
    dls = list(box.iter("dl"))
    if dls:
        return [dt for dt in dls[0] if dt.tag in ("dt", "dd")]
    paras = [p for p in box.iter("p") if p is not box]
    if paras:
        return paras
    if box.tag == "p":
        return [box]
    # JS-rendered boxes: leaf divs carrying the items.
    return [
        el
        for el in box.iter("div", "span")
        if el is not box and not any(c.tag in _BLOCK for c in el.iter() if c is not el)
    ]


def _up_to(el: HtmlElement, stop: HtmlElement) -> Iterator[HtmlElement]:
    node = el.getparent()
    while node is not None and node is not stop:
        yield node
        node = node.getparent()


def _row_takeaway(tr: HtmlElement) -> Takeaway | None:
    cells = [c for c in tr if c.tag in ("td", "th")]
    texts = [block_text(c) for c in cells]
    texts = [t for t in texts if t]
    if not texts:
        return None
    if all(c.tag == "th" for c in cells) and len(cells) > 1:
        return None  # a header row
    if len(texts) >= 2 and _label_like(texts[0], strict=False) and len(texts[0]) <= 80:
        text = " ".join(texts[1:])
        if len(text) + len(texts[0]) < _MIN_ITEM_CHARS:
            return None
        return Takeaway(label=_LABEL_TRAIL.sub("", texts[0]), text=text)
    return split_label(cells[0]) if len(texts) == 1 else Takeaway(label=None, text=" ".join(texts))


def _items(box: HtmlElement, *, need_bold: bool) -> list[tuple[HtmlElement, Takeaway]]:
    """The takeaways of ``box`` (item element, record), promos and the label left out."""
    elements = _item_elements(box)
    out: list[tuple[HtmlElement, Takeaway]] = []
    pending_label: str | None = None
    for el in elements:
        text = block_text(el)
        if not text:
            continue
        if _label_kind(text) is not None:
            continue
        if el.tag == "dt":
            pending_label = _LABEL_TRAIL.sub("", text)
            continue
        if is_promo(el, text):
            pending_label = None
            continue
        item: Takeaway | None
        if el.tag == "tr":
            item = _row_takeaway(el)
        elif el.tag == "dd":
            item = Takeaway(label=pending_label, text=text) if len(text) >= 2 else None
            pending_label = None
        else:
            item = split_label(el)
        if item is None:
            continue
        out.append((el, item))
    out = _consistent_colon_labels(out)
    if need_bold and any(item.label is None for _, item in out):
        return []
    return out


def _consistent_colon_labels(
    items: list[tuple[HtmlElement, Takeaway]],
) -> list[tuple[HtmlElement, Takeaway]]:
    """Split "Reserve audits: Issuers above..." items when every unlabelled item has
    such a short lead-in: a pattern shared by the whole box is a label even when it is
    not title-cased (a single item needs a title-like lead-in, see :func:`split_label`).
    """
    bare = [i for i, (_, item) in enumerate(items) if item.label is None]
    if len(bare) < 2:
        return items
    splits: dict[int, Takeaway] = {}
    for i in bare:
        m = _COLON_LEAD.match(items[i][1].text)
        if not m or not _loose_label(m.group(1)) or len(m.group(2).split()) < 2:
            return items
        splits[i] = Takeaway(label=m.group(1).strip(), text=m.group(2).strip())
    return [(el, splits.get(i, item)) for i, (el, item) in enumerate(items)]


def _loose_label(lead: str) -> bool:
    words = lead.split()
    return (
        0 < len(words) <= 5
        and not _NOT_LABEL_CHARS.search(lead)
        and (lead[0].isupper() or lead[0].isdigit())
    )


# ----------------------------------------------------------------- candidates


def _names(el: HtmlElement) -> list[str]:
    return naming_words(el, (*NAMING_ATTRIBUTES, "data-type"))


def _box_vocab(el: HtmlElement) -> str | None:
    """The takeaways-box word naming ``el``, if any ("in-brief", "key-points"...)."""
    if not _VOCAB_HINT.search(" ".join(el.values()).lower()):
        return None  # cheap pre-check over every attribute value
    for name in _names(el):
        m = _BOX_VOCAB.search(name)
        if m and not _BOX_VETO.search(name):
            return m.group().strip("-")
    return None


def _in_site_chrome(el: HtmlElement) -> bool:
    """Inside the site's navigation or page footer (not an article's own footer)."""
    for a in el.iterancestors():
        if a.tag == "nav":
            return True
        if a.tag == "footer" and not any(x.tag == "article" for x in a.iterancestors()):
            return True
        ident = f"{a.get('id') or ''} {a.get('class') or ''}".lower().split()
        if any(t in _CHROME_TOKENS for t in ident):
            return True
    return False


#: Class/id tokens of page chrome that never holds the article's takeaways.
_CHROME_TOKENS = frozenset(
    {
        "site-footer", "footer", "page-footer", "global-footer", "sidebar", "side-bar",
        "widget-area", "secondary", "comments", "comments-area", "comment-list",
    }
)  # fmt: skip


def _next_content_sibling(el: HtmlElement) -> HtmlElement | None:
    """The next sibling with content, skipping ad slots and empty spacers."""
    for sib in el.itersiblings():
        if not isinstance(sib.tag, str) or sib.tag in _SKIP_TEXT or sib.tag in ("br", "hr"):
            continue
        if sib.tag in ("ins", "iframe") or PROMO_CLASS.search(
            f"{sib.get('class') or ''} {sib.get('id') or ''}".lower()
        ):
            continue
        text = block_text(sib)
        if text and PROMO_TEXT.fullmatch(text):
            continue
        if text or sib.tag in ("ul", "ol", "table", "dl"):
            return sib
    return None


def _label_box(
    label: HtmlElement, kind: str, vocab: bool
) -> tuple[list[HtmlElement], list[tuple[HtmlElement, Takeaway]]]:
    """Items that follow a label element, and the elements to claim."""
    text = block_text(label)
    near = [label, *list(label.iterancestors())[:2]]
    if any(x.tag in ("caption", "th", "td") for x in near):
        # A label inside a table (caption or header cell) names the table.
        table = next((a for a in label.iterancestors() if a.tag == "table"), None)
        if table is not None:
            items = _items(table, need_bold=False)
            return ([table], items) if items else ([], [])
    # A bold lead-in naming the box inside a paragraph: "TL;DR: Bitcoin fell..."
    parent = label.getparent()
    while (
        label.tag in _INLINE_LABEL
        and parent is not None
        and parent.tag in _INLINE_LABEL
        and not (parent.text or "").strip()
        and block_text(parent) == text
    ):  # <b><strong>Key takeaways</strong></b><br>...: the outer bold is the lead-in
        label, parent = parent, parent.getparent()
    if (
        label.tag in _INLINE_LABEL
        and parent is not None
        and not any(c.tag in _ITEM_BLOCKS for c in parent.iterchildren())
    ):
        whole = block_text(parent)
        if whole.startswith(text) and len(whole) > len(text) + _MIN_ITEM_CHARS:
            if kind != "strong" and not vocab:
                return [], []
            lines = _br_lines(parent, label)
            if len(lines) >= 2:
                return [parent], [(parent, t) for t in lines]
            rest = _LEAD_SEPARATORS.sub("", whole[len(text) :]).strip()
            return [parent], [(parent, Takeaway(label=None, text=rest))]
    # Climb wrappers that hold only the label, then take the next sibling.
    node = label
    for _ in range(4):
        if _next_content_sibling(node) is not None:
            break
        up = node.getparent()
        if up is None or up.tag in _NOT_BOX or not _same_label(block_text(up), text):
            break
        node = up
    sib = _next_content_sibling(node)
    if sib is None:
        return [], []
    container = node.getparent()
    wrapped = (
        container is not None
        and container.tag not in _NOT_BOX
        and _only_holds(container, node, sib)
    )
    if kind == "weak" and not (wrapped or vocab):
        return [], []
    if kind == "weak" and not vocab and sib.tag == "p" and not _is_run_item(sib):
        return [], []  # "Summary" over plain prose: the article's closing section
    if sib.tag == "p":
        run = [sib, *_paragraph_run(sib)]
        items = [
            (p, t) for p in run if (t := split_label(p)) is not None and not is_promo(p, t.text)
        ]
        if not items or (not (wrapped or vocab) and not all(_is_run_item(p) for p in run)):
            return [], []
        claim = [container] if wrapped and container is not None else [node, *run]
        return claim, items
    need_bold = (
        sib.tag not in ("ul", "ol", "table", "dl")
        and not (any(x.tag in ("ul", "ol", "table", "dl") for x in sib.iter()))
        and not (wrapped or vocab)
    )
    if sib.tag not in ("ul", "ol", "table", "dl", "div", "section", "aside"):
        return [], []
    items = _items(sib, need_bold=need_bold)
    if not items:
        return [], []
    claim = [container] if wrapped and container is not None else [node, sib]
    return claim, items


def _br_lines(parent: HtmlElement, label: HtmlElement) -> list[Takeaway]:
    """Items of a paragraph that lists them after its label, one per ``<br>`` line."""
    if parent.find("br") is None:
        return []
    lines: list[list[str]] = [[parent.text or ""]]
    for child in parent:
        if child.tag == "br":
            lines.append([])
        elif child is not label and isinstance(child.tag, str) and child.tag not in _SKIP_TEXT:
            lines[-1].append(block_text(child))
        lines[-1].append(child.tail or "")
    out: list[Takeaway] = []
    for pieces in lines:
        line = _BULLET.sub("", norm_space("".join(pieces)))
        line = _LEAD_SEPARATORS.sub("", line) if not out else line
        if len(line) >= _MIN_ITEM_CHARS:
            m = _COLON_LEAD.match(line)
            if m and _label_like(m.group(1), strict=True) and len(m.group(2).split()) >= 2:
                out.append(Takeaway(label=m.group(1).strip(), text=m.group(2).strip()))
            else:
                out.append(Takeaway(label=None, text=line))
    return out


def _same_label(a: str, b: str) -> bool:
    """Whether two texts are the same label but for trailing punctuation ("What to know:")."""
    return _LABEL_TRAIL.sub("", a).strip() == _LABEL_TRAIL.sub("", b).strip()


def _paragraph_run(first: HtmlElement) -> list[HtmlElement]:
    """Paragraph siblings after ``first`` that continue a run of bold-lead-in items."""
    run: list[HtmlElement] = []
    for sib in first.itersiblings():
        if not isinstance(sib.tag, str) or sib.tag in _SKIP_TEXT:
            continue
        if sib.tag != "p" or not _is_run_item(sib):
            break
        run.append(sib)
    return run


def _is_run_item(p: HtmlElement) -> bool:
    """A paragraph that reads as a list item: a bold lead-in, a typed bullet or number."""
    lead = p.text or ""
    return _bold_lead(p) is not None or bool(_BULLET.match(lead) or _NUMBERED.match(lead))


def _only_holds(container: HtmlElement, *parts: HtmlElement) -> bool:
    """Whether ``container`` holds nothing with text besides ``parts``."""
    keep = set(parts)
    if (container.text or "").strip():
        return False
    for child in container:
        if not isinstance(child.tag, str) or child.tag in _SKIP_TEXT:
            continue
        if child in keep:
            if (child.tail or "").strip():
                return False
            continue
        if block_text(child):
            return False
    return True


def _mostly_items(nodes: list[HtmlElement], items: list[tuple[HtmlElement, Takeaway]]) -> bool:
    """A box is its items (and a label): not a wrapper of the article that happens to
    carry a box word in its class, nor one that holds much more than its items."""
    box = sum(len(block_text(n)) for n in nodes)
    if box > _MAX_BOX_CHARS:
        return False
    held = sum(len(item.text) + len(item.label or "") for _, item in items)
    return held >= _MIN_ITEM_SHARE * box


# ----------------------------------------------------------------- extractor


def extract_takeaways(doc: Document) -> Claim[list[Takeaway]]:
    """The items of the page's key-takeaways box and the box element itself: a box named
    by vocabulary or introduced by a label, else an unlabelled summary list under the
    headline."""
    body = doc.root.find("body")
    root = body if body is not None else doc.root
    vocab, label = may_have_box_vocabulary(doc), may_have_label(doc)
    found, claimed = _boxes(doc, root, vocab=vocab, label=label) if vocab or label else ([], [])
    if not found:
        top = _top_summary_list(root)
        if top is not None:
            return Claim([item for _, item in top[1]], [top[0]])
    return Claim(found, claimed)


def _boxes(
    doc: Document, root: HtmlElement, *, vocab: bool = True, label: bool = True
) -> tuple[list[Takeaway], list[HtmlElement]]:
    """The items and elements of the boxes named by vocabulary or introduced by a label;
    without ``vocab`` (``label``) no element is tried for box vocabulary (a label):
    the page gates said none can have it.

    Runs the compiled walk (:mod:`newsparse._accel.widgets`) where it was built, else
    :func:`_boxes_python`; the two give the same boxes.
    """
    if _WIDGETS is None:
        return _boxes_python(doc, root, vocab=vocab, label=label)
    search = _BoxSearch(doc, vocab, label)
    _WIDGETS.box_walk(root, vocab, _NOT_BOX, label, _LABEL_TAGS, search.other, search.candidate)
    return search.found, search.claimed


def _boxes_python(
    doc: Document, root: HtmlElement, *, vocab: bool = True, label: bool = True
) -> tuple[list[Takeaway], list[HtmlElement]]:
    """:func:`_boxes` in Python, the compiled walk's reference."""
    search = _BoxSearch(doc, vocab, label)
    walker = etree.iterwalk(root, events=("start",))
    for _, el in walker:
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP_TEXT or tag in ("head",):
            walker.skip_subtree()
            continue
        if tag in ("nav", "footer") and not any(a.tag == "article" for a in el.iterancestors()):
            walker.skip_subtree()
            continue
        if search.candidate(el):
            walker.skip_subtree()
    return search.found, search.claimed


class _BoxSearch:
    """The state of one box search and its step at one element."""

    __slots__ = ("claimed", "found", "may_label", "may_name", "other", "seen")

    def __init__(self, doc: Document, vocab: bool, label: bool) -> None:
        self.may_name, self.may_label = vocab, label
        self.claimed: list[HtmlElement] = []
        self.found: list[Takeaway] = []
        self.seen: set[str] = set()
        # labels in other languages: not tried on English pages
        self.other = other_languages(doc)

    def inside_claimed(self, el: HtmlElement) -> bool:
        return any(el is c or c in set(el.iterancestors()) for c in self.claimed)

    def accept(self, nodes: list[HtmlElement], items: list[tuple[HtmlElement, Takeaway]]) -> bool:
        if not items or len(items) > _MAX_ITEMS or not _mostly_items(nodes, items):
            return False
        self.claimed.extend(nodes)
        for _, item in items:
            key = norm_space(f"{item.label or ''} {item.text}").lower()
            if key not in self.seen:
                self.seen.add(key)
                self.found.append(item)
        return True

    def candidate(self, el: HtmlElement) -> bool:
        """The search's step at ``el`` (an element the walk enters): True when its subtree
        is to be left out (a box was taken there, or it is claimed or chrome)."""
        tag = el.tag
        word = _box_vocab(el) if self.may_name and tag not in _NOT_BOX else None
        vocab = word is not None
        label_kind: str | None = None
        if self.may_label and tag in _LABEL_TAGS and not vocab:
            label_kind = _label_kind_of(el, self.other)
        if not vocab and label_kind is None:
            return False
        if self.inside_claimed(el) or _in_site_chrome(el):
            return True
        if vocab:
            text = block_text(el)
            kind = _label_kind(text)
            if not text:
                return False
            if kind is not None or (len(text) <= _MAX_LABEL_CHARS and _item_count(el) == 0):
                nodes, items = _label_box(el, kind or "strong", vocab=True)
            else:
                items = _items(el, need_bold=False)
                nodes = [el]
                prev = el.getprevious()
                if items and prev is not None and _label_kind(block_text(prev)) is not None:
                    nodes.insert(0, prev)
                if len(items) < 2 and word and _WEAK_VOCAB.search(word):
                    items = []
            return self.accept(nodes, items)
        nodes, items = _label_box(el, label_kind or "weak", vocab=False)
        if label_kind != "strong" and not all(_substantial(t) for _, t in items):
            return False  # "Summary" over a metadata box ("Description", "Written by")
        return self.accept(nodes, items)


def _compiled_widgets() -> Any:
    """The compiled twin of :func:`_boxes_python`'s walk (:mod:`newsparse._accel.widgets`),
    or None where it is not built or was written for other vocabulary than ours."""
    module = _accel.load("widgets")
    if module is None:
        return None
    vocab_ok = (
        _VOCAB_HINT.pattern == "|".join(module.VOCAB_WORDS) and _VOCAB_HINT.flags == re.UNICODE
    )
    words = _LABEL_START.pattern.removeprefix(r"[^\w]*(?:").removesuffix(r")\b").split("|")
    label_ok = (
        _LABEL_START.pattern == r"[^\w]*(?:" + "|".join(words) + r")\b"
        and _LABEL_START.flags == re.IGNORECASE | re.UNICODE
        and all(w.isascii() and w.isalpha() for w in words)
        and words == [w.lower() for w in module.LABEL_WORDS]
        and module.LABEL_RAW_MAX == 4 * _MAX_LABEL_CHARS
    )
    if not (vocab_ok and label_ok and _SKIP_TEXT | {"head"} == module.BOX_SKIP):
        return None  # the vocabulary changed here, not in the C pre-tests: Python decides
    return module


_WIDGETS = _compiled_widgets()


#: A sentence's end: Latin, CJK and Arabic full stops, question and exclamation marks.
_SENTENCE_END = re.compile(r"[.!?。！？؟…]\s*[\"'”’»)]?$")
_MIN_TOP_ITEMS = 2
_MAX_TOP_ITEMS = 7
_CHROME_ANCESTORS = frozenset({"nav", "footer", "aside", "form", "figure", "blockquote", "table"})


def _top_summary_list(
    root: HtmlElement,
) -> tuple[HtmlElement, list[tuple[HtmlElement, Takeaway]]] | None:
    """An unlabelled summary: a list of 2-7 whole sentences in a box of its own (its parent
    holds nothing else) between the headline and the article's text.  A list further down,
    or among the body's paragraphs, is the article's own (:func:`headline_lists`)."""
    for el in headline_lists(root):
        if any(a.tag in _CHROME_ANCESTORS or a.tag == "li" for a in el.iterancestors()):
            continue
        box = el.getparent()
        if box is None or not _only_holds(box, el):
            continue  # a list among the body's paragraphs is the article's text
        items = _sentence_items(el)
        if items is not None:
            return el, items
    return None


def _sentence_items(lst: HtmlElement) -> list[tuple[HtmlElement, Takeaway]] | None:
    """The list's items when every one is a whole sentence (not a link, not a fragment)."""
    lis = [li for li in lst if li.tag == "li"]
    if not _MIN_TOP_ITEMS <= len(lis) <= _MAX_TOP_ITEMS or len(lst) != len(lis):
        return None
    out: list[tuple[HtmlElement, Takeaway]] = []
    for li in lis:
        text = block_text(li)
        wide = sum(1 for c in text if ord(c) >= 0x2E80)  # CJK: no spaces between words
        long_enough = len(text.split()) >= 5 or wide >= 12
        if not long_enough or not _SENTENCE_END.search(text) or len(text) > 300:
            return None
        if li.find(".//ul") is not None or li.find(".//ol") is not None:
            return None
        if is_promo(li, text):
            return None
        item = split_label(li)
        if item is None:
            return None
        out.append((li, item))
    return out


def _substantial(item: Takeaway) -> bool:
    """An item that says something: four words or more (or a dozen CJK characters)."""
    text = f"{item.label or ''} {item.text}"
    return len(text.split()) >= 4 or sum(1 for c in text if ord(c) >= 0x2E80) >= 12


def _label_kind_of(el: HtmlElement, other: bool) -> str | None:
    """The label kind of a label-bearing element, cheaply rejecting most elements first.

    Only elements whose own leading text starts like a label (in English, or with
    ``other`` in one of the other languages) are looked at; a label
    split over child elements (``<h3><span>Key</span> points</h3>``) is found on the
    child, and the box search climbs from there.
    """
    raw = el.text
    if not raw or len(raw) > 4 * _MAX_LABEL_CHARS:
        return None
    if not _LABEL_START.match(raw) and not (other and TAKEAWAY_LABEL_START.match(raw)):
        return None
    own = norm_space(raw)
    if not own or len(own) > _MAX_LABEL_CHARS:
        return None
    if len(el) == 0:
        return _label_kind(own)
    text = short_text(el, _MAX_LABEL_CHARS)
    return _label_kind(text) if text else None


def short_text(el: HtmlElement, limit: int) -> str | None:
    """``block_text(el)`` if it is at most ``limit`` characters, else None.

    Stops walking as soon as the text grows past the limit, so that checking every
    element of a page for a short label stays linear in practice.
    """
    size = 0
    pieces: list[str] = []
    budget = 4 * limit + 200
    for piece in iter_block_text(el):
        pieces.append(piece)
        size += len(piece.strip())
        if size > limit or len(pieces) > budget:
            return None
    text = norm_space("".join(pieces))
    return text if len(text) <= limit else None


def _item_count(el: HtmlElement) -> int:
    return sum(1 for _ in el.iter("li", "tr", "dd", "p"))

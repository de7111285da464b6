"""Provenance of the regions: body blocks, the main-content decision, widget records."""

from __future__ import annotations

from collections.abc import Iterator

from newsparse.explainer.adapter import (
    Scores,
    Trace,
    claimed_by,
    content_roots,
    drop_reason,
    dropped_elements,
    is_hidden,
    widget_box,
)
from newsparse.explainer.paths import path_of
from newsparse.extract.dom import HtmlElement, block_text, class_id, norm_space
from newsparse.models import Article, Block, Comment
from newsparse.provenance import (
    BlockSource,
    Candidate,
    ContentDecision,
    Dropped,
    WidgetKind,
    WidgetRecord,
)

__all__ = ["block_provenance", "content_decision", "widget_records"]

_CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "body", "td", "th", "span"})


# ------------------------------------------------------------------ blocks


def block_provenance(body: list[Block], sources: list[HtmlElement | None]) -> list[BlockSource]:
    """One entry per body block: its source element and why it became that block."""
    out = []
    for i, block in enumerate(body):
        el = sources[i] if i < len(sources) else None
        if el is None:
            out.append(BlockSource(index=i, kind=block.kind, selector=None, signal="unknown"))
            continue
        tag = str(el.tag)
        how = "loose text in" if block.kind == "paragraph" and tag in _CONTAINER_TAGS else "from"
        signal = f"{block.kind} {how} <{tag}> inside the main content"
        out.append(
            BlockSource(index=i, kind=block.kind, selector=path_of(el), tag=tag, signal=signal)
        )
    return out


# ------------------------------------------------------------------ main content


def content_decision(trace: Trace, scores: Scores) -> ContentDecision:
    """The chosen root(s), the scored candidates and the regions dropped inside."""
    roots = content_roots(trace)
    if not roots:
        return ContentDecision(signal="no element holds running text: empty body")
    best = scores.best.element if scores.best is not None else None
    root = roots[0]
    if best is root:
        signal = "the highest content score (running text, few links, content names)"
    elif best is not None and best.getparent() is root:
        signal = "the best-scored element with its sibling parts of the article"
    elif best is not None and any(a is root for a in best.iterancestors()):
        signal = "a wrapper the page names as the article around the best-scored element"
    else:
        signal = "the element the page names as the article body (itemprop=articleBody, "
        signal += "entry-content, <article>) or holding the JSON-LD articleBody"
    candidates = [
        Candidate(
            selector=path_of(s.element),
            tag=str(s.element.tag),
            score=s.score,
            text_chars=s.text,
            link_density=round(min(1.0, s.links / s.text), 3) if s.text else 0.0,
            chosen=s.element in roots,
        )
        for s in scores.candidates
    ]
    return ContentDecision(
        roots=[path_of(r) for r in roots],
        signal=signal,
        candidates=candidates,
        dropped=_dropped(trace, roots, scores),
    )


def _dropped(trace: Trace, roots: list[HtmlElement], scores: Scores) -> list[Dropped]:
    owners = claimed_by(trace)
    left_out = dropped_elements(trace) | set(owners)
    out: list[Dropped] = []
    for root in roots:
        for el in _outermost_inside(root, left_out):
            out.append(
                Dropped(
                    selector=path_of(el),
                    tag=str(el.tag),
                    reason=_reason(el, root, owners, scores, drop_reason(trace, el)),
                    text=block_text(el)[:80],
                )
            )
    return out


def _outermost_inside(root: HtmlElement, wanted: set[HtmlElement]) -> Iterator[HtmlElement]:
    """Elements of ``wanted`` inside ``root`` (not below another one), plus hidden ones."""
    walker = root.iterdescendants()
    skip_under: HtmlElement | None = None
    for el in walker:
        if not isinstance(el.tag, str):
            continue
        if skip_under is not None and any(a is skip_under for a in el.iterancestors()):
            continue
        if el in wanted or is_hidden(el):
            skip_under = el
            yield el


#: The content step's own drop reasons, as a reader would say them.
_CONTENT_REASONS = {
    "hidden": "hidden",
    "hinted-boilerplate": "boilerplate name",
    "link-list": "link list",
    "teaser-list": "teaser list (linked headlines with summaries)",
    "share-bar": "share / tag bar (links and labels only)",
    "gallery": "photo gallery",
    "label": "label line (advertisement, read more, dateline)",
    "credit": "credit line",
    "headline": "the headline repeated",
    "read-more": "read-more link",
    "author-box": "author box",
    "form-box": "form (newsletter, search, comment form)",
    "box-label": "the label of a box left out",
}


def _reason(
    el: HtmlElement,
    root: HtmlElement,
    owners: dict[HtmlElement, str],
    scores: Scores,
    reported: str | None = None,
) -> str:
    owner = owners.get(el)
    if owner == "metadata":
        return "shown as metadata (headline, byline, dateline, standfirst)"
    if owner is not None:
        return f"claimed by the {owner} widget"
    if is_hidden(el):
        return "hidden"
    if reported is not None:
        said = _CONTENT_REASONS.get(reported, reported)
        names = norm_space(class_id(el))
        return f"{said}: {names[:60]}" if reported == "hinted-boilerplate" and names else said
    inside = set(el.iter())
    if inside & scores.author_links:
        return "author box"
    if inside & scores.form_controls:
        return "form (newsletter, search, comment form)"
    names = norm_space(class_id(el))
    if scores.hints.get(el, 0) < 0:
        if el.tag in ("aside", "nav", "footer", "header", "form"):
            return f"<{el.tag}> page chrome"
        return f"boilerplate name: {names[:60]}" if names else "boilerplate element"
    if scores.link_share.get(el, 0.0) > 0.5:
        return "link list (teasers, related links, share bar)"
    if el.getparent() is root and scores.best is not None and scores.best.element is not root:
        return "beside the article parts (sibling step)"
    return "little running text (teaser, caption or chrome)"


# ------------------------------------------------------------------ widget records


def _squeeze(text: str) -> str:
    return "".join(text.split()).casefold()


def _scope_texts(boxes: list[HtmlElement]) -> list[tuple[HtmlElement, str]]:
    out = []
    for box in boxes:
        for el in box.iter():
            if isinstance(el.tag, str):
                out.append((el, _squeeze(block_text(el))))
    return out


def _place(
    needles: list[list[str]], boxes: list[HtmlElement], related: list[set[int]]
) -> list[HtmlElement | None]:
    """For each record (the strings its element's text holds), its element inside
    ``boxes``: the deepest one holding all its strings, widened while no other record's
    strings come in (``related[i]``: records whose text may be inside record i's)."""
    texts = _scope_texts(boxes)
    text_of = dict(texts)
    inside = set(text_of)
    used: set[HtmlElement] = set()
    out: list[HtmlElement | None] = []
    for i, want in enumerate(needles):
        want = [w for w in (_squeeze(n) for n in want) if w]
        if not want:
            out.append(None)
            continue
        hits = [el for el, t in texts if all(w in t for w in want)]
        hit_set = set(hits)
        deepest = [
            el
            for el in hits
            if el not in used and not any(c in hit_set for c in el if isinstance(c.tag, str))
        ]
        if not deepest:
            out.append(None)
            continue
        node = deepest[0]
        others = [n for j, ns in enumerate(needles) if j != i and j not in related[i] for n in ns]
        others = [o for o in (_squeeze(n) for n in others) if o and not all(o in w for w in want)]
        while True:
            parent = node.getparent()
            if parent is None or parent not in inside or node.tag == "li":
                break  # a list item is a record's whole element, never its list
            if any(o in text_of[parent] for o in others):
                break
            node = parent
        used.add(node)
        out.append(node)
    return out


def _prefix(text: str, size: int = 60) -> str:
    """The start of a record's text: what its element's text must hold."""
    return text[:size]


def _flat_comments(
    comments: list[Comment],
    prefix: str,
    parent: int | None,
    out: list[tuple[str, int | None, Comment]],
) -> None:
    for i, c in enumerate(comments):
        out.append((f"{prefix}[{i}]", parent, c))
        me = len(out) - 1
        _flat_comments(c.replies, f"{prefix}[{i}].replies", me, out)


def _descendants(flat: list[tuple[str, int | None, Comment]], i: int) -> set[int]:
    """Indices of the replies (at any depth) of comment ``i``."""
    found: set[int] = set()
    for j, (_, parent, _c) in enumerate(flat):
        if parent is not None and (parent == i or parent in found):
            found.add(j)
    return found


def _short(text: str, size: int = 48) -> str:
    text = norm_space(text)
    return text if len(text) <= size else text[: size - 1] + "…"


def widget_records(trace: Trace, article: Article) -> list[WidgetRecord]:
    """One entry per takeaway, comment (with its parent), ticker quote and disclaimer."""
    out: list[WidgetRecord] = []
    out += _records(
        trace, "takeaways", "takeaway",
        [(f"takeaways[{i}]", None, [_prefix(t.text)], f"Takeaway: {_short(t.text)}")
         for i, t in enumerate(article.takeaways)],
    )  # fmt: skip
    flat: list[tuple[str, int | None, Comment]] = []
    _flat_comments(article.comments, "comments", None, flat)
    out += _records(
        trace, "comments", "comment",
        [(ref, flat[p][0] if p is not None else None, [_prefix(c.text)],
          f"Comment by {c.author or 'anonymous'}: {_short(c.text, 32)}")
         for ref, p, c in flat],
        related=[_descendants(flat, i) for i in range(len(flat))],
    )  # fmt: skip
    out += _records(
        trace, "tickers", "ticker",
        [(f"tickers[{i}]", None, [q.symbol, q.price_raw], f"{q.symbol} {q.price_raw}")
         for i, q in enumerate(article.tickers)],
    )  # fmt: skip
    if article.disclaimer:
        boxes = widget_box(trace, "disclaimer")
        out.append(
            WidgetRecord(
                widget="disclaimer",
                ref="disclaimer",
                selector=path_of(boxes[0]) if boxes else None,
                box=path_of(boxes[0]) if boxes else None,
                label=f"Disclaimer: {_short(article.disclaimer)}",
            )
        )
    return out


def _records(
    trace: Trace,
    name: str,
    kind: WidgetKind,
    items: list[tuple[str, str | None, list[str], str]],
    related: list[set[int]] | None = None,
) -> list[WidgetRecord]:
    if not items:
        return []
    boxes = widget_box(trace, name)
    rel = related if related is not None else [set() for _ in items]
    placed = _place([needles for _, _, needles, _ in items], boxes, rel)
    out = []
    for (ref, parent, _needles, label), el in zip(items, placed, strict=True):
        box = next(
            (b for b in boxes if el is not None and (b is el or b in el.iterancestors())), None
        )
        out.append(
            WidgetRecord(
                widget=kind,
                ref=ref,
                parent=parent,
                selector=path_of(el) if el is not None else None,
                box=path_of(box) if box is not None else None,
                label=label,
            )
        )
    return out

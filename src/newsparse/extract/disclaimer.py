"""The article's financial-advice / risk disclaimer.

Candidates, found on the whole page before boilerplate removal:

* elements named by **vocabulary** in class, id, ``data-testid``-like
  attributes or ``aria-label`` (``disclaimer``, ``risk-warning``,
  ``risk-disclosure``, ``not-financial-advice``...);
* elements introduced by a **label** ("Disclaimer", "Risk warning", ...), as
  a heading before the text or a bold lead-in;
* **text blocks** (paragraphs and leaf divs) that read like one: "for
  informational purposes only", "does not constitute financial advice", "do
  your own research", "your capital is at risk", "consult a professional
  before making any decisions"...

Every candidate must carry at least one such text cue (a "views are the
author's own" note or an affiliate disclosure is not a financial disclaimer),
be of disclaimer length, and sit outside the site's chrome: navigation, the
page footer, sidebars, cookie and newsletter boxes.  Among the candidates the
one with the strongest evidence wins — named or labelled boxes first, then
blocks inside the article container, then the number of cues.  Its leading
label is dropped from the text; the whole box is claimed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from newsparse.document import Document
from newsparse.extract.dom import (
    BLOCK_BOUNDARY,
    WIDGET_SKIP_TEXT,
    Claim,
    HtmlElement,
    block_text,
    iter_block_text,
    naming_words,
    norm_space,
    page_index,
)
from newsparse.extract.page_phrases import ENGLISH_CUES as _CUES
from newsparse.extract.page_phrases import ENGLISH_LABEL_WORDS as _LABEL_WORDS
from newsparse.extract.page_phrases import page_phrases
from newsparse.extract.vocabulary import (
    DISCLAIMER_CUES,
    DISCLAIMER_HINT,
    DISCLAIMER_LABEL,
    not_advice,
    other_languages,
)
from newsparse.extract.widget_gate import page_naming_text, trie

__all__ = ["cue_count", "extract_disclaimer"]

# ----------------------------------------------------------------- vocabulary

#: Class/id words (camelCase and separators normalised to "-") naming a disclaimer box.
_BOX_VOCAB = re.compile(
    r"discl(?:ai|a|i)m|risk-?(?:warning|disclosure|notice|statement)|"
    r"(?:not|no)-?(?:financial|investment)-?advice|financial-?advice|investment-?warning|"
    r"advice-?(?:disclaimer|notice|warning)"
)
#: Words in the element's own names that make it something else.
_BOX_VETO = re.compile(
    r"newsletter|signup|subscribe|cookie|consent|footer|comment|form|"
    r"^(?:tag|tags|category|categories|cat|topic|topics|section|term|tax|format|post-tag)-"
)
_NAME_HINT = re.compile(r"discl|risk|advice|warning")  # against lower-cased names
_LABEL_HINT = re.compile(
    r"[^\w]*(?:legal|financial|investment|important|disclaimer|disclosure|risk|not|no)\b",
    re.IGNORECASE,
)

#: A leading label to drop from the text ("Disclaimer:", "Risk warning —"...).
_LEAD_LABEL = re.compile(
    r"^[^\w]*(?:(?:legal\s+|financial\s+|investment\s+|important\s+)?disclaimers?|"
    r"risk\s+(?:warning|disclosure|disclaimer|notice|statement)|"
    r"(?:legal|financial|investment|important)\s+(?:disclosures?|notices?)|"
    r"(?:important|note|notice|disclosures?)(?=\s*[:\-–—]|\s+[A-Z]))\s*[:.\-–—]?\s*",
    re.IGNORECASE,
)
#: A whole-text label.
_LABEL_ONLY = re.compile(rf"^[^\w]*{_LABEL_WORDS}\s*[:.!]?$", re.IGNORECASE)

#: Cues that are a disclaimer on their own, even alone in a short paragraph.
#: "Not financial advice" and the like, in English.
_NOT_ADVICE = (
    r"\b(?:not|never|nothing|no)\b[^.]{0,60}\b(?:financial|investment|investing|trading)"
    r"(?:\s*(?:,|/|or|and|nor)\s*(?:financial|investment|investing|trading|tax|legal))*"
    r"\s+advice\b"
)
_NOT_ADVICE_CUE = re.compile(_NOT_ADVICE, re.IGNORECASE)
_STRONG_CUE = re.compile(
    _NOT_ADVICE + r"|\binformation(?:al)?\s+purposes?\s+only\b|\bDYOR\b|"
    r"\bdo\s+your\s+own\s+research\b|\bcapital\s+(?:is\s+)?at\s+risk\b",
    re.IGNORECASE,
)
_MAX_SHORT = 600
#: Cheap pre-filter before the cue patterns: words one of which each cue holds.
_CUE_HINT_WORDS = (
    "advice", "purposes", "research", "risk", "consult", "dyor", "lose", "performance",
    "recommendation", "verify", "decision", "constitute", "volatile", "speculative",
    "construed", "diligence", "high-risk", "loss", "own risk", "buy", "sell", "involve",
)  # fmt: skip
#: Any of them in lower-cased text (much faster than re.IGNORECASE), as a prefix tree:
#: one branch per first letter is tried at a place instead of every word.
_CUE_HINT = re.compile(trie(_CUE_HINT_WORDS))

_MIN_CHARS = 40
_MAX_CHARS = 2500
_MAX_BLOCKS = 8

_SKIP_TEXT = WIDGET_SKIP_TEXT
_BLOCK = BLOCK_BOUNDARY
#: Elements that are never a disclaimer box themselves.
_NOT_BOX = frozenset(
    {
        "html", "body", "head", "main", "article", "script", "style", "noscript", "template",
        "meta", "link", "title", "button", "a", "input", "form", "nav", "svg", "img",
        "iframe", "select", "option", "textarea", "ul", "ol", "table", "tr", "tbody", "thead",
    }
)  # fmt: skip
#: Text-cue blocks: where a disclaimer's own text sits.
_TEXT_TAGS = frozenset({"p", "div", "section", "aside", "li", "td", "blockquote"})
_LABEL_TAGS = frozenset(
    {"h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "b", "header", "dt", "summary"}
)

#: Ancestors (by tag or name) that are site chrome, not the article.
_CHROME_TAGS = frozenset({"nav", "form", "dialog"})
#: Chrome that never holds the article's own text, even inside the article container.
_STRONG_CHROME = re.compile(
    r"(?:^|-)(?:cookies?|consent|gdpr|newsletter|signup|subscribe|modal|popup|comments?|"
    r"respond|sidebar|side-?bar|widget-?area)(?:-|$)"
)
#: Chrome by name outside an article container (page footer, sidebar, menus).
_CHROME_NAMES = re.compile(
    r"(?:^|-)(?:site-?footer|page-?footer|global-?footer|footer|secondary|menu|navbar|"
    r"navigation)(?:-|$)"
)
#: Names of the article container: a disclaimer inside one is attached to the article.
_ARTICLE_NAMES = re.compile(
    r"(?:^|-)(?:entry|post|article|story|single)-?(?:content|body|text|inner)(?:-|$)|"
    r"(?:^|-)article-?body(?:-|$)"
)


# ----------------------------------------------------------------- text


def cue_count(text: str) -> int:
    """How many distinct disclaimer cues ``text`` carries (0 for ordinary prose)."""
    low = text.lower()
    count = sum(1 for cue in _CUES if cue.search(text)) if _CUE_HINT.search(low) else 0
    if DISCLAIMER_HINT.search(low):
        count += sum(1 for cue in DISCLAIMER_CUES if cue.search(text))
    return count


#: Either hint in one pass (this runs on every text node of a non-English page).
_ANY_CUE_HINT = re.compile(f"{_CUE_HINT.pattern}|{DISCLAIMER_HINT.pattern}")


def _size(text: str) -> int:
    """Text length with ideographs and Hangul counted twice (a word is one or two of
    them, so a CJK disclaimer is far shorter in characters than its translation)."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for c in text if "\u2e80" <= c <= "\ud7ff")


def _strip_label(text: str) -> str:
    m = _LEAD_LABEL.match(text) or DISCLAIMER_LABEL.match(text)
    if m and len(text) - m.end() >= _MIN_CHARS // 2:
        return text[m.end() :].lstrip(" :.-–—")
    return text


# ----------------------------------------------------------------- places


def _names(el: HtmlElement) -> list[str]:
    return naming_words(el)


def _is_named_box(el: HtmlElement) -> bool:
    names = _names(el)
    return any(_BOX_VOCAB.search(n) for n in names) and not any(_BOX_VETO.search(n) for n in names)


@dataclass
class _Place:
    chrome: bool
    in_article: bool
    site: bool = False  #: in the page's own header or footer: a site-wide note


def _place(el: HtmlElement) -> _Place:
    """Whether ``el`` sits in site chrome, and whether inside the article container.

    Inside the article container only chrome that never carries the article's own
    text counts (forms, comment areas, newsletter and cookie boxes): an article's
    footer or aside may well hold its disclaimer.  Above the container only the
    structural tags count (the article placed in a page footer or sidebar), since
    page wrappers carry all sorts of layout class names.  Without a container,
    every chrome tag and name counts.
    """
    chain: list[HtmlElement] = []
    for a in el.iterancestors():
        if a.tag in ("body", "html"):
            break  # page-level classes ("...-header-footer" templates) say nothing
        chain.append(a)
    names = [_names(a) for a in chain]
    container = next(
        (
            i
            for i, a in enumerate(chain)
            if a.tag == "article"
            or a.get("itemprop") == "articleBody"
            or any(_ARTICLE_NAMES.search(n) for n in names[i])
        ),
        None,
    )
    for i, a in enumerate(chain):
        tag = a.tag
        strong = tag in _CHROME_TAGS or any(_STRONG_CHROME.search(n) for n in names[i])
        weak = tag in ("aside", "footer") or any(_CHROME_NAMES.search(n) for n in names[i])
        if container is None:
            chrome = strong or weak
        elif i < container:
            chrome = strong
        else:
            chrome = tag in _CHROME_TAGS or tag in ("aside", "footer")
        if chrome:
            site = not strong and (tag == "footer" or any(_FOOTER_NAME.search(n) for n in names[i]))
            return _Place(chrome=not site, in_article=container is not None, site=site)
        if tag == "header" and (container is None or i > container):
            return _Place(chrome=False, in_article=container is not None, site=True)
    return _Place(chrome=False, in_article=container is not None)


_FOOTER_NAME = re.compile(r"(?:^|-)(?:site-?|page-?|global-?|main-?)?footer(?:-|$)")


# ----------------------------------------------------------------- candidates


@dataclass
class _Candidate:
    nodes: list[HtmlElement]
    text: str
    strength: int  # 2 named box, 1 labelled, 0 text cues only
    cues: int
    in_article: bool
    order: int
    site: bool = False

    def rank(self) -> tuple[int, int, int, int, int]:
        """The article's own before a site-wide note (page header or footer); then named
        boxes, inside the article, more cues, earlier in the page."""
        return (
            int(not self.site),
            self.strength,
            int(self.in_article),
            min(self.cues, 4),
            -self.order,
        )


def _block_count(el: HtmlElement) -> int:
    return sum(1 for x in el.iter() if isinstance(x.tag, str) and x.tag in ("p", "li", "div"))


def _is_leaf_block(el: HtmlElement) -> bool:
    return not any(
        isinstance(c.tag, str) and c.tag in _BLOCK and c.tag != "br" for c in el.iterdescendants()
    )


def _short_text(el: HtmlElement, limit: int) -> str | None:
    size = 0
    pieces: list[str] = []
    for piece in iter_block_text(el):
        pieces.append(piece)
        size += len(piece.strip())
        if size > limit or len(pieces) > 4 * limit:
            return None
    text = norm_space("".join(pieces))
    return text if len(text) <= limit else None


def _labelled_nodes(label: HtmlElement) -> list[HtmlElement] | None:
    """What a "Disclaimer" label introduces: the box wrapping label and text, or, when
    the label stands alone among the article's paragraphs, the label and the
    paragraphs after it that read like a disclaimer."""
    node = label
    text = _short_text(label, 40) or ""
    for _ in range(3):
        parent = node.getparent()
        if parent is None or parent.tag in _NOT_BOX:
            break
        full = block_text(parent)
        if len(full) > len(text) + _MIN_CHARS / 2:
            # A box opens with its label; a wrapper with other text first is not one.
            if (
                full.startswith(text)
                and len(full) <= _MAX_CHARS
                and _block_count(parent) <= _MAX_BLOCKS
            ):
                return [parent]
            break
        node = parent
    following = _cue_run(node, first_needs_cue=False)
    return [node, *following] if following else None


def _cue_run(block: HtmlElement, *, first_needs_cue: bool = True) -> list[HtmlElement]:
    """Leaf paragraphs right after ``block`` that carry disclaimer cues (at most 3)."""
    run: list[HtmlElement] = []
    for sib in block.itersiblings():
        if not isinstance(sib.tag, str) or sib.tag in _SKIP_TEXT or sib.tag == "br":
            continue
        if sib.tag not in ("p", "div") or not _is_leaf_block(sib):
            break
        text = block_text(sib)
        if not text:
            continue
        if len(text) > _MAX_CHARS / 2 or (cue_count(text) == 0 and (first_needs_cue or run)):
            break
        run.append(sib)
        if len(run) >= 3:
            break
    return run


def _label_before(block: HtmlElement) -> HtmlElement | None:
    """A label-only sibling ("Disclaimer") right before ``block``, if any."""
    for sib in block.itersiblings(preceding=True):
        if not isinstance(sib.tag, str) or sib.tag in _SKIP_TEXT or sib.tag == "br":
            continue
        if sib.tag in _LABEL_TAGS and _label_text(sib):
            return sib
        return None
    return None


def _sources(
    root: HtmlElement, other: bool, named: bool = True, label: bool = True
) -> Iterator[tuple[list[HtmlElement], int]]:
    """Candidate element runs with their strength, in document order.

    One pass over the elements finds named boxes, label elements and the blocks
    whose own text (or a child's tail) carries a cue word; a block is extended by a
    label just before it and by the cue-bearing paragraphs just after it.  Without
    ``named`` (``label``) no element is tested as a named box (a label).
    """
    hint = (_ANY_CUE_HINT if other else _CUE_HINT).search
    label_hint = _LABEL_HINT.match
    skip, label_tags = _SKIP_TEXT, _LABEL_TAGS
    walker = etree.iterwalk(root, events=("start",))
    seen: set[HtmlElement] = set()
    for _, el in walker:
        tag = el.tag
        own: str | None = None
        if tag.__class__ is not str or tag in skip or tag == "head":
            walker.skip_subtree()
        else:
            if (
                named
                and tag not in _NOT_BOX
                and _NAME_HINT.search(" ".join(el.values()).lower())
                and _is_named_box(el)
            ):
                yield [el], 2  # its inside is still searched, in case the box is rejected
            own = el.text
            if own:
                if (
                    label
                    and tag in label_tags
                    and (label_hint(own) or (other and DISCLAIMER_LABEL.match(own)))
                    and _label_text(el)
                ):
                    nodes = _labelled_nodes(el)
                    if nodes is not None:
                        yield nodes, 1
                if len(own) >= 8 and not own.isspace() and hint(own.lower()):
                    yield from _text_block(el, seen, label)
        tail = el.tail
        # (a whitespace-only tail, most of them, holds no hint word: no search)
        if tail and len(tail) >= 8 and not tail.isspace() and hint(tail.lower()):
            yield from _text_block(el.getparent(), seen, label)


def _text_block(
    el: HtmlElement | None, seen: set[HtmlElement], label: bool
) -> Iterator[tuple[list[HtmlElement], int]]:
    """The text block holding ``el`` (whose text or a child's tail carries a cue word),
    with a label just before it and the cue-bearing paragraphs just after it, unless it
    was given already (it is then added to ``seen``)."""
    block = _block_of(el)
    if block is not None and block not in seen:
        seen.add(block)
        before = _label_before(block) if label else None
        run = [block, *_cue_run(block)]
        yield ([before, *run] if before is not None else run), 0


def _block_of(el: HtmlElement | None) -> HtmlElement | None:
    """The nearest leaf text block (paragraph, leaf div...) holding ``el``."""
    node = el
    while node is not None and isinstance(node.tag, str):
        if node.tag in _TEXT_TAGS:
            return node if _is_leaf_block(node) else None
        if node.tag in _BLOCK or node.tag in ("body", "html"):
            return None
        node = node.getparent()
    return None


def _collect(root: HtmlElement, other: bool, named: bool, label: bool) -> list[_Candidate]:
    out: list[_Candidate] = []
    taken: set[HtmlElement] = set()
    for order, (nodes, strength) in enumerate(_sources(root, other, named, label)):
        if nodes[-1] in taken:
            continue
        taken.update(nodes)
        text = norm_space(" ".join(block_text(n) for n in nodes))
        blocks = sum(_block_count(n) for n in nodes)
        if not (_size(text) >= _MIN_CHARS and len(text) <= _MAX_CHARS) or blocks > _MAX_BLOCKS:
            continue
        cues = cue_count(text)
        if cues == 0 or (strength == 0 and cues < 2 and not _single_cue_ok(text)):
            continue
        if strength and not _mostly_disclaimer(nodes, len(text)):
            continue
        place = _place(nodes[-1])
        if place.chrome or (place.site and not _site_wide_ok(text, cues)):
            continue
        out.append(
            _Candidate(
                nodes, _strip_label(text), strength, cues, place.in_article, order, place.site
            )
        )
    # A text block inside a stronger candidate is the same disclaimer.
    boxes = [n for c in out if c.strength > 0 for n in c.nodes]
    return [
        c
        for c in out
        if c.strength > 0 or not any(b is not n and _contains(b, n) for b in boxes for n in c.nodes)
    ]


def _mostly_disclaimer(nodes: list[HtmlElement], total: int) -> bool:
    """A box is its disclaimer: not an article wrapper whose class happens to name one.

    The box's leaf paragraphs without any cue (its label aside) must not make up half
    of its text.
    """
    plain = 0
    for node in nodes:
        for block in node.iter("p", "div", "li", "section", "blockquote", "td"):
            if not _is_leaf_block(block):
                continue
            text = block_text(block)
            if text and not _label_text(block) and cue_count(text) == 0:
                plain += len(text)
    return plain * 2 <= total


def _single_cue_ok(text: str) -> bool:
    """A block with one cue counts if it is labelled or short and unmistakable."""
    return bool(_LEAD_LABEL.match(text) or DISCLAIMER_LABEL.match(text)) or (
        len(text) <= _MAX_SHORT and (_STRONG_CUE.search(text) is not None or not_advice(text))
    )


def _site_wide_ok(text: str, cues: int) -> bool:
    """A note in the page's header or footer counts only when it is unmistakably a
    financial disclaimer: it says that it is not financial / investment advice (in any of
    the languages), or it carries two cues, one of them strong ("for informational
    purposes only" alone is the note of many a health or legal site)."""
    return (
        _NOT_ADVICE_CUE.search(text) is not None
        or not_advice(text)
        or (cues >= 2 and _STRONG_CUE.search(text) is not None)
    )


def _contains(outer: HtmlElement, inner: HtmlElement) -> bool:
    return any(a is outer for a in inner.iterancestors())


def _label_text(el: HtmlElement) -> bool:
    text = _short_text(el, 40)
    if not text:
        return False
    if _LABEL_ONLY.match(text) is not None:
        return True
    m = DISCLAIMER_LABEL.match(text)
    return m is not None and m.end() == len(text)


# ----------------------------------------------------------------- extractor


#: The page phrases of a disclaimer: a cue (in any language) in one element's text, and
#: a whole-text label.
_PHRASE_GROUPS = frozenset(("disclaimer-cue", "disclaimer-label"))
#: Every ``_BOX_VOCAB`` match holds one of these (and so does the raw attribute value).
_BOX_WORDS = ("discl", "risk", "advice", "warning")


def may_have_named_box(doc: Document) -> bool:
    """False only when no element is a named box (:func:`_is_named_box`): every
    ``_BOX_VOCAB`` match holds one of ``_BOX_WORDS``, and so does the attribute value it
    comes from, lower-cased (:func:`page_naming_text`)."""
    names = page_naming_text(doc)
    return any(word in names for word in _BOX_WORDS)


def may_have_label(doc: Document) -> bool:
    """False only when no element's text is a disclaimer label (:func:`_label_text`)."""
    return "disclaimer-label" in page_phrases(doc)


def may_have_disclaimer(doc: Document) -> bool:
    """The page-level gate: False only when :func:`extract_disclaimer` would find nothing.

    Every candidate carries a cue (``cue_count`` > 0) in the text of its elements joined
    with spaces, and is a named box (one element), a label element with what follows it,
    or a text block, extended by a label before it and by the paragraphs after it that
    each carry a cue of their own.  Without a label on the page, every candidate is one
    element, or a block and paragraphs with a cue each: some single element's text
    holds a cue.  So a page without a possible label and without a possible cue in one
    element's text (:func:`~newsparse.extract.page_phrases.page_phrases`: a
    :class:`~newsparse.extract.widget_gate.PhraseGate` on the page's shown text) has no
    disclaimer, whatever its names.
    """
    return not _PHRASE_GROUPS.isdisjoint(page_phrases(doc))


def extract_disclaimer(doc: Document) -> Claim[str | None]:
    """The disclaimer text attached to the article and its element."""
    found = page_phrases(doc)
    if not _PHRASE_GROUPS.isdisjoint(found):
        return _find(doc, named=may_have_named_box(doc), label="disclaimer-label" in found)
    return Claim(None)


def _find(doc: Document, *, named: bool = True, label: bool = True) -> Claim[str | None]:
    """:func:`extract_disclaimer` without the page-level gate; without ``named``
    (``label``) no element is tried as a named box (a label): the gates said none is."""
    body = doc.root.find("body")
    root = body if body is not None else doc.root
    candidates = _collect(root, other_languages(doc), named, label)
    if not candidates:
        return Claim(None)
    best = max(candidates, key=_Candidate.rank)
    if best.site:
        return Claim(_cue_sentences(best.text), list(best.nodes))
    if best.strength == 0:
        glued = _glued_tail(best.nodes[0])
        if glued is not None:
            _index_split(doc, best.nodes[0], glued[1])
            text, node = glued
            rest = best.nodes[1:]
            full = norm_space(" ".join([text, *(block_text(n) for n in rest)]))
            return Claim(full, [node, *rest])
    return Claim(best.text, list(best.nodes))


#: A sentence and the space after it (Latin, CJK and Arabic stops).
_SENTENCE = re.compile(r".+?(?:[.!?]+[\"'”’»)]*(?=\s|$)|[。！？؟]+[”’」』)]*|$)\s*", re.DOTALL)


def _sentences(text: str) -> list[str]:
    return [m.group() for m in _SENTENCE.finditer(text) if m.group().strip()]


def _cue_sentences(text: str) -> str:
    """``text`` without its leading and trailing sentences that carry no cue (a site
    footer's "© 2026 Example Media." around its "not financial advice" line)."""
    sentences = _sentences(text)
    cued = [i for i, sentence in enumerate(sentences) if cue_count(sentence)]
    if not cued:
        return text
    return "".join(sentences[cued[0] : cued[-1] + 1]).strip()


def _glued_tail(block: HtmlElement) -> tuple[str, HtmlElement] | None:
    """A disclaimer written as the last sentences of an ordinary paragraph: its text and
    the element now holding it, split off the paragraph so the article keeps the rest.

    The leading sentences must carry no cue and be prose of their own (40+ characters);
    the trailing ones must all carry cues and make a disclaimer by themselves.
    """
    if block.tag not in ("p", "div", "li", "blockquote"):
        return None
    text = block_text(block)
    sentences = _sentences(text)
    if len(sentences) < 2:
        return None
    start = len(sentences)
    while start > 0 and cue_count(sentences[start - 1]) > 0:
        start -= 1
    if start == 0 or start == len(sentences):
        return None
    head = "".join(sentences[:start]).strip()
    tail = "".join(sentences[start:]).strip()
    if _size(head) < _MIN_CHARS or _size(tail) < _MIN_CHARS:
        return None
    cues = cue_count(tail)
    if not (cues >= 2 or (cues == 1 and _single_cue_ok(tail))):
        return None
    node = _split_off(block, tail)
    return (tail, node) if node is not None else None


def _index_split(doc: Document, block: HtmlElement, new: HtmlElement) -> None:
    """Enter ``new`` (split off ``block`` by :func:`_split_off`) in the page's
    :class:`~newsparse.extract.dom.PageIndex`, in document order: right after ``block``
    and what is left inside it, before the children moved into ``new``.  The index is
    read by every later stage; without this, an element of the tree would be missing
    from it."""
    elements = page_index(doc).elements
    try:
        at = elements.index(block)
    except ValueError:  # not a tree the index was made from
        return
    left_inside = sum(1 for _ in block.iterdescendants(etree.Element))
    elements.insert(at + 1 + left_inside, new)


def _split_off(block: HtmlElement, tail: str) -> HtmlElement | None:
    """Move the text of ``block`` from where ``tail`` starts into a new sibling element of
    the same tag, right after it.  Only where the cut falls in ``block``'s own text or
    just before one of its children; None (nothing changed) otherwise."""
    words = tail.split()[:4]
    probe = re.compile(r"\s*".join(re.escape(w) for w in words))
    children = [c for c in block if isinstance(c.tag, str)]
    cut: tuple[HtmlElement | None, int] | None = None  # (child the cut is in the tail of, pos)
    for child in reversed(children):
        if child.tail and (m := probe.search(child.tail)):
            cut = (child, m.start())
            break
        if block_text(child).startswith(" ".join(words)[:12]):
            cut = (child, -1)  # the disclaimer starts with this child
            break
    if cut is None and block.text and (m := probe.search(block.text)):
        cut = (None, m.start())
    if cut is None:
        return None
    owner, pos = cut
    new = block.makeelement(block.tag, {})
    if owner is None:
        raw = block.text or ""
        new.text, block.text = raw[pos:], raw[:pos]
        moving = list(block)
    elif pos >= 0:
        raw = owner.tail or ""
        new.text, owner.tail = raw[pos:], raw[:pos]
        moving = list(owner.itersiblings())
    else:
        moving = [owner, *owner.itersiblings()]
    for child in moving:
        new.append(child)
    new.tail = block.tail
    block.tail = None
    block.addnext(new)
    return new

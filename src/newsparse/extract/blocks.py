"""Walking the chosen content node into typed Blocks (paragraphs, headings, lists, ...).

One walk: block-level elements open new blocks; inline content between them is
gathered into paragraphs with both plain text and inline Markdown. Elements in
``skip`` (claimed widgets, boilerplate found by the content scorer) are left out
with their subtrees.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from newsparse._accel import load as _load_compiled
from newsparse._accel import twin
from newsparse.document import Document
from newsparse.extract.dom import HtmlElement, norm_space, page_index
from newsparse.models import (
    Block,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Table,
)
from newsparse.render import block_markdown, block_text, code_span, escape_markdown, safe_url

__all__ = ["BLOCK_TAGS", "to_blocks"]

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "ul", "body", "html", "caption", "picture", "video",
        "audio", "iframe", "h1", "h2", "h3", "h4", "h5", "h6",
    }
)  # fmt: skip
#: Elements whose content is never body text.
DROP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "button", "input", "select",
        "textarea", "option", "label", "nav", "iframe", "object", "embed", "canvas",
        "head", "title", "meta", "link", "audio", "video", "source", "track", "map", "dialog",
    }
)  # fmt: skip
_INLINE_MD = {"strong": "**", "b": "**", "em": "*", "i": "*"}
_LANG = re.compile(r"(?:language|lang)-([\w+.-]+)")
_NEWLINES = re.compile(r"\s*\n\s*")


@dataclass
class _Inline:
    text: list[str] = field(default_factory=list)
    md: list[str] = field(default_factory=list)
    #: Where nested <ul>/<ol> go when gathering a list item (None: they become lines).
    lists: list[ListBlock] | None = None
    #: Whether <strong>/<b> are marked (not in headings, which are bold already).
    bold: bool = True

    def add(self, text: str, md: str | None = None) -> None:
        self.text.append(text)
        self.md.append(escape_markdown(text) if md is None else md)

    def result(self) -> tuple[str, str]:
        """Plain text (line breaks as newlines) and Markdown (line breaks as hard
        breaks, a backslash at the end of the line)."""
        return _squash("".join(self.text)), _hard_breaks(_squash("".join(self.md)))


#: Zero-width characters and soft hyphens, dropped from text.
_INVISIBLE_CHARS = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_INVISIBLE_LIST = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


#: The compiled twin of ``_Walker.inline`` / ``inline_element`` (None: pure Python).
_GATHER = _load_compiled("gather")


def _has_word_python(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _hard_breaks(md: str) -> str:
    """Markdown lines joined by hard line breaks (a newline alone is a soft break,
    rendered as a space)."""
    return md.replace("\n", "\\\n")


def _squash_python(text: str) -> str:
    """Whitespace runs to one space within lines; blank lines dropped."""
    if text.isprintable():
        # no whitespace but " " and no invisible character (all are unprintable; a test
        # checks every code point): most paragraphs, which are then squashed already
        # unless they hold a double space or start or end with one
        if "  " in text or text[:1] == " " or text[-1:] == " ":
            return " ".join(text.split())
        return text
    # (the invisible characters are not ASCII; a substring test each is quicker than
    # the pattern's scan when there are none)
    if not text.isascii() and any(ch in text for ch in _INVISIBLE_LIST):
        text = _INVISIBLE_CHARS.sub("", text)
    if "\n" not in text:
        return " ".join(text.split())
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _paragraph_python(texts: list[str], mds: list[str]) -> tuple[str, str] | None:
    """(text, Markdown) of a paragraph's gathered pieces; None when the text is only
    whitespace, or decoration with no letter or digit in it (an icon emoji, "***", a
    lone bullet)."""
    text = _squash_python("".join(texts))
    if text and _has_word_python(text):
        return text, _hard_breaks(_squash_python("".join(mds)))
    return None


#: Compiled twins of the three (the same answers: tests/unit/test_accel_gather.py).
_squash = twin("gather", "squash", _squash_python)
_has_word = twin("gather", "has_word", _has_word_python)
_paragraph = twin("gather", "paragraph", _paragraph_python)


class _Walker:
    def __init__(
        self,
        doc: Document,
        skip: Collection[HtmlElement],
        keep: Callable[[HtmlElement], bool] | None,
        origins: dict[int, HtmlElement] | None = None,
    ) -> None:
        self.doc = doc
        #: When recording sources: the element each block was read from, by id(block).
        self.origins = origins
        #: The element whose content the pending paragraph is gathered from.
        self.here: HtmlElement | None = None
        #: Attributes by element, read once per page (elements not in it have none).
        self.attrs = page_index(doc).attrs
        self.skip = skip
        self.keep = keep
        self.blocks: list[Block] = []
        self.pending = _Inline()
        #: Elements read already as part of another block (a quote's attribution).
        self.omit: set[HtmlElement] = set()

    # ---------------------------------------------------------------- helpers
    def skipped(self, el: HtmlElement) -> bool:
        tag = el.tag
        if not isinstance(tag, str) or tag in DROP_TAGS or el in self.skip or el in self.omit:
            return True
        attrib = self.attrs.get(el)
        if attrib:
            if "hidden" in attrib or attrib.get("aria-hidden") == "true":
                return True
            style = attrib.get("style")
            if style and "display:none" in style.replace(" ", "").lower():
                return True
        return self.keep is not None and not self.keep(el)

    def flush(self) -> None:
        pending = self.pending
        if not pending.text:
            return  # nothing since the last block (the common case: flushes come in pairs)
        self.pending = _Inline()
        # whitespace between blocks gives no paragraph, and neither does decoration
        parts = _paragraph(pending.text, pending.md)
        if parts is not None:
            self.add(Paragraph(text=parts[0], markdown=parts[1]), self.here)

    def add(self, block: Block, source: HtmlElement | None) -> None:
        """Append ``block``, noting ``source`` when sources are recorded."""
        self.blocks.append(block)
        if self.origins is not None and source is not None:
            self.origins[id(block)] = source

    # ---------------------------------------------------------------- inline
    def inline(self, el: HtmlElement, out: _Inline) -> None:
        """Append the inline rendering of el's content (not its tail) to out."""
        if _GATHER is not None and self.keep is None:
            _GATHER.inline(self, el, out)
        else:
            self.inline_python(el, out)

    def inline_element(self, el: HtmlElement, out: _Inline) -> None:
        """Append the inline rendering of el (not skipped; not its tail) to out."""
        if _GATHER is not None and self.keep is None:
            _GATHER.inline_element(self, el, out)
        else:
            self.inline_element_python(el, out)

    def inline_python(self, el: HtmlElement, out: _Inline) -> None:
        """``inline`` in Python (the reference of the compiled ``_accel.gather``)."""
        if el.text:
            out.add(el.text)
        for child in el:
            if not self.skipped(child):
                self.inline_element(child, out)
            if child.tail:
                out.add(child.tail)

    def inline_element_python(self, el: HtmlElement, out: _Inline) -> None:
        """``inline_element`` in Python (the reference of ``_accel.gather``)."""
        tag = el.tag
        if tag == "br":
            out.add("\n", "\n")
            return
        if tag in _IMAGE_TAGS:
            return
        if out.lists is not None and tag in ("ul", "ol"):
            nested = self.list_of(el, ordered=tag == "ol")
            if nested is not None:
                out.lists.append(nested)
            out.add("\n", "\n")
            return
        if tag in BLOCK_TAGS:
            # a block element inside inline context (e.g. <p> in <li>): line break around it
            out.add("\n", "\n")
            self.inline(el, out)
            out.add("\n", "\n")
            return
        inner = _Inline(lists=out.lists, bold=out.bold)
        self.inline(el, inner)
        text = "".join(inner.text)
        md = "".join(inner.md)
        if not text.strip():
            out.add(text, md)
            return
        if tag == "a":
            href = safe_url(self.doc.absolute(el.get("href")))
            md = f"[{md.strip()}]({href})" if href else md
        elif tag in _INLINE_MD and (out.bold or _INLINE_MD[tag] != "**"):
            mark = _INLINE_MD[tag]
            md = f"{mark}{md.strip()}{mark}"
        elif tag == "code":
            md = code_span(text.strip())
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() else ""
        out.add(text, lead + md + trail if md != "".join(inner.md) else md)

    # ---------------------------------------------------------------- blocks
    def walk(self, el: HtmlElement) -> None:
        """Walk el's children as block context."""
        if _GATHER is not None and self.keep is None:
            _GATHER.walk(self, el)
        else:
            self.walk_python(el)

    def walk_python(self, el: HtmlElement) -> None:
        """``walk`` in Python (the reference of ``_accel.gather``)."""
        self.here = el
        if el.text:
            self.pending.add(el.text)
        for child in el:
            if not self.skipped(child):
                self.here = el
                self.element(child)
            if child.tail:
                self.here = el
                self.pending.add(child.tail)

    def element(self, el: HtmlElement) -> None:
        tag = el.tag
        if tag not in BLOCK_TAGS and tag not in _IMAGE_TAGS and tag != "br":
            self.inline_element(el, self.pending)
            return
        if tag == "br":
            if _ends_with_break(self.pending.text):
                self.flush()  # <br><br> in running text: a paragraph break
            else:
                self.pending.add("\n", "\n")
            return
        if tag == "p":
            self.flush()
            self.here = el
            self.inline(el, self.pending)
            self.flush()
        elif tag in HEADINGS:
            self.flush()
            inner = _Inline(bold=False)  # a heading is bold already: no "## **Title**"
            self.inline(el, inner)
            text = _squash("".join(inner.text).replace("\n", " "))
            if text:
                md = _squash("".join(inner.md).replace("\n", " "))
                self.add(Heading(level=HEADINGS[tag], text=text, markdown=md), el)
        elif tag in ("ul", "ol"):
            self.flush()
            self.list_block(el, ordered=tag == "ol")
        elif tag == "blockquote":
            self.flush()
            self.quote(el)
        elif tag == "table":
            self.flush()
            if _is_layout_table(el):
                self.walk_table_cells(el)
            else:
                self.table(el)
        elif tag in ("figure", "picture") or tag in _IMAGE_TAGS:
            self.flush()
            self.figure(el)
        elif tag == "figcaption":
            # a caption outside any <figure>: a caption still, not running text
            self.flush()
            caption = _caption_text(el)
            if caption:
                self.add(Figure(src=None, caption=caption), el)
        elif tag == "pre":
            self.flush()
            code = "".join(el.itertext()).strip("\n")
            if code.strip():
                match = _LANG.search(
                    " ".join(filter(None, [el.get("class"), *(c.get("class") or "" for c in el)]))
                )
                language = match.group(1) if match else None
                self.add(CodeBlock(text=code, language=language), el)
        elif tag == "hr":
            self.flush()
        else:
            self.flush()
            self.walk(el)
            self.flush()

    def quote(self, el: HtmlElement) -> None:
        """A <blockquote> as one Quote: its paragraphs (and lists...) kept apart by a
        blank line, its <footer>/<cite> attribution in ``cite`` rather than in the text
        (else the ``cite`` attribute's URL). Images in it follow it as Figures."""
        attribution = _attribution(el)
        cite = None
        if attribution is not None and not self.skipped(attribution):
            cite = _DASHES.sub("", norm_space(attribution.text_content())) or None
            self.omit.add(attribution)
        outer = self.blocks
        self.blocks = []
        self.walk(el)
        self.flush()
        inner, self.blocks = self.blocks, outer
        parts = [b for b in inner if not isinstance(b, Figure)]
        text = "\n\n".join(t for t in map(block_text, parts) if t)
        if text:
            self.add(
                Quote(
                    text=text,
                    markdown="\n\n".join(m for m in map(block_markdown, parts) if m),
                    cite=cite or norm_space(el.get("cite")) or None,
                ),
                el,
            )
        self.blocks.extend(b for b in inner if isinstance(b, Figure))

    def list_block(self, el: HtmlElement, ordered: bool) -> None:
        block = self.list_of(el, ordered)
        if block is not None:
            self.add(block, el)

    def list_of(self, el: HtmlElement, ordered: bool) -> ListBlock | None:
        """The list ``el`` holds, its items' nested lists as their children (None when
        no item has text)."""
        items: list[ListItem] = []
        for li in el:
            if not isinstance(li.tag, str) or self.skipped(li):
                continue
            inner = _Inline(lists=[])
            if li.tag == "li":
                self.inline(li, inner)
            else:
                self.inline_element(li, inner)
            text, md = inner.result()
            children = inner.lists or []
            if text or children:
                items.append(ListItem(text=text, markdown=md, children=children))
        return ListBlock(ordered=ordered, items=items) if items else None

    def table(self, el: HtmlElement) -> None:
        """A data table: <thead>, body and <tfoot> row groups kept apart (in that order,
        wherever the page puts them), spanning cells expanded."""
        caption = None
        #: the rows of each row group (a <thead>, <tbody> or <tfoot>, or the table itself)
        groups: dict[HtmlElement, list[HtmlElement]] = {}
        for node in el.iter("tr", "caption"):
            if node.tag == "caption":
                caption = norm_space(node.text_content()) or None
            elif not self._nested_table(node, el):  # rows kept whatever their class: the
                # boilerplate set can hold a <tr> ("player-..."); its cells are checked
                groups.setdefault(node.getparent(), []).append(node)
        head: list[tuple[list[str], bool]] = []
        body: list[tuple[list[str], bool]] = []
        foot: list[tuple[list[str], bool]] = []
        for section, trs in groups.items():
            part = {"thead": head, "tfoot": foot}.get(section.tag, body)
            part.extend(self.row_group(trs))
        if head:
            header = [row for row, _ in head]
        else:  # no <thead>: the leading rows of <th> cells only
            n = next((i for i, (_, all_th) in enumerate(body) if not all_th), len(body))
            header = [row for row, _ in body[:n]]
            body = body[n:]
        footer = [row for row, _ in foot if row not in header]  # not a repeat of the header
        rows = header + [row for row, _ in body] + footer
        if rows:
            self.add(
                Table(
                    rows=rows,
                    header_rows=len(header),
                    footer_rows=len(footer),
                    caption=caption,
                ),
                el,
            )

    def row_group(self, trs: list[HtmlElement]) -> list[tuple[list[str], bool]]:
        """(cells, all cells <th>) of each row with text in one row group, rowspan and
        colspan expanded (a span never reaches past its group, as in HTML)."""
        spans: dict[int, tuple[str, int]] = {}  # column -> (text, rows still spanned)
        out: list[tuple[list[str], bool]] = []
        for index, tr in enumerate(trs):
            left = len(trs) - index
            cells: list[str] = []
            all_th = True

            for cell in tr:
                if cell.tag not in ("td", "th") or self.skipped(cell):
                    continue
                _carry(cells, spans, to_end=False)
                inner = _Inline()
                self.inline(cell, inner)
                text = inner.result()[0].replace("\n", " ")
                all_th = all_th and cell.tag == "th"
                colspan = _span(cell.get("colspan"), _MAX_COLUMNS - len(cells), 1)
                rowspan = _span(cell.get("rowspan"), left, left)
                for i in range(colspan):
                    if rowspan > 1:
                        spans[len(cells)] = ("" if i else text, rowspan - 1)
                    cells.append("" if i else text)
            _carry(cells, spans, to_end=True)
            if any(cells):
                out.append((cells, all_th))
        return out

    @staticmethod
    def _nested_table(tr: HtmlElement, table: HtmlElement) -> bool:
        node = tr.getparent()
        while node is not None and node is not table:
            if node.tag == "table":
                return True
            node = node.getparent()
        return False

    def figure(self, el: HtmlElement) -> None:
        """A <figure>, <picture> or image: one Figure per image it shows (a gallery of
        three images gives three Figures, the figure's caption on the last one), or one
        caption-only Figure when it has no image."""
        images = self.images(el)
        caption = None
        inner: list[Block] = []
        if el.tag == "figure":
            cap = next(el.iter("figcaption"), None)
            if cap is None:  # a caption child by its class: WordPress's p.wp-caption-text
                cap = next((c for c in el if _is_caption(c)), None)
            if cap is not None and not self.skipped(cap):
                caption = _caption_text(cap)
            # content of the figure that is not the image or its caption (a table, an
            # embedded quote, a chart's text) is walked as blocks after the figure
            outer = self.blocks
            self.blocks = inner
            for child in el:
                if (
                    isinstance(child.tag, str)
                    and child.tag not in _MEDIA
                    and child is not cap
                    and not self.skipped(child)
                    and _has_text(child)
                ):
                    self.element(child)
            self.flush()
            self.blocks = outer
        quote = next((b for b in inner if isinstance(b, Quote)), None)
        if not images and caption and quote is not None and quote.cite is None:
            # <figure><blockquote>...</blockquote><figcaption>— Name</figcaption></figure>,
            # HTML's own pattern for a quotation's attribution
            quote.cite = _DASHES.sub("", caption) or None
        elif not images and caption:
            self.add(Figure(src=None, caption=caption), el)
        for i, (src, alt) in enumerate(images, 1):
            self.add(Figure(src=src, alt=alt, caption=caption if i == len(images) else None), el)
        self.blocks.extend(inner)

    def images(self, el: HtmlElement) -> list[tuple[str, str | None]]:
        """(src, alt) of each distinct image shown in el, in page order: <img>, AMP's
        <amp-img>/<amp-anim> and <picture> (its <source> srcset when its <img> has no
        URL), lazy-load attributes read; the copies in <noscript> only when nothing
        else gives an image."""
        found: list[tuple[str, str | None]] = []
        fallback: list[tuple[str, str | None]] = []
        stack = [(el, False)]
        while stack:
            node, in_noscript = stack.pop()
            tag = node.tag
            if not isinstance(tag, str):
                continue
            if tag == "noscript":
                in_noscript = True
            elif node is not el and tag != "source" and self.skipped(node):
                continue  # (libxml2 does not know <source> is empty: it may hold the <img>)
            if tag in _IMAGE_TAGS:
                src = self.doc.absolute(_image_url(node))
                picture = next(node.iterancestors("picture"), None) if src is None else None
                if picture is not None:
                    src = self.doc.absolute(_sources_url(picture))
                if src:
                    (fallback if in_noscript else found).append(
                        (src, norm_space(node.get("alt")) or None)
                    )
                continue  # an AMP image's own fallback <img> is the same image
            if tag == "picture" and next(node.iter("img"), None) is None:
                src = self.doc.absolute(_sources_url(node))
                if src:
                    (fallback if in_noscript else found).append((src, None))
                continue
            stack.extend((child, in_noscript) for child in reversed(node))
        seen: set[str] = set()
        out = []
        for src, alt in found or fallback:
            if src not in seen:
                seen.add(src)
                out.append((src, alt))
        return out

    def walk_table_cells(self, table: HtmlElement) -> None:
        """A layout table (cells holding paragraphs, or one column): walk its cells as
        block containers, in row order."""
        for row in table.iter("tr"):
            if self._nested_table(row, table):
                continue
            for cell in row:
                if cell.tag in ("td", "th") and not self.skipped(cell):
                    self.flush()
                    self.walk(cell)
                    self.flush()


_IMAGE_TAGS = frozenset({"img", "amp-img", "amp-anim"})
_MEDIA = frozenset({"figcaption", "picture", "video", "audio", "source", "noscript"} | _IMAGE_TAGS)
#: Attributes that hold an image's URL, lazy-load ones first (``src`` is then a placeholder).
_SRC_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "src")
_SRCSET_ATTRIBUTES = ("data-srcset", "data-lazy-srcset", "srcset")
_TABLE_BLOCKS = frozenset({"p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "blockquote"})


#: Columns a table row is padded to by colspans, at most (a cell is never dropped).
_MAX_COLUMNS = 200


def _carry(cells: list[str], spans: dict[int, tuple[str, int]], *, to_end: bool) -> None:
    """Fill the next columns of ``cells`` that cells of the rows above span into
    (``to_end``: all of them, those past the row's own cells too)."""
    while len(cells) in spans or (to_end and any(c > len(cells) for c in spans)):
        text, rows = spans.pop(len(cells), ("", 1))
        if rows > 1:
            spans[len(cells)] = (text, rows - 1)
        cells.append(text)


def _span(value: str | None, limit: int, zero: int) -> int:
    """A rowspan/colspan attribute as a count from 1 to ``limit``: ``zero`` for 0 (a
    rowspan of 0 runs to the end of its group; a colspan of 0 is 1), 1 when unreadable."""
    digits = (value or "").strip()
    if not digits.isdigit():
        return 1
    number = int(digits[:7])
    return max(1, min(zero if number == 0 else number, limit))


def _ends_with_break(pieces: list[str]) -> bool:
    """Whether the text gathered so far ends with a line break (spaces aside)."""
    for piece in reversed(pieces):
        if piece.strip(" \t\r\xa0"):
            return piece.rstrip(" \t\r\xa0").endswith("\n")
    return False


def _image_url(img: HtmlElement) -> str | None:
    """The URL an image element shows: its (lazy) src, else the first srcset candidate;
    a ``data:`` placeholder is no URL."""
    for name in _SRC_ATTRIBUTES:
        value = (img.get(name) or "").strip()
        if value and not value.startswith("data:"):
            return value
    return _srcset_url(img)


def _srcset_url(el: HtmlElement) -> str | None:
    for name in _SRCSET_ATTRIBUTES:
        first = (el.get(name) or "").split(",", 1)[0].split()
        if first and not first[0].startswith("data:"):
            return first[0]
    return None


def _sources_url(picture: HtmlElement) -> str | None:
    """The first URL offered by a <picture>'s <source> elements."""
    for source in picture.iter("source"):
        url = _srcset_url(source) or (source.get("src") or "").strip() or None
        if url:
            return url
    return None


#: Dashes that introduce an attribution ("— Name").
_DASHES = re.compile(r"^[\s\-\u2010-\u2015~]+")


def _attribution(quote: HtmlElement) -> HtmlElement | None:
    """A blockquote's attribution: a <footer> or <cite> child, or a last paragraph
    that is only a <cite> ("— <cite>Name</cite>")."""
    children = [c for c in quote if isinstance(c.tag, str)]
    found = next((c for c in children if c.tag in ("footer", "cite")), None)
    if found is not None:
        # a quote that is only a <cite> is its own text, not an attribution of nothing
        return found if _has_word(_DASHES.sub("", _text_outside(quote, found))) else None
    last = children[-1] if children else None
    if (
        last is not None
        and last.tag == "p"
        and len(last) == 1
        and last[0].tag == "cite"
        and not _DASHES.sub("", last.text or "")
        and not (last[0].tail or "").strip()
    ):
        return last
    return None


def _is_caption(el: HtmlElement) -> bool:
    return (
        el.tag in ("p", "div", "span")
        and "caption" in (el.get("class") or "").lower()
        and _has_text(el)
    )


def _text_outside(el: HtmlElement, part: HtmlElement) -> str:
    """The text of ``el`` that is not in its child ``part``."""
    pieces = [el.text or ""]
    for child in el:
        if child is not part and isinstance(child.tag, str):
            pieces.append(child.text_content())
        pieces.append(child.tail or "")
    return " ".join(pieces)


def _has_text(el: HtmlElement) -> bool:
    return any(piece.strip() for piece in el.itertext())


def _caption_text(el: HtmlElement) -> str | None:
    return norm_space(" ".join(el.itertext())) or None


def _is_layout_table(table: HtmlElement) -> bool:
    """A table used for page layout rather than data: a single column, or cells that
    hold paragraphs, lists or other tables."""
    columns = 0
    for row in table.iter("tr"):
        cells = [c for c in row if c.tag in ("td", "th")]
        columns = max(columns, len(cells))
        for cell in cells:
            for child in cell.iterdescendants(*_TABLE_BLOCKS):
                if child.tag in ("p", "table", "blockquote") or len(child.text_content()) > 300:
                    return True
    return columns <= 1


def to_blocks(
    doc: Document,
    node: HtmlElement,
    skip: Collection[HtmlElement] = (),
    keep: Callable[[HtmlElement], bool] | None = None,
    sources: list[HtmlElement | None] | None = None,
) -> list[Block]:
    """The Blocks of ``node``'s content, leaving out ``skip`` elements (and subtrees)
    and any element for which ``keep`` returns False.

    When ``sources`` is given, it is extended with the element each block was read
    from (one per block, in order; None when unknown)."""
    origins: dict[int, HtmlElement] | None = {} if sources is not None else None
    walker = _Walker(doc, skip, keep, origins)
    walker.walk(node)
    walker.flush()
    if sources is not None and origins is not None:
        sources.extend(origins.get(id(block)) for block in walker.blocks)
    return walker.blocks

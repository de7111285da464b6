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

from newsparse.document import Document
from newsparse.extract.dom import HtmlElement, norm_space, page_index
from newsparse.models import (
    Block,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Table,
)
from newsparse.render import code_span, escape_markdown, safe_url

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

    def add(self, text: str, md: str | None = None) -> None:
        self.text.append(text)
        self.md.append(escape_markdown(text) if md is None else md)

    def result(self) -> tuple[str, str]:
        return _squash("".join(self.text)), _squash("".join(self.md))


#: Zero-width characters and soft hyphens, dropped from text.
_INVISIBLE_CHARS = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _squash(text: str) -> str:
    """Whitespace runs to one space within lines; blank lines dropped."""
    if not text.isascii():  # the invisible characters are not ASCII
        text = _INVISIBLE_CHARS.sub("", text)
    if "\n" not in text:
        return " ".join(text.split())
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


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

    # ---------------------------------------------------------------- helpers
    def skipped(self, el: HtmlElement) -> bool:
        tag = el.tag
        if not isinstance(tag, str) or tag in DROP_TAGS or el in self.skip:
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
        text = _squash("".join(pending.text))
        # whitespace between blocks gives no paragraph, and neither does decoration with
        # no letter or digit in it (an icon emoji, "***", a lone bullet)
        if text and _has_word(text):
            self.add(Paragraph(text=text, markdown=_squash("".join(pending.md))), self.here)

    def add(self, block: Block, source: HtmlElement | None) -> None:
        """Append ``block``, noting ``source`` when sources are recorded."""
        self.blocks.append(block)
        if self.origins is not None and source is not None:
            self.origins[id(block)] = source

    # ---------------------------------------------------------------- inline
    def inline(self, el: HtmlElement, out: _Inline) -> None:
        """Append the inline rendering of el's content (not its tail) to out."""
        if el.text:
            out.add(el.text)
        for child in el:
            if not self.skipped(child):
                self.inline_element(child, out)
            if child.tail:
                out.add(child.tail)

    def inline_element(self, el: HtmlElement, out: _Inline) -> None:
        tag = el.tag
        if tag == "br":
            out.add("\n", "\n")
            return
        if tag == "img":
            return
        if tag in BLOCK_TAGS:
            # a block element inside inline context (e.g. <p> in <li>): line break around it
            out.add("\n", "\n")
            self.inline(el, out)
            out.add("\n", "\n")
            return
        inner = _Inline()
        self.inline(el, inner)
        text = "".join(inner.text)
        md = "".join(inner.md)
        if not text.strip():
            out.add(text, md)
            return
        if tag == "a":
            href = safe_url(self.doc.absolute(el.get("href")))
            md = f"[{md.strip()}]({href})" if href else md
        elif tag in _INLINE_MD:
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
        if tag not in BLOCK_TAGS and tag not in ("img", "br"):
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
            inner = _Inline()
            self.inline(el, inner)
            text, md = inner.result()
            if text:
                self.add(
                    Heading(
                        level=HEADINGS[tag],
                        text=text.replace("\n", " "),
                        markdown=md.replace("\n", " "),
                    ),
                    el,
                )
        elif tag in ("ul", "ol"):
            self.flush()
            self.list_block(el, ordered=tag == "ol")
        elif tag == "blockquote":
            self.flush()
            inner = _Inline()
            self.inline(el, inner)
            text, md = inner.result()
            if text:
                self.add(Quote(text=text, markdown=md, cite=el.get("cite") or None), el)
        elif tag == "table":
            self.flush()
            if _is_layout_table(el):
                self.walk_table_cells(el)
            else:
                self.table(el)
        elif tag in ("figure", "img", "picture"):
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

    def list_block(self, el: HtmlElement, ordered: bool) -> None:
        items: list[str] = []
        items_md: list[str] = []
        for li in el:
            if not isinstance(li.tag, str) or self.skipped(li):
                continue
            inner = _Inline()
            if li.tag == "li":
                self.inline(li, inner)
            else:
                self.inline_element(li, inner)
            text, md = inner.result()
            if text:
                items.append(text)
                items_md.append(md)
        if items:
            self.add(ListBlock(ordered=ordered, items=items, items_markdown=items_md), el)

    def table(self, el: HtmlElement) -> None:
        rows: list[list[str]] = []
        header_rows = 0
        caption = None
        for node in el.iter("tr", "caption"):
            if node.tag == "caption":
                caption = norm_space(node.text_content()) or None
                continue
            if self._nested_table(node, el):
                continue
            cells = []
            all_th = True
            for cell in node:
                if cell.tag not in ("td", "th") or self.skipped(cell):
                    continue
                inner = _Inline()
                self.inline(cell, inner)
                cells.append(inner.result()[0].replace("\n", " "))
                section = cell.getparent().getparent()
                all_th = all_th and (cell.tag == "th" or section.tag == "thead")
            if any(cells):
                if all_th and header_rows == len(rows):
                    header_rows += 1
                rows.append(cells)
        if rows:
            self.add(Table(rows=rows, header_rows=header_rows, caption=caption), el)

    @staticmethod
    def _nested_table(tr: HtmlElement, table: HtmlElement) -> bool:
        node = tr.getparent()
        while node is not None and node is not table:
            if node.tag == "table":
                return True
            node = node.getparent()
        return False

    def figure(self, el: HtmlElement) -> None:
        img = el if el.tag == "img" else next(el.iter("img"), None)
        src = alt = None
        if img is not None:
            raw = (
                img.get("data-src")
                or img.get("data-lazy-src")
                or img.get("data-original")
                or img.get("src")
            )
            if raw and raw.startswith("data:"):
                raw = img.get("data-src") or None
            src = self.doc.absolute(raw)
            alt = norm_space(img.get("alt")) or None
        caption = None
        inner: list[Block] = []
        if el.tag == "figure":
            cap = next(el.iter("figcaption"), None)
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
                    and not self.skipped(child)
                    and _has_text(child)
                ):
                    self.element(child)
            self.flush()
            self.blocks = outer
        if src or caption:
            self.add(Figure(src=src, alt=alt, caption=caption), el)
        self.blocks.extend(inner)

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


_MEDIA = frozenset({"figcaption", "img", "picture", "video", "audio", "source", "noscript"})
_TABLE_BLOCKS = frozenset({"p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "blockquote"})


def _ends_with_break(pieces: list[str]) -> bool:
    """Whether the text gathered so far ends with a line break (spaces aside)."""
    for piece in reversed(pieces):
        if piece.strip(" \t\r\xa0"):
            return piece.rstrip(" \t\r\xa0").endswith("\n")
    return False


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

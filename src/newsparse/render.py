"""Text and Markdown renderings of the body.

Markdown output is safe to render: text that looks like Markdown or HTML is
escaped, and links keep only http(s)/mailto targets (never ``javascript:`` or
``data:``). No raw HTML from the page is ever emitted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from newsparse.models import Article

__all__ = [
    "article_markdown",
    "block_text",
    "blocks_markdown",
    "blocks_text",
    "escape_markdown",
    "safe_url",
]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])(?=\s|$)")


def escape_markdown(text: str) -> str:
    """Escape characters that Markdown or HTML would interpret in ``text``."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = text.replace("&", "&amp;") if "&" in text and re.search(r"&#?\w+;", text) else text
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) or mailto URL (or relative), else None."""
    if not url:
        return None
    url = url.strip()
    lowered = re.sub(r"[\x00-\x20]", "", url).lower()
    if ":" in lowered.split("/", 1)[0] and not lowered.startswith(("http:", "https:", "mailto:")):
        return None
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def block_text(block: Block) -> str:
    """Plain text of one block."""
    if isinstance(block, (Paragraph, Heading, Quote, CodeBlock)):
        return block.text
    if isinstance(block, ListBlock):
        return "\n".join(block.items)
    if isinstance(block, Table):
        return "\n".join(" | ".join(cell for cell in row) for row in block.rows)
    if isinstance(block, Figure):
        return block.caption or ""
    return ""  # pragma: no cover - exhaustive


def blocks_text(blocks: Iterable[Block], *, figures: bool = False) -> str:
    """Plain text of ``blocks``, separated by a blank line.

    Figure captions are left out unless ``figures`` is true: they are credits and
    captions, not running text.
    """
    parts = []
    for block in blocks:
        if isinstance(block, Figure) and not figures:
            continue
        text = block_text(block)
        if text:
            parts.append(text)
    return "\n\n".join(parts)


def _table_markdown(block: Table) -> str:
    if not block.rows:
        return ""
    width = max(len(r) for r in block.rows)

    def cell(text: str) -> str:
        return escape_markdown(text).replace("\n", " ")

    rows = [[cell(c) for c in r] + [""] * (width - len(r)) for r in block.rows]
    header, body = (rows[0], rows[1:]) if block.header_rows else ([""] * width, rows)
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in body]
    if block.caption:
        lines.append("")
        lines.append("*" + escape_markdown(block.caption) + "*")
    return "\n".join(lines)


def _block_markdown(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.markdown
    if isinstance(block, Heading):
        return "#" * block.level + " " + block.markdown
    if isinstance(block, ListBlock):
        lines = []
        for i, item in enumerate(block.items_markdown, 1):
            marker = f"{i}." if block.ordered else "-"
            lines.append(f"{marker} " + item.replace("\n", "\n   "))
        return "\n".join(lines)
    if isinstance(block, Quote):
        quoted = "\n".join("> " + line if line else ">" for line in block.markdown.split("\n"))
        if block.cite:
            quoted += "\n>\n> — " + escape_markdown(block.cite)
        return quoted
    if isinstance(block, Table):
        return _table_markdown(block)
    if isinstance(block, Figure):
        src = safe_url(block.src)
        alt = escape_markdown(block.alt or "")
        out = f"![{alt}]({src})" if src else ""
        if block.caption:
            out += ("\n\n" if out else "") + "*" + escape_markdown(block.caption) + "*"
        return out
    if isinstance(block, CodeBlock):
        fence = "```"
        while fence in block.text:
            fence += "`"
        lang = re.sub(r"[^\w+.-]", "", block.language or "")
        return f"{fence}{lang}\n{block.text}\n{fence}"
    return ""  # pragma: no cover - exhaustive


def blocks_markdown(blocks: Iterable[Block]) -> str:
    """Markdown of ``blocks``, separated by a blank line."""
    return "\n\n".join(md for md in (_block_markdown(b) for b in blocks) if md)


def article_markdown(article: Article) -> str:
    """The article's title as an h1, then its body as Markdown."""
    parts = []
    if article.title:
        parts.append("# " + escape_markdown(article.title))
    body = blocks_markdown(article.body)
    if body:
        parts.append(body)
    return "\n\n".join(parts) + "\n"

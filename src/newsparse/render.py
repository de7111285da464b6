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
    "block_markdown",
    "block_text",
    "blocks_markdown",
    "blocks_text",
    "code_span",
    "escape_markdown",
    "safe_url",
]

#: Characters with a meaning in inline Markdown (or HTML), escaped anywhere in text.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
#: Line starts that would open a block: ATX heading, quote, list item, setext underline.
_MD_LINE_START = re.compile(r"^([ \t]*(?:\d+)?)([#>+\-=]|(?<=\d)[.)])", re.MULTILINE)
#: Anything escape_markdown would change (a quick test for the common plain text), as
#: three tests that are quicker together than the one pattern: a special character
#: anywhere, a block marker at the start of the text or after a newline.
_NEEDS_ESCAPE_CHAR = re.compile(r"[\\`*_\[\]<>|~&]")
_NEEDS_ESCAPE_START = re.compile(r"[ \t]*(?:\d+[.)]|[#>+\-=])")
_NEEDS_ESCAPE_LINE = re.compile(r"\n[ \t]*(?:\d+[.)]|[#>+\-=])")
_ENTITY = re.compile(r"&(#?\w+;)")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")
#: URL characters percent-encoded in link targets, so a target can never close the
#: link, start a title or carry markup.
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f()<>\"'`\\{}|^\[\]]")
_SAFE_SCHEMES = ("http:", "https:", "mailto:")
_BACKTICKS = re.compile(r"`+")
_BARE_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/)\S*$", re.IGNORECASE)


def escape_markdown(text: str) -> str:
    """Escape what Markdown or HTML would interpret in ``text``: emphasis, links,
    code, tags and entities anywhere, and block markers at the start of any line."""
    if (
        _NEEDS_ESCAPE_CHAR.search(text) is None
        and _NEEDS_ESCAPE_START.match(text) is None
        and ("\n" not in text or _NEEDS_ESCAPE_LINE.search(text) is None)
    ):
        return text
    text = _MD_SPECIAL.sub(r"\\\1", text)
    if "&" in text:
        text = _ENTITY.sub(r"&amp;\1", text)
    return _MD_LINE_START.sub(r"\1\\\2", text)


def code_span(text: str) -> str:
    """``text`` as an inline code span: a backtick fence longer than any run inside,
    padded when the text starts or ends with a backtick."""
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def safe_url(url: str | None) -> str | None:
    """``url`` as a Markdown link target if it is an http(s) or mailto URL or a
    relative one; None for any other scheme (``javascript:``, ``data:``, ``vbscript:``...).

    Control characters and whitespace are ignored when reading the scheme (browsers
    ignore them too), and characters that could end the target or add markup are
    percent-encoded.
    """
    if not url:
        return None
    url = url.strip()
    compact = _CONTROL.sub("", url).lower()
    if not compact:
        return None
    head = compact.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if ":" in head and not compact.startswith(_SAFE_SCHEMES):
        return None
    if compact.startswith("&") or "&colon;" in compact[:20] or "&#" in compact[:20]:
        return None  # an entity-encoded scheme that a renderer might decode
    return _URL_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", url)


def block_text(block: Block) -> str:
    """Plain text of one block."""
    if isinstance(block, Quote):
        # the attribution is text of the article, on its own line after the quote; a bare
        # URL from the cite attribute is a reference, not text
        if block.cite and not _BARE_URL.match(block.cite):
            return f"{block.text}\n— {block.cite}"
        return block.text
    if isinstance(block, (Paragraph, Heading, CodeBlock)):
        return block.text
    if isinstance(block, ListBlock):
        # one line per item, nested items after their parent, depth first
        return "\n".join(item.text for _, item in block.walk() if item.text)
    if isinstance(block, Table):
        # empty cells are layout, not text: "Issuer | Reserves", never "Issuer |  | Reserves"
        return "\n".join(" | ".join(cell for cell in row if cell) for row in block.rows)
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
    # a Markdown table must open with a header row: a table without one (header_rows 0)
    # shows its first row there rather than an empty one; further header rows and the
    # footer rows follow as rows (Markdown has no other place for them)
    header, body = rows[0], rows[1:]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in body]
    if block.caption:
        lines.append("")
        lines.append("*" + escape_markdown(block.caption) + "*")
    return "\n".join(lines)


def _list_markdown(block: ListBlock) -> str:
    """A list; an item's continuation lines and nested lists are indented to the
    column of its content (2 after "- ", 3 after "1. ", 4 after "10. ")."""
    lines = []
    for i, item in enumerate(block.items, 1):
        marker = f"{i}." if block.ordered else "-"
        pad = "\n" + " " * (len(marker) + 1)
        parts = [item.markdown] if item.markdown else []
        parts += [_list_markdown(child) for child in item.children]
        lines.append(f"{marker} " + "\n".join(parts).replace("\n", pad))
    return "\n".join(lines)


def block_markdown(block: Block) -> str:
    """Markdown of one block."""
    if isinstance(block, Paragraph):
        return block.markdown
    if isinstance(block, Heading):
        return "#" * block.level + " " + block.markdown
    if isinstance(block, ListBlock):
        return _list_markdown(block)
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
    return "\n\n".join(md for md in (block_markdown(b) for b in blocks) if md)


def article_markdown(article: Article) -> str:
    """The article's title as an h1, then its body as Markdown."""
    parts = []
    if article.title:
        parts.append("# " + escape_markdown(article.title))
    body = blocks_markdown(article.body)
    if body:
        parts.append(body)
    return "\n\n".join(parts) + "\n"

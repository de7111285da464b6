"""The extractors the comparison benchmark runs, each through its standard main-text API.

Every adapter is a :class:`Tool`: what input it takes (decoded ``str`` or raw
``bytes``), the distributions whose versions the report names, and ``load()``,
which imports the library (so a missing peer is reported, not fatal) and returns
``extract(data, url) -> str``.  Only that call is timed.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["BASELINE_ENV", "TOOLS", "Extract", "Tool", "resolve"]

#: The environment variable naming the ``src`` folder of another newsparse checkout
#: (e.g. main before a change): the ``newsparse-baseline`` tool imports newsparse from
#: there, so a before/after pair is measured in one run.
BASELINE_ENV = "NEWSPARSE_BASELINE_SRC"

Extract = Callable[[Any, "str | None"], str]
"""extract(page, url) -> main text; ``page`` is str or bytes as the tool's ``input`` says."""


@dataclass(frozen=True)
class Tool:
    """One extractor under test."""

    name: str
    """Name used on the command line and in the table."""

    input: str
    """``"str"`` (the page decoded as UTF-8) or ``"bytes"`` (the raw page)."""

    dists: tuple[str, ...]
    """Distributions whose versions identify the run, main one first."""

    call: str
    """The API call measured, as shown in the report."""

    loader: Callable[[], Extract]
    """Imports the library and returns the extract function."""

    def load(self) -> Extract:
        """Import the library and return its extract function (ImportError if absent)."""
        return self.loader()


def _newsparse() -> Extract:
    parse = importlib.import_module("newsparse").parse

    def extract(page: Any, url: str | None) -> str:
        return str(parse(page, url).text)

    return extract


def _newsparse_baseline() -> Extract:
    src = os.environ.get(BASELINE_ENV)
    if not src:
        raise ImportError(f"no baseline: set {BASELINE_ENV} (compare.py --baseline SRC)")
    sys.path.insert(0, src)
    module = importlib.import_module("newsparse")
    if not str(module.__file__).startswith(os.path.abspath(src)):
        raise ImportError(f"newsparse was imported from {module.__file__}, not {src}")
    parse = module.parse

    def extract(page: Any, url: str | None) -> str:
        return str(parse(page, url).text)

    return extract


def _trafilatura_fast() -> Extract:
    trafilatura_extract = importlib.import_module("trafilatura").extract

    def extract(page: Any, url: str | None) -> str:
        return trafilatura_extract(page, include_comments=False, fast=True) or ""

    return extract


def _trafilatura() -> Extract:
    trafilatura_extract = importlib.import_module("trafilatura").extract

    def extract(page: Any, url: str | None) -> str:
        return trafilatura_extract(page, include_comments=False) or ""

    return extract


def _readability() -> Extract:
    document_cls = importlib.import_module("readability").Document
    to_text = _html_to_text()

    def extract(page: Any, url: str | None) -> str:
        return to_text(document_cls(page).summary(html_partial=True))

    return extract


def _html_to_text() -> Callable[[str], str]:
    """The HTML-to-text step after readability: html-text when installed, else plain lxml.

    The article-extraction-benchmark turns readability's summary into text with
    html-text (lxml-based, a line break between blocks); without it, an lxml walk
    that also separates blocks, so words of adjacent paragraphs never fuse.
    """
    try:
        html_text = importlib.import_module("html_text")
    except ImportError:
        return _lxml_text
    result: Callable[[str], str] = html_text.extract_text
    return result


_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)


def _lxml_text(html: str) -> str:
    """Visible text of an HTML fragment, with a line break around block elements."""
    import lxml.html
    from lxml import etree

    if not html.strip():
        return ""
    root = lxml.html.fromstring(html)
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""  # comments and PIs: no text
        if event == "start":
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.text and tag and tag not in ("script", "style"):
                parts.append(el.text)
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


def _resiliparse() -> Extract:
    extract_plain_text = importlib.import_module("resiliparse.extract.html2text").extract_plain_text

    def extract(page: Any, url: str | None) -> str:
        return str(extract_plain_text(page, main_content=True))

    return extract


def _newspaper4k() -> Extract:
    article_cls = importlib.import_module("newspaper").Article

    def extract(page: Any, url: str | None) -> str:
        # fetch_images=False: the default would fetch the top image over the network.
        article = article_cls(url or "https://example.com/", fetch_images=False)
        article.download(input_html=page)
        article.parse()
        return str(article.text or "")

    return extract


TOOLS: dict[str, Tool] = {
    tool.name: tool
    for tool in (
        Tool("newsparse", "str", ("newsparse",), "newsparse.parse(html, url).text", _newsparse),
        Tool(
            "newsparse-bytes",
            "bytes",
            ("newsparse",),
            "newsparse.parse(page_bytes, url).text (decoding included)",
            _newsparse,
        ),
        Tool(
            "trafilatura",
            "str",
            ("trafilatura",),
            "trafilatura.extract(html, include_comments=False)",
            _trafilatura,
        ),
        Tool(
            "trafilatura-fast",
            "str",
            ("trafilatura",),
            "trafilatura.extract(html, include_comments=False, fast=True)",
            _trafilatura_fast,
        ),
        Tool(
            "readability-lxml",
            "str",
            ("readability-lxml", "html-text"),
            "html_text.extract_text(Document(html).summary(html_partial=True))",
            _readability,
        ),
        Tool(
            "resiliparse",
            "str",
            ("resiliparse",),
            "extract_plain_text(html, main_content=True)",
            _resiliparse,
        ),
        Tool(
            "newspaper4k",
            "str",
            ("newspaper4k",),
            "Article(url, fetch_images=False); download(input_html=html); parse(); .text",
            _newspaper4k,
        ),
        Tool(
            "newsparse-baseline",
            "bytes",
            ("newsparse",),
            f"newsparse.parse(page_bytes, url).text, newsparse imported from ${BASELINE_ENV}",
            _newsparse_baseline,
        ),
    )
}

_ALIASES = {"readability": "readability-lxml", "newspaper": "newspaper4k"}


def resolve(name: str) -> Tool:
    """The tool called ``name`` (a few short aliases accepted); KeyError if unknown."""
    return TOOLS[_ALIASES.get(name, name)]

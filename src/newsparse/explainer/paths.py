"""Selectors for page elements."""

from __future__ import annotations

from newsparse.extract.dom import HtmlElement

__all__ = ["path_of"]


def path_of(el: HtmlElement) -> str:
    """An absolute XPath (``/html/body/div[2]/p[3]``) that finds ``el`` again with lxml
    in the page it was parsed from."""
    return str(el.getroottree().getpath(el))

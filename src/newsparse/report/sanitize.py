"""Make a parsed page inert for display: nothing in it can run, load or navigate.

An allow-list, applied in place to an lxml tree: elements outside :data:`KEPT_TAGS`
are either removed with their content (:data:`REMOVED_TAGS`: scripts, styles,
frames, objects, media, forms' controls, ``<base>``, ``<meta>``, ``<link>``, SVG and
MathML) or renamed to ``<div>`` (unknown and custom elements, ``<form>``), so their
text stays; every attribute outside :data:`KEPT_ATTRIBUTES` is dropped (event handlers,
``style``, ``src``, ``srcset``, ``href``, ``action``, ``class``, ``id``, ``data-*``).
Images become a text placeholder unless their source is a ``data:`` raster image.
A link keeps its target only as hover text (``title``), never as ``href``.
"""

from __future__ import annotations

import re

from lxml import etree

from newsparse.extract.dom import HtmlElement

__all__ = ["KEPT_ATTRIBUTES", "KEPT_TAGS", "REMOVED_TAGS", "sanitize"]

KEPT_TAGS = frozenset(
    {
        "html", "body", "div", "span", "p", "br", "hr", "a", "h1", "h2", "h3", "h4", "h5",
        "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr",
        "td", "th", "caption", "colgroup", "col", "blockquote", "pre", "code", "kbd", "samp",
        "var", "em", "strong", "b", "i", "u", "s", "del", "ins", "small", "big", "sup", "sub",
        "mark", "abbr", "cite", "q", "dfn", "time", "figure", "figcaption", "article",
        "section", "main", "header", "footer", "nav", "aside", "address", "details",
        "summary", "center", "font", "img", "label", "wbr", "bdi", "bdo", "ruby", "rt", "rp",
        "tt", "strike", "hgroup", "data",
    }
)  # fmt: skip
"""Elements kept as they are (with their kept attributes)."""

REMOVED_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
        "embed", "applet", "param", "base", "meta", "link", "head", "title", "svg", "math",
        "audio", "video", "source", "track", "canvas", "map", "area", "input", "select",
        "option", "optgroup", "textarea", "button", "datalist", "output", "keygen",
        "portal", "dialog", "slot", "image", "picture", "xmp", "plaintext", "noembed",
        "noframes", "marquee", "bgsound", "fencedframe",
    }
)  # fmt: skip
"""Elements removed with everything inside them (but see :data:`VOID_TAGS`)."""

VOID_TAGS = frozenset(
    {"embed", "source", "track", "param", "area", "input", "keygen", "image", "link", "meta",
     "base", "bgsound", "img", "br", "hr", "wbr", "col"}
)  # fmt: skip
"""Elements that hold nothing: what the HTML parser put inside one (libxml2 does not know
``<embed>`` or ``<source>`` are empty) is the page's following content, kept."""

KEPT_ATTRIBUTES = frozenset(
    {"alt", "title", "colspan", "rowspan", "datetime", "lang", "dir", "start", "reversed",
     "open", "abbr", "scope", "headers", "cite"}
)  # fmt: skip
"""Attributes kept on kept elements (none of them loads, runs or navigates anything)."""

#: A data: URL of a raster image (an SVG image could hold links to remote resources).
_DATA_IMAGE = re.compile(
    r"^data:image/(?:png|gif|jpeg|jpg|webp|avif|bmp);base64,[A-Za-z0-9+/=\s]+$"
)
#: Attributes whose value is a URL: a ``cite`` URL is kept only as plain text.
_URL_ATTRIBUTES = frozenset({"cite"})


def sanitize(root: HtmlElement, keep: set[HtmlElement] | None = None) -> list[HtmlElement]:
    """Make ``root``'s tree inert, in place.

    Elements in ``keep`` (annotated regions) are never removed: a removed-kind element
    among them is emptied and renamed to ``<div>`` with a ``[tag]`` placeholder text, so
    its highlight still shows where it was.  Returns the placeholders made that way.
    """
    keep = keep or set()
    placeholders: list[HtmlElement] = []
    # removals first (a list: the tree changes under the walk)
    doomed = [el for el in root.iter() if not isinstance(el.tag, str) or el.tag in REMOVED_TAGS]
    for el in doomed:
        if el.getparent() is None:
            continue
        if isinstance(el.tag, str) and el in keep:
            tag = el.tag
            for child in list(el):
                el.remove(child)
            el.text = f"[{tag}]"
            el.tag = "div"
            placeholders.append(el)
            continue
        if el.tag in VOID_TAGS and len(el):
            _unwrap(el)
        else:
            _drop(el)
    for el in root.iter(etree.Element):
        tag = el.tag
        if tag not in KEPT_TAGS:
            el.tag = "div"  # unknown, custom elements and <form>: keep the text
        href = el.get("href") if tag == "a" else None
        src = el.get("src") or el.get("data-src") if tag == "img" else None
        for name in list(el.attrib):
            if name not in KEPT_ATTRIBUTES or (name in _URL_ATTRIBUTES and ":" in el.get(name, "")):
                del el.attrib[name]
        if href:
            el.set("title", href[:300])  # shown on hover; the link itself is inert
        if tag == "img":
            _image(el, src)
    return placeholders


def _drop(el: HtmlElement) -> None:
    """Remove ``el`` and its subtree, keeping its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    previous = el.getprevious()
    parent.remove(el)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _unwrap(el: HtmlElement) -> None:
    """Replace ``el`` by its children (its own text dropped)."""
    parent = el.getparent()
    if parent is None:
        return
    at = parent.index(el)
    for i, child in enumerate(list(el)):
        parent.insert(at + 1 + i, child)
    el.text = None
    _drop(el)


def _image(el: HtmlElement, src: str | None) -> None:
    """Keep an inline raster image; show any other as a text placeholder."""
    if src and _DATA_IMAGE.match(src.strip()):
        el.set("src", src.strip())
        return
    alt = el.get("alt") or ""
    el.tag = "span"
    el.attrib.clear()
    el.set("title", "image (not loaded)")
    el.text = f"[image{': ' + alt[:120] if alt else ''}]"

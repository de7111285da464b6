# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The block walker's text gathering (``newsparse.extract.blocks._Walker.walk``,
``inline`` and ``inline_element``, and the paragraph text of ``flush``) in C.

``walk(walker, el)`` reads el's children as block context: its text and the children's
tails go to the walker's pending paragraph, inline children are gathered here, and
block, list, image and ``<br>`` children are handed to ``_Walker.element`` (Python),
with ``walker.here`` set as the Python walk sets it.

``inline(walker, el, out)`` appends to ``out`` (a ``blocks._Inline``) exactly the text
and Markdown pieces the Python methods append: ``el``'s text, each child's rendering
(the child left out when ``_Walker.skipped`` would leave it out) and each child's tail,
recursively.  Children, tags, text and tails are read from libxml2's nodes; an element
proxy is made only where Python needs one (a link's href, a nested list gathered by
``_Walker.list_of``, an element with a namespace).  Membership of an element in the
walker's ``skip`` / ``omit`` sets and its attributes in the page index are looked up by
the node's existing proxy (``c._private``): a node without a proxy is in no set and no
dict keyed by proxies.  A text piece's Markdown is the piece itself when
``needs_escape`` says ``escape_markdown`` would not change it, else
``escape_markdown``'s answer.  A walker with a ``keep`` callback is gathered by the
Python methods.  The Python methods stay the reference:
tests/unit/test_accel_gather.py compares the two.
"""

from libc.stdlib cimport free, malloc

from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Document, _Element, elementFactory, import_lxml__etree

from newsparse._accel.nodes cimport collect_text, is_element, same

from newsparse.render import code_span, escape_markdown, safe_url

import_lxml__etree()


cdef extern from "Python.h":
    bint Py_UNICODE_ISDECIMAL(Py_UCS4 ch)
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch)
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch)
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)
    int PyUnicode_4BYTE_KIND


# ------------------------------------------------------------------ tags

cdef enum:
    K_OTHER = 0
    K_DROP = 1    # blocks.DROP_TAGS: always skipped
    K_BR = 2
    K_IMAGE = 3   # blocks._IMAGE_TAGS
    K_LIST = 4    # ul, ol (block tags too)
    K_BLOCK = 5   # the other blocks.BLOCK_TAGS
    K_A = 6
    K_BOLD = 7    # strong, b
    K_ITALIC = 8  # em, i
    K_CODE = 9


cdef int _kind(const char* n) noexcept:
    """What the gathering needs to know of the tag ``n`` (an HTML element's name)."""
    cdef char c0 = n[0]
    if c0 == 0:
        return K_OTHER
    if n[1] == 0:  # one letter
        if c0 == b"a":
            return K_A
        if c0 == b"b":
            return K_BOLD
        if c0 == b"i":
            return K_ITALIC
        if c0 == b"p":
            return K_BLOCK
        return K_OTHER
    # DROP_TAGS first: nav, iframe, audio, video and dialog are block tags too, and a
    # dropped element is skipped before its block-ness is ever asked
    if (
        same(n, b"script") or same(n, b"style") or same(n, b"noscript")
        or same(n, b"template") or same(n, b"svg") or same(n, b"math")
        or same(n, b"button") or same(n, b"input") or same(n, b"select")
        or same(n, b"textarea") or same(n, b"option") or same(n, b"label")
        or same(n, b"nav") or same(n, b"iframe") or same(n, b"object")
        or same(n, b"embed") or same(n, b"canvas") or same(n, b"head")
        or same(n, b"title") or same(n, b"meta") or same(n, b"link")
        or same(n, b"audio") or same(n, b"video") or same(n, b"source")
        or same(n, b"track") or same(n, b"map") or same(n, b"dialog")
    ):
        return K_DROP
    if same(n, b"br"):
        return K_BR
    if same(n, b"img") or same(n, b"amp-img") or same(n, b"amp-anim"):
        return K_IMAGE
    if same(n, b"ul") or same(n, b"ol"):
        return K_LIST
    if same(n, b"strong"):
        return K_BOLD
    if same(n, b"em"):
        return K_ITALIC
    if same(n, b"code"):
        return K_CODE
    if c0 == b"h" and n[2] == 0 and b"1" <= n[1] <= b"6":
        return K_BLOCK
    if (
        same(n, b"address") or same(n, b"article") or same(n, b"aside")
        or same(n, b"blockquote") or same(n, b"center") or same(n, b"dd")
        or same(n, b"details") or same(n, b"div") or same(n, b"dl") or same(n, b"dt")
        or same(n, b"fieldset") or same(n, b"figcaption") or same(n, b"figure")
        or same(n, b"footer") or same(n, b"form") or same(n, b"header")
        or same(n, b"hgroup") or same(n, b"hr") or same(n, b"li") or same(n, b"main")
        or same(n, b"pre") or same(n, b"section") or same(n, b"summary")
        or same(n, b"table") or same(n, b"tbody") or same(n, b"td") or same(n, b"tfoot")
        or same(n, b"th") or same(n, b"thead") or same(n, b"tr") or same(n, b"body")
        or same(n, b"html") or same(n, b"caption") or same(n, b"picture")
    ):
        return K_BLOCK
    return K_OTHER


def kind_of(bytes name):
    """The kind number of a tag name (for the tests: it must agree with blocks.py's sets)."""
    return _kind(name)


# ------------------------------------------------------------------ escaping

cdef inline bint _marker_at(str text, Py_ssize_t i, Py_ssize_t n) noexcept:
    # render._NEEDS_ESCAPE_START matched at i: [ \t]*(?:\d+[.)]|[#>+\-=]) (no
    # backtracking can help it: fewer spaces or digits leave one where the rest fails)
    cdef Py_UCS4 ch
    while i < n and (text[i] == u" " or text[i] == u"\t"):
        i += 1
    if i >= n:
        return False
    ch = text[i]
    if Py_UNICODE_ISDECIMAL(ch):  # re's \d on str: a Unicode decimal digit
        while i < n and Py_UNICODE_ISDECIMAL(text[i]):
            i += 1
        return i < n and (text[i] == u"." or text[i] == u")")
    return ch == u"#" or ch == u">" or ch == u"+" or ch == u"-" or ch == u"="


cdef bint _needs_escape(str text) noexcept:
    cdef Py_ssize_t i, n = len(text)
    cdef Py_UCS4 ch
    cdef bint newline = False
    for i in range(n):
        ch = text[i]
        if (
            ch == u"\\" or ch == u"`" or ch == u"*" or ch == u"_" or ch == u"["
            or ch == u"]" or ch == u"<" or ch == u">" or ch == u"|" or ch == u"~"
            or ch == u"&"
        ):
            return True
        if ch == u"\n":
            newline = True
    if _marker_at(text, 0, n):
        return True
    if newline:
        for i in range(n):
            if text[i] == u"\n" and _marker_at(text, i + 1, n):
                return True
    return False


def needs_escape(str text):
    """Whether ``render.escape_markdown(text)`` would change ``text`` (its quick test)."""
    return _needs_escape(text)


cdef inline object _md(str text):
    return escape_markdown(text) if _needs_escape(text) else text


# ------------------------------------------------------------------ paragraphs

cdef inline bint _invisible(Py_UCS4 ch) noexcept:
    # blocks._INVISIBLE_LIST: zero-width characters and the soft hyphen
    return (
        ch == 0x200B or ch == 0x200C or ch == 0x200D or ch == 0x2060 or ch == 0xFEFF
        or ch == 0xAD
    )


def squash(str text not None):
    """``blocks._squash_python``: invisible characters dropped, whitespace runs to one
    space within lines (str.split()'s whitespace), lines stripped, blank lines dropped.
    One pass; ``text`` itself when nothing changes."""
    cdef Py_ssize_t i, n = len(text), out = 0
    cdef Py_UCS4 ch
    cdef bint word = False  # the line has a word already
    cdef bint lines = False  # a line with a word came before this one
    cdef bint space = False  # whitespace since the line's last word
    cdef Py_UCS4* buf
    if n == 0:
        return text
    buf = <Py_UCS4*>malloc(n * sizeof(Py_UCS4))
    if buf is NULL:
        raise MemoryError()
    try:
        for i in range(n):
            ch = text[i]
            if ch == u"\n":
                if word:
                    lines = True
                word = False
                space = False
            elif _invisible(ch):
                continue
            elif Py_UNICODE_ISSPACE(ch):
                space = word
            else:
                if not word:
                    if lines:
                        buf[out] = u"\n"
                        out += 1
                    word = True
                elif space:
                    buf[out] = u" "
                    out += 1
                space = False
                buf[out] = ch
                out += 1
        if out == n:
            for i in range(n):
                if buf[i] != text[i]:
                    break
            else:
                return text
        return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, out)
    finally:
        free(buf)


def has_word(str text not None):
    """``blocks._has_word``: a letter or digit (str.isalnum) in ``text``."""
    cdef Py_UCS4 ch
    for ch in text:
        if Py_UNICODE_ISALNUM(ch):
            return True
    return False


def paragraph(list texts not None, list mds not None):
    """``_Walker.flush``'s (text, markdown) of the pieces gathered, or None when the
    text is empty or has no letter or digit."""
    text = squash("".join(texts))
    if not text or not has_word(text):
        return None
    return text, squash("".join(mds)).replace("\n", "\\\n")


# ------------------------------------------------------------------ the walk

cdef class _Walk:
    """One gathering: the walker's sets and the page, read once."""

    cdef object walker, skip, omit, attrs, absolute
    cdef _Document doc

    cdef bint skipped(self, tree.xmlNode* c) except -1:
        """``_Walker.skipped`` of the element (or comment...) node c."""
        cdef object proxy, attrib, style
        if c.type != tree.XML_ELEMENT_NODE:
            return True  # a comment, processing instruction or entity: no str tag
        if c.ns is not NULL:
            return self.walker.skipped(elementFactory(self.doc, c))
        if _kind(<const char*>c.name) == K_DROP:
            return True
        if c._private is NULL:
            return False  # no proxy: in no set, no attributes in the page index
        proxy = <object>c._private
        if proxy in self.skip or proxy in self.omit:
            return True
        attrib = self.attrs.get(proxy)
        if attrib:
            if "hidden" in attrib or attrib.get("aria-hidden") == "true":
                return True
            style = attrib.get("style")
            if style and "display:none" in style.replace(" ", "").lower():
                return True
        return False

    cdef int inline(self, tree.xmlNode* el, object out) except -1:
        """``_Walker.inline``: el's text, its children's renderings and their tails."""
        cdef list texts = out.text, mds = out.md
        cdef tree.xmlNode* c
        cdef object piece = collect_text(el.children)
        if piece:
            texts.append(piece)
            mds.append(_md(piece))
        c = el.children
        while c is not NULL:
            if is_element(c):
                if not self.skipped(c):
                    self.element(c, out)
                piece = collect_text(c.next)
                if piece:
                    texts.append(piece)
                    mds.append(_md(piece))
            c = c.next
        return 0

    cdef int element(self, tree.xmlNode* c, object out) except -1:
        """``_Walker.inline_element`` of the element node c (not skipped)."""
        cdef int kind
        cdef object inner, text, md, joined, href
        cdef list texts, mds
        if c.ns is not NULL:
            self.walker.inline_element_python(elementFactory(self.doc, c), out)
            return 0
        kind = _kind(<const char*>c.name)
        if kind == K_BR:
            out.text.append("\n")
            out.md.append("\n")
            return 0
        if kind == K_IMAGE:
            return 0
        if kind == K_DROP or (kind == K_LIST and out.lists is not None):
            # (a dropped element never comes here: the callers skip it first)
            self.walker.inline_element_python(elementFactory(self.doc, c), out)
            return 0
        if kind == K_LIST or kind == K_BLOCK:
            texts, mds = out.text, out.md
            texts.append("\n")
            mds.append("\n")
            self.inline(c, out)
            texts.append("\n")
            mds.append("\n")
            return 0
        inner = type(out)(lists=out.lists, bold=out.bold)
        self.inline(c, inner)
        text = "".join(inner.text)
        joined = "".join(inner.md)
        if not text.strip():
            out.text.append(text)
            out.md.append(joined)
            return 0
        md = joined
        if kind == K_A:
            href = safe_url(self.absolute(elementFactory(self.doc, c).get("href")))
            if href:
                md = f"[{md.strip()}]({href})"
        elif kind == K_BOLD:
            if out.bold:
                md = f"**{md.strip()}**"
        elif kind == K_ITALIC:
            md = f"*{md.strip()}*"
        elif kind == K_CODE:
            md = code_span(text.strip())
        out.text.append(text)
        if md != joined:
            md = (" " if text[:1].isspace() else "") + md + (" " if text[len(text) - 1:].isspace() else "")
        out.md.append(md)
        return 0


    cdef int walk(self, _Element top) except -1:
        """``_Walker.walk``: top's children as block context; inline children gathered
        here into the walker's pending paragraph, the others handed to
        ``_Walker.element``."""
        cdef object walker = self.walker
        cdef tree.xmlNode* el = top._c_node
        cdef tree.xmlNode* c
        cdef int kind
        cdef object piece
        walker.here = top
        piece = collect_text(el.children)
        if piece:
            self.add(walker.pending, piece)
        c = el.children
        while c is not NULL:
            if is_element(c):
                if not self.skipped(c):
                    walker.here = top
                    kind = K_BLOCK if c.ns is not NULL else _kind(<const char*>c.name)
                    if (
                        kind == K_OTHER or kind == K_A or kind == K_BOLD
                        or kind == K_ITALIC or kind == K_CODE
                    ):  # (_Walker.element: not a block, image or br tag: inline)
                        self.element(c, walker.pending)
                    else:
                        walker.element(elementFactory(self.doc, c))
                piece = collect_text(c.next)
                if piece:
                    walker.here = top
                    self.add(walker.pending, piece)
            c = c.next
        return 0

    cdef inline int add(self, object out, object piece) except -1:
        out.text.append(piece)
        out.md.append(_md(piece))
        return 0


cdef _Walk _start(object walker, _Element el):
    cdef _Walk walk = _Walk.__new__(_Walk)
    walk.walker = walker
    walk.skip = walker.skip
    walk.omit = walker.omit
    walk.attrs = walker.attrs
    walk.absolute = walker.doc.absolute
    walk.doc = el._doc
    return walk


def inline(walker, _Element el not None, out):
    """``walker.inline_python(el, out)``, compiled (the walker has no ``keep``)."""
    _start(walker, el).inline(el._c_node, out)


def walk(walker, _Element el not None):
    """``walker.walk_python(el)``, compiled (the walker has no ``keep``)."""
    _start(walker, el).walk(el)


def inline_element(walker, _Element el not None, out):
    """``walker.inline_element_python(el, out)``, compiled (the walker has no ``keep``)."""
    _start(walker, el).element(el._c_node, out)

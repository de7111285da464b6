# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The content scorer's walk (``newsparse.extract.content._Scorer.visit``) in C.

It reads lxml's C tree (libxml2 nodes) directly: an element's children, tag and text
are read from the nodes, without making a Python object per text piece or per child
list; lxml's element proxies are fetched only where the walk hands an element to
Python (the stats dict, the lists of links and boxes, attribute reads).  Every rule,
every counter and the order of every side effect are the pure-Python walk's, which
stays the reference: tests/unit/test_accel.py compares the two on every fixture and
zoo page, and the committed snapshot of the corpora's output holds with either.
"""

from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.string cimport strlen

from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Document, _Element, elementFactory, import_lxml__etree

import_lxml__etree()


cdef extern from "Python.h":
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch)


cdef struct Sums:
    Py_ssize_t total
    Py_ssize_t links
    double value
    double good
    Py_ssize_t anchors


cdef struct Own:
    # a block's counters: chars, link chars, sentence marks, whether it starts in a link
    Py_ssize_t chars
    Py_ssize_t link_chars
    int marks
    bint first_link


cdef class _Tag:
    """What the walk needs to know of one tag name."""

    cdef str tag
    cdef bint invisible, block, form_control, is_a, unhinted
    cdef int tag_hint


cdef inline bint _is_element(tree.xmlNode* c):
    # lxml's _isElement: the nodes lxml shows as children (elements, comments, entity
    # references, processing instructions); text nodes are .text and .tail
    return (
        c.type == tree.XML_ELEMENT_NODE
        or c.type == tree.XML_COMMENT_NODE
        or c.type == tree.XML_ENTITY_REF_NODE
        or c.type == tree.XML_PI_NODE
    )


cdef inline tree.xmlNode* _text_node_or_skip(tree.xmlNode* c):
    # lxml's _textNodeOrSkip: the text node at c, XInclude markers passed over
    while c is not NULL:
        if c.type == tree.XML_TEXT_NODE or c.type == tree.XML_CDATA_SECTION_NODE:
            return c
        if c.type == tree.XML_XINCLUDE_START or c.type == tree.XML_XINCLUDE_END:
            c = c.next
        else:
            return NULL
    return NULL


cdef object _collect_text(tree.xmlNode* c):
    """lxml's ``_collectText``: the text of the run of text nodes starting at ``c``
    (``.text`` of a parent from its first child, ``.tail`` from a node's next), None
    when there is none."""
    c = _text_node_or_skip(c)
    if c is NULL:
        return None
    cdef tree.xmlNode* scan = _text_node_or_skip(c.next)
    if scan is NULL:
        if c.content is NULL:
            return ""
        return PyUnicode_DecodeUTF8(<const char*>c.content, strlen(<const char*>c.content), NULL)
    cdef bytes joined = b""
    while c is not NULL:
        if c.content is not NULL:
            joined += <const char*>c.content
        c = _text_node_or_skip(c.next)
    return joined.decode("utf8")


cdef inline Py_ssize_t _stripped_len(str text):
    """``len(text.strip())``: str.strip() strips the characters Py_UNICODE_ISSPACE tells."""
    cdef Py_ssize_t i = 0, j = len(text)
    while i < j and Py_UNICODE_ISSPACE(text[i]):
        i += 1
    while j > i and Py_UNICODE_ISSPACE(text[j - 1]):
        j -= 1
    return j - i


cdef inline bint _has_marks(str text):
    # content._has_marks
    return ". " in text or ", " in text or text.rstrip().endswith((".", "!", "?", '"'))


cdef class Walker:
    """The compiled walk, set up once with the scorer's vocabulary and rules."""

    cdef frozenset invisible, block, form_controls, unhinted, headings
    cdef dict tag_hints
    cdef object element_hint, author_href, stat_type
    cdef Py_ssize_t short_text, inline_box
    cdef double linky
    cdef dict tags

    def __init__(
        self, *, invisible, block, form_controls, unhinted, headings, tag_hints,
        element_hint, author_href, stat_type, short_text, inline_box, linky,
    ):
        self.invisible = frozenset(invisible)
        self.block = frozenset(block)
        self.form_controls = frozenset(form_controls)
        self.unhinted = frozenset(unhinted)
        self.headings = frozenset(headings)
        self.tag_hints = dict(tag_hints)
        self.element_hint = element_hint
        self.author_href = author_href
        self.stat_type = stat_type
        self.short_text = short_text
        self.inline_box = inline_box
        self.linky = linky
        self.tags = {}

    cdef _Tag _tag_of(self, str tag):
        cdef _Tag info = self.tags.get(tag)
        if info is None:
            info = _Tag()
            info.tag = tag
            info.invisible = tag in self.invisible
            info.block = tag in self.block
            info.form_control = tag in self.form_controls
            info.is_a = tag == "a"
            info.unhinted = tag in self.unhinted
            info.tag_hint = self.tag_hints.get(tag, 0)
            if len(self.tags) < 4096:
                self.tags[tag] = info
        return info

    def run(self, scorer, _Element el, list own, bint in_link, bint boxed):
        """``scorer.visit(el, own, in_link, boxed)``, computed in C."""
        cdef _Run run = _Run(self, scorer, el)
        cdef Own counters
        counters.chars = own[0]
        counters.link_chars = own[1]
        counters.marks = own[2]
        counters.first_link = own[4]
        cdef Sums sums
        try:
            sums = run.walk(el._c_node, &counters, own[3], in_link, boxed)
        finally:
            scorer.count = run.count
        own[0] = counters.chars
        own[1] = counters.link_chars
        own[2] = counters.marks
        own[4] = counters.first_link
        return sums.total, sums.links, sums.value, sums.good, sums.anchors


cdef class _Run:
    """One walk: the scorer's state and the page's document."""

    cdef Walker w
    cdef object scorer
    cdef _Document doc
    cdef tree.xmlNode* top
    cdef object skip, attrs_of, link_attrs
    cdef list excluded, author_links, form_controls, ld_blocks
    cdef dict stats
    cdef bint with_texts
    cdef object ld_text
    cdef Py_ssize_t count

    def __cinit__(self, Walker w, scorer, _Element el):
        self.w = w
        self.scorer = scorer
        self.doc = el._doc
        self.top = (<_Element>scorer.top)._c_node
        self.skip = scorer.skip
        self.attrs_of = scorer.attrs_of
        self.link_attrs = scorer.link_attrs
        self.excluded = scorer.excluded
        self.author_links = scorer.author_links
        self.form_controls = scorer.form_controls
        self.ld_blocks = scorer.ld_blocks
        self.stats = scorer.stats
        self.ld_text = scorer.ld_text
        self.with_texts = self.ld_text is not None
        self.count = scorer.count

    cdef inline object proxy(self, tree.xmlNode* c):
        return elementFactory(self.doc, c)

    cdef _Tag tag_of(self, tree.xmlNode* c):
        if c.ns is NULL:
            return self.w._tag_of(
                PyUnicode_DecodeUTF8(<const char*>c.name, strlen(<const char*>c.name), NULL)
            )
        return self.w._tag_of(self.proxy(c).tag)

    cdef bint has_block_child(self, tree.xmlNode* c):
        # content._has_block_child: any element child whose tag is a block tag
        cdef tree.xmlNode* child = c.children
        while child is not NULL:
            if child.type == tree.XML_ELEMENT_NODE and self.tag_of(child).block:
                return True
            child = child.next
        return False

    cdef tuple block_value(self, str tag, Own* mine, list texts):
        # content._Scorer._block_value, operation for operation
        cdef Py_ssize_t chars = mine.chars, link_chars = mine.link_chars
        cdef double density, value
        if not chars:
            return 0.0, 0.0
        density = <double>link_chars / <double>chars
        if density > self.w.linky:
            return -chars, 0.0
        if tag in self.w.headings:
            value = chars * 0.3 * (1 - density)
            return value, value
        if tag == "li" and mine.first_link and link_chars >= 25 and chars - link_chars >= 40:
            return -chars * 0.5, chars - link_chars
        if chars < self.w.short_text and not mine.marks:
            return 0.0, 0.0
        value = chars * (1 - density)
        if texts is not None and self.ld_text is not None and chars >= 40:
            probe = " ".join("".join(texts).split())[:80]
            if probe in self.ld_text:
                self.scorer.ld_hit = value
                return value * 1.5, value
            return value * 0.7, value
        return value, value

    cdef inline void count_text(self, str text, Py_ssize_t n, Own* mine, list texts,
                                bint in_link, Py_ssize_t* links) except *:
        if not mine.chars:
            mine.first_link = in_link
        mine.chars += n
        if mine.chars < self.w.short_text and not mine.marks and _has_marks(text):
            mine.marks = 1
        if in_link:
            links[0] += n
            mine.link_chars += n
        if texts is not None:
            texts.append(text)

    cdef Sums walk(self, tree.xmlNode* c, Own* own, list own_texts, bint in_link,
                   bint boxed) except *:
        cdef Sums out
        out.total = 0
        out.links = 0
        out.value = 0.0
        out.good = 0.0
        out.anchors = 0
        if c.type != tree.XML_ELEMENT_NODE:
            return out  # a comment, processing instruction or entity: no text of its own
        cdef _Tag info = self.tag_of(c)
        cdef str tag = info.tag
        el = None
        if info.invisible or (c._private is not NULL and <object>c._private in self.skip):
            if info.form_control:
                el = self.proxy(c)
                if el.get("type") not in ("hidden", "submit", "button"):
                    self.form_controls.append(el)
            return out
        cdef int hint
        if c is self.top or c.properties is NULL or info.unhinted:
            hint = info.tag_hint
        else:
            el = self.proxy(c)
            attrib = self.attrs_of(el)
            hint = info.tag_hint if not attrib else self.w.element_hint(tag, attrib)
        cdef bint block = info.block
        cdef Own mine_own
        cdef Own* mine
        cdef list texts
        cdef Own junk
        cdef Py_ssize_t size
        cdef tree.xmlNode* child
        if block:
            self.count += 1
            mine_own.chars = 0
            mine_own.link_chars = 0
            mine_own.marks = 0
            mine_own.first_link = False
            mine = &mine_own
            texts = [] if self.with_texts else None
        else:
            mine = own
            texts = own_texts
            if hint < 0 and not info.is_a:
                # an inline box (caption, hover card, read-more teaser): left out when small
                junk.chars = 0
                junk.link_chars = 0
                junk.marks = 0
                junk.first_link = False
                text = _collect_text(c.children)
                size = _stripped_len(text) if text else 0
                child = c.children
                while child is not NULL:
                    if _is_element(child):
                        size += self.walk(child, &junk, None, True, True).total
                        tail = _collect_text(child.next)
                        if tail:
                            size += _stripped_len(tail)
                    child = child.next
                if size < self.w.inline_box:
                    if el is None:
                        el = self.proxy(c)
                    self.excluded.append(el)
                    return out
        cdef Py_ssize_t total = 0, links = 0, anchors = 0, n
        cdef double value = 0.0, good = 0.0
        if info.is_a:
            if el is None:
                el = self.proxy(c)
            attrib = self.link_attrs(el)
            href = attrib.get("href") if attrib else None
            if not (href and href.startswith("javascript:") and self.has_block_child(c)):
                in_link = True  # (a script "link" around paragraphs is a wrapper)
                anchors = 1
            if attrib and ((href and self.w.author_href(href)) or attrib.get("rel") == "author"):
                self.author_links.append(el)
        text = _collect_text(c.children)
        if text:
            n = _stripped_len(text)
            if n:
                total = n
                self.count_text(text, n, mine, texts, in_link, &links)
        cdef Py_ssize_t index = self.count
        cdef bint inner_boxed = boxed or hint < 0
        cdef Sums sub
        child = c.children
        while child is not NULL:
            if _is_element(child):
                sub = self.walk(child, mine, texts, in_link, inner_boxed)
                total += sub.total
                links += sub.links
                anchors += sub.anchors
                value += sub.value
                good += sub.good
                tail = _collect_text(child.next)
                if tail:
                    n = _stripped_len(tail)
                    if n:
                        total += n
                        self.count_text(tail, n, mine, texts, in_link, &links)
            child = child.next
        out.total = total
        out.links = links
        out.anchors = anchors
        if not block:
            out.value = value
            out.good = good
            return out
        if el is None:
            el = self.proxy(c)
        if mine.chars:  # (a block with no text of its own is worth nothing itself)
            own_value, own_good = self.block_value(tag, mine, texts)
            value += own_value
            good += own_good
            if self.scorer.ld_hit:
                self.ld_blocks.append((el, self.scorer.ld_hit))
                self.scorer.ld_hit = 0.0
        if hint > 0:
            value += good * (0.35 if hint > 1 else 0.1)
        elif hint < 0:
            value = (0.0 if 0.0 < value else value) - total * 0.5
        self.stats[el] = self.w.stat_type(
            total, links, value, good, hint, index, boxed, anchors
        )
        out.value = value
        out.good = good
        return out

# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The metadata reader's element window around the headline, and its tag links, in C.

``dateline_window(anchor, tags, before, after)``: the elements ``dates.dateline_node``
tries, in its order: the first ``before`` elements with one of ``tags`` before the
headline ``anchor`` in document order, nearest first (its ancestors included:
``dates._before``), then the first ``after`` ones after it, its descendants first
(``dates._after``), keeping only those that may show a date (``dates._may_show_date``):
a ``<time>``, or a class or id holding "date", "publish", "byline" or "posted" in any
case.  The Python generators move through the tree with one lxml iterator per sibling
subtree (and list each subtree before the headline whole); this moves node to node
through libxml2's links, as lxml's ``iter(*tags)`` does (it descends into elements
only and matches a tag by its local name), and makes a proxy only for the elements kept.

Exactness: the window counts every element with a tag of ``tags``, kept or not, as the
generators do.  The class/id test is a byte comparison on ASCII values; a value with a
non-ASCII byte (``re.IGNORECASE`` folds "ſ" to "s"...), one made of several nodes, or an
element with a namespace is kept for Python to decide (``dates._shows_date`` tests the
class again): such values and elements never come out of the HTML parser.

``dateline_candidates(root, tags)``: the elements of ``root``'s tree with one of
``tags`` that may show a date (the same test), in document order: what
``dates._from_datelines`` and ``dates._relative_dateline`` go through
(``dates._dateline_elements_python`` lists them from lxml's ``iter(*tags)``).

``rel_tag_candidates(root)``: the ``<a>`` elements whose ``rel`` may hold the token
"tag", in document order, for ``metadata._rel_tag_links``: one walk of the C tree
reading the attributes of the ``<a>`` elements only, instead of a Python step per
attribute dict of the page index.  A superset: the caller keeps those whose ``rel`` in
the page index splits into a "tag" token (a value of several nodes is kept for it).

The pure-Python code stays the reference (``dates._window_python``,
``dates._dateline_elements_python``,
``metadata._rel_tag_links_python``); tests/unit/test_accel_meta.py compares each pair on
the fixtures, the zoo, the dev corpora, samples and generated trees.
"""

from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Document, _Element, elementFactory, import_lxml__etree

from libc.string cimport strstr

from newsparse._accel.nodes cimport after_subtree, ascii_lower as _lower, same as _same

import_lxml__etree()


cdef enum:
    MAX_TAGS = 16


cdef const char* _WORDS[4]
_WORDS[0] = b"date"
_WORDS[1] = b"publish"
_WORDS[2] = b"byline"
_WORDS[3] = b"posted"


cdef inline bint _has_word(const char* s) noexcept:
    """Whether ``s`` holds one of the words, ASCII letters compared without case (the
    caller has checked that ``s`` is ASCII)."""
    cdef Py_ssize_t i = 0, w, k
    cdef const char* word
    while s[i]:
        for w in range(4):
            word = _WORDS[w]
            k = 0
            while word[k] and _lower(<unsigned char>s[i + k]) == <unsigned char>word[k]:
                k += 1
            if not word[k]:
                return True
        i += 1
    return False


cdef int _named_value(tree.xmlNode* c, const char* name) noexcept:
    """For the attribute ``name`` (no namespace) of ``c``, as lxml's ``get`` reads it:
    0 when it is absent or holds none of the words, 1 when it holds one, 2 when C cannot
    tell (not one text node, or a non-ASCII byte): Python decides."""
    cdef tree.xmlAttr* a = c.properties
    cdef tree.xmlNode* ch
    cdef const unsigned char* s
    cdef Py_ssize_t i
    while a is not NULL:
        if a.ns is NULL and _same(<const char*>a.name, name):
            ch = a.children
            if ch is NULL:
                return 0  # "": no word
            if ch.next is not NULL or not (
                ch.type == tree.XML_TEXT_NODE or ch.type == tree.XML_CDATA_SECTION_NODE
            ):
                return 2
            s = <const unsigned char*>ch.content
            if s is NULL:
                return 0
            i = 0
            while s[i]:
                if s[i] >= 128:
                    return 2
                i += 1
            return 1 if _has_word(<const char*>s) else 0
        a = a.next
    return 0


cdef bint _may_show_date(tree.xmlNode* c) noexcept:
    if c.ns is not NULL:
        return True  # its tag reads "{...}name" in Python: let Python decide
    if _same(<const char*>c.name, b"time"):
        return True
    return _named_value(c, b"class") != 0 or _named_value(c, b"id") != 0


cdef inline bint _wanted(tree.xmlNode* c, const char** names, Py_ssize_t count) noexcept:
    cdef Py_ssize_t k
    for k in range(count):
        if _same(<const char*>c.name, names[k]):
            return True
    return False


cdef inline tree.xmlNode* _previous(tree.xmlNode* c) noexcept:
    """The node before ``c`` in document order, as lxml's iteration sees the tree (it
    descends into elements only); NULL at the document."""
    if c.prev is not NULL:
        c = c.prev
        while c.type == tree.XML_ELEMENT_NODE and c.last is not NULL:
            c = c.last
        return c
    c = c.parent
    if c is NULL or c.type != tree.XML_ELEMENT_NODE:
        return NULL
    return c


cdef inline tree.xmlNode* _following(tree.xmlNode* c) noexcept:
    """The node after ``c`` in document order (descendants first); NULL at the end."""
    if c.type == tree.XML_ELEMENT_NODE and c.children is not NULL:
        return c.children
    while c.next is NULL:
        c = c.parent
        if c is NULL or c.type != tree.XML_ELEMENT_NODE:
            return NULL
    return c.next


cdef Py_ssize_t _tag_names(tuple tags, const char** names) except -1:
    """Fill ``names`` (room for MAX_TAGS) with the UTF-8 bytes of ``tags``; their count.
    The tuple keeps the bytes alive while the names are read."""
    cdef Py_ssize_t count = len(tags), k
    if count > MAX_TAGS:
        raise ValueError("too many tags")
    for k in range(count):
        names[k] = <bytes>tags[k]
    return count


def dateline_window(_Element anchor, tuple tags, int before, int after):
    """The elements ``dates._window_python(anchor, tags, before, after)`` gives (see
    the module doc); ``tags``: the tag names as UTF-8 bytes (at most 16)."""
    cdef const char* names[MAX_TAGS]
    cdef Py_ssize_t count = _tag_names(tags, names)
    cdef _Document doc = anchor._doc
    cdef list out = []
    cdef tree.xmlNode* start = anchor._c_node
    cdef tree.xmlNode* c = start
    cdef int seen = 0
    while seen < before:
        c = _previous(c)
        if c is NULL:
            break
        if c.type == tree.XML_ELEMENT_NODE and _wanted(c, names, count):
            seen += 1
            if _may_show_date(c):
                out.append(elementFactory(doc, c))
    seen = 0
    c = start
    while seen < after:
        c = _following(c)
        if c is NULL:
            break
        if c.type == tree.XML_ELEMENT_NODE and _wanted(c, names, count):
            seen += 1
            if _may_show_date(c):
                out.append(elementFactory(doc, c))
    return out


cdef bint _may_tag(tree.xmlNode* c) noexcept:
    """Whether the ``rel`` attribute (no namespace) of ``c`` may hold the token "tag":
    it holds "tag", or is made of several nodes (Python reads it then)."""
    cdef tree.xmlAttr* a = c.properties
    cdef tree.xmlNode* ch
    while a is not NULL:
        if a.ns is NULL and _same(<const char*>a.name, b"rel"):
            ch = a.children
            if ch is NULL:
                return False
            if ch.next is not NULL or not (
                ch.type == tree.XML_TEXT_NODE or ch.type == tree.XML_CDATA_SECTION_NODE
            ):
                return True
            return ch.content is not NULL and strstr(<const char*>ch.content, b"tag") is not NULL
        a = a.next
    return False


def rel_tag_candidates(_Element root):
    """The ``<a>`` elements of ``root``'s tree (``root`` included) whose ``rel`` may
    hold "tag" (see the module doc), in document order."""
    cdef _Document doc = root._doc
    cdef list out = []
    cdef tree.xmlNode* top = root._c_node
    cdef tree.xmlNode* c = top
    while c is not NULL:
        if (
            c.type == tree.XML_ELEMENT_NODE
            and c.ns is NULL
            and c.properties is not NULL
            and _same(<const char*>c.name, b"a")
            and _may_tag(c)
        ):
            out.append(elementFactory(doc, c))
        # the next node in document order within ``top``
        if c.type == tree.XML_ELEMENT_NODE and c.children is not NULL:
            c = c.children
            continue
        c = after_subtree(c, top)
    return out


def dateline_candidates(_Element root, tuple tags):
    """The elements of ``root``'s tree (``root`` included) with one of ``tags`` (UTF-8
    bytes, at most 16) that may show a date, in document order (see the module doc)."""
    cdef const char* names[MAX_TAGS]
    cdef Py_ssize_t count = _tag_names(tags, names)
    cdef _Document doc = root._doc
    cdef list out = []
    cdef tree.xmlNode* top = root._c_node
    cdef tree.xmlNode* c = top
    while c is not NULL:
        if c.type == tree.XML_ELEMENT_NODE and _wanted(c, names, count) and _may_show_date(c):
            out.append(elementFactory(doc, c))
        if c.type == tree.XML_ELEMENT_NODE and c.children is not NULL:
            c = c.children
            continue
        c = after_subtree(c, top)
    return out

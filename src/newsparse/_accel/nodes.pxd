# cython: language_level=3
"""Readers of libxml2 nodes shared by the compiled modules, as lxml reads them.

``cimport``-ed (``from newsparse._accel.nodes cimport ...``): each function is inlined
into the module that uses it, so the modules stay independent extensions.
"""

from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.string cimport strlen

from lxml.includes cimport tree


cdef inline tree.xmlNode* after_subtree(tree.xmlNode* node, tree.xmlNode* top) noexcept:
    """The node after ``node`` and everything below it in document order, staying below
    ``top``; NULL when there is none (``node`` is ``top``, or the walk is back at
    ``top``): the step of a pre-order walk that does not go down into ``node``."""
    if node is top:
        return NULL
    while node.next is NULL:
        node = node.parent
        if node is top or node is NULL:
            return NULL
    return node.next


cdef inline bint is_element(tree.xmlNode* c) noexcept:
    # lxml's _isElement: the nodes lxml shows as children (elements, comments, entity
    # references, processing instructions); text nodes are .text and .tail
    return (
        c.type == tree.XML_ELEMENT_NODE
        or c.type == tree.XML_COMMENT_NODE
        or c.type == tree.XML_ENTITY_REF_NODE
        or c.type == tree.XML_PI_NODE
    )


cdef inline tree.xmlNode* text_node_or_skip(tree.xmlNode* c) noexcept:
    # lxml's _textNodeOrSkip: the text node at c, XInclude markers passed over
    while c is not NULL:
        if c.type == tree.XML_TEXT_NODE or c.type == tree.XML_CDATA_SECTION_NODE:
            return c
        if c.type == tree.XML_XINCLUDE_START or c.type == tree.XML_XINCLUDE_END:
            c = c.next
        else:
            return NULL
    return NULL


cdef inline object collect_text(tree.xmlNode* c):
    """lxml's ``_collectText``: the text of the run of text nodes starting at ``c``
    (``.text`` of a parent from its first child, ``.tail`` from a node's next), None
    when there is none."""
    c = text_node_or_skip(c)
    if c is NULL:
        return None
    cdef tree.xmlNode* scan = text_node_or_skip(c.next)
    if scan is NULL:
        if c.content is NULL:
            return ""
        return PyUnicode_DecodeUTF8(<const char*>c.content, strlen(<const char*>c.content), NULL)
    cdef bytes joined = b""
    while c is not NULL:
        if c.content is not NULL:
            joined += <const char*>c.content
        c = text_node_or_skip(c.next)
    return joined.decode("utf8")


# ------------------------------------------------------------------ byte tests


cdef inline unsigned char ascii_lower(unsigned char ch) noexcept:
    return ch + 32 if 65 <= ch <= 90 else ch


cdef inline bint starts(const char* s, const char* word) noexcept:
    # s starts with word (the NUL ending s never equals a character of word)
    cdef Py_ssize_t k = 0
    while word[k]:
        if s[k] != word[k]:
            return False
        k += 1
    return True


cdef inline bint same(const char* s, const char* word) noexcept:
    # strcmp(s, word) == 0, inlined: most names differ at their first byte
    cdef Py_ssize_t k = 0
    while word[k]:
        if s[k] != word[k]:
            return False
        k += 1
    return s[k] == 0


cdef inline bint starts_ci(const char* s, const char* word) noexcept:
    # s starts with word (lower-case ASCII), ASCII letters compared without case
    cdef Py_ssize_t k = 0
    while word[k]:
        if ascii_lower(<unsigned char>s[k]) != <unsigned char>word[k]:
            return False
        k += 1
    return True

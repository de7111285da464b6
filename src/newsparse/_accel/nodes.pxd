# cython: language_level=3
"""Readers of libxml2 nodes shared by the compiled modules, as lxml reads them.

``cimport``-ed (``from newsparse._accel.nodes cimport ...``): each function is inlined
into the module that uses it, so the modules stay independent extensions.
"""

from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.string cimport strlen

from lxml.includes cimport tree


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

# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The page index and the widget gates' page vocabulary in C.

* ``elements_of``: ``list(root.iter(etree.Element))``, the element list ``load()`` makes,
  in one walk of the C tree (lxml's proxies fetched or made by ``elementFactory``).
* ``element_attrs``: the attribute half of ``newsparse.extract.dom.page_index``: for each
  element that has attributes, the dict ``dict(el.items())`` gives, read from the
  element's libxml2 attribute list instead of a list of (name, value) tuples per element.
* ``attribute_names`` (``dom.page_attribute_names``) and ``naming_text``
  (``widget_gate.page_naming_text``): read from the finished attribute dicts.
* ``squashed_text``: the text of ``widget_gate.shown_text``'s XSLT pass, ASCII
  whitespace left out on the way (the pass's str.split()/join made a str per word).

The pure-Python code stays the reference: tests/unit/test_accel_index.py compares each
pair on every fixture and zoo page, edge cases and generated trees.
"""

from cpython.dict cimport PyDict_Next
from cpython.object cimport PyObject
from cpython.set cimport PySet_Contains
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport strcmp, strlen

from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Document, _Element, elementFactory, import_lxml__etree

from newsparse._accel.nodes cimport after_subtree

import_lxml__etree()


cdef extern from "Python.h":
    # one hash lookup: the value already under ``key``, or ``default`` just stored there
    PyObject* PyDict_SetDefault(object d, object key, object default) except NULL


cdef enum:
    NAME_SLOTS = 64  # slots of the per-call cache of attribute names (a power of two)


cdef inline str _decode(const char* s):
    # lxml's funicode: the NUL-terminated UTF-8 string (strict)
    return PyUnicode_DecodeUTF8(s, strlen(s), NULL)


cdef str _value(tree.xmlAttr* a):
    """lxml's ``_attributeValue`` of an attribute without namespace that is the first
    of its name on the element (libxml2's ``xmlGetNoNsProp``), as str; None where it
    is not one text node (lxml is asked then)."""
    cdef tree.xmlNode* child = a.children
    if child is NULL:
        return ""  # (libxml2 joins no nodes into "")
    if child.next is NULL and child.content is not NULL and (
        child.type == tree.XML_TEXT_NODE or child.type == tree.XML_CDATA_SECTION_NODE
    ):
        # libxml2's own shortcut: one text node's content is the value
        return _decode(<const char*>child.content)
    return None  # several nodes (entity references kept as nodes...): libxml2 joins them


cdef class _Names:
    """Attribute names decoded once per call: libxml2's parser keeps each name once in
    the document's dictionary, so a name pointer seen before is the same string (names
    made otherwise have pointers of their own, and simply miss).  A direct-mapped cache
    on the pointer; the str objects are shared by every dict of the call."""

    cdef const void* keys[NAME_SLOTS]
    cdef list values

    def __cinit__(self):
        cdef int i
        for i in range(NAME_SLOTS):
            self.keys[i] = NULL
        self.values = [None] * NAME_SLOTS

    cdef inline str get(self, const tree.xmlChar* name):
        cdef size_t slot = ((<size_t>name) >> 4) & (NAME_SLOTS - 1)
        if self.keys[slot] == <const void*>name:
            return <str>self.values[slot]
        cdef str out = _decode(<const char*>name)
        self.keys[slot] = <const void*>name
        self.values[slot] = out
        return out


def element_attrs(list elements):
    """``{el: dict(el.items()) for el in elements if el.items()}``, computed in C; an
    element with a namespaced attribute gets its dict from lxml itself."""
    cdef dict out = {}
    cdef _Names names = _Names()
    cdef _Element el
    cdef tree.xmlNode* c
    cdef tree.xmlAttr* a
    cdef dict attrs
    cdef str value
    for obj in elements:
        el = <_Element?>obj
        c = el._c_node
        if c is NULL or c.properties is NULL:
            continue
        attrs = None
        a = c.properties
        while a is not NULL:
            if a.type == tree.XML_ATTRIBUTE_NODE:
                if a.ns is not NULL:
                    # lxml names it "{uri}name" and looks its value up by namespace:
                    # the element's dict comes from lxml
                    attrs = dict(el.items())
                    break
                if attrs is None:
                    attrs = {}
                value = _value(a)
                if value is None:
                    attrs = dict(el.items())
                    break
                # (a repeated name: lxml's items() gives the first one's value twice,
                # so the dict keeps the first)
                PyDict_SetDefault(attrs, names.get(a.name), value)
            a = a.next
        if attrs:
            out[el] = attrs
    return out


def naming_text(dict attrs, frozenset wanted):
    """``"\\n".join(v for a in attrs.values() for k, v in a.items() if k in wanted)``
    lower-cased: the page's naming vocabulary (``widget_gate.page_naming_text``)."""
    cdef list values = []
    cdef Py_ssize_t pos, inner
    cdef PyObject* key
    cdef PyObject* item
    cdef PyObject* k
    cdef PyObject* v
    pos = 0
    while PyDict_Next(attrs, &pos, &key, &item):
        inner = 0
        while PyDict_Next(<object>item, &inner, &k, &v):
            if PySet_Contains(wanted, <object>k):
                values.append(<object>v)
    return "\n".join(values).lower()


cdef enum:
    MAX_SKIP_NAMES = 16
    # deeper than this below the top, the XSLT engine's answer is asked for (it gives up
    # at 3000 nested template calls, and the Python twin then gives None)
    XSLT_DEPTH = 1000


cdef inline bint _skipped(const char* name, const char** names, Py_ssize_t count):
    cdef Py_ssize_t i
    for i in range(count):
        if strcmp(name, names[i]) == 0:
            return True
    return False


cdef inline bint _ascii_space(unsigned char b):
    # the ASCII characters str.split() splits on: \t \n \v \f \r, \x1c-\x1f and space
    return b == 32 or 9 <= b <= 13 or 28 <= b <= 31


def squashed_text(_Element top, tuple skip):
    """The text ``widget_gate._SHOWN_TEXT`` (an XSLT pass: every text node below
    ``top``, those inside elements named in ``skip`` (bytes, no namespace) left out)
    gives for ``top``, with the ASCII whitespace removed (the rest of str.split()'s
    whitespace is not); None where the XSLT engine is asked instead: a tree deeper than
    XSLT_DEPTH below ``top``, or a node other than an element, text, CDATA, comment or
    processing instruction (an entity reference, an XInclude marker)."""
    cdef const char* names[MAX_SKIP_NAMES]
    cdef Py_ssize_t count = len(skip), i
    if count > MAX_SKIP_NAMES:
        raise ValueError("too many names to skip")
    for i in range(count):
        names[i] = <const char*>(<bytes>skip[i])  # (the tuple keeps the bytes alive)
    cdef tree.xmlNode* c = top._c_node
    cdef tree.xmlNode* node
    cdef Py_ssize_t depth = 1, size = 0, cap = 1 << 16
    if c.type != tree.XML_ELEMENT_NODE:
        return None
    if c.parent is not NULL and c.parent.type != tree.XML_ELEMENT_NODE:
        # the document's root element: the XSLT pass reads the whole document (lxml
        # makes no document of its own for it), whose other top-level nodes must write
        # nothing (a doctype, comments, processing instructions)
        node = c.parent.children
        while node is not NULL:
            if node is not c and node.type != tree.XML_COMMENT_NODE and (
                node.type != tree.XML_PI_NODE and node.type != tree.XML_DTD_NODE
            ):
                return None
            node = node.next
    if c.ns is NULL and _skipped(<const char*>c.name, names, count):
        return ""  # the stylesheet's empty template matches the top itself
    node = c.children
    cdef const unsigned char* s
    cdef unsigned char b
    cdef char* grown
    cdef char* buf = <char*>malloc(cap)
    if buf is NULL:
        raise MemoryError()
    try:
        while node is not NULL:
            if node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE:
                s = <const unsigned char*>node.content
                if s is not NULL:
                    while s[0]:
                        b = s[0]
                        s += 1
                        if _ascii_space(b):
                            continue
                        if size == cap:
                            grown = <char*>realloc(buf, cap * 2)
                            if grown is NULL:
                                raise MemoryError()
                            buf = grown
                            cap *= 2
                        buf[size] = <char>b
                        size += 1
            elif node.type == tree.XML_ELEMENT_NODE:
                if node.children is not NULL and not (
                    node.ns is NULL and _skipped(<const char*>node.name, names, count)
                ):
                    depth += 1
                    if depth > XSLT_DEPTH:
                        return None
                    node = node.children
                    continue
            elif node.type != tree.XML_COMMENT_NODE and node.type != tree.XML_PI_NODE:
                return None
            # the next node in document order after node's subtree, below top
            while node.next is NULL:
                node = node.parent
                depth -= 1
                if node is c or node is NULL:
                    break
            if node is c or node is NULL:
                break
            node = node.next
        return PyUnicode_DecodeUTF8(buf, size, NULL)
    finally:
        free(buf)


def elements_of(_Element top):
    """``list(top.iter(etree.Element))``: ``top`` and every element below it, in document
    order (lxml's iteration descends into elements only), as lxml proxies."""
    cdef list out = [top]
    cdef tree.xmlNode* c = top._c_node
    cdef tree.xmlNode* node = c.children
    cdef _Document doc = top._doc
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE:
            out.append(elementFactory(doc, node))
            if node.children is not NULL:
                node = node.children
                continue
        node = after_subtree(node, c)
    return out


def attribute_names(dict attrs):
    """``frozenset().union(*attrs.values())``: every attribute name of the page."""
    cdef set names = set()
    cdef Py_ssize_t pos = 0, inner
    cdef PyObject* key
    cdef PyObject* item
    cdef PyObject* k
    cdef PyObject* v
    while PyDict_Next(attrs, &pos, &key, &item):
        inner = 0
        while PyDict_Next(<object>item, &inner, &k, &v):
            names.add(<object>k)
    return frozenset(names)

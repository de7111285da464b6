# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The text-assembly helpers of ``newsparse.extract.dom`` and ``ticker_quotes`` in C.

``text_of``, ``block_text`` and ``joined_text`` walk a subtree with ``etree.iterwalk``
in Python, make a str per text piece, join them and normalise the whitespace
(``dom.norm_space``).  (``widget_gate.shown_text``'s walk is ``index.squashed_text``.)
Here the same walks read lxml's C tree (libxml2 nodes) directly and copy the
text nodes' UTF-8 bytes into one buffer, collapsing whitespace and dropping zero-width
characters on the way: one str is made per call, no proxy per node.

What the Python walks see, and so what these reproduce:

* ``etree.iterwalk(el, events=("start", "end"))`` visits elements and entity
  references, not comments or processing instructions: a comment's or PI's tail is
  not read at all; an entity reference's tail is read where an element's is (its own
  text, "&amp;", never).
* ``.text`` / ``.tail`` are lxml's ``_collectText``: the run of text (and CDATA)
  nodes at the first child / after the node, XInclude markers passed over.
* ``norm_space``: zero-width characters (U+200B/C/D, U+2060, U+FEFF, U+00AD) dropped,
  then runs of the characters ``str.split()`` splits on (``Py_UNICODE_ISSPACE``) made
  one space, the ends stripped.

The Python functions stay the reference: tests/unit/test_accel_text.py compares the
two on every fixture and zoo page and on generated trees.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc, PyMem_Realloc
from cpython.unicode cimport PyUnicode_DecodeUTF8
from cpython.pyport cimport PY_SSIZE_T_MAX
from libc.string cimport memcmp, strlen

from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Document, _Element, elementFactory, import_lxml__etree

from newsparse._accel.nodes cimport (
    text_node_or_skip as _text_node_or_skip,
)

import_lxml__etree()


cdef extern from "Python.h":
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch)


# ------------------------------------------------------------------ the output buffer

cdef struct Out:
    char* data
    Py_ssize_t len
    Py_ssize_t cap
    bint space     # whitespace met since the last character written
    bint solid     # a character other than whitespace was met (zero-width ones count)
    Py_ssize_t parts  # joined_text: the pieces appended so far (separators included)


cdef int _init(Out* o) except -1:
    o.cap = 256
    o.data = <char*>PyMem_Malloc(o.cap)
    if o.data is NULL:
        raise MemoryError()
    o.len = 0
    o.space = False
    o.solid = False
    o.parts = 0
    return 0


cdef int _reserve(Out* o, Py_ssize_t more) except -1:
    cdef Py_ssize_t cap = o.cap
    cdef char* data
    if o.len + more <= cap:
        return 0
    while cap < o.len + more:
        cap *= 2
    data = <char*>PyMem_Realloc(o.data, cap)
    if data is NULL:
        raise MemoryError()
    o.data = data
    o.cap = cap
    return 0


cdef inline bint _zero_width(unsigned int cp):
    # dom._ZERO_WIDTH
    return (
        cp == 0x200B or cp == 0x200C or cp == 0x200D or cp == 0x2060 or cp == 0xFEFF
        or cp == 0x00AD
    )


cdef int _put(Out* o, const unsigned char* s, Py_ssize_t n) except -1:
    """Append the UTF-8 text ``s[:n]`` as ``norm_space`` reads it: zero-width characters
    dropped, a whitespace run written as one space before the next character (none at
    the start; a run at the end is left pending)."""
    cdef Py_ssize_t i = 0, j, k
    cdef unsigned char b
    cdef unsigned int cp = 0
    # locals, not the struct's fields: a store through ``out`` may alias anything, so
    # the compiler would reload the fields after every byte written
    cdef char* out
    cdef Py_ssize_t length
    cdef bint space = o.space, solid = o.solid
    _reserve(o, n + 1)  # (at most one space is written per character)
    out = o.data
    length = o.len
    while i < n:
        b = s[i]
        if b < 0x80:
            # ASCII, most of the text: one byte, whitespace by the table str.split uses
            if Py_UNICODE_ISSPACE(b):
                space = True
            else:
                solid = True
                if space:
                    if length:
                        out[length] = b' '
                        length += 1
                    space = False
                out[length] = <char>b
                length += 1
            i += 1
            continue
        # a multi-byte character: its code point, for the whitespace and zero-width
        # tests (libxml2 holds valid UTF-8; a broken sequence is copied as it is and
        # fails the final decode, as lxml's own decode of the text would)
        if b >= 0xF0:
            k = 4
            cp = b & 0x07
        elif b >= 0xE0:
            k = 3
            cp = b & 0x0F
        elif b >= 0xC0:
            k = 2
            cp = b & 0x1F
        else:
            k = 1
            cp = b
        if i + k > n:
            k = n - i
        for j in range(1, k):
            cp = (cp << 6) | (s[i + j] & 0x3F)
        if k > 1 and Py_UNICODE_ISSPACE(<Py_UCS4>cp):
            space = True
            i += k
            continue
        solid = True
        if k > 1 and _zero_width(cp):
            i += k
            continue
        if space:
            if length:
                out[length] = b' '
                length += 1
            space = False
        for j in range(k):
            out[length + j] = <char>s[i + j]
        length += k
        i += k
    o.len = length
    o.space = space
    o.solid = solid
    return 0


cdef object _result(Out* o):
    return PyUnicode_DecodeUTF8(o.data, o.len, NULL)


# ------------------------------------------------------------------ reading the tree

cdef bint _has_text(tree.xmlNode* c):
    """Whether lxml's ``_collectText(c)`` is a non-empty string."""
    c = _text_node_or_skip(c)
    while c is not NULL:
        if c.content is not NULL and c.content[0] != 0:
            return True
        c = _text_node_or_skip(c.next)
    return False


cdef int _put_text(Out* o, tree.xmlNode* c) except -1:
    """Append ``_collectText(c)`` (``.text`` from a first child, ``.tail`` from a next)."""
    c = _text_node_or_skip(c)
    while c is not NULL:
        if c.content is not NULL:
            _put(o, <const unsigned char*>c.content, strlen(<const char*>c.content))
        c = _text_node_or_skip(c.next)
    return 0


cdef inline bint _visited(tree.xmlNode* c):
    # the nodes etree.iterwalk(..., events=("start", "end")) gives events for
    return c.type == tree.XML_ELEMENT_NODE or c.type == tree.XML_ENTITY_REF_NODE


cdef inline tree.xmlNode* _next_visited(tree.xmlNode* c):
    while c is not NULL and not _visited(c):
        c = c.next
    return c


cdef object _not_element(_Element el):
    # what etree.iterwalk raises for a comment or processing instruction
    return ValueError(f"Input object is not an XML element: {type(el).__name__}")


# ------------------------------------------------------------------ tag name sets

cdef enum:
    SLOTS = 256  # a power of two, well above the names of two small sets

cdef enum:
    SKIP = 1
    BOUNDARY = 2


cdef inline unsigned int _hash(const char* name, size_t n):
    # FNV-1a
    cdef unsigned int h = 2166136261u
    cdef size_t i
    for i in range(n):
        h = (h ^ <unsigned char>name[i]) * 16777619u
    return h


cdef enum:
    CACHED = 32  # slots of a walk's cache of tag names (a power of two)


cdef struct Seen:
    # one walk's cache of the flags of the names met, by the name's address: within one
    # call nothing frees or changes a name (libxml2 keeps a document's names in its
    # dictionary, so most elements of one tag share one address)
    const tree.xmlChar* name[CACHED]
    int flags[CACHED]


cdef inline void _forget(Seen* seen):
    cdef int i
    for i in range(CACHED):
        seen.name[i] = NULL


cdef class Names:
    """Two sets of tag names (``skip``, ``boundary``) as one small hash table over the
    names' UTF-8 bytes, so that an element's name is tested without making a str of it.
    Elements with a namespace (whose tag is ``{uri}name``) are tested by their tag."""

    cdef frozenset skip, boundary
    cdef list keep  # the bytes objects the table points into
    cdef const char* names[SLOTS]
    cdef size_t lens[SLOTS]
    cdef int flags[SLOTS]

    def __cinit__(self, skip, boundary):
        self.skip = frozenset(skip)
        self.boundary = frozenset(boundary)
        self.keep = []
        cdef int i
        for i in range(SLOTS):
            self.names[i] = NULL
            self.lens[i] = 0
            self.flags[i] = 0
        members = [name for name in self.skip | self.boundary if isinstance(name, str)]
        if len(members) > SLOTS // 2:
            raise ValueError("too many tag names for the compiled table")
        cdef bytes raw
        cdef unsigned int h
        for name in members:
            raw = name.encode("utf8")
            self.keep.append(raw)
            h = _hash(raw, len(raw)) & (SLOTS - 1)
            while self.names[h] is not NULL:
                h = (h + 1) & (SLOTS - 1)
            self.names[h] = raw
            self.lens[h] = len(raw)
            self.flags[h] = (SKIP if name in self.skip else 0) | (
                BOUNDARY if name in self.boundary else 0
            )

    cdef inline int cached(self, Seen* seen, _Document doc, tree.xmlNode* c) except -1:
        """:meth:`flags_of`, through the walk's cache."""
        cdef size_t slot
        if c.ns is not NULL:
            return self.flags_of(doc, c)
        slot = ((<size_t>c.name) >> 4) & (CACHED - 1)
        if seen.name[slot] is not c.name:
            seen.flags[slot] = self.flags_of(doc, c)
            seen.name[slot] = c.name
        return seen.flags[slot]

    cdef int flags_of(self, _Document doc, tree.xmlNode* c) except -1:
        """The SKIP / BOUNDARY bits of element ``c``'s tag."""
        cdef const char* name
        cdef size_t n
        cdef unsigned int h
        if c.ns is not NULL:
            tag = elementFactory(doc, c).tag
            return (SKIP if tag in self.skip else 0) | (BOUNDARY if tag in self.boundary else 0)
        name = <const char*>c.name
        n = strlen(name)
        h = _hash(name, n) & (SLOTS - 1)
        while self.names[h] is not NULL:
            if self.lens[h] == n and memcmp(self.names[h], name, n) == 0:
                return self.flags[h]
            h = (h + 1) & (SLOTS - 1)
        return 0


# ------------------------------------------------------------------ the walks

cdef enum Mode:
    TEXT_OF = 0  # dom.text_of: " ".join(iter_text(el)), normalised
    BLOCK = 1    # dom.block_text: "".join(iter_block_text(el)), normalised
    JOINED = 2   # dom.joined_text


cdef int _walk(Out* o, _Element el, Names names, Mode mode, const unsigned char* sep,
               Py_ssize_t sep_len, bint limited, Py_ssize_t max_parts) except -1:
    """One walk of ``el``'s subtree in document order, with the events of
    ``etree.iterwalk(el, events=("start", "end"))``; a skipped element's subtree is not
    entered (the Python walks skip it or count it, which comes to the same), its own
    end still comes.  With ``limited``, the walk stops after the element event that
    brings joined_text's pieces past ``max_parts``."""
    cdef _Document doc = el._doc
    cdef tree.xmlNode* top = el._c_node
    cdef tree.xmlNode* c = top
    cdef tree.xmlNode* nxt
    cdef int flags
    cdef bint element
    cdef Seen seen
    _forget(&seen)
    while True:
        # ---- start event of c
        element = c.type == tree.XML_ELEMENT_NODE
        nxt = NULL
        if element:
            flags = names.cached(&seen, doc, c)
            if not flags & SKIP:
                if mode == TEXT_OF:
                    o.space = True  # " ".join: a space between any two pieces
                    _put_text(o, c.children)
                elif mode == BLOCK:
                    if flags & BOUNDARY:
                        o.space = True
                    _put_text(o, c.children)
                else:
                    if flags & BOUNDARY and c is not top:
                        _put(o, sep, sep_len)
                        o.parts += 1
                    if _has_text(c.children):
                        _put_text(o, c.children)
                        o.parts += 1
                    if limited and o.parts > max_parts:
                        return 0
                nxt = _next_visited(c.children)
        if nxt is not NULL:
            c = nxt
            continue
        # ---- end events: of c, then of each ancestor whose last visited child it is
        while True:
            element = c.type == tree.XML_ELEMENT_NODE
            if mode == JOINED:
                if element:
                    flags = names.cached(&seen, doc, c)
                    if flags & BOUNDARY and not flags & SKIP and c is not top:
                        _put(o, sep, sep_len)
                        o.parts += 1
                    if c is not top and _has_text(c.next):
                        _put_text(o, c.next)
                        o.parts += 1
                    if limited and o.parts > max_parts:
                        return 0
            else:
                if mode == BLOCK and element and names.cached(&seen, doc, c) & BOUNDARY:
                    o.space = True
                if c is not top:
                    if mode == TEXT_OF:
                        o.space = True
                    _put_text(o, c.next)
            if c is top:
                return 0
            nxt = _next_visited(c.next)
            if nxt is not NULL:
                c = nxt
                break
            c = c.parent


def text_of(Names names, _Element el not None):
    """``dom.text_of(el)``: ``names`` holds ``dom._SKIP_TEXT`` as its skip set."""
    if el._c_node.type != tree.XML_ELEMENT_NODE:
        raise _not_element(el)
    cdef Out o
    _init(&o)
    try:
        _walk(&o, el, names, TEXT_OF, NULL, 0, False, 0)
        return _result(&o)
    finally:
        PyMem_Free(o.data)


def block_text(Names names, _Element el not None):
    """``dom.block_text(el)``: ``names`` holds ``WIDGET_SKIP_TEXT`` and
    ``BLOCK_BOUNDARY``."""
    if el._c_node.type != tree.XML_ELEMENT_NODE:
        raise _not_element(el)
    cdef Out o
    _init(&o)
    try:
        _walk(&o, el, names, BLOCK, NULL, 0, False, 0)
        return _result(&o)
    finally:
        PyMem_Free(o.data)


def joined_text(Names names, _Element el not None, str separator, max_parts):
    """``dom.joined_text(el, boundary, skip, separator, max_parts)``, ``names`` holding
    ``skip`` and ``boundary``."""
    if el._c_node.type != tree.XML_ELEMENT_NODE:
        raise _not_element(el)
    cdef bytes sep = separator.encode("utf8")
    cdef bint limited = max_parts is not None
    cdef Py_ssize_t limit = 0
    if limited:
        if max_parts < 0:
            limit = -1  # len(parts) > max_parts holds from the first element event on
        elif max_parts >= PY_SSIZE_T_MAX:
            limited = False  # never reached
        else:
            limit = max_parts
    cdef Out o
    _init(&o)
    try:
        _walk(&o, el, names, JOINED, sep, len(sep), limited, limit)
        return _result(&o)
    finally:
        PyMem_Free(o.data)


# ------------------------------------------------------------------ ticker_quotes

cdef inline bint _visited_with_comments(tree.xmlNode* c):
    # the nodes etree.iterwalk(..., events=("start", "end", "comment", "pi")) gives
    # events for
    return (
        c.type == tree.XML_ELEMENT_NODE or c.type == tree.XML_ENTITY_REF_NODE
        or c.type == tree.XML_COMMENT_NODE or c.type == tree.XML_PI_NODE
    )


cdef inline tree.xmlNode* _next_with_comments(tree.xmlNode* c):
    while c is not NULL and not _visited_with_comments(c):
        c = c.next
    return c


cdef bint _starts_with_space(tree.xmlNode* c):
    """Whether ``_collectText(c)`` starts with whitespace (``text[:1].isspace()``)."""
    cdef const unsigned char* s
    cdef unsigned int cp
    c = _text_node_or_skip(c)
    while c is not NULL:
        s = <const unsigned char*>c.content
        if s is not NULL and s[0] != 0:
            if s[0] < 0x80:
                return Py_UNICODE_ISSPACE(s[0])
            if s[1] == 0 or (s[0] >= 0xE0 and s[2] == 0) or (s[0] >= 0xF0 and s[3] == 0):
                return False  # a broken sequence: the decode of the piece fails anyway
            if s[0] >= 0xF0:
                cp = ((s[0] & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (
                    s[3] & 0x3F
                )
            elif s[0] >= 0xE0:
                cp = ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F)
            elif s[0] >= 0xC0:
                cp = ((s[0] & 0x1F) << 6) | (s[1] & 0x3F)
            else:
                return False
            return Py_UNICODE_ISSPACE(<Py_UCS4>cp)
        c = _text_node_or_skip(c.next)
    return False


cdef inline bint _piece(Out* o, tree.xmlNode* c) except -1:
    """Normalise ``_collectText(c)`` into ``o`` (emptied first); whether it holds more
    than whitespace (``text.strip()`` is not empty)."""
    o.len = 0
    o.space = False
    o.solid = False
    _put_text(o, c)
    return o.solid


def pieces(Names names, _Element item not None):
    """``ticker_quotes._pieces(item)``: ``names`` holds ``ticker_quotes.SKIP``."""
    if item._c_node.type != tree.XML_ELEMENT_NODE:
        raise _not_element(item)
    cdef _Document doc = item._doc
    cdef tree.xmlNode* top = item._c_node
    cdef tree.xmlNode* c = top
    cdef tree.xmlNode* nxt
    cdef tree.xmlNode* last = NULL  # the node owning out[-1]
    cdef list out = []
    cdef Seen seen
    cdef Out o
    _forget(&seen)
    _init(&o)
    try:
        while True:
            # ---- start event of c: an element's text (comments and PIs have none)
            nxt = NULL
            if c.type == tree.XML_ELEMENT_NODE and not names.cached(&seen, doc, c) & SKIP:
                if _piece(&o, c.children):
                    out.append((_result(&o), elementFactory(doc, c)))
                    last = c
                nxt = _next_with_comments(c.children)
            if nxt is not NULL:
                c = nxt
                continue
            # ---- end (comment, pi) events: the tail goes to the parent; a tail after
            # a comment, PI or entity that starts with no space joins the text before it
            while True:
                if c is top:
                    return [piece for piece in out if piece[0]]
                if _piece(&o, c.next):
                    if (
                        c.type != tree.XML_ELEMENT_NODE and last is c.parent
                        and not _starts_with_space(c.next)
                    ):
                        before = out[len(out) - 1]
                        out[len(out) - 1] = (before[0] + _result(&o), before[1])
                    else:
                        out.append((_result(&o), elementFactory(doc, c.parent)))
                        last = c.parent
                nxt = _next_with_comments(c.next)
                if nxt is not NULL:
                    c = nxt
                    break
                c = c.parent
    finally:
        PyMem_Free(o.data)

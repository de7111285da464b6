# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Per-element scans of the widget detectors, in C.

``ticker_marks`` is the loop of ``tickers._scan``: over the page index's element list,
the elements whose text (or a child's tail) looks price-like or that carry a quote
attribute, and those with ticker class vocabulary.  Texts, tails and attributes are
read from lxml's C tree; the tests that decide most elements are byte tests on the
UTF-8 values that can only say "no":

- a text can be price-like (``ticker_quotes.PRICE_MARK`` / ``LONE_SIGN``) only if it
  holds an ASCII digit, "$", "%" or a non-ASCII character (every other sign is
  non-ASCII, and ``\\d`` also matches non-ASCII digits); only such texts are decoded and
  given to the Python test;
- a class can match ``tickers._HINT`` (``re.IGNORECASE``) only if it holds one of the
  words every match starts with (ASCII letters without case) or a non-ASCII character
  (``re.IGNORECASE`` folds "ſ" to "s", "K" (Kelvin) to "k"...); only such classes are
  given to the Python test.

``box_walk`` is the walk of ``takeaways._boxes``: the same elements in the same order,
the same subtrees left out, but the search's step (``takeaways._BoxSearch.candidate``)
called only for the elements that may name a box (an attribute value holding a
``_VOCAB_HINT`` word, ASCII without case, or a non-ASCII byte) or carry a label (own
text whose first word character may start a ``_LABEL_START`` word; any text when other
languages are tried).

The Python functions stay the reference: ``tickers._scan_python`` and
``takeaways._boxes_python``; tests/unit/test_accel_widgets.py compares each pair on the
fixtures, the zoo, samples and generated trees.
"""

from cpython.unicode cimport Py_UNICODE_ISALNUM, Py_UNICODE_ISSPACE, PyUnicode_DecodeUTF8
from libc.string cimport strlen

from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Document, _Element, elementFactory, import_lxml__etree

from newsparse._accel.nodes cimport (
    ascii_lower as _lower,
    collect_text as _collect_text,
    same as _same,
    starts_ci as _starts_ci,
    text_node_or_skip as _text_node_or_skip,
)

import_lxml__etree()


# ------------------------------------------------------------------ pre-tests


cdef inline bint _may_be_priceish_run(tree.xmlNode* c):
    """Whether the text of the run of text nodes at ``c`` may be price-like: it holds an
    ASCII digit, "$", "%" or a non-ASCII byte.  (Whitespace-only and empty texts never
    are.)"""
    cdef const unsigned char* s
    cdef Py_ssize_t i
    cdef unsigned char ch
    c = _text_node_or_skip(c)
    while c is not NULL:
        s = <const unsigned char*>c.content
        if s is not NULL:
            i = 0
            while s[i]:
                ch = s[i]
                if ch >= 0x80 or (48 <= ch <= 57) or ch == 36 or ch == 37:
                    return True
                i += 1
        c = _text_node_or_skip(c.next)
    return False


#: The patterns the text pre-test was written for (``ticker_quotes.PRICE_MARK`` and
#: ``LONE_SIGN``): every match holds an ASCII digit, "$", "%" or a non-ASCII character.
#: ``tickers`` uses this module only while its patterns are these.
PRICE_MARK = (
    "[\\$\xa3\xa5\u0e3f\u20a6\u20a9\u20aa\u20ab\u20ac\u20b1\u20b4\u20b9\u20ba\u20bd]"
    "\\s?[.\\d]|\\d\\s?[\\$\xa3\xa5\u0e3f\u20a6\u20a9\u20aa\u20ab\u20ac\u20b1\u20b4"
    "\u20b9\u20ba\u20bd%]|\\d\\s?(?:z\u0142|[A-Z]{3}\\b)"
)
LONE_SIGN = (
    "\\s*[\\$\xa3\xa5\u0e3f\u20a6\u20a9\u20aa\u20ab\u20ac\u20b1\u20b4\u20b9\u20ba"
    "\u20bd%]\\s*"
)


#: The words every match of ``tickers._HINT`` starts with (lower case; the tests check
#: that ``tickers._HINT_WORDS`` are these).
HINT_WORDS = (
    "ticker", "marquee", "ccpw", "coin", "crypto", "price", "market", "stock", "quote",
    "tradingview",
)
cdef list _HINT_BYTES = [w.encode("ascii") for w in HINT_WORDS]
cdef const char* _HINT_C[10]
for _k in range(10):
    _HINT_C[_k] = <const char*>_HINT_BYTES[_k]


cdef bint _may_hint(const char* s):
    """Whether ``tickers._HINT`` (``re.IGNORECASE``) can match the value: it holds one of
    :data:`HINT_WORDS` (ASCII letters without case) or a non-ASCII byte."""
    cdef Py_ssize_t i = 0
    cdef int k
    cdef unsigned char ch
    while s[i]:
        ch = _lower(<unsigned char>s[i])
        if ch >= 0x80:
            return True
        if ch == b"t" or ch == b"m" or ch == b"c" or ch == b"p" or ch == b"s" or ch == b"q":
            for k in range(10):
                if <unsigned char>_HINT_C[k][0] == ch and _starts_ci(s + i, _HINT_C[k]):
                    return True
        i += 1
    return False


cdef object _attr_value(tree.xmlAttr* a, object el):
    """The attribute's value as lxml reads it (``el.get``)."""
    cdef tree.xmlNode* ch = a.children
    if ch is NULL:
        return ""
    if ch.next is NULL and (ch.type == tree.XML_TEXT_NODE or ch.type == tree.XML_CDATA_SECTION_NODE):
        if ch.content is NULL:
            return ""
        return PyUnicode_DecodeUTF8(<const char*>ch.content, strlen(<const char*>ch.content), NULL)
    name = PyUnicode_DecodeUTF8(<const char*>a.name, strlen(<const char*>a.name), NULL)
    return el.get(name)


cdef inline bint _quote_attr(const char* name):
    # name in ticker_quotes.QUOTE_ATTR_SET (the tests check the set)
    if not (name[0] == b"d" and name[1] == b"a" and name[2] == b"t" and name[3] == b"a"
            and name[4] == b"-"):
        return False
    name += 5
    return (_same(name, "symbol") or _same(name, "price") or _same(name, "change")
            or _same(name, "ticker") or _same(name, "coin"))


#: ``ticker_quotes.QUOTE_ATTRS`` as this module tests them.
QUOTE_ATTRS = ("data-symbol", "data-price", "data-change", "data-ticker", "data-coin")
#: ``ticker_quotes.SKIP | tickers._NOT_CONTENT``: tags whose own text is not read.
SKIP_TAGS = frozenset({  # (12 names: _SKIP_C)
    "script", "style", "noscript", "template", "svg", "math", "button", "select",
    "link", "meta", "title", "base",
})
cdef list _SKIP_BYTES = [t.encode("ascii") for t in sorted(SKIP_TAGS)]
cdef const char* _SKIP_C[12]
for _k in range(12):
    _SKIP_C[_k] = <const char*>_SKIP_BYTES[_k]


cdef inline bint _skipped(const char* name):
    # name in SKIP_TAGS (one byte compared for most names)
    cdef int k
    for k in range(12):
        if name[0] == _SKIP_C[k][0] and _same(name, _SKIP_C[k]):
            return True
    return False


# ------------------------------------------------------------------ tickers


def ticker_marks(list elements, bint quote_attrs, priceish, hinted_class):
    """The loop of ``tickers._scan``: (marked, hinted), ``marked`` a list of the elements
    whose text is price-like (``priceish``), whose child's tail is, or (``quote_attrs``:
    the page has some) that carry a quote attribute, in the order they are first marked;
    ``hinted`` the ``<marquee>`` elements and those whose class ``hinted_class``
    accepts, in page order."""
    cdef dict marked = {}
    cdef list hinted = []
    cdef _Element el
    cdef _Document doc
    cdef tree.xmlNode* c
    cdef tree.xmlNode* parent
    cdef tree.xmlAttr* a
    cdef tree.xmlAttr* cls
    cdef bint mark
    for item in elements:
        el = <_Element?>item
        c = el._c_node
        # a price-like tail marks the parent element
        if c.next is not NULL and _may_be_priceish_run(c.next):
            parent = c.parent
            if parent is not NULL and (parent.type == tree.XML_ELEMENT_NODE):
                tail = _collect_text(c.next)
                if priceish(tail):
                    doc = el._doc
                    marked.setdefault(elementFactory(doc, parent), None)
        if c.ns is NULL and _skipped(<const char*>c.name):
            continue
        mark = c.children is not NULL and _may_be_priceish_run(c.children) and bool(
            priceish(_collect_text(c.children))
        )
        cls = NULL
        a = c.properties
        while a is not NULL:
            if a.ns is NULL:
                if _same(<const char*>a.name, "class"):
                    cls = a  # the last one, as the index's dict(el.items()) keeps
                elif quote_attrs and not mark and _quote_attr(<const char*>a.name):
                    mark = True
            a = a.next
        if mark:
            marked.setdefault(el, None)
        if c.ns is NULL and _same(<const char*>c.name, "marquee"):
            hinted.append(el)
        elif cls is not NULL and _class_may_hint(cls):
            value = _attr_value(cls, el)
            if value and hinted_class(value):
                hinted.append(el)
    return list(marked), hinted


cdef bint _class_may_hint(tree.xmlAttr* a):
    """:func:`_may_hint` of the attribute's value (True for a value of several nodes:
    the Python test decides)."""
    cdef tree.xmlNode* ch = a.children
    if ch is NULL:
        return False
    if ch.next is NULL and (ch.type == tree.XML_TEXT_NODE or ch.type == tree.XML_CDATA_SECTION_NODE):
        return ch.content is not NULL and _may_hint(<const char*>ch.content)
    return True


# ------------------------------------------------------------------ takeaways boxes

#: ``takeaways._VOCAB_HINT``'s words: the pre-test of an element's attribute values.
VOCAB_WORDS = ("take", "brief", "tl", "dr", "key", "know", "glance", "highlight", "summar")
cdef list _VOCAB_BYTES = [w.encode("ascii") for w in VOCAB_WORDS]
cdef const char* _VOCAB_C[9]
for _k in range(9):
    _VOCAB_C[_k] = <const char*>_VOCAB_BYTES[_k]
#: ``takeaways._LABEL_START``'s words (English labels; lower case, in its order).
LABEL_WORDS = (
    "the", "key", "main", "top", "quick", "fast", "in", "here", "what", "tl", "too", "at",
    "story", "article", "short", "bottom", "summary", "highlights",
)
cdef list _LABEL_BYTES = [w.encode("ascii") for w in LABEL_WORDS]
cdef const char* _LABEL_C[18]
for _k in range(18):
    _LABEL_C[_k] = <const char*>_LABEL_BYTES[_k]
cdef enum:
    _LABEL_RAW_MAX = 192
#: ``4 * takeaways._MAX_LABEL_CHARS``: ``_label_kind_of`` reads no longer own text.
LABEL_RAW_MAX = _LABEL_RAW_MAX
#: ``takeaways._SKIP_TEXT`` and "head": subtrees the box search never enters.
BOX_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "button", "head"})
cdef list _BOX_SKIP_BYTES = [t.encode("ascii") for t in sorted(BOX_SKIP)]
cdef const char* _BOX_SKIP_C[8]
for _k in range(8):
    _BOX_SKIP_C[_k] = <const char*>_BOX_SKIP_BYTES[_k]


cdef bint _may_vocab(const char* s):
    """Whether a value can hold a word of ``VOCAB_WORDS`` once lower-cased: it holds one
    (ASCII letters without case) or a non-ASCII byte."""
    cdef Py_ssize_t i = 0
    cdef int k
    cdef unsigned char ch
    while s[i]:
        ch = _lower(<unsigned char>s[i])
        if ch >= 0x80:
            return True
        for k in range(9):
            if <unsigned char>_VOCAB_C[k][0] == ch and _starts_ci(s + i, _VOCAB_C[k]):
                return True
        i += 1
    return False


cdef bint _values_may_vocab(tree.xmlNode* c):
    # _may_vocab of any attribute value (a value of several nodes: True, Python decides)
    cdef tree.xmlAttr* a = c.properties
    cdef tree.xmlNode* ch
    while a is not NULL:
        ch = a.children
        if ch is not NULL:
            if ch.next is not NULL or not (
                ch.type == tree.XML_TEXT_NODE or ch.type == tree.XML_CDATA_SECTION_NODE
            ):
                return True
            if ch.content is not NULL and _may_vocab(<const char*>ch.content):
                return True
        a = a.next
    return False


cdef inline bint _ascii_word(unsigned char ch) noexcept:
    # \w among ASCII bytes
    return (48 <= ch <= 57) or (65 <= ch <= 90) or (97 <= ch <= 122) or ch == 95


cdef bint _label_word(const unsigned char* w, Py_ssize_t size) noexcept:
    # the ASCII word w[:size] (lower case) is one of LABEL_WORDS
    cdef int k
    cdef Py_ssize_t i
    if size > 10:
        return False
    for k in range(18):
        i = 0
        while i < size and <unsigned char>_LABEL_C[k][i] == w[i]:
            i += 1
        if i == size and _LABEL_C[k][i] == 0:
            return True
    return False


cdef inline unsigned int _code_point(const unsigned char* s, Py_ssize_t* at) noexcept:
    # the UTF-8 character at s[at[0]] (not past a NUL), at[0] moved past it
    cdef Py_ssize_t i = at[0]
    cdef unsigned int cp
    cdef unsigned char b = s[i]
    cdef int more
    i += 1
    if b < 0x80:
        cp = b
        more = 0
    elif b >= 0xF0:
        cp = b & 0x07
        more = 3
    elif b >= 0xE0:
        cp = b & 0x0F
        more = 2
    else:
        cp = b & 0x1F
        more = 1
    while more and s[i]:
        cp = (cp << 6) | (s[i] & 0x3F)
        i += 1
        more -= 1
    at[0] = i
    return cp


cdef int _label_start(tree.xmlNode* t):
    """1 when the text of the run of text nodes at ``t`` may match ``_LABEL_START``
    (``re.IGNORECASE``), else 0: past leading non-word characters (``\\w`` as ``re``
    reads it: ``Py_UNICODE_ISALNUM`` or "_"), a run of ASCII word characters that is
    one of :data:`LABEL_WORDS` without case and ends the text or is followed by a
    non-word character.  A non-ASCII word character (which ``re.IGNORECASE`` may read
    as an ASCII letter, the Kelvin sign as "k") or a word running into a next text node
    gives 1: the regex decides."""
    cdef const unsigned char* s
    cdef unsigned char[11] word
    cdef Py_ssize_t i, size = 0
    cdef unsigned int cp
    cdef bint in_word = False
    while t is not NULL:
        s = <const unsigned char*>t.content
        if s is not NULL:
            i = 0
            while s[i]:
                cp = _code_point(s, &i)
                if cp < 0x80 and _ascii_word(<unsigned char>cp):
                    in_word = True
                    if size == 11:
                        return 0  # longer than every label word
                    word[size] = _lower(<unsigned char>cp)
                    size += 1
                elif cp >= 0x80 and (Py_UNICODE_ISALNUM(<Py_UCS4>cp) or cp == 95):
                    return 1
                elif in_word:
                    return _label_word(word, size)
        t = _text_node_or_skip(t.next)
        if in_word and t is not NULL:
            return 1
    return in_word and _label_word(word, size)


cdef bint _may_label(tree.xmlNode* c, bint other):
    """Whether ``takeaways._label_kind_of`` can find a label on the element: its own
    text is not empty, at most :data:`LABEL_RAW_MAX` characters long, and (unless
    ``other``: other languages are tried) may start like an English label
    (:func:`_label_start`)."""
    cdef tree.xmlNode* first = _text_node_or_skip(c.children)
    cdef tree.xmlNode* t = first
    cdef const unsigned char* s
    cdef Py_ssize_t i, chars = 0
    while t is not NULL:  # characters: bytes that are no UTF-8 continuation
        s = <const unsigned char*>t.content
        if s is not NULL:
            i = 0
            while s[i]:
                if (s[i] & 0xC0) != 0x80:
                    chars += 1
                i += 1
            if chars > _LABEL_RAW_MAX:
                return False
        t = _text_node_or_skip(t.next)
    if chars == 0:
        return False
    return other or _label_start(first) == 1


cdef bint _named_in(tree.xmlNode* c, const char** names, int count):
    cdef int k
    cdef const char* name = <const char*>c.name
    for k in range(count):
        if name[0] == names[k][0] and _same(name, names[k]):
            return True
    return False


cdef bint _in_article(tree.xmlNode* c):
    # an <article> among the element's ancestors
    c = c.parent
    while c is not NULL and c.type == tree.XML_ELEMENT_NODE:
        if c.ns is NULL and _same(<const char*>c.name, "article"):
            return True
        c = c.parent
    return False


def box_walk(_Element root, bint may_name, not_box, bint may_label, label_tags, bint other,
             visit):
    """The walk of ``takeaways._boxes``: the elements below and at ``root`` in document
    order, the skipped subtrees (``BOX_SKIP``; <nav> and <footer> outside an <article>)
    left out; ``visit(el)`` is called for each element that may name a box (``may_name``,
    its tag not in ``not_box``, an attribute value passing :func:`_may_vocab`) or carry a
    label (``may_label``, its tag in ``label_tags``, :func:`_may_label`), and its subtree
    is left out when it returns True."""
    cdef _Document doc = root._doc
    cdef tree.xmlNode* top = root._c_node
    cdef tree.xmlNode* c = top
    cdef bint descend, candidate
    cdef list not_box_b = [t.encode("utf8") for t in not_box]
    cdef list label_b = [t.encode("utf8") for t in label_tags]
    cdef int n_not_box = len(not_box_b), n_label = len(label_b), k
    if n_not_box > 64 or n_label > 64:
        raise ValueError("too many tags")
    cdef const char* not_box_c[64]
    cdef const char* label_c[64]
    for k in range(n_not_box):
        not_box_c[k] = <const char*>not_box_b[k]
    for k in range(n_label):
        label_c[k] = <const char*>label_b[k]
    while c is not NULL:
        descend = True
        if c.type == tree.XML_ELEMENT_NODE:
            if c.ns is NULL and _named_in(c, _BOX_SKIP_C, 8):
                descend = False
            elif c.ns is NULL and (_same(<const char*>c.name, "nav")
                                   or _same(<const char*>c.name, "footer")) \
                    and not _in_article(c):
                descend = False
            else:
                candidate = False
                if may_name and (c.ns is not NULL or not _named_in(c, not_box_c, n_not_box)):
                    candidate = _values_may_vocab(c)
                if not candidate and may_label and c.ns is NULL \
                        and _named_in(c, label_c, n_label):
                    candidate = _may_label(c, other)
                if candidate and visit(elementFactory(doc, c)):
                    descend = False
        else:
            descend = False
        # next node in document order (children first unless skipped), within root
        if descend and c.children is not NULL:
            c = c.children
            continue
        if c is top:
            break
        while c.next is NULL:
            c = c.parent
            if c is top or c is NULL:
                c = NULL
                break
        if c is NULL:
            break
        c = c.next


# ------------------------------------------------------------------ takeaways: headline lists

#: ``dom.WIDGET_SKIP_TEXT``: elements whose own text the headline walk does not count.
TEXT_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "button"})
cdef list _TEXT_SKIP_BYTES = [t.encode("ascii") for t in sorted(TEXT_SKIP)]
cdef const char* _TEXT_SKIP_C[7]
for _k in range(7):
    _TEXT_SKIP_C[_k] = <const char*>_TEXT_SKIP_BYTES[_k]

# what the headline walk tells apart (by the element's tag, as Python reads it)
cdef enum:
    _OTHER = 0
    _LINK = 1   # <a>: covers its subtree
    _LIST = 2   # <ul>, <ol>: a candidate, covers its subtree
    _SKIPPED = 3  # TEXT_SKIP: own text and tail not counted


cdef int _head_kind(tree.xmlNode* c, _Document doc) except -1:
    cdef const char* name
    if c.ns is not NULL:  # the tag is "{uri}name" (or what lxml makes of it): ask lxml
        tag = elementFactory(doc, c).tag
        if tag == "a":
            return _LINK
        if tag == "ul" or tag == "ol":
            return _LIST
        return _SKIPPED if tag in TEXT_SKIP else _OTHER
    name = <const char*>c.name
    if name[0] == b"a" and name[1] == 0:
        return _LINK
    if (name[0] == b"u" or name[0] == b"o") and name[1] == b"l" and name[2] == 0:
        return _LIST
    return _SKIPPED if _named_in(c, _TEXT_SKIP_C, 7) else _OTHER


cdef Py_ssize_t _stripped_len(tree.xmlNode* c) except -1:
    """``len((text or "").strip())`` of the run of text nodes at ``c`` (lxml's ``.text``
    from a first child, ``.tail`` from a next node): code points counted in the UTF-8,
    Python's whitespace (``Py_UNICODE_ISSPACE``) stripped from both ends."""
    c = _text_node_or_skip(c)
    if c is NULL:
        return 0
    if _text_node_or_skip(c.next) is not NULL:  # several nodes: as Python does it
        return len(_collect_text(c).strip())
    cdef const unsigned char* s = <const unsigned char*>c.content
    if s is NULL:
        return 0
    cdef Py_ssize_t i = 0, k = 0, first = -1, last = -1
    cdef unsigned int cp
    while s[i]:
        cp = _code_point(s, &i)
        if not Py_UNICODE_ISSPACE(<Py_UCS4>cp):
            if first < 0:
                first = k
            last = k
        k += 1
    return 0 if first < 0 else last - first + 1


cdef tree.xmlNode* _next_element(tree.xmlNode* c) noexcept:
    # the first element node from c on (c itself included), along c's siblings
    while c is not NULL and c.type != tree.XML_ELEMENT_NODE:
        c = c.next
    return c


cdef tree.xmlNode* _first_headline(tree.xmlNode* top, _Document doc, ok) except? NULL:
    """The first <h1> (no namespace) at or below ``top`` in document order that
    ``ok(el)`` accepts (``root.iter("h1")``), NULL when there is none."""
    cdef tree.xmlNode* c = top
    while c is not NULL:
        if c.type == tree.XML_ELEMENT_NODE:
            if c.ns is NULL and _same(<const char*>c.name, "h1") and ok(elementFactory(doc, c)):
                return c
            if c.children is not NULL:
                c = c.children
                continue
        if c is top:
            break
        while c.next is NULL:
            c = c.parent
            if c is top or c is NULL:
                return NULL
        c = c.next
    return NULL


cdef bint _link_above(tree.xmlNode* c, _Document doc) except -1:
    # c or one of its ancestors is an <a>
    while c is not NULL and c.type == tree.XML_ELEMENT_NODE:
        if _head_kind(c, doc) == _LINK:
            return True
        c = c.parent
    return False


def headline_lists(_Element root, ok, int max_seen, Py_ssize_t max_text):
    """The walk of ``takeaway_top.headline_lists_python``: the <ul> and <ol> elements
    after the page's headline (the first <h1> at or below ``root`` that ``ok`` accepts),
    in document order, until ``max_seen`` elements were met or more than ``max_text``
    characters of text outside links, lists and ``TEXT_SKIP`` elements."""
    cdef _Document doc = root._doc
    cdef tree.xmlNode* node = _first_headline(root._c_node, doc, ok)
    cdef tree.xmlNode* parent
    cdef tree.xmlNode* sib
    cdef tree.xmlNode* c
    cdef tree.xmlNode* child
    cdef list lists = []
    cdef int seen = 0, covers, kind
    cdef Py_ssize_t text = 0
    cdef bint in_link
    if node is NULL:
        return lists
    while node is not NULL:
        parent = node.parent
        if parent is not NULL and parent.type != tree.XML_ELEMENT_NODE:
            parent = NULL
        in_link = parent is not NULL and _link_above(parent, doc)
        sib = _next_element(node.next)
        while sib is not NULL:
            # the subtree of sib in document order; covers: links and lists open around c
            covers = 0
            c = sib
            while True:
                kind = _head_kind(c, doc)
                seen += 1
                if seen > max_seen:
                    return lists
                if kind == _LIST:
                    lists.append(elementFactory(doc, c))
                elif kind == _OTHER and not in_link and covers == 0:
                    text += _stripped_len(c.children) + _stripped_len(c.next)
                    if text > max_text:
                        return lists
                if kind == _LINK or kind == _LIST:
                    covers += 1
                child = _next_element(c.children)
                if child is not NULL:
                    c = child
                    continue
                # leave c and the ancestors it ends, up to sib
                while True:
                    kind = _head_kind(c, doc)
                    if kind == _LINK or kind == _LIST:
                        covers -= 1
                    if c is sib:
                        c = NULL
                        break
                    child = _next_element(c.next)
                    if child is not NULL:
                        c = child
                        break
                    c = c.parent
                if c is NULL:
                    break
            sib = _next_element(sib.next)
        node = parent
    return lists


# ------------------------------------------------------------------ takeaways: box words


cdef inline bint _sep(unsigned char ch) noexcept:
    # [^a-z0-9], a byte at a time (every byte of a non-ASCII character is one)
    return not ((97 <= ch <= 122) or (48 <= ch <= 57))


cdef enum:
    _MAX_SEQS = 32
    _MAX_GROUPS = 4
    _MAX_WORDS = 4

# the word sequences of one call in C arrays (pointers into the caller's bytes)
ctypedef struct _Seqs:
    int count
    int groups[_MAX_SEQS]
    int words[_MAX_SEQS][_MAX_GROUPS]
    const unsigned char* word[_MAX_SEQS][_MAX_GROUPS][_MAX_WORDS]
    Py_ssize_t size[_MAX_SEQS][_MAX_GROUPS][_MAX_WORDS]


cdef bint _seq_at(const unsigned char* s, Py_ssize_t n, Py_ssize_t p, _Seqs* q, int t,
                  int j) noexcept:
    """Whether groups ``j``... of sequence ``t`` match at ``p``: a word of each group in
    turn, runs of separator bytes between them (before each group but the first), as
    the regex ``"[^a-z0-9]*".join("(?:w1|w2...)" per group)`` tries every word of a
    group."""
    cdef const unsigned char* w
    cdef Py_ssize_t k, m
    cdef int v
    if j == q.groups[t]:
        return True
    if j > 0:
        while p < n and _sep(s[p]):
            p += 1  # the next word starts with a letter: it starts where the run ends
    for v in range(q.words[t][j]):
        w = q.word[t][j][v]
        m = q.size[t][j][v]
        if p + m > n:
            continue
        k = 0
        while k < m and s[p + k] == w[k]:
            k += 1
        if k == m and _seq_at(s, n, p + m, q, t, j + 1):
            return True
    return False


def word_sequences_in(str text, tuple sequences):
    """Whether one of ``sequences`` occurs in ``text`` (``takeaway_gate._BOX_VALUES``'s
    regexes in C): each a tuple of groups of words (lower-case ASCII bytes starting with
    a letter), a match one word of each group in order with separators
    (``[^a-z0-9]*``) between them, anywhere in the text."""
    cdef bytes data = text.encode("utf-8", "surrogatepass")
    cdef const unsigned char* s = <const unsigned char*>data
    cdef Py_ssize_t n = len(data), i
    # by a position's first and second byte: the sequences that may start there
    cdef unsigned int[256] first
    cdef unsigned int[256] second
    cdef unsigned int bits
    cdef _Seqs q
    cdef bytes word
    cdef int k, t, j, v
    if len(sequences) > _MAX_SEQS:
        raise ValueError("too many sequences")
    for k in range(256):
        first[k] = 0
        second[k] = 0
    q.count = len(sequences)
    for t in range(q.count):
        seq = sequences[t]
        if not 0 < len(seq) <= _MAX_GROUPS:
            raise ValueError("a sequence of too many groups")
        q.groups[t] = len(seq)
        for j in range(q.groups[t]):
            group = seq[j]
            if not 0 < len(group) <= _MAX_WORDS:
                raise ValueError("a group of too many words")
            q.words[t][j] = len(group)
            for v in range(len(group)):
                word = group[v]
                if len(word) < (2 if j == 0 else 1):
                    raise ValueError("a first word of one byte, or an empty word")
                q.word[t][j][v] = <const unsigned char*>word
                q.size[t][j][v] = len(word)
                if j == 0:
                    first[q.word[t][j][v][0]] |= 1u << t
                    second[q.word[t][j][v][1]] |= 1u << t
    for i in range(n):
        bits = first[s[i]] & second[s[i + 1]]  # s[n] is the bytes' closing NUL
        t = 0
        while bits:
            if bits & 1 and _seq_at(s, n, i, &q, t, 0):
                return True
            bits >>= 1
            t += 1
    return False

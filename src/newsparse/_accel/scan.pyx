# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Page-wide element scans of the byline and comment extractors, in C.

Each scan goes over the page index's element list (``dom.page_index(doc).elements``)
and reads every element's attributes from lxml's C tree (libxml2's ``properties``
list), without a Python step per element: the tests that decide most elements (is there
a byline word in the class, id, rel or itemprop? a comment hint in the class or id?)
are byte comparisons on the UTF-8 values.  Python is called back only where C cannot
answer exactly and cheaply: a value with non-ASCII characters (``re.IGNORECASE`` folds a
few of them to ASCII letters: "ſ" is "s", "ı" is "i"), an author-page href or a "By "
text the pre-test lets through (then the extractor's own compiled pattern decides), and
the few elements that pass, whose chrome and article tests stay the Python functions.

The pure-Python functions stay the reference: ``authors._cue_elements_python``,
``authors._byline_candidates_python`` and ``comment_markup._candidates_python``;
tests/unit/test_accel_scan.py compares each pair on the fixtures, the zoo, samples and
generated trees.  The page index is made after the tree's last change (``load``), so the
attributes read here are the ones in the index's dicts.
"""

import re

from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.string cimport strcmp, strlen, strstr

from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Element, import_lxml__etree

from newsparse._accel.nodes cimport (
    collect_text as _collect_text,
    text_node_or_skip as _text_node_or_skip,
    ascii_lower as _lower,
    starts as _starts,
    same as _same,
    starts_ci as _starts_ci,
)

import_lxml__etree()


# ------------------------------------------------------------------ reading the tree


cdef inline bint _named(tree.xmlAttr* a, const char* name):
    # an attribute without namespace called ``name``: the key ``name`` of lxml's items()
    return a.ns is NULL and _same(<const char*>a.name, name)


cdef const char* _value(tree.xmlAttr* a, object el, list keep) except NULL:
    """The attribute's value as UTF-8, as lxml reads it (``el.get``): the content of its
    one text node ("" for a value-less attribute such as ``hidden``).  A value made of
    several nodes (entity references) is read through lxml and its bytes kept alive in
    ``keep``."""
    cdef tree.xmlNode* ch = a.children
    if ch is NULL:
        return ""
    if ch.next is NULL and (ch.type == tree.XML_TEXT_NODE or ch.type == tree.XML_CDATA_SECTION_NODE):
        if ch.content is NULL:
            return ""
        return <const char*>ch.content
    name = PyUnicode_DecodeUTF8(<const char*>a.name, strlen(<const char*>a.name), NULL)
    cdef bytes data = el.get(name).encode("utf8")
    keep.append(data)
    return <const char*>data


cdef inline str _str(const char* value):
    return PyUnicode_DecodeUTF8(value, strlen(value), NULL)


# ------------------------------------------------------------------ the patterns

#: The patterns whose answers (or pre-tests) this module computes in C, as the Python
#: modules define them.  ``authors`` and ``comment_markup`` use the compiled scans only
#: while their patterns are these (tests/unit/test_accel_scan.py checks that they are):
#: a change of vocabulary there must be made here too.
BYLINE_ATTR = re.compile("byline|author|posted-by|writer|creator", re.IGNORECASE)
AUTHOR_HREF = re.compile(r"/(?:authors?|writers?)/|[?&]author=", re.IGNORECASE)
BY_TEXT = re.compile(r"\s*(?:By|BY|by)\s")
COMMENT_HINT = re.compile(r"omment|wpd|disqus|respond|post-list|discussion|cooked")


cdef enum:
    MAX_WORDS = 16


cdef struct Words:
    # a set of ASCII words, found by one table read per byte and a comparison only at
    # their first letters: first[byte] is 1 + the index of the first word starting with
    # that byte (0: none; 255: a non-ASCII byte, when ``wide`` is asked for), next[k]
    # the next word with the same first letter
    unsigned char first[256]
    const char* word[MAX_WORDS]
    unsigned char next[MAX_WORDS]
    bint fold


cdef list _KEEP = []  # the bytes the word pointers point into


cdef void _words(Words* w, pattern) except *:
    """Fill ``w`` with the alternatives of the compiled ``pattern`` (plain ASCII words
    joined by "|"); with ``re.IGNORECASE`` they are compared without case and a
    non-ASCII byte is marked (255)."""
    cdef bint fold = bool(pattern.flags & re.IGNORECASE), wide = fold
    words = pattern.pattern.split("|")
    if len(words) >= MAX_WORDS or not all(x and x.isascii() and x.replace("-", "").isalnum()
                                          for x in words):
        raise ValueError(f"not a list of plain words: {pattern.pattern!r}")
    cdef int ch, k
    cdef unsigned char last
    for ch in range(256):
        w.first[ch] = 255 if wide and ch >= 0x80 else 0
    w.fold = fold
    for k in range(len(words)):
        data = (words[k].lower() if fold else words[k]).encode("ascii")
        _KEEP.append(data)
        w.word[k] = <const char*>data
        w.next[k] = 0
        for ch in ({data[0], data.upper()[0]} if fold else {data[0]}):
            if w.first[ch] == 0:
                w.first[ch] = k + 1
            else:  # chain it after the last word with this first letter
                last = w.first[ch] - 1
                while w.next[last]:
                    last = w.next[last] - 1
                w.next[last] = k + 1


cdef int _find(const Words* w, const char* s):
    """1 if ``s`` holds one of the words, 0 if not, -1 if it does not and has a non-ASCII
    byte (only for a table made ``wide``)."""
    cdef Py_ssize_t i = 0
    cdef unsigned char k
    cdef bint wide = False
    while s[i]:
        k = w.first[<unsigned char>s[i]]
        if k == 255:
            wide = True
        else:
            while k:
                if _starts_ci(s + i, w.word[k - 1]) if w.fold else _starts(s + i, w.word[k - 1]):
                    return 1
                k = w.next[k - 1]
        i += 1
    return -1 if wide else 0


cdef Words _BYLINE_WORDS, _HINT_WORDS
_words(&_BYLINE_WORDS, BYLINE_ATTR)
_words(&_HINT_WORDS, COMMENT_HINT)


cdef inline int _byline_word(const char* s):
    """1 if the value holds a word of :data:`BYLINE_ATTR` (ASCII letters without case),
    0 if not, -1 if it does not and has non-ASCII characters (``re.IGNORECASE`` matches
    "ſ" to "s", "ı" to "i": the pattern decides)."""
    return _find(&_BYLINE_WORDS, s)


cdef bint _may_be_author_href(const char* s):
    """Whether ``authors._AUTHOR_HREF`` can find something in the value: it holds
    "author" or "writer" (ASCII, without case), or a non-ASCII character."""
    cdef Py_ssize_t i = 0
    cdef unsigned char ch
    while s[i]:
        ch = _lower(<unsigned char>s[i])
        if ch >= 0x80:
            return True
        if ch == b"a":
            if _starts_ci(s + i, "author"):
                return True
        elif ch == b"w":
            if _starts_ci(s + i, "writer"):
                return True
        i += 1
    return False


cdef bint _may_start_by(tree.xmlNode* c):
    """Whether ``authors._BY_TEXT`` (``\\s*(?:By|BY|by)\\s``) can match the element's
    text: its first byte above the ASCII controls and space is "B", "b" or non-ASCII
    (Unicode spaces are non-ASCII; a control that is no space only lets the pattern
    decide)."""
    cdef tree.xmlNode* t = _text_node_or_skip(c.children)
    cdef const unsigned char* s
    cdef Py_ssize_t i
    while t is not NULL:
        s = <const unsigned char*>t.content
        if s is not NULL:
            i = 0
            while s[i]:
                if s[i] > 0x20:
                    return s[i] == b"B" or s[i] == b"b" or s[i] >= 0x80
                i += 1
        t = _text_node_or_skip(t.next)
    return False


cdef inline bint _comment_hint(const char* s):
    """:data:`COMMENT_HINT` ``.search`` (case-sensitive ASCII words: a byte search on the
    UTF-8 value finds what the pattern finds in the text)."""
    return _find(&_HINT_WORDS, s) == 1


# ------------------------------------------------------------------ bylines


cdef class BylineScan:
    """The byline search's element scans, set up once with ``authors``' patterns and
    tests (the callbacks for the few elements C does not decide)."""

    cdef object byline_attr, author_href, by_text, in_other_article, chrome
    cdef frozenset no_byline_tags
    cdef list no_byline_names
    cdef Py_ssize_t max_candidates, near

    def __init__(
        self, *, byline_attr, author_href, by_text, no_byline_tags, in_other_article,
        chrome, max_candidates, near,
    ):
        self.byline_attr = byline_attr  # _BYLINE_ATTR.search
        self.author_href = author_href  # _AUTHOR_HREF.search
        self.by_text = by_text  # _BY_TEXT.match
        self.no_byline_tags = frozenset(no_byline_tags)
        self.no_byline_names = [t.encode("utf8") for t in self.no_byline_tags]
        self.in_other_article = in_other_article
        self.chrome = chrome
        self.max_candidates = max_candidates
        self.near = near

    cdef bint cue(self, tree.xmlNode* c, object el, list keep) except -1:
        """``authors._cue_elements``' test of one element: its class, id, rel or itemprop
        holds a byline word (the first attribute of each name, as lxml's ``get``)."""
        cdef tree.xmlAttr* a = c.properties
        cdef int seen = 0, bit, found
        cdef const char* value
        while a is not NULL:
            if a.ns is NULL:
                if _same(<const char*>a.name, "class"):
                    bit = 1
                elif _same(<const char*>a.name, "id"):
                    bit = 2
                elif _same(<const char*>a.name, "rel"):
                    bit = 4
                elif _same(<const char*>a.name, "itemprop"):
                    bit = 8
                else:
                    bit = 0
                if bit and not (seen & bit):
                    seen |= bit
                    value = _value(a, el, keep)
                    found = _byline_word(value)
                    if found < 0:
                        found = self.byline_attr(_str(value)) is not None
                    if found:
                        return True
            a = a.next
        return False

    cdef bint weak_cue(self, tree.xmlNode* c, object el, list keep) except -1:
        """``authors._weak_cue``: an author-page href, or text starting with "By "."""
        cdef tree.xmlAttr* a = c.properties
        cdef const char* value
        while a is not NULL:
            if _named(a, "href"):
                value = _value(a, el, keep)
                if value[0] and _may_be_author_href(value) and self.author_href(_str(value)):
                    return True
                break
            a = a.next
        if not _may_start_by(c):
            return False
        text = _collect_text(c.children)
        return bool(text and self.by_text(text))

    cdef bint no_byline_tag(self, tree.xmlNode* c, object el) except -1:
        # el.tag in authors._NO_BYLINE_TAGS
        if c.ns is not NULL:
            return el.tag in self.no_byline_tags
        cdef bytes name
        for name in self.no_byline_names:
            if strcmp(<const char*>c.name, <const char*>name) == 0:
                return True
        return False

    def cues(self, list elements):
        """``authors._cue_elements``: the set of ``elements`` with a byline cue."""
        cdef set found = set()
        cdef list keep = []
        cdef _Element el
        for item in elements:
            el = <_Element?>item
            if el._c_node.properties is not NULL and self.cue(el._c_node, el, keep):
                found.add(el)
        return found

    def candidates(
        self, list elements, Py_ssize_t at, Py_ssize_t end, Py_ssize_t first_after,
        own_articles,
    ):
        """``authors._byline_candidates`` past its set-up: ``elements`` the body's
        elements, ``at`` the headline's position in them (-1: none), ``end`` where the
        search stops, ``first_after`` the first position "after" the headline,
        ``own_articles`` the headline's <article> ancestors."""
        cdef Py_ssize_t near_start = at + 1, near_stop = 0, i
        if at >= 0:
            near_stop = min(end, at + self.near + 1)
        cdef list before = [], after = [], keep = []
        cdef dict chrome = {}
        cdef _Element el
        cdef tree.xmlNode* c
        cdef bint check_articles = bool(own_articles)
        end = min(end, len(elements))
        for i in range(end):
            if i == at:
                continue
            el = <_Element?>elements[i]
            c = el._c_node
            if c.properties is NULL or not self.cue(c, el, keep):
                if not (near_start <= i < near_stop and self.weak_cue(c, el, keep)):
                    continue
            if self.no_byline_tag(c, el):
                continue
            if check_articles and self.in_other_article(el, own_articles):
                continue
            if not self.chrome(el, chrome):
                (after if i >= first_after else before).append(el)
                if len(after) >= self.max_candidates:
                    break
        return (after + before)[: self.max_candidates]


# ------------------------------------------------------------------ comments


def comment_candidates(list elements):
    """``comment_markup._candidates``: the elements whose class or id holds a comment
    hint, or whose itemtype or data-testid holds "omment", or that have a
    data-comment-id, in page order."""
    cdef list out = [], keep = []
    cdef _Element el
    cdef tree.xmlNode* c
    cdef tree.xmlAttr* a
    cdef const char* cls
    cdef const char* ident
    cdef const char* itemtype
    cdef const char* testid
    cdef bint comment_id
    for item in elements:
        el = <_Element?>item
        c = el._c_node
        a = c.properties
        if a is NULL:
            continue
        cls = ident = itemtype = testid = NULL
        comment_id = False
        while a is not NULL:
            if a.ns is NULL:
                if cls is NULL and _same(<const char*>a.name, "class"):
                    cls = _value(a, el, keep)
                elif ident is NULL and _same(<const char*>a.name, "id"):
                    ident = _value(a, el, keep)
                elif itemtype is NULL and _same(<const char*>a.name, "itemtype"):
                    itemtype = _value(a, el, keep)
                elif testid is NULL and _same(<const char*>a.name, "data-testid"):
                    testid = _value(a, el, keep)
                elif _same(<const char*>a.name, "data-comment-id"):
                    comment_id = True
            a = a.next
        if (
            (cls is not NULL and _comment_hint(cls))
            or (ident is not NULL and _comment_hint(ident))
            or (itemtype is not NULL and strstr(itemtype, "omment") is not NULL)
            or (testid is not NULL and strstr(testid, "omment") is not NULL)
            or comment_id
        ):
            out.append(el)
    return out

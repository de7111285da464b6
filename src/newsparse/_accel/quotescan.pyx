# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Text tests of the ticker detector, in C.

``priceish`` is ``ticker_quotes._priceish``: whether a text piece holds something
price-like (``ticker_quotes.PRICE_MARK`` found in it) or is a lone currency or percent
sign (``LONE_SIGN``, under 16 characters).  The regular expression tries its three
branches at every position of the text (it has no literal to skip ahead by), ~20 ns a
character; here one pass reads each character once, with the character classes of
Python's ``re`` (str patterns): ``\\d`` is ``Py_UNICODE_ISDECIMAL``, ``\\s``
``Py_UNICODE_ISSPACE``, ``\\w`` ``Py_UNICODE_ISALNUM`` or "_", ``[A-Z]`` ASCII only.
The mark scan (``tickers._scan``, ``newsparse._accel.widgets.ticker_marks``) calls it
on every text that may be price-like.

``code_count`` is ``tickers._code_count_python``: the matches of ``tickers._CODES``
(the three-letter ISO currency codes) in the page's text as the ticker items read it
(text nodes outside ``ticker_quotes.SKIP`` subtrees), squashed (every ``str.split``
space and the zero-width characters ``dom.norm_space`` drops removed), counted in C
without making the text: a run of ASCII capitals is compared with the codes as it
grows; anything else ends it.

The Python functions stay the reference; tests/unit/test_accel_quotescan.py compares
each pair on generated texts, the fixtures, the zoo, samples and generated trees.
"""

from cpython.unicode cimport Py_UNICODE_ISALNUM, Py_UNICODE_ISDECIMAL, Py_UNICODE_ISSPACE

from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Element, import_lxml__etree

from newsparse._accel.nodes cimport same as _same

import_lxml__etree()


# ------------------------------------------------------------------ price-like text

#: The patterns ``priceish`` was written for (``ticker_quotes.PRICE_MARK`` and
#: ``LONE_SIGN``, flags ``re.UNICODE`` only): ``ticker_quotes`` uses it only while its
#: patterns are these.
PRICE_MARK = (
    "[\\$\xa3\xa5\u0e3f\u20a6\u20a9\u20aa\u20ab\u20ac\u20b1\u20b4\u20b9\u20ba\u20bd]"
    "\\s?[.\\d]|\\d\\s?[\\$\xa3\xa5\u0e3f\u20a6\u20a9\u20aa\u20ab\u20ac\u20b1\u20b4"
    "\u20b9\u20ba\u20bd%]|\\d\\s?(?:z\u0142|[A-Z]{3}\\b)"
)
LONE_SIGN = (
    "\\s*[\\$\xa3\xa5\u0e3f\u20a6\u20a9\u20aa\u20ab\u20ac\u20b1\u20b4\u20b9\u20ba"
    "\u20bd%]\\s*"
)


cdef inline bint _sign(Py_UCS4 c) noexcept:
    # the currency-sign class of PRICE_MARK and LONE_SIGN (without "%")
    if c < 0x80:
        return c == 0x24
    return (
        c == 0xa3 or c == 0xa5 or c == 0x0e3f or c == 0x20a6 or c == 0x20a9
        or c == 0x20aa or c == 0x20ab or c == 0x20ac or c == 0x20b1 or c == 0x20b4
        or c == 0x20b9 or c == 0x20ba or c == 0x20bd
    )


cdef inline bint _digit(Py_UCS4 c) noexcept:
    # \d
    if c < 0x80:
        return 0x30 <= c <= 0x39
    return Py_UNICODE_ISDECIMAL(c)


cdef inline bint _space(Py_UCS4 c) noexcept:
    # \s
    return Py_UNICODE_ISSPACE(c)


cdef inline bint _word(Py_UCS4 c) noexcept:
    # \w
    return c == 0x5f or Py_UNICODE_ISALNUM(c)


cdef inline bint _capital(Py_UCS4 c) noexcept:
    # [A-Z]
    return 0x41 <= c <= 0x5a


cpdef bint priceish(str text):
    """``ticker_quotes._priceish``: ``PRICE_MARK.search(text)`` found something, or
    ``text`` is under 16 characters and ``LONE_SIGN`` matches all of it."""
    cdef Py_ssize_t n = len(text), i, j
    cdef Py_UCS4 c, d
    for i in range(n - 1):  # every branch needs two characters at least
        c = text[i]
        if _sign(c):
            # [S]\s?[.\d]
            d = text[i + 1]
            if d == u"." or _digit(d):
                return True
            if i + 2 < n and _space(d):
                d = text[i + 2]
                if d == u"." or _digit(d):
                    return True
        elif _digit(c):
            # \d\s?[S%] and \d\s?(?:zł|[A-Z]{3}\b): the optional space taken if there is
            # one (none of what follows it is a space)
            j = i + 2 if _space(text[i + 1]) else i + 1
            if j >= n:
                continue
            d = text[j]
            if d == u"%" or _sign(d):
                return True
            if d == u"z":
                if j + 1 < n and text[j + 1] == u"\u0142":
                    return True
            elif _capital(d) and j + 2 < n and _capital(text[j + 1]) and _capital(text[j + 2]):
                if j + 3 == n or not _word(text[j + 3]):
                    return True
    if n >= 16:
        return False
    # LONE_SIGN: \s*[S%]\s* over the whole text
    i = 0
    while i < n and _space(text[i]):
        i += 1
    if i == n:
        return False
    c = text[i]
    if not (c == u"%" or _sign(c)):
        return False
    i += 1
    while i < n and _space(text[i]):
        i += 1
    return i == n


# ------------------------------------------------------------------ currency codes

#: The codes ``code_count`` counts (``tickers._CODES``' alternatives, three ASCII
#: capitals each): ``tickers`` uses it only while its codes are these.
CODES = frozenset({
    "AED", "ARS", "AUD", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EUR", "GBP", "HKD",
    "HUF", "IDR", "ILS", "INR", "JPY", "KRW", "MXN", "MYR", "NGN", "NOK", "NZD", "PHP",
    "PLN", "RUB", "SAR", "SEK", "SGD", "THB", "TRY", "UAH", "USD", "VND", "ZAR",
})
#: The names of ``ticker_quotes.SKIP``: subtrees whose text no item reads.
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "math", "button", "select"})
cdef list _SKIP_BYTES = [t.encode("ascii") for t in sorted(SKIP_TAGS)]
cdef const char* _SKIP_C[8]
for _k in range(8):
    _SKIP_C[_k] = <const char*>_SKIP_BYTES[_k]

# the codes as a table of 26 * 26 * 26 bits: _CODE_BITS[k >> 3] & (1 << (k & 7)), k the
# code's letters read as a number in base 26
cdef unsigned char _CODE_BITS[2197]
for _k in range(2197):
    _CODE_BITS[_k] = 0
for _code in CODES:
    _k = ((ord(_code[0]) - 65) * 26 + ord(_code[1]) - 65) * 26 + ord(_code[2]) - 65
    _CODE_BITS[_k >> 3] |= 1 << (_k & 7)


cdef inline bint _skipped(tree.xmlNode* c) noexcept:
    # an element whose tag (lxml's .tag: no namespace) is in SKIP_TAGS
    cdef int k
    if c.ns is not NULL:
        return False
    for k in range(8):
        if c.name[0] == _SKIP_C[k][0] and _same(<const char*>c.name, _SKIP_C[k]):
            return True
    return False


cdef inline bint _zero_width(Py_UCS4 c) noexcept:
    # the characters dom.norm_space drops
    return (
        c == 0x200b or c == 0x200c or c == 0x200d or c == 0x2060 or c == 0xfeff
        or c == 0xad
    )


cdef struct Codes:
    int run  # ASCII capitals read since the last match or other character (up to 3)
    int k  # the last three of them, as a number in base 26
    Py_ssize_t count


cdef void _feed(Codes* st, const unsigned char* s) noexcept:
    """Read one text node's UTF-8 bytes into the count."""
    cdef Py_ssize_t i = 0
    cdef unsigned char b
    cdef Py_UCS4 c
    while s[i]:
        b = s[i]
        if b < 0x80:
            i += 1
            if 0x41 <= b <= 0x5a:
                st.k = (st.k * 26 + (b - 0x41)) % 17576
                st.run += 1
                if st.run >= 3 and _CODE_BITS[st.k >> 3] & (1 << (st.k & 7)):
                    st.count += 1
                    st.run = 0  # a match: the next one starts after it
                continue
            if b == 0x20 or 0x09 <= b <= 0x0d or 0x1c <= b <= 0x1f:
                continue  # squashed away
            st.run = 0
            continue
        # a character beyond ASCII: decoded to tell the spaces and zero-width ones
        if b >= 0xf0 and s[i + 1] and s[i + 2] and s[i + 3]:
            c = ((b & 0x07) << 18) | ((s[i + 1] & 0x3f) << 12) | ((s[i + 2] & 0x3f) << 6) | (s[i + 3] & 0x3f)
            i += 4
        elif b >= 0xe0 and s[i + 1] and s[i + 2]:
            c = ((b & 0x0f) << 12) | ((s[i + 1] & 0x3f) << 6) | (s[i + 2] & 0x3f)
            i += 3
        elif b >= 0xc0 and s[i + 1]:
            c = ((b & 0x1f) << 6) | (s[i + 1] & 0x3f)
            i += 2
        else:  # not UTF-8 as libxml2 keeps it: no capital, no space
            i += 1
            st.run = 0
            continue
        if not (Py_UNICODE_ISSPACE(c) or _zero_width(c)):
            st.run = 0


cdef void _walk(Codes* st, tree.xmlNode* top) noexcept:
    """Feed the text nodes of ``top``'s subtree but those inside skipped elements, in
    document order (a loop over the nodes: no recursion however deep the tree)."""
    cdef tree.xmlNode* c = top.children
    while c is not NULL:
        if c.type == tree.XML_TEXT_NODE or c.type == tree.XML_CDATA_SECTION_NODE:
            if c.content is not NULL:
                _feed(st, <const unsigned char*>c.content)
        elif c.type == tree.XML_ELEMENT_NODE and c.children is not NULL and not _skipped(c):
            c = c.children
            continue
        while c.next is NULL:  # the last child: up to the first ancestor with a next
            c = c.parent
            if c is NULL or c is top:
                return
        c = c.next


def code_count(_Element root not None):
    """``tickers._code_count_python`` for the subtree of ``root`` (its tail left out)."""
    cdef Codes st
    st.run = 0
    st.k = 0
    st.count = 0
    if _skipped(root._c_node):
        return 0
    _walk(&st, root._c_node)
    return st.count


# ------------------------------------------------------------------ the page's names

cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object o)
    void* PyUnicode_DATA(object o)


cdef enum:
    MAX_WORDS = 16


cdef struct Words:
    # up to 16 ASCII words: first[byte] has bit k set when word k starts with that byte
    unsigned short first[256]
    const char* word[MAX_WORDS]
    Py_ssize_t size[MAX_WORDS]
    int count


cdef int _words(Words* w, tuple words, list keep) except -1:
    cdef int k, ch
    if len(words) > MAX_WORDS:
        raise ValueError("too many words")
    for ch in range(256):
        w.first[ch] = 0
    w.count = len(words)
    for k in range(w.count):
        data = words[k].encode("ascii")
        if not data:
            raise ValueError("an empty word")
        keep.append(data)
        w.word[k] = <const char*>data
        w.size[k] = len(data)
        w.first[<unsigned char>data[0]] |= 1 << k
    return 0


cdef inline bint _starts(const char* s, const char* word) noexcept:
    # s starts with word (the NUL ending s never equals a character of word)
    cdef Py_ssize_t k = 0
    while word[k]:
        if s[k] != word[k]:
            return False
        k += 1
    return True


def hint_in(str text not None, tuple words, match):
    """``tickers._hint_in``: whether ``match(text, i)`` holds at some ``i`` where one of
    ``words`` starts, the places found in one pass; None when ``text`` is not ASCII (the
    Python function decides)."""
    if not PyUnicode_IS_ASCII(text):
        return None
    cdef Words w
    cdef list keep = []
    _words(&w, words, keep)
    cdef const char* s = <const char*>PyUnicode_DATA(text)
    cdef Py_ssize_t i, n = len(text)
    cdef unsigned int bits
    cdef int k
    for i in range(n):
        bits = w.first[<unsigned char>s[i]]
        while bits:
            k = 0
            while not (bits >> k) & 1:
                k += 1
            bits &= bits - 1
            if _starts(s + i, w.word[k]) and match(text, i):
                return True
    return False


def count_words(str text not None, tuple words):
    """``sum(text.count(word) for word in words)`` in one pass (each word's matches
    counted as ``str.count`` does: left to right, without overlaps); None when ``text``
    is not ASCII (the Python sum decides)."""
    if not PyUnicode_IS_ASCII(text):
        return None
    cdef Words w
    cdef list keep = []
    _words(&w, words, keep)
    cdef Py_ssize_t after[MAX_WORDS]
    cdef const char* s = <const char*>PyUnicode_DATA(text)
    cdef Py_ssize_t i, n = len(text), total = 0
    cdef unsigned int bits
    cdef int k
    for k in range(w.count):
        after[k] = 0
    for i in range(n):
        bits = w.first[<unsigned char>s[i]]
        while bits:
            k = 0
            while not (bits >> k) & 1:
                k += 1
            bits &= bits - 1
            if i >= after[k] and _starts(s + i, w.word[k]):
                total += 1
                after[k] = i + w.size[k]
    return total


# ------------------------------------------------------------------ quote attributes


def has_attribute(list elements, frozenset names not None):
    """Whether one of ``elements`` carries an attribute (without namespace: a key of
    lxml's ``items()``) named one of ``names``: ``tickers._has_quote_attribute_python``
    over the page index's elements, read from the C tree without a Python object per
    attribute."""
    cdef list keep = [n.encode("utf8") for n in names]
    cdef Py_ssize_t count = len(keep), k
    if count > 64:
        raise ValueError("too many names")
    cdef const char* wanted[64]
    cdef unsigned char first[256]
    for k in range(256):
        first[k] = 0
    for k in range(count):
        wanted[k] = <const char*>(<bytes>keep[k])
        first[<unsigned char>wanted[k][0]] = 1
    cdef _Element el
    cdef tree.xmlAttr* a
    for item in elements:
        el = <_Element?>item
        a = el._c_node.properties
        while a is not NULL:
            if a.ns is NULL and first[<unsigned char>a.name[0]]:
                for k in range(count):
                    if _same(<const char*>a.name, wanted[k]):
                        return True
            a = a.next
    return False


# ------------------------------------------------------------------ text outside the body


cdef inline bint _element_named(tree.xmlNode* c, const char* name) noexcept:
    # an element without namespace called ``name`` (XPath's name test on HTML)
    return c is not NULL and c.type == tree.XML_ELEMENT_NODE and c.ns is NULL and _same(
        <const char*>c.name, name
    )


cdef inline void _add_text(tree.xmlNode* c, list parts) except *:
    # a text node's bytes, unless its parent is a script or style
    if c.content is not NULL and not (
        _element_named(c.parent, "script") or _element_named(c.parent, "style")
    ):
        parts.append(<bytes>c.content)


cdef void _texts_below(tree.xmlNode* top, list parts) except *:
    # the text nodes of ``top`` itself or under it, in document order
    cdef tree.xmlNode* c = top
    if c.type == tree.XML_TEXT_NODE or c.type == tree.XML_CDATA_SECTION_NODE:
        _add_text(c, parts)
        return
    if c.type != tree.XML_ELEMENT_NODE:
        return
    c = top.children
    while c is not NULL:
        if c.type == tree.XML_TEXT_NODE or c.type == tree.XML_CDATA_SECTION_NODE:
            _add_text(c, parts)
        elif c.type == tree.XML_ELEMENT_NODE and c.children is not NULL:
            c = c.children
            continue
        while c.next is NULL:
            c = c.parent
            if c is NULL or c is top:
                return
        c = c.next


def outside_body_text(_Element root not None):
    """``tickers._outside_body_text_python``: the text nodes under ``root`` outside its
    first ``body`` child (its own text and tails included) but those whose parent is a
    script or style, joined."""
    cdef tree.xmlNode* top = root._c_node
    cdef tree.xmlNode* body = top.children
    while body is not NULL and not _element_named(body, "body"):
        body = body.next
    cdef list parts = []
    cdef tree.xmlNode* c = top.children
    while c is not NULL:
        if c is not body:
            _texts_below(c, parts)
        c = c.next
    if not parts:
        return ""
    return b"".join(parts).decode("utf8")

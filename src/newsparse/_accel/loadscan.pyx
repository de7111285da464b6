# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled twins of load's byte scans: ``newsparse.cleaning.clean_utf8_python`` and
``plain_utf8_python`` (one pass over a page's bytes), ``charset._first_keyword_python``.

The Python reference runs a BOM test, ``in``/``translate`` for CR and the C0 bytes, three
raw-byte patterns (C1 controls, bidi controls, non-characters as UTF-8) and a ``finditer``
of numeric character references.  Here one loop looks at every byte once; a table marks
the bytes that can begin something to test (the C0 bytes and DEL: a change at once; the
lead bytes 0xC2, 0xE2, 0xEF and "&": test what follows).

Every pattern is tested at every position, as ``re.search`` does, so a lead byte inside
an invalid UTF-8 sequence is still looked at.  A character reference cannot hold an "&"
past its first byte, so testing each "&#" on its own finds what ``finditer`` finds.
"""

from libc.stdint cimport uint64_t
from libc.string cimport memcpy

# 1: a byte clean_text changes (C0 but tab/newline, CR, DEL); 2: a byte to look past.
cdef unsigned char _KIND[256]


cdef void _fill_kinds():
    cdef int b
    for b in range(256):
        _KIND[b] = 0
    for b in range(0x20):
        if b != 0x09 and b != 0x0A:
            _KIND[b] = 1
    _KIND[0x7F] = 1
    _KIND[0xC2] = 2
    _KIND[0xE2] = 2
    _KIND[0xEF] = 2
    _KIND[0x26] = 2  # "&"


_fill_kinds()


cdef inline bint _dropped_code(uint64_t code) nogil:
    """cleaning._dropped_code: a control (not NUL, tab, newline), a bidi control, a
    non-character."""
    return (
        (0 < code < 0x20 and code != 0x09 and code != 0x0A)
        or code == 0x7F
        or 0x202A <= code <= 0x202E
        or 0x2066 <= code <= 0x2069
        or 0xFDD0 <= code <= 0xFDEF
        or ((code & 0xFFFE) == 0xFFFE and code <= 0x10FFFF)
    )


cdef inline int _hex(unsigned char c) nogil:
    if 0x30 <= c <= 0x39:
        return c - 0x30
    if 0x61 <= c <= 0x66:
        return c - 0x61 + 10
    if 0x41 <= c <= 0x46:
        return c - 0x41 + 10
    return -1


cdef inline bint _dropped_ref(const unsigned char* s, Py_ssize_t i, Py_ssize_t n) nogil:
    """Whether a reference that ``_CHAR_REF_BYTES`` matches at ``s[i]`` (the "&" of an
    "&#") names a code ``_dropped_code`` rejects; False when no reference matches there.

    ``&#(?:[xX]0*([0-9a-fA-F]{1,8})|0*([0-9]{1,10}));?``: the zeros are taken greedily,
    then up to 8 hex (10 decimal) digits; when no digit follows the zeros, the regex
    gives the last zero back as the one digit (code 0).  ``;?`` does not change the code.
    """
    cdef Py_ssize_t j = i + 2, start, k
    cdef uint64_t code = 0
    cdef int d, limit
    cdef bint hexa = False
    if j < n and (s[j] == 0x78 or s[j] == 0x58):  # x, X
        hexa = True
        j += 1
    start = j
    while j < n and s[j] == 0x30:
        j += 1
    if hexa:
        limit = 8
        k = 0
        while j < n and k < limit:
            d = _hex(s[j])
            if d < 0:
                break
            code = code * 16 + <uint64_t>d
            j += 1
            k += 1
    else:
        limit = 10
        k = 0
        while j < n and k < limit and 0x30 <= s[j] <= 0x39:
            code = code * 10 + <uint64_t>(s[j] - 0x30)
            j += 1
            k += 1
    if k == 0 and j == start:
        return False  # no digit at all: no match here (an "&#x" never falls back to decimal)
    return _dropped_code(code)  # k == 0 after zeros: code 0, never dropped


cdef inline bint _changed_at(const unsigned char* s, Py_ssize_t i, Py_ssize_t n) nogil:
    """Whether something clean_text changes begins at ``s[i]``."""
    cdef unsigned char c = s[i], kind = _KIND[c], b1, b2
    if kind == 0:
        return False
    if kind == 1:
        return True  # CR, a C0 control, DEL
    if c == 0x26:  # "&"
        return i + 1 < n and s[i + 1] == 0x23 and _dropped_ref(s, i, n)
    if i + 1 >= n:
        return False
    b1 = s[i + 1]
    if c == 0xC2:  # C1 controls U+0080-009F
        return 0x80 <= b1 <= 0x9F
    if i + 2 >= n:
        return False
    b2 = s[i + 2]
    if c == 0xE2:  # bidi controls U+202A-202E, U+2066-2069
        return (b1 == 0x80 and 0xAA <= b2 <= 0xAE) or (b1 == 0x81 and 0xA6 <= b2 <= 0xA9)
    # 0xEF: non-characters U+FDD0-FDEF, U+FFFE, U+FFFF
    return (b1 == 0xB7 and 0x90 <= b2 <= 0xAF) or (b1 == 0xBF and (b2 == 0xBE or b2 == 0xBF))


# Eight bytes at a time (SWAR): a word needs the byte-by-byte test only when one of its
# bytes is below 0x20 (tab and newline among them), DEL, "&", or has its high bit set
# (every lead byte above).  Each test is exact as to whether any byte of the word
# qualifies (bit hacks "hasless"/"haszero", n <= 128), so no word that holds such a
# byte is skipped; a word flagged for a tab or a newline only costs the slower test.
cdef uint64_t _ONES = 0x0101010101010101ULL
cdef uint64_t _HIGHS = 0x8080808080808080ULL


cdef inline bint _plain_word(uint64_t x) nogil:
    cdef uint64_t amp = x ^ (_ONES * 0x26), dele = x ^ (_ONES * 0x7F)
    return (
        (x | ((x - _ONES * 0x20) & ~x) | ((amp - _ONES) & ~amp) | ((dele - _ONES) & ~dele))
        & _HIGHS
    ) == 0


cdef bint _clean(const unsigned char* s, Py_ssize_t n) nogil:
    """Whether no byte of ``s[:n]`` starts something clean_text would change."""
    cdef Py_ssize_t i = 0, end
    cdef uint64_t word
    if n >= 3 and s[0] == 0xEF and s[1] == 0xBB and s[2] == 0xBF:
        return False  # a leading BOM
    while i < n:
        if i + 8 <= n:
            memcpy(&word, s + i, 8)
            if _plain_word(word):
                i += 8
                continue
        end = i + 8 if i + 8 <= n else n
        while i < end:
            if _changed_at(s, i, n):
                return False
            i += 1
    return True


def clean_utf8(bytes data):
    """Exactly ``cleaning.clean_utf8_python(data)``."""
    cdef const unsigned char* s = data
    cdef Py_ssize_t n = len(data)
    cdef bint result
    with nogil:
        result = _clean(s, n)
    return result


cdef inline Py_ssize_t _utf8_length(const unsigned char* s, Py_ssize_t i, Py_ssize_t n) nogil:
    """The length of the valid UTF-8 sequence of a non-ASCII character at ``s[i]``, as
    Python's strict decoder accepts it (no overlong form, no surrogate, nothing above
    U+10FFFF); 0 when none starts there."""
    cdef unsigned char c = s[i], lo = 0x80, hi = 0xBF
    cdef Py_ssize_t size, k
    if 0xC2 <= c <= 0xDF:
        size = 2
    elif 0xE0 <= c <= 0xEF:
        size = 3
        if c == 0xE0:
            lo = 0xA0  # no overlong form
        elif c == 0xED:
            hi = 0x9F  # no surrogate
    elif 0xF0 <= c <= 0xF4:
        size = 4
        if c == 0xF0:
            lo = 0x90
        elif c == 0xF4:
            hi = 0x8F  # nothing above U+10FFFF
    else:
        return 0  # a continuation byte, or a lead byte Python never accepts
    if i + size > n or not (lo <= s[i + 1] <= hi):
        return 0
    for k in range(2, size):
        if not (0x80 <= s[i + k] <= 0xBF):
            return 0
    return size


cdef bint _plain(const unsigned char* s, Py_ssize_t n) nogil:
    """Whether ``s[:n]`` is valid UTF-8 in which no character starts something
    clean_text would change: ``_clean`` over whole characters (a continuation byte is
    never a byte ``_changed_at`` looks at, so testing each character's first byte is
    testing every byte)."""
    cdef Py_ssize_t i = 0, end, size
    cdef uint64_t word
    if n >= 3 and s[0] == 0xEF and s[1] == 0xBB and s[2] == 0xBF:
        return False  # a leading BOM
    while i < n:
        if i + 8 <= n:
            memcpy(&word, s + i, 8)
            if _plain_word(word):
                i += 8
                continue
        end = i + 8 if i + 8 <= n else n
        while i < end:
            if s[i] >= 0x80:
                size = _utf8_length(s, i, n)
                if size == 0:
                    return False
            else:
                size = 1
            if _changed_at(s, i, n):
                return False
            i += size  # (may run past end: the next word starts after the character)
    return True


def plain_utf8(bytes data):
    """Exactly ``cleaning.plain_utf8_python(data)``: valid UTF-8 that ``clean_text``
    leaves unchanged."""
    cdef const unsigned char* s = data
    cdef Py_ssize_t n = len(data)
    cdef bint result
    with nogil:
        result = _plain(s, n)
    return result


cdef inline bint _word_at(const unsigned char* s, Py_ssize_t i, Py_ssize_t n, const char* word) nogil:
    # s[i:] starts with word (lower-case ASCII), ASCII letters compared without case
    cdef Py_ssize_t k = 0
    cdef unsigned char ch
    while word[k]:
        if i + k >= n:
            return False
        ch = s[i + k]
        if 65 <= ch <= 90:
            ch += 32
        if ch != <unsigned char>word[k]:
            return False
        k += 1
    return True


cdef Py_ssize_t _first_keyword(const unsigned char* s, Py_ssize_t n) nogil:
    cdef Py_ssize_t i
    cdef unsigned char c
    for i in range(n):
        c = s[i] | 0x20  # (only "C" and "c" give "c", "E" and "e" give "e")
        if c == 0x63 and _word_at(s, i, n, b"charset"):
            return i
        if c == 0x65 and _word_at(s, i, n, b"encoding"):
            return i
    return -1


def first_keyword(bytes data, Py_ssize_t end):
    """Exactly ``charset._first_keyword_python(data, end)``: the first position in
    ``data[:end]`` of "charset" or "encoding" (ASCII case ignored), -1 if neither."""
    cdef const unsigned char* s = data
    cdef Py_ssize_t n = len(data), found
    if end < n:
        n = end
    if n < 0:
        n = 0
    with nogil:
        found = _first_keyword(s, n)
    return found

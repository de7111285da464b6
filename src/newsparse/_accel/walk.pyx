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

from cpython.ref cimport PyObject
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memcpy, memset, strcmp, strlen, strncmp, strstr

from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Document, _Element, elementFactory, import_lxml__etree

from newsparse._accel.nodes cimport (
    after_subtree,
    is_element as _is_element,
    collect_text as _collect_text,
    text_node_or_skip as _text_node_or_skip,
    starts_ci as _starts_ci,
)

from lxml.etree import XPath

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
    #: The hint of an element with this tag by its class string (id and itemprop unset),
    #: for one walk.
    cdef dict class_hints


cdef inline Py_ssize_t _stripped_len(str text):
    """``len(text.strip())``: str.strip() strips the characters Py_UNICODE_ISSPACE tells."""
    cdef Py_ssize_t i = 0, j = len(text)
    while i < j and Py_UNICODE_ISSPACE(text[i]):
        i += 1
    while j > i and Py_UNICODE_ISSPACE(text[j - 1]):
        j -= 1
    return j - i


cdef Py_ssize_t _utf8_stripped_len(const unsigned char* s) noexcept:
    """``len(text.strip())`` of the NUL-terminated UTF-8 ``s``, without making the str;
    -1 for a malformed sequence (the caller then decodes, raising as lxml would)."""
    cdef Py_ssize_t count = 0, pending = 0
    cdef bint started = False
    cdef Py_UCS4 cp
    cdef unsigned char b
    while True:
        b = s[0]
        if b == 0:
            break
        if b < 0x80:
            cp = b
            s += 1
        elif b >= 0xC2 and b < 0xE0:
            if (s[1] & 0xC0) != 0x80:
                return -1
            cp = ((b & 0x1F) << 6) | (s[1] & 0x3F)
            s += 2
        elif b >= 0xE0 and b < 0xF0:
            if (s[1] & 0xC0) != 0x80 or (s[2] & 0xC0) != 0x80:
                return -1
            cp = ((b & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F)
            s += 3
        elif b >= 0xF0 and b < 0xF5:
            if (s[1] & 0xC0) != 0x80 or (s[2] & 0xC0) != 0x80 or (s[3] & 0xC0) != 0x80:
                return -1
            cp = ((b & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F)
            s += 4
        else:
            return -1
        if Py_UNICODE_ISSPACE(cp):
            if started:
                pending += 1
        else:
            if started:
                count += pending + 1
            else:
                count = 1
                started = True
            pending = 0
    return count


cdef tree.xmlAttr* _attr(tree.xmlNode* c, const char* name) noexcept:
    """The attribute ``name`` (no namespace) of ``c``, or NULL."""
    cdef tree.xmlAttr* a = c.properties
    while a is not NULL:
        if a.ns is NULL and strcmp(<const char*>a.name, name) == 0:
            return a
        a = a.next
    return NULL


cdef const char* _EMPTY = ""


cdef const char* _simple_value(tree.xmlAttr* a) noexcept:
    """An attribute's value as libxml2 gives it to lxml, where it is one text node or
    none (""); NULL for a value of several nodes (the caller then asks lxml)."""
    cdef tree.xmlNode* child = a.children
    if child is NULL:
        return _EMPTY
    if child.next is NULL and (
        child.type == tree.XML_TEXT_NODE or child.type == tree.XML_CDATA_SECTION_NODE
    ):
        return <const char*>child.content if child.content is not NULL else _EMPTY
    return NULL


cdef inline str _decode(const char* s):
    return PyUnicode_DecodeUTF8(s, strlen(s), NULL)


cdef inline bint _has_marks(str text):
    # content._has_marks
    return ". " in text or ", " in text or text.rstrip().endswith((".", "!", "?", '"'))


cdef extern from "Python.h":
    ctypedef int (*descrsetfunc)(PyObject*, PyObject*, PyObject*) except -1
    ctypedef struct _TypeSlots "PyTypeObject":
        descrsetfunc tp_descr_set


#: The fields of content_prune._Stat, in its constructor's order.
_STAT_FIELDS = ("text", "links", "value", "good", "hint", "index", "boxed", "anchors")


cdef inline void _set(PyObject* descr, object obj, object value) except *:
    # what ``obj.<field> = value`` does through the class's slot descriptor, minus the
    # attribute lookup
    (<_TypeSlots*>(<PyObject*>descr).ob_type).tp_descr_set(descr, <PyObject*>obj, <PyObject*>value)


cdef enum:
    # slots of a walk's table from tag-name pointers to tag facts (a page has a few
    # dozen distinct tags; past half full, names are decoded and looked up by string)
    _SLOTS = 512


cdef class Walker:
    """The compiled walk, set up once with the scorer's vocabulary and rules.

    It holds no state from page to page: every cache lives in one walk (:class:`_Run`).
    """

    cdef frozenset invisible, block, form_controls, unhinted, headings
    cdef dict tag_hints
    cdef object element_hint, class_hint, author_href, stat_type
    cdef Py_ssize_t short_text, inline_box
    cdef double linky
    #: The stat type's slot descriptors (None: the type is called instead)
    cdef tuple stat_slots
    cdef object make

    def __init__(
        self, *, invisible, block, form_controls, unhinted, headings, tag_hints,
        element_hint, class_hint, author_href, stat_type, short_text, inline_box, linky,
    ):
        self.invisible = frozenset(invisible)
        self.block = frozenset(block)
        self.form_controls = frozenset(form_controls)
        self.unhinted = frozenset(unhinted)
        self.headings = frozenset(headings)
        self.tag_hints = dict(tag_hints)
        self.element_hint = element_hint
        self.class_hint = class_hint
        self.author_href = author_href
        self.stat_type = stat_type
        # a stat is made as its dataclass __init__ makes it (an instance, each field set
        # in order) without running that Python function: the type has no __post_init__
        # and its fields are slots, whose descriptors set them from C
        slots = tuple(vars(stat_type).get(name) for name in _STAT_FIELDS)
        self.stat_slots = None
        if (
            not hasattr(stat_type, "__post_init__")
            and getattr(stat_type, "__dataclass_fields__", None) is not None
            and tuple(stat_type.__dataclass_fields__) == _STAT_FIELDS
            and all(type(d).__name__ == "member_descriptor" for d in slots)
        ):
            self.stat_slots = slots
        self.make = object.__new__
        self.short_text = short_text
        self.inline_box = inline_box
        self.linky = linky

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
        if run.best_el is not None and not run.overwritten:
            scorer.best = (run.best_el, run.best_stat)
        own[0] = counters.chars
        own[1] = counters.link_chars
        own[2] = counters.marks
        own[4] = counters.first_link
        return sums.total, sums.links, sums.value, sums.good, sums.anchors


cdef class _Run:
    """One walk: the scorer's state, the page's document and the walk's caches."""

    cdef Walker w
    cdef object scorer
    cdef _Document doc
    cdef tree.xmlNode* top
    cdef object skip, attrs_of, link_attrs
    cdef list excluded, author_links, form_controls, ld_blocks
    cdef dict stats
    cdef bint with_texts
    #: The attributes the scorer reads are those of the C nodes (see _Scorer.live_attrs)
    cdef bint live
    cdef object ld_text
    cdef Py_ssize_t count
    cdef dict tag_infos
    cdef const tree.xmlChar* slot_names[_SLOTS]
    cdef PyObject* slot_infos[_SLOTS]
    cdef int used
    #: Out-values of the helpers below: the proxy one made, the joined text of a run
    #: of several text nodes
    cdef object made
    cdef object joined
    #: The block of greatest (value, index) so far and its stat (content._best's
    #: answer over the stats, kept as they are made: the ranks are distinct)
    cdef object best_el, best_stat
    cdef double best_value
    cdef Py_ssize_t best_index
    cdef bint overwritten

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
        self.live = scorer.live_attrs
        self.count = scorer.count
        self.tag_infos = {}
        memset(self.slot_names, 0, sizeof(self.slot_names))
        self.used = 0

    cdef inline object proxy(self, tree.xmlNode* c):
        return elementFactory(self.doc, c)

    cdef _Tag info_of(self, str tag):
        cdef _Tag info = self.tag_infos.get(tag)
        if info is None:
            info = _Tag()
            info.tag = tag
            info.invisible = tag in self.w.invisible
            info.block = tag in self.w.block
            info.form_control = tag in self.w.form_controls
            info.is_a = tag == "a"
            info.unhinted = tag in self.w.unhinted
            info.tag_hint = self.w.tag_hints.get(tag, 0)
            info.class_hints = {}
            self.tag_infos[tag] = info
        return info

    cdef _Tag tag_of(self, tree.xmlNode* c):
        """The facts of ``c``'s tag (lxml's ``.tag``), by the pointer to its name: the
        parser interns names, and nothing renames a node during a walk."""
        cdef const tree.xmlChar* name = c.name
        cdef size_t h
        cdef _Tag info
        if c.ns is not NULL:
            return self.info_of(self.proxy(c).tag)
        h = (<size_t>name >> 4) & (_SLOTS - 1)
        while self.slot_names[h] is not NULL:
            if self.slot_names[h] == name:
                return <_Tag>self.slot_infos[h]
            h = (h + 1) & (_SLOTS - 1)
        info = self.info_of(_decode(<const char*>name))
        if self.used < _SLOTS // 2:
            self.slot_names[h] = name
            self.slot_infos[h] = <PyObject*>info  # (kept alive by tag_infos)
            self.used += 1
        return info

    cdef bint has_block_child(self, tree.xmlNode* c):
        # content._has_block_child: any element child whose tag is a block tag
        cdef tree.xmlNode* child = c.children
        while child is not NULL:
            if child.type == tree.XML_ELEMENT_NODE and self.tag_of(child).block:
                return True
            child = child.next
        return False

    cdef int hint_of(self, tree.xmlNode* c, _Tag info) except? -9:
        """content._element_hint(tag, attrs_of(el)), from the C node's attributes where
        they are the ones the scorer reads; ``self.made``: the proxy it had to make."""
        cdef tree.xmlAttr* a
        cdef const char* value
        self.made = None
        if c is self.top or c.properties is NULL or info.unhinted:
            return info.tag_hint
        if self.live and _attr(c, "id") is NULL and _attr(c, "itemprop") is NULL:
            a = _attr(c, "class")
            value = _EMPTY if a is NULL else _simple_value(a)
            if value is not NULL:
                cls = _decode(value)
                found = info.class_hints.get(cls)
                if found is None:
                    found = self.w.class_hint(info.tag, cls)
                    info.class_hints[cls] = found
                return found
        proxy = self.proxy(c)
        self.made = proxy
        attrib = self.attrs_of(proxy)
        return info.tag_hint if not attrib else self.w.element_hint(info.tag, attrib)

    cdef object stat(self, Py_ssize_t total, Py_ssize_t links, double value, double good,
                     int hint, Py_ssize_t index, bint boxed, Py_ssize_t anchors):
        """``stat_type(total, links, value, good, hint, index, boxed, anchors)``."""
        cdef tuple slots = self.w.stat_slots
        if slots is None:
            return self.w.stat_type(total, links, value, good, hint, index, boxed, anchors)
        stat = self.w.make(self.w.stat_type)
        _set(<PyObject*>slots[0], stat, total)
        _set(<PyObject*>slots[1], stat, links)
        _set(<PyObject*>slots[2], stat, value)
        _set(<PyObject*>slots[3], stat, good)
        _set(<PyObject*>slots[4], stat, hint)
        _set(<PyObject*>slots[5], stat, index)
        _set(<PyObject*>slots[6], stat, boxed)
        _set(<PyObject*>slots[7], stat, anchors)
        return stat

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

    cdef Py_ssize_t piece(self, tree.xmlNode* start, tree.xmlNode** node) except -1:
        """The visible length (``len(s.strip())``) of the text run at ``start`` (lxml's
        ``.text``/``.tail``); the run is one node (``node``, its str made only when a
        rule reads it) or several (``self.joined``, their text joined)."""
        cdef tree.xmlNode* c = _text_node_or_skip(start)
        cdef Py_ssize_t n
        node[0] = NULL
        self.joined = None
        if c is NULL:
            return 0
        if _text_node_or_skip(c.next) is NULL:
            if c.content is NULL:
                return 0
            n = _utf8_stripped_len(<const unsigned char*>c.content)
            if n >= 0:
                node[0] = c
                return n
        joined = _collect_text(start)
        self.joined = joined
        return _stripped_len(joined)

    cdef void count_text(self, tree.xmlNode* node, object text, Py_ssize_t n, Own* mine,
                         list texts, bint in_link, Py_ssize_t* links) except *:
        # the counting of one text piece, as content._Scorer.visit_python does it
        if not mine.chars:
            mine.first_link = in_link
        mine.chars += n
        if mine.chars < self.w.short_text and not mine.marks:
            if text is None:
                text = _decode(<const char*>node.content)
            if _has_marks(text):
                mine.marks = 1
        if in_link:
            links[0] += n
            mine.link_chars += n
        if texts is not None:
            if text is None:
                text = _decode(<const char*>node.content)
            texts.append(text)

    cdef bint link_facts(self, tree.xmlNode* c, object el, bint* author) except -1:
        """For an ``<a>``: whether it is a link (not a script "link" around blocks), and
        (``author``) whether it goes to an author page, as the Python walk reads them;
        ``self.made``: the proxy it had to make."""
        cdef tree.xmlAttr* ha
        cdef tree.xmlAttr* ra
        cdef const char* href = NULL
        cdef const char* rel = NULL
        self.made = None
        if self.live:
            if c.properties is NULL:
                author[0] = False
                return True
            ha = _attr(c, "href")
            if ha is not NULL:
                href = _simple_value(ha)
            ra = _attr(c, "rel")
            if ra is not NULL:
                rel = _simple_value(ra)
            if (ha is NULL or href is not NULL) and (ra is NULL or rel is not NULL):
                is_link = not (
                    href is not NULL and strncmp(href, "javascript:", 11) == 0
                    and self.has_block_child(c)
                )
                author[0] = (
                    href is not NULL and href[0] != 0
                    and (strstr(href, "/author") is not NULL
                         or strstr(href, "/contributor") is not NULL
                         or strstr(href, "/writer") is not NULL)
                    and self.w.author_href(_decode(href))
                ) or (rel is not NULL and strcmp(rel, "author") == 0)
                return is_link
        if el is None:
            el = self.proxy(c)
            self.made = el
        attrib = self.link_attrs(el)
        href_value = attrib.get("href") if attrib else None
        is_link = not (
            href_value and href_value.startswith("javascript:") and self.has_block_child(c)
        )
        author[0] = bool(attrib) and bool(
            (href_value and self.w.author_href(href_value)) or attrib.get("rel") == "author"
        )
        return is_link

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
        cdef object el = None
        if info.invisible or (c._private is not NULL and <object>c._private in self.skip):
            if info.form_control:
                el = self.proxy(c)
                if el.get("type") not in ("hidden", "submit", "button"):
                    self.form_controls.append(el)
            return out
        cdef int hint = self.hint_of(c, info)
        el = self.made
        cdef bint block = info.block
        cdef Own mine_own
        cdef Own* mine
        cdef list texts
        cdef Own junk
        cdef Py_ssize_t size
        cdef tree.xmlNode* child
        cdef tree.xmlNode* node
        cdef object text = None
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
                size = self.piece(c.children, &node)
                child = c.children
                while child is not NULL:
                    if _is_element(child):
                        size += self.walk(child, &junk, None, True, True).total
                        size += self.piece(child.next, &node)
                    child = child.next
                if size < self.w.inline_box:
                    if el is None:
                        el = self.proxy(c)
                    self.excluded.append(el)
                    return out
        cdef Py_ssize_t total = 0, links = 0, anchors = 0, n
        cdef double value = 0.0, good = 0.0
        cdef bint author = False
        if info.is_a:
            if self.link_facts(c, el, &author):
                in_link = True  # (a script "link" around paragraphs is a wrapper)
                anchors = 1
            if self.made is not None:
                el = self.made
            if author:
                if el is None:
                    el = self.proxy(c)
                self.author_links.append(el)
        n = self.piece(c.children, &node)
        text = self.joined
        if n:
            total = n
            self.count_text(node, text, n, mine, texts, in_link, &links)
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
                n = self.piece(child.next, &node)
                text = self.joined
                if n:
                    total += n
                    self.count_text(node, text, n, mine, texts, in_link, &links)
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
        stat = self.stat(total, links, value, good, hint, index, boxed, anchors)
        size = len(self.stats)
        self.stats[el] = stat
        if len(self.stats) == size:
            # a block walked again (inside an inline box measured first): its first stat
            # is gone, and with it maybe the best; content._best reads the stats then
            self.overwritten = True
        if self.best_el is None or value > self.best_value or (
            value == self.best_value and index > self.best_index
        ):
            self.best_el = el
            self.best_stat = stat
            self.best_value = value
            self.best_index = index
        out.value = value
        out.good = good
        return out


cdef enum:
    _MAX_NAMES = 16


cdef bint _may_cue(tree.xmlNode* node, const char* name, const char** cues,
                    Py_ssize_t count) noexcept:
    # whether the attribute ``name``'s value may hold one of the cues once lower-cased:
    # a value that holds one in ASCII letters of any case, a non-ASCII one (str.lower()
    # makes ASCII letters of a few: U+0130 -> "i\u0307", the Kelvin sign -> "k") or one
    # of several nodes (not read here)
    cdef tree.xmlAttr* a = _attr(node, name)
    cdef const char* value
    cdef Py_ssize_t i, k
    if a is NULL:
        return False
    value = _simple_value(a)
    if value is NULL:
        return True
    k = 0
    while value[k]:
        if <unsigned char>value[k] >= 0x80:
            return True
        k += 1
    k = 0
    while value[k]:
        for i in range(count):
            if _starts_ci(value + k, cues[i]):
                return True
        k += 1
    return False


def lead_candidates(_Element top, tuple cues):
    """The nodes of ``top.iter()`` that ``content_lead._lead_in`` does not pass over at
    its first test, and maybe a few more: ``top`` and the elements below it, in document
    order, whose ``itemprop`` is "description" or whose class or id value may hold one of
    the ``cues`` (bytes, lower case) once lower-cased (see _may_cue); found by reading
    the C nodes' attributes, so that only those get a proxy."""
    cdef const char* wanted[_MAX_NAMES]
    cdef Py_ssize_t count = len(cues), i
    if count > _MAX_NAMES:
        raise ValueError("too many cues")
    for i in range(count):
        wanted[i] = <const char*>(<bytes>cues[i])  # (the tuple keeps the bytes alive)
    cdef tree.xmlNode* c = top._c_node
    cdef _Document doc = top._doc
    cdef list out = []
    cdef tree.xmlNode* node = c
    cdef tree.xmlAttr* a
    cdef const char* value
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE:
            if node.properties is not NULL:
                a = _attr(node, "itemprop")
                value = NULL if a is NULL else _simple_value(a)
                if (
                    (a is not NULL and (value is NULL or strcmp(value, "description") == 0))
                    or _may_cue(node, "class", wanted, count)
                    or _may_cue(node, "id", wanted, count)
                ):
                    out.append(top if node is c else elementFactory(doc, node))
            if node.children is not NULL:
                node = node.children
                continue
        node = after_subtree(node, c)
    return out


def flagged(_Element top, dict attrs, tuple names):
    """``[(el, attrs[el]) for el in <the elements below top, in document order> if el in
    attrs and not names.isdisjoint(attrs[el])]``: the elements with one of the attribute
    ``names`` (as the page index's ``attrs`` holds them), found by reading the C nodes'
    attribute names, so that only those few elements get a proxy and a dict read (the
    content scorer's set-up: hidden and lazy-loaded elements).  A namespaced attribute
    is keyed ``{uri}name`` in the index, so it never matches a plain name."""
    cdef const char* wanted[_MAX_NAMES]
    cdef Py_ssize_t count = len(names), i
    if count > _MAX_NAMES:
        raise ValueError("too many attribute names")
    cdef list keep = [bytes(name) for name in names]  # (keeps the pointers alive)
    for i in range(count):
        wanted[i] = <const char*>(<bytes>keep[i])
    cdef list out = []
    cdef tree.xmlNode* c = top._c_node
    cdef tree.xmlNode* node = c.children
    cdef tree.xmlAttr* a
    cdef _Document doc = top._doc
    cdef bint hit
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE:
            hit = False
            a = node.properties
            while a is not NULL and not hit:
                if a.type == tree.XML_ATTRIBUTE_NODE and a.ns is NULL:
                    for i in range(count):
                        if strcmp(<const char*>a.name, wanted[i]) == 0:
                            hit = True
                            break
                a = a.next
            if hit:
                el = elementFactory(doc, node)
                found = attrs.get(el)
                if found is not None:
                    out.append((el, found))
            if node.children is not NULL:
                node = node.children
                continue
        node = after_subtree(node, c)
    return out


#: lxml.html's ``text_content`` itself (its ``_collect_string_content``).
_STRING = XPath("string()")


def text_content(_Element el):
    """``el.text_content()`` (lxml.html's XPath ``string()``: the text of every text and
    CDATA node below ``el``, in document order; comments and processing instructions
    write nothing) as a plain str, read from the C nodes without an XPath evaluation.
    Any other kind of node below ``el`` (an entity reference, an XInclude marker): lxml
    is asked."""
    cdef tree.xmlNode* c = el._c_node
    cdef tree.xmlNode* node = c.children
    cdef Py_ssize_t size = 0, cap = 256, n
    cdef char* grown
    cdef const char* s
    cdef char* buf = <char*>malloc(cap)
    if buf is NULL:
        raise MemoryError()
    try:
        while node is not NULL:
            if node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE:
                s = <const char*>node.content
                if s is not NULL:
                    n = strlen(s)
                    if size + n > cap:
                        while size + n > cap:
                            cap *= 2
                        grown = <char*>realloc(buf, cap)
                        if grown is NULL:
                            raise MemoryError()
                        buf = grown
                    memcpy(buf + size, s, n)
                    size += n
            elif node.type == tree.XML_ELEMENT_NODE:
                if node.children is not NULL:
                    node = node.children
                    continue
            elif node.type != tree.XML_COMMENT_NODE and node.type != tree.XML_PI_NODE:
                return str(_STRING(el))
            node = after_subtree(node, c)
        return PyUnicode_DecodeUTF8(buf, size, NULL)
    finally:
        free(buf)


cdef inline bint _ascii_ws(unsigned char b) noexcept:
    # the ASCII characters str.strip() strips: \t \n \v \f \r, \x1c-\x1f and space
    return b == 32 or 9 <= b <= 13 or 28 <= b <= 31


cdef bint _may_count(tree.xmlNode* c) noexcept:
    # whether the text of the childless element c, stripped, may be a slide counter
    # ("3/50", "3 of 50": a digit first and last); a text of several nodes or with a
    # non-ASCII character (a Unicode digit or space) is not read here: True
    cdef tree.xmlNode* t = _text_node_or_skip(c.children)
    cdef const unsigned char* s
    cdef Py_ssize_t k = 0, first = -1, last = -1
    if t is NULL:
        return False
    if _text_node_or_skip(t.next) is not NULL:
        return True
    s = <const unsigned char*>t.content
    if s is NULL:
        return False
    while s[k]:
        if s[k] >= 0x80:
            return True
        if not _ascii_ws(s[k]):
            if first < 0:
                first = k
            last = k
        k += 1
    return first >= 0 and 48 <= s[first] <= 57 and 48 <= s[last] <= 57


def counter_candidates(_Element top):
    """The nodes of ``top.iter()`` whose text ``content_prune._slideshows`` may read as a
    slide counter, and maybe a few more: ``top`` and the elements below it, in document
    order, without children (lxml's ``len(el) == 0``) whose text, stripped, starts and
    ends with a digit (see _may_count), found by reading the C nodes."""
    cdef tree.xmlNode* c = top._c_node
    cdef _Document doc = top._doc
    cdef list out = []
    cdef tree.xmlNode* node = c
    cdef tree.xmlNode* child
    cdef bint childless
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE:
            childless = True
            child = node.children
            while child is not NULL:
                if _is_element(child):
                    childless = False
                    break
                child = child.next
            if childless:
                if _may_count(node):
                    out.append(top if node is c else elementFactory(doc, node))
            elif node.children is not NULL:
                node = node.children
                continue
        node = after_subtree(node, c)
    return out

# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The anchor scan of ``widget_gate.PhraseGate``, in C.

A PhraseGate looks for short literal strings (its "anchors", up to five characters) in
a page's squashed shown text, and tries its relaxed patterns only where one is found.
The Python reference runs one regular expression per first character of the anchors
(a prefix tree of the anchors with that first character), each over the whole text and
only when the text holds that character: ~13 passes over an English page's text, each
~2-3 ns a character in ``re``'s literal-prefix loop.  :class:`AnchorScan` makes one
pass: a table read per character (a 256-entry table for code points below 256, a binary
search among the few wider first characters), and, where a first character is found,
its anchors compared shortest first.

:meth:`AnchorScan.hits` gives what the reference's scans give, in the same order: the
scans in the order of their first characters, each scan's hits by position, at each
position the shortest anchor found there (what the prefix-tree pattern matches: the
text's characters decide the path through the tree, which ends at the first anchor
complete along it).  ``widget_gate.PhraseGate._hits_python`` is the reference;
tests/unit/test_accel_phrases.py compares the two.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc
from cpython.unicode cimport PyUnicode_DATA, PyUnicode_GET_LENGTH, PyUnicode_KIND, PyUnicode_READ


cdef class AnchorScan:
    """Finds the anchors of a PhraseGate in a text.  ``scans`` is the reference's scans
    in order, each a (first character, anchors starting with it) pair."""

    cdef Py_ssize_t n_slots, n_wide
    cdef short narrow[256]  # the slot of a first character below 256, -1 for none
    cdef Py_UCS4* wide  # the first characters from 256 up, sorted
    cdef short* wide_slot  # and their slots
    # the anchors as a prefix tree: node i's edges are edge_char / edge_node from
    # first_edge[i] to first_edge[i + 1]; anchor[i] is the index in ``strings`` of the
    # anchor ending at node i (-1: none); slot s starts at node s
    cdef Py_ssize_t* first_edge
    cdef Py_UCS4* edge_char
    cdef Py_ssize_t* edge_node
    cdef Py_ssize_t* anchor
    # the second step from a slot's node by an ASCII character, as a table (-1: no edge)
    cdef int* step
    cdef tuple strings  # each anchor as the str the hits give back

    def __cinit__(self):
        self.wide = NULL
        self.wide_slot = NULL
        self.first_edge = NULL
        self.edge_char = NULL
        self.edge_node = NULL
        self.anchor = NULL
        self.step = NULL

    def __init__(self, scans):
        cdef Py_ssize_t i
        scans = [(first, tuple(anchors)) for first, anchors in scans]
        self.n_slots = len(scans)
        if self.n_slots >= 32767:
            raise ValueError("too many scans")
        # the tree in Python first: node -> {char: node}, node -> anchor index
        children = [{} for _ in scans]
        ends = [-1] * len(scans)
        strings = []
        wide = []
        for s, (first, anchors) in enumerate(scans):
            if len(first) != 1:
                raise ValueError(f"not one character: {first!r}")
            if ord(first) >= 256:
                wide.append((ord(first), s))
            for text in anchors:
                if not text or text[0] != first:
                    raise ValueError(f"not an anchor of {first!r}: {text!r}")
                node = s
                for char in text[1:]:
                    nxt = children[node].get(char)
                    if nxt is None:
                        nxt = children[node][char] = len(children)
                        children.append({})
                        ends.append(-1)
                    node = nxt
                if ends[node] < 0:
                    ends[node] = len(strings)
                    strings.append(text)
        wide.sort()
        self.n_wide = len(wide)
        n_nodes = len(children)
        n_edges = sum(len(c) for c in children)
        self.wide = <Py_UCS4*>PyMem_Malloc((self.n_wide + 1) * sizeof(Py_UCS4))
        self.wide_slot = <short*>PyMem_Malloc((self.n_wide + 1) * sizeof(short))
        self.first_edge = <Py_ssize_t*>PyMem_Malloc((n_nodes + 1) * sizeof(Py_ssize_t))
        self.edge_char = <Py_UCS4*>PyMem_Malloc((n_edges + 1) * sizeof(Py_UCS4))
        self.edge_node = <Py_ssize_t*>PyMem_Malloc((n_edges + 1) * sizeof(Py_ssize_t))
        self.anchor = <Py_ssize_t*>PyMem_Malloc((n_nodes + 1) * sizeof(Py_ssize_t))
        self.step = <int*>PyMem_Malloc((self.n_slots * 128 + 1) * sizeof(int))
        if self.step is NULL or (self.wide is NULL or self.wide_slot is NULL or self.first_edge is NULL
                or self.edge_char is NULL or self.edge_node is NULL or self.anchor is NULL):
            raise MemoryError()
        for i in range(256):
            self.narrow[i] = -1
        for s, (first, _) in enumerate(scans):
            if ord(first) < 256:
                self.narrow[ord(first)] = s
        for i in range(self.n_wide):
            self.wide[i] = wide[i][0]
            self.wide_slot[i] = wide[i][1]
        e = 0
        for i in range(n_nodes):
            self.first_edge[i] = e
            self.anchor[i] = ends[i]
            for char, nxt in sorted(children[i].items()):
                self.edge_char[e] = ord(char)
                self.edge_node[e] = nxt
                e += 1
        self.first_edge[n_nodes] = e
        for i in range(self.n_slots * 128):
            self.step[i] = -1
        for s in range(self.n_slots):
            for char, nxt in children[s].items():
                if ord(char) < 128:
                    self.step[s * 128 + ord(char)] = nxt
        self.strings = tuple(strings)

    def __dealloc__(self):
        PyMem_Free(self.wide)
        PyMem_Free(self.wide_slot)
        PyMem_Free(self.first_edge)
        PyMem_Free(self.edge_char)
        PyMem_Free(self.edge_node)
        PyMem_Free(self.anchor)
        PyMem_Free(self.step)

    cdef inline Py_ssize_t _slot(self, Py_UCS4 ch) noexcept:
        """The slot of first character ``ch`` (-1: no anchor starts with it)."""
        if ch < 256:
            return self.narrow[ch]
        cdef Py_ssize_t lo = 0, hi = self.n_wide, mid
        while lo < hi:
            mid = (lo + hi) >> 1
            if self.wide[mid] < ch:
                lo = mid + 1
            else:
                hi = mid
        if lo < self.n_wide and self.wide[lo] == ch:
            return self.wide_slot[lo]
        return -1

    def hits(self, str text):
        """The (position, anchor) pairs the reference's scans find in ``text``, in their
        order: by scan (first character), then by position."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        cdef Py_ssize_t p, q, s, node, e, end
        cdef Py_UCS4 ch
        cdef const unsigned char* narrow_data = <const unsigned char*>data
        per_slot = [None] * self.n_slots
        cdef list found
        for p in range(n):
            if kind == 1:
                s = self.narrow[narrow_data[p]]
            else:
                s = self._slot(PyUnicode_READ(kind, data, p))
            if s < 0:
                continue
            # follow the text down the tree to the first anchor complete on the way
            node = s
            q = p + 1
            if self.anchor[node] < 0 and q < n:  # the first step by the table if ASCII
                ch = PyUnicode_READ(kind, data, q)
                if ch < 128:
                    node = self.step[s * 128 + <Py_ssize_t>ch]
                    if node < 0:
                        continue
                    q += 1
            while self.anchor[node] < 0 and q < n:
                ch = PyUnicode_READ(kind, data, q)
                end = self.first_edge[node + 1]
                e = self.first_edge[node]
                while e < end and self.edge_char[e] != ch:
                    e += 1
                if e == end:
                    break
                node = self.edge_node[e]
                q += 1
            if self.anchor[node] >= 0:
                found = per_slot[s]
                if found is None:
                    per_slot[s] = found = []
                found.append((p, self.strings[self.anchor[node]]))
        out = []
        for found in per_slot:
            if found is not None:
                out.extend(found)
        return out

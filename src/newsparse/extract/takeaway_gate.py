"""Page-level gates of the takeaways box search (for :mod:`takeaways`): may any element
be named by box vocabulary, may any element's text be a box label?  Each is a necessary
condition of the search finding such an element (see the functions).  (The English
label patterns, which the label gate and the search share, are in :mod:`page_phrases`.)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsparse import _accel
from newsparse.document import Document
from newsparse.extract.page_phrases import STRONG_LABEL, WEAK_LABEL, page_phrases
from newsparse.extract.widget_gate import page_naming_text

__all__ = [
    "BOX_WORDS",
    "STRONG_LABEL",
    "WEAK_LABEL",
    "may_have_box_vocabulary",
    "may_have_label",
    "may_have_labelled_box",
]

_SEP = "[^a-z0-9]*"  # what a "-" of a naming word is in the lower-cased value
#: ``takeaways._BOX_VOCAB``'s alternatives as word sequences (kept in step with it;
#: tests/unit/test_widget_gate.py checks): each a tuple of groups, a match one word of
#: each group in turn, separators or none between them.  Every word is lower-case ASCII
#: and starts with a letter (the compiled scan relies on it).
BOX_WORDS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("take",), ("away",)),
    (("in",), ("brief",)),
    (("tl",), ("dr",)),
    (("key",), ("point",)),
    (("what", "need"), ("to",), ("know",)),
    (("at",), ("a",), ("glance",)),
    (("key",), ("facts",)),
    (("highlights",),),
    (("summary",), ("box", "bullets", "list", "points")),
    (("quick", "ai", "bullet", "key"), ("summary",)),
    (("key",), ("notes",)),
    (("quick",), ("take",)),
)
#: :data:`BOX_WORDS` in a lower-cased attribute value: for each sequence, a word its
#: every match holds (a quick substring test), and the sequence as a regex.
_BOX_VALUES = tuple(
    (
        max((g[0] for g in seq if len(g) == 1), key=len),
        re.compile(_SEP.join("(?:" + "|".join(g) + ")" for g in seq)),
    )
    for seq in BOX_WORDS
)


def may_have_box_vocabulary(doc: Document) -> bool:
    """False only when no element is named by ``takeaways._BOX_VOCAB`` (``_box_vocab``).

    A naming word matching that pattern is an attribute value, lower-cased, with
    camelCase and separator runs made "-": the value lower-cased holds the words of the
    match in order, with or without separators between them (:data:`BOX_WORDS`, looked
    for in :func:`page_naming_text`; in C where :mod:`newsparse._accel.widgets` is built).
    """
    return _box_words_in(page_naming_text(doc))


def box_words_in_python(names: str) -> bool:
    """Whether a sequence of :data:`BOX_WORDS` occurs in ``names``: the reference of the
    compiled scan."""
    return any(word in names and value.search(names) for word, value in _BOX_VALUES)


def _compiled_box_words() -> Callable[[str], bool]:
    """The compiled scan for :data:`BOX_WORDS` (:mod:`newsparse._accel.widgets`), or
    :func:`box_words_in_python` where it is not built or the words are not what it
    was written for (lower-case ASCII starting with a letter)."""
    module = _accel.load("widgets")
    words = [w for seq in BOX_WORDS for group in seq for w in group]
    if module is None or not all(re.fullmatch("[a-z][a-z0-9]*", w) for w in words):
        return box_words_in_python
    scan = module.word_sequences_in
    sequences = tuple(
        tuple(tuple(w.encode("ascii") for w in group) for group in seq) for seq in BOX_WORDS
    )
    return lambda names: bool(scan(names, sequences))


_box_words_in = _compiled_box_words()


def may_have_label(doc: Document) -> bool:
    """False only when no element's text is a box label (``takeaways._label_kind``): the
    label patterns, relaxed, match nowhere in the page's shown text
    (:func:`~newsparse.extract.page_phrases.page_phrases`).
    """
    return "takeaway-label" in page_phrases(doc)


def may_have_labelled_box(doc: Document) -> bool:
    """The page-level gate of the vocabulary and label search (``takeaways._boxes``)."""
    return may_have_box_vocabulary(doc) or may_have_label(doc)

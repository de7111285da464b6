"""Page-level gates of the takeaways box search (for :mod:`takeaways`): may any element
be named by box vocabulary, may any element's text be a box label?  Each is a necessary
condition of the search finding such an element (see the functions).  (The English
label patterns, which the label gate and the search share, are in :mod:`page_phrases`.)
"""

from __future__ import annotations

import re

from newsparse.document import Document
from newsparse.extract.page_phrases import STRONG_LABEL, WEAK_LABEL, page_phrases
from newsparse.extract.widget_gate import page_naming_text

__all__ = [
    "STRONG_LABEL",
    "WEAK_LABEL",
    "may_have_box_vocabulary",
    "may_have_label",
    "may_have_labelled_box",
]

_SEP = "[^a-z0-9]*"  # what a "-" of a naming word is in the lower-cased value
#: ``takeaways._BOX_VOCAB`` in a lower-cased attribute value: for each alternative, a
#: word its every match holds (a quick substring test), and the alternative with any
#: separators (kept in step with ``_BOX_VOCAB``; tests/unit/test_widget_gate.py checks).
_BOX_VALUES = tuple(
    (word, re.compile(pattern.replace("-", _SEP)))
    for word, pattern in (
        ("away", "take-away"),
        ("brief", "in-brief"),
        ("dr", "tl-dr"),
        ("point", "key-point"),
        ("know", "(?:what|need)-to-know"),
        ("glance", "at-a-glance"),
        ("facts", "key-facts"),
        ("highlights", "highlights"),
        ("summary", "summary-(?:box|bullets|list|points)|(?:quick|ai|bullet|key)-summary"),
        ("notes", "key-notes"),
        ("take", "quick-take"),
    )
)


def may_have_box_vocabulary(doc: Document) -> bool:
    """False only when no element is named by ``takeaways._BOX_VOCAB`` (``_box_vocab``).

    A naming word matching that pattern is an attribute value, lower-cased, with
    camelCase and separator runs made "-": the value lower-cased holds the words of the
    match in order, with or without separators between them (``_BOX_VALUES``, tried on
    :func:`page_naming_text`).
    """
    names = page_naming_text(doc)
    return any(word in names and value.search(names) for word, value in _BOX_VALUES)


def may_have_label(doc: Document) -> bool:
    """False only when no element's text is a box label (``takeaways._label_kind``): the
    label patterns, relaxed, match nowhere in the page's shown text
    (:func:`~newsparse.extract.page_phrases.page_phrases`).
    """
    return "takeaway-label" in page_phrases(doc)


def may_have_labelled_box(doc: Document) -> bool:
    """The page-level gate of the vocabulary and label search (``takeaways._boxes``)."""
    return may_have_box_vocabulary(doc) or may_have_label(doc)

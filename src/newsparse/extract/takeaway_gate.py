"""Page-level gates of the takeaways box search (for :mod:`takeaways`): may any element
be named by box vocabulary, may any element's text be a box label?  Each is a necessary
condition of the search finding such an element (see the functions).  Also the English
label patterns, which the gates and the search share.
"""

from __future__ import annotations

import re

from newsparse.document import Document
from newsparse.extract.vocabulary import TAKEAWAY_LABEL_WORDS
from newsparse.extract.widget_gate import PhraseGate, page_naming_text, shown_text

__all__ = [
    "STRONG_LABEL",
    "WEAK_LABEL",
    "may_have_box_vocabulary",
    "may_have_label",
    "may_have_labelled_box",
]

#: Box labels that are enough on their own (followed by items anywhere).
STRONG_LABEL = re.compile(
    r"^(?:the\s+)?(?:key|main|top|quick)?\s*takeaways?|"
    r"^(?:key|main)\s+(?:points?|facts|highlights)|^(?:quick|fast)\s+facts|"
    r"^in\s+(?:brief|short|a\s+nutshell)|"
    r"^(?:here'?s\s+)?what\s+(?:you\s+)?(?:need\s+to\s+|should\s+|to\s+)?know|"
    r"^tl\s*[;:,.]?\s*dr|^too\s+long\s*;?\s*didn'?t\s+read|"
    r"^at\s+a\s+glance|^(?:story|article)\s+(?:highlights|summary)|"
    r"^(?:the\s+)?(?:quick|short)\s+(?:take|summary|version|read)|"
    r"^(?:the\s+)?bottom\s+line|^the\s+gist|^summary\s+points",
    re.IGNORECASE,
)
#: Box labels that need a box around them (a wrapper or a class) to count.
WEAK_LABEL = re.compile(r"^(?:highlights|summary)", re.IGNORECASE)

#: A phrase one element's whole text must hold to be a box label (leading ``^`` dropped).
_LABEL_GATE = PhraseGate(
    (STRONG_LABEL.pattern.replace("^", ""), WEAK_LABEL.pattern.replace("^", ""),
     TAKEAWAY_LABEL_WORDS)
)  # fmt: skip
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
    label patterns, relaxed, match nowhere in the page's shown text (:class:`PhraseGate`).
    """
    return _LABEL_GATE.may_match(shown_text(doc))


def may_have_labelled_box(doc: Document) -> bool:
    """The page-level gate of the vocabulary and label search (``takeaways._boxes``)."""
    return may_have_box_vocabulary(doc) or may_have_label(doc)

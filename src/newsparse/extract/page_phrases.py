"""The phrases the takeaways and disclaimer detectors look for in one element's text,
and one page-level gate on all of them.

:func:`page_phrases` tells which kinds of phrase may occur in some element's text on the
page (a takeaways box label, a disclaimer cue, a disclaimer label): one
:class:`~newsparse.extract.widget_gate.PhraseGate` over the page's shown text, made
once per Document, serves both detectors (a scan per detector cost as much again).  So
the English patterns both detectors and the gate are built from live here, with the
other languages' in :mod:`vocabulary`; :mod:`takeaways` and :mod:`disclaimer` import
them from here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, cast

from newsparse.extract.vocabulary import (
    DISCLAIMER_CUES,
    DISCLAIMER_LABEL_WORDS,
    TAKEAWAY_LABEL_WORDS,
)
from newsparse.extract.widget_gate import PhraseGate, shown_text

if TYPE_CHECKING:
    from newsparse.document import Document

__all__ = [
    "ENGLISH_CUES",
    "ENGLISH_LABEL_WORDS",
    "GROUPS",
    "STRONG_LABEL",
    "WEAK_LABEL",
    "page_phrases",
]

# ----------------------------------------------------------------- takeaways labels

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

# ----------------------------------------------------------------- disclaimer phrases

#: The words of a whole-text label (the heading of a disclaimer box).
ENGLISH_LABEL_WORDS = (
    r"(?:(?:legal\s+|financial\s+|investment\s+|important\s+)?disclaimers?|"
    r"risk\s+(?:warning|disclosure|disclaimer|notice|statement)|"
    r"(?:legal\s+|financial\s+|investment\s+|important\s+)?disclosures?|"
    r"(?:not|no)\s+(?:financial|investment)\s+advice)"
)

#: Text cues of a financial-advice / risk disclaimer; each counts once.
ENGLISH_CUES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:financial|investment|investing|trading|tax|legal)"
        r"(?:\s*(?:,|/|or|and|nor)\s*(?:financial|investment|investing|trading|tax|legal))*"
        r"\s+(?:advice|recommendations?)\b",
        r"\b(?:information(?:al)?|educational|general\s+information)"
        r"(?:\s+(?:and|or|&)\s+(?:information(?:al)?|educational|research))?\s+purposes?\s+only\b|"
        r"\bor\s+(?:any\s+)?other\s+(?:(?:types?|forms?|kinds?)\s+of\s+)?advice\b",
        r"\b(?:do|conduct|perform|doing|make|carry\s+out)\s+(?:your|their)\s+(?:own\s+)?"
        r"(?:[a-z]+\s+)?(?:research|due\s+diligence|investigations?)|\bDYOR\b",
        r"\bconsult(?:ing)?\s+(?:with\s+)?(?:a|an|your)\s+(?:[\w-]+\s+){0,3}"
        r"(?:professional|advis[eo]rs?|experts?|planners?)",
        r"\bcapital\s+(?:is\s+)?at\s+risk\b|\brisk\s+(?:of\s+)?los(?:ing|s)\b|"
        r"\bloss\s+of\s+(?:your\s+)?(?:principal|capital|investment)\b|"
        r"\b(?:may|could|might|can)\s+lose\s+(?:all|some|part|more)\b",
        r"\bpast\s+performance\b",
        r"\b(?:highly|extremely|very)\s+(?:volatile|speculative|risky)\b|\bhigh[-\s]risk\b|"
        r"\binvolves?\s+(?:a\s+)?(?:(?:high|significant|substantial|considerable|some)\s+)?"
        r"(?:degree\s+of\s+|level\s+of\s+)?risks?\b",
        r"\b(?:recommendation|solicitation|offer|endorsement)\s+to\s+(?:buy|sell|invest|hold)|"
        r"\bnot\s+(?:a\s+)?(?:recommendation|solicitation|offer|endorsement)\s+of\s+any",
        r"\bverify\s+(?:the\s+)?(?:facts|information|claims)\s+independently\b|"
        r"\bindependently\s+verify\b",
        r"\bbefore\s+making\s+(?:any\s+)?(?:financial\s+|investment\s+|trading\s+)?decisions?\b",
        r"\bresponsib\w*\s+for\s+(?:any\s+)?(?:\w+\s+){0,3}loss(?:es)?\b|"
        r"\bat\s+your\s+own\s+risk\b",
        r"\b(?:should\s+not|must\s+not|shall\s+not)\s+be\s+(?:considered|construed|relied|taken)\b|"
        r"\bdoes\s+not\s+constitute\b|\bnot\s+intended\s+(?:as|to\s+be)\b",
    )
)

# ----------------------------------------------------------------- the page gate

#: The kinds of phrase, each with the patterns (case-insensitive, over an element's
#: whitespace-normalised text) one of which a phrase of that kind matches.
GROUPS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        # a phrase one element's whole text must hold to be a takeaways box label
        # (``takeaways._label_kind``; the leading ``^`` dropped)
        "takeaway-label": (
            STRONG_LABEL.pattern.replace("^", ""),
            WEAK_LABEL.pattern.replace("^", ""),
            TAKEAWAY_LABEL_WORDS,
        ),
        # a disclaimer cue (any language) in one element's text (``disclaimer.cue_count``)
        "disclaimer-cue": (
            *(cue.pattern for cue in ENGLISH_CUES),
            *(cue.pattern for cue in DISCLAIMER_CUES),
        ),
        # a whole-text disclaimer label (``disclaimer._label_text``)
        "disclaimer-label": (ENGLISH_LABEL_WORDS, DISCLAIMER_LABEL_WORDS),
    }
)
_GATE = PhraseGate(GROUPS)
_KEY = "page_phrases.found"


def page_phrases(doc: Document) -> frozenset[str]:
    """The kinds of phrase (keys of :data:`GROUPS`) that may occur in one element's text
    on the page: a kind missing here matches no element's text (see
    :class:`~newsparse.extract.widget_gate.PhraseGate`).  One scan of the page's shown
    text, made once per Document."""
    found = doc.memo.get(_KEY)
    if found is None:
        found = _GATE.found(shown_text(doc))
        doc.memo[_KEY] = found
    return cast("frozenset[str]", found)

"""The page-level text gates of the widget detectors (newsparse.extract.widget_gate).

A gate must be a necessary condition: on a page it rejects, the detector finds nothing.
Checked on every fixture and zoo page (and the dev corpora when ../shared is present:
aeb-dev and crypto-dev always, all four with ``-m slow``) by running the detector
without its gate; and piece by piece: the shown text holds every element's text, the
relaxed patterns match wherever the originals do, case folding agrees with
``re.IGNORECASE``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pytest
from gate_pages import DEV_CORPORA, corpus_pages, fixture_and_zoo_pages

from newsparse.document import Document, load
from newsparse.extract import disclaimer, page_phrases, takeaways
from newsparse.extract.dom import WIDGET_SKIP_TEXT, Claim, block_text, norm_space, page_index
from newsparse.extract.vocabulary import (
    DISCLAIMER_CUES,
    DISCLAIMER_LABEL_WORDS,
    TAKEAWAY_LABEL_WORDS,
)
from newsparse.extract.widget_gate import PhraseGate, fold, relaxed_source, shown_text

#: Every pattern a gate is built from (the originals, case-insensitive).
SOURCES = (
    *(cue.pattern for cue in disclaimer._CUES),
    *(cue.pattern for cue in DISCLAIMER_CUES),
    disclaimer._LABEL_WORDS,
    DISCLAIMER_LABEL_WORDS,
    takeaways._STRONG_LABEL.pattern.replace("^", ""),
    takeaways._WEAK_LABEL.pattern.replace("^", ""),
    TAKEAWAY_LABEL_WORDS,
)


_pages = fixture_and_zoo_pages


def _doc(html: str | bytes) -> Document:
    doc = load(html)
    page_index(doc)
    return doc


def _squash(text: str) -> str:
    return fold("".join(norm_space(text).split()))


def _same(a: Claim[Any], b: Claim[Any]) -> bool:
    """Same value and the same elements (by tag and source line: two loads of a page)."""
    return a.value == b.value and [(n.tag, n.sourceline) for n in a.nodes] == [
        (n.tag, n.sourceline) for n in b.nodes
    ]


def _takeaways_ungated(doc: Document) -> Claim[Any]:
    """extract_takeaways as it was before its gate: the box search on every element."""
    body = doc.root.find("body")
    root = body if body is not None else doc.root
    found, claimed = takeaways._boxes(doc, root)
    if not found:
        top = takeaways._top_summary_list(root)
        if top is not None:
            return Claim([item for _, item in top[1]], [top[0]])
    return Claim(found, claimed)


def _check_page(html: str | bytes) -> tuple[bool, bool]:
    """(disclaimer gate, takeaways gate) on a page; each detector finds with its gates
    what it finds without them, and nothing where its gate rejects the page."""
    doc = _doc(html)
    disclaimer_gate = disclaimer.may_have_disclaimer(doc)
    takeaways_gate = takeaways.may_have_labelled_box(doc)
    ungated = disclaimer._find(_doc(html))
    assert _same(disclaimer.extract_disclaimer(_doc(html)), ungated)
    assert disclaimer_gate or ungated.value is None
    fresh = _doc(html)
    body = fresh.root.find("body")
    boxes = takeaways._boxes(fresh, body if body is not None else fresh.root)
    assert takeaways_gate or boxes == ([], [])
    assert _same(takeaways.extract_takeaways(_doc(html)), _takeaways_ungated(_doc(html)))
    return disclaimer_gate, takeaways_gate


def test_gates_are_necessary_on_fixtures_and_zoo() -> None:
    passed = [_check_page(html) for _, html in _pages()]
    # the gates do reject pages (or this test would prove nothing)
    assert sum(not d for d, _ in passed) >= 10
    assert sum(not t for _, t in passed) >= 50


@pytest.mark.parametrize("corpus", DEV_CORPORA)
def test_gates_are_necessary_on_dev_corpora(corpus: str, request: pytest.FixtureRequest) -> None:
    for _, html in corpus_pages(corpus, request):
        _check_page(html)


def test_shown_text_holds_every_element_text() -> None:
    for name, html in _pages():
        doc = _doc(html)
        text = shown_text(doc)
        assert text is not None
        body = doc.root.find("body")
        walker = body.iter() if body is not None else doc.root.iter()
        for el in walker:
            if not isinstance(el.tag, str):
                continue
            if el.tag in WIDGET_SKIP_TEXT or any(
                a.tag in WIDGET_SKIP_TEXT for a in el.iterancestors()
            ):
                continue
            assert _squash(block_text(el)) in text, (name, el.tag)


def _element_texts() -> set[str]:
    texts = set()
    for _, html in _pages():
        doc = _doc(html)
        for el in doc.root.iter("p", "div", "li", "strong", "h2", "h3", "h4", "td"):
            text = block_text(el)
            if 0 < len(text) <= 1000:
                texts.add(text)
    return texts


#: Cue and label phrases with odd spacing, case and the letters case folding must handle.
ODD = (
    "Your CAPITAL  is\u00a0at risk.",
    "This is NOT FINANCIAL\tADVICE; do your own research.",
    "For İnformational purposes only.",
    "Bu içerik YATIRIM TAVSİYESİ değildir ve sermayeniz risk altındadır.",
    "KEY\u2009TAKEAWAYS:",
    "Ce qu’il faut retenir",
    "TL ; DR",
    "免責事項：本記事は投資助言ではありません。",
    "Це не є фінансовою порадою: власне дослідження.",
)


def test_relaxed_patterns_match_wherever_the_originals_do() -> None:
    gates = [(re.compile(s, re.IGNORECASE), PhraseGate([s])) for s in SOURCES]
    texts = [*ODD, *_element_texts()]
    matched = 0
    for text in texts:
        squashed = _squash(text)
        for original, gate in gates:
            if original.search(text):
                matched += 1
                assert gate.may_match(squashed), (original.pattern[:60], text[:120])
    assert matched >= 100


def test_relaxing_refuses_what_it_cannot_handle() -> None:
    for pattern in (r"^disclaimer", r"risk(?=\s)", r"\Sadvice", r"\Wrisk"):
        with pytest.raises(ValueError):
            relaxed_source(pattern)
    assert relaxed_source(r"\bpast\s+performance\b") == "pastperformance"


def _literal_chars() -> set[str]:
    chars = set("abcdefghijklmnopqrstuvwxyz")
    for source in SOURCES:
        chars.update(c for c in source if not c.isascii())
    return chars


def test_fold_agrees_with_ignorecase() -> None:
    """Every character ``re.IGNORECASE`` equates with a letter of the patterns folds to
    what that letter folds to (so lower-cased text and patterns compare as the
    case-insensitive originals do)."""
    chars = _literal_chars()
    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    letters = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]", re.IGNORECASE)
    for c in set(letters.findall(everything)):
        for letter in chars:
            if re.fullmatch(re.escape(letter), c, re.IGNORECASE):
                assert fold(c) == fold(letter), (hex(ord(c)), letter)
    # a word character folds to word characters (the relaxed patterns' \w runs)
    for c in re.findall(r"\w", everything):
        assert re.fullmatch(r"\w*", fold(c)), hex(ord(c))


def test_gate_lets_unknown_text_through() -> None:
    gate = PhraseGate([r"past\s+performance"])
    assert gate.may_match(None)
    assert gate.may_match(_squash("Past  performance is no guide."))
    assert not gate.may_match(_squash("Performance in the past was fine."))


def test_disclaimer_gate_on_a_small_page() -> None:
    plain = "<html><body><article><h1>Bitcoin slips</h1><p>Prices fell.</p></article>"
    assert not disclaimer.may_have_disclaimer(_doc(plain + "</body></html>"))
    cue = plain + "<p>Nothing here is in<b>vestment ad</b>vice.</p></body></html>"
    assert disclaimer.may_have_disclaimer(_doc(cue))
    # the text of a button inside the cue is not part of the shown text
    split = plain + "<p>Capital is at <button>Share</button>risk.</p></body></html>"
    assert disclaimer.may_have_disclaimer(_doc(split))
    # a named box needs a cue in its text like any other candidate
    named = plain + "<div class='RiskWarning'><p>Prices may change.</p></div></body></html>"
    assert disclaimer.may_have_named_box(_doc(named))
    assert not disclaimer.may_have_disclaimer(_doc(named))
    # a label and the paragraph after it: a cue across the two passes the label gate
    label = plain + "<h4>Disclaimer</h4><p>Crypto assets are risky.</p></body></html>"
    assert disclaimer.may_have_disclaimer(_doc(label))


@pytest.mark.parametrize(
    "name",
    [
        "key-takeaways", "KeyTakeaways_root__x7Yz1", "main_takeaway", "tl_dr", "TlDr",
        "in-brief", "whatToKnow", "need--to--know", "at_a_glance", "keyFacts",
        "story-highlights", "summary-box", "SummaryBullets", "aiSummary", "key-notes",
        "quick-takes", "key-point", "KEY.POINTS",
    ],
)  # fmt: skip
def test_box_vocabulary_gate_sees_every_spelling(name: str) -> None:
    for attribute in ("class", "id", "data-testid", "aria-label", "data-type"):
        doc = _doc(f"<html><body><div {attribute}='x {name}'><ul><li>A</li></ul></div></body>")
        box = doc.root.find(".//div")
        assert takeaways._box_vocab(box) is not None, (attribute, name)
        assert takeaways.may_have_box_vocabulary(doc), (attribute, name)


def test_patterns_without_start_strings_are_searched_everywhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without the regex parser's internals (another Python) a gate still works: each
    relaxed pattern is then searched over the whole text."""
    import newsparse.extract.widget_gate as widget_gate

    monkeypatch.setattr(widget_gate, "start_strings", lambda source: None)
    gate = PhraseGate({"cue": [r"past\s+performance"], "label": [r"disclaimers?"]})
    assert gate.found(_squash("Past performance is no guide.")) == {"cue"}
    assert gate.found(_squash("Disclaimer: past performance...")) == {"cue", "label"}
    assert not gate.may_match(_squash("Performance in the past was fine."))


#: The gates of the detectors, with the patterns each group is built from.
GATES = ((page_phrases._GATE, page_phrases.GROUPS),)


def _found_by_search(groups: Mapping[str, tuple[str, ...]], text: str) -> frozenset[str]:
    """What PhraseGate.found stands in for: the groups with a relaxed pattern that
    matches somewhere in ``text`` (searched over the whole of it)."""
    return frozenset(
        group
        for group, sources in groups.items()
        if any(re.search(relaxed_source(s), text) for s in sources)
    )


def _check_scan(texts: list[str]) -> int:
    """Each gate's anchored scan finds the groups a full search finds; how many found."""
    found = 0
    for gate, groups in GATES:
        for text in texts:
            expected = _found_by_search(groups, text)
            assert gate.found(text) == expected, (sorted(expected), text[:200])
            assert gate.may_match(text) == bool(expected)
            found += bool(expected)
    return found


def test_scan_finds_what_a_search_finds_on_fixtures_and_zoo() -> None:
    texts = [shown_text(_doc(html)) for _, html in _pages()]
    assert _check_scan([t for t in texts if t is not None] + [_squash(t) for t in ODD]) >= 40


@pytest.mark.parametrize("corpus", DEV_CORPORA)
def test_scan_finds_what_a_search_finds_on_dev_corpora(
    corpus: str, request: pytest.FixtureRequest
) -> None:
    texts = [shown_text(_doc(html)) for _, html in corpus_pages(corpus, request)]
    _check_scan([t for t in texts if t is not None])


def test_shown_text_drops_zero_width_characters() -> None:
    text = "Not in\u200bvest\u00adment ad\u200cvice \u2060\ufeffé\u200d."
    page = f"<html><body><p>{text}</p></body></html>"
    assert shown_text(_doc(page)) == "notinvestmentadviceé."
    assert shown_text(_doc("<html><body><p>Caf\u00e9 <b>X</b></p></body></html>")) == "caféx"

"""The compiled anchor scan of PhraseGate (newsparse._accel.phrases) gives what the
reference's regular-expression scans give.

The Python scans are the reference: ``PhraseGate._hits_python`` (one prefix-tree pattern
per first character of the anchors, every match, scan after scan).  ``AnchorScan.hits``
must return the same (position, anchor) pairs in the same order, and ``found`` the same
groups with the compiled scan and without it.  Texts: the shown text of every fixture,
zoo and dev-corpus page, hand-made texts (anchors overlapping, one the start of another,
cut off at the end, wide first characters in narrow and wide texts), and generated ones.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.unit.gate_pages import DEV_CORPORA, compiled_module, corpus_pages, fixture_and_zoo_pages

from newsparse.document import load
from newsparse.extract import page_phrases
from newsparse.extract.widget_gate import PhraseGate, shown_text

COMPILED, needs_compiled = compiled_module("phrases")
GATE = page_phrases._GATE


def _compare(gate: PhraseGate, text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """Assert the compiled scan equals the reference on ``text``; the number of hits."""
    assert gate._anchor_scan is not None
    expected = gate._hits_python(text)
    assert gate._anchor_scan.hits(text) == expected
    found = gate.found(text), gate.found(text, first=True)
    with monkeypatch.context() as patch:
        patch.setattr(gate, "_anchor_scan", None)
        assert (gate.found(text), gate.found(text, first=True)) == found
    return len(expected)


@needs_compiled
def test_fixture_and_zoo_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    hits = 0
    for _, html in fixture_and_zoo_pages():
        text = shown_text(load(html))
        if text is not None:
            hits += _compare(GATE, text, monkeypatch)
    assert hits > 100


@needs_compiled
@pytest.mark.parametrize("corpus", DEV_CORPORA)
def test_dev_corpora(
    corpus: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _, html in corpus_pages(corpus, request):
        text = shown_text(load(html))
        if text is not None:
            _compare(GATE, text, monkeypatch)


#: A gate whose anchors overlap, start one another and have wide first characters.
SMALL = PhraseGate(
    {
        "a": [r"past\s+performance", r"pas\s+de", r"risk", r"risks?\s+of"],
        "b": [r"免責", r"免责声明", r"риск", r"é\w+"],
    }
)


@needs_compiled
@pytest.mark.parametrize(
    "text",
    [
        "",
        "pastperformance",
        "pastpastperformancepasdepastp",  # overlapping places, one cut off at the end
        "riskriskssofrisk",
        "pastperformance免責免责声明",  # wide text: every read through the kind
        "免",
        "рискрискпастperformance",
        "éétéééx",  # a first character below 256 but above ASCII
        "x" * 50 + "risk",
        "pas" * 30,
    ],
)
def test_hand_made_texts(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _compare(SMALL, text, monkeypatch)
    _compare(GATE, text, monkeypatch)


@needs_compiled
def test_hits_on_a_hand_made_text() -> None:
    """The scan's answer checked by hand: scans by first character ("p" before "r"
    before "é" before "免"), each by position, the shortest anchor at each place."""
    assert SMALL._anchor_scan is not None
    hits = SMALL._anchor_scan.hits("risk pasde é免責 pastperformance")
    # anchors: "pastp", "pasde", "risk", "risks", "免責", "免责声明", "риск", "é"
    anchors = [anchor for _, anchor in hits]
    assert hits[0] == (5, "pasde")
    assert anchors == ["pasde", "pastp", "risk", "é", "免責"]
    assert SMALL.found("risk pasde é免責 pastperformance") == {"a", "b"}


_PIECES = ["past", "p", "performance", "pas", "de", "risk", "s", "of", "免", "責", "免责声明",
           "риск", "é", "x", " ", "disclaimer", "takeaways", "notfinancialadvice",
           "keytakeaways", "要点", "核心要点", "dyor", "\U0001f600"]  # fmt: skip


@needs_compiled
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_generated_texts(pieces: list[str]) -> None:
    text = "".join(pieces)
    for gate in (SMALL, GATE):
        assert gate._anchor_scan is not None
        assert gate._anchor_scan.hits(text) == gate._hits_python(text)


@needs_compiled
def test_bad_scans_are_refused() -> None:
    assert COMPILED is not None
    with pytest.raises(ValueError):
        COMPILED.AnchorScan([("ab", ("ab",))])
    with pytest.raises(ValueError):
        COMPILED.AnchorScan([("a", ("ba",))])

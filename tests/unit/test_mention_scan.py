"""The mention scan searched branch by branch (mentions._scan) finds exactly the matches
of the one pattern it stands in for (mention_oracles.SCAN), and the quick test's last
step (_MAY_AT_START / _MAY_AFTER) answers as mention_oracles.MAY_MENTION.search: on
generated texts, the sample texts of test_mentions, the fixture and zoo pages and the
dev corpora when ../shared is present."""

from __future__ import annotations

import re
from typing import Any

import pytest
from gate_pages import DEV_CORPORA, corpus_pages, fixture_and_zoo_pages
from hypothesis import given, settings
from hypothesis import strategies as st
from mention_oracles import MAY_MENTION, SCAN
from test_mentions import PRICES, STOCKS

import newsparse
from newsparse.extract.mentions import (
    _CELL_KIND,
    _EOS_KIND,
    _MAY_AFTER,
    _MAY_AT_START,
    _NAMED_KIND,
    _PSYM_KIND,
    _scan,
)

Read = tuple[int, int, dict[str, tuple[str, tuple[int, int]]]]


def _groups(m: re.Match[str]) -> dict[str, tuple[str, tuple[int, int]]]:
    """The groups of ``SCAN`` that took part in the match, with their spans."""
    return {
        name: (m[name], m.span(name))
        for name in SCAN.groupindex
        if name in m.re.groupindex and m[name] is not None
    }


def _oracle(text: str) -> list[Read]:
    return [(m.start(), m.end(), _groups(m)) for m in SCAN.finditer(text)]


def _branches(text: str) -> list[Read]:
    return [(start, end, _groups(m)) for _, m, start, end in _scan(text)]


def _same(text: str) -> int:
    found = _branches(text)
    assert found == _oracle(text)
    may = _MAY_AT_START.match(text) is not None or _MAY_AFTER.search(text) is not None
    assert may == (MAY_MENTION.search(text) is not None)
    return len(found)


_TOKENS = [
    "$", "US$", "€", "£", "zł", "USD", "EUR", "5", "25", "3,400", "1.234,56", "0.5", ".5",
    "bn", "m", "k", "million", "euros", "NYSE", "Nasdaq", ":", " ", "  ", "\n", "\u00a0",
    ".", ",", "...", "…", "!", "?", "\"", "”", ")", "(", "(BTC)", "(CEO)", "BTC", "Bitcoin",
    "bitcoin", "ether", "Ether", " | ", "|", "AAPL", "Inc.", "U.S.", "The", "a", "x", "é", "_",
]  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=20).map("".join))
def test_same_matches_as_the_one_pattern_on_generated_text(text: str) -> None:
    _same(text)


@given(st.text(max_size=60))
def test_same_matches_on_any_text(text: str) -> None:
    _same(text)


def test_same_matches_on_the_sample_texts() -> None:
    texts = [text for text, _ in [*PRICES, *STOCKS]]
    assert sum(_same(text) for text in texts) >= len(texts)


def test_each_branch_is_told_apart() -> None:
    text = "Bitcoin (BTC) rose to $60,853. It fell.\nNYSE: X | y"
    found = [(kind, text[start:end]) for kind, _, start, end in _scan(text)]
    assert found == [
        (_NAMED_KIND, "Bitcoin"), (_PSYM_KIND, "(BTC)"), (_NAMED_KIND, "$60,853"),
        (_EOS_KIND, "."), (_EOS_KIND, "."), (_EOS_KIND, "\n"), (_NAMED_KIND, "NYSE: X"),
        (_CELL_KIND, " | "),
    ]  # fmt: skip
    assert _same(text) == 8


def test_a_tie_goes_to_the_earlier_branch() -> None:
    """A newline before " | " is a sentence end and the start of a cell boundary: the
    alternation takes the sentence end, as _scan does."""
    text = "Ether at $3,000\n| BTC | $60,000"
    found = [(kind, text[start:end]) for kind, _, start, end in _scan(text)]
    assert (_EOS_KIND, "\n") in found
    assert (_CELL_KIND, "\n| ") not in found
    assert _same(text) == len(found)


def _page_texts(pages: Any) -> list[str]:
    return [newsparse.parse(html).text for _, html in pages]


def test_same_matches_on_fixtures_and_zoo() -> None:
    assert sum(_same(text) for text in _page_texts(fixture_and_zoo_pages())) > 100


@pytest.mark.parametrize("corpus", DEV_CORPORA)
def test_same_matches_on_dev_corpora(corpus: str, request: pytest.FixtureRequest) -> None:
    for text in _page_texts(corpus_pages(corpus, request)):
        _same(text)

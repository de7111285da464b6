"""Sections: the body split at its headings, with the tree of levels."""

from __future__ import annotations

import newsparse
from newsparse.extract.sections import build_sections
from newsparse.models import Heading, ListBlock, ListItem, Paragraph


def _p(text: str) -> Paragraph:
    return Paragraph(text=text, markdown=text)


def _h(level: int, text: str) -> Heading:
    return Heading(level=level, text=text, markdown=text)


def test_lead_then_one_section_per_heading() -> None:
    blocks = [_p("lead"), _h(2, "A"), _p("a1"), _p("a2"), _h(3, "A.1"), _p("a.1"), _h(2, "B")]
    sections = build_sections(blocks)
    assert [(s.heading, s.level, s.parent) for s in sections] == [
        (None, 0, None),
        ("A", 2, None),
        ("A.1", 3, 1),
        ("B", 2, None),
    ]
    assert sections[1].text == "a1\n\na2"
    assert sections[3].blocks == []


def test_no_lead_when_the_body_starts_with_a_heading() -> None:
    sections = build_sections(
        [_h(2, "Only"), ListBlock(ordered=False, items=[ListItem(text="x", markdown="x")])]
    )
    assert [s.heading for s in sections] == ["Only"]
    assert sections[0].text == "x"


def test_empty_body_has_no_sections() -> None:
    assert build_sections([]) == []


def test_section_tree_nests_by_level() -> None:
    html = (
        "<article><p>Lead paragraph of the story, long enough to count.</p>"
        "<h2>Markets</h2><p>Markets fell sharply on the day.</p>"
        "<h3>Bitcoin</h3><p>Bitcoin slid below its support.</p>"
        "<h3>Ether</h3><p>Ether followed the move lower.</p>"
        "<h2>Outlook</h2><p>Analysts expect more volatility.</p></article>"
    )
    article = newsparse.parse(html)
    tree = article.section_tree()
    assert [n.section.heading for n in tree] == [None, "Markets", "Outlook"]
    assert [c.section.heading for c in tree[1].children] == ["Bitcoin", "Ether"]

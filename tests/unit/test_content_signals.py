"""Main content: the signals that decide between candidates, one rule per test.

Each test here is built so that exactly one signal decides the outcome (the other
signals balance out), so that weakening that signal fails the test.  They are the
unit tests behind tools/mutants.py's "content-hint-sign" and "sibling-density".
"""

from __future__ import annotations

from running_text import SENTENCES, sentences

import newsparse


def para(i: int) -> str:
    """A paragraph of running text, distinct per ``i``."""
    body = sentences(i)
    return f"<p>Paragraph {i}. {body}</p>"


def article(n: int) -> str:
    return "".join(para(i) for i in range(n))


def page(body: str) -> str:
    return f"<html><head><title>Rates held steady</title></head><body>{body}</body></html>"


def extract(html: str) -> str:
    """The body text, through the public API only (the scoring internals may change)."""
    return newsparse.parse(html).text


def _menu(n: int) -> str:
    """A site menu of ``n`` links: link text only, worth less than nothing as content."""
    items = "".join(
        f'<li><a href="/section/{i}">Section number {i} news</a></li>' for i in range(n)
    )
    return f"<div><ul>{items}</ul></div>"


def test_the_block_named_as_the_article_body_beats_a_longer_unnamed_one() -> None:
    """Two separate blocks of running text, one named ``entry-content`` (5 paragraphs),
    one unnamed and a little longer (6), kept apart by a big menu: the named one is the
    article; the page's own markup says so."""
    named = "<div class='main'><div class='entry-content'>" + article(5) + "</div></div>"
    other = "<div class='other'><div>" + "".join(para(10 + i) for i in range(6)) + "</div></div>"
    text = extract(page(named + _menu(90) + other))
    assert "Paragraph 0" in text and "Paragraph 4" in text
    assert "Paragraph 10" not in text


def _teasers(n: int) -> str:
    """Paragraphs that open with a linked headline of another story (about 40% link text)."""
    return "".join(
        f'<p><a href="/story/{i}">Another story about the central bank and its rate path, '
        f"part {i}</a> {SENTENCES[i % len(SENTENCES)]}</p>"
        for i in range(n)
    )


def test_a_link_heavy_sibling_is_not_taken_for_the_rest_of_the_article() -> None:
    """The article's first part has siblings: a big menu (so that their common wrapper
    scores below the first part), an ad slot, the article's second part (running text,
    no links) and a block of teasers (running text, but ~40% of it in links).  The
    second part is kept as the article's continuation; the teasers are not."""
    html = page(
        "<div class='wrap'>"
        f"{_menu(70)}"
        f"<div class='part'>{article(5)}</div>"
        "<div class='ad-slot'><a href='/ad'>Ad</a></div>"
        f"<div class='part'>{''.join(para(20 + i) for i in range(3))}</div>"
        f"<div class='more'>{_teasers(6)}</div>"
        "</div>"
    )
    text = extract(html)
    assert "Paragraph 0" in text and "Paragraph 22" in text
    assert "Another story" not in text

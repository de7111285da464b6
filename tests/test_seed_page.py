"""The page newsparse exists for: the seed crypto-news page, rendered as a WordPress theme
serves it (tests/fixtures/crypto-news-page.html). Expected values were read off the page."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

import newsparse
from newsparse import Article, Heading

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGE = FIXTURES / "crypto-news-page.html"


@pytest.fixture(scope="module")
def article() -> Article:
    return newsparse.parse(PAGE.read_bytes())


def test_metadata(article: Article) -> None:
    assert article.title == (
        "A 55 Million Bet on AI Infrastructure: Why Crypto Capital is Rotating Away from Bitcoin"
    )
    assert [a.name for a in article.authors] == ["Aisha Okonkwo"]
    # the page says 2026-06-06T09:30:00+00:00: the same wall-clock time and the same offset
    # (== on aware datetimes compares instants only, so check the fields and offset too)
    assert isinstance(article.published, datetime)
    assert article.published == datetime(2026, 6, 6, 9, 30, tzinfo=timezone.utc)
    assert article.published.replace(tzinfo=None) == datetime(2026, 6, 6, 9, 30)
    assert article.published.utcoffset() == timedelta(0)
    assert article.published_raw == "2026-06-06T09:30:00+00:00"
    assert isinstance(article.modified, datetime)
    assert article.modified.replace(tzinfo=None) == datetime(2026, 6, 6, 11, 5)
    assert article.modified.utcoffset() == timedelta(0)
    assert article.language is not None and article.language.lower().startswith("en")
    assert article.canonical_url is not None and article.canonical_url.startswith("https://")


def test_sections(article: Article) -> None:
    headings = [s.heading for s in article.sections]
    assert headings == [
        None,
        "The Synergy",
        "AI Use Cases in Web3",
        "Data Privacy Implications",
        "The Innovation Frontier",
        "Concluding Thoughts",
    ]
    assert [b.level for b in article.body if isinstance(b, Heading)] == [2] * 5
    assert article.sections[0].text.startswith("As artificial intelligence companies")
    assert article.sections[-1].text.endswith(
        "Adjust your expectations and your investments accordingly."
    )


def test_takeaways(article: Article) -> None:
    assert [(t.label, t.text[:30]) for t in article.takeaways] == [
        ("Bitcoin Outflows", "$4.4 billion has exited spot E"),
        ("Infrastructure Bets", "BlockchAIn (NYSE: AIB) priced "),
        ("Decentralized Compute", "The Akash Network generated ov"),
    ]


def test_comment_tree(article: Article) -> None:
    top = article.comments
    assert len(top) == 3
    assert [len(c.replies) for c in top] == [0, 1, 0]
    reply = top[1].replies[0]
    assert reply.text.startswith("^ hard to argue when BTC is sitting at 60k")
    assert reply.author == "Priya N"
    assert top[2].author == "Lena Vogt" and top[2].author_url == "https://lenavogt.example/"
    assert all("Reply" not in c.text and "says:" not in c.text for c in article.iter_comments())
    assert sum(1 for _ in article.iter_comments()) == 4


def test_tickers(article: Article) -> None:
    quotes = article.tickers
    assert len(quotes) == 17
    assert len({q.symbol for q in quotes}) == 17
    first, last = quotes[0], quotes[-1]
    assert (first.symbol, first.price, first.change_percent) == (
        "BTC",
        Decimal("61321.00"),
        Decimal("-1.9"),
    )
    assert (last.symbol, last.price, last.change_percent) == (
        "SUI",
        Decimal("0.7101"),
        Decimal("1.6"),
    )
    assert all(q.currency == "USD" for q in quotes)


def test_disclaimer(article: Article) -> None:
    assert article.disclaimer == (
        "The cryptocurrency market remains highly volatile. This article is for informational "
        "purposes only and does not constitute financial advice."
    )


def test_mentions(article: Article) -> None:
    prices = {(m.asset, m.amount, m.qualifier) for m in article.mentions.prices}
    assert ("BTC", Decimal("60853"), "exactly") in prices
    assert ("ETH", Decimal("1567"), "near") in prices
    assert ("SOL", Decimal("63"), "roughly") in prices
    assert [(s.exchange, s.symbol) for s in article.mentions.stocks] == [("NYSE", "AIB")]
    for m in article.mentions.prices:
        assert article.text[m.start : m.end] == m.raw


@pytest.mark.parametrize(
    "widget_text",
    [
        "Get daily crypto insights",  # newsletter banner
        "61,321.00",  # ticker
        "Bitcoin Outflows",  # takeaways box
        "does not constitute financial advice",  # disclaimer
        "thoughts on",  # comments heading
        "the halving narrative",  # a comment
        "Leave a Comment",  # comment form
        "Your email address will not be published",
        "Scroll to Top",
        "Related posts",
        "Advertisement",
    ],
)
def test_body_has_no_widget_text(article: Article, widget_text: str) -> None:
    assert widget_text not in article.text
    assert widget_text not in article.to_markdown()


def test_body_blocks(article: Article) -> None:
    assert article.text.startswith("As artificial intelligence companies continue to break")
    assert article.text.endswith("Adjust your expectations and your investments accordingly.")
    assert len(article.body) == 5 + 17  # five headings and seventeen paragraphs


# The shared scorer's full marks on this page (and on its renderings by other stacks)
# are checked in test_stacks.py.
